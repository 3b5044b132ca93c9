#include "completion.hpp"

#include <memory>
#include <ostream>

#include "cli.hpp"
#include "load/document.hpp"
#include "model/project.hpp"
#include "sink.hpp"

namespace commplan::cli {

namespace {

struct CompletionOptions {
  std::string shell;
  std::string output;
};

struct CompleteIdsOptions {
  std::string kind;
  std::string project;
};

std::string completion_script(const std::string& shell, const CommandInfo& root) {
  if (shell == "zsh") return zsh_completion(root);
  if (shell == "fish") return fish_completion(root);
  return bash_completion(root);
}

/// Prints the ids of kind `topics` or `phases`; a file with errors still gives those it has.
/// Prints no problem: a shell completing a word has nowhere to show it.
int run_complete_ids(const CompleteIdsOptions& opts, Context& ctx) {
  Diagnostics ignored;
  std::optional<Project> project;
  try {
    project = load_project(opts.project, read_source(opts.project, ctx.in), ignored);
  } catch (const Error& e) {
    return e.kind() == Error::Kind::io ? kIo : kInvalid;
  }
  if (!project) return kInvalid;
  if (opts.kind == "phases")
    for (const auto& phase : project->phases) ctx.out << phase.id << '\n';
  else
    for (const auto& communication : project->communications) ctx.out << communication.id << '\n';
  return kOk;
}

}  // namespace

void add_completion_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<CompletionOptions>();
  auto* cmd = app.add_subcommand("completion", "Print the completion script for a shell");
  cmd->add_option("SHELL", opts->shell, "The shell: bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  add_output_option(cmd, opts->output);
  cmd->callback([&app, &ctx, opts] {
    ctx.exit_code =
        emit(ctx, Sink{opts->output}, completion_script(opts->shell, describe_cli(app)));
  });
}

void add_complete_ids_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<CompleteIdsOptions>();
  auto* cmd = app.add_subcommand("__complete", "Ids from a project file, for shell completion");
  cmd->group("");
  cmd->add_option("KIND", opts->kind, "topics (communication ids) or phases (phase ids)")
      ->required()
      ->check(CLI::IsMember({"topics", "phases"}));
  cmd->add_option("PROJECT", opts->project, "Project file (- for stdin)")->required();
  cmd->callback([&ctx, opts] { ctx.exit_code = run_complete_ids(*opts, ctx); });
}

}  // namespace commplan::cli
