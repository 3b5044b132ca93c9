#include <fmt/format.h>

#include "completion.hpp"

namespace commplan::cli {

namespace {

constexpr const char* kFishDriver = R"fish(
# Sets __commplan_path (the subcommands typed) and __commplan_args (the positionals after it).
function __commplan_walk
    set -g __commplan_path ''
    set -g __commplan_args
    set -l skip 0
    for token in (commandline -opc)[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        switch $token
            case '--*=*'
                continue
            case '-*'
                __commplan_takes_value "$__commplan_path" $token; and set skip 1
                continue
        end
        if test (count $__commplan_args) -eq 0; and __commplan_is_subcommand "$__commplan_path" $token
            set -g __commplan_path (string trim -- "$__commplan_path $token")
        else
            set -a __commplan_args $token
        end
    end
end

# True when the command being completed is $argv[1].
function __commplan_at
    __commplan_walk
    test "$__commplan_path" = "$argv[1]"
end

# True when the word being completed is positional $argv[2] (or later, with "more") of $argv[1].
function __commplan_positional
    __commplan_walk
    test "$__commplan_path" = "$argv[1]"; or return 1
    if test "$argv[3]" = more
        test (count $__commplan_args) -ge $argv[2]
    else
        test (count $__commplan_args) -eq $argv[2]
    end
end

# Ids of kind $argv[1] (topics, phases) from the project file, positional $argv[2].
function __commplan_ids
    __commplan_walk
    set -l project $__commplan_args[$argv[2]]
    test -n "$project" -a "$project" != -; or return
    set -l prog (commandline -opc)[1]
    $prog __complete $argv[1] $project 2>/dev/null
end

function __commplan_templates
    set -l prog (commandline -opc)[1]
    $prog templates list 2>/dev/null
end

complete -c commplan -f
)fish";

/// `text` in fish single quotes (backslash and quote escaped).
std::string fish_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string at(const CommandInfo& c) { return fish_quote("__commplan_at " + sh_quote(c.key())); }

/// The value part of a `complete` line: -x -a '…', -r -F, …
std::string value_flags(const OptionInfo& option, int project_slot) {
  switch (option.kind) {
    case ValueKind::none:
      return "";
    case ValueKind::choice: {
      std::string words;
      for (const auto& c : option.choices) words += (words.empty() ? "" : " ") + c;
      return " -x -a " + fish_quote(words);
    }
    case ValueKind::file:
      return " -r -F";
    case ValueKind::directory:
      return " -x -a '(__fish_complete_directories (commandline -ct))'";
    case ValueKind::date:
      return " -x -a 'today yesterday'";
    case ValueKind::topic:
      return fmt::format(" -x -a '(__commplan_ids topics {})'", project_slot + 1);
    case ValueKind::phase:
      return fmt::format(" -x -a '(__commplan_ids phases {})'", project_slot + 1);
    case ValueKind::template_name:
      return " -x -a '(__commplan_templates)'";
    case ValueKind::text:
      break;
  }
  return " -x";
}

std::string option_line(const CommandInfo& c, const OptionInfo& o) {
  std::string names;
  for (const auto& n : o.names)
    names += n.starts_with("--") ? " -l " + n.substr(2) : " -s " + n.substr(1);
  return fmt::format("complete -c commplan -n {}{}{} -d {}\n", at(c), names,
                     value_flags(o, c.project_slot()), fish_quote(o.description));
}

std::string positional_lines(const CommandInfo& c) {
  std::string out;
  for (size_t i = 0; i < c.positionals.size(); ++i) {
    const auto& p = c.positionals[i];
    bool more = p.repeatable && i + 1 == c.positionals.size();
    std::string condition =
        fmt::format("__commplan_positional {} {}{}", sh_quote(c.key()), i, more ? " more" : "");
    std::string flags = value_flags(p, c.project_slot());
    if (flags.starts_with(" -r")) flags = " -F";  // a positional is not an option's argument
    if (flags.starts_with(" -x")) flags = " -f" + flags.substr(3);
    if (!flags.empty() && flags != " -f")
      out += fmt::format("complete -c commplan -n {}{}\n", fish_quote(condition), flags);
  }
  return out;
}

std::string subcommand_lines(const CommandInfo& c) {
  std::string out;
  std::string condition = "__commplan_positional " + sh_quote(c.key()) + " 0";
  for (const auto& sub : c.subcommands)
    out += fmt::format("complete -c commplan -n {} -a {} -d {}\n", fish_quote(condition),
                       sub.path.back(), fish_quote(sub.description));
  return out;
}

std::string case_labels(const std::vector<std::string>& labels) {
  std::string out;
  for (const auto& l : labels) out += " " + fish_quote(l);
  return out;
}

/// A fish function that succeeds when "PATH|WORD" is one of `labels`.
std::string predicate(const std::string& name, const std::vector<std::string>& labels) {
  std::string body =
      labels.empty() ? "" : "        case" + case_labels(labels) + "\n            return 0\n";
  return fmt::format(
      "function {}\n    switch \"$argv[1]|$argv[2]\"\n{}    end\n    return 1\nend\n", name, body);
}

std::string tables(const std::vector<const CommandInfo*>& commands) {
  std::vector<std::string> subcommands, value_options;
  for (const CommandInfo* c : commands) {
    for (const auto& sub : c->subcommands) subcommands.push_back(c->key() + "|" + sub.path.back());
    for (const auto& o : c->options)
      if (o.kind != ValueKind::none)
        for (const auto& n : o.names) value_options.push_back(c->key() + "|" + n);
  }
  return predicate("__commplan_is_subcommand", subcommands) + "\n" +
         predicate("__commplan_takes_value", value_options);
}

}  // namespace

std::string fish_completion(const CommandInfo& root) {
  auto commands = flatten(root);
  std::string out =
      "# fish completion for commplan, generated by `commplan completion fish` from its command\n"
      "# definitions. Use: commplan completion fish | source\n\n";
  out += tables(commands);
  out += kFishDriver;
  for (const CommandInfo* c : commands) {
    out += "\n" + subcommand_lines(*c) + positional_lines(*c);
    for (const auto& o : c->options) out += option_line(*c, o);
  }
  return out;
}

}  // namespace commplan::cli
