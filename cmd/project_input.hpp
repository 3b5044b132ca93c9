#pragma once
// Reading the PROJECT argument of a subcommand.

#include <optional>
#include <string>

#include "cli.hpp"
#include "model/project.hpp"

namespace commplan::cli {

/// Loads PROJECT ("-" = standard input) for `audience` (the client's masked unless `masking`
/// is off) and prints its diagnostics. Returns nullopt after errors, with ctx.exit_code set to 1.
std::optional<Project> load_project_reporting(Context& ctx, const std::string& file,
                                              Audience audience = Audience::team,
                                              Masking masking = Masking::on);

}  // namespace commplan::cli
