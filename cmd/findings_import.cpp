// commplan findings import (being built: registers nothing yet).

#include "findings.hpp"

namespace commplan::cli {

void add_findings_import_command(CLI::App& /*findings*/, Context& /*ctx*/) {}

}  // namespace commplan::cli
