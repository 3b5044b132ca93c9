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
  for (char c : std::string_view("\\`*_[]<>|~&$#\r\n")) table[static_cast<unsigned char>(c)] = true;
  return table;
}

constexpr auto kMarkdownSpecial = markdown_specials();

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

/// Length of the prefix (leading blanks, list or heading marker) that needs escaping at a line
/// start; writes it, escaped, to `out`.
size_t append_markdown_start(std::string& out, std::string_view text) {
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  out.append(text.substr(0, i));
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
  if (digits > 0 && digits < 10 && i + digits < text.size() &&
      (text[i + digits] == '.' || text[i + digits] == ')')) {
    out.append(text.substr(i, digits));
    out += '\\';
    out += text[i + digits];
    return i + digits + 1;
  }
  return i;
}

void append_markdown(std::string& out, std::string_view text) {
  size_t i = append_markdown_start(out, text);
  size_t run = i;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (!kMarkdownSpecial[static_cast<unsigned char>(c)]) continue;
    if (c == '_' && i > 0 && i + 1 < text.size() && is_alnum(text[i - 1]) && is_alnum(text[i + 1]))
      continue;
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
