#include "views/recap.hpp"

#include <fmt/format.h>

#include <memory>

#include "brief.hpp"

namespace commplan::cli {

namespace {

struct RecapCommandOptions {
  BriefOptions brief;
  std::string level;
  std::string phase;
  bool skip_off_days = false;
};

/// The formats recap offers: a new one is a row here plus its templates or serializer.
std::vector<OutputFormat> recap_formats() { return page_formats(); }

int run_recap(Context& ctx, const RecapCommandOptions& opts) {
  RecapOptions recap{parse_recap_level(opts.level).value_or(RecapLevel::daily), opts.phase};
  if (!opts.phase.empty() && recap.level != RecapLevel::phase)
    throw Error(Error::Kind::usage, Source::option, "--phase",
                "only goes with --level phase, not --level " + opts.level);
  BriefOptions brief = opts.brief;
  if (opts.skip_off_days) {
    if (recap.level != RecapLevel::daily)
      throw Error(Error::Kind::usage, Source::option, "--skip-off-days",
                  "only goes with --level daily, not --level " + opts.level);
    brief.skip = why_no_daily_recap;
  }
  auto build = [recap](const Project& project, const ViewOptions& common,
                       Diagnostics& diagnostics) {
    return build_recap_view(project, common, recap, diagnostics);
  };
  return run_brief(ctx, brief, {recap_template(recap.level), build});
}

}  // namespace

void add_recap_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<RecapCommandOptions>();
  auto* cmd = app.add_subcommand(
      "recap", "Recap for the client: the day's findings, a phase's, or the whole engagement's");
  add_brief_options(cmd, opts->brief, recap_formats());
  cmd->add_option("--level", opts->level,
                  "daily (5-10 min), phase (20-30 min) or final (30-120 min)")
      ->required()
      ->check(CLI::IsMember({"daily", "phase", "final"}));
  cmd->add_option("--phase", opts->phase,
                  "The phase to recap (--level phase; default: the one the plan recaps on --date, "
                  "else the latest before it, else the first)");
  cmd->add_flag("--skip-off-days", opts->skip_off_days,
                "--level daily: on a day outside the engagement or not a workday, say so on "
                "stderr, write nothing and exit 0 (for scheduled jobs)");
  cmd->callback([opts, &ctx] { ctx.exit_code = run_recap(ctx, *opts); });
}

}  // namespace commplan::cli
