#include "edit/edit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "edit/emit.hpp"
#include "edit/scan.hpp"
#include "model/project.hpp"
#include "util/text.hpp"

namespace commplan {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;
using namespace edit;

/// One replacement in the source: `erase` bytes at `at` become `insert`.
struct Splice {
  size_t at = 0;
  size_t erase = 0;
  std::string insert;
};

const Entry* find_entry(const Node& mapping, std::string_view key) {
  for (const auto& entry : mapping.entries())
    if (entry.key() == key) return &entry;
  return nullptr;
}

/// Where the text of a collection's first child begins.
size_t first_child_start(std::string_view text, const Node& node) {
  if (!node.entries().empty()) return key_start(text, node.entries().front());
  const Node& item = node.items().front();
  if (item.is_mapping() && !item.entries().empty() && !is_flow(text, item))
    return key_start(text, item.entries().front());
  return node_start(text, item);
}

bool is_json_text(const Document& doc) {
  if (detect_format(doc.file, doc.text) == Format::json) return true;
  const Node& root = doc.root;
  return root.is_mapping() && is_flow(doc.text, root) && !root.entries().empty() &&
         doc.text[key_start(doc.text, root.entries().front())] == '"';
}

/// The line end the file uses: that of its first line.
std::string detect_eol(std::string_view text) {
  size_t at = text.find('\n');
  return at != npos && at > 0 && text[at - 1] == '\r' ? "\r\n" : "\n";
}

/// The indentation steps of block YAML, from the first nested mapping and sequence found.
class BlockStyleFinder {
 public:
  BlockStyleFinder(std::string_view text, Style& style) : text_(text), style_(style) {}

  void visit(const Node& node) {
    if (node.is_mapping() && !is_flow(text_, node))
      for (const auto& entry : node.entries()) visit_entry(entry);
    if (node.is_sequence() && !is_flow(text_, node)) visit_sequence(node);
    for (const auto& item : node.items()) visit(item);
    for (const auto& entry : node.entries()) visit(entry.value);
  }

 private:
  void visit_entry(const Entry& entry) {
    const Node& value = entry.value;
    if (!value.is_mapping() && !value.is_sequence()) return;
    if (is_flow(text_, value) || (value.entries().empty() && value.items().empty())) return;
    size_t key = column(text_, key_start(text_, entry));
    size_t child = column(text_, value.is_mapping() ? key_start(text_, value.entries().front())
                                                    : node_start(text_, value));
    if (value.is_mapping() && !map_step_ && child > key) map_step_ = style_.map_step = child - key;
    if (value.is_sequence() && !seq_offset_ && child >= key)
      seq_offset_ = true, style_.seq_offset = child - key;
  }

  void visit_sequence(const Node& node) {
    if (item_offset_ || node.items().empty() || node.items().front().mark().line == 0) return;
    size_t dash = node_start(text_, node);
    size_t item = first_child_start(text_, node);
    if (line_start(text_, item) != line_start(text_, dash) || item < dash + 2) return;
    // The blanks after the dash, not the distance to the item's value: an anchor or a tag
    // (`- &lead {…}`) stands between them.
    size_t after = dash + 1;
    while (after < item && text_[after] == ' ') ++after;
    item_offset_ = true;
    style_.item_offset = after - dash;
  }

  std::string_view text_;
  Style& style_;
  size_t map_step_ = 0;
  bool seq_offset_ = false;
  bool item_offset_ = false;
};

/// The separators of a JSON (or flow) file: its indentation unit, between key and value,
/// between the items of one line.
void detect_flow_style(std::string_view text, const Node& root, Style& style) {
  if (!is_flow(text, root) || (root.entries().empty() && root.items().empty())) return;
  size_t open = node_start(text, root);
  size_t first = first_child_start(text, root);
  style.multiline = line_start(text, first) != line_start(text, open);
  if (style.multiline) style.unit = line_indent(text, first);
  if (!root.entries().empty()) {
    const Entry& entry = root.entries().front();
    size_t start = key_start(text, entry);
    size_t key_end = text[start] == '"' ? quoted_end(text, start) : colon_of(text, entry);
    size_t value = colon_of(text, entry) + 1;
    while (value < text.size() && (text[value] == ' ' || text[value] == '\t')) ++value;
    std::string_view sep = text.substr(key_end, value - key_end);
    if (sep.find('\n') == npos) style.key_sep = sep;
  }
  FlowSpan span = scan_flow(text, open, style.json);
  if (style.multiline || span.first_comma == npos) {
    if (!style.multiline && style.json) style.item_sep = ",";
    return;
  }
  size_t end = span.first_comma + 1;
  while (end < text.size() && text[end] == ' ') ++end;
  style.item_sep = text.substr(span.first_comma, end - span.first_comma);
}

Style detect_style(const Document& doc) {
  Style style;
  style.json = is_json_text(doc);
  style.eol = detect_eol(doc.text);
  BlockStyleFinder(doc.text, style).visit(doc.root);
  detect_flow_style(doc.text, doc.root, style);
  return style;
}

/// Whether a node is a collection in flow style on one line, as a list's items may be.
bool one_line_collection(std::string_view text, const Node& node, bool json_text) {
  if (!node.is_sequence() && !node.is_mapping()) return false;
  if (!is_flow(text, node)) return false;
  size_t open = node_start(text, node);
  return line_start(text, open) == line_start(text, scan_flow(text, open, json_text).close);
}

/// Computes the splice of one edit on a parsed document.
class Editor {
 public:
  Editor(const Document& doc, const json& schema)
      : doc_(doc), text_(doc.text), style_(detect_style(doc)), writer_(style_, schema) {}

  Splice append(const DocPath& path, const ordered_json& item);
  Splice set(const DocPath& path, const ordered_json& value);

 private:
  struct Place {
    const Node* node;
    const json* schema;
  };

  [[noreturn]] void fail(const Node& at, const DocPath& path, size_t steps,
                         const std::string& message) const;
  Place resolve(const DocPath& path, size_t steps) const;
  const Node& expect(const Place& place, const DocPath& path, size_t steps, Node::Kind kind) const;

  Splice append_to_sequence(const Node& sequence, const ordered_json& item,
                            const json& schema) const;
  Splice add_entry(const Node& mapping, const std::string& key, const ordered_json& value,
                   const json& schema) const;
  Splice replace_value(const Node& mapping, const Entry& entry, const ordered_json& value,
                       const json& schema) const;
  Splice flow_insert(const Node& collection,
                     const std::function<std::string(const std::string*)>& render) const;
  Splice insert_lines(size_t line_end, const std::vector<std::string>& lines) const;
  size_t item_offset(const Node& sequence, size_t dash) const;

  bool is_one_line(const Node& node) const { return one_line_collection(text_, node, style_.json); }
  /// A YAML document with nothing in it (comments aside), where a first key may go.
  bool is_empty_yaml(const Node& node) const {
    return &node == &doc_.root && node.is_null() && !style_.json;
  }

  const Document& doc_;
  std::string_view text_;
  Style style_;
  Writer writer_;
};

void Editor::fail(const Node& at, const DocPath& path, size_t steps,
                  const std::string& message) const {
  Diagnostics diagnostics;
  DocPath prefix(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(steps));
  Mark mark = at.mark().line > 0 ? at.mark() : Mark{};
  diagnostics.error(doc_.file, mark, format_path(prefix), message,
                    mark.line > 0 ? doc_.line(mark) : Excerpt{});
  throw Error(Error::Kind::invalid_input, std::move(diagnostics));
}

Editor::Place Editor::resolve(const DocPath& path, size_t steps) const {
  Place place{&doc_.root, &writer_.schema()};
  for (size_t i = 0; i < steps; ++i) {
    const PathStep& step = path[i];
    const Node& node = *place.node;
    if (step.is_index()) {
      expect(place, path, i, Node::Kind::sequence);
      if (step.index() >= node.items().size())
        fail(node, path, i,
             fmt::format("no item {}: the list has {}", step.index(), node.items().size()));
      place = {&node.items()[step.index()], &item_schema(*place.schema)};
    } else {
      expect(place, path, i, Node::Kind::mapping);
      const Entry* entry = find_entry(node, step.key());
      if (entry == nullptr) fail(node, path, i, fmt::format("no field \"{}\"", step.key()));
      place = {&entry->value, &field_schema(*place.schema, step.key())};
    }
  }
  return place;
}

const Node& Editor::expect(const Place& place, const DocPath& path, size_t steps,
                           Node::Kind kind) const {
  const Node& node = *place.node;
  if (node.kind() != kind)
    fail(node, path, steps,
         fmt::format("expected {}, got {}", kind == Node::Kind::sequence ? "a list" : "a mapping",
                     kind_name(node)));
  return node;
}

Splice Editor::append(const DocPath& path, const ordered_json& item) {
  if (path.empty()) fail(doc_.root, path, 0, "no list to append to: the path is empty");
  if (path.back().is_index()) {
    Place place = resolve(path, path.size());
    const Node& sequence = expect(place, path, path.size(), Node::Kind::sequence);
    return append_to_sequence(sequence, item, item_schema(*place.schema));
  }
  Place parent = resolve(path, path.size() - 1);
  const std::string& key = path.back().key();
  const json& schema = field_schema(*parent.schema, key);
  if (is_empty_yaml(*parent.node))
    return add_entry(*parent.node, key, ordered_json::array({item}), schema);
  const Node& mapping = expect(parent, path, path.size() - 1, Node::Kind::mapping);
  const Entry* entry = find_entry(mapping, key);
  if (entry == nullptr) return add_entry(mapping, key, ordered_json::array({item}), schema);
  const Node& value = entry->value;
  bool block_parent = !is_flow(text_, mapping);
  bool empty_flow = value.is_sequence() && value.items().empty() && is_flow(text_, value);
  if (value.is_null() || (empty_flow && block_parent))
    return replace_value(mapping, *entry, ordered_json::array({item}), schema);
  if (!value.is_sequence())
    fail(value, path, path.size(), fmt::format("expected a list, got {}", kind_name(value)));
  // An alias (`log: *empty`) stands for a list written elsewhere, shared: an item written
  // there would change every key that names it.
  if (size_t at = node_start(text_, value); text_[at] == '*' || (at > 0 && text_[at - 1] == '*'))
    fail(value, path, path.size(),
         "the list is an alias of one written elsewhere; write it out to record into it");
  return append_to_sequence(value, item, item_schema(schema));
}

Splice Editor::set(const DocPath& path, const ordered_json& value) {
  if (path.empty() || path.back().is_index())
    fail(doc_.root, path, path.size(), "a value is set under a key: the path must end with one");
  Place parent = resolve(path, path.size() - 1);
  const std::string& key = path.back().key();
  const json& schema = field_schema(*parent.schema, key);
  if (is_empty_yaml(*parent.node)) return add_entry(*parent.node, key, value, schema);
  const Node& mapping = expect(parent, path, path.size() - 1, Node::Kind::mapping);
  const Entry* entry = find_entry(mapping, key);
  if (entry == nullptr) return add_entry(mapping, key, value, schema);
  const Node& old = entry->value;
  bool collection = old.is_sequence() || old.is_mapping();
  if (collection && (!is_flow(text_, old) || !old.items().empty() || !old.entries().empty()))
    fail(old, path, path.size(),
         fmt::format("{} cannot be replaced, only a text, number, true/false or nothing",
                     kind_name(old)));
  return replace_value(mapping, *entry, value, schema);
}

size_t Editor::item_offset(const Node& sequence, size_t dash) const {
  if (sequence.items().empty()) return style_.item_offset;
  const Node& last = sequence.items().back();
  if (last.mark().line == 0) return style_.item_offset;
  size_t start = last.is_mapping() && !last.entries().empty() && !is_flow(text_, last)
                     ? key_start(text_, last.entries().front())
                     : node_start(text_, last);
  size_t at = line_start(text_, start) + column(text_, dash);
  if (at + 2 > start || text_[at] != '-') return style_.item_offset;
  // The blanks after the dash: an anchor or a tag (`- &first date: …`) is not indentation.
  size_t after = at + 1;
  while (after < start && text_[after] == ' ') ++after;
  return after - at;
}

Splice Editor::append_to_sequence(const Node& sequence, const ordered_json& item,
                                  const json& schema) const {
  if (is_flow(text_, sequence))
    return flow_insert(sequence, [&](const std::string* indent) {
      return writer_.flow_value(item, schema, indent);
    });
  size_t dash = node_start(text_, sequence);
  size_t dash_column = column(text_, dash);
  size_t end = block_end(text_, dash, dash_column, BlockKind::sequence, true);
  return insert_lines(end,
                      writer_.block_item(item, dash_column, item_offset(sequence, dash), schema));
}

Splice Editor::add_entry(const Node& mapping, const std::string& key, const ordered_json& value,
                         const json& schema) const {
  if (is_empty_yaml(mapping))
    return insert_lines(text_.size(), writer_.block_entry(key, value, 0, schema));
  if (is_flow(text_, mapping))
    return flow_insert(mapping, [&](const std::string* indent) {
      return writer_.flow_entry(key, value, schema, indent);
    });
  size_t first = key_start(text_, mapping.entries().front());
  size_t key_column = column(text_, first);
  size_t end = block_end(text_, first, key_column, BlockKind::mapping, true);
  return insert_lines(end, writer_.block_entry(key, value, key_column, schema));
}

Splice Editor::replace_value(const Node& mapping, const Entry& entry, const ordered_json& value,
                             const json& schema) const {
  bool flow = is_flow(text_, mapping);
  ValueSpan span = value_span(text_, entry, flow, style_.json);
  if (flow) {
    std::string indent(line_indent(text_, key_start(text_, entry)));
    std::string written = writer_.flow_value(value, schema, &indent);
    return {span.begin, span.end - span.begin, span.empty ? " " + written : written};
  }
  BlockText written = writer_.block_value(value, column(text_, key_start(text_, entry)), schema);
  if (written.lines.empty())
    return {span.begin, span.end - span.begin, span.empty ? " " + written.head : written.head};
  size_t colon = colon_of(text_, entry);
  size_t end = content_end(text_, span.end);
  std::string tail(text_.substr(span.end, end - span.end));  // a comment after the old value
  std::string head = written.head.empty() ? "" : " " + written.head;
  // A comment after the old value keeps its column (`findings: []   # …` → `findings:      # …`).
  size_t removed = span.end - colon - 1;
  if (tail.find_first_not_of(" \t") != std::string::npos && removed > head.size())
    head.append(removed - head.size(), ' ');
  // Comment lines right below, indented past the key, go on describing it (a starter's aligned
  // comments): the new lines come after them, not between the key and its comments.
  size_t key_column = column(text_, key_start(text_, entry));
  size_t kept = end;
  for (size_t next = line_break(text_, end) + 1; next < text_.size();) {
    size_t first = text_.find_first_not_of(" \t", next);
    if (first == std::string_view::npos || text_[first] != '#' || first - next <= key_column) break;
    kept = content_end(text_, first);
    next = line_break(text_, kept) + 1;
  }
  std::string comments(text_.substr(end, kept - end));  // with their line breaks, as written
  return {colon + 1, kept - colon - 1,
          head + tail + comments + style_.eol + join(written.lines, style_.eol)};
}

Splice Editor::flow_insert(const Node& collection,
                           const std::function<std::string(const std::string*)>& render) const {
  size_t open = node_start(text_, collection);
  FlowSpan span = scan_flow(text_, open, style_.json);
  if (collection.items().empty() && collection.entries().empty()) {
    if (!style_.multiline || !style_.json)
      return {open + 1, span.close - open - 1, render(nullptr)};
    std::string base(line_indent(text_, open));
    std::string inner = base + style_.unit;
    return {open + 1, span.close - open - 1,
            style_.eol + inner + render(&inner) + style_.eol + base};
  }
  bool comma = text_[span.last_end - 1] == ',';
  size_t first = first_child_start(text_, collection);
  if (line_start(text_, first) != line_start(text_, open)) {
    std::string indent(line_indent(text_, first));
    bool one_line = !collection.items().empty() && is_one_line(collection.items().back());
    return {span.last_end, 0,
            (comma ? "" : ",") + style_.eol + indent + render(one_line ? nullptr : &indent)};
  }
  std::string separator = style_.json ? style_.item_sep : ", ";
  if (span.first_comma != npos) {
    size_t end = span.first_comma + 1;
    while (end < span.close && text_[end] == ' ') ++end;
    separator = text_.substr(span.first_comma, end - span.first_comma);
  }
  return {span.last_end, 0, (comma ? separator.substr(1) : separator) + render(nullptr)};
}

Splice Editor::insert_lines(size_t line_end, const std::vector<std::string>& lines) const {
  std::string body = join(lines, style_.eol);
  if (line_end < text_.size()) return {line_end + 1, 0, body + style_.eol};
  if (text_.empty() || text_.ends_with('\n')) return {text_.size(), 0, body + style_.eol};
  return {text_.size(), 0, style_.eol + body};
}

/// The document's data with the edit made on it: what the edited text must read as.
ordered_json expected_data(const Document& doc, const DocPath& path, const ordered_json& value,
                           bool append) {
  ordered_json data = to_ordered_json(doc.root);
  ordered_json* at = &data;
  for (size_t i = 0; i + 1 < path.size(); ++i)
    at = path[i].is_index() ? &(*at)[path[i].index()] : &(*at)[path[i].key()];
  ordered_json& last =
      path.back().is_index() ? (*at)[path.back().index()] : (*at)[path.back().key()];
  if (!append) {
    last = value;
  } else {
    if (!last.is_array()) last = ordered_json::array();
    last.push_back(value);
  }
  return data;
}

bool is_valid_utf8(const ordered_json& value) {
  if (value.is_string()) return invalid_utf8_offset(value.get_ref<const std::string&>()) == npos;
  if (value.is_array())
    return std::all_of(value.begin(), value.end(),
                       [](const auto& item) { return is_valid_utf8(item); });
  if (!value.is_object()) return true;
  for (const auto& [key, item] : value.items())
    if (invalid_utf8_offset(key) != npos || !is_valid_utf8(item)) return false;
  return true;
}

/// The node `path` leads to in `doc`, or the last one on its way that is there.
const Node& deepest_on(const Document& doc, const DocPath& path) {
  const Node* node = &doc.root;
  for (const PathStep& step : path) {
    const Node* next = nullptr;
    if (step.is_index() && node->is_sequence() && step.index() < node->items().size())
      next = &node->items()[step.index()];
    else if (!step.is_index() && node->is_mapping())
      next = node->find(step.key());
    if (next == nullptr) break;
    node = next;
  }
  return *node;
}

/// An error at `path`, placed where the file has it (or the nearest part of it on the way).
Error path_error(const Document& doc, const DocPath& path, std::string message) {
  Diagnostics diagnostics;
  Mark mark = deepest_on(doc, path).mark();
  if (mark.line > 0)
    diagnostics.error(doc.file, mark, format_path(path), std::move(message), doc.line(mark));
  else
    diagnostics.error(doc.file, {}, format_path(path), std::move(message));
  return Error(Error::Kind::invalid_input, std::move(diagnostics));
}

struct Result {
  std::string text;
  Document doc;
};

/// The prefix of `text` that `doc` does not hold: a byte order mark.
std::string_view unparsed_prefix(std::string_view text, const Document& doc) {
  if (!text.ends_with(doc.text) || text.size() - doc.text.size() > 3)
    throw Error(Error::Kind::usage, doc.file, "the text to edit is not the parsed document's");
  return text.substr(0, text.size() - doc.text.size());
}

Result make_edit(std::string_view text, const Document& doc, const json& schema,
                 const DocPath& path, const ordered_json& value, bool append) {
  if (!is_valid_utf8(value)) {  // the value's fault, not the file's: no place in it
    Diagnostics diagnostics;
    diagnostics.error(doc.file, {}, format_path(path), "the value to write is not valid UTF-8");
    throw Error(Error::Kind::invalid_input, std::move(diagnostics));
  }
  std::string prefix(unparsed_prefix(text, doc));
  Editor editor(doc, schema);
  Splice splice = append ? editor.append(path, value) : editor.set(path, value);
  std::string result = prefix + std::string(doc.text);
  result.replace(prefix.size() + splice.at, splice.erase, splice.insert);
  Diagnostics diagnostics;
  Document edited =
      parse_document(doc.file, result, detect_format(doc.file, doc.text), diagnostics);
  if (diagnostics.has_errors() ||
      to_ordered_json(edited.root) != expected_data(doc, path, value, append))
    throw path_error(doc, path,
                     "this change cannot be written without altering the rest of the file; make "
                     "it by hand");
  return {std::move(result), std::move(edited)};
}

}  // namespace

std::string format_path(const DocPath& path) {
  std::string out;
  for (const auto& step : path) {
    if (step.is_index())
      out += fmt::format("[{}]", step.index());
    else
      out += (out.empty() ? "" : ".") + step.key();
  }
  return out;
}

std::string append_item(std::string_view text, const Document& doc, const DocPath& path,
                        const ordered_json& item, const json& schema) {
  return make_edit(text, doc, schema, path, item, true).text;
}

std::string set_value(std::string_view text, const Document& doc, const DocPath& path,
                      const ordered_json& value, const json& schema) {
  return make_edit(text, doc, schema, path, value, false).text;
}

FileEdit::FileEdit(std::string file, std::string text)
    : FileEdit(std::move(file), std::move(text), project_schema()) {}

FileEdit::FileEdit(std::string file, std::string text, json schema)
    : text_(std::move(text)), schema_(std::move(schema)) {
  Diagnostics diagnostics;
  Format format = detect_format(file, text_);
  doc_ = parse_document(std::move(file), text_, format, diagnostics);
  if (diagnostics.has_errors()) throw Error(Error::Kind::invalid_input, std::move(diagnostics));
}

void FileEdit::append(const DocPath& path, const ordered_json& item) {
  Result result = make_edit(text_, doc_, schema_, path, item, true);
  text_ = std::move(result.text);
  doc_ = std::move(result.doc);
}

void FileEdit::set(const DocPath& path, const ordered_json& value) {
  Result result = make_edit(text_, doc_, schema_, path, value, false);
  text_ = std::move(result.text);
  doc_ = std::move(result.doc);
}

}  // namespace commplan
