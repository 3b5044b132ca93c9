// commplan findings import: findings from a scanner's SARIF or the register's CSV, recorded as
// `finding add` and `finding set` record them. What the files hold is read in lib/import; here
// the import is planned, printed and written.

#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "findings.hpp"
#include "import/fields.hpp"
#include "import/import.hpp"
#include "record.hpp"
#include "sink.hpp"
#include "util/read.hpp"
#include "util/text.hpp"

namespace commplan::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

struct FindingsImportOptions {
  RecordOptions record;
  std::string file, from, phase;
  bool dry_run = false;
};

/// A finding to add: its id and its item as the project file will hold it.
struct NewFinding {
  std::string id;
  ordered_json item;
};

/// The findings `plan` adds, with their ids (their own, else the next in the project's
/// pattern), found date (their own, else `day`), phase (their own, else `phase`, else the one
/// running on the found date) and status (their own, else open).
std::vector<NewFinding> new_findings(const Project& project, const ImportPlan& plan, Date day,
                                     const std::string& phase) {
  std::vector<std::string> own;
  size_t unnamed = 0;
  for (const ImportedFinding* f : plan.added) {
    if (f->id.empty())
      ++unnamed;
    else
      own.push_back(f->id);
  }
  std::vector<std::string> ids = next_finding_ids(project, unnamed, own);
  std::vector<NewFinding> out;
  size_t next = 0;
  for (const ImportedFinding* f : plan.added) {
    ordered_json fields = f->fields;
    fields["id"] = f->id.empty() ? ids[next++] : f->id;
    if (!fields.contains("found")) fields["found"] = format_date(day);
    if (!fields.contains("phase")) {
      Date found = parse_date(fields["found"].get<std::string>()).value_or(day);
      std::string running = phase.empty() ? phase_on(project, found) : phase;
      if (!running.empty()) fields["phase"] = running;
    }
    if (!fields.contains("status")) fields["status"] = "open";
    ordered_json item;
    for (const std::string& key : imports::finding_key_order())
      if (fields.contains(key)) item[key] = fields[key];
    out.push_back({fields["id"].get<std::string>(), std::move(item)});
  }
  return out;
}

/// `add F-07 (high) SQL injection in /login`
std::string add_line(const NewFinding& f) {
  std::string severity = f.item.contains("severity")
                             ? fmt::format(" ({})", f.item["severity"].get<std::string>())
                             : "";
  return fmt::format("add {}{} {}", f.id, severity, f.item["title"].get<std::string>());
}

/// `change F-03: severity medium → high, status open → resolved, title, affected +2`
std::string change_line(const FindingUpdate& u) {
  std::vector<std::string> parts;
  auto word = [](auto value) {
    return value ? std::string(to_string(*value)) : std::string("none");
  };
  if (u.severity)
    parts.push_back(fmt::format("severity {} → {}", word(u.severity_before), word(u.severity)));
  if (u.status)
    parts.push_back(fmt::format("status {} → {}", word(u.status_before), word(u.status)));
  if (!u.feedback.empty()) parts.emplace_back("client feedback");
  for (const FieldChange& change : u.fields)
    parts.push_back(change.after.is_array() ? fmt::format("{} +{}", change.key, change.after.size())
                                            : change.key);
  return fmt::format("change {}: {}", u.finding->id, join(parts, ", "));
}

/// The files an import edits, each opened once.
class ImportEdits {
 public:
  FileEdit& of(const RecordTarget& target) {
    // Where the name cannot be resolved (too long, a folder that cannot be read), it is its
    // own key: writing it reports the problem, as `log add` does.
    std::error_code error;
    std::string key = fs::weakly_canonical(fs::path(target.file), error).string();
    if (error) key = fs::path(target.file).lexically_normal().string();
    for (auto& open : open_)
      if (open->key == key) return open->edit;
    open_.push_back(std::make_unique<Open>(Open{key, target, open_edit(target)}));
    return open_.back()->edit;
  }

  /// The files whose text changed, with it.
  std::vector<EditedFile> edited() const {
    std::vector<EditedFile> out;
    for (const auto& open : open_)
      if (open->edit.text() != open->target.text) out.push_back({open->target, open->edit.text()});
    return out;
  }

 private:
  struct Open {
    std::string key;
    RecordTarget target;
    FileEdit edit;
  };
  std::vector<std::unique_ptr<Open>> open_;
};

/// Sets the fields `update` changes in place, in the file holding the finding.
void set_fields(ImportEdits& edits, const Recording& rec, const FindingUpdate& update) {
  const Finding& finding = *update.finding;
  RecordTarget target = target_holding(rec, *finding.origin.doc);
  FileEdit& edit = edits.of(target);
  std::optional<size_t> index = find_item(edit.document(), "findings", "id", finding.id);
  if (!index)
    throw Error(Error::Kind::invalid_input, target.file,
                fmt::format("finding \"{}\" is not a plain item of findings", finding.id));
  for (const FieldChange& change : update.fields) {
    DocPath path{"findings", *index, change.key};
    const Node* node = edit.document().root.find("findings")->items()[*index].find(change.key);
    bool filled =
        node != nullptr && !node->is_null() && !(node->is_sequence() && node->items().empty());
    if (change.after.is_array() && filled) {
      for (const auto& item : change.after) edit.append(path, item);
    } else if (change.key == "retest" && filled && node->is_mapping()) {
      for (const auto& [name, value] : change.after.items())
        if (!change.before.is_object() || change.before.value(name, ordered_json()) != value)
          edit.set({"findings", *index, "retest", name}, value);
    } else {
      edit.set(path, change.after);
    }
  }
}

/// The history entry of the status, severity and feedback `update` changes; null when none.
ordered_json history_entry(const FindingUpdate& update, Date day, const std::string& author) {
  if (!update.status && !update.severity && update.feedback.empty()) return nullptr;
  ordered_json entry{{"date", format_date(day)}};
  if (update.status) entry["status"] = to_string(*update.status);
  if (update.severity) entry["severity"] = to_string(*update.severity);
  if (!author.empty()) entry["by"] = author;
  if (!update.feedback.empty()) entry["feedback"] = update.feedback;
  return entry;
}

ImportedFindings read_import(Context& ctx, const FindingsImportOptions& opts,
                             const Project& project, bool& ok) {
  std::string text = read_file(opts.file);
  Diagnostics problems;
  ImportedFindings read = opts.from == "sarif"
                              ? read_sarif_findings(opts.file, std::move(text), project, problems)
                              : read_csv_findings(opts.file, std::move(text), project, problems);
  problems.sort_by_place(opts.file);
  report(ctx, problems);
  ok = !problems.has_errors();
  if (!ok)
    ctx.err << fmt::format("commplan: nothing imported: {} has errors\n", printable(opts.file));
  return read;
}

int run_findings_import(Context& ctx, const FindingsImportOptions& opts) {
  auto rec = open_recording(ctx, opts.record);
  if (!rec) return kInvalid;
  const Project& project = rec->project;
  Date day = record_date(ctx, "--found", opts.record.date, project);
  if (!opts.phase.empty()) check_phase(project, opts.phase);
  bool ok = false;
  ImportedFindings read = read_import(ctx, opts, project, ok);
  if (!ok) return kInvalid;

  Diagnostics conflicts;
  ImportPlan plan = plan_import(project, read.findings, opts.file, conflicts);
  if (conflicts.has_errors()) {
    report(ctx, conflicts);
    ctx.err << fmt::format("commplan: nothing imported: {} has errors\n", printable(opts.file));
    return kInvalid;
  }
  std::vector<NewFinding> added = new_findings(project, plan, day, opts.phase);
  auto passed_over = [&] {
    if (read.skipped > 0)
      ctx.out << fmt::format(
          "passed over {} (of kind pass or notApplicable, suppressed, or repeating another's "
          "rule and place)\n",
          count_of(read.skipped, "result", "results"));
  };
  std::string counts = fmt::format("{} added, {} changed", added.size(), plan.changed.size());
  if (added.empty() && plan.changed.empty()) {
    passed_over();
    ctx.out << fmt::format("nothing to import: 0 added, 0 changed ({} up to date)\n",
                           count_of(plan.unchanged, "finding", "findings"));
    return kOk;
  }
  std::string author = resolve_author(ctx, opts.record.by, *rec);
  ImportEdits edits;
  if (!added.empty()) {
    FileEdit& edit = edits.of(record_target(*rec, day, author));
    for (const NewFinding& f : added) edit.append({"findings"}, f.item);
  }
  for (const FindingUpdate& u : plan.changed) {
    if (!u.fields.empty()) set_fields(edits, *rec, u);
    ordered_json entry = history_entry(u, day, author);
    if (entry.is_null()) continue;
    RecordTarget target = record_target(*rec, day, author);
    append_finding_change(edits.of(target), target, *u.finding, entry, "--found");
  }
  // Listed once every edit could be made: a refused import lists nothing.
  for (const NewFinding& f : added) ctx.out << printable(add_line(f)) << '\n';
  for (const FindingUpdate& u : plan.changed) ctx.out << printable(change_line(u)) << '\n';
  passed_over();
  std::string summary = fmt::format("findings from {}: {}",
                                    printable(fs::path(opts.file).filename().string()), counts);
  if (!opts.dry_run) return commit_records(ctx, *rec, edits.edited(), summary);
  // The same edits, checked as the real run checks them, so that a dry run that passes is
  // one the real run passes too.
  int status = commit_records(ctx, *rec, edits.edited(), summary, true);
  if (status == kOk) ctx.out << fmt::format("dry run: {}; nothing written\n", counts);
  return status;
}

}  // namespace

void add_findings_import_command(CLI::App& findings, Context& ctx) {
  auto opts = std::make_shared<FindingsImportOptions>();
  auto* cmd = findings.add_subcommand(
      "import",
      "Import findings from a scanner's SARIF or the register's CSV: new ones added, known ones "
      "(same id or fingerprint) updated");
  add_record_options(cmd, opts->record, "--found",
                     "The day of the import: new findings' found date unless the file gives "
                     "one, and the date of the changes recorded (YYYY-MM-DD, today or yesterday; "
                     "default: today)");
  cmd->add_option("FILE", opts->file, "The file to import: a SARIF 2.1.0 log, or a CSV register")
      ->required();
  cmd->add_option("--from", opts->from,
                  "What FILE is: sarif (any scanner's, or findings export's) or csv (the "
                  "register, headers in English or Chinese)")
      ->required()
      ->check(CLI::IsMember({"sarif", "csv"}));
  cmd->add_option("--phase", opts->phase,
                  "Id of the phase of new findings that name none (default: the phase running "
                  "on their found date)");
  cmd->add_flag(
      "--dry-run", opts->dry_run,
      "Print what would be added and changed, check the project as the real run does, and "
      "write nothing");
  cmd->callback([opts, &ctx] { ctx.exit_code = run_findings_import(ctx, *opts); });
}

}  // namespace commplan::cli
