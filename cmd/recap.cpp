#include "views/recap.hpp"

#include <memory>

#include "brief.hpp"

namespace commplan::cli {

namespace {

struct RecapCommandOptions {
  BriefOptions brief;
  std::string level;
  std::string phase;
};

int run_recap(Context& ctx, const RecapCommandOptions& opts) {
  RecapOptions recap{parse_recap_level(opts.level).value_or(RecapLevel::daily), opts.phase};
  if (!opts.phase.empty() && recap.level != RecapLevel::phase)
    throw Error(Error::Kind::usage, "--phase",
                "only goes with --level phase, not --level " + opts.level);
  auto build = [recap](const Project& project, const ViewOptions& options,
                       Diagnostics& diagnostics) {
    return build_recap(project, options, recap, diagnostics);
  };
  return run_brief(ctx, opts.brief, recap_template(recap.level), build);
}

}  // namespace

void add_recap_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<RecapCommandOptions>();
  auto* cmd = app.add_subcommand(
      "recap", "Recap for the client: the day's findings, a phase's, or the whole engagement's");
  add_brief_options(cmd, opts->brief);
  cmd->add_option("--level", opts->level,
                  "daily (5-10 min), phase (20-30 min) or final (30-120 min)")
      ->required()
      ->check(CLI::IsMember({"daily", "phase", "final"}));
  cmd->add_option("--phase", opts->phase,
                  "The phase to recap (--level phase; default: the one the plan recaps on --date)");
  cmd->callback([opts, &ctx] { ctx.exit_code = run_recap(ctx, *opts); });
}

}  // namespace commplan::cli
