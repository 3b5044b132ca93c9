#include "load/json_fast.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <exception>
#include <span>
#include <string>
#include <vector>

#include "load/json_scan.hpp"
#include "load/node_storage.hpp"
#include "load/open_keys.hpp"

namespace commplan {

namespace {

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

/// Builds the tree from the values the plugin gives, in document order; every callback returns
/// false to give up.
class FastBuilder {
 public:
  FastBuilder(const Document& doc, NodeStorage& storage, const Limits& limits, const ItemSink* sink)
      : text_(doc.text),
        cursor_(doc.text),
        storage_(storage),
        limits_(limits),
        sink_(sink),
        doc_(doc) {}

  bool open(bool mapping, size_t at);
  bool close();
  bool key(size_t at, std::string_view text, bool escaped);
  bool string(size_t at, std::string_view text, bool escaped);
  bool scalar(size_t at, size_t size, CommplanJsonScalar kind);

  /// The root, once the scan has closed it.
  std::optional<Node> root() const { return done_ ? std::optional(root_) : std::nullopt; }
  /// How many items were given to the sink.
  size_t streamed() const { return streamed_items_; }

 private:
  /// An open array or object: its node, where its items or entries begin, and a mapping's
  /// key whose value comes next.
  struct Open {
    Node node;
    size_t first;
    std::string_view key;
    Mark key_mark;
    OpenKeys keys;
    bool streamed = false;  // the sink's list: its items go to the sink
  };

  /// Marks `out` at `offset` (see Cursor::at).
  bool mark_at(size_t offset, Node& out) {
    Mark mark;
    if (!cursor_.at(offset, mark)) return false;
    out.set_mark(mark);
    return true;
  }
  bool count() { return ++nodes_ <= limits_.max_nodes; }
  bool add(const Node& node);

  std::string_view text_;
  Cursor cursor_;
  NodeStorage& storage_;
  const Limits& limits_;
  std::vector<Open> open_;      // the open arrays and objects, innermost last
  std::vector<Node> items_;     // the items of the open sequences, innermost last
  std::vector<Entry> entries_;  // the entries of the open mappings, innermost last
  Node root_;
  bool done_ = false;
  size_t nodes_ = 0;
  const ItemSink* sink_;
  const Document& doc_;
  NodeStorage::Checkpoint streamed_from_;  // where the sink's items begin in the storage
  size_t streamed_items_ = 0;
};

/// Puts a finished value where it goes: in the open sequence or mapping, or at the root.
bool FastBuilder::add(const Node& node) {
  if (open_.empty()) {
    if (done_) return false;
    root_ = node;
    done_ = true;
    return true;
  }
  if (open_.back().streamed) {
    // As TreeBuilder::stream: the item goes to the sink, then its subtree is freed (JSON has no
    // anchor that could repeat it).
    sink_->give(doc_, node, streamed_items_++, false);
    storage_.rewind(streamed_from_);
  } else if (open_.back().node.kind() == Node::Kind::sequence)
    items_.push_back(node);
  else
    entries_.emplace_back(open_.back().key, open_.back().key_mark, node);
  return true;
}

bool FastBuilder::open(bool mapping, size_t at) {
  Node node;
  if (open_.size() >= static_cast<size_t>(limits_.max_depth) || !count() || !mark_at(at, node))
    return false;
  node.set_kind(mapping ? Node::Kind::mapping : Node::Kind::sequence);
  // The sink's list: a sequence under its key in the top-level mapping (as TreeBuilder::open).
  bool streamed = sink_ != nullptr && !mapping && open_.size() == 1 &&
                  open_[0].node.kind() == Node::Kind::mapping && open_[0].key == sink_->key;
  open_.push_back({node, mapping ? entries_.size() : items_.size(), {}, {}, {}, streamed});
  if (streamed) streamed_from_ = storage_.checkpoint();
  return true;
}

bool FastBuilder::close() {
  if (open_.empty()) return false;
  Open& open = open_.back();
  Node node = open.node;
  if (node.kind() == Node::Kind::sequence) {
    node.set_items(storage_.copy(std::span<const Node>(items_).subspan(open.first)));
    items_.resize(open.first);
  } else {
    node.set_entries(storage_.copy(std::span<const Entry>(entries_).subspan(open.first)));
    entries_.resize(open.first);
  }
  open_.pop_back();
  return add(node);
}

/// A key's text and mark (after its opening quote), as for a string value.
bool FastBuilder::key(size_t at, std::string_view text, bool escaped) {
  if (open_.empty() || open_.back().node.kind() != Node::Kind::mapping) return false;
  Open& open = open_.back();
  if (!count() || !cursor_.at(at, open.key_mark) || (escaped && has_unusual_characters(text)))
    return false;
  open.key = escaped ? storage_.copy(text) : text_.substr(at, text.size());
  return !open.keys.is_duplicate(std::span<const Entry>(entries_).subspan(open.first), open.key);
}

/// A string, marked after its opening quote: a view of the source when it has no escape, else
/// its unescaped text copied into the storage.
bool FastBuilder::string(size_t at, std::string_view text, bool escaped) {
  Node node;
  if (!count() || !mark_at(at, node) || (escaped && has_unusual_characters(text))) return false;
  node.set_kind(Node::Kind::scalar);
  node.set_text(escaped ? storage_.copy(text) : text_.substr(at, text.size()));
  return add(node);
}

/// A number, true, false or null: plain, its text a view of the source.
bool FastBuilder::scalar(size_t at, size_t size, CommplanJsonScalar kind) {
  std::string_view token = text_.substr(at, size);
  if (kind == commplan_json_number && !is_json_number(token)) return false;
  Node node;
  if (!count() || !mark_at(at, node)) return false;
  node.set_kind(kind == commplan_json_null ? Node::Kind::null : Node::Kind::scalar);
  node.set_plain(true);
  node.set_text(token);
  return add(node);
}

/// The sink's callbacks: each runs the builder's method and keeps what it throws (memory
/// running out) to be thrown again once the scan has returned, as nothing may cross the plugin.
struct Sink {
  FastBuilder builder;
  std::exception_ptr thrown;

  template <class F>
  static int call(void* self, F f) {
    auto* sink = static_cast<Sink*>(self);
    try {
      return f(sink->builder) ? 1 : 0;
    } catch (...) {
      sink->thrown = std::current_exception();
      return 0;
    }
  }

  CommplanJsonSink callbacks() {
    return {
        this,
        [](void* self, int mapping, size_t at) {
          return call(self, [&](FastBuilder& b) { return b.open(mapping != 0, at); });
        },
        [](void* self) { return call(self, [&](FastBuilder& b) { return b.close(); }); },
        [](void* self, size_t at, const char* text, size_t size, int escaped) {
          return call(self, [&](FastBuilder& b) {
            return b.key(at, std::string_view(text, size), escaped != 0);
          });
        },
        [](void* self, size_t at, const char* text, size_t size, int escaped) {
          return call(self, [&](FastBuilder& b) {
            return b.string(at, std::string_view(text, size), escaped != 0);
          });
        },
        [](void* self, size_t at, size_t size, CommplanJsonScalar kind) {
          return call(self, [&](FastBuilder& b) { return b.scalar(at, size, kind); });
        },
    };
  }
};

/// The reader small JSON takes (CommplanJsonScan, in the program: no plugin to load): strict
/// JSON (RFC 8259) read whole, its values given to `sink` as the plugin gives them. Stops at the
/// first thing that is not JSON; the builder checks numbers, keys and limits.
class SmallJsonReader {
 public:
  SmallJsonReader(std::string_view text, const CommplanJsonSink& sink) : text_(text), sink_(sink) {}

  bool read() {
    skip_space();
    if (at_end() || (peek() != '{' && peek() != '[')) return false;  // a scalar at the top
    for (;;) {
      // A value begins here, or a container opens.
      if (at_end()) return false;
      if (peek() == '{' || peek() == '[') {
        bool mapping = peek() == '{';
        if (!sink_.open(sink_.self, mapping, at_)) return false;
        ++at_;
        skip_space();
        if (!at_end() && peek() == (mapping ? '}' : ']')) {
          ++at_;
          if (!sink_.close(sink_.self)) return false;
        } else {
          mapping_.push_back(mapping);
          if (mapping && !key()) return false;
          continue;
        }
      } else if (!scalar()) {
        return false;
      }
      // After a value: a comma and the next, or the containers it closes.
      for (;;) {
        skip_space();
        if (mapping_.empty()) return at_end();
        if (at_end()) return false;
        bool mapping = mapping_.back();
        if (peek() == ',') {
          ++at_;
          skip_space();
          if (mapping && !key()) return false;
          break;
        }
        if (peek() != (mapping ? '}' : ']')) return false;
        ++at_;
        mapping_.pop_back();
        if (!sink_.close(sink_.self)) return false;
      }
    }
  }

 private:
  bool at_end() const { return at_ >= text_.size(); }
  char peek() const { return text_[at_]; }
  void skip_space() {
    while (!at_end() && (peek() == ' ' || peek() == '\n' || peek() == '\r' || peek() == '\t'))
      ++at_;
  }

  /// An object's key, its colon and the space after it.
  bool key() {
    if (at_end() || peek() != '"') return false;
    size_t start = at_ + 1;
    bool escaped = false;
    if (!quoted(escaped)) return false;
    std::string_view text = escaped ? std::string_view(unescaped_) : token(start);
    if (!sink_.key(sink_.self, start, text.data(), text.size(), escaped ? 1 : 0)) return false;
    skip_space();
    if (at_end() || peek() != ':') return false;
    ++at_;
    skip_space();
    return true;
  }

  /// A string, true, false, null or number.
  bool scalar() {
    size_t start = at_;
    if (peek() == '"') {
      bool escaped = false;
      if (!quoted(escaped)) return false;
      std::string_view text = escaped ? std::string_view(unescaped_) : token(start + 1);
      return sink_.string(sink_.self, start + 1, text.data(), text.size(), escaped ? 1 : 0) != 0;
    }
    for (auto [word, kind] : {std::pair{std::string_view("true"), commplan_json_bool},
                              std::pair{std::string_view("false"), commplan_json_bool},
                              std::pair{std::string_view("null"), commplan_json_null}}) {
      if (text_.substr(at_, word.size()) == word) {
        at_ += word.size();
        return sink_.scalar(sink_.self, start, word.size(), kind) != 0;
      }
    }
    if (peek() != '-' && (peek() < '0' || peek() > '9')) return false;
    while (!at_end() && ((peek() >= '0' && peek() <= '9') || peek() == '-' || peek() == '+' ||
                         peek() == '.' || peek() == 'e' || peek() == 'E'))
      ++at_;
    return sink_.scalar(sink_.self, start, at_ - start, commplan_json_number) != 0;
  }

  /// The source's text from `start` to the closing quote just read.
  std::string_view token(size_t start) const { return text_.substr(start, at_ - 1 - start); }

  /// Reads a quoted string from its opening quote past its closing one; where it holds an
  /// escape, its text unescaped is left in unescaped_ and `escaped` set.
  bool quoted(bool& escaped) {
    size_t start = ++at_;
    escaped = false;
    for (; !at_end(); ++at_) {
      auto c = static_cast<unsigned char>(peek());
      if (c == '"') break;
      if (c < 0x20) return false;  // a control character, unescaped
      if (c == '\\') {
        if (!escaped) unescaped_.assign(text_.substr(start, at_ - start));
        escaped = true;
        if (!escape()) return false;
      } else if (escaped) {
        unescaped_.push_back(static_cast<char>(c));
      }
    }
    if (at_end()) return false;
    ++at_;
    return true;
  }

  /// One escape, at its backslash, unescaped into unescaped_; at_ left on its last character.
  bool escape() {
    if (++at_ >= text_.size()) return false;
    char c = peek();
    const char* simple = "\"\"\\\\//b\bf\fn\nr\rt\t";
    for (const char* e = simple; *e != '\0'; e += 2) {
      if (c == e[0]) {
        unescaped_.push_back(e[1]);
        return true;
      }
    }
    if (c != 'u') return false;
    uint32_t code = 0;
    if (!hex4(code)) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) return false;  // a low surrogate alone
    if (code >= 0xD800 && code <= 0xDBFF) {              // a high one: its low one follows
      uint32_t low = 0;
      if (text_.substr(at_ + 1, 2) != "\\u") return false;
      at_ += 2;
      if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(code);
    return true;
  }

  /// The four hex digits after at_, read into `code`; at_ left on the last.
  bool hex4(uint32_t& code) {
    for (int i = 0; i < 4; ++i) {
      if (++at_ >= text_.size()) return false;
      char c = peek();
      int digit = c >= '0' && c <= '9'   ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                         : -1;
      if (digit < 0) return false;
      code = code * 16 + static_cast<uint32_t>(digit);
    }
    return true;
  }

  void append_utf8(uint32_t code) {
    auto byte = [&](uint32_t b) { unescaped_.push_back(static_cast<char>(b)); };
    if (code < 0x80) {
      byte(code);
    } else if (code < 0x800) {
      byte(0xC0 | (code >> 6));
      byte(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      byte(0xE0 | (code >> 12));
      byte(0x80 | ((code >> 6) & 0x3F));
      byte(0x80 | (code & 0x3F));
    } else {
      byte(0xF0 | (code >> 18));
      byte(0x80 | ((code >> 12) & 0x3F));
      byte(0x80 | ((code >> 6) & 0x3F));
      byte(0x80 | (code & 0x3F));
    }
  }

  std::string_view text_;
  const CommplanJsonSink& sink_;
  size_t at_ = 0;
  std::vector<bool> mapping_;  // the open containers, innermost last: an object or an array
  std::string unescaped_;
};

int scan_small_json(const char* text, size_t size, size_t, size_t, const CommplanJsonSink* sink) {
  return SmallJsonReader(std::string_view(text, size), *sink).read() ? 1 : 0;
}

/// The folder of the running program, from /proc/self/exe; "" where it cannot be read.
std::string program_folder() {
  std::string path(PATH_MAX, '\0');
  ssize_t size = readlink("/proc/self/exe", path.data(), path.size());
  if (size <= 0 || static_cast<size_t>(size) >= path.size()) return "";
  path.resize(static_cast<size_t>(size));
  return path.substr(0, path.rfind('/') + 1);
}

/// The plugin's scan function, loaded at the first call: from lib/commplan beside the program
/// (a build tree), ../lib/commplan (the tests there, and installs where the library folder is
/// lib), or where it is installed (/usr/bin/../lib/x86_64-linux-gnu/commplan for the .deb).
/// nullptr where it cannot be loaded: then libfyaml reads every JSON document, to the same
/// tree, more slowly.
CommplanJsonScan* plugin_scan() {
  static CommplanJsonScan* scan = [] {
    std::string folder = program_folder();
    if (folder.empty()) return static_cast<CommplanJsonScan*>(nullptr);
    for (const char* place : {"lib/commplan/", "../lib/commplan/", COMMPLAN_INSTALLED_PLUGIN_DIR}) {
      std::string path = folder + place + COMMPLAN_JSON_PLUGIN;
      if (void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL))  // kept till the exit
        return reinterpret_cast<CommplanJsonScan*>(dlsym(handle, COMMPLAN_JSON_SCAN_SYMBOL));
    }
    return static_cast<CommplanJsonScan*>(nullptr);
  }();
  return scan;
}

}  // namespace

bool json_fast_path_available() { return plugin_scan() != nullptr; }

std::optional<Node> parse_json_fast(const Document& doc, size_t readable, NodeStorage& storage,
                                    const Limits& limits, const ItemSink* sink, JsonReader reader) {
  CommplanJsonScan* scan = reader == JsonReader::small ? &scan_small_json : plugin_scan();
  if (scan == nullptr) return std::nullopt;
  std::string_view text = doc.text;
  Sink scanned{FastBuilder(doc, storage, limits, sink), nullptr};
  CommplanJsonSink callbacks = scanned.callbacks();
  bool read = scan(text.data(), text.size(), readable, limits.json_piece_bytes, &callbacks) != 0;
  if (scanned.thrown) std::rethrow_exception(scanned.thrown);
  std::optional<Node> root = read ? scanned.builder.root() : std::nullopt;
  if (!root && scanned.builder.streamed() > 0 && sink->restart) sink->restart();
  return root;
}

}  // namespace commplan
