// commplan log add: record the day's log of one author; commplan log answer: record the answer
// to a question the client asked us.

#include <fmt/format.h>

#include <memory>

#include "record.hpp"
#include "sink.hpp"

namespace commplan::cli {

namespace {

using nlohmann::ordered_json;

struct LogAddOptions {
  RecordOptions record;
  std::vector<std::string> done, support, questions, next;
  std::vector<std::string> client_questions;  ///< asked by the client: we owe the answers
  std::string answer_by;                      ///< the day those answers are promised by
};

/// The questions the client asked, as the mappings the file format gives them: owed until
/// answered, by `answer_by` when given.
std::vector<ordered_json> client_question_items(const LogAddOptions& opts, const std::string& by) {
  std::vector<ordered_json> items;
  for (const std::string& text : opts.client_questions) {
    ordered_json item{{"question", text}};
    if (!by.empty()) item["answer_by"] = by;
    items.push_back(std::move(item));
  }
  return items;
}

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
  for (size_t i = 0; i < log->items().size(); ++i) {
    const Node& item = log->items()[i];
    if (!item.is_mapping()) continue;
    const Node* date = item.find("date");
    const Node* by = item.find("by");
    std::string_view by_text = by != nullptr && by->is_scalar() ? by->text() : "";
    if (date != nullptr && date->is_scalar() && date->text() == day && by_text == author) return i;
  }
  return std::nullopt;
}

int run_log_add(Context& ctx, const LogAddOptions& opts) {
  if (opts.done.empty() && opts.support.empty() && opts.questions.empty() && opts.next.empty() &&
      opts.client_questions.empty())
    throw Error(Error::Kind::usage, Source::option, "log add",
                "nothing to record: give --done, --support, --question, --client-question or "
                "--next");
  if (!opts.answer_by.empty() && opts.client_questions.empty())
    throw Error(Error::Kind::usage, Source::option, "--answer-by",
                "--answer-by is the day the answers to --client-question are promised by");
  auto rec = open_recording(ctx, opts.record);
  if (!rec) return kInvalid;
  Date day = record_date(ctx, "--date", opts.record.date, rec->project);
  std::string answer_by =
      opts.answer_by.empty()
          ? ""
          : format_date(record_date(ctx, "--answer-by", opts.answer_by, rec->project));
  std::vector<ordered_json> asked = client_question_items(opts, answer_by);
  std::string author = resolve_author(ctx, opts.record.by, *rec);
  std::string date = format_date(day);
  RecordTarget target = record_target(*rec, day, author);
  FileEdit edit = open_edit(target);
  std::vector<std::string> counts;
  for (const LogList& list : lists_of(opts))
    if (!list.items->empty())
      counts.push_back(
          fmt::format("{} {}", list.items->size(), list.items->size() == 1 ? list.one : list.many));
  if (!asked.empty())
    counts.push_back(
        fmt::format("{} client question{}", asked.size(), asked.size() == 1 ? "" : "s"));
  std::optional<size_t> index = entry_of(edit.document(), date, author);
  bool added_to = index.has_value();
  if (index) {
    for (const LogList& list : lists_of(opts))
      for (const std::string& item : *list.items) edit.append({"log", *index, list.key}, item);
    for (const ordered_json& item : asked) edit.append({"log", *index, "questions"}, item);
  } else {
    ordered_json entry{{"date", date}};
    if (!author.empty()) entry["by"] = author;
    for (const LogList& list : lists_of(opts))
      if (!list.items->empty()) entry[list.key] = *list.items;
    if (!asked.empty()) {
      if (!entry.contains("questions")) entry["questions"] = ordered_json::array();
      for (const ordered_json& item : asked) entry["questions"].push_back(item);
    }
    edit.append({"log"}, entry);
  }
  std::string who = author.empty() ? "" : fmt::format(" by {}", author);
  std::string summary = fmt::format("{}the log of {}{} ({})", added_to ? "to " : "", date, who,
                                    fmt::join(counts, ", "));
  return commit_record(ctx, *rec, target, edit.text(), summary);
}

struct LogAnswerOptions {
  std::string project, date, question, answer;
};

/// A question the client asked that is still owed, and the entry that holds it.
struct Owed {
  const LogEntry* entry;
  const Question* question;
};

/// The questions the client asked by `day` and not answered by then that `text` names: the one
/// whose text it is, else those whose text holds it (letters of any case).
std::vector<Owed> owed_matching(const Project& project, Date day, const std::string& text,
                                std::vector<std::string>& owed_texts) {
  std::vector<Owed> exact, partial;
  std::string wanted = ascii_lower(text);
  for (const LogEntry& entry : project.log) {
    if (!entry.date.ok() || day < entry.date) continue;
    for (const Question& q : entry.questions) {
      if (!q.from_client) continue;
      std::optional<Date> answered = answered_on(q, entry.date);
      if (answered && *answered <= day) continue;
      owed_texts.push_back(q.text);
      if (q.text == text)
        exact.push_back({&entry, &q});
      else if (ascii_lower(q.text).find(wanted) != std::string::npos)
        partial.push_back({&entry, &q});
    }
  }
  return exact.empty() ? partial : exact;
}

int run_log_answer(Context& ctx, const LogAnswerOptions& opts) {
  auto rec = open_recording(ctx, {opts.project, opts.date, ""});
  if (!rec) return kInvalid;
  Date day = record_date(ctx, "--date", opts.date, rec->project);
  std::vector<std::string> owed_texts;
  std::vector<Owed> found = owed_matching(rec->project, day, opts.question, owed_texts);
  if (found.empty()) {
    std::string close = closest_name(opts.question, owed_texts);
    throw Error(
        Error::Kind::usage, Source::option, "--question",
        owed_texts.empty()
            ? fmt::format("no answer is owed on {}", format_date(day))
            : fmt::format("no owed question matches \"{}\"{}", opts.question,
                          close.empty() ? "" : fmt::format("; did you mean \"{}\"?", close)));
  }
  if (found.size() > 1) {
    Diagnostics ambiguous;
    ambiguous.error(Source::option, "--question",
                    fmt::format("\"{}\" matches {} owed questions; give more of its text",
                                opts.question, found.size()));
    for (const Owed& o : found)
      ambiguous.add(
          o.question->origin.problem(Level::note, "question",
                                     fmt::format("owed question \"{}\" (asked {})",
                                                 o.question->text, format_date(o.entry->date))));
    report(ctx, ambiguous);
    return kUsage;
  }
  const Owed& o = found.front();
  const Document& doc = *o.entry->origin.doc;
  auto e = index_of(doc.root.find("log"), o.entry->origin.tree_node());
  auto q =
      e ? index_of(o.entry->origin.tree_node()->find("questions"), o.question->origin.tree_node())
        : std::nullopt;
  if (!e || !q)
    throw Error(Error::Kind::invalid_input, doc.file,
                fmt::format("cannot find the question \"{}\" in the file", o.question->text));
  RecordTarget target = target_holding(*rec, doc);
  FileEdit edit = open_edit(target);
  edit.set({"log", *e, "questions", *q, "answer"}, opts.answer);
  edit.set({"log", *e, "questions", *q, "answered"}, format_date(day));
  return commit_record(
      ctx, *rec, target, edit.text(),
      fmt::format("the answer to \"{}\" on {}", o.question->text, format_date(day)));
}

}  // namespace

void add_log_command(CLI::App& app, Context& ctx) {
  auto* log = app.add_subcommand("log", "Record the day's log, and answers owed to the client");
  log->require_subcommand(1);
  auto opts = std::make_shared<LogAddOptions>();
  auto* add = log->add_subcommand(
      "add",
      "Add to the log of a day and author (a second call adds to the same entry); in the project "
      "file, or in log_dir's DATE.NAME.yaml");
  add_record_options(add, opts->record, "--date",
                     "The day: YYYY-MM-DD, today or yesterday (default: today)");
  add->add_option("--done", opts->done, "What was done (repeat for more)")->check(has_text());
  add->add_option("--support", opts->support,
                  "Support needed from the client (support_needed; repeat for more)")
      ->check(has_text());
  add->add_option("--question", opts->questions,
                  "A question for the client (questions; repeat for more)")
      ->check(has_text());
  add->add_option("--next", opts->next, "The plan for the next workday (repeat for more)")
      ->check(has_text());
  add->add_option("--client-question", opts->client_questions,
                  "A question the client asked us: owed until answered (log answer; repeat for "
                  "more)")
      ->check(has_text());
  add->add_option("--answer-by", opts->answer_by,
                  "The day the answers to --client-question are promised by: YYYY-MM-DD, today "
                  "or yesterday")
      ->check(non_empty());
  add->callback([opts, &ctx] { ctx.exit_code = run_log_add(ctx, *opts); });

  auto answer_opts = std::make_shared<LogAnswerOptions>();
  auto* answer = log->add_subcommand(
      "answer", "Record the answer to a question the client asked, in the file that holds it");
  answer->add_option("PROJECT", answer_opts->project, "Project file (.yaml, .yml, .json)")
      ->required()
      ->check(non_empty());
  answer
      ->add_option("--question", answer_opts->question,
                   "The owed question: its text, or a part of it that names one")
      ->required()
      ->check(non_empty());
  answer->add_option("--answer", answer_opts->answer, "The answer given")
      ->required()
      ->check(has_text());
  answer
      ->add_option("--date", answer_opts->date,
                   "The day it was answered: YYYY-MM-DD, today or yesterday (default: today)")
      ->check(non_empty());
  answer->callback([answer_opts, &ctx] { ctx.exit_code = run_log_answer(ctx, *answer_opts); });
}

}  // namespace commplan::cli
