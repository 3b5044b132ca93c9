#pragma once
// Import: findings from the files other tools write (SARIF 2.1.0 of any scanner or of
// `commplan findings export`, the findings register as CSV) read into findings as the project
// file writes them, every problem located in the imported file; and the plan of what an import
// adds to a project and what it changes there.
//
// Reading (every problem of the file at once, in `diagnostics`):
//   ImportedFindings read = read_sarif_findings("scan.sarif", text, project, diagnostics);
//   ImportPlan plan = plan_import(project, read.findings, "scan.sarif", diagnostics);
// cmd/findings_import.cpp then writes the plan through the recording path.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/project.hpp"
#include "util/diagnostic.hpp"

namespace commplan {

/// One finding read from an imported file.
struct ImportedFinding {
  Mark mark;                      ///< where its row or result starts
  std::string id;                 ///< the id it names (CSV `id`, a commplan SARIF's id); or ""
  std::string fingerprint;        ///< the fingerprint it carries; or ""
  nlohmann::ordered_json fields;  ///< what it gives, keyed and written as the project file has
                                  ///< them: canonical words, ISO dates, lists, a retest mapping
  /// A SARIF result whose severity nothing named (SARIF's default level, warning, gave
  /// medium): a new finding takes it, an existing one keeps its own.
  bool severity_defaulted = false;
};

/// What a file gave: its findings, and the results it passed over (a SARIF result of kind
/// pass or notApplicable, or one suppressed in the source).
struct ImportedFindings {
  std::vector<ImportedFinding> findings;
  size_t skipped = 0;
};

/// Reads a SARIF 2.1.0 log: each result of each run is a finding (see the README's "Importing
/// findings" for how its fields are found). Problems go to `diagnostics`, located in `file`.
ImportedFindings read_sarif_findings(const std::string& file, std::string text,
                                     const Project& project, Diagnostics& diagnostics);

/// Reads the findings register as CSV: a header row naming the columns (the register's
/// headers in any language, or its keys, in any order), then a finding a row. Problems go to
/// `diagnostics`, each at its cell and naming the column by its header as written.
ImportedFindings read_csv_findings(const std::string& file, std::string text,
                                   const Project& project, Diagnostics& diagnostics);

/// A field of an existing finding an import sets: its key, the value it has and the new one.
/// For `affected` and `references` the new value lists only the items to add.
struct FieldChange {
  std::string key;
  nlohmann::ordered_json before, after;
};

/// What an import changes in one existing finding.
struct FindingUpdate {
  const Finding* finding = nullptr;
  const ImportedFinding* imported = nullptr;
  std::optional<Status> status_before, status;        ///< status: set when it changes
  std::optional<Severity> severity_before, severity;  ///< severity: set when it changes
  std::string feedback;                               ///< new client feedback; or ""
  std::vector<FieldChange> fields;                    ///< other fields set in place
};

/// What an import does to a project: the findings it adds (in file order) and the changes it
/// makes to existing ones (those whose id or fingerprint an imported finding names).
struct ImportPlan {
  std::vector<const ImportedFinding*> added;
  std::vector<FindingUpdate> changed;
  size_t unchanged = 0;  ///< imported findings that match an existing one exactly
};

/// Matches `imported` with the project's findings, by id, else by fingerprint, and says what
/// differs. Status, severity and client feedback are compared with the finding as it stands
/// after its history. Each finding is imported once: a second item of `file` that names one
/// already named (one by its id, the other by its fingerprint), or an item whose id and
/// fingerprint name two findings, is an error in `diagnostics` at that item.
ImportPlan plan_import(const Project& project, const std::vector<ImportedFinding>& imported,
                       const std::string& file, Diagnostics& diagnostics);

/// The value of field `key` (a key of ImportedFinding::fields) of `finding`, written as an
/// import writes it ("" or [] when it has none).
nlohmann::ordered_json finding_field(const Finding& finding, const std::string& key);

}  // namespace commplan
