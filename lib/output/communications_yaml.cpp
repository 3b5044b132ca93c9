#include "output/communications_yaml.hpp"

#include <fmt/format.h>

#include <cctype>

#include "words/words.hpp"

namespace commplan {

namespace {

/// A YAML double-quoted scalar: JSON's string escapes are valid YAML 1.2 ones.
std::string yaml_quoted(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string entry(const nlohmann::json& c) {
  std::string id = c["id"].get<std::string>();
  std::string title = c["title"].get<std::string>();
  if (id.empty()) id = communication_id(title);
  std::string out = fmt::format("  - id: {}\n    title: {}\n", yaml_quoted(id), yaml_quoted(title));
  for (const auto& d : c["dimensions"])
    out += fmt::format("    # {}: {}\n    {}: {}\n", d["name"].get<std::string>(),
                       d["question"].get<std::string>(), d["key"].get<std::string>(),
                       yaml_quoted(d["answer"].get<std::string>()));
  return out;
}

}  // namespace

std::string communications_yaml(const nlohmann::json& view) {
  Lang lang = language_named(view.value("lang", "en")).value_or(Lang::en);
  std::string out = fmt::format("# {}\ncommunications:\n", words(lang).five_w2h.yaml_note);
  for (const auto& c : view["communications"]) out += entry(c);
  return out;
}

std::string communication_id(std::string_view title) {
  std::string id;
  for (char ch : title) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) && c < 0x80)
      id += static_cast<char>(std::tolower(c));
    else if (!id.empty() && id.back() != '-')
      id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "topic" : id;
}

}  // namespace commplan
