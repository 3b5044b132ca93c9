#include "output/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "template/escape.hpp"
#include "util/diagnostic.hpp"
#include "util/text.hpp"

namespace commplan {

namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tasklist"};

/// A Markdown text parsed with GitHub's extensions; owns the document and its parser.
class Parsed {
 public:
  explicit Parsed(std::string_view markdown) {
    cmark_gfm_core_extensions_ensure_registered();
    parser_ = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (const char* name : kExtensions)
      if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
        cmark_parser_attach_syntax_extension(parser_, extension);
    cmark_parser_feed(parser_, markdown.data(), markdown.size());
    doc_ = cmark_parser_finish(parser_);
  }
  ~Parsed() {
    cmark_node_free(doc_);
    cmark_parser_free(parser_);
  }
  Parsed(const Parsed&) = delete;
  Parsed& operator=(const Parsed&) = delete;

  cmark_node* doc() const { return doc_; }
  cmark_llist* extensions() const { return cmark_parser_get_syntax_extensions(parser_); }

 private:
  cmark_parser* parser_;
  cmark_node* doc_;
};

std::string_view type_name(cmark_node* node) { return cmark_node_get_type_string(node); }

std::string literal(cmark_node* node) {
  const char* text = cmark_node_get_literal(node);
  return text != nullptr ? text : "";
}

/// Text with its final line breaks removed.
std::string without_final_breaks(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

/// Every line of `text` but the first indented by `indent`.
std::string indent_rest(std::string_view text, std::string_view indent) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

/// The text at an edge of inline `node`: its own, or that of the child `inward` gives (the
/// first child for the text it starts with, the last for the one it ends with), and so on down.
std::string edge_text(cmark_node* node, cmark_node* (*inward)(cmark_node*)) {
  for (; node != nullptr; node = inward(node))
    if (cmark_node_get_type(node) == CMARK_NODE_TEXT ||
        cmark_node_get_type(node) == CMARK_NODE_CODE)
      return literal(node);
  return "";
}

/// The text that starts at inline `node` (emphasis, a link: their first text).
std::string starting_text(cmark_node* node) { return edge_text(node, cmark_node_first_child); }

/// The text that ends at inline `node`.
std::string ending_text(cmark_node* node) { return edge_text(node, cmark_node_last_child); }

/// `text` on one line: each line break joined as line_break_joiner() says.
std::string one_line(std::string_view text) {
  std::string out;
  for (size_t at = 0;;) {
    size_t next = text.find('\n', at);
    out += text.substr(at, next - at);
    if (next == std::string_view::npos) return out;
    out += line_break_joiner(out, text.substr(next + 1));
    at = next + 1;
  }
}

/// The plain text of inline nodes: what a reader sees, without markers or escapes.
std::string inline_text(cmark_node* parent) {
  std::string out;
  for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += literal(node);
        break;
      case CMARK_NODE_SOFTBREAK:  // the lines of a paragraph joined: no space within Chinese
        out += line_break_joiner(out, starting_text(cmark_node_next(node)));
        break;
      case CMARK_NODE_LINEBREAK:
        out += '\n';
        break;
      case CMARK_NODE_HTML_INLINE:
        if (literal(node).starts_with("<br")) out += '\n';  // a line break inside a table cell
        break;
      case CMARK_NODE_LINK: {
        std::string text = inline_text(node);
        const char* url = cmark_node_get_url(node);
        std::string address = url != nullptr ? url : "";
        if (address.empty() || address == text || address == "mailto:" + text)
          out += text;
        else
          out += fmt::format("{} ({})", text, address);
        break;
      }
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        break;
      default:  // emphasis, strong, strikethrough, an image's alt text
        out += inline_text(node);
    }
  }
  return out;
}

std::string block_text(cmark_node* node);

/// The blocks under `parent`, one blank line apart (`tight`: no blank line).
std::string blocks_text(cmark_node* parent, bool tight) {
  std::string out;
  for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
    std::string text = block_text(node);
    if (text.empty()) continue;
    if (!out.empty()) out += tight ? "\n" : "\n\n";
    out += text;
  }
  return out;
}

std::string list_text(cmark_node* list) {
  bool ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
  int number = cmark_node_get_list_start(list);
  std::string out;
  for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
    std::string marker = ordered ? fmt::format("{}. ", number++) : "- ";
    if (type_name(item) == "tasklist")
      marker = cmark_gfm_extensions_get_tasklist_item_checked(item) ? "☑ " : "☐ ";
    if (!out.empty()) out += '\n';
    out += marker +
           indent_rest(blocks_text(item, true), std::string(ordered ? marker.size() : 2, ' '));
  }
  return out;
}

/// A table as short lines: the header row left out, each other row after "- " with its cells
/// joined by " · " ("name: value" for two columns, "名称：值" for a Chinese name); a cell's lines
/// joined into one.
std::string table_text(cmark_node* table) {
  std::string out;
  for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
    if (cmark_gfm_extensions_get_table_row_is_header(row)) continue;
    std::vector<std::string> cells;
    for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
      cells.push_back(one_line(inline_text(cell)));
    std::string line;
    if (cells.size() == 2 && !cells[0].empty()) {
      std::string_view colon = ends_with_cjk(cells[0]) ? "：" : ": ";
      line = cells[1].empty() ? cells[0] : cells[0] + std::string(colon) + cells[1];
    } else {
      for (const std::string& cell : cells) {
        if (cell.empty()) continue;
        if (!line.empty()) line += " · ";
        line += cell;
      }
    }
    if (line.empty()) continue;
    if (!out.empty()) out += '\n';
    out += "- " + line;
  }
  return out;
}

std::string block_text(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
      return inline_text(node);
    case CMARK_NODE_CODE_BLOCK: {
      const char* info = cmark_node_get_fence_info(node);
      if (info != nullptr && std::string_view(info).starts_with("mermaid")) return "";  // a chart
      return without_final_breaks(literal(node));
    }
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
      return "";
    case CMARK_NODE_LIST:
      return list_text(node);
    default:
      if (type_name(node) == "table") return table_text(node);
      return blocks_text(node, false);  // a block quote, a footnote
  }
}

size_t marker_size(size_t part, size_t parts) {
  return fmt::formatted_size("({}/{})\n", part, parts);
}

/// The longest head of `text` within `budget` bytes that ends at a blank line, else a line end,
/// else between UTF-8 characters; its length and how many separator bytes follow it.
std::pair<size_t, size_t> cut(std::string_view text, size_t budget) {
  std::string_view head = text.substr(0, budget + 1);
  if (size_t at = head.rfind("\n\n"); at != std::string_view::npos && at > 0 && at <= budget)
    return {at, 2};
  if (size_t at = head.rfind('\n'); at != std::string_view::npos && at > 0 && at <= budget)
    return {at, 1};
  size_t at = budget;
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return {at > 0 ? at : budget, 0};  // no character starts there (not UTF-8): cut anyway
}

/// `chat`'s sections packed into parts of at most `budget` bytes of text.
std::vector<std::string> pack(const ChatText& chat, size_t budget) {
  std::vector<std::string_view> sections;
  std::string_view text = chat.text;
  size_t start = 0;
  for (size_t offset : chat.sections) {
    if (offset <= start || offset >= text.size()) continue;
    sections.push_back(text.substr(start, offset - start));
    start = offset;
  }
  sections.push_back(text.substr(start));
  std::vector<std::string> parts;
  std::string current;
  for (std::string_view section : sections) {
    while (!section.empty() && section.back() == '\n') section.remove_suffix(1);
    if (section.empty()) continue;
    size_t joined = current.empty() ? section.size() : current.size() + 2 + section.size();
    if (joined <= budget) {
      if (!current.empty()) current += "\n\n";
      current += section;
      continue;
    }
    if (!current.empty()) parts.push_back(std::move(current));
    current.clear();
    while (section.size() > budget) {
      auto [length, gap] = cut(section, budget);
      parts.emplace_back(section.substr(0, length));
      section.remove_prefix(length + gap);
    }
    current = section;
  }
  if (!current.empty()) parts.push_back(std::move(current));
  return parts;
}

/// Whether `node` is a line-break tag written inline (`<br>`): the Markdown escape writes one
/// for a line break inside a value, where a table cell could hold no other.
bool is_break_tag(cmark_node* node) {
  if (cmark_node_get_type(node) != CMARK_NODE_HTML_INLINE) return false;
  std::string tag = literal(node);
  return tag == "<br>" || tag == "<br/>" || tag == "<br />";
}

/// What a line-break tag becomes in the tree until the page is rendered: a control character
/// no page writes (a project's text holding it would get a line break there, nothing else).
constexpr std::string_view kBreakMark = "\x1e";

/// Marks every line-break tag, which the safe renderer would omit with all raw HTML (a
/// project's, which the escape stops anyway, and these alike: a value's lines ran together on
/// the page). A mark, not Markdown's own line break, which a table cell may not hold.
void mark_break_tags(cmark_node* doc) {
  std::vector<cmark_node*> tags;
  cmark_iter* iter = cmark_iter_new(doc);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;)
    if (event == CMARK_EVENT_ENTER && is_break_tag(cmark_iter_get_node(iter)))
      tags.push_back(cmark_iter_get_node(iter));
  cmark_iter_free(iter);
  for (cmark_node* tag : tags) {
    cmark_node* mark = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(mark, std::string(kBreakMark).c_str());
    cmark_node_insert_before(tag, mark);
    cmark_node_free(tag);  // unlinks it first
  }
}

/// Removes the soft breaks that join Chinese text (line_break_joiner() joins them with
/// nothing): the HTML would keep them as line ends, which browsers show as spaces between
/// characters ("整改建议， 最后") where a Chinese writer puts none.
void join_chinese_lines(cmark_node* doc) {
  std::vector<cmark_node*> breaks;
  cmark_iter* iter = cmark_iter_new(doc);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK &&
        line_break_joiner(ending_text(cmark_node_previous(node)),
                          starting_text(cmark_node_next(node)))
            .empty())
      breaks.push_back(node);
  }
  cmark_iter_free(iter);
  for (cmark_node* node : breaks) cmark_node_free(node);  // unlinks it first
}

/// `html` with each break mark made a line break.
std::string with_breaks(std::string html) {
  std::string out;
  out.reserve(html.size());
  for (char c : html) {
    if (c == kBreakMark[0])
      out += "<br />";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string markdown_html(std::string_view markdown) {
  Parsed parsed(markdown);
  mark_break_tags(parsed.doc());
  join_chinese_lines(parsed.doc());
  char* html = cmark_render_html(parsed.doc(), CMARK_OPT_DEFAULT, parsed.extensions());
  std::string out = html != nullptr ? html : "";
  cmark_get_default_mem_allocator()->free(html);
  return with_breaks(std::move(out));
}

std::string first_heading(std::string_view markdown) {
  Parsed parsed(markdown);
  for (cmark_node* node = cmark_node_first_child(parsed.doc()); node; node = cmark_node_next(node))
    if (cmark_node_get_type(node) == CMARK_NODE_HEADING) return inline_text(node);
  return "";
}

ChatText markdown_text(std::string_view markdown) {
  Parsed parsed(markdown);
  ChatText chat;
  for (cmark_node* node = cmark_node_first_child(parsed.doc()); node;
       node = cmark_node_next(node)) {
    std::string text = block_text(node);
    if (text.empty()) continue;
    if (!chat.text.empty()) chat.text += "\n\n";
    if (cmark_node_get_type(node) == CMARK_NODE_HEADING) chat.sections.push_back(chat.text.size());
    chat.text += text;
  }
  chat.text += '\n';
  return chat;
}

namespace {

constexpr size_t kLeastText = 16;  // a part must hold some text besides its marker

/// The parts of `chat`, each within `max_bytes` with the marker it will get, for the fewest
/// digits of the part count that fit; nullopt where the markers leave no room (kLeastText).
std::optional<std::vector<std::string>> parts_within(const ChatText& chat, size_t max_bytes) {
  for (size_t guess = 9;; guess = guess * 10 + 9) {
    size_t marker = marker_size(guess, guess);
    if (max_bytes < marker + kLeastText) return std::nullopt;
    std::vector<std::string> parts = pack(chat, max_bytes - marker - 1);  // its final line break
    if (parts.size() <= guess) return parts;
  }
}

/// The least --max-bytes above `refused` that parts_within() takes (the text whole fits one).
size_t least_max_bytes(const ChatText& chat, size_t refused) {
  size_t low = refused, high = std::max(refused + 1, chat.text.size());
  while (!parts_within(chat, high)) high *= 2;
  while (high - low > 1) {  // parts_within(low) is refused, parts_within(high) is not
    size_t middle = low + (high - low) / 2;
    (parts_within(chat, middle) ? high : low) = middle;
  }
  return high;
}

}  // namespace

std::vector<std::string> split_message(const ChatText& chat, size_t max_bytes) {
  if (chat.text.size() <= max_bytes) return {chat.text};
  std::optional<std::vector<std::string>> parts = parts_within(chat, max_bytes);
  if (!parts)
    throw Error(Error::Kind::usage, Source::option, "--max-bytes",
                fmt::format("{} bytes leave no room for text after the part markers (at least "
                            "{} for this text)",
                            max_bytes, least_max_bytes(chat, max_bytes)));
  for (size_t i = 0; i < parts->size(); ++i)
    (*parts)[i] = fmt::format("({}/{})\n{}\n", i + 1, parts->size(), (*parts)[i]);
  return std::move(*parts);
}

/// The page's style: readable on screen, A4 on paper, Latin then CJK fonts.
constexpr std::string_view kStyle = R"(
body {
  font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC",
    "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif;
  font-size: 15px; line-height: 1.6; color: #1f2328; max-width: 52em; margin: 2em auto;
  padding: 0 1.5em;
}
h1 { font-size: 1.6em; border-bottom: 1px solid #d0d7de; padding-bottom: .3em; }
h2 { font-size: 1.3em; margin-top: 1.6em; }
h3 { font-size: 1.1em; }
table { border-collapse: collapse; margin: 1em 0; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: .35em .6em; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
blockquote { margin: 1em 0; padding: 0 1em; color: #57606a; border-left: .25em solid #d0d7de; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC",
  monospace; font-size: .9em; }
pre { background: #f6f8fa; padding: .8em; white-space: pre-wrap; }
ul.contains-task-list { list-style: none; padding-left: 1.2em; }
svg { max-width: 100%; height: auto; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0; }
  h1, h2, h3 { break-after: avoid; }
  tr, li, blockquote, pre, svg { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
)";

namespace {

/// `text` as a CSS string's content: quotes, backslashes, angle brackets (so no `</style>` can
/// close the sheet) and control characters as CSS escapes.
std::string css_string(std::string_view text) {
  std::string out;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\' || c == '<' || c == '>' || byte < 0x20 || byte == 0x7f)
      out += fmt::format("\\{:x} ", byte);
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string html_page(const HtmlPage& page, std::string_view body) {
  std::string title;
  tmpl::append_escaped(title, page.title, tmpl::Escape::html);
  std::string label_style =
      page.label.empty()
          ? std::string()
          : fmt::format("\n@page {{ @top-right {{ content: \"{}\"; font-size: 9pt; }} }}",
                        css_string(page.label));
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n<main>\n{}</main>\n</body>\n"
      "</html>\n",
      page.lang, title, kStyle, label_style, body);
}

}  // namespace commplan
