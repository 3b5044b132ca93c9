// commplan findings export (being built: registers nothing yet).

#include "findings.hpp"

namespace commplan::cli {

void add_findings_export_command(CLI::App& /*findings*/, Context& /*ctx*/) {}

}  // namespace commplan::cli
