// commplan log add: record the day's log of one author.

#include <fmt/format.h>

#include <memory>

#include "record.hpp"

namespace commplan::cli {

namespace {

using nlohmann::ordered_json;

struct LogAddOptions {
  RecordOptions record;
  std::vector<std::string> done, support, questions, next;
};

/// The log entry's lists, in the order the file format describes them, with what `opts` add.
struct LogList {
  const char* key;
  const std::vector<std::string>* items;
  const char* one;   ///< what the summary calls one item
  const char* many;  ///< and several
};

std::vector<LogList> lists_of(const LogAddOptions& opts) {
  return {{"done", &opts.done, "done", "done"},
          {"support_needed", &opts.support, "support", "support"},
          {"next", &opts.next, "next", "next"},
          {"questions", &opts.questions, "question", "questions"}};
}

/// The index in the file's `log` of the entry of `day` by `author` (no `by` matching an
/// empty author), or nullopt.
std::optional<size_t> entry_of(const Document& doc, const std::string& day,
                               const std::string& author) {
  const Node* log = doc.root.is_mapping() ? doc.root.find("log") : nullptr;
  if (log == nullptr || !log->is_sequence()) return std::nullopt;
  for (size_t i = 0; i < log->items.size(); ++i) {
    const Node& item = log->items[i];
    if (!item.is_mapping()) continue;
    const Node* date = item.find("date");
    const Node* by = item.find("by");
    std::string_view by_text = by != nullptr && by->is_scalar() ? by->text : "";
    if (date != nullptr && date->is_scalar() && date->text == day && by_text == author) return i;
  }
  return std::nullopt;
}

int run_log_add(Context& ctx, const LogAddOptions& opts) {
  if (opts.done.empty() && opts.support.empty() && opts.questions.empty() && opts.next.empty())
    throw Error(Error::Kind::usage, Source::option, "log add",
                "nothing to record: give --done, --support, --question or --next");
  auto rec = open_recording(ctx, opts.record);
  if (!rec) return kInvalid;
  Date day = record_date(ctx, "--date", opts.record.date, rec->project);
  std::string author = resolve_author(ctx, opts.record.by, *rec);
  std::string date = format_date(day);
  RecordTarget target = record_target(*rec, day, author);
  FileEdit edit = open_edit(target);
  std::vector<std::string> counts;
  for (const LogList& list : lists_of(opts))
    if (!list.items->empty())
      counts.push_back(
          fmt::format("{} {}", list.items->size(), list.items->size() == 1 ? list.one : list.many));
  std::optional<size_t> index = entry_of(edit.document(), date, author);
  bool added_to = index.has_value();
  if (index) {
    for (const LogList& list : lists_of(opts))
      for (const std::string& item : *list.items) edit.append({"log", *index, list.key}, item);
  } else {
    ordered_json entry{{"date", date}};
    if (!author.empty()) entry["by"] = author;
    for (const LogList& list : lists_of(opts))
      if (!list.items->empty()) entry[list.key] = *list.items;
    edit.append({"log"}, entry);
  }
  std::string who = author.empty() ? "" : fmt::format(" by {}", author);
  std::string summary = fmt::format("{}the log of {}{} ({})", added_to ? "to " : "", date, who,
                                    fmt::join(counts, ", "));
  return commit_record(ctx, *rec, target, edit.text(), summary);
}

}  // namespace

void add_log_command(CLI::App& app, Context& ctx) {
  auto* log = app.add_subcommand("log", "Record the day's log");
  log->require_subcommand(1);
  auto opts = std::make_shared<LogAddOptions>();
  auto* add = log->add_subcommand(
      "add",
      "Add to the log of a day and author (a second call adds to the same entry); in the project "
      "file, or in log_dir's DATE.NAME.yaml");
  add_record_options(add, opts->record, "--date",
                     "The day: YYYY-MM-DD, today or yesterday (default: today)");
  add->add_option("--done", opts->done, "What was done (repeat for more)");
  add->add_option("--support", opts->support,
                  "Support needed from the client (support_needed; repeat for more)");
  add->add_option("--question", opts->questions,
                  "A question for the client (questions; repeat for more)");
  add->add_option("--next", opts->next, "The plan for the next workday (repeat for more)");
  add->callback([opts, &ctx] { ctx.exit_code = run_log_add(ctx, *opts); });
}

}  // namespace commplan::cli
