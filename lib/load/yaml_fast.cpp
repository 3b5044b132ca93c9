#include "load/yaml_fast.hpp"

#include <algorithm>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "load/node_storage.hpp"
#include "load/open_keys.hpp"
#include "load/yaml_text.hpp"

namespace commplan {

namespace {

/// Whether byte `i` of `text` starts what the fast path leaves to libfyaml: a C0 control but
/// the line feed (a tab or a carriage return too: YAML restricts where tabs go, and a "\r" is
/// a line end), DEL, a C1 control (NEL was a line break in YAML 1.1), U+2028 or U+2029 (line
/// breaks in 1.1), a byte order mark inside the text, U+FFFE or U+FFFF.
bool is_unusual_at(std::string_view text, size_t i) {
  auto byte = [&](size_t at) {
    return at < text.size() ? static_cast<unsigned char>(text[at]) : 0u;
  };
  unsigned c = byte(i);
  if (c < 0x20) return c != '\n';
  if (c == 0x7F) return true;
  if (c == 0xC2) return byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9F;
  if (c == 0xE2) return byte(i + 1) == 0x80 && (byte(i + 2) == 0xA8 || byte(i + 2) == 0xA9);
  if (c == 0xEF)
    return (byte(i + 1) == 0xBB && byte(i + 2) == 0xBF) ||
           (byte(i + 1) == 0xBF && (byte(i + 2) == 0xBE || byte(i + 2) == 0xBF));
  return false;
}

/// Whether `text` holds anything is_unusual_at() names. The bytes are read 64 at a time with
/// comparisons only, which the compiler makes vector instructions of; a block where one of the
/// bytes that may start such a thing is met is looked at byte by byte.
bool has_unusual_bytes(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  constexpr size_t kBlock = 64;
  for (size_t at = 0; at < text.size(); at += kBlock) {
    size_t n = std::min(kBlock, text.size() - at);
    unsigned char suspect = 0;  // in bytes, so that each vector lane is one
    for (size_t i = 0; i < n; ++i) {
      unsigned char c = bytes[at + i];
      suspect |= static_cast<unsigned char>((c < 0x20) & (c != '\n')) |
                 static_cast<unsigned char>(c == 0x7F) | static_cast<unsigned char>(c == 0xC2) |
                 static_cast<unsigned char>(c == 0xE2) | static_cast<unsigned char>(c == 0xEF);
    }
    if (suspect != 0)
      for (size_t i = 0; i < n; ++i)
        if (is_unusual_at(text, at + i)) return true;
  }
  return false;
}

/// A character that cannot start a plain scalar in block context, or that the fast path does
/// not read there (anchors, aliases, tags, flow collections, directives, complex keys).
bool is_indicator(char c) {
  switch (c) {
    case '&':
    case '*':
    case '!':
    case '%':
    case '@':
    case '`':
    case '[':
    case ']':
    case '{':
    case '}':
    case ',':
    case '?':
    case ':':
    case '#':
    case '|':
    case '>':
    case '\'':
    case '"':
      return true;
    default:
      return false;
  }
}

/// The end of the text from `from` to `to`, without the spaces it ends with.
const char* trim_end(const char* from, const char* to) {
  while (to > from && to[-1] == ' ') --to;
  return to;
}

/// ",", "[", "]", "{" or "}".
bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

/// Appends code point `cp` to `out` as UTF-8.
void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// The value of a double-quoted scalar on one line from its source between the quotes, into
/// `out`; false for an escape the fast path leaves to libfyaml: one it does not know, a line
/// break or NUL written as an escape (\0, \N, \L, \P, or by its number), a surrogate.
bool unescape_double_quoted(std::string_view raw, std::string& out) {
  out.clear();
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\') {
      out += raw[i];
      continue;
    }
    if (++i == raw.size()) return false;
    size_t digits = 0;
    switch (raw[i]) {
      case '\\':
      case '"':
      case '/':
      case ' ':
        out += raw[i];
        continue;
      case 'n':
        out += '\n';
        continue;
      case 't':
        out += '\t';
        continue;
      case 'r':
        out += '\r';
        continue;
      case 'b':
        out += '\b';
        continue;
      case 'f':
        out += '\f';
        continue;
      case 'a':
        out += '\a';
        continue;
      case 'v':
        out += '\v';
        continue;
      case 'e':
        out += '\x1B';
        continue;
      case '_':
        out += "\xC2\xA0";
        continue;
      case 'x':
        digits = 2;
        break;
      case 'u':
        digits = 4;
        break;
      case 'U':
        digits = 8;
        break;
      default:
        return false;
    }
    if (raw.size() - i - 1 < digits) return false;
    unsigned cp = 0;
    for (size_t d = 1; d <= digits; ++d) {
      char c = raw[i + d];
      unsigned v = c >= '0' && c <= '9'   ? static_cast<unsigned>(c - '0')
                   : c >= 'a' && c <= 'f' ? static_cast<unsigned>(c - 'a' + 10)
                   : c >= 'A' && c <= 'F' ? static_cast<unsigned>(c - 'A' + 10)
                                          : 16u;
      if (v == 16) return false;
      cp = cp << 4 | v;
    }
    i += digits;
    if (cp == 0 || cp == 0x85 || cp == 0x2028 || cp == 0x2029 || (cp >= 0xD800 && cp <= 0xDFFF) ||
        cp > 0x10FFFF)
      return false;
    append_utf8(out, cp);
  }
  return true;
}

/// Reads the block-style YAML of a document into its tree, in document order, by the
/// indentation of its lines. Every method returns false to give up. A method that reads a
/// node leaves the reader at the next line that holds content (see next_line()).
class YamlReader {
 public:
  YamlReader(const Document& doc, NodeStorage& storage, const Limits& limits, const ItemSink* sink)
      : doc_(doc),
        begin_(doc.text.data()),
        end_(doc.text.data() + doc.text.size()),
        storage_(storage),
        limits_(limits),
        sink_(sink) {}

  std::optional<Node> read();
  /// How many items were given to the sink.
  size_t streamed() const { return streamed_items_; }

 private:
  /// Where a node's content begins: at a line's first character (the document's, or a value
  /// on the line after its key or dash), or on the line of the `- ` or `key: ` it follows.
  enum class After { line_start, dash, colon };

  /// The place of `at`, on the line at line_start_. Its column is counted on from the last one
  /// asked for on that line, so that a long line (a document in flow style on one line) costs
  /// what it holds, not that times its nodes.
  Mark mark(const char* at) {
    if (counted_line_ != line_start_ || at < counted_to_) {
      counted_line_ = counted_to_ = line_start_;
      column_ = 1;
    }
    for (; counted_to_ < at; ++counted_to_)
      column_ += (static_cast<unsigned char>(*counted_to_) & 0xC0) != 0x80;
    return {line_, column_, static_cast<size_t>(at - begin_)};
  }
  /// Whether a "-", ":" or "?" at `at` is an indicator: followed by a space or a line end.
  bool spaced(const char* at) const { return at + 1 == end_ || at[1] == ' ' || at[1] == '\n'; }
  bool is_dash(const char* at) const { return at < end_ && *at == '-' && spaced(at); }
  bool count() { return ++nodes_ <= limits_.max_nodes; }
  /// To the end of the text, where no line is left (indent_ -1).
  bool at_end() {
    line_start_ = p_ = end_;
    indent_ = -1;
    return true;
  }
  /// Whether a document marker (`marker`: "---" or "...") is at `at`, a line's start.
  bool is_marker(const char* at, const char* marker) const {
    return end_ - at >= 3 && std::memcmp(at, marker, 3) == 0 &&
           (at + 3 == end_ || at[3] == ' ' || at[3] == '\n');
  }

  bool skip_to_content(bool document_start);
  bool next_line();
  bool rest_is_empty();
  bool node(int parent, After after, Node& out);
  bool value(int parent, After after, Node& out);
  bool mapping(Node& out);
  bool key(std::string_view& key, Mark& key_mark);
  bool sequence(bool indentless, Node& out);
  bool plain(int parent, After after, Node& out);
  bool quoted(std::string_view& text);
  bool node_end(int parent);
  const char* plain_line_end(const char* from, bool flow, bool& indicator) const;
  bool flow_node(int parent, Node& out);
  bool flow_collection(int parent, Node& out);
  bool flow_space(int parent);
  bool block_text(int parent, Node& out);

  const Document& doc_;
  const char* begin_;
  const char* end_;
  const char* p_ = nullptr;           // the reading position
  const char* line_start_ = nullptr;  // the start of its line
  int line_ = 1;                      // and that line's number
  int indent_ = -1;  // the indentation of the line at p_ after next_line(); -1 at the end
  const char* counted_line_ = nullptr;  // mark()'s line, the character it counted to, and the
  const char* counted_to_ = nullptr;    // column there
  int column_ = 1;
  NodeStorage& storage_;
  const Limits& limits_;
  const ItemSink* sink_;
  int depth_ = 0;  // open mappings and sequences
  bool root_is_mapping_ = false;
  std::string_view top_key_;    // the key of the top-level mapping whose value is being read
  std::vector<Node> items_;     // the items of the open sequences, innermost last
  std::vector<Entry> entries_;  // the entries of the open mappings, innermost last
  std::string buffer_;          // a scalar's text being unescaped or folded
  size_t nodes_ = 0;
  size_t streamed_items_ = 0;
};

/// From line_start_, a line's start: on to the first line that holds content (not blank, not
/// a comment only), p_ at its first character, or to the end (indent_ -1). A document marker
/// ("---", "...") gives up but at the document's start, where the caller reads it.
bool YamlReader::skip_to_content(bool document_start) {
  for (const char* at = line_start_;;) {
    const char* q = at;
    while (q < end_ && *q == ' ') ++q;
    if (q < end_ && *q != '\n' && *q != '#') {
      line_start_ = at;
      p_ = q;
      indent_ = static_cast<int>(q - at);
      return !(indent_ == 0 && (is_marker(q, "---") || is_marker(q, "..."))) || document_start;
    }
    const auto* eol = q < end_ ? static_cast<const char*>(std::memchr(q, '\n', end_ - q)) : nullptr;
    if (eol == nullptr) return at_end();
    at = eol + 1;
    ++line_;
  }
}

/// From p_, within a line whose rest is read (or a comment): to the next line with content.
bool YamlReader::next_line() {
  const auto* eol = static_cast<const char*>(std::memchr(p_, '\n', end_ - p_));
  if (eol == nullptr) return at_end();
  line_start_ = eol + 1;
  ++line_;
  return skip_to_content(false);
}

/// Whether the line holds nothing more from p_ than spaces and a comment; p_ then at its end
/// or at the comment.
bool YamlReader::rest_is_empty() {
  const char* q = p_;
  while (q < end_ && *q == ' ') ++q;
  if (q < end_ && *q != '\n' && !(*q == '#' && q > begin_ && q[-1] == ' ')) return false;
  p_ = q;
  return true;
}

std::optional<Node> YamlReader::read() {
  if (has_unusual_bytes(doc_.text)) return std::nullopt;
  line_start_ = p_ = begin_;
  if (!skip_to_content(true) || (indent_ == 0 && is_marker(p_, "..."))) return std::nullopt;
  if (indent_ == 0 && is_marker(p_, "---")) {
    p_ += 3;
    if (!rest_is_empty() || !next_line()) return std::nullopt;
  }
  Node root;
  if (indent_ < 0 || !node(-1, After::line_start, root) || indent_ >= 0) return std::nullopt;
  return root;
}

/// A node whose content starts at p_, on a line more indented than `parent` (-1 at the top).
bool YamlReader::node(int parent, After after, Node& out) {
  char c = *p_;
  if (c == '-' && spaced(p_)) return after != After::colon && sequence(false, out);
  if (c == '|' || c == '>') return after != After::line_start && block_text(parent, out);
  if (c == '"' || c == '\'') {
    const char* start = p_;
    std::string_view text;
    if (!quoted(text)) return false;
    const char* end = p_;
    while (p_ < end_ && *p_ == ' ') ++p_;
    if (p_ < end_ && *p_ == ':' && spaced(p_)) {  // a key: the mapping reads it again
      if (after == After::colon) return false;
      p_ = start;
      return mapping(out);
    }
    p_ = end;
    if (!count()) return false;
    out = Node();
    out.set_kind(Node::Kind::scalar);
    out.set_mark(mark(start + 1));
    out.set_text(text);
    return node_end(parent);
  }
  if (c == '[' || c == '{') {
    if (!flow_collection(parent, out)) return false;
    while (p_ < end_ && *p_ == ' ') ++p_;
    return (p_ == end_ || *p_ != ':') && node_end(parent);  // a collection as a key: given up
  }
  if (is_indicator(c)) return false;
  return plain(parent, after, out);
}

/// The value after a key's ":" or an item's "-", p_ just past it: on the same line, on the
/// lines below (more indented than `parent`), an indentless sequence of a key, or null.
bool YamlReader::value(int parent, After after, Node& out) {
  if (!rest_is_empty()) {
    while (*p_ == ' ') ++p_;
    return node(parent, after, out);
  }
  if (!next_line()) return false;
  if (indent_ > parent) return node(parent, After::line_start, out);
  if (after == After::colon && indent_ == parent && is_dash(p_)) return sequence(true, out);
  // An empty item: libfyaml 0.7 fails on one in an indentless sequence, followed by an item.
  if (after == After::dash) return false;
  out = Node();  // null, plain and unplaced, as libfyaml gives an empty value
  out.set_plain(true);
  return count();
}

/// A block mapping whose first key is at p_: its indentation is that key's column.
bool YamlReader::mapping(Node& out) {
  if (depth_ >= limits_.max_depth || !count()) return false;
  int indent = static_cast<int>(p_ - line_start_);
  Node node;
  node.set_kind(Node::Kind::mapping);
  node.set_mark(mark(p_));
  bool top = ++depth_ == 1;
  root_is_mapping_ = root_is_mapping_ || top;
  size_t first = entries_.size();
  OpenKeys keys;
  for (;;) {
    std::string_view name;
    Mark name_mark;
    if (!key(name, name_mark) || !count() ||
        keys.is_duplicate(std::span<const Entry>(entries_).subspan(first), name))
      return false;
    if (top) top_key_ = name;
    Node v;
    if (!value(indent, After::colon, v)) return false;
    entries_.emplace_back(name, name_mark, v);
    if (indent_ < indent) break;
    if (indent_ > indent || is_dash(p_)) return false;
  }
  node.set_entries(storage_.copy(std::span<const Entry>(entries_).subspan(first)));
  entries_.resize(first);
  --depth_;
  out = node;
  return true;
}

/// A key at p_, plain or quoted, on one line, followed by ":" and a space or the line's end;
/// p_ then just past the ":".
bool YamlReader::key(std::string_view& name, Mark& name_mark) {
  constexpr size_t kMaxKey = 1024;  // YAML's limit on an implicit key
  if (*p_ == '"' || *p_ == '\'') {
    name_mark = mark(p_ + 1);
    if (!quoted(name)) return false;
    while (p_ < end_ && *p_ == ' ') ++p_;
  } else {
    if (is_indicator(*p_) || is_dash(p_)) return false;
    bool indicator = false;
    const char* q = plain_line_end(p_, false, indicator);
    // A key ends at its ":"; one with a flow indicator in it is left to libfyaml.
    if (!indicator || std::find_if(p_, q, is_flow_indicator) != q) return false;
    name = std::string_view(p_, static_cast<size_t>(trim_end(p_, q) - p_));
    name_mark = mark(p_);
    p_ = q;
  }
  if (name.size() > kMaxKey || p_ == end_ || *p_ != ':' || !spaced(p_)) return false;
  ++p_;
  return true;
}

/// A block sequence whose first "-" is at p_; `indentless` when it is a key's value at the
/// key's own indentation, which ends at the mapping's next key.
bool YamlReader::sequence(bool indentless, Node& out) {
  if (depth_ >= limits_.max_depth || !count()) return false;
  int indent = static_cast<int>(p_ - line_start_);
  Node node;
  node.set_kind(Node::Kind::sequence);
  node.set_mark(mark(p_));
  // The sink's list: a sequence under its key in the top-level mapping (as TreeBuilder::open).
  ++depth_;
  bool streamed = sink_ != nullptr && depth_ == 2 && root_is_mapping_ && top_key_ == sink_->key;
  NodeStorage::Checkpoint streamed_from;
  if (streamed) streamed_from = storage_.checkpoint();
  size_t first = items_.size();
  for (;;) {
    ++p_;  // past the "-"
    Node item;
    if (!value(indent, After::dash, item)) return false;
    if (streamed) {  // as TreeBuilder::stream: given to the sink, then its subtree freed
      sink_->give(doc_, item, streamed_items_++, false);
      storage_.rewind(streamed_from);
    } else {
      items_.push_back(item);
    }
    if (indent_ < indent) break;
    if (indent_ > indent) return false;
    if (!is_dash(p_)) {
      if (indentless) break;
      return false;
    }
  }
  node.set_items(storage_.copy(std::span<const Node>(items_).subspan(first)));
  items_.resize(first);
  --depth_;
  out = node;
  return true;
}

/// Where the plain scalar's text on a line that starts at `from` ends: at the line's end, or
/// at a comment; in a flow collection also at ",", "[", "]", "{" or "}". `indicator` tells
/// whether it ends at a ":" that is an indicator instead (a key's, or an error).
const char* YamlReader::plain_line_end(const char* from, bool flow, bool& indicator) const {
  indicator = false;
  for (const char* q = from; q < end_; ++q) {
    char c = *q;
    if (c == '\n' || (c == '#' && q[-1] == ' ')) return q;
    if (c == ':' && (spaced(q) || (flow && q + 1 < end_ && is_flow_indicator(q[1])))) {
      indicator = true;
      return q;
    }
    if (flow && is_flow_indicator(c)) return q;
  }
  return end_;
}

/// A plain scalar at p_, on its line and the lines below more indented than `parent`, which
/// fold into it; or the first key of a mapping, when a ":" follows it on its line.
bool YamlReader::plain(int parent, After after, Node& out) {
  bool indicator = false;
  const char* q = plain_line_end(p_, false, indicator);
  if (indicator) return after != After::colon && mapping(out);
  if (!count()) return false;
  const char* start = p_;
  const char* last = trim_end(start, q);  // where the text read so far ends
  out = Node();
  out.set_plain(true);
  out.set_mark(mark(start));
  p_ = q;
  // The lines below more indented than `parent` go on the text, folded (YAML 1.2, 7.3.3), up
  // to a line less indented, a comment, or the end.
  const char* at = q < end_ && *q == '\n' && parent >= 0 ? q + 1 : nullptr;
  int line = line_ + 1;
  while (at != nullptr && at < end_) {
    const char* first = at;
    while (first < end_ && *first == ' ') ++first;
    if (first < end_ && *first == '\n') {  // an empty line: folded too
      at = first + 1;
      ++line;
      continue;
    }
    if (first == end_ || first - at <= parent || *first == '#') break;
    const char* stop = plain_line_end(first, false, indicator);
    if (indicator) return false;
    last = trim_end(first, stop);
    if (stop < end_ && *stop == '#') {  // a comment ends it
      line_start_ = at;
      line_ = line;
      p_ = stop;
      at = nullptr;
      break;
    }
    at = stop + (stop < end_);
    ++line;
  }
  std::string_view text(start, static_cast<size_t>(last - start));
  if (last > q) text = storage_.copy(plain_folded(text));
  out.set_kind(is_plain_null(text) ? Node::Kind::null : Node::Kind::scalar);
  out.set_text(text);
  if (at == nullptr) return node_end(parent);
  line_start_ = std::min(at, end_);
  line_ = line;
  return skip_to_content(false) && indent_ <= parent;
}

/// A flow sequence or mapping at p_ ("[" or "{"), of quoted and plain scalars on one line and
/// flow collections, line ends between them, in a block indented by `parent`; p_ then past its
/// end. A mapping's entries each have a key and a value; a sequence's items are not pairs
/// ("[a: b]").
bool YamlReader::flow_collection(int parent, Node& out) {
  bool is_mapping = *p_ == '{';
  char close = is_mapping ? '}' : ']';
  if (depth_ >= limits_.max_depth || !count()) return false;
  // The sink's list is streamed by libfyaml's path, item by item: not read here.
  if (!is_mapping && sink_ != nullptr && depth_ == 1 && root_is_mapping_ && top_key_ == sink_->key)
    return false;
  Node node;
  node.set_kind(is_mapping ? Node::Kind::mapping : Node::Kind::sequence);
  node.set_mark(mark(p_));
  ++depth_;
  size_t first = is_mapping ? entries_.size() : items_.size();
  OpenKeys keys;
  auto skip_spaces = [&] {
    while (p_ < end_ && *p_ == ' ') ++p_;
  };
  ++p_;
  if (!flow_space(parent)) return false;
  while (p_ < end_ && *p_ != close) {
    if (is_mapping) {
      std::string_view name;
      Mark name_mark;
      bool quoted_key = *p_ == '"' || *p_ == '\'';
      if (quoted_key) {
        name_mark = mark(p_ + 1);
        if (!quoted(name)) return false;
      } else {
        if (is_indicator(*p_) || *p_ == '-') return false;
        bool indicator = false;
        const char* q = plain_line_end(p_, true, indicator);
        if (!indicator || q == p_) return false;
        name = std::string_view(p_, static_cast<size_t>(trim_end(p_, q) - p_));
        name_mark = mark(p_);
        p_ = q;
      }
      skip_spaces();
      if (p_ == end_ || *p_ != ':' || (!quoted_key && !spaced(p_))) return false;
      ++p_;
      skip_spaces();
      if (!count() || keys.is_duplicate(std::span<const Entry>(entries_).subspan(first), name))
        return false;
      Node v;
      if (!flow_node(parent, v)) return false;
      entries_.emplace_back(name, name_mark, v);
    } else {
      Node item;
      if (!flow_node(parent, item)) return false;
      items_.push_back(item);
    }
    if (!flow_space(parent)) return false;
    if (p_ < end_ && *p_ == ',') {
      ++p_;
      if (!flow_space(parent)) return false;
    } else if (p_ == end_ || *p_ != close) {
      return false;
    }
  }
  if (p_ == end_) return false;
  ++p_;
  if (is_mapping) {
    node.set_entries(storage_.copy(std::span<const Entry>(entries_).subspan(first)));
    entries_.resize(first);
  } else {
    node.set_items(storage_.copy(std::span<const Node>(items_).subspan(first)));
    items_.resize(first);
  }
  --depth_;
  out = node;
  return true;
}

/// On from p_ over spaces, line ends and comments between the tokens of a flow collection; false
/// to give up at a line not indented past `parent`, the block the collection is in, where
/// libfyaml may see the end of the collection or an error.
bool YamlReader::flow_space(int parent) {
  for (;;) {
    while (p_ < end_ && *p_ == ' ') ++p_;
    if (p_ < end_ && *p_ == '#' && (p_ == line_start_ || p_[-1] == ' '))
      p_ = std::find(p_, end_, '\n');
    if (p_ == end_ || *p_ != '\n') return true;
    line_start_ = ++p_;
    ++line_;
    const char* q = p_;
    while (q < end_ && *q == ' ') ++q;
    if (q < end_ && *q != '\n' && *q != '#' && q - line_start_ <= parent) return false;
    if (q == line_start_ && (is_marker(q, "---") || is_marker(q, "..."))) return false;
  }
}

/// A value in a flow collection at p_ (in a block indented by `parent`): a quoted or plain
/// scalar, or a collection.
bool YamlReader::flow_node(int parent, Node& out) {
  if (p_ == end_) return false;
  char c = *p_;
  if (c == '[' || c == '{') return flow_collection(parent, out);
  out = Node();
  if (c == '"' || c == '\'') {
    if (!count()) return false;
    out.set_mark(mark(p_ + 1));
    std::string_view text;
    if (!quoted(text)) return false;
    out.set_kind(Node::Kind::scalar);
    out.set_text(text);
    return true;
  }
  if (is_indicator(c) || (c == '-' && (spaced(p_) || is_flow_indicator(p_[1])))) return false;
  bool indicator = false;
  const char* q = plain_line_end(p_, true, indicator);
  if (indicator || q == end_ || *q == '\n' || *q == '#' || !count()) return false;
  std::string_view text(p_, static_cast<size_t>(trim_end(p_, q) - p_));
  out.set_kind(is_plain_null(text) ? Node::Kind::null : Node::Kind::scalar);
  out.set_plain(true);
  out.set_mark(mark(p_));
  out.set_text(text);
  p_ = q;
  return true;
}

/// A quoted scalar at p_ that ends on its line: its text (a view of the source, or unescaped
/// into the storage); p_ then past its closing quote.
bool YamlReader::quoted(std::string_view& text) {
  char quote = *p_;
  const char* q = p_ + 1;
  bool escaped = false;
  for (;; ++q) {
    if (q == end_ || *q == '\n') return false;
    if (quote == '"' && *q == '\\') {
      if (q + 1 == end_ || q[1] == '\n') return false;
      escaped = true;
      ++q;
    } else if (*q == quote) {
      if (quote == '"' || q + 1 == end_ || q[1] != '\'') break;
      escaped = true;  // '' is a quote
      ++q;
    }
  }
  std::string_view raw(p_ + 1, static_cast<size_t>(q - p_ - 1));
  p_ = q + 1;
  if (!escaped) {
    text = raw;
    return true;
  }
  if (quote == '"') {
    if (!unescape_double_quoted(raw, buffer_)) return false;
    text = storage_.copy(buffer_);
  } else {
    text = storage_.copy(single_quoted(raw));
  }
  return true;
}

/// After a node's last character at p_: nothing but a comment on the rest of its line, and no
/// line below it more indented than `parent` (a multi-line scalar, or an error, left to
/// libfyaml).
bool YamlReader::node_end(int parent) {
  return rest_is_empty() && next_line() && indent_ <= parent;
}

/// A literal (|) or folded (>) block text whose header is at p_, its lines more indented than
/// `parent`. Its mark is the start of the line after the header, as libfyaml marks it.
bool YamlReader::block_text(int parent, Node& out) {
  bool folded = *p_ == '>';
  char chomp = ++p_ < end_ && (*p_ == '-' || *p_ == '+') ? *p_++ : ' ';
  if (p_ < end_ && *p_ >= '0' && *p_ <= '9') return false;  // an indentation indicator
  if (!rest_is_empty()) return false;
  const auto* header_end = static_cast<const char*>(std::memchr(p_, '\n', end_ - p_));
  if (header_end == nullptr || header_end + 1 == end_) return false;  // empty at the end
  const char* first = header_end + 1;
  int first_line = line_ + 1;

  // The indentation: the first line with text's; the empty lines before it no deeper.
  int indent = -1;
  long deepest_empty = 0;
  for (const char* at = first; at < end_;) {
    const char* q = at;
    while (q < end_ && *q == ' ') ++q;
    if (q < end_ && *q != '\n') {
      indent = static_cast<int>(q - at);
      break;
    }
    deepest_empty = std::max<long>(deepest_empty, q - at);
    at = q + 1;
  }
  if (indent <= parent || deepest_empty > indent) return false;

  // The lines: empty ones (spaces only, no deeper than the text), or more indented than the
  // text; the first line with text less indented ends it.
  buffer_.clear();
  size_t empties = 0, lines = 0;
  const char* only_line = nullptr;  // the text of the only line, to keep as a view
  const char* only_end = nullptr;
  const char* at = first;
  int line = first_line;
  bool last_has_break = true;
  while (at < end_) {
    const char* q = at;
    while (q < end_ && *q == ' ') ++q;
    if (q == end_ || *q == '\n') {
      if (q - at > indent) return false;  // spaces past the text's indentation: text in YAML
      ++empties;
      last_has_break = q < end_;
      at = q + 1;
      ++line;
      continue;
    }
    if (q - at < indent) break;
    const char* text = at + indent;
    if (folded && *text == ' ') return false;  // a more indented line, kept as is when folded
    const auto* eol = static_cast<const char*>(std::memchr(text, '\n', end_ - text));
    if (eol == nullptr) eol = end_;
    if (lines == 0) {
      buffer_.append(empties, '\n');
    } else if (folded) {
      if (empties == 0) buffer_ += ' ';
      buffer_.append(empties, '\n');
    } else {
      buffer_.append(empties + 1, '\n');
    }
    buffer_.append(text, eol);
    only_line = lines == 0 && empties == 0 ? text : nullptr;
    only_end = eol;
    ++lines;
    empties = 0;
    last_has_break = eol < end_;
    at = eol + (eol < end_);
    ++line;
  }
  if (at > end_) at = end_;
  // The end, by the chomping indicator: strip (-) none, clip one line break, keep (+) all.
  if (chomp == '+' && !last_has_break) return false;
  if (chomp != '-') buffer_.append(chomp == '+' ? empties + 1 : 1, '\n');
  if (!count()) return false;
  out = Node();
  out.set_kind(Node::Kind::scalar);
  out.set_mark(Mark{first_line, 1, static_cast<size_t>(first - begin_)});
  bool view =
      only_line != nullptr && lines == 1 && (chomp == '-' || (chomp == ' ' && only_end < end_));
  out.set_text(view ? std::string_view(only_line, static_cast<size_t>(only_end - only_line) +
                                                      (chomp == ' ' ? 1 : 0))
                    : storage_.copy(buffer_));
  line_start_ = at;
  line_ = line;
  return skip_to_content(false);
}

}  // namespace

std::optional<Node> parse_yaml_fast(const Document& doc, NodeStorage& storage, const Limits& limits,
                                    const ItemSink* sink) {
  YamlReader reader(doc, storage, limits, sink);
  std::optional<Node> root = reader.read();
  if (!root && reader.streamed() > 0 && sink->restart) sink->restart();
  return root;
}

}  // namespace commplan
