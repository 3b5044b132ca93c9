#include "cli_model.hpp"

#include <algorithm>
#include <cctype>

namespace commplan::cli {

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// The values of the first `{a,b,c}` set in CLI11's type name ("TEXT:{md,json}").
std::vector<std::string> choices_of(const CLI::Option& opt) {
  std::string type = opt.get_type_name();
  size_t open = type.find(":{");
  size_t close = open == std::string::npos ? open : type.find('}', open);
  if (close == std::string::npos) return {};
  std::vector<std::string> values;
  std::string set = type.substr(open + 2, close - open - 2);
  for (size_t begin = 0; begin <= set.size();) {
    size_t end = std::min(set.find(',', begin), set.size());
    if (end > begin) values.push_back(set.substr(begin, end - begin));
    begin = end + 1;
  }
  return values;
}

/// Splits a description written by describe_choices into its intro and the help of each
/// of `info.choices`.
void split_choice_help(OptionInfo& info) {
  size_t first_break = info.description.find('\n');
  info.choice_help.assign(info.choices.size(), "");
  if (first_break == std::string::npos || info.choices.empty()) return;
  std::string rest = info.description.substr(first_break + 1);
  info.description.resize(first_break);
  for (size_t begin = 0; begin < rest.size();) {
    size_t end = std::min(rest.find('\n', begin), rest.size());
    std::string line = rest.substr(begin, end - begin);
    begin = end + 1;
    size_t value = line.find_first_not_of(' ');
    size_t gap = line.find(' ', value);
    size_t help = line.find_first_not_of(' ', gap);
    if (help == std::string::npos) continue;
    auto it = std::find(info.choices.begin(), info.choices.end(), line.substr(value, gap - value));
    if (it != info.choices.end())
      info.choice_help[static_cast<size_t>(it - info.choices.begin())] = line.substr(help);
  }
}

/// The option's main name without dashes ("output", "templates-dir", "PROJECT").
std::string base_name(const CLI::Option& opt) {
  if (!opt.get_lnames().empty()) return opt.get_lnames().front();
  if (opt.get_positional()) return opt.get_name(true);
  return opt.get_snames().empty() ? std::string() : opt.get_snames().front();
}

/// What a value is, from the check, the name and the description: the command definitions
/// stay the single source, and a new option is classified without being listed here.
ValueKind classify(const CLI::Option& opt, const std::vector<std::string>& choices) {
  if (opt.get_expected_max() == 0) return ValueKind::none;
  if (!choices.empty()) return ValueKind::choice;
  std::string name = lower(base_name(opt));
  std::string description = lower(opt.get_description());
  if (name == "topic") return ValueKind::topic;
  if (name == "phase") return ValueKind::phase;
  if (name == "date") return ValueKind::date;
  if (contains(name, "dir") || description.starts_with("folder") ||
      description.starts_with("directory"))
    return ValueKind::directory;
  if (opt.get_positional() && name == "name" && contains(description, "template"))
    return ValueKind::template_name;
  if (contains(description, "file")) return ValueKind::file;
  return ValueKind::text;
}

OptionInfo describe_option(const CLI::Option& opt) {
  OptionInfo info;
  info.positional = opt.get_positional() && opt.get_lnames().empty() && opt.get_snames().empty();
  if (info.positional) info.names.push_back(opt.get_name(true));
  for (const auto& s : opt.get_snames()) info.names.push_back("-" + s);
  for (const auto& l : opt.get_lnames()) info.names.push_back("--" + l);
  info.description = opt.get_description();
  info.choices = choices_of(opt);
  split_choice_help(info);
  info.kind = classify(opt, info.choices);
  if (info.kind != ValueKind::none) info.default_value = opt.get_default_str();
  info.required = opt.get_required();
  info.repeatable = info.positional && opt.get_items_expected_max() > 1;
  return info;
}

CommandInfo describe_command(const CLI::App& app, std::vector<std::string> path) {
  CommandInfo info;
  info.path = std::move(path);
  info.description = app.get_description();
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;
    OptionInfo option = describe_option(*opt);
    (option.positional ? info.positionals : info.options).push_back(std::move(option));
  }
  auto visible = [](const CLI::App* sub) {
    return !sub->get_name().empty() && !sub->get_group().empty();
  };
  for (const CLI::App* sub : app.get_subcommands(visible)) {
    auto sub_path = info.path;
    sub_path.push_back(sub->get_name());
    info.subcommands.push_back(describe_command(*sub, std::move(sub_path)));
  }
  return info;
}

void collect(const CommandInfo& command, std::vector<const CommandInfo*>& out) {
  out.push_back(&command);
  for (const auto& sub : command.subcommands) collect(sub, out);
}

}  // namespace

std::string describe_choices(std::string_view intro, const std::vector<Choice>& choices) {
  size_t width = 0;
  for (const Choice& c : choices) width = std::max(width, c.value.size());
  std::string out(intro);
  for (const Choice& c : choices)
    out += "\n  " + c.value + std::string(width - c.value.size() + 2, ' ') + c.help;
  return out;
}

std::string OptionInfo::value_name() const {
  switch (kind) {
    case ValueKind::none:
      return "";
    case ValueKind::choice: {
      std::string joined;
      for (const auto& c : choices) joined += (joined.empty() ? "" : "|") + c;
      return joined;
    }
    case ValueKind::file:
      return "FILE";
    case ValueKind::directory:
      return "DIR";
    case ValueKind::date:
      return "DATE";
    case ValueKind::topic:
    case ValueKind::phase:
      return "ID";
    case ValueKind::template_name:
      return "NAME";
    case ValueKind::text:
      break;
  }
  return "TEXT";
}

std::string CommandInfo::full_name() const {
  std::string name = "commplan";
  for (const auto& part : path) name += " " + part;
  return name;
}

std::string CommandInfo::key() const {
  std::string joined;
  for (const auto& part : path) joined += (joined.empty() ? "" : " ") + part;
  return joined;
}

int CommandInfo::project_slot() const {
  for (size_t i = 0; i < positionals.size(); ++i)
    if (positionals[i].names.front() == "PROJECT") return static_cast<int>(i);
  return -1;
}

CommandInfo describe_cli(const CLI::App& app) { return describe_command(app, {}); }

std::vector<const CommandInfo*> flatten(const CommandInfo& root) {
  std::vector<const CommandInfo*> out;
  collect(root, out);
  return out;
}

bool is_help(const OptionInfo& option) {
  return std::find(option.names.begin(), option.names.end(), "--help") != option.names.end();
}

}  // namespace commplan::cli
