#include "load/json_fast.hpp"

#include <simdjson.h>

#include <algorithm>
#include <span>
#include <unordered_set>
#include <vector>

#include "load/node_storage.hpp"

namespace commplan {

static_assert(kJsonFastPadding >= simdjson::SIMDJSON_PADDING);

namespace {

namespace od = simdjson::ondemand;

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim_json_space(std::string_view token) {
  while (!token.empty() && is_json_space(token.back())) token.remove_suffix(1);
  return token;
}

size_t skip_digits(std::string_view text, size_t i) {
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  return i;
}

/// Whether `text` is a number as JSON writes it: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
bool is_json_number(std::string_view text) {
  size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
  if (i == text.size()) return false;
  size_t digits = skip_digits(text, i);
  if (digits == i || (text[i] == '0' && digits > i + 1)) return false;
  i = digits;
  if (i < text.size() && text[i] == '.') {
    digits = skip_digits(text, i + 1);
    if (digits == i + 1) return false;
    i = digits;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    digits = skip_digits(text, i);
    if (digits == i) return false;
    i = digits;
  }
  return i == text.size();
}

/// Whether a string with escapes holds, unescaped, what libfyaml reads differently or rejects:
/// a NUL, or a line break YAML 1.1 knew (NEL, LS, PS) that its double-quoted scalars may fold.
bool has_unusual_characters(std::string_view text) {
  return text.find('\0') != std::string_view::npos ||
         text.find("\xC2\x85") != std::string_view::npos ||
         text.find("\xE2\x80\xA8") != std::string_view::npos ||
         text.find("\xE2\x80\xA9") != std::string_view::npos;
}

/// The places of offsets met in increasing order, counted as libfyaml counts them in JSON: every
/// \r and every \n starts a line (so \r\n counts two), and a column is a character.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  /// The mark at `offset`; false when offsets come out of order (never in document order).
  bool at(size_t offset, Mark& mark) {
    if (offset < at_ || offset > text_.size()) return false;
    for (; at_ < offset; ++at_) {
      auto c = static_cast<unsigned char>(text_[at_]);
      if (c == '\n' || c == '\r') {
        ++line_;
        column_ = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++column_;
      }
    }
    mark = {line_, column_, offset};
    return true;
  }

 private:
  std::string_view text_;
  size_t at_ = 0;
  int line_ = 1;
  int column_ = 1;
};

/// Builds the tree from simdjson's on-demand iteration; every method returns false to give up.
class FastBuilder {
 public:
  FastBuilder(std::string_view text, const char* base, NodeStorage& storage, const Limits& limits)
      : text_(text), base_(base), cursor_(text), storage_(storage), limits_(limits) {}

  bool value(od::value v, int depth, Node& out);
  bool array(od::array a, size_t at, int depth, Node& out);
  bool object(od::object o, size_t at, int depth, Node& out);

 private:
  bool open(size_t at, int depth, Node::Kind kind, Node& out);
  /// Marks `out` at `offset` (see Cursor::at).
  bool mark_at(size_t offset, Node& out) {
    Mark mark;
    if (!cursor_.at(offset, mark)) return false;
    out.set_mark(mark);
    return true;
  }
  bool scalar(od::value v, std::string_view token, size_t at, Node& out);
  bool string(od::value v, std::string_view token, size_t at, Node& out);
  bool key(od::field& field, std::string_view& key, Mark& mark);
  bool count();
  bool is_duplicate(size_t first, std::string_view key,
                    std::unordered_set<std::string_view>& keys) const;
  bool offset_of(const char* at, size_t& offset) const;

  std::string_view text_;
  const char* base_;  // where simdjson reads the text: text_ itself or a padded copy
  Cursor cursor_;
  NodeStorage& storage_;
  const Limits& limits_;
  std::vector<Node> items_;     // the items of the open sequences, innermost last
  std::vector<Entry> entries_;  // the entries of the open mappings, innermost last
  size_t nodes_ = 0;
};

bool FastBuilder::offset_of(const char* at, size_t& offset) const {
  if (at < base_ || at > base_ + text_.size()) return false;
  offset = static_cast<size_t>(at - base_);
  return true;
}

bool FastBuilder::count() { return ++nodes_ <= limits_.max_nodes; }

bool FastBuilder::value(od::value v, int depth, Node& out) {
  std::string_view token = v.raw_json_token();
  size_t at = 0;
  if (token.empty() || !offset_of(token.data(), at)) return false;
  switch (token[0]) {
    case '[': {
      od::array a;
      return !v.get_array().get(a) && array(a, at, depth, out);
    }
    case '{': {
      od::object o;
      return !v.get_object().get(o) && object(o, at, depth, out);
    }
    case '"':
      return string(v, token, at, out);
    default:
      return scalar(v, token, at, out);
  }
}

/// Reads a number, true, false or null through simdjson: every value is read, none skipped,
/// as simdjson skips a value it was not asked for without checking the commas and colons after
/// it.
bool consume_scalar(od::value v, std::string_view token) {
  bool flag = false;
  double number = 0;
  if (token == "null") return !v.is_null().get(flag) && flag;
  if (token == "true" || token == "false") return !v.get_bool().get(flag);
  return !v.get_double().get(number);
}

/// A number, true, false or null: plain, its text a view of the source.
bool FastBuilder::scalar(od::value v, std::string_view token, size_t at, Node& out) {
  token = trim_json_space(token);
  bool null = token == "null";
  if (!null && token != "true" && token != "false" && !is_json_number(token)) return false;
  if (!consume_scalar(v, token) || !count() || !mark_at(at, out)) return false;
  out.set_kind(null ? Node::Kind::null : Node::Kind::scalar);
  out.set_plain(true);
  out.set_text(text_.substr(at, token.size()));
  return true;
}

/// A string, marked after its opening quote: a view of the source when it has no escape, else
/// its unescaped text copied into the storage.
bool FastBuilder::string(od::value v, std::string_view token, size_t at, Node& out) {
  token = trim_json_space(token);
  if (token.size() < 2 || token.back() != '"') return false;
  std::string_view raw = text_.substr(at + 1, token.size() - 2);
  if (!count() || !mark_at(at + 1, out)) return false;
  out.set_kind(Node::Kind::scalar);
  if (raw.find('\\') == std::string_view::npos) {
    od::raw_json_string read;  // read, not skipped (see consume_scalar)
    out.set_text(raw);
    return !v.get_raw_json_string().get(read);
  }
  std::string_view unescaped;
  if (v.get_string().get(unescaped) || has_unusual_characters(unescaped)) return false;
  out.set_text(storage_.copy(unescaped));
  return true;
}

bool FastBuilder::open(size_t at, int depth, Node::Kind kind, Node& out) {
  if (depth >= limits_.max_depth || !count() || !mark_at(at, out)) return false;
  out.set_kind(kind);
  return true;
}

bool FastBuilder::array(od::array a, size_t at, int depth, Node& out) {
  if (!open(at, depth, Node::Kind::sequence, out)) return false;
  size_t first = items_.size();
  for (auto element : a) {
    od::value item;
    Node node;
    if (std::move(element).get(item) || !value(item, depth + 1, node)) return false;
    items_.push_back(node);
  }
  out.set_items(storage_.copy(std::span<const Node>(items_).subspan(first)));
  items_.resize(first);
  return true;
}

bool FastBuilder::object(od::object o, size_t at, int depth, Node& out) {
  if (!open(at, depth, Node::Kind::mapping, out)) return false;
  size_t first = entries_.size();
  std::unordered_set<std::string_view> keys;  // filled once the mapping grows past a few
  for (auto result : o) {
    od::field field;
    std::string_view key_text;
    Mark key_mark;
    Node node;
    if (std::move(result).get(field) || !key(field, key_text, key_mark) ||
        is_duplicate(first, key_text, keys) || !value(field.value(), depth + 1, node))
      return false;
    entries_.emplace_back(key_text, key_mark, node);
  }
  out.set_entries(storage_.copy(std::span<const Entry>(entries_).subspan(first)));
  entries_.resize(first);
  return true;
}

/// A key's text and mark (after its opening quote), as for a string value.
bool FastBuilder::key(od::field& field, std::string_view& key, Mark& mark) {
  size_t at = 0;
  if (!offset_of(field.key().raw(), at) || !count() || !cursor_.at(at, mark)) return false;
  size_t end = text_.find_first_of("\"\\", at);
  if (end == std::string_view::npos) return false;
  if (text_[end] == '"') {
    key = text_.substr(at, end - at);
    return true;
  }
  std::string_view unescaped;
  if (field.unescaped_key().get(unescaped) || has_unusual_characters(unescaped)) return false;
  key = storage_.copy(unescaped);
  return true;
}

/// As TreeBuilder::is_duplicate: a look at each entry while there are a few, a hash set past
/// that.
bool FastBuilder::is_duplicate(size_t first, std::string_view key,
                               std::unordered_set<std::string_view>& keys) const {
  constexpr size_t kLinearSearch = 16;
  auto entries = std::span<const Entry>(entries_).subspan(first);
  if (entries.size() < kLinearSearch)
    return std::any_of(entries.begin(), entries.end(),
                       [&](const Entry& e) { return e.key() == key; });
  if (keys.empty())
    for (const auto& e : entries) keys.insert(e.key());
  return !keys.insert(key).second;
}

/// The tree of `text`, which simdjson reads from `input` (the text or its padded copy).
std::optional<Node> build(std::string_view text, simdjson::padded_string_view input,
                          NodeStorage& storage, const Limits& limits) {
  size_t start = 0;
  while (start < text.size() && is_json_space(text[start])) ++start;
  if (start == text.size() || (text[start] != '{' && text[start] != '[')) return std::nullopt;
  od::parser parser;
  od::document doc;
  if (parser.iterate(input).get(doc)) return std::nullopt;
  FastBuilder builder(text, input.data(), storage, limits);
  Node root;
  bool built = false;
  if (text[start] == '[') {
    od::array a;
    built = !doc.get_array().get(a) && builder.array(a, start, 0, root);
  } else {
    od::object o;
    built = !doc.get_object().get(o) && builder.object(o, start, 0, root);
  }
  // Past the root, simdjson has nothing left to read unless something follows it.
  if (!built || doc.current_location().error() != simdjson::OUT_OF_BOUNDS) return std::nullopt;
  return root;
}

}  // namespace

std::optional<Node> parse_json_fast(std::string_view text, size_t readable, NodeStorage& storage,
                                    const Limits& limits) {
  if (readable >= text.size() + kJsonFastPadding)
    return build(text, simdjson::padded_string_view(text.data(), text.size(), readable), storage,
                 limits);
  simdjson::padded_string copy(text);
  return build(text, copy, storage, limits);
}

}  // namespace commplan
