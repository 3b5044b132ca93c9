#pragma once
// Load: YAML 1.2 or JSON text -> a document tree that remembers where every node came from.

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.hpp"
#include "util/read.hpp"

namespace commplan {

class Entry;

/// A place in a document as a tree node keeps it: Mark's line, column and offset in 32 bits
/// each, of which the column leaves its top 3 bits to the node that holds it. A column fits in
/// the 29 left because no document is longer than kColumnMax bytes (check_source() caps
/// Limits::max_bytes there; the default is 128 MiB).
class PackedMark {
 public:
  static constexpr std::uint32_t kColumnBits = 29;
  static constexpr std::uint32_t kColumnMax = (std::uint32_t{1} << kColumnBits) - 1;

  PackedMark() = default;
  explicit PackedMark(const Mark& mark) { set(mark); }

  Mark get() const {
    return {static_cast<int>(line_), static_cast<int>(column_ & kColumnMax), offset_};
  }
  void set(const Mark& mark) {
    line_ = static_cast<std::uint32_t>(mark.line);
    offset_ = static_cast<std::uint32_t>(mark.offset);
    column_ = (column_ & ~kColumnMax) | (static_cast<std::uint32_t>(mark.column) & kColumnMax);
  }

  /// The 3 bits above the column, for the holder's own use.
  std::uint32_t spare() const { return column_ >> kColumnBits; }
  void set_spare(std::uint32_t bits) { column_ = (column_ & kColumnMax) | (bits << kColumnBits); }

 private:
  std::uint32_t line_ = 0;
  std::uint32_t column_ = 0;
  std::uint32_t offset_ = 0;
};

static_assert(kMaxReadBytes <= PackedMark::kColumnMax, "a file's places fit a PackedMark");

/// One node of a loaded document. Scalars keep their text exactly as written. Texts and lists
/// live in the document's storage: a node is valid as long as its Document (or a copy of it).
///
/// 24 bytes: a scalar's text, a sequence's items and a mapping's entries share one pointer and
/// one 32-bit length (a document is at most 128 MiB: Limits::max_bytes), since a node is one
/// of them; its place is packed, with its kind and plainness in the column's spare bits. The
/// tree is the largest part of a loaded project, so its size is the run's memory.
class Node {
 public:
  enum class Kind : std::uint8_t { null, scalar, sequence, mapping };

  Kind kind() const { return static_cast<Kind>(mark_.spare() & 3u); }
  void set_kind(Kind kind) {
    mark_.set_spare((mark_.spare() & ~3u) | static_cast<std::uint32_t>(kind));
  }
  /// A scalar written without quotes (YAML may read it as a number or bool).
  bool plain() const { return (mark_.spare() & 4u) != 0; }
  void set_plain(bool plain) { mark_.set_spare((mark_.spare() & 3u) | (plain ? 4u : 0u)); }
  /// Where the node starts.
  Mark mark() const { return mark_.get(); }
  void set_mark(const Mark& mark) { mark_.set(mark); }

  /// A scalar's text (also a null's, as written: `~`, `null`), else empty.
  std::string_view text() const {
    return is_list() ? std::string_view()
                     : std::string_view(static_cast<const char*>(data_), size_);
  }
  /// A sequence's items, else none.
  std::span<const Node> items() const {
    if (kind() != Kind::sequence) return {};
    return {static_cast<const Node*>(data_), size_};
  }
  /// A mapping's entries, in source order, else none.
  std::span<const Entry> entries() const;

  /// Set what text(), items() or entries() give: the one of them `kind` names.
  void set_text(std::string_view text) { set(text.data(), text.size()); }
  void set_items(std::span<const Node> items) { set(items.data(), items.size()); }
  void set_entries(std::span<const Entry> entries);

  bool is_null() const { return kind() == Kind::null; }
  bool is_scalar() const { return kind() == Kind::scalar; }
  bool is_sequence() const { return kind() == Kind::sequence; }
  bool is_mapping() const { return kind() == Kind::mapping; }
  /// The value of `key` in a mapping, or nullptr.
  const Node* find(std::string_view key) const;

 private:
  bool is_list() const { return kind() == Kind::sequence || kind() == Kind::mapping; }
  void set(const void* data, size_t size) {
    data_ = data;
    size_ = static_cast<std::uint32_t>(size);
  }

  const void* data_ = nullptr;
  std::uint32_t size_ = 0;
  PackedMark mark_;
};

/// A mapping entry: the key's text and place, and the value. 48 bytes.
class Entry {
 public:
  Entry() = default;
  Entry(std::string_view key, const Mark& key_mark, const Node& node)
      : key_(key.data()),
        key_size_(static_cast<std::uint32_t>(key.size())),
        key_mark_(key_mark),
        value(node) {}

  std::string_view key() const { return {key_, key_size_}; }
  Mark key_mark() const { return key_mark_.get(); }

 private:
  const char* key_ = nullptr;
  std::uint32_t key_size_ = 0;
  PackedMark key_mark_;

 public:
  Node value;
};

static_assert(sizeof(void*) != 8 || (sizeof(Node) == 24 && sizeof(Entry) == 48),
              "a node's size is the tree's memory");

inline std::span<const Entry> Node::entries() const {
  if (kind() != Kind::mapping) return {};
  return {static_cast<const Entry*>(data_), size_};
}

inline void Node::set_entries(std::span<const Entry> entries) {
  set(entries.data(), entries.size());
}

/// The texts and lists of a document's nodes, allocated together and freed together.
class NodeStorage;

enum class Format { yaml, json };

/// The limits that keep hostile input from exhausting time or memory.
struct Limits {
  size_t max_bytes = kMaxReadBytes;  ///< input size; never more than 512 MiB (PackedMark)
  int max_depth = 64;                ///< nesting of sequences and mappings
  size_t max_nodes = 12'000'000;     ///< nodes in the loaded tree, aliases expanded
  size_t max_alias_nodes = 100'000;  ///< nodes created by expanding aliases
  /// JSON larger than this is read (by the fast path) a piece of about this size at a time:
  /// its reader's index, 4 bytes a token, is then that of a piece, not of the whole file.
  /// 32 KiB: the 10,000-finding one-line recap's heap ends 0.2 MB lower than with 256 KiB,
  /// whose index and buffer stayed in its peak; the pieces cost no time that shows.
  size_t json_piece_bytes = 32 << 10;
  /// JSON of fewer bytes, on lines of fewer than json_fast_line bytes each, is read by the
  /// program's own small reader (load/json_fast.hpp), not by the plugin's: loading the plugin,
  /// simdjson and the C++ library it needs, costs about 2 ms on a virtual machine (its page
  /// faults), more than reading such a document takes. The limits were measured when libfyaml
  /// read the small documents (its time grows faster than a line's length: 20 KiB of JSON on
  /// one line took it 2 ms more than on 700 lines); the small reader builds the tree of the
  /// JSON example in 0.69 M instructions where libfyaml's path took 2.48 M, so they are on
  /// the safe side.
  size_t json_fast_from = 64 << 10;
  size_t json_fast_line = 4 << 10;

  /// Folders a project's log_dir walks, itself included.
  size_t max_log_dir_folders = 10'000;
};

/// A loaded file: its name (as given, for messages), its text and its tree. The text, and
/// the tree's texts and lists, live in `storage`: copies of a Document share them.
struct Document {
  std::string file;
  std::string_view text;  ///< the source, without a byte order mark
  Node root;
  std::shared_ptr<const NodeStorage> storage;
  bool released = false;  ///< release() was called: the text and tree are gone

  /// The source around a mark, for quoting under a message.
  Excerpt line(const Mark& mark) const;
  /// The place of byte `offset` of the text, as the parser marks a node starting there: its
  /// line, and its column in characters. A few KiB of text are read per call: an index of
  /// places every 4 KiB is made on the first.
  Mark mark_at(size_t offset) const;

  /// Frees the text and the tree (with `storage`, unless a copy shares it), keeping the file's
  /// name: for a run that reads nothing more of the file. Nodes of the tree must not be read
  /// after; line() quotes nothing.
  void release();

  /// mark_at()'s index: the places of characters 4 KiB apart, made on its first call.
  mutable std::vector<Mark> place_index = {};
};

/// The place of byte `to` of `text` (the start of a character), counted on from `from` (a
/// place at or before it). A line ends at "\n", "\r\n" or a lone "\r" (YAML's line breaks, as
/// an editor shows them); a column counts characters. Every place commplan gives, in YAML and
/// in JSON on either parser, is counted so.
Mark advance(std::string_view text, Mark from, size_t to);

/// advance() over offsets met in increasing order (a parse in document order): each call
/// counts on from the last.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  /// The place of `offset` in `mark`; false when it comes before the last one asked for.
  bool at(size_t offset, Mark& mark) {
    if (offset < place_.offset || offset > text_.size()) return false;
    place_ = advance(text_, place_, offset);
    mark = place_;
    return true;
  }

 private:
  std::string_view text_;
  Mark place_{1, 1, 0};
};

/// Takes the items of one list of the top-level mapping as they are parsed, so that a long
/// list (a project's findings) is never held as a whole tree: each item comes with its
/// subtree, which is freed when the call returns. The list stays in the tree, with no items.
/// A list with an anchor (which an alias could repeat) is kept whole; an item that defines an
/// anchor keeps its subtree: `kept` says so, and then the item's nodes, the item's own among
/// them, live as long as the document. The fast paths (JSON, YAML) stream their items as
/// libfyaml's path does.
struct ItemSink {
  std::string_view key;  ///< the key whose list is streamed
  std::function<void(const Document& doc, const Node& item, size_t index, bool kept)> take;
  /// Called when the items given so far are to be forgotten: a fast path gave up after giving
  /// some (a duplicate key, a comment in JSON, an anchor in YAML further on), and libfyaml's
  /// path gives the list again from its first item. Unset: nothing to forget.
  std::function<void()> restart = {};

  /// Gives `item` to take(), then lets the system take back the pages of a mapped source
  /// before it (FileText::let_go_before): the parse reads on from there, and what was read is
  /// in the model now. What reads them again (a message quoting a line) reads them from the file.
  void give(const Document& doc, const Node& item, size_t index, bool kept) const;
};

/// The format by file extension (.yaml, .yml, .json), else by the first non-blank character.
Format detect_format(std::string_view file, std::string_view text);

/// Parses `text`; every problem goes to `diagnostics` (located in `file`). On a fatal problem
/// (syntax, encoding, limits) the returned root is null and diagnostics has an error.
Document parse_document(std::string file, FileText text, Format format, Diagnostics& diagnostics,
                        const Limits& limits = {});

/// parse_document() into `doc`, giving the items of `sink`'s list to it as they are parsed
/// (on a fatal problem, some may have been given before it). The sink is given `doc` itself,
/// so what it keeps pointing to the document stays valid.
void parse_document(Document& doc, std::string file, FileText text, Format format,
                    Diagnostics& diagnostics, const Limits& limits, const ItemSink& sink);

/// The text of `file` (mapped when large: read_file_text()), or everything on `in` when `file`
/// is "-". Throws Error(io), and Error(invalid_input) past Limits::max_bytes.
FileText read_source(const std::string& file, std::istream& in, const Limits& limits = {});

/// A node as JSON data with YAML 1.2 core-schema typing of plain scalars (null, true/false,
/// integers, floats; everything else, and every quoted scalar, is a string).
nlohmann::json to_json(const Node& node);

/// Whether to_json() gives a string for `node`: a quoted scalar, or a plain one that YAML's
/// core schema reads as no number or bool. Allocates nothing for most texts.
bool is_text(const Node& node);

/// What a node is, for messages: "nothing", "a text", "a list" or "a mapping".
std::string_view kind_name(const Node& node);
/// Like to_json(), keeping the mappings' keys in source order.
nlohmann::ordered_json to_ordered_json(const Node& node);

/// Parses a data file's text (format by detect_format) into its document, named "<stdin>" in
/// messages when `file` is "-". Throws Error(invalid_input) carrying every problem found.
Document load_document(const std::string& file, FileText text);

/// load_document() as JSON data (to_json of its root).
nlohmann::json load_data(const std::string& file, FileText text);

}  // namespace commplan
