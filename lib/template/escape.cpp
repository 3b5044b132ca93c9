#include "template/escape.hpp"

#include <array>
#include <cctype>

namespace commplan::tmpl {

namespace {

void append_html(std::string& out, std::string_view text) {
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = "&#39;";
        break;
      default:
        continue;
    }
    out.append(text.data() + run, i - run);
    out.append(entity);
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

/// Characters that are Markdown markup wherever they stand.
constexpr std::array<bool, 256> markdown_specials() {
  std::array<bool, 256> table{};
  for (char c : std::string_view("\\`*_[]<>|~&$#\r\n:."))
    table[static_cast<unsigned char>(c)] = true;
  return table;
}

constexpr auto kMarkdownSpecial = markdown_specials();

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

/// Whether the special character at `i` is plain text there. `_` inside a word is no
/// emphasis; `:` and `.` matter only where they would start an autolink ("://", "www.").
bool is_plain_there(std::string_view text, size_t i) {
  auto at = [&](size_t k) { return k < text.size() ? text[k] : '\0'; };
  switch (text[i]) {
    case '_':
      return i > 0 && is_alnum(text[i - 1]) && is_alnum(at(i + 1));
    case ':':
      return at(i + 1) != '/' || at(i + 2) != '/';
    case '.': {
      if (i < 3) return true;
      std::string_view word = text.substr(i - 3, 3);
      bool www = (word[0] | 0x20) == 'w' && (word[1] | 0x20) == 'w' && (word[2] | 0x20) == 'w';
      return !www || (i > 3 && is_alnum(text[i - 4]));
    }
    default:
      return false;
  }
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

/// Spaces and tabs as character references, which Markdown neither strips nor reads as an
/// indentation (code block) or a hard line break.
void append_blanks(std::string& out, std::string_view blanks) {
  for (char c : blanks) out.append(c == ' ' ? "&#32;" : "&#9;");
}

/// Writes the value's start escaped: leading blanks, then a list, heading or setext marker
/// that would begin a block at a line start. Returns how much of `text` it wrote.
size_t append_markdown_start(std::string& out, std::string_view text) {
  size_t i = 0;
  while (i < text.size() && is_blank(text[i])) ++i;
  append_blanks(out, text.substr(0, i));
  if (i == text.size()) return i;
  char c = text[i];
  if (c == '-' || c == '+' || c == '=') {
    out += '\\';
    out += c;
    return i + 1;
  }
  size_t digits = 0;
  while (i + digits < text.size() && digits < 10 &&
         std::isdigit(static_cast<unsigned char>(text[i + digits])))
    ++digits;
  // An ordered list's marker ("1." or "1)") is followed by a blank or the line's end: "1.5" is
  // a number. At the value's end the template's next character is not known, so it is escaped.
  size_t after = i + digits + 1;
  bool marker_ends = after >= text.size() || is_blank(text[after]) || is_line_break(text[after]);
  if (digits > 0 && digits < 10 && i + digits < text.size() &&
      (text[i + digits] == '.' || text[i + digits] == ')') && marker_ends) {
    out.append(text.substr(i, digits));
    out += '\\';
    out += text[i + digits];
    return i + digits + 1;
  }
  return i;
}

void append_markdown(std::string& out, std::string_view text) {
  size_t i = append_markdown_start(out, text);
  // Trailing blanks stay as text; a line break at the end (a YAML block text's) goes, with
  // the blanks around it.
  size_t end = text.size();
  bool has_break = false;
  while (end > i && (is_blank(text[end - 1]) || is_line_break(text[end - 1])))
    has_break |= is_line_break(text[--end]);
  std::string_view trailing = has_break ? std::string_view() : text.substr(end);
  text = text.substr(0, end);
  size_t run = i;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (!kMarkdownSpecial[static_cast<unsigned char>(c)]) continue;
    if (is_plain_there(text, i)) continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') run = ++i + 1;
      out.append("<br>");
    } else {
      out += '\\';
      out += c;
    }
  }
  out.append(text.data() + run, text.size() - run);
  append_blanks(out, trailing);
}

}  // namespace

std::optional<Escape> parse_escape(std::string_view name) {
  if (name == "html") return Escape::html;
  if (name == "markdown") return Escape::markdown;
  if (name == "none") return Escape::none;
  return std::nullopt;
}

void append_escaped(std::string& out, std::string_view text, Escape escape) {
  switch (escape) {
    case Escape::html:
      return append_html(out, text);
    case Escape::markdown:
      return append_markdown(out, text);
    case Escape::none:
      out.append(text);
      return;
  }
}

}  // namespace commplan::tmpl
