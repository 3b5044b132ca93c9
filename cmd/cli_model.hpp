#pragma once
// A plain description of the CLI11 App (visible commands, options, positionals), read at run
// time so the man page and the shell completions always match the real command line.

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace commplan::cli {

/// What the value of an option or positional is, for completing it.
enum class ValueKind { none, text, choice, file, directory, date, topic, phase, template_name };

/// One option or positional of a command.
struct OptionInfo {
  std::vector<std::string> names;  ///< "-o", "--output"; for a positional its name ("PROJECT")
  std::string description;
  std::vector<std::string> choices;      ///< the allowed values of an IsMember check
  std::vector<std::string> choice_help;  ///< what each choice means, "" when not told
  std::string default_value;
  ValueKind kind = ValueKind::none;  ///< none: a flag
  bool positional = false;
  bool required = false;
  bool repeatable = false;  ///< a positional that takes any number of values

  /// The placeholder of the value: FILE, DIR, DATE, ID, NAME, md|json; "" for a flag.
  std::string value_name() const;
};

/// An allowed value of an option and its line of help.
struct Choice {
  std::string value;
  std::string help;
};

/// The description of an option whose values each have a line of help: `intro`, then one
/// line per value (`  md    Markdown ...`), as --help shows it; describe_cli reads the lines
/// back into OptionInfo::choice_help, and `intro` alone into its description. `intro` does
/// not end with `:`, which --help reserves for section titles.
std::string describe_choices(std::string_view intro, const std::vector<Choice>& choices);

/// One command: the root (empty path) or a subcommand.
struct CommandInfo {
  std::vector<std::string> path;  ///< {"templates", "list"}; empty for the root
  std::string description;
  std::vector<OptionInfo> options;
  std::vector<OptionInfo> positionals;
  std::vector<CommandInfo> subcommands;

  /// "commplan templates list".
  std::string full_name() const;
  /// The path joined with spaces: "templates list"; "" for the root.
  std::string key() const;
  /// The index of the positional named PROJECT, or -1.
  int project_slot() const;
};

/// Describes `app` and its visible subcommands, recursively; hidden ones (group "") are left out.
CommandInfo describe_cli(const CLI::App& app);

/// Every command of the tree in order, the root first.
std::vector<const CommandInfo*> flatten(const CommandInfo& root);

/// True for the help flag (-h, --help), which every command has.
bool is_help(const OptionInfo& option);

}  // namespace commplan::cli
