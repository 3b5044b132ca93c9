#include "five_w2h.hpp"

#include <fmt/format.h>

#include <istream>
#include <ostream>

#include "brief.hpp"
#include "output/communications_yaml.hpp"
#include "util/text.hpp"
#include "views/five_w2h.hpp"
#include "words/words.hpp"

namespace commplan::cli {

namespace {

struct FiveW2HCommandOptions {
  BriefOptions brief;
  FiveW2HOptions own;
  bool interactive = false;
};

std::string ask(std::istream& in, std::ostream& prompts, const std::string& question) {
  prompts << question << "\n> " << std::flush;
  std::string line;
  if (!std::getline(in, line)) return "";
  return std::string(trim(line));
}

/// The formats five-w2h offers: a new one is a row here plus its template or serializer.
std::vector<OutputFormat> five_w2h_formats() {
  std::vector<OutputFormat> formats = page_formats();
  formats.push_back({"yaml", "Communications entries to paste into a project file",
                     [](const View& view) { return communications_yaml(view.data); }});
  return formats;
}

/// --interactive asks at the terminal, and only there; it takes neither PROJECT nor --topic.
void check_interactive(const Context& ctx, const FiveW2HCommandOptions& opts, bool has_project) {
  if (!ctx.stdin_is_terminal)
    throw Error(Error::Kind::usage, Source::option, "--interactive",
                "standard input is not a terminal");
  if (has_project || !opts.own.topic.empty())
    throw Error(Error::Kind::usage, Source::option, "--interactive",
                "takes neither PROJECT nor --topic");
}

/// five-w2h on the brief path: from the project, else from the answers given at the
/// terminal (--interactive), else a blank checklist; --strict fails a written checklist that
/// has an unanswered dimension.
BriefRun five_w2h_run(Context& ctx, const FiveW2HCommandOptions& opts) {
  auto build = [&ctx, &opts](const Project& project, const ViewOptions& common,
                             Diagnostics& diagnostics) {
    if (opts.interactive) check_interactive(ctx, opts, true);
    return build_five_w2h_view(project, common, opts.own, diagnostics);
  };
  auto without_project = [&ctx, &opts](const ViewOptions& common, Diagnostics& diagnostics) {
    std::vector<Communication> answered;
    if (opts.interactive) {
      check_interactive(ctx, opts, false);
      answered.push_back(ask_communication(ctx.in, ctx.err, common.lang));
    }
    return build_five_w2h_view(answered, common, opts.own, diagnostics);
  };
  auto incomplete = [&opts](const View& view) {
    return opts.own.strict && view.data["missing"].get<int>() > 0;
  };
  return {"five-w2h", build, without_project, incomplete};
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
  auto opts = std::make_shared<FiveW2HCommandOptions>();
  auto* cmd = app.add_subcommand(
      "five-w2h", "5W2H checklist of each communication; without PROJECT, a blank one");
  add_brief_options(cmd, opts->brief, five_w2h_formats(), true);
  cmd->add_option("--topic", opts->own.topic, "Only the communication with this id");
  cmd->add_flag("--strict", opts->own.strict,
                "Exit 4 when any dimension is unanswered, naming each on stderr");
  cmd->add_flag("--interactive", opts->interactive,
                "Ask the seven questions in turn (standard input must be a terminal)");
  cmd->callback(
      [opts, &ctx] { ctx.exit_code = run_brief(ctx, opts->brief, five_w2h_run(ctx, *opts)); });
}

}  // namespace commplan::cli
