#include "views/minutes.hpp"

#include <memory>

#include "brief.hpp"

namespace commplan::cli {

namespace {

struct MinutesCommandOptions {
  BriefOptions brief;
  std::string meeting;
};

/// The formats minutes offers: a new one is a row here plus its template or serializer.
std::vector<OutputFormat> minutes_formats() { return {markdown_format(), json_format()}; }

int run_minutes(Context& ctx, const MinutesCommandOptions& opts) {
  if (opts.brief.project.empty())
    throw Error(Error::Kind::usage, "",
                "minutes: PROJECT is required (commplan minutes PROJECT --date D)");
  MinutesOptions own{parse_meeting_kind(opts.meeting)};
  auto build = [own](const Project& project, const ViewOptions& common, Diagnostics& diagnostics) {
    return build_minutes_view(project, common, own, diagnostics);
  };
  return run_brief(ctx, opts.brief, {"minutes", build});
}

}  // namespace

void add_minutes_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<MinutesCommandOptions>();
  auto* cmd = app.add_subcommand(
      "minutes", "Minutes of a meeting for the client to archive; minutes add / done record them");
  // PROJECT is checked by hand: `minutes add PROJECT` and `minutes done PROJECT` take their own.
  add_brief_options(cmd, opts->brief, minutes_formats(), true);
  cmd->add_option("--meeting", opts->meeting,
                  "Which meeting of --date: kickoff, daily, phase or final (default: the day's "
                  "only one)")
      ->check(CLI::IsMember({"kickoff", "daily", "phase", "final"}));
  cmd->require_subcommand(0, 1);
  cmd->callback([opts, cmd, &ctx] {
    if (cmd->get_subcommands().empty()) ctx.exit_code = run_minutes(ctx, *opts);
  });
}

}  // namespace commplan::cli
