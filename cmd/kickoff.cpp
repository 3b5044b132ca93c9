#include "views/kickoff.hpp"

#include "brief.hpp"

namespace commplan::cli {

void add_kickoff_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<BriefOptions>();
  auto* cmd = app.add_subcommand("kickoff", "Kick-off meeting agenda: seven timeboxed items");
  add_brief_options(cmd, *opts);
  cmd->callback(
      [opts, &ctx] { ctx.exit_code = run_brief(ctx, *opts, "kickoff", build_kickoff_view); });
}

}  // namespace commplan::cli
