#include <fmt/format.h>

#include <ostream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "project_input.hpp"

namespace commplan::cli {

namespace {

struct ValidateOptions {
  std::vector<std::string> projects;
  bool strict = false;
  bool quiet = false;
};

int validate_one(const ValidateOptions& opts, const std::string& file, Context& ctx) {
  size_t warnings = 0;
  auto project = load_project_reporting(ctx, file, &warnings);
  if (!project) return kInvalid;
  if (!opts.quiet)
    ctx.out << fmt::format("{}: valid, {} finding(s), {} log entr{}, {} warning(s)\n",
                           file == "-" ? "<stdin>" : printable(file), project->findings.size(),
                           project->log.size(), project->log.size() == 1 ? "y" : "ies", warnings);
  return opts.strict && warnings > 0 ? kStrict : kOk;
}

/// Checks every file, so one run (a pre-commit hook, say) reports them all. The exit code is
/// the gravest: an unreadable file (3), then an invalid one (1), then a strict failure (4).
int run_validate(const ValidateOptions& opts, Context& ctx) {
  bool io = false, invalid = false, strict = false;
  for (const auto& file : opts.projects) {
    int code;
    try {
      code = validate_one(opts, file, ctx);
    } catch (const Error& e) {
      report(ctx, e.diagnostics());
      code = e.kind() == Error::Kind::io ? kIo : kInvalid;
    }
    io |= code == kIo;
    invalid |= code == kInvalid;
    strict |= code == kStrict;
  }
  return io ? kIo : invalid ? kInvalid : strict ? kStrict : kOk;
}

}  // namespace

void add_validate_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ValidateOptions>();
  auto* cmd =
      app.add_subcommand("validate", "Check project files: errors and warnings, nothing rendered");
  cmd->add_option("PROJECT", opts->projects,
                  "Project files (.yaml, .yml, .json; - for stdin), each checked on its own")
      ->required();
  cmd->add_flag("--strict", opts->strict, "Exit 4 when there are warnings");
  cmd->add_flag("-q,--quiet", opts->quiet, "Print nothing on success");
  cmd->callback([opts, &ctx] { ctx.exit_code = run_validate(*opts, ctx); });
}

}  // namespace commplan::cli
