#pragma once
// Edit, internal: values written as YAML (block or flow) or JSON in a file's own style.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace commplan::edit {

/// How a file writes what it holds, as far as new text must match it.
struct Style {
  bool json = false;       ///< JSON: every string double-quoted, keys too
  std::string eol = "\n";  ///< "\r\n" when the file's lines end so
  // Block YAML: columns past the parent's.
  size_t map_step = 2;     ///< a nested mapping's keys past their parent key
  size_t seq_offset = 2;   ///< a sequence's dashes past its key (0: `- ` at the key's column)
  size_t item_offset = 2;  ///< an item's text past its dash
  // Flow style and JSON.
  bool multiline = false;       ///< the file puts each item on a line of its own
  std::string unit = "  ";      ///< one level of indentation of a multi-line file
  std::string key_sep = ": ";   ///< between a key and its value
  std::string item_sep = ", ";  ///< between the items of a one-line collection
};

/// A value's text in block YAML: what follows `key: ` or `- ` on its line (may be empty),
/// then its lines (complete with their indentation, without line ends).
struct BlockText {
  std::string head;
  std::vector<std::string> lines;
};

/// Writes values for one file. `schema`, a JSON Schema of the file (or null), tells where a
/// text that reads as a date is meant so and may go unquoted.
class Writer {
 public:
  Writer(const Style& style, const nlohmann::json& schema) : style_(style), schema_(schema) {}

  /// `value` as the value of a key at `key_column`, `schema` its schema (or null).
  BlockText block_value(const nlohmann::ordered_json& value, size_t key_column,
                        const nlohmann::json& schema) const;
  /// The lines of `value` as an item of a sequence whose dashes are at `dash_column`, its
  /// text `item_offset` past the dash.
  std::vector<std::string> block_item(const nlohmann::ordered_json& value, size_t dash_column,
                                      size_t item_offset, const nlohmann::json& schema) const;
  /// The lines of a `key: value` entry whose key is at `key_column`.
  std::vector<std::string> block_entry(const std::string& key, const nlohmann::ordered_json& value,
                                       size_t key_column, const nlohmann::json& schema) const;
  /// `value` in flow style on one line (JSON in a JSON file), or, with `indent` set and a
  /// multi-line file, over lines whose nested levels are indented past `indent`.
  std::string flow_value(const nlohmann::ordered_json& value, const nlohmann::json& schema,
                         const std::string* indent = nullptr) const;
  /// `key: value` (or `"key": value`) in flow style, as flow_value() writes the value.
  std::string flow_entry(const std::string& key, const nlohmann::ordered_json& value,
                         const nlohmann::json& schema, const std::string* indent = nullptr) const;

  const Style& style() const { return style_; }
  const nlohmann::json& schema() const { return schema_; }

 private:
  std::vector<std::string> block_mapping(const nlohmann::ordered_json& value, size_t column,
                                         const nlohmann::json& schema) const;
  std::vector<std::string> block_sequence(const nlohmann::ordered_json& value, size_t dash,
                                          const nlohmann::json& schema) const;
  BlockText block_scalar(const nlohmann::ordered_json& value, size_t content_column,
                         const nlohmann::json& schema) const;
  std::string flow_scalar(const nlohmann::ordered_json& value, const nlohmann::json& schema) const;
  std::string key_text(const std::string& key, bool flow) const;

  const Style& style_;
  const nlohmann::json& schema_;
};

/// The schema of field `key` of an object whose schema is `schema` (null when unknown).
const nlohmann::json& field_schema(const nlohmann::json& schema, const std::string& key);
/// The schema of the items of an array whose schema is `schema` (null when unknown).
const nlohmann::json& item_schema(const nlohmann::json& schema);

/// Whether `text` may be written unquoted in YAML and read back as this text, by a YAML 1.2
/// reader and a YAML 1.1 one alike; `typed` allows a text that reads as a date or a number
/// (where the schema wants a date), `flow` is for flow style.
bool is_plain_safe(std::string_view text, bool typed, bool flow);
/// `text` as a YAML double-quoted scalar.
std::string double_quoted(std::string_view text);
/// Whether `text` (with a line break) can be a literal block (`|`) that reads back as itself.
bool is_literal_safe(std::string_view text);

}  // namespace commplan::edit
