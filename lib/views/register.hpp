#pragma once
// The findings register (`findings export`): every finding of the project as one row a
// spreadsheet, a tracker or a scanner's dashboard takes in. Its view model ("commplan/register")
// feeds every format of the command: JSON as it is, CSV through register_cells()
// (output/register_table.hpp), the XLSX workbook (output/xlsx.hpp) and SARIF (output/sarif.hpp)
// from its JSON.
//
// Rules (README, "Findings register"):
// - as of the page's day (--date): a finding found later is left out, an undated one is in;
//   status, severity and client feedback are those of that day (finding_fields_as_of()); a
//   re-test dated after it is not shown.
// - good practices (`good_practice: true`) are left out: they are not remediation items.
// - for the client, the project was loaded for the client: internal findings are not in it.
// - findings keep the order the file lists them in (log_dir's after the file's).

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "views/view.hpp"
#include "words/words.hpp"

namespace commplan {

/// What the register is told besides the common view options (nothing yet).
struct RegisterOptions {};

/// The register's view model: the view header, `columns` ({key, label} in register_columns
/// order), `findings` (one item per finding, see below) and `summary` ({by_severity: [{severity,
/// label, open, closed, total}] critical to info, then unrated when any finding is; by_status:
/// [{status, label, count}] every status, then unset when any finding has none; total; open}).
///
/// A finding item holds id, title, severity (canonical word or null), severity_label, status
/// (canonical or null), status_label, cvss (null or {vector, version, score ("9.8"), base,
/// rating, rating_label, nomenclature}), cwe, phase, phase_name, found (ISO or null), due (ISO
/// or null), owner, affected [texts], standard, evidence, impact, recommendation, references
/// [texts], client_feedback (as of the day), retest (null or {date, result, result_label,
/// note}), fingerprint and open (bool).
std::optional<View> build_register_view(const Project& project, const ViewOptions& common,
                                        const RegisterOptions& own, Diagnostics& diagnostics);
std::optional<View> build_register_view(const Project&& project, const ViewOptions& common,
                                        const RegisterOptions& own,
                                        Diagnostics& diagnostics) = delete;

}  // namespace commplan
