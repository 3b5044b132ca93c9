#include "cli.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <new>
#include <utility>

#include "output/write.hpp"
#include "sink.hpp"

namespace commplan::cli {

namespace {

int exit_code_for(Error::Kind kind) {
  switch (kind) {
    case Error::Kind::invalid_input:
      return kInvalid;
    case Error::Kind::io:
      return kIo;
    case Error::Kind::usage:
      return kUsage;
  }
  return kInvalid;
}

/// Lets every subcommand, at any depth, take the options of the commands above it wherever they
/// stand (`commplan validate --error-format github p.yaml`): an option a subcommand does not
/// know falls through to its parent.
void inherit_options(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    sub->fallthrough();
    inherit_options(*sub);
  }
}

/// Every option takes its values as written, one per occurrence ("repeat for more"): CLI11
/// would otherwise read `--done '[WIP]'` as the list `WIP`, `'[racks 1, 2]'` as two items, and
/// take the words after a value (`--done a b`) as more values. (Positional lists, validate's
/// FILES, take one word after another as they must.)
void one_value_per_occurrence(CLI::App& app) {
  for (CLI::Option* opt : app.get_options([](CLI::Option*) { return true; }))
    if (opt->get_allow_extra_args() && !opt->get_positional()) opt->allow_extra_args(false);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    one_value_per_occurrence(*sub);
}

/// The deepest subcommand the command line chose, or `app` itself.
const CLI::App& chosen(const CLI::App& app) {
  const CLI::App* at = &app;
  while (!at->get_subcommands().empty()) at = at->get_subcommands().front();
  return *at;
}

/// The options `at` takes, its parents' included: `--level`, `-o`.
std::vector<std::string> option_names(const CLI::App* at) {
  std::vector<std::string> names;
  for (; at != nullptr; at = at->get_parent())
    for (const CLI::Option* opt : at->get_options()) {
      for (const std::string& name : opt->get_lnames()) names.push_back("--" + name);
      for (const std::string& name : opt->get_snames()) names.push_back("-" + name);
    }
  return names;
}

/// The subcommands of `at` that its help lists.
std::vector<std::string> command_names(const CLI::App& at) {
  std::vector<std::string> names;
  for (const CLI::App* sub :
       at.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
    names.push_back(sub->get_name());
  return names;
}

/// `WHAT "word"; did you mean "closest"?` (without quotes for options, as git words it).
std::string unknown(std::string_view what, const std::string& word,
                    const std::vector<std::string>& known, bool quote) {
  std::string closest = closest_name(word, known);
  auto shown = [&](const std::string& w) { return quote ? fmt::format("\"{}\"", w) : w; };
  std::string message = fmt::format("unknown {} {}", what, shown(word));
  return closest.empty() ? message : message + fmt::format("; did you mean {}?", shown(closest));
}

/// Options a command names otherwise, which spelling alone would not suggest: `finding add`
/// takes its day as --found where the other recording commands take --date (and its --due, the
/// closest in spelling, is the remediation deadline).
constexpr std::pair<std::string_view, std::string_view> kNamedOtherwise[] = {{"--date", "--found"}};

/// The message for the first word of the command line that names no command or option, or "".
std::string unknown_word(const CLI::App& app) {
  const CLI::App& at = chosen(app);
  std::vector<std::string> commands = command_names(at);  // none chosen below `at`
  for (const std::string& word : app.remaining(true)) {
    if (word.size() > 1 && word.front() == '-' && word != "--") {
      std::string option = word.substr(0, word.find('='));
      std::vector<std::string> options = option_names(&at);
      for (auto [name, other] : kNamedOtherwise)
        if (option == name && std::find(options.begin(), options.end(), other) != options.end())
          return fmt::format("unknown option {}; did you mean {}?", option, other);
      return unknown("option", option, options, false);
    }
    if (!commands.empty()) return unknown("command", word, commands, true);
  }
  return {};
}

/// A subcommand and what adds it, its options and its own subcommands to the command line.
struct Command {
  std::string_view name;
  void (*add)(CLI::App&, Context&);
};

/// Every subcommand, in the order the help lists them.
constexpr Command kCommands[] = {
    {"init", add_init_command},
    {"validate", add_validate_command},
    {"schema", add_schema_command},
    {"kickoff", add_kickoff_command},
    {"five-w2h", add_five_w2h_command},
    {"render", add_render_command},
    {"templates", add_templates_command},
    {"recap", add_recap_command},
    {"minutes", add_minutes_command},
    {"plan", add_plan_command},
    {"finding", add_finding_command},
    {"findings", add_findings_command},
    {"log", add_log_command},
    {"completion", add_completion_command},
    {"man", add_man_command},
    {"__complete", add_complete_ids_command},
};

/// Stands for no subcommand at all: `commplan --version` needs none.
constexpr Command kNoCommand{"", nullptr};

/// The one subcommand `args` run when nothing else about the command line needs the others,
/// kNoCommand when it runs none, or nullptr for all of them. Building a subcommand's options
/// costs more than most commands take to run, so `commplan kickoff …` builds kickoff's alone
/// and `commplan --version` (answered as soon as it is read) none. All are needed by a command
/// line without a subcommand or with an unknown word (the help, "did you mean"), by one with
/// another option before its subcommand than the diagnostic options (--help among them), and
/// by the commands that describe the whole command line (completion, man).
const Command* invoked(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    auto global = std::find_if(
        std::begin(kGlobalOptions), std::end(kGlobalOptions), [&](const GlobalOption& option) {
          return word == option.name || (option.takes_value && word.starts_with(option.name) &&
                                         word[option.name.size()] == '=');
        });
    if (global != std::end(kGlobalOptions)) {
      if (global->takes_value && word == global->name) ++i;  // its value follows
      continue;
    }
    if (word == "--version") return &kNoCommand;
    if (word.starts_with("-")) return nullptr;
    for (const Command& command : kCommands)
      if (word == command.name)
        return command.name == "completion" || command.name == "man" ? nullptr : &command;
    return nullptr;
  }
  return nullptr;
}

void build(CLI::App& app, Context& ctx, const Command* only) {
  app.set_version_flag("--version", std::string("commplan ") + COMMPLAN_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  add_diagnostic_options(app, ctx);
  app.footer(
      "--color, --error-format and --all-diagnostics may stand before or after the "
      "subcommand.");
  for (const Command& command : kCommands)
    if (only == nullptr || only == &command) command.add(app, ctx);
  inherit_options(app);
  one_value_per_occurrence(app);
}

}  // namespace

Environment process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err, Environment env) {
  Context ctx{in, out, err, env ? std::move(env) : process_environment()};
  ctx.stdin_is_terminal = &in == &std::cin && ::isatty(STDIN_FILENO);
  auto* out_buffer = dynamic_cast<DescriptorBuffer*>(out.rdbuf());
  ctx.stdout_is_terminal = out_buffer != nullptr && ::isatty(out_buffer->fd());
  CLI::App app{"commplan: communication plans and briefs for on-site engagements", "commplan"};
  build(app, ctx, invoked(args));
  int code = kOk;
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
    code = ctx.exit_code;
  } catch (const CLI::ParseError& e) {
    std::string word = e.get_exit_code() == 0 ? std::string() : unknown_word(app);
    if (!word.empty()) {
      report(ctx, Error(Error::Kind::usage, "", word).diagnostics());
      code = kUsage;
    } else {
      code = app.exit(e, out, err) == 0 ? kOk : kUsage;
    }
  } catch (const Error& e) {
    report(ctx, e.diagnostics());
    code = exit_code_for(e.kind());
  } catch (const std::bad_alloc&) {
    // Memory refused (`ulimit -v`, a container's limit): what was being made is dropped, and
    // no file was replaced (a file is renamed into place only once it is written whole).
    report(ctx, Error(Error::Kind::io, "commplan",
                      "out of memory: this system let commplan have too little for this input")
                    .diagnostics());
    code = kIo;
  }
  return finish_output(ctx, code);
}

}  // namespace commplan::cli
