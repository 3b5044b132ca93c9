#pragma once
// A brief's Markdown read back by GitHub's own renderer library (libcmark-gfm, with its table,
// task-list, autolink and strikethrough extensions) and written again as an HTML page or as
// plain text for a chat message.

#include <string>
#include <string_view>
#include <vector>

namespace commplan {

/// The HTML of `markdown` (a fragment: no <html> or <head>). Raw HTML in the Markdown is not
/// passed through (libcmark-gfm's safe default), so no text of a project file can add markup.
std::string markdown_html(std::string_view markdown);

/// What an HTML page needs besides its body.
struct HtmlPage {
  std::string title;  ///< the <title>: the page's first heading, as text
  std::string lang;   ///< the html element's lang, e.g. "en" or "zh-CN"
  /// The classification label (e.g. TLP:AMBER): printed at the top of every paper page too
  /// (an @page margin box); empty for none.
  std::string label;
};

/// One self-contained page around `body` (an HTML fragment): inline CSS with a CJK font
/// stack and print rules for A4, no script and no external resource.
std::string html_page(const HtmlPage& page, std::string_view body);

/// The text of the first heading of `markdown`, or "".
std::string first_heading(std::string_view markdown);

/// Plain text for a chat message, and where its sections start.
struct ChatText {
  std::string text;
  std::vector<size_t> sections;  ///< offsets in `text` where a heading's line starts
};

/// `markdown` as plain UTF-8 text for a chat message (WeChat, DingTalk, Feishu, WeCom, Teams):
/// no Markdown syntax and no escapes; headings as lines of their own; list items after "- "
/// (numbered ones after "1. "), task items after "☐ " or "☑ "; a link as its text with the
/// address after it in parentheses (the address alone when they are the same); a table row
/// as one short line after "- ", its cells joined by " · " (a two-column row as
/// "name: value"), the header row left out; block quotes and code as their lines; one blank
/// line between blocks.
ChatText markdown_text(std::string_view markdown);

/// `chat` split into numbered parts of at most `max_bytes` bytes each, every part starting
/// with its marker `(1/3)` on a line of its own. A part ends before a section (a heading) when
/// the next section does not fit in it; a section longer than a part is broken at a blank
/// line, else at a line end, else between UTF-8 characters. A text that fits is one part
/// without a marker. Throws Error(usage) when `max_bytes` leaves no room for text.
std::vector<std::string> split_message(const ChatText& chat, size_t max_bytes);

}  // namespace commplan
