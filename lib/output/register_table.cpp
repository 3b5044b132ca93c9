// The findings register's view as cells of text (see register_table.hpp).

#include "output/register_table.hpp"

#include "util/text.hpp"

namespace commplan {

namespace {

using nlohmann::json;

/// Member `key` of an object; null for anything else or a missing member.
const json& member(const json& object, const char* key) {
  static const json none;
  if (!object.is_object()) return none;
  auto it = object.find(key);
  return it != object.end() ? *it : none;
}

/// A text member's text (a number's as JSON writes it); empty for anything else.
std::string text_of(const json& object, const char* key) {
  const json& value = member(object, key);
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return value.dump();
  return {};
}

/// A list of texts, one per line.
std::string lines_of(const json& item, const char* key) {
  std::vector<std::string> lines;
  const json& list = member(item, key);
  if (list.is_array())
    for (const json& line : list)
      if (line.is_string()) lines.push_back(line.get<std::string>());
  return join(lines, "\n");
}

/// The label the item gives a field (`severity_label`, `phase_name`), else the field itself.
std::string label_of(const json& item, const char* key, const char* label) {
  std::string text = text_of(item, label);
  return text.empty() ? text_of(item, key) : text;
}

}  // namespace

std::array<std::string, kRegisterColumns> register_header(Lang lang) {
  std::array<std::string, kRegisterColumns> header;
  const auto& labels = words(lang).register_.columns;
  for (size_t i = 0; i < kRegisterColumns; ++i) header[i] = std::string(labels[i]);
  return header;
}

std::array<std::string, kRegisterColumns> register_cells(const json& item) {
  const json& cvss = member(item, "cvss");
  const json& retest = member(item, "retest");
  auto sub = [](const json& object, const char* key) { return text_of(object, key); };
  return {text_of(item, "id"),
          text_of(item, "title"),
          label_of(item, "severity", "severity_label"),
          label_of(item, "status", "status_label"),
          sub(cvss, "vector"),
          sub(cvss, "score"),
          text_of(item, "cwe"),
          label_of(item, "phase", "phase_name"),
          text_of(item, "found"),
          text_of(item, "due"),
          text_of(item, "owner"),
          lines_of(item, "affected"),
          text_of(item, "standard"),
          text_of(item, "evidence"),
          text_of(item, "impact"),
          text_of(item, "recommendation"),
          lines_of(item, "references"),
          text_of(item, "client_feedback"),
          sub(retest, "date"),
          label_of(retest, "result", "result_label"),
          sub(retest, "note"),
          text_of(item, "fingerprint")};
}

std::vector<std::vector<std::string>> register_table(const json& view) {
  Lang lang = language_named(text_of(view, "lang")).value_or(Lang::en);
  std::vector<std::vector<std::string>> table;
  auto add = [&](const std::array<std::string, kRegisterColumns>& row) {
    table.emplace_back(row.begin(), row.end());
  };
  add(register_header(lang));
  const json& findings = member(view, "findings");
  if (findings.is_array())
    for (const json& item : findings)
      if (item.is_object()) add(register_cells(item));
  return table;
}

}  // namespace commplan
