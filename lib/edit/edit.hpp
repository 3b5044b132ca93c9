#pragma once
// Edit: a change to the text of a YAML or JSON project file that keeps every byte it does
// not change. The recording commands (finding add, finding set, log add, minutes add) write
// through it when a project keeps its records in the project file itself.
//
// Two edits cover them: append an item to a sequence at a path, creating the sequence when
// its key is absent (or null, or `[]`); and set a value in a mapping, replacing the value or
// adding the key. Comments, key order, quoting, blank lines, line ends (CRLF), a last line
// without a line break and a byte order mark stay as they were. New text follows the file:
//   - block YAML: new keys at the mapping's column, items with the file's dash placement
//     (`- ` at the key's column or indented) and nested mappings with its indentation step;
//     texts unquoted when that reads back as the same text (also for YAML 1.1 readers: `yes`,
//     `1.0`, `2027-03-04` are quoted, the last one unquoted where the schema wants a date),
//     double-quoted with escapes otherwise, and a text of several lines as a `|` block;
//   - flow style (`[a, b]`, `{k: v}`): the item or entry goes inside the brackets;
//   - JSON: the file's indentation unit (2 or 4 spaces, a tab) and separators, one-line
//     (minified) files staying on one line.
// After each edit the new text is parsed again and compared with the old document plus the
// change: if anything else would read differently, the edit throws instead (so it does for an
// anchored list that an alias repeats, or a node ending in a `|+` text, whose kept trailing
// empty lines the new lines would take away). A YAML file with nothing but comments gets its
// first key; a JSON file must hold an object already.
//
// Use (commands: read, edit, validate the result, write atomically):
//   FileEdit edit(path, read_file(path));  // throws Error when the text does not parse
//   edit.append({"findings"}, {{"id", "PN-17"}, {"title", "Weak TLS"}, {"severity", "high"}});
//   edit.append({"findings", 3, "history"}, {{"date", "2027-03-04"}, {"status", "resolved"}});
//   edit.set({"findings", 3, "status"}, "resolved");
//   write_file_atomic(path, edit.text());
// Items are nlohmann::ordered_json trees: their keys are written in the order given.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "load/document.hpp"

namespace commplan {

/// One step of a DocPath: a mapping's key or a sequence's index.
class PathStep {
 public:
  PathStep(std::string key) : step_(std::move(key)) {}
  PathStep(const char* key) : step_(std::string(key)) {}
  PathStep(size_t index) : step_(index) {}
  PathStep(int index) : step_(static_cast<size_t>(index)) {}

  bool is_index() const { return std::holds_alternative<size_t>(step_); }
  /// The key (of a step that is not an index).
  const std::string& key() const { return std::get<std::string>(step_); }
  /// The index (of a step that is one).
  size_t index() const { return std::get<size_t>(step_); }

 private:
  std::variant<std::string, size_t> step_;
};

/// Where a node is, from the document's root: {"findings", 3, "history"}.
using DocPath = std::vector<PathStep>;

/// The path as messages write it: `findings[3].history`.
std::string format_path(const DocPath& path);

/// `text` (a file's whole content, byte order mark included) with `item` appended to the
/// sequence at `path` of `doc` (its parse). The sequence is created when the last step is a
/// key the mapping does not have, or has with a null or `[]` value. `schema`, a JSON Schema
/// of the file (project_schema(), or null), decides which texts are dates to leave unquoted.
/// Throws Error(invalid_input), located, when the path does not lead to a sequence or the
/// edit cannot be made without changing anything else.
std::string append_item(std::string_view text, const Document& doc, const DocPath& path,
                        const nlohmann::ordered_json& item, const nlohmann::json& schema = nullptr);

/// `text` with the value at `path` (whose last step is a key of a mapping) set to `value`:
/// the old value replaced where it is (it must be a text, number, true/false, null or empty
/// `[]` or `{}`), or the key added at the end of the mapping. Throws as append_item() does.
std::string set_value(std::string_view text, const Document& doc, const DocPath& path,
                      const nlohmann::ordered_json& value, const nlohmann::json& schema = nullptr);

/// A file under edit: its text and its parse, parsed again after each edit.
class FileEdit {
 public:
  /// Parses `text` (the format by detect_format()); throws Error(invalid_input) when it does
  /// not parse. `schema` as for append_item(); project_schema() by default.
  FileEdit(std::string file, std::string text);
  FileEdit(std::string file, std::string text, nlohmann::json schema);

  /// Appends `item` to the sequence at `path` (see append_item()).
  void append(const DocPath& path, const nlohmann::ordered_json& item);
  /// Sets the value at `path` (see set_value()).
  void set(const DocPath& path, const nlohmann::ordered_json& value);

  /// The text with every edit so far.
  const std::string& text() const { return text_; }
  /// The parse of text().
  const Document& document() const { return doc_; }

 private:
  std::string text_;
  Document doc_;
  nlohmann::json schema_;
};

}  // namespace commplan
