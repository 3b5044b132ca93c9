#pragma once
// Small text helpers shared by every stage: UTF-8 checks, display widths, joining.

#include <string>
#include <string_view>
#include <vector>

namespace commplan {

/// Byte offset of the first invalid UTF-8 sequence in `text`, or npos when it is all valid.
size_t invalid_utf8_offset(std::string_view text);

/// Columns `text` takes in a terminal: 2 for East Asian wide characters, 1 otherwise.
size_t display_width(std::string_view text);

/// Spaces (tabs kept) as wide as `text`, to put a caret under the character after it.
std::string caret_padding(std::string_view text);

/// Byte offset of 1-based character column `column` in `line` (clamped to its length).
size_t column_byte_offset(std::string_view line, int column);

/// A control character other than tab (C0 or DEL), which must not reach a terminal raw.
inline bool is_control(char c) {
  auto byte = static_cast<unsigned char>(c);
  return (byte < 0x20 && c != '\t') || byte == 0x7F;
}

/// What a line break between `before` and `after` becomes when the two lines are read as one
/// (a paragraph or a table cell in chat text): nothing between two CJK characters or after CJK
/// punctuation, as a Chinese or Japanese writer joins them ("补油。中期"), else a space (as
/// CSS Text joins them; Hangul, like Latin, is written with spaces).
std::string_view line_break_joiner(std::string_view before, std::string_view after);

/// Whether `text` ends with a character of Chinese or Japanese writing (as line_break_joiner()
/// reads it): a label written so takes a fullwidth colon, "严重：0", not "严重: 0".
bool ends_with_cjk(std::string_view text);

/// Elements joined with `separator`.
std::string join(const std::vector<std::string>& items, std::string_view separator);

/// Whether `text` ends with `suffix`, ASCII letters in either case (a file's extension).
bool ends_with_ignoring_case(std::string_view text, std::string_view suffix);

/// `text` without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

/// Whether `text` holds nothing but white space: ASCII's, and the ideographic space U+3000 a
/// Chinese input method types.
bool is_blank(std::string_view text);

/// `n` and the word for that many: `1 finding`, `0 findings` (English messages).
std::string count_of(size_t n, std::string_view one, std::string_view many);

/// The UTF-8 byte order mark some editors write at the start of a file: a file's text is read
/// without it.
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
/// Drops a leading byte order mark from `text`. Tested through a string_view: GCC 12 at -O3
/// warns of an uninitialized read in std::string::starts_with inlined into a self-move.
inline void drop_bom(std::string& text) {
  if (std::string_view(text).starts_with(kUtf8Bom)) text.erase(0, kUtf8Bom.size());
}
/// `text` without a leading byte order mark.
inline std::string without_bom(std::string text) {
  drop_bom(text);
  return text;
}

/// Whether `text` is a URI reference as written: not empty, and every byte one of RFC 3986's
/// unreserved or reserved characters (no space, no `{`, nothing beyond ASCII), each `%` followed
/// by two hex digits, at most one `#`, and brackets only around an IP-literal host
/// (`https://[::1]:8443/`).
bool is_uri_text(std::string_view text);

/// Whether `text` starts with a URI scheme followed by "://" (`https://`, `file://`).
bool is_url(std::string_view text);

/// Whether `text` is an http or https address (the scheme in any case) with something after
/// "//", written in URI characters only (is_uri_text): a Markdown autolink `<…>` holds it
/// exactly, and no renderer reads anything else into it.
bool is_web_address(std::string_view text);

}  // namespace commplan
