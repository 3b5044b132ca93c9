#pragma once
// How interpolated values are escaped: chosen per render, not hard-wired.

#include <optional>
#include <string>
#include <string_view>

namespace commplan::tmpl {

/// The escaping of `{{name}}`; `{{{name}}}` and `{{&name}}` are never escaped.
enum class Escape {
  html,      ///< the spec's: & < > " ' become entities
  markdown,  ///< GitHub-flavoured Markdown: the value shows as its literal text
  none,      ///< inserted as is
};

/// "html", "markdown" or "none"; nullopt for anything else.
std::optional<Escape> parse_escape(std::string_view name);

/// Appends `text` to `out`, escaped for `escape`.
///
/// Markdown: ASCII punctuation that can be markup is backslash-escaped, so the value cannot
/// open a tag, link, emphasis, code span or strikethrough, nor break a table row (`|`). At the
/// value's start, characters that would begin a heading, list, quote, thematic break or
/// setext underline are escaped too, and leading and trailing blanks become `&#32;` / `&#9;`
/// (never an indented code block or a hard break, never trimmed). A line break becomes
/// `<br>`, which keeps a table row on one line and shows as a break inside a cell or
/// paragraph; line breaks at the value's end (a YAML block text ends with one) are dropped,
/// with the blanks around them. Characters that are markup only at a line start (`-`, `+`, `=`,
/// `.`, `)`) are left alone elsewhere, so dates and numbers stay readable; so is `_` inside a word.
/// The `:` of "://" and the `.` of "www." are escaped so that GFM's autolinks do not swallow a
/// URL's neighbours (cmark-gfm would show "http://x\>" with its backslash).
void append_escaped(std::string& out, std::string_view text, Escape escape);

}  // namespace commplan::tmpl
