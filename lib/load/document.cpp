#include "load/document.hpp"

#include <fmt/format.h>
#include <libfyaml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <istream>
#include <iterator>
#include <memory>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "load/json_fast.hpp"
#include "load/node_storage.hpp"
#include "load/open_keys.hpp"
#include "load/parse_with.hpp"
#include "load/yaml_fast.hpp"
#include "load/yaml_text.hpp"
#include "util/read.hpp"
#include "util/text.hpp"

namespace commplan {

const Node* Node::find(std::string_view key) const {
  for (const auto& entry : entries())
    if (entry.key() == key) return &entry.value;
  return nullptr;
}

Excerpt Document::line(const Mark& mark) const { return excerpt_at(text, mark.offset); }

Mark advance(std::string_view text, Mark from, size_t to) {
  to = std::min(to, text.size());
  // Counted in locals: a member written through a pointer while bytes are read would be
  // stored at every byte (a char may alias it).
  int line = from.line;
  int column = from.column;
  const char* bytes = text.data();
  std::string_view range(bytes, to);  // searched up to `to` only: a call costs what it counts
  if (range.find('\r', from.offset) == std::string_view::npos) {
    // Line feeds alone, the common case: found by memchr, characters counted on the last line.
    size_t start = from.offset;
    for (size_t at = range.find('\n', start); at != range.npos; at = range.find('\n', at + 1)) {
      ++line;
      column = 1;
      start = at + 1;
    }
    for (size_t i = start; i < to; ++i)
      column += (static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80;
  } else {
    for (size_t i = from.offset; i < to; ++i) {
      auto c = static_cast<unsigned char>(bytes[i]);
      // A "\r" before a "\n" is counted as a character: the "\n" ends the line.
      if (c == '\n' || (c == '\r' && (i + 1 == text.size() || bytes[i + 1] != '\n'))) {
        ++line;
        column = 1;
      } else {
        column += (c & 0xC0) != 0x80;
      }
    }
  }
  return {line, column, to};
}

void ItemSink::give(const Document& doc, const Node& item, size_t index, bool kept) const {
  take(doc, item, index, kept);
  if (doc.storage && item.mark().offset < doc.text.size())
    doc.storage->let_go_of_source_before(doc.text.data() + item.mark().offset);
}

Mark Document::mark_at(size_t offset) const {
  constexpr size_t kStep = 4096;
  if (place_index.empty()) {
    Mark place{1, 1, 0};
    place_index.push_back(place);
    for (size_t at = kStep; at < text.size(); at += kStep) {
      while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
      place = advance(text, place, at);
      place_index.push_back(place);
    }
  }
  auto from = std::upper_bound(place_index.begin(), place_index.end(), offset,
                               [](size_t at, const Mark& place) { return at < place.offset; });
  return advance(text, *std::prev(from), offset);
}

void Document::release() {
  text = {};
  root = Node();
  storage.reset();
  place_index = {};
  released = true;
}

Format detect_format(std::string_view file, std::string_view text) {
  auto ends_with = [&](std::string_view suffix) { return ends_with_ignoring_case(file, suffix); };
  if (ends_with(".json")) return Format::json;
  if (ends_with(".yaml") || ends_with(".yml")) return Format::yaml;
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && (text[first] == '{' || text[first] == '['))
    return Format::json;
  return Format::yaml;
}

namespace {

// RAII owners for libfyaml's C objects.
struct ParserDeleter {
  void operator()(fy_parser* p) const { fy_parser_destroy(p); }
};
using ParserPtr = std::unique_ptr<fy_parser, ParserDeleter>;

struct EventDeleter {
  fy_parser* parser;
  void operator()(fy_event* e) const { fy_parser_event_free(parser, e); }
};
using EventPtr = std::unique_ptr<fy_event, EventDeleter>;

struct DiagDeleter {
  void operator()(fy_diag* d) const { fy_diag_destroy(d); }  // frees the collected errors too
};
using DiagPtr = std::unique_ptr<fy_diag, DiagDeleter>;

/// The first message libfyaml prints instead of collecting it: an error it has no place for.
struct UnplacedError {
  std::string message;
};

void keep_unplaced_error(fy_diag* /*diag*/, void* user, const char* buf, size_t len) {
  auto* error = static_cast<UnplacedError*>(user);
  if (!error->message.empty() || buf == nullptr) return;
  std::string_view text(buf, len);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  error->message = text;
}

/// A diagnostic object that collects errors instead of printing them; the errors libfyaml
/// cannot place go to `unplaced`.
DiagPtr collecting_diag(UnplacedError& unplaced) {
  fy_diag_cfg cfg{};
  fy_diag_cfg_default(&cfg);
  cfg.fp = nullptr;
  cfg.output_fn = keep_unplaced_error;
  cfg.user = &unplaced;
  cfg.level = FYET_ERROR;
  cfg.colorize = false;
  cfg.show_source = false;
  cfg.show_position = false;
  cfg.show_type = false;
  cfg.show_module = false;
  DiagPtr diag(fy_diag_create(&cfg));
  if (diag) fy_diag_set_collect_errors(diag.get(), true);
  return diag;
}

/// The text of `token` (empty for none), valid while its event is.
std::string_view token_view(fy_token* token) {
  size_t length = 0;
  const char* text = token ? fy_token_get_text(token, &length) : nullptr;
  return text ? std::string_view(text, length) : std::string_view();
}

std::string token_text(fy_token* token) { return std::string(token_view(token)); }

/// The source between a scalar event's marks (inside the quotes), or nullopt.
std::optional<std::string_view> event_source(fy_event* event, std::string_view source) {
  const fy_mark* start = fy_event_start_mark(event);
  const fy_mark* end = fy_event_end_mark(event);
  if (start == nullptr || end == nullptr || end->input_pos < start->input_pos ||
      end->input_pos > source.size())
    return std::nullopt;
  return source.substr(start->input_pos, end->input_pos - start->input_pos);
}

/// Whether `raw`, a scalar's source between its event's marks (which libfyaml puts inside the
/// quotes), is its text as is: on one line, without quotes or escapes to undo. Asking libfyaml
/// for the text costs a formatted copy of every scalar.
bool is_verbatim(std::string_view raw, fy_scalar_style style) {
  if (style != FYSS_PLAIN && style != FYSS_SINGLE_QUOTED && style != FYSS_DOUBLE_QUOTED)
    return false;
  char quote = style == FYSS_SINGLE_QUOTED ? '\'' : style == FYSS_DOUBLE_QUOTED ? '"' : '\n';
  char escape = style == FYSS_DOUBLE_QUOTED ? '\\' : '\n';
  return std::none_of(raw.begin(), raw.end(),
                      [&](char c) { return c == '\n' || c == '\r' || c == quote || c == escape; });
}

/// Builds the Node tree from libfyaml's event stream, enforcing the limits as it goes.
class TreeBuilder {
 public:
  TreeBuilder(const Document& doc, NodeStorage& storage, Diagnostics& diagnostics,
              const Limits& limits, const ItemSink* sink, bool json)
      : doc_(doc),
        storage_(storage),
        diagnostics_(diagnostics),
        limits_(limits),
        sink_(sink),
        json_(json),
        cursor_(doc.text) {}

  /// Handles one event; false after a fatal problem (already reported).
  bool handle(fy_event* event);
  Node root() const { return root_; }
  /// The offset just past the last event handled: where the parser stopped on an error.
  size_t end_offset() const { return end_offset_; }

 private:
  /// An open sequence or mapping; its children so far are items_ or entries_ from `first` on.
  struct Frame {
    Node node;
    std::string anchor;
    size_t first = 0;
    bool has_key = false;
    bool discard = false;   // the key is a duplicate: its value is read and left out
    bool streamed = false;  // a sequence whose items go to the sink
    std::string_view key;
    Mark key_mark;
    int key_column = 0;  // where the key starts: a quoted key's mark is after its quote
    OpenKeys keys;
  };

  Mark mark_of(fy_event* event);
  bool fail(const Mark& mark, std::string message);
  bool count(size_t n, const Mark& mark);
  bool scalar(fy_event* event, const Mark& mark);
  bool check_block_text(Node& node, size_t end);
  bool open(Node::Kind kind, fy_token* anchor, const Mark& mark);
  bool close();
  bool alias(fy_event* event, const Mark& mark);
  bool add(const Node& node, std::string_view anchor);
  void stream(const Node& item);
  bool add_key(Frame& frame, const Node& key);
  std::string path_to(std::string_view key) const;
  bool document_start(const Mark& mark);

  const Document& doc_;
  NodeStorage& storage_;
  Diagnostics& diagnostics_;
  const Limits& limits_;
  const ItemSink* sink_;
  bool json_;      // libfyaml counts lines its own way in JSON: see mark_of()
  Cursor cursor_;  // places counted in JSON
  NodeStorage::Checkpoint streamed_from_;  // where the streamed list's next item is allocated
  size_t streamed_items_ = 0;
  size_t anchors_defined_ = 0;
  size_t anchors_kept_ = 0;  // anchors_defined_ when the storage was last rewound
  std::vector<Frame> stack_;
  std::vector<Node> items_;     // the items of the open sequences, innermost last
  std::vector<Entry> entries_;  // the entries of the open mappings, innermost last
  std::unordered_map<std::string, std::pair<Node, size_t>> anchors_;  // the node and its size
  Node root_;
  size_t nodes_ = 0;
  size_t alias_nodes_ = 0;
  int documents_ = 0;
  bool explicit_end_ = false;     // the last document ended with "..."
  bool second_document_ = false;  // a second document began where libfyaml gives no place
  size_t end_offset_ = 0;
};

size_t subtree_size(const Node& node) {
  size_t n = 1;
  for (const auto& item : node.items()) n += subtree_size(item);
  for (const auto& entry : node.entries()) n += 1 + subtree_size(entry.value);
  return n;
}

/// The place of an event. In JSON, libfyaml 0.7 counts "\r\n" as two lines, except after a
/// number, true, false or null, where it counts one: there the place is counted from the
/// offset, as advance() counts it (and the fast path), in document order.
Mark TreeBuilder::mark_of(fy_event* event) {
  const fy_mark* m = fy_event_start_mark(event);
  if (m == nullptr) return {};
  if (!json_) return {m->line + 1, m->column + 1, m->input_pos};
  Mark mark;
  if (!cursor_.at(m->input_pos, mark)) mark = doc_.mark_at(m->input_pos);
  return mark;
}

bool TreeBuilder::fail(const Mark& mark, std::string message) {
  diagnostics_.error(doc_.file, mark, {}, std::move(message), doc_.line(mark));
  return false;
}

bool TreeBuilder::count(size_t n, const Mark& mark) {
  nodes_ += n;
  if (nodes_ <= limits_.max_nodes) return true;
  return fail(mark,
              fmt::format("more than {} nodes: the document is too large", limits_.max_nodes));
}

bool TreeBuilder::handle(fy_event* event) {
  Mark mark = mark_of(event);
  if (const fy_mark* end = fy_event_end_mark(event))
    end_offset_ = std::max(end_offset_, end->input_pos);
  if (second_document_ && mark.line > 0)
    return fail(mark, explicit_end_ ? "more than one document in the stream: content after the "
                                      "document end marker \"...\""
                                    : "more than one document in the stream");
  switch (event->type) {
    case FYET_DOCUMENT_START:
      return document_start(mark);
    case FYET_DOCUMENT_END:
      explicit_end_ = !event->document_end.implicit;
      return true;
    case FYET_SCALAR:
      return scalar(event, mark);
    case FYET_SEQUENCE_START:
      return open(Node::Kind::sequence, event->sequence_start.anchor, mark);
    case FYET_MAPPING_START:
      return open(Node::Kind::mapping, event->mapping_start.anchor, mark);
    case FYET_SEQUENCE_END:
    case FYET_MAPPING_END:
      return close();
    case FYET_ALIAS:
      return alias(event, mark);
    default:
      return true;
  }
}

/// A second document is an error at its `---`, or at its first node when it has no `---`.
bool TreeBuilder::document_start(const Mark& mark) {
  if (++documents_ == 1) return true;
  if (mark.line > 0) return fail(mark, "more than one document in the stream");
  second_document_ = true;
  return true;
}

bool TreeBuilder::scalar(fy_event* event, const Mark& mark) {
  if (!count(1, mark)) return false;
  Node node;
  node.set_mark(mark);
  fy_scalar_style style = fy_token_scalar_style(event->scalar.value);
  auto raw = event_source(event, doc_.text);
  if (raw && is_verbatim(*raw, style))
    node.set_text(*raw);  // a view of the source, which the storage keeps
  else if (raw && style == FYSS_SINGLE_QUOTED)
    node.set_text(storage_.copy(single_quoted(*raw)));
  else
    node.set_text(storage_.copy(token_view(event->scalar.value)));
  bool plain = style == FYSS_PLAIN;
  // A tag token was written in the source; libfyaml leaves tag_implicit unset on some events.
  if (event->scalar.tag != nullptr) {
    std::string_view tag = token_view(event->scalar.tag);
    if (tag == "!!str" || tag == "tag:yaml.org,2002:str") plain = false;
  }
  const fy_mark* end = fy_event_end_mark(event);
  if ((style == FYSS_LITERAL || style == FYSS_FOLDED) &&
      !check_block_text(node, end != nullptr ? end->input_pos : node.mark().offset))
    return false;
  node.set_plain(plain);
  node.set_kind(plain && is_plain_null(node.text()) ? Node::Kind::null : Node::Kind::scalar);
  return add(node, token_view(event->scalar.anchor));
}

/// The first line with text from `mark` (a line start) to `end`: its mark and its indentation.
std::optional<std::pair<Mark, int>> first_text_line(std::string_view text, Mark mark, size_t end) {
  text = text.substr(0, std::min(end, text.size()));
  for (size_t at = mark.offset; at < text.size(); ++mark.line) {
    size_t eol = std::min(text.find('\n', at), text.size());
    std::string_view line = text.substr(at, eol - at);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      size_t indent = std::min(line.find_first_not_of(' '), line.size());
      return std::pair{Mark{mark.line, static_cast<int>(indent) + 1, at + indent},
                       static_cast<int>(indent)};
    }
    at = eol + 1;
  }
  return std::nullopt;
}

/// libfyaml 0.7 misreads some block texts (| and >): "\0" for an empty one at the end of the
/// input; lines not indented past their key taken in, with bytes that are not in the source.
bool TreeBuilder::check_block_text(Node& node, size_t end) {
  if (node.text() == std::string_view("\0", 1)) node.set_text({});
  if (!stack_.empty() && stack_.back().has_key) {
    const Frame& frame = stack_.back();
    auto first = first_text_line(doc_.text, node.mark(), end);
    if (first && first->second < frame.key_column)
      return fail(first->first,
                  fmt::format("the lines of a block text (| or >) must be indented more than "
                              "its key \"{}\"",
                              frame.key));
  }
  if (node.text().find('\0') != std::string_view::npos ||
      invalid_utf8_offset(node.text()) != std::string_view::npos)
    return fail(node.mark(), "this block text (| or >) cannot be read reliably: write it quoted");
  return true;
}

bool TreeBuilder::open(Node::Kind kind, fy_token* anchor, const Mark& mark) {
  if (static_cast<int>(stack_.size()) >= limits_.max_depth)
    return fail(mark,
                fmt::format("nested more than {} levels deep (the limit)", limits_.max_depth));
  if (!count(1, mark)) return false;
  Frame& frame = stack_.emplace_back();
  frame.node.set_kind(kind);
  frame.node.set_mark(mark);
  frame.anchor = token_text(anchor);
  frame.first = kind == Node::Kind::sequence ? items_.size() : entries_.size();
  // The sink's list: a sequence, without an anchor, under its key in the top-level mapping.
  if (sink_ != nullptr && kind == Node::Kind::sequence && frame.anchor.empty() &&
      stack_.size() == 2 && stack_[0].node.is_mapping() && stack_[0].has_key &&
      stack_[0].key == sink_->key) {
    frame.streamed = true;
    streamed_from_ = storage_.checkpoint();
    anchors_kept_ = anchors_defined_;
  }
  return true;
}

/// Moves the children of the innermost open node into the storage and adds the node.
bool TreeBuilder::close() {
  Frame& frame = stack_.back();
  Node node = frame.node;
  if (node.is_sequence()) {
    node.set_items(storage_.copy(std::span<const Node>(items_).subspan(frame.first)));
    items_.resize(frame.first);
  } else {
    node.set_entries(storage_.copy(std::span<const Entry>(entries_).subspan(frame.first)));
    entries_.resize(frame.first);
  }
  std::string anchor = std::move(frame.anchor);
  stack_.pop_back();
  return add(node, anchor);
}

bool TreeBuilder::alias(fy_event* event, const Mark& mark) {
  std::string name = token_text(event->alias.anchor);
  auto it = anchors_.find(name);
  if (it == anchors_.end()) return fail(mark, fmt::format("unknown alias \"*{}\"", name));
  const auto& [node, size] = it->second;
  alias_nodes_ += size;
  if (alias_nodes_ > limits_.max_alias_nodes)
    return fail(mark, fmt::format("aliases expand to more than {} nodes (the limit)",
                                  limits_.max_alias_nodes));
  if (!count(size, mark)) return false;
  Node copy = node;  // shares the anchored node's children: they never change
  copy.set_mark(mark);
  return add(copy, {});
}

bool TreeBuilder::add(const Node& node, std::string_view anchor) {
  if (!anchor.empty()) {
    anchors_[std::string(anchor)] = {node, subtree_size(node)};
    ++anchors_defined_;
  }
  if (stack_.empty()) {
    root_ = node;
    return true;
  }
  Frame& top = stack_.back();
  if (top.streamed) {
    stream(node);
    return true;
  }
  if (top.node.is_sequence()) {
    items_.push_back(node);
    return true;
  }
  if (!top.has_key) return add_key(top, node);
  if (!top.discard) entries_.push_back({top.key, top.key_mark, node});
  top.has_key = false;
  top.discard = false;
  return true;
}

/// The document path of key `key` of the innermost open mapping (`team`, `findings[2].title`).
std::string TreeBuilder::path_to(std::string_view key) const {
  std::string path;
  for (size_t i = 0; i < stack_.size(); ++i) {
    const Frame& frame = stack_[i];
    if (frame.node.is_mapping()) {
      std::string_view name = i + 1 == stack_.size() ? key : frame.key;
      if (!path.empty()) path += '.';
      path += name;
      continue;
    }
    size_t end = items_.size();  // its items so far: up to the next open sequence's
    for (size_t j = i + 1; j < stack_.size(); ++j)
      if (stack_[j].node.is_sequence()) {
        end = stack_[j].first;
        break;
      }
    path += fmt::format("[{}]", frame.streamed ? streamed_items_ : end - frame.first);
  }
  return path;
}

/// Gives `item` to the sink, then frees its subtree, unless it defined an anchor (which an
/// alias further on may repeat). A kept item is given from the storage, not from the stack:
/// what reads it may keep its address (an Origin keeps its node) as long as the document's.
void TreeBuilder::stream(const Node& item) {
  bool kept = anchors_defined_ != anchors_kept_;
  const Node& given = kept ? storage_.copy(std::span<const Node>(&item, 1)).front() : item;
  sink_->give(doc_, given, streamed_items_++, kept);
  if (!kept) {
    storage_.rewind(streamed_from_);
  } else {
    streamed_from_ = storage_.checkpoint();
    anchors_kept_ = anchors_defined_;
  }
}

bool TreeBuilder::add_key(Frame& frame, const Node& key) {
  if (!key.is_scalar() && !(key.is_null() && !key.text().empty()))
    return fail(key.mark(), "a key must be a single text, not a list, mapping or null");
  std::span<const Entry> entries = std::span<const Entry>(entries_).subspan(frame.first);
  if (frame.keys.is_duplicate(entries, key.text())) {
    // Reported, and the rest of the file read on: the first value stands, this one is left out,
    // and every other problem of the file is reported with it.
    Mark first;
    for (const Entry& entry : entries)
      if (entry.key() == key.text()) first = entry.key_mark();
    diagnostics_.error(doc_.file, key.mark(), path_to(key.text()),
                       fmt::format("duplicate key \"{}\" (first at line {}); this one is left out",
                                   key.text(), first.line),
                       doc_.line(key.mark()));
    frame.key = {};  // no list under it is the sink's
    frame.has_key = true;
    frame.discard = true;
    return true;
  }
  frame.key = key.text();
  frame.key_mark = key.mark();
  frame.key_column = key.mark().column - (key.plain() ? 0 : 1);
  frame.has_key = true;
  return true;
}

/// The byte offset of a 1-based line and character column in `text`, as libfyaml counts lines
/// in its errors: at "\n", "\r\n" and a lone "\r" in YAML; at every "\r" and every "\n" in JSON
/// (see TreeBuilder::mark_of).
size_t mark_offset(std::string_view text, const Mark& mark, bool json) {
  size_t offset = 0;
  for (int line = 1; line < mark.line; ++line) {
    size_t next = text.find_first_of("\r\n", offset);
    if (next == std::string_view::npos) return text.size();
    offset = next + (!json && text.compare(next, 2, "\r\n") == 0 ? 2 : 1);
  }
  return offset + column_byte_offset(text.substr(offset), mark.column);
}

bool all_of(std::string_view text, std::string_view allowed) {
  return !text.empty() && text.find_first_not_of(allowed) == std::string_view::npos;
}

/// A plain scalar typed by the YAML 1.2 core schema. Integers beyond 64 bits, NaN and
/// infinities have no JSON number, so they stay text.
nlohmann::json plain_scalar_value(const std::string& text) {
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  std::string_view digits = text;
  bool negative = false;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  errno = 0;
  if (all_of(digits, "0123456789")) {
    if (negative) {
      long long value = std::strtoll(text.c_str(), nullptr, 10);
      if (errno != ERANGE) return value;
    } else {
      unsigned long long value = std::strtoull(std::string(digits).c_str(), nullptr, 10);
      if (errno != ERANGE) return value;
    }
    return text;
  }
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'o')) {
    std::string_view rest = std::string_view(text).substr(2);
    bool hex = text[1] == 'x';
    if (all_of(rest, hex ? "0123456789abcdefABCDEF" : "01234567")) {
      unsigned long long value = std::strtoull(std::string(rest).c_str(), nullptr, hex ? 16 : 8);
      if (errno != ERANGE) return value;
    }
    return text;
  }
  // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
  size_t i = 0, mantissa_digits = 0;
  while (i < digits.size() && std::isdigit(static_cast<unsigned char>(digits[i])))
    ++i, ++mantissa_digits;
  if (i < digits.size() && digits[i] == '.') {
    ++i;
    while (i < digits.size() && std::isdigit(static_cast<unsigned char>(digits[i])))
      ++i, ++mantissa_digits;
  }
  if (mantissa_digits == 0) return text;
  if (i < digits.size() && (digits[i] == 'e' || digits[i] == 'E')) {
    ++i;
    if (i < digits.size() && (digits[i] == '-' || digits[i] == '+')) ++i;
    if (!all_of(digits.substr(i), "0123456789")) return text;
    i = digits.size();
  }
  if (i != digits.size()) return text;
  double value = std::strtod(text.c_str(), nullptr);
  if (!std::isfinite(value)) return text;
  return value;
}

/// Offset of the first byte that makes `text` unfit to parse, with the reason.
std::optional<std::pair<size_t, std::string>> encoding_problem(std::string_view text) {
  size_t nul = text.find('\0');
  size_t invalid = invalid_utf8_offset(text);
  if (nul != std::string_view::npos && (invalid == std::string_view::npos || nul <= invalid))
    return std::pair{nul, std::string("binary data (a NUL byte): not a text file")};
  if (invalid != std::string_view::npos)
    return std::pair{invalid, fmt::format("invalid UTF-8 (byte 0x{:02X}): the file must be UTF-8",
                                          static_cast<unsigned char>(text[invalid]))};
  return std::nullopt;
}

/// The offset of the first line at or after `from` that starts with `prefix`, or npos.
size_t line_starting_with(std::string_view text, size_t from, std::string_view prefix) {
  for (size_t at = from; at < text.size();) {
    if (at == 0 || text[at - 1] == '\n') {
      if (text.substr(at).starts_with(prefix)) return at;
    }
    size_t eol = text.find('\n', at);
    if (eol == std::string_view::npos) break;
    at = eol + 1;
  }
  return std::string_view::npos;
}

/// The offset of the `0` in the first block text header (`|0`, `>-0`...) at or after `from`.
size_t zero_indentation_indicator(std::string_view text, size_t from) {
  for (size_t at = text.find_first_of("|>", from); at != std::string_view::npos;
       at = text.find_first_of("|>", at + 1)) {
    size_t i = at + 1;
    while (i < text.size() && (text[i] == '+' || text[i] == '-' ||
                               std::isdigit(static_cast<unsigned char>(text[i])))) {
      if (text[i] == '0') return i;
      ++i;
    }
  }
  return std::string_view::npos;
}

/// The place and message of an error libfyaml reports without a place, found in the source
/// from where the parser stopped (`from`, just past the last event it delivered).
std::pair<size_t, std::string> place_unplaced_error(std::string_view text, size_t from,
                                                    const std::string& message) {
  if (message.find("version") != std::string::npos) {
    if (size_t at = line_starting_with(text, from, "%YAML"); at != std::string_view::npos) {
      size_t version = std::min(text.find_first_not_of(" \t", at + 5), text.size());
      size_t end = std::min(text.find_first_of(" \t\r\n#", version), text.size());
      end = std::min(end, version + 16);  // libfyaml read it as digits.digits: ASCII
      return {version, fmt::format("unsupported YAML version \"{}\" in the %YAML directive; "
                                   "commplan reads YAML 1.2 (1.1 is accepted)",
                                   text.substr(version, end - version))};
    }
  }
  if (message.find("indentation indicator") != std::string::npos) {
    if (size_t at = zero_indentation_indicator(text, from); at != std::string_view::npos)
      return {at, "the indentation indicator of a block text (| or >) must be 1 to 9, not 0"};
  }
  size_t at = std::min(text.find_first_not_of(" \t\r\n", from), text.size());
  return {at, message.empty() ? "syntax error" : message};
}

void report_parser_errors(fy_diag* diag, const UnplacedError& unplaced, size_t stopped_at,
                          const Document& doc, bool json, Diagnostics& diagnostics) {
  void* iter = nullptr;
  while (fy_diag_error* e = diag ? fy_diag_errors_iterate(diag, &iter) : nullptr) {
    if (e->type < FYET_ERROR) continue;
    // Collected errors count from 1, lines as libfyaml counts them: the place is counted again.
    Mark mark{e->line, e->column, 0};
    if (e->line > 0) mark = doc.mark_at(mark_offset(doc.text, mark, json));
    diagnostics.error(doc.file, mark, {}, e->msg ? e->msg : "syntax error", doc.line(mark));
    return;  // the first is the cause; what follows in libfyaml's list restates it
  }
  auto [offset, message] = place_unplaced_error(doc.text, stopped_at, unplaced.message);
  Mark mark = doc.mark_at(offset);
  diagnostics.error(doc.file, mark, {}, std::move(message), doc.line(mark));
}

/// The checks made before parsing: size, then encoding (past a byte order mark, which it
/// drops from the document's text). False after reporting a problem.
bool check_source(Document& doc, Diagnostics& diagnostics, const Limits& limits) {
  // A node keeps its lengths in 32 bits and its column in 29 (PackedMark): no document is
  // larger than 512 MiB, whatever the limits say.
  size_t limit = std::min<size_t>(limits.max_bytes, PackedMark::kColumnMax);
  if (doc.text.size() > limit) {
    diagnostics.error(doc.file, {}, {},
                      fmt::format("file is larger than {} MiB (the limit)", limit >> 20));
    return false;
  }
  if (doc.text.starts_with(kUtf8Bom)) doc.text.remove_prefix(kUtf8Bom.size());
  if (auto problem = encoding_problem(doc.text)) {
    Mark mark = doc.mark_at(problem->first);
    diagnostics.error(doc.file, mark, {}, problem->second);
    return false;
  }
  return true;
}

/// Parses the checked text of `doc` with libfyaml into its root.
void parse_with_libfyaml(Document& doc, NodeStorage& storage, Format format,
                         Diagnostics& diagnostics, const Limits& limits, const ItemSink* sink) {
  UnplacedError unplaced;
  DiagPtr diag = collecting_diag(unplaced);
  fy_parse_cfg cfg{};
  cfg.diag = diag.get();
  cfg.flags = static_cast<fy_parse_cfg_flags>(
      FYPCF_QUIET | FYPCF_COLLECT_DIAG | FYPCF_DEFAULT_VERSION_1_2 |
      (format == Format::json ? FYPCF_JSON_FORCE : FYPCF_JSON_NONE));
  ParserPtr parser(fy_parser_create(&cfg));
  if (!parser || fy_parser_set_string(parser.get(), doc.text.data(), doc.text.size()) != 0)
    throw Error(Error::Kind::io, doc.file, "cannot start the YAML parser");

  TreeBuilder builder(doc, storage, diagnostics, limits, sink, format == Format::json);
  bool ok = true;
  while (fy_event* raw = fy_parser_parse(parser.get())) {
    EventPtr event(raw, EventDeleter{parser.get()});
    if (!builder.handle(event.get())) {
      ok = false;
      break;
    }
  }
  if (ok && fy_parser_get_stream_error(parser.get())) {
    report_parser_errors(diag.get(), unplaced, builder.end_offset(), doc, format == Format::json,
                         diagnostics);
    ok = false;
  }
  if (ok) doc.root = builder.root();
}

/// Whether `text`, a JSON document, is one the small reader takes: one that reads in less time
/// than loading the fast path's plugin takes (Limits::json_fast_from).
bool small_json(std::string_view text, const Limits& limits) {
  if (text.size() >= limits.json_fast_from) return false;
  for (size_t line = 0; line < text.size();) {
    size_t end = text.find('\n', line);
    if (end == std::string_view::npos) end = text.size();
    if (end - line >= limits.json_fast_line) return false;
    line = end + 1;
  }
  return true;
}

/// parse_document_with() into `doc`: false where the fast path of Parsers::fast_only (or
/// small_json_only) gives up (or the text fails the checks made before parsing).
bool parse_into(Document& doc, Parsers parsers, std::string file, FileText text, Format format,
                Diagnostics& diagnostics, const Limits& limits, const ItemSink* sink) {
  bool json = format == Format::json;
  bool alone = parsers == Parsers::fast_only || parsers == Parsers::small_json_only;
  bool fast = parsers != Parsers::libfyaml_only;
  JsonReader reader =
      parsers == Parsers::small_json_only ||
              (parsers == Parsers::fast_then_libfyaml && small_json(text.view(), limits))
          ? JsonReader::small
          : JsonReader::plugin;
  if (fast && json && reader == JsonReader::plugin && text.size() <= limits.max_bytes)
    text.reserve_room(kJsonFastPadding);  // simdjson reads past the end
  auto storage = std::make_shared<NodeStorage>();
  doc = Document{std::move(file), storage->keep(std::move(text)), {}, storage};
  if (!check_source(doc, diagnostics, limits)) return !alone;
  if (fast) {  // where it gives up, what it left in the storage goes with the document
    auto root = json ? parse_json_fast(doc, storage->readable_from(doc.text), *storage, limits,
                                       sink, reader)
                     : parse_yaml_fast(doc, *storage, limits, sink);
    if (root) doc.root = *root;
    if (root || alone) return root.has_value();
  }
  parse_with_libfyaml(doc, *storage, format, diagnostics, limits, sink);
  return true;
}

}  // namespace

std::optional<Document> parse_document_with(Parsers parsers, std::string file, FileText text,
                                            Format format, Diagnostics& diagnostics,
                                            const Limits& limits, const ItemSink* sink) {
  Document doc;
  if (!parse_into(doc, parsers, std::move(file), std::move(text), format, diagnostics, limits,
                  sink))
    return std::nullopt;
  return doc;
}

Document parse_document(std::string file, FileText text, Format format, Diagnostics& diagnostics,
                        const Limits& limits) {
  Document doc;
  parse_into(doc, Parsers::fast_then_libfyaml, std::move(file), std::move(text), format,
             diagnostics, limits, nullptr);
  return doc;
}

void parse_document(Document& doc, std::string file, FileText text, Format format,
                    Diagnostics& diagnostics, const Limits& limits, const ItemSink& sink) {
  parse_into(doc, Parsers::fast_then_libfyaml, std::move(file), std::move(text), format,
             diagnostics, limits, &sink);
}

FileText read_source(const std::string& file, std::istream& in, const Limits& limits) {
  if (file != "-") return read_file_text(file, limits.max_bytes);  // both throw past the limit
  std::string text = read_stream(in, "<stdin>", limits.max_bytes);
  if (in.bad()) throw Error(Error::Kind::io, "<stdin>", "cannot read standard input");
  return text;
}

namespace {

template <class Json>
Json convert(const Node& node) {
  switch (node.kind()) {
    case Node::Kind::null:
      return nullptr;
    case Node::Kind::sequence: {
      Json array = Json::array();
      auto& items = array.template get_ref<typename Json::array_t&>();
      items.reserve(node.items().size());
      for (const auto& item : node.items()) items.push_back(convert<Json>(item));
      return array;
    }
    case Node::Kind::mapping: {  // its keys are unique: the parsers report duplicates
      Json object = Json::object();
      auto& fields = object.template get_ref<typename Json::object_t&>();
      for (const auto& entry : node.entries())
        fields.emplace(std::string(entry.key()), convert<Json>(entry.value));
      return object;
    }
    case Node::Kind::scalar:
      break;
  }
  if (!node.plain()) return std::string(node.text());
  return plain_scalar_value(std::string(node.text()));
}

}  // namespace

nlohmann::json to_json(const Node& node) { return convert<nlohmann::json>(node); }

bool is_text(const Node& node) {
  if (!node.is_scalar()) return false;
  if (!node.plain()) return true;
  std::string_view text = node.text();
  // Only these start a number or a bool (plain_scalar_value): anything else stays text.
  if (text.empty() || std::string_view("0123456789+-.tTfF").find(text[0]) == text.npos) return true;
  return plain_scalar_value(std::string(text)).is_string();
}

nlohmann::ordered_json to_ordered_json(const Node& node) {
  return convert<nlohmann::ordered_json>(node);
}

Document load_document(const std::string& file, FileText text) {
  Diagnostics diagnostics;
  std::string name = file == "-" ? "<stdin>" : file;
  Format format = detect_format(file, text.view());
  Document doc = parse_document(name, std::move(text), format, diagnostics);
  if (diagnostics.has_errors()) throw Error(Error::Kind::invalid_input, std::move(diagnostics));
  return doc;
}

nlohmann::json load_data(const std::string& file, FileText text) {
  return to_json(load_document(file, std::move(text)).root);
}

std::string_view kind_name(const Node& node) {
  switch (node.kind()) {
    case Node::Kind::scalar:
      return "a text";
    case Node::Kind::sequence:
      return "a list";
    case Node::Kind::mapping:
      return "a mapping";
    case Node::Kind::null:
      break;
  }
  return "nothing";
}

}  // namespace commplan
