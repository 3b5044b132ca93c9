#pragma once
// Edit, internal: where the nodes of a loaded document begin and end in its source text.
// The document keeps where each node starts; these find the rest from the text itself.

#include <cstddef>
#include <string_view>

#include "load/document.hpp"

namespace commplan::edit {

inline constexpr size_t npos = std::string_view::npos;

/// Offset of the start of the line holding `at`.
size_t line_start(std::string_view text, size_t at);
/// Offset of the '\n' ending the line holding `at`, or text.size() on a last line without one.
size_t line_break(std::string_view text, size_t at);
/// Offset of the end of the content of the line holding `at` (before its "\r\n" or "\n").
size_t content_end(std::string_view text, size_t at);
/// Bytes from the start of its line to `at`.
size_t column(std::string_view text, size_t at);
/// The leading white space of the line holding `at`.
std::string_view line_indent(std::string_view text, size_t at);

/// Where the text of a node begins: its mark, past an anchor (`&a`) and a tag (`!t`), and at
/// the opening quote of a quoted scalar (whose mark is inside the quotes).
size_t node_start(std::string_view text, const Node& node);
/// Whether a sequence or mapping is written in flow style (`[...]`, `{...}`).
bool is_flow(std::string_view text, const Node& node);
/// Where the key of a mapping entry begins (at the opening quote of a quoted key).
size_t key_start(std::string_view text, const Entry& entry);
/// Offset of the ':' after the key of a mapping entry.
size_t colon_of(std::string_view text, const Entry& entry);
/// Just past the closing quote of the quoted scalar opening at `open`.
size_t quoted_end(std::string_view text, size_t open);

/// How the lines of a block node continue: a mapping's (and a scalar's) lines are indented at
/// least `indent`; a sequence's are its items at `indent` (a dash) and what is indented more.
enum class BlockKind { mapping, sequence };

/// The '\n' (or text.size()) ending the last line of the block node whose first line holds
/// `from`. With `comments`, comment lines indented at least `indent` that follow its content
/// (and no comment indented less) count as its own: they are where its next item goes.
size_t block_end(std::string_view text, size_t from, size_t indent, BlockKind kind, bool comments);

/// A flow collection's extent: its closing bracket, the end of its last item (the opening
/// bracket's end when empty) and its first separating comma (npos when none).
struct FlowSpan {
  size_t close = npos;
  size_t last_end = npos;
  size_t first_comma = npos;
};

/// Scans the flow collection opening at `open` (a '[' or '{'); `json` when no comments or
/// single quotes can occur.
FlowSpan scan_flow(std::string_view text, size_t open, bool json);

/// The source of a mapping entry's value: [begin, end), or an empty range just past the
/// colon when the value is written as nothing (`key:`).
struct ValueSpan {
  size_t begin = 0;
  size_t end = 0;
  bool empty = false;
};

/// Where the value of `entry`, in a mapping in flow style or not, is written.
ValueSpan value_span(std::string_view text, const Entry& entry, bool flow, bool json);

}  // namespace commplan::edit
