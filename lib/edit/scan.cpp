#include "edit/scan.hpp"

#include <algorithm>

namespace commplan::edit {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_space(char c) { return is_blank(c) || c == '\r' || c == '\n'; }
bool is_quote(char c) { return c == '"' || c == '\''; }

/// `---` or `...` at the start of a line: the end of the document's content.
bool is_document_marker(std::string_view line) {
  if (!line.starts_with("---") && !line.starts_with("...")) return false;
  return line.size() == 3 || is_blank(line[3]);
}

bool is_dash(std::string_view rest) {
  return rest.starts_with('-') && (rest.size() == 1 || is_blank(rest[1]));
}

/// The end of a plain scalar starting at `at` on its line: before ` #` or the line's end, or
/// in flow style before a ',', ']' or '}' too; trailing blanks excluded.
size_t plain_end_on_line(std::string_view text, size_t at, bool flow) {
  size_t end = content_end(text, at);
  size_t i = at;
  for (; i < end; ++i) {
    char c = text[i];
    if (c == '#' && i > at && is_blank(text[i - 1])) break;
    if (flow && (c == ',' || c == ']' || c == '}')) break;
  }
  while (i > at && is_blank(text[i - 1])) --i;
  return i;
}

/// The end of a plain scalar in block style, which may go on over lines indented past its key.
size_t block_plain_end(std::string_view text, size_t at, size_t key_column) {
  size_t last = block_end(text, at, key_column + 1, BlockKind::mapping, false);
  if (last == line_break(text, at)) return plain_end_on_line(text, at, false);
  return content_end(text, last);
}

/// Where a value begins after the colon at `colon`: on the same line, or where its node starts.
size_t value_begin(std::string_view text, size_t colon, const Node& value) {
  size_t at = colon + 1;
  size_t end = content_end(text, colon);
  while (at < end && is_blank(text[at])) ++at;
  if (at < end && text[at] != '#') return at;
  return node_start(text, value);
}

}  // namespace

size_t line_start(std::string_view text, size_t at) {
  size_t found = at == 0 ? npos : text.rfind('\n', std::min(at, text.size()) - 1);
  return found == npos ? 0 : found + 1;
}

size_t line_break(std::string_view text, size_t at) {
  return std::min(text.find('\n', at), text.size());
}

size_t content_end(std::string_view text, size_t at) {
  size_t end = line_break(text, at);
  return end > line_start(text, at) && text[end - 1] == '\r' ? end - 1 : end;
}

size_t column(std::string_view text, size_t at) { return at - line_start(text, at); }

std::string_view line_indent(std::string_view text, size_t at) {
  size_t start = line_start(text, at);
  size_t end = start;
  while (end < text.size() && is_blank(text[end])) ++end;
  return text.substr(start, end - start);
}

size_t node_start(std::string_view text, const Node& node) {
  size_t at = node.mark().offset;
  if (node.is_scalar() && !node.plain() && at > 0 && is_quote(text[at - 1])) return at - 1;
  return at;
}

bool is_flow(std::string_view text, const Node& node) {
  size_t at = node_start(text, node);
  return at < text.size() && (text[at] == '[' || text[at] == '{');
}

size_t key_start(std::string_view text, const Entry& entry) {
  size_t at = entry.key_mark().offset;
  return at > 0 && is_quote(text[at - 1]) ? at - 1 : at;
}

size_t colon_of(std::string_view text, const Entry& entry) {
  size_t at = key_start(text, entry);
  if (at < text.size() && is_quote(text[at])) {
    at = quoted_end(text, at);
    while (at < text.size() && text[at] != ':') ++at;
    return at;
  }
  for (; at < text.size(); ++at) {
    if (text[at] != ':') continue;
    if (at + 1 == text.size()) break;
    char next = text[at + 1];
    if (is_space(next) || next == ',' || next == ']' || next == '}') break;
  }
  return at;
}

size_t quoted_end(std::string_view text, size_t open) {
  char quote = text[open];
  for (size_t i = open + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
  }
  return text.size();
}

size_t block_end(std::string_view text, size_t from, size_t indent, BlockKind kind, bool comments) {
  size_t last = line_break(text, from);
  bool frozen = false;
  for (size_t at = last + 1; at <= text.size() && last < text.size();) {
    size_t brk = line_break(text, at);
    std::string_view line = text.substr(at, content_end(text, at) - at);
    size_t ind = std::min(line.find_first_not_of(' '), line.size());
    std::string_view rest = line.substr(ind);
    size_t first = rest.find_first_not_of(" \t");
    if (first != npos && rest[first] == '#') {
      if (ind < indent) frozen = true;
      if (ind >= indent && comments && !frozen) last = brk;
    } else if (first != npos) {
      if (ind == 0 && is_document_marker(line)) break;
      bool belongs = kind == BlockKind::mapping ? ind >= indent
                                                : ind > indent || (ind == indent && is_dash(rest));
      if (!belongs) break;
      last = brk;
      frozen = false;
    }
    if (brk == text.size()) break;
    at = brk + 1;
  }
  return last;
}

FlowSpan scan_flow(std::string_view text, size_t open, bool json) {
  FlowSpan span;
  span.last_end = open + 1;
  int depth = 0;
  bool token_start = true;
  for (size_t i = open; i < text.size(); ++i) {
    char c = text[i];
    if (is_space(c)) continue;
    if (c == '#' && !json && i > 0 && is_space(text[i - 1])) {
      i = line_break(text, i) - 1;
    } else if (token_start && (c == '"' || (c == '\'' && !json))) {
      i = quoted_end(text, i) - 1;
      span.last_end = i + 1;
      token_start = false;
    } else if (c == '[' || c == '{') {
      ++depth;
      token_start = true;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) {
        span.close = i;
        return span;
      }
      span.last_end = i + 1;
      token_start = false;
    } else {
      if (c == ',' && depth == 1 && span.first_comma == npos) span.first_comma = i;
      span.last_end = i + 1;
      token_start = c == ',' || c == ':';
    }
  }
  return span;
}

ValueSpan value_span(std::string_view text, const Entry& entry, bool flow, bool json) {
  size_t colon = colon_of(text, entry);
  const Node& value = entry.value;
  if (value.is_null() && value.mark().line == 0) return {colon + 1, colon + 1, true};
  size_t begin = value_begin(text, colon, value);
  char c = begin < text.size() ? text[begin] : '\0';
  if (flow && (c == ',' || c == '}')) return {colon + 1, colon + 1, true};
  if (is_quote(c) && (c == '"' || !json)) return {begin, quoted_end(text, begin)};
  if (c == '[' || c == '{') return {begin, scan_flow(text, begin, json).close + 1};
  if (flow) return {begin, plain_end_on_line(text, begin, true)};
  size_t key_column = column(text, key_start(text, entry));
  if (c == '|' || c == '>') {
    size_t last = block_end(text, begin, key_column + 1, BlockKind::mapping, false);
    return {begin, content_end(text, last)};
  }
  return {begin, block_plain_end(text, begin, key_column)};
}

}  // namespace commplan::edit
