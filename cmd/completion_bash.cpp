#include <fmt/format.h>

#include "completion.hpp"

namespace commplan::cli {

namespace {

// The fixed part: walks the words before the cursor (command path, positionals, the value an
// option waits for), then completes from the generated tables below it.
constexpr const char* kBashDriver = R"bash(
# True when $1 is one of the other arguments.
__commplan_has() {
  local word=$1 item
  shift
  for item; do [[ $item == "$word" ]] && return 0; done
  return 1
}

# Completes $cur from a kind and its choices, as __commplan_value prints them.
__commplan_complete() {
  local kind=$1 ids
  shift
  case $kind in
    choice | date)
      [[ $kind == date ]] && set -- today yesterday
      mapfile -t COMPREPLY < <(compgen -W "$*" -- "$cur") ;;
    file | dir)
      if declare -F _filedir >/dev/null; then
        if [[ $kind == dir ]]; then _filedir -d; else _filedir; fi
      else
        compopt -o filenames 2>/dev/null
        if [[ $kind == dir ]]; then set -- -d; else set -- -f; fi
        mapfile -t COMPREPLY < <(compgen "$1" -- "$cur")
      fi ;;
    topic | phase)
      [[ -n $project && $project != - ]] || return
      ids=$("$prog" __complete "${kind}s" "$project" 2>/dev/null)
      mapfile -t COMPREPLY < <(compgen -W "$ids" -- "$cur") ;;
    template)
      mapfile -t COMPREPLY < <(compgen -W "$("$prog" templates list 2>/dev/null)" -- "$cur") ;;
  esac
}

_commplan() {
  local cur=${COMP_WORDS[COMP_CWORD]} prog=${COMP_WORDS[0]} path="" project="" pending=""
  local word i skip=0 slot
  local -a positionals=()
  prog=${prog/#\~/$HOME}
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if ((skip)); then
      [[ $word == = ]] || skip=0
      continue
    fi
    case $word in
      --*=* | =) continue ;;
      -*)
        pending=$word
        [[ -n $(__commplan_value "$path" "$word") ]] && skip=1
        continue ;;
    esac
    if ((${#positionals[@]} == 0)) && __commplan_has "$word" $(__commplan_subcommands "$path"); then
      path=${path:+$path }$word
    else
      positionals+=("$word")
    fi
  done
  slot=$(__commplan_project_slot "$path")
  [[ -n $slot ]] && project=${positionals[slot]}
  project=${project/#\~/$HOME}

  if ((skip)); then
    [[ $cur == = ]] && cur=""
    __commplan_complete $(__commplan_value "$path" "$pending")
  elif [[ $cur == --*=* ]]; then
    word=${cur%%=*}
    cur=${cur#*=}
    __commplan_complete $(__commplan_value "$path" "$word")
    COMPREPLY=("${COMPREPLY[@]/#/$word=}")
  elif [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(__commplan_options "$path")" -- "$cur")
  elif ((${#positionals[@]} == 0)) && [[ -n $(__commplan_subcommands "$path") ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(__commplan_subcommands "$path")" -- "$cur")
    # No subcommand begins so: a command that also takes a file (minutes PROJECT) completes it.
    ((${#COMPREPLY[@]} == 0)) && __commplan_complete $(__commplan_value "$path" "#0")
  else
    __commplan_complete $(__commplan_value "$path" "#${#positionals[@]}")
  fi
}

complete -F _commplan commplan
)bash";

std::string kind_words(const OptionInfo& option) {
  switch (option.kind) {
    case ValueKind::none:
      return "";
    case ValueKind::choice: {
      std::string words = "choice";
      for (const auto& c : option.choices) words += " " + c;
      return words;
    }
    case ValueKind::file:
      return "file";
    case ValueKind::directory:
      return "dir";
    case ValueKind::date:
      return "date";
    case ValueKind::topic:
      return "topic";
    case ValueKind::phase:
      return "phase";
    case ValueKind::template_name:
      return "template";
    case ValueKind::text:
      break;
  }
  return "text";
}

std::string words_of(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

/// A command printing `words` (printf, as echo would take a leading -n or -e as its own).
std::string print(const std::string& words) { return "printf '%s\\n' " + words; }

std::string table(const std::string& name, const std::string& comment, const std::string& cases,
                  const std::string& subject = "$1") {
  return fmt::format("# {}\n{}() {{\n  case \"{}\" in\n{}  esac\n}}\n\n", comment, name, subject,
                     cases);
}

std::string subcommand_cases(const std::vector<const CommandInfo*>& commands) {
  std::string cases;
  for (const CommandInfo* c : commands) {
    std::vector<std::string> names;
    for (const auto& sub : c->subcommands) names.push_back(sub.path.back());
    if (!names.empty())
      cases += fmt::format("    \"{}\") {} ;;\n", c->key(), print(words_of(names)));
  }
  return cases;
}

std::string option_cases(const std::vector<const CommandInfo*>& commands) {
  std::string cases;
  for (const CommandInfo* c : commands) {
    std::vector<std::string> names;
    for (const auto& o : c->options) names.insert(names.end(), o.names.begin(), o.names.end());
    cases += fmt::format("    \"{}\") {} ;;\n", c->key(), print(words_of(names)));
  }
  return cases;
}

std::string value_cases(const CommandInfo& c) {
  std::string cases;
  for (const auto& o : c.options) {
    if (o.kind == ValueKind::none) continue;
    std::string labels;
    for (const auto& n : o.names)
      labels += fmt::format("{}\"{}|{}\"", labels.empty() ? "" : " | ", c.key(), n);
    cases += fmt::format("    {}) {} ;;\n", labels, print(kind_words(o)));
  }
  for (size_t i = 0; i < c.positionals.size(); ++i) {
    const auto& p = c.positionals[i];
    bool rest = p.repeatable && i + 1 == c.positionals.size();
    std::string label = rest ? fmt::format("\"{}|#\"*", c.key())  // this one and all after it
                             : fmt::format("\"{}|#{}\"", c.key(), i);
    cases += fmt::format("    {}) {} ;;\n", label, print(kind_words(p)));
  }
  return cases;
}

std::string slot_cases(const std::vector<const CommandInfo*>& commands) {
  std::string cases;
  for (const CommandInfo* c : commands)
    if (c->project_slot() >= 0)
      cases += fmt::format("    \"{}\") echo {} ;;\n", c->key(), c->project_slot());
  return cases;
}

}  // namespace

std::string sh_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string bash_completion(const CommandInfo& root) {
  auto commands = flatten(root);
  std::string values;
  for (const CommandInfo* c : commands) values += value_cases(*c);
  std::string out =
      "# bash completion for commplan, generated by `commplan completion bash` from its command\n"
      "# definitions. Use: source <(commplan completion bash)\n\n";
  out += table("__commplan_subcommands", "The subcommands of command path $1.",
               subcommand_cases(commands));
  out += table("__commplan_options", "The options of command path $1.", option_cases(commands));
  out += table("__commplan_value",
               "How the value of option $2, or of positional #N, of command path $1 completes.",
               values, "$1|$2");
  out += table("__commplan_project_slot", "Which positional of command path $1 is PROJECT.",
               slot_cases(commands));
  return out + kBashDriver;
}

}  // namespace commplan::cli
