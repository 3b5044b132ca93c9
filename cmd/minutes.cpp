#include "views/minutes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>

#include "brief.hpp"
#include "record.hpp"
#include "util/read.hpp"
#include "util/text.hpp"

namespace commplan::cli {

namespace {

namespace fs = std::filesystem;

struct MinutesCommandOptions {
  BriefOptions brief;
  std::string meeting;
};

/// The formats minutes offers: a new one is a row here plus its template or serializer.
std::vector<OutputFormat> minutes_formats() { return page_formats(); }

int run_minutes(Context& ctx, const MinutesCommandOptions& opts) {
  if (opts.brief.project.empty())
    throw Error(Error::Kind::usage, "",
                "minutes: PROJECT is required (commplan minutes PROJECT --date D)");
  MinutesOptions own{parse_meeting_kind(opts.meeting)};
  auto build = [own](const Project& project, const ViewOptions& common, Diagnostics& diagnostics) {
    return build_minutes_view(project, common, own, diagnostics);
  };
  return run_brief(ctx, opts.brief, {"minutes", build});
}

// ---- minutes add / done: recorded through cmd/record ------------------------------------

using nlohmann::ordered_json;

struct MinutesAddOptions {
  RecordOptions record;
  std::string meeting, phase;
  std::vector<std::string> present, decisions, actions, confirmed;
};

/// `text` cut at every `|`, each part trimmed: at most `most` parts, else a usage error of
/// `option` naming the form `form`.
std::vector<std::string> parts_of(const std::string& text, size_t most, std::string_view option,
                                  std::string_view form) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t bar = text.find('|');; bar = text.find('|', start)) {
    parts.emplace_back(trim(std::string_view(text).substr(
        start, bar == std::string::npos ? std::string::npos : bar - start)));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  if (parts.size() > most || parts.front().empty())
    throw Error(Error::Kind::usage, Source::option, std::string(option),
                fmt::format("expected \"{}\", got \"{}\"", form, text));
  parts.resize(most);
  return parts;
}

/// An --action "WHAT|OWNER|DUE" as the file writes it (owner and due may be left out).
ordered_json action_item(const std::string& text) {
  auto parts = parts_of(text, 3, "--action", "WHAT|OWNER|DUE");
  ordered_json item{{"what", parts[0]}};
  if (!parts[1].empty()) item["owner"] = parts[1];
  if (!parts[2].empty()) {
    auto due = parse_date(parts[2]);
    if (!due)
      throw Error(
          Error::Kind::usage, Source::option, "--action",
          fmt::format("the due date of \"{}\" is \"{}\"; expected YYYY-MM-DD", parts[0], parts[2]));
    item["due"] = format_date(*due);
  }
  return item;
}

/// A --confirmed "WHAT|BY" as the file writes it (who confirmed may be left out).
ordered_json confirmation_item(const std::string& text) {
  auto parts = parts_of(text, 2, "--confirmed", "WHAT|BY");
  ordered_json item{{"what", parts[0]}};
  if (!parts[1].empty()) item["by"] = parts[1];
  return item;
}

std::string_view scalar(const Node* node) {
  return node != nullptr && node->is_scalar() ? std::string_view(node->text()) : std::string_view();
}

/// The index in the file's `minutes` of the record of `kind` on `day` by `author` (of `phase`),
/// or nullopt.
std::optional<size_t> minutes_of(const Document& doc, std::string_view kind, const std::string& day,
                                 const std::string& author, const std::string& phase) {
  const Node* list = doc.root.is_mapping() ? doc.root.find("minutes") : nullptr;
  if (list == nullptr || !list->is_sequence()) return std::nullopt;
  for (size_t i = 0; i < list->items().size(); ++i) {
    const Node& item = list->items()[i];
    if (!item.is_mapping()) continue;
    auto meeting = parse_meeting_kind(scalar(item.find("meeting")));
    if (meeting && to_string(*meeting) == kind && scalar(item.find("date")) == day &&
        scalar(item.find("by")) == author && scalar(item.find("phase")) == phase)
      return i;
  }
  return std::nullopt;
}

/// The names of `present` the record at `index` does not list yet.
std::vector<std::string> not_yet_present(const Document& doc, std::optional<size_t> index,
                                         const std::vector<std::string>& present) {
  std::set<std::string_view> listed;
  if (index) {
    const Node* list = doc.root.find("minutes")->items()[*index].find("present");
    if (list != nullptr && list->is_sequence())
      for (const Node& name : list->items()) listed.insert(scalar(&name));
  }
  std::vector<std::string> added;
  for (const std::string& name : present)
    if (listed.insert(name).second) added.push_back(name);
  return added;
}

std::string counted(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

int run_minutes_add(Context& ctx, const MinutesAddOptions& opts) {
  if (opts.present.empty() && opts.decisions.empty() && opts.actions.empty() &&
      opts.confirmed.empty())
    throw Error(Error::Kind::usage, Source::option, "minutes add",
                "nothing to record: give --present, --decision, --action or --confirmed");
  if (!opts.phase.empty() && opts.meeting != "phase")
    throw Error(Error::Kind::usage, Source::option, "--phase",
                "only goes with --meeting phase, not --meeting " + opts.meeting);
  std::vector<ordered_json> actions, confirmations;
  for (const std::string& a : opts.actions) actions.push_back(action_item(a));
  for (const std::string& c : opts.confirmed) confirmations.push_back(confirmation_item(c));
  auto rec = open_recording(ctx, opts.record);
  if (!rec) return kInvalid;
  if (!opts.phase.empty()) {
    std::vector<std::string> ids;
    for (const Phase& p : rec->project.phases) ids.push_back(p.id);
    if (std::find(ids.begin(), ids.end(), opts.phase) == ids.end())
      throw unknown_id("--phase", "phase", opts.phase, ids);
  }
  Date day = record_date(ctx, "--date", opts.record.date, rec->project);
  std::string author = resolve_author(ctx, opts.record.by, *rec);
  std::string date = format_date(day);
  RecordTarget target = record_target(*rec, day, author);
  FileEdit edit = open_edit(target);
  std::optional<size_t> index = minutes_of(edit.document(), opts.meeting, date, author, opts.phase);
  std::vector<std::string> present = not_yet_present(edit.document(), index, opts.present);
  if (index) {
    auto add_all = [&](const char* key, const auto& items) {
      for (const auto& item : items) edit.append({"minutes", *index, key}, item);
    };
    add_all("present", present);
    add_all("decisions", opts.decisions);
    add_all("actions", actions);
    add_all("confirmations", confirmations);
  } else {
    ordered_json entry{{"meeting", opts.meeting}, {"date", date}};
    if (!opts.phase.empty()) entry["phase"] = opts.phase;
    if (!author.empty()) entry["by"] = author;
    if (!present.empty()) entry["present"] = present;
    if (!opts.decisions.empty()) entry["decisions"] = opts.decisions;
    if (!actions.empty()) entry["actions"] = actions;
    if (!confirmations.empty()) entry["confirmations"] = confirmations;
    edit.append({"minutes"}, entry);
  }
  std::vector<std::string> counts;
  if (!present.empty()) counts.push_back(counted(present.size(), "present", "present"));
  if (!opts.decisions.empty())
    counts.push_back(counted(opts.decisions.size(), "decision", "decisions"));
  if (!actions.empty()) counts.push_back(counted(actions.size(), "action", "actions"));
  if (!confirmations.empty())
    counts.push_back(counted(confirmations.size(), "confirmation", "confirmations"));
  std::string who = author.empty() ? "" : fmt::format(" by {}", author);
  std::string summary = fmt::format("{}the {} minutes of {}{} ({})", index ? "to " : "",
                                    opts.meeting, date, who, fmt::join(counts, ", "));
  return commit_record(ctx, *rec, target, edit.text(), summary);
}

struct MinutesDoneOptions {
  std::string project, date, action;
};

/// An action not done yet, and where it is written.
struct Candidate {
  const Minutes* minutes;
  const Action* action;
};

/// The actions of minutes dated `day` or earlier with no `done` that `text` names: the one
/// whose text it is, else those whose text holds it (letters of any case).
std::vector<Candidate> matching(const Project& project, Date day, const std::string& text,
                                std::vector<std::string>& open_texts) {
  std::vector<Candidate> exact, partial;
  std::string wanted = ascii_lower(text);
  for (const Minutes& m : project.minutes) {
    if (!m.date.ok() || day < m.date) continue;
    for (const Action& a : m.actions) {
      if (a.done) continue;
      open_texts.push_back(a.what);
      if (a.what == text)
        exact.push_back({&m, &a});
      else if (ascii_lower(a.what).find(wanted) != std::string::npos)
        partial.push_back({&m, &a});
    }
  }
  return exact.empty() ? partial : exact;
}

/// A note at the action of `c`: its text, owner, due date and meeting.
Diagnostic describe(const Candidate& c) {
  std::string owner = c.action->owner.empty() ? "" : fmt::format(", {}", c.action->owner);
  std::string due = c.action->due ? fmt::format(", due {}", format_date(*c.action->due)) : "";
  return c.action->origin.problem(
      Level::note, "what",
      fmt::format("open action \"{}\"{}{} ({} minutes of {})", c.action->what, owner, due,
                  to_string(c.minutes->meeting), format_date(c.minutes->date)));
}

int run_minutes_done(Context& ctx, const MinutesDoneOptions& opts) {
  auto rec = open_recording(ctx, {opts.project, opts.date, ""});
  if (!rec) return kInvalid;
  Date day = record_date(ctx, "--date", opts.date, rec->project);
  std::vector<std::string> open_texts;
  std::vector<Candidate> found = matching(rec->project, day, opts.action, open_texts);
  if (found.empty()) {
    std::string close = closest_name(opts.action, open_texts);
    throw Error(
        Error::Kind::usage, Source::option, "--action",
        open_texts.empty()
            ? fmt::format("no action is open on {}", format_date(day))
            : fmt::format("no open action matches \"{}\"{}", opts.action,
                          close.empty() ? "" : fmt::format("; did you mean \"{}\"?", close)));
  }
  if (found.size() > 1) {
    // The error, then each action it could mean, where it is written.
    Diagnostics ambiguous;
    ambiguous.error(Source::option, "--action",
                    fmt::format("\"{}\" matches {} open actions; give more of its text",
                                opts.action, found.size()));
    for (const Candidate& c : found) ambiguous.add(describe(c));
    report(ctx, ambiguous);
    return kUsage;
  }
  const Candidate& c = found.front();
  const Document& doc = *c.minutes->origin.doc;
  auto m = index_of(doc.root.find("minutes"), c.minutes->origin.tree_node());
  auto a =
      m ? index_of(c.minutes->origin.tree_node()->find("actions"), c.action->origin.tree_node())
        : std::nullopt;
  if (!m || !a)
    throw Error(Error::Kind::invalid_input, doc.file,
                fmt::format("cannot find the action \"{}\" in the file", c.action->what));
  RecordTarget target = target_holding(*rec, doc);
  FileEdit edit = open_edit(target);
  edit.set({"minutes", *m, "actions", *a, "done"}, format_date(day));
  std::string owner = c.action->owner.empty() ? "" : fmt::format(" ({})", c.action->owner);
  return commit_record(
      ctx, *rec, target, edit.text(),
      fmt::format("action \"{}\"{} done on {}", c.action->what, owner, format_date(day)));
}

void add_minutes_add(CLI::App* minutes, Context& ctx) {
  auto opts = std::make_shared<MinutesAddOptions>();
  auto* add = minutes->add_subcommand(
      "add",
      "Record a meeting's minutes (a second call adds to the same record); in the project file, "
      "or in log_dir's DATE.NAME.yaml");
  add_record_options(add, opts->record, "--date",
                     "The day of the meeting: YYYY-MM-DD, today or yesterday (default: today)");
  add->add_option("--meeting", opts->meeting, "Which meeting: kickoff, daily, phase or final")
      ->required()
      ->check(CLI::IsMember({"kickoff", "daily", "phase", "final"}));
  add->add_option("--phase", opts->phase, "The phase a phase recap recaps (--meeting phase)");
  add->add_option("--present", opts->present, "Who attended (repeat for more)")->check(has_text());
  add->add_option("--decision", opts->decisions, "What was decided (repeat for more)")
      ->check(has_text());
  add->add_option("--action", opts->actions,
                  "An action agreed: \"WHAT|OWNER|DUE\", OWNER and DUE (YYYY-MM-DD) may be left "
                  "out (repeat for more)")
      ->check(has_text());
  add->add_option("--confirmed", opts->confirmed,
                  "What the client confirmed: \"WHAT|BY\", BY who confirmed it (repeat for more)")
      ->check(has_text());
  add->callback([opts, &ctx] { ctx.exit_code = run_minutes_add(ctx, *opts); });
}

void add_minutes_done(CLI::App* minutes, Context& ctx) {
  auto opts = std::make_shared<MinutesDoneOptions>();
  auto* done = minutes->add_subcommand(
      "done", "Mark an open action of the minutes done, in the file that holds it");
  done->add_option("PROJECT", opts->project, "Project file (.yaml, .yml, .json) to record into")
      ->required();
  done->add_option("--action", opts->action,
                   "The action: its text, or a part of it that names one open action")
      ->required()
      ->check(non_empty());
  done->add_option("--date", opts->date,
                   "The day it was done: YYYY-MM-DD, today or yesterday (default: today)")
      ->check(non_empty());
  done->callback([opts, &ctx] { ctx.exit_code = run_minutes_done(ctx, *opts); });
}

}  // namespace

void add_minutes_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<MinutesCommandOptions>();
  auto* cmd = app.add_subcommand(
      "minutes", "Minutes of a meeting for the client to archive; minutes add / done record them");
  // PROJECT is checked by hand: `minutes add PROJECT` and `minutes done PROJECT` take their own.
  add_brief_options(cmd, opts->brief, minutes_formats(), true);
  cmd->add_option("--meeting", opts->meeting,
                  "Which meeting of --date: kickoff, daily, phase or final (default: the day's "
                  "only one)")
      ->check(CLI::IsMember({"kickoff", "daily", "phase", "final"}));
  cmd->require_subcommand(0, 1);
  add_minutes_add(cmd, ctx);
  add_minutes_done(cmd, ctx);
  cmd->callback([opts, cmd, &ctx] {
    if (cmd->get_subcommands().empty()) ctx.exit_code = run_minutes(ctx, *opts);
  });
}

}  // namespace commplan::cli
