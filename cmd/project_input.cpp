#include "project_input.hpp"

namespace commplan::cli {

std::optional<Project> load_project_reporting(Context& ctx, const std::string& file,
                                              Audience audience, Masking masking) {
  Diagnostics diagnostics;
  auto project =
      load_project(file, read_source(file, ctx.in), diagnostics, {}, nullptr, audience, masking);
  report(ctx, diagnostics);
  if (diagnostics.has_errors()) {
    ctx.exit_code = kInvalid;
    return std::nullopt;
  }
  return project;
}

}  // namespace commplan::cli
