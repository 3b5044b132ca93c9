#pragma once
// commplan findings export | import: the findings register as files other tools read and write.

#include "cli.hpp"

namespace commplan::cli {

/// `findings export`: the register as CSV, XLSX, JSON or SARIF (cmd/findings_export.cpp).
void add_findings_export_command(CLI::App& findings, Context& ctx);
/// `findings import`: findings from SARIF or CSV, through the recording path
/// (cmd/findings_import.cpp).
void add_findings_import_command(CLI::App& findings, Context& ctx);

}  // namespace commplan::cli
