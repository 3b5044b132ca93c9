#include "edit/emit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "edit/scan.hpp"
#include "util/text.hpp"

namespace commplan::edit {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

const json kNoSchema;

/// The schema itself, or of its non-null alternative when it is `anyOf` one and null.
const json& resolved(const json& schema) {
  if (!schema.is_object() || !schema.contains("anyOf")) return schema;
  for (const auto& option : schema["anyOf"])
    if (option != json{{"type", "null"}}) return option;
  return kNoSchema;
}

/// Where the schema wants a date, which may be written as it reads (times stay quoted: YAML
/// 1.1 reads 10:30 as a number).
bool wants_typed_text(const json& schema) {
  const json& s = resolved(schema);
  return s.is_object() && s.value("format", "") == "date";
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// A YAML 1.1 or 1.2 number: 12, -3.5, 1e3, 1_000, 0x1F, 1:30 (sexagesimal), .5, .inf.
bool reads_as_number(std::string_view text) {
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  if (text == ".inf" || text == ".Inf" || text == ".INF") return true;
  if (text.size() > 2 && text[0] == '0' && std::string_view("xXoObB").find(text[1]) != npos)
    return true;
  bool starts = !text.empty() &&
                (is_digit(text[0]) || (text[0] == '.' && text.size() > 1 && is_digit(text[1])));
  return starts && text.find_first_not_of("0123456789_.:eE+-") == npos;
}

/// A YAML 1.1 timestamp, or what starts like one: 2027-03-04, 2027-3-4T10:00.
bool reads_as_timestamp(std::string_view text) {
  return text.size() >= 8 && std::all_of(text.begin(), text.begin() + 4, is_digit) &&
         text[4] == '-' && is_digit(text[5]);
}

/// A YAML 1.1 or 1.2 null, boolean or special float, or a merge key.
bool reads_as_word(std::string_view text) {
  static constexpr std::array<std::string_view, 33> kWords = {
      "~",   "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes",
      "Yes", "YES",  "no",   "No",   "NO",   "on",   "On",   "ON",    "off",   "Off",   "OFF",
      "y",   "Y",    "n",    "N",    ".nan", ".NaN", ".NAN", "<<",    "="};
  return std::find(kWords.begin(), kWords.end(), text) != kWords.end();
}

/// The length of a character YAML must not see raw (NEL, line and paragraph separators, byte
/// order mark) at `at`, or 0.
size_t special_character(std::string_view text, size_t at) {
  std::string_view rest = text.substr(at);
  if (rest.starts_with("\xC2\x85")) return 2;
  if (rest.starts_with("\xE2\x80\xA8") || rest.starts_with("\xE2\x80\xA9") ||
      rest.starts_with("\xEF\xBB\xBF"))
    return 3;
  return 0;
}

bool has_special_characters(std::string_view text, bool allow_breaks) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' && allow_breaks) continue;
    if (is_control(c) || special_character(text, i) > 0) return true;
  }
  return false;
}

std::string escape_character(std::string_view text, size_t at) {
  switch (text[at]) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\n':
      return "\\n";
    case '\t':
      return "\\t";
    case '\r':
      return "\\r";
    case '\0':
      return "\\0";
    case '\x1B':
      return "\\e";
    default:
      break;
  }
  if (is_control(text[at])) return fmt::format("\\x{:02X}", static_cast<unsigned char>(text[at]));
  size_t special = special_character(text, at);
  if (special == 2) return "\\N";
  if (special == 3 && text[at] == '\xEF') return "\\uFEFF";
  if (special == 3) return text[at + 2] == '\xA8' ? "\\L" : "\\P";
  return std::string(1, text[at]);
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t at = 0;;) {
    size_t end = text.find('\n', at);
    lines.push_back(text.substr(at, end - at));
    if (end == npos) break;
    at = end + 1;
  }
  return lines;
}

std::string spaces(size_t n) { return std::string(n, ' '); }

std::string json_string(const std::string& text) {
  return ordered_json(text).dump(-1, ' ', false, json::error_handler_t::strict);
}

}  // namespace

const json& field_schema(const json& schema, const std::string& key) {
  const json& s = resolved(schema);
  if (!s.is_object() || !s.contains("properties")) return kNoSchema;
  const json& properties = s["properties"];
  return properties.contains(key) ? properties[key] : kNoSchema;
}

const json& item_schema(const json& schema) {
  const json& s = resolved(schema);
  return s.is_object() && s.contains("items") ? s["items"] : kNoSchema;
}

bool is_plain_safe(std::string_view text, bool typed, bool flow) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
  if (has_special_characters(text, false) || text.find('\t') != npos) return false;
  if (reads_as_word(text)) return false;
  if (!typed && (reads_as_number(text) || reads_as_timestamp(text))) return false;
  char first = text[0];
  if (std::string_view("[]{},#&*!|>'\"%@`").find(first) != npos) return false;
  if (std::string_view("-?:").find(first) != npos && (text.size() == 1 || text[1] == ' '))
    return false;
  if (text.starts_with("---") || text.starts_with("...")) return false;
  if (text.find(": ") != npos || text.back() == ':' || text.find(" #") != npos) return false;
  return !flow || text.find_first_of(",[]{}:") == npos;
}

std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    size_t special = special_character(text, i);
    out += escape_character(text, i);
    i += special > 0 ? special : 1;
  }
  return out + "\"";
}

bool is_literal_safe(std::string_view text) {
  if (text.find('\n') == npos || text.find('\r') != npos) return false;
  if (has_special_characters(text, true)) return false;
  if (text.front() == ' ' || text.front() == '\t' || text.front() == '\n') return false;
  if (text.ends_with("\n\n")) return false;
  auto lines = split_lines(text);
  return std::none_of(lines.begin(), lines.end(), [](std::string_view line) {
    return !line.empty() && line.find_first_not_of(" \t") == npos;
  });
}

std::string Writer::key_text(const std::string& key, bool flow) const {
  if (style_.json || !is_plain_safe(key, false, flow))
    return style_.json ? json_string(key) : double_quoted(key);
  return key;
}

std::string Writer::flow_scalar(const ordered_json& value, const json& schema) const {
  if (!value.is_string() || style_.json)
    return value.is_string() ? json_string(value) : value.dump();
  const auto& text = value.get_ref<const std::string&>();
  return is_plain_safe(text, wants_typed_text(schema), true) ? text : double_quoted(text);
}

BlockText Writer::block_scalar(const ordered_json& value, size_t content_column,
                               const json& schema) const {
  if (!value.is_string()) return {value.dump(), {}};
  const auto& text = value.get_ref<const std::string&>();
  if (is_plain_safe(text, wants_typed_text(schema), false)) return {text, {}};
  if (!is_literal_safe(text)) return {double_quoted(text), {}};
  std::string_view body = text;
  bool final_break = body.ends_with('\n');
  if (final_break) body.remove_suffix(1);
  BlockText out{final_break ? "|" : "|-", {}};
  for (auto line : split_lines(body))
    out.lines.push_back(line.empty() ? std::string() : spaces(content_column) + std::string(line));
  return out;
}

BlockText Writer::block_value(const ordered_json& value, size_t key_column,
                              const json& schema) const {
  if (value.is_object() && !value.empty())
    return {"", block_mapping(value, key_column + style_.map_step, schema)};
  if (value.is_array() && !value.empty())
    return {"", block_sequence(value, key_column + style_.seq_offset, schema)};
  if (value.is_object() || value.is_array()) return {value.is_object() ? "{}" : "[]", {}};
  return block_scalar(value, key_column + style_.map_step, schema);
}

std::vector<std::string> Writer::block_entry(const std::string& key, const ordered_json& value,
                                             size_t key_column, const json& schema) const {
  BlockText text = block_value(value, key_column, schema);
  std::string first = spaces(key_column) + key_text(key, false) + ":";
  if (!text.head.empty()) first += " " + text.head;
  text.lines.insert(text.lines.begin(), std::move(first));
  return text.lines;
}

std::vector<std::string> Writer::block_mapping(const ordered_json& value, size_t column,
                                               const json& schema) const {
  std::vector<std::string> lines;
  for (const auto& [key, item] : value.items()) {
    auto entry = block_entry(key, item, column, field_schema(schema, key));
    lines.insert(lines.end(), entry.begin(), entry.end());
  }
  return lines;
}

std::vector<std::string> Writer::block_sequence(const ordered_json& value, size_t dash,
                                                const json& schema) const {
  std::vector<std::string> lines;
  for (const auto& item : value) {
    auto more = block_item(item, dash, style_.item_offset, item_schema(schema));
    lines.insert(lines.end(), more.begin(), more.end());
  }
  return lines;
}

std::vector<std::string> Writer::block_item(const ordered_json& value, size_t dash_column,
                                            size_t item_offset, const json& schema) const {
  item_offset = std::max<size_t>(item_offset, 2);
  size_t column = dash_column + item_offset;
  std::string dash = spaces(dash_column) + "-" + spaces(item_offset - 1);
  std::vector<std::string> lines;
  if (value.is_object() && !value.empty()) {
    lines = block_mapping(value, column, schema);
  } else if (value.is_array() && !value.empty()) {
    lines = block_sequence(value, column, schema);
  } else {
    BlockText text = value.is_structured() ? BlockText{value.is_object() ? "{}" : "[]", {}}
                                           : block_scalar(value, column, schema);
    text.lines.insert(text.lines.begin(), spaces(column) + text.head);
    lines = std::move(text.lines);
  }
  lines.front() = dash + lines.front().substr(column);
  return lines;
}

std::string Writer::flow_entry(const std::string& key, const ordered_json& value,
                               const json& schema, const std::string* indent) const {
  return key_text(key, true) + (style_.json ? style_.key_sep : ": ") +
         flow_value(value, schema, indent);
}

std::string Writer::flow_value(const ordered_json& value, const json& schema,
                               const std::string* indent) const {
  if (!value.is_structured()) return flow_scalar(value, schema);
  bool object = value.is_object();
  std::string open = object ? "{" : "[", close = object ? "}" : "]";
  if (value.empty()) return open + close;
  bool lines = indent != nullptr && style_.multiline && style_.json;
  std::string inner = lines ? *indent + style_.unit : std::string();
  std::string separator = lines ? "," + style_.eol + inner : style_.json ? style_.item_sep : ", ";
  std::string out = lines ? open + style_.eol + inner : open;
  bool first = true;
  for (const auto& [key, item] : value.items()) {
    if (!first) out += separator;
    first = false;
    const json& sub = object ? field_schema(schema, key) : item_schema(schema);
    out += object ? flow_entry(key, item, sub, lines ? &inner : nullptr)
                  : flow_value(item, sub, lines ? &inner : nullptr);
  }
  return out + (lines ? style_.eol + *indent + close : close);
}

}  // namespace commplan::edit
