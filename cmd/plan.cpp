#include "views/plan.hpp"

#include "brief.hpp"

namespace commplan::cli {

namespace {

/// The plan as Markdown, JSON or an iCalendar file; the calendar is stamped with the day and
/// written in the language the view was built with.
int run_plan(Context& ctx, const BriefOptions& opts) {
  ViewOptions used;
  auto build = [&used](const Project& project, const ViewOptions& options,
                       Diagnostics& diagnostics) {
    used = options;
    return build_plan_view(project, options, diagnostics);
  };
  auto ics = [&used](const Project& project, const nlohmann::json&) {
    return plan_ics(project, used);
  };
  return run_brief(ctx, opts, "plan", build, {{"ics", ics}});
}

}  // namespace

void add_plan_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<BriefOptions>();
  auto* cmd = app.add_subcommand(
      "plan", "Every touchpoint of the engagement; md with a gantt chart, json, or ics calendar");
  add_brief_options(cmd, *opts, {"md", "json", "ics"});
  cmd->callback([opts, &ctx] { ctx.exit_code = run_plan(ctx, *opts); });
}

}  // namespace commplan::cli
