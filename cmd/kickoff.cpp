#include "views/kickoff.hpp"

#include "brief.hpp"

namespace commplan::cli {

namespace {

/// The formats kickoff offers: a new one is a row here plus its template or serializer.
std::vector<OutputFormat> kickoff_formats() { return page_formats(); }

std::optional<View> build_kickoff(const Project& project, const ViewOptions& common,
                                  Diagnostics& diagnostics) {
  return build_kickoff_view(project, common, {}, diagnostics);
}

}  // namespace

void add_kickoff_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<BriefOptions>();
  auto* cmd = app.add_subcommand("kickoff", "Kick-off meeting agenda: seven timeboxed items");
  add_brief_options(cmd, *opts, kickoff_formats());
  cmd->callback([opts, &ctx] {
    ctx.exit_code = run_brief(ctx, *opts, {"kickoff", build_kickoff});
  });
}

}  // namespace commplan::cli
