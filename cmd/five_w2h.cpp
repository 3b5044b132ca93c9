#include "five_w2h.hpp"

#include <fmt/format.h>

#include <istream>
#include <ostream>

#include "brief.hpp"
#include "output/communications_yaml.hpp"
#include "project_input.hpp"
#include "util/text.hpp"
#include "views/five_w2h.hpp"
#include "words/words.hpp"

namespace commplan::cli {

namespace {

struct FiveW2HOptions {
  BriefOptions brief;
  std::string topic;
  bool strict = false;
  bool interactive = false;
};

std::string ask(std::istream& in, std::ostream& prompts, const std::string& question) {
  prompts << question << "\n> " << std::flush;
  std::string line;
  if (!std::getline(in, line)) return "";
  return std::string(trim(line));
}

/// The communications to list: answered at the terminal, or selected from the project.
std::vector<Communication> communications(Context& ctx, const FiveW2HOptions& opts,
                                          const Project* project, Lang lang,
                                          Diagnostics& warnings) {
  if (!opts.interactive) return select_communications(project, opts.topic, warnings);
  if (!ctx.stdin_is_terminal)
    throw Error(Error::Kind::usage, "--interactive", "standard input is not a terminal");
  if (project != nullptr || !opts.topic.empty())
    throw Error(Error::Kind::usage, "--interactive", "takes neither PROJECT nor --topic");
  return {ask_communication(ctx.in, ctx.err, lang)};
}

std::string format_view(Context& ctx, const BriefOptions& opts, const View& view) {
  if (opts.format == "json") return dump_view(view);
  if (opts.format == "yaml") return communications_yaml(view.data);
  return render_view(ctx, opts, fmt::format("five-w2h.{}.md", view.data["lang"].get<std::string>()),
                     view);
}

int run_five_w2h(Context& ctx, const FiveW2HOptions& opts) {
  std::optional<Project> project;
  if (!opts.brief.project.empty()) {
    project = load_project_reporting(ctx, opts.brief.project);
    if (!project) return kInvalid;
  }
  const Project* p = project ? &*project : nullptr;
  ViewOptions view_options{resolve_lang(ctx, opts.brief, p), resolve_today(ctx, opts.brief, p)};
  Diagnostics warnings;
  auto selected = communications(ctx, opts, p, view_options.lang, warnings);
  size_t missing = opts.strict ? warn_missing_dimensions(selected, warnings) : 0;
  warnings.sort_by_place();
  report(ctx, warnings);
  View view = five_w2h_view(p, selected, view_options, opts.topic);
  int code = emit(ctx, brief_sink(opts.brief, p), format_view(ctx, opts.brief, view));
  return code == kOk && missing > 0 ? kStrict : code;
}

}  // namespace

Communication ask_communication(std::istream& in, std::ostream& prompts, Lang lang) {
  const Words::FiveW2H& w = words(lang).five_w2h;
  prompts << w.intro << "\n";
  Communication c;
  c.title = ask(in, prompts, std::string(w.topic_prompt));
  c.id = communication_id(c.title);
  const auto& dimensions = five_w2h_dimensions();
  for (size_t i = 0; i < dimensions.size(); ++i) {
    const Dimension& d = dimensions[i];
    c.*d.field =
        ask(in, prompts,
            fmt::format("[{}/{}] {}: {}", i + 1, dimensions.size(), d.name, w.questions[i]));
  }
  return c;
}

void add_five_w2h_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<FiveW2HOptions>();
  auto* cmd = app.add_subcommand(
      "five-w2h", "5W2H checklist of each communication; without PROJECT, a blank one");
  add_brief_options(cmd, opts->brief, {"md", "json", "yaml"}, true);
  cmd->add_option("--topic", opts->topic, "Only the communication with this id");
  cmd->add_flag("--strict", opts->strict,
                "Exit 4 when any dimension is unanswered, naming each on stderr");
  cmd->add_flag("--interactive", opts->interactive,
                "Ask the seven questions in turn (standard input must be a terminal)");
  cmd->callback([opts, &ctx] { ctx.exit_code = run_five_w2h(ctx, *opts); });
}

}  // namespace commplan::cli
