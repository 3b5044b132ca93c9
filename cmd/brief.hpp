#pragma once
// What every brief command (kickoff, recap, plan, five-w2h) shares: the common options,
// loading the project, building the view model, rendering it and writing the result.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli.hpp"
#include "sink.hpp"
#include "views/view.hpp"

namespace commplan::cli {

/// The contract's common options.
struct BriefOptions {
  std::string project;
  std::string format = "md";
  std::string output;
  std::string lang;
  std::string template_file;
  std::string templates_dir;
  std::string date;
  std::string check;
  /// Returns why the run has nothing to render for the project on its day, or nullopt; the
  /// reason is printed on stderr and the run ends with exit 0, writing nothing.
  std::function<std::optional<std::string>(const Project&, Date)> skip;
};

/// Builds a command's view model from the project; warnings go to `diagnostics`.
using ViewBuilder = std::function<View(const Project&, const ViewOptions&, Diagnostics&)>;

/// Renders a format other than md and json (plan's ics) from the project and its view.
using ExtraFormat = std::function<std::string(const Project&, const nlohmann::json& view)>;

/// Adds PROJECT (required unless `project_optional`) and the common options to `cmd`;
/// `formats` lists the values --format takes (md and json first).
void add_brief_options(CLI::App* cmd, BriefOptions& opts,
                       const std::vector<std::string>& formats = {"md", "json"},
                       bool project_optional = false);

/// The language: --lang, else COMMPLAN_LANG, else the file's lang, else en.
Lang resolve_lang(Context& ctx, const BriefOptions& opts, const Project* project);

/// The day "today" means: --date, else SOURCE_DATE_EPOCH, else the current date in the
/// project's time zone. Throws Error(usage) for a malformed --date.
Date resolve_today(Context& ctx, const BriefOptions& opts, const Project* project);

/// The view model as printed by --format json: kind and version first, two-space indent.
std::string dump_view(const View& view);

/// Renders `view` with template `name` (e.g. "kickoff.en.md") through the lookup layers:
/// --template, --templates-dir / COMMPLAN_TEMPLATES_DIR, built-ins.
std::string render_view(Context& ctx, const BriefOptions& opts, const std::string& name,
                        const View& view);

/// Where the result goes: -o, --check or standard output; -o must not name the project, one
/// of its log_dir files or the --template file.
Sink brief_sink(const BriefOptions& opts, const Project* project);

/// The whole run of a brief command whose template is `<command>.<lang>.md`.
int run_brief(Context& ctx, const BriefOptions& opts, const std::string& command,
              const ViewBuilder& build, const std::map<std::string, ExtraFormat>& extra = {});

}  // namespace commplan::cli
