// commplan finding add | set: record a new finding, or a dated change to one.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

#include "record.hpp"
#include "sink.hpp"

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

/// An id split into the text before its last digits and those digits: `PN-16` → {`PN-`, `16`}.
struct IdParts {
  std::string_view prefix, digits;
};

std::optional<IdParts> split_id(std::string_view id) {
  size_t end = id.size();
  while (end > 0 && id[end - 1] >= '0' && id[end - 1] <= '9') --end;
  if (end == id.size() || id.size() - end > 18) return std::nullopt;
  return IdParts{id.substr(0, end), id.substr(end)};
}

/// The id a new finding gets in the project's own pattern. Of the ids ending in a number, the
/// prefix (what comes before the number) most findings use wins; on a tie, the prefix of the
/// finding found last (undated findings count as earliest; then the later in the files). The
/// number is the largest with that prefix plus one, written with at least as many digits as
/// that largest was (zero padding kept): PN-16 → PN-17, F-08 → F-09, F-99 → F-100. A project
/// without such ids starts at F-01.
std::string next_finding_id(const Project& project) {
  struct Prefix {
    size_t count = 0;
    std::optional<Date> latest;
    size_t last_index = 0;
    unsigned long long largest = 0;
    size_t width = 0;
  };
  std::map<std::string_view, Prefix> prefixes;
  for (size_t i = 0; i < project.findings.size(); ++i) {
    const Finding& f = project.findings[i];
    auto parts = split_id(f.id);
    if (!parts) continue;
    Prefix& p = prefixes[parts->prefix];
    ++p.count;
    if (f.found && (!p.latest || *f.found >= *p.latest)) p.latest = f.found;
    p.last_index = i;
    unsigned long long number = std::stoull(std::string(parts->digits));
    if (p.count == 1 || number > p.largest ||
        (number == p.largest && p.width < parts->digits.size())) {
      p.largest = number;
      p.width = parts->digits.size();
    }
  }
  if (prefixes.empty()) return "F-01";
  auto rank = [](const Prefix& p) {
    return std::tuple(p.count, p.latest.value_or(Date{}), p.last_index);
  };
  auto best = std::max_element(prefixes.begin(), prefixes.end(), [&](const auto& a, const auto& b) {
    return rank(a.second) < rank(b.second);
  });
  std::vector<std::string_view> ids;
  for (const Finding& f : project.findings) ids.push_back(f.id);
  std::sort(ids.begin(), ids.end());
  for (unsigned long long number = best->second.largest + 1;; ++number) {
    std::string id = fmt::format("{}{:0{}}", best->first, number, best->second.width);
    if (!std::binary_search(ids.begin(), ids.end(), std::string_view(id))) return id;
  }
}

/// The phase active on `day`: of the phases running that day, the one that started last (the
/// first in the file on a tie); empty when none runs.
std::string phase_on(const Project& project, Date day) {
  const Phase* best = nullptr;
  for (const Phase& phase : project.phases)
    if (phase.start.ok() && phase.end.ok() && phase.start <= day && day <= phase.end &&
        (best == nullptr || best->start < phase.start))
      best = &phase;
  return best != nullptr ? best->id : "";
}

void check_phase(const Project& project, const std::string& id) {
  std::vector<std::string> ids;
  for (const Phase& phase : project.phases) {
    if (phase.id == id) return;
    ids.push_back(phase.id);
  }
  throw unknown_id("--phase", "phase", id, ids);
}

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
  put("evidence", text_or_file(opts.evidence));
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
    for (const Finding& f : project.findings) ids.push_back(f.id);
    throw unknown_id("ID", "finding", opts.id, ids);
  }
  Date day = record_date(ctx, "--date", opts.record.date, project);
  std::string author = resolve_author(ctx, opts.record.by, *rec);
  RecordTarget target = record_target(*rec, day, author);
  FileEdit edit = open_edit(target);
  ordered_json entry = history_entry(opts, day, author);
  if (target.log_file) {
    // Changes recorded in log_dir apply after the finding's status as its file gives it.
    ordered_json change{{"finding", opts.id}};
    change.update(entry);
    edit.append({"history"}, change);
  } else {
    std::optional<size_t> index = find_item(edit.document(), "findings", "id", opts.id);
    if (!index)
      throw Error(Error::Kind::invalid_input, target.file,
                  fmt::format("finding \"{}\" is not a plain item of findings", opts.id));
    const Node& node = edit.document().root.find("findings")->items[*index];
    const Node* status = node.find("status");
    bool has_status = status != nullptr && status->is_scalar();
    std::string status_text = has_status ? std::string(status->text) : "";
    // A first history entry starts the finding's history from open: one without --status
    // carries the status the finding has now, or the file would say it was reopened.
    if (finding->history.empty() && opts.status.empty() && finding->status &&
        *finding->status != Status::open) {
      ordered_json carried{{"date", entry["date"]}, {"status", status_text}};
      carried.update(entry);
      entry = carried;
    }
    edit.append({"findings", *index, "history"}, entry);
    if (has_status && !opts.status.empty() &&
        status_named(status_text) != status_named(opts.status))
      edit.set({"findings", *index, "status"}, opts.status);
  }
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
      ->check(non_empty());
  add_cmd
      ->add_option("--severity", add->severity,
                   "critical, high, medium, low or info (or the Chinese words a file takes)")
      ->required();
  add_cmd
      ->add_option("--id", add->id,
                   "Its id (default: the next in the project's pattern, PN-17 after PN-16)")
      ->check(non_empty());
  add_cmd->add_option("--phase", add->phase,
                      "Id of its phase (default: the phase running on the found date)");
  add_cmd->add_option("--standard", add->standard,
                      "Id of the standard it is assessed against, with a clause if any");
  add_cmd->add_option("--evidence", add->evidence, "What was seen; @FILE reads it from FILE");
  add_cmd->add_option("--impact", add->impact, "What it puts at risk");
  add_cmd->add_option("--recommendation", add->recommendation, "What we recommend");
  add_cmd->add_option("--owner", add->owner, "Who owns the remedy");
  add_cmd->add_option("--cvss", add->cvss,
                      "Its CVSS 3.1 or 4.0 vector, CVSS:3.1/AV:N/...: commplan computes the score");
  add_cmd->add_option("--cwe", add->cwe, "Its weakness class, e.g. CWE-79");
  add_cmd
      ->add_option("--affected", add->affected,
                   "An asset it affects (host, URL, system); repeat for more")
      ->allow_extra_args(false);
  add_cmd->add_option("--reference", add->references, "Where to read more, a URL; repeat for more")
      ->allow_extra_args(false);
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
  set_cmd->add_option("--note", set->note, "What happened, e.g. re-tested and closed");
  set_cmd->add_option("--feedback", set->feedback,
                      "What the client said of it: its client feedback from this day on");
  set_cmd->add_option("--notified", set->notified, "Who was told of the finding (with --via)");
  set_cmd->add_option("--via", set->via, "How they were told: phone, e-mail, in person");
  set_cmd->callback([set, &ctx] { ctx.exit_code = run_finding_set(ctx, *set); });
}

}  // namespace commplan::cli
