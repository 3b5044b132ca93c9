// commplan findings: exchange the findings register with spreadsheets, trackers and scanners.

#include "findings.hpp"

namespace commplan::cli {

void add_findings_command(CLI::App& app, Context& ctx) {
  auto* findings = app.add_subcommand(
      "findings", "Export the findings register (CSV, XLSX, JSON, SARIF), or import findings");
  findings->require_subcommand(1);
  add_findings_export_command(*findings, ctx);
  add_findings_import_command(*findings, ctx);
}

}  // namespace commplan::cli
