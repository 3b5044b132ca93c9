#include "output/communications_yaml.hpp"

#include <fmt/format.h>

#include <cctype>

#include "words/words.hpp"

namespace commplan {

namespace {

/// A YAML double-quoted scalar: JSON's string escapes are valid YAML 1.2 ones. YAML allows
/// fewer characters unescaped than JSON: DEL, the C1 controls but NEL, U+FFFE and U+FFFF are
/// written as \u escapes too (YAML 1.2's c-printable), which every YAML reader takes.
std::string yaml_quoted(const std::string& text) {
  std::string json =
      nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    auto byte = static_cast<unsigned char>(json[i]);
    auto next = i + 1 < json.size() ? static_cast<unsigned char>(json[i + 1]) : 0u;
    auto third = i + 2 < json.size() ? static_cast<unsigned char>(json[i + 2]) : 0u;
    if (byte == 0x7F) {
      out += "\\u007F";
    } else if (byte == 0xC2 && next >= 0x80 && next <= 0x9F && next != 0x85) {
      out += fmt::format("\\u{:04X}", next);
      ++i;
    } else if (byte == 0xEF && next == 0xBF && (third == 0xBE || third == 0xBF)) {
      out += third == 0xBE ? "\\uFFFE" : "\\uFFFF";
      i += 2;
    } else {
      out += json[i];
    }
  }
  return out;
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
