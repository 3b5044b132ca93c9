#include <fmt/format.h>

#include <ostream>

#include "cli.hpp"
#include "project_input.hpp"

namespace commplan::cli {

namespace {

struct ValidateOptions {
  std::string project;
  bool strict = false;
  bool quiet = false;
};

int run_validate(const ValidateOptions& opts, Context& ctx) {
  size_t warnings = 0;
  auto project = load_project_reporting(ctx, opts.project, &warnings);
  if (!project) return kInvalid;
  if (!opts.quiet)
    ctx.out << fmt::format("{}: valid, {} finding(s), {} log entr{}, {} warning(s)\n",
                           opts.project == "-" ? "<stdin>" : opts.project, project->findings.size(),
                           project->log.size(), project->log.size() == 1 ? "y" : "ies", warnings);
  return opts.strict && warnings > 0 ? kStrict : kOk;
}

}  // namespace

void add_validate_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ValidateOptions>();
  auto* cmd =
      app.add_subcommand("validate", "Check a project file: errors and warnings, nothing rendered");
  cmd->add_option("PROJECT", opts->project, "Project file (.yaml, .yml, .json; - for stdin)")
      ->required();
  cmd->add_flag("--strict", opts->strict, "Exit 4 when there are warnings");
  cmd->add_flag("-q,--quiet", opts->quiet, "Print nothing on success");
  cmd->callback([opts, &ctx] { ctx.exit_code = run_validate(*opts, ctx); });
}

}  // namespace commplan::cli
