// commplan finding add | set: record a new finding, or a dated change to one.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

#include "record.hpp"
#include "sink.hpp"
#include "util/text.hpp"

namespace commplan::cli {

namespace {

using nlohmann::ordered_json;

struct FindingAddOptions {
  RecordOptions record;
  std::string title, severity, id, phase, standard, evidence, impact, recommendation, owner;
  std::string cvss, cwe, due;
  std::vector<std::string> affected, references;
};

struct FindingSetOptions {
  RecordOptions record;
  std::string id, status, severity, note, feedback, notified, via;
};

void check_standard(const Project& project, const std::string& text) {
  if (project.standards.empty() || StandardIndex(project.standards).find(text).standard) return;
  std::vector<std::string> ids;
  for (const Standard& s : project.standards) ids.push_back(s.id);
  throw unknown_id("--standard", "standard", text, ids);
}

int run_finding_add(Context& ctx, const FindingAddOptions& opts) {
  severity_option("--severity", opts.severity);
  auto rec = open_recording(ctx, opts.record);
  if (!rec) return kInvalid;
  const Project& project = rec->project;
  Date found = record_date(ctx, "--found", opts.record.date, project);
  std::string id = opts.id.empty() ? next_finding_id(project) : opts.id;
  if (std::string_view(id) != trim(id))
    throw Error(Error::Kind::usage, Source::option, "--id",
                fmt::format("\"{}\" has blanks around it: give the id without them", id));
  for (const Finding& f : project.findings)
    if (f.id == id)
      throw Error(Error::Kind::usage, Source::option, "--id",
                  fmt::format("a finding has the id \"{}\" already", id));
  std::string phase = opts.phase.empty() ? phase_on(project, found) : opts.phase;
  if (!opts.phase.empty()) check_phase(project, opts.phase);
  if (!opts.standard.empty()) check_standard(project, opts.standard);
  std::string author = resolve_author(ctx, opts.record.by, *rec);

  ordered_json item{{"id", id}, {"title", opts.title}, {"found", format_date(found)}};
  if (!phase.empty()) item["phase"] = phase;
  item["severity"] = opts.severity;
  auto put = [&](const char* key, const std::string& value) {
    if (!value.empty()) item[key] = value;
  };
  put("standard", opts.standard);
  put("evidence", text_or_file("--evidence", opts.evidence));
  put("impact", opts.impact);
  put("recommendation", opts.recommendation);
  put("owner", opts.owner);
  put("cvss", opts.cvss);
  put("cwe", opts.cwe);
  if (!opts.affected.empty()) item["affected"] = opts.affected;
  if (!opts.references.empty()) item["references"] = opts.references;
  if (!opts.due.empty()) item["due"] = format_date(record_date(ctx, "--due", opts.due, project));
  item["status"] = "open";

  RecordTarget target = record_target(*rec, found, author);
  FileEdit edit = open_edit(target);
  edit.append({"findings"}, item);
  std::string summary =
      fmt::format("{} ({})", id, to_string(severity_named(opts.severity).value()));
  return commit_record(ctx, *rec, target, edit.text(), summary);
}

/// The history entry `opts` describe, without the finding's id.
ordered_json history_entry(const FindingSetOptions& opts, Date day, const std::string& author) {
  ordered_json entry{{"date", format_date(day)}};
  if (!opts.status.empty()) entry["status"] = opts.status;
  if (!opts.severity.empty()) entry["severity"] = opts.severity;
  if (!opts.note.empty()) entry["note"] = opts.note;
  if (!author.empty()) entry["by"] = author;
  if (!opts.notified.empty()) entry["notified"] = {{"to", opts.notified}, {"via", opts.via}};
  if (!opts.feedback.empty()) entry["feedback"] = opts.feedback;
  return entry;
}

/// What the summary line says of the change: `F-03 on 2027-03-05: resolved, severity medium`.
std::string change_summary(const FindingSetOptions& opts, Date day) {
  std::vector<std::string> parts;
  if (!opts.status.empty()) parts.emplace_back(to_string(*status_named(opts.status)));
  if (!opts.severity.empty())
    parts.push_back(fmt::format("severity {}", to_string(*severity_named(opts.severity))));
  if (!opts.notified.empty()) parts.push_back(fmt::format("notified {}", opts.notified));
  if (!opts.feedback.empty()) parts.emplace_back("client feedback");
  if (!opts.note.empty()) parts.emplace_back("note");
  return fmt::format("{} on {}: {}", opts.id, format_date(day), fmt::join(parts, ", "));
}

int run_finding_set(Context& ctx, const FindingSetOptions& opts) {
  if (!opts.status.empty()) status_option("--status", opts.status);
  if (!opts.severity.empty()) severity_option("--severity", opts.severity);
  if (opts.notified.empty() != opts.via.empty())
    throw Error(Error::Kind::usage, Source::option, opts.via.empty() ? "--notified" : "--via",
                "--notified WHO and --via HOW go together");
  if (opts.status.empty() && opts.severity.empty() && opts.note.empty() && opts.feedback.empty() &&
      opts.notified.empty())
    throw Error(Error::Kind::usage, Source::option, "finding set",
                "nothing to record: give --status, --severity, --note, --feedback or "
                "--notified WHO --via HOW");
  auto rec = open_recording(ctx, opts.record);
  if (!rec) return kInvalid;
  const Project& project = rec->project;
  auto finding = std::find_if(project.findings.begin(), project.findings.end(),
                              [&](const Finding& f) { return f.id == opts.id; });
  if (finding == project.findings.end()) {
    std::vector<std::string> ids;
    for (const Finding& f : project.findings) ids.push_back(f.id.str());
    throw unknown_id("ID", "finding", opts.id, ids);
  }
  Date day = record_date(ctx, "--date", opts.record.date, project);
  std::string author = resolve_author(ctx, opts.record.by, *rec);
  RecordTarget target = record_target(*rec, day, author);
  FileEdit edit = open_edit(target);
  append_finding_change(edit, target, *finding, history_entry(opts, day, author));
  return commit_record(ctx, *rec, target, edit.text(), change_summary(opts, day));
}

}  // namespace

void add_finding_command(CLI::App& app, Context& ctx) {
  auto* finding = app.add_subcommand("finding", "Record a finding, or a change to one");
  finding->require_subcommand(1);

  auto add = std::make_shared<FindingAddOptions>();
  auto* add_cmd = finding->add_subcommand(
      "add", "Record a new finding (in the project file, or in log_dir's DATE.NAME.yaml)");
  add_record_options(add_cmd, add->record, "--found",
                     "The day it was found: YYYY-MM-DD, today or yesterday (default: today)");
  add_cmd->add_option("--title", add->title, "One line naming the problem")
      ->required()
      ->check(has_text());
  add_cmd
      ->add_option("--severity", add->severity,
                   "critical, high, medium, low or info (or the Chinese words a file takes)")
      ->required();
  add_cmd
      ->add_option("--id", add->id,
                   "Its id (default: the next in the project's pattern, PN-17 after PN-16)")
      ->check(non_empty());
  add_cmd
      ->add_option("--phase", add->phase,
                   "Id of its phase (default: the phase running on the found date)")
      ->check(has_text());
  add_cmd
      ->add_option("--standard", add->standard,
                   "Id of the standard it is assessed against, with a clause if any")
      ->check(has_text());
  add_cmd->add_option("--evidence", add->evidence, "What was seen; @FILE reads it from FILE")
      ->check(has_text());
  add_cmd->add_option("--impact", add->impact, "What it puts at risk")->check(has_text());
  add_cmd->add_option("--recommendation", add->recommendation, "What we recommend")
      ->check(has_text());
  add_cmd->add_option("--owner", add->owner, "Who owns the remedy")->check(has_text());
  add_cmd->add_option("--cvss", add->cvss,
                      "Its CVSS 3.1 or 4.0 vector, CVSS:3.1/AV:N/...: commplan computes the score");
  add_cmd->add_option("--cwe", add->cwe, "Its weakness class, e.g. CWE-79");
  add_cmd
      ->add_option("--affected", add->affected,
                   "An asset it affects (host, URL, system); repeat for more")
      ->allow_extra_args(false)
      ->check(has_text());
  add_cmd->add_option("--reference", add->references, "Where to read more, a URL; repeat for more")
      ->allow_extra_args(false)
      ->check(has_text());
  add_cmd->add_option("--due", add->due,
                      "The remediation deadline: YYYY-MM-DD, today or yesterday");
  add_cmd->callback([add, &ctx] { ctx.exit_code = run_finding_add(ctx, *add); });

  auto set = std::make_shared<FindingSetOptions>();
  auto* set_cmd = finding->add_subcommand(
      "set", "Record a dated change to a finding: status, severity, note, feedback, notified");
  add_record_options(set_cmd, set->record, "--date",
                     "The day of the change: YYYY-MM-DD, today or yesterday (default: today)");
  set_cmd->add_option("ID", set->id, "The finding's id")->required();
  set_cmd->add_option("--status", set->status,
                      "open, agreed, in-progress, resolved, verified or wont-fix (or the Chinese "
                      "words a file takes)");
  set_cmd->add_option("--severity", set->severity,
                      "critical, high, medium, low or info (or the Chinese words a file takes)");
  set_cmd->add_option("--note", set->note, "What happened, e.g. re-tested and closed")
      ->check(has_text());
  set_cmd
      ->add_option("--feedback", set->feedback,
                   "What the client said of it: its client feedback from this day on")
      ->check(has_text());
  set_cmd->add_option("--notified", set->notified, "Who was told of the finding (with --via)")
      ->check(has_text());
  set_cmd->add_option("--via", set->via, "How they were told: phone, e-mail, in person")
      ->check(has_text());
  set_cmd->callback([set, &ctx] { ctx.exit_code = run_finding_set(ctx, *set); });
}

}  // namespace commplan::cli
