#include "views/plan.hpp"

#include "brief.hpp"

namespace commplan::cli {

namespace {

/// The project and options of the run, for the calendar until it is made from the view.
struct PlanRun {
  const Project* project = nullptr;
  ViewOptions options;
};

/// The formats plan offers: a new one is a row here plus its template or serializer. The
/// calendar is stamped with the day and written in the language the view was built with.
std::vector<OutputFormat> plan_formats(const std::shared_ptr<PlanRun>& run) {
  return {
      markdown_format(),
      json_format(),
      {"ics", "iCalendar file of every touchpoint, for calendar programs",
       [run](const View&) { return plan_ics(*run->project, run->options); }},
  };
}

int run_plan(Context& ctx, const BriefOptions& opts, const std::shared_ptr<PlanRun>& run) {
  auto build = [run](const Project& project, const ViewOptions& common, Diagnostics& diagnostics) {
    *run = {&project, common};
    return build_plan_view(project, common, {}, diagnostics);
  };
  return run_brief(ctx, opts, {"plan", build});
}

}  // namespace

void add_plan_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<BriefOptions>();
  auto run = std::make_shared<PlanRun>();
  auto* cmd = app.add_subcommand(
      "plan", "Every touchpoint of the engagement; md with a gantt chart, json, or ics calendar");
  add_brief_options(cmd, *opts, plan_formats(run));
  cmd->callback([opts, run, &ctx] { ctx.exit_code = run_plan(ctx, *opts, run); });
}

}  // namespace commplan::cli
