#pragma once
// commplan(1): generated from the CLI definitions, plus hand-written reference sections.

#include <string>
#include <string_view>

#include "cli_model.hpp"

namespace commplan::cli {

/// The roff source of commplan(1) for the command tree `root`.
std::string man_page(const CommandInfo& root);

/// The hand-written DESCRIPTION paragraphs, in roff.
std::string_view man_description();

/// The hand-written sections after the commands (DIAGNOSTICS, ENVIRONMENT, EXIT STATUS,
/// FILES, EXAMPLES, SEE ALSO), in roff.
std::string_view man_reference_sections();

}  // namespace commplan::cli
