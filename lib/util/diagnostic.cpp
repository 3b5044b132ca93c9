#include "util/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "util/text.hpp"

namespace commplan {

void Diagnostics::error(std::string file, Mark mark, std::string path, std::string message,
                        Excerpt excerpt) {
  items_.push_back({Level::error, std::move(file), mark, std::move(path), std::move(message),
                    std::move(excerpt)});
}

void Diagnostics::warning(std::string file, Mark mark, std::string path, std::string message,
                          Excerpt excerpt) {
  items_.push_back({Level::warning, std::move(file), mark, std::move(path), std::move(message),
                    std::move(excerpt)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::sort_by_place(std::string_view first_file) {
  if (items_.empty()) return;
  std::string first(first_file.empty() ? std::string_view(items_.front().file) : first_file);
  // The sort orders indices, reading the items where they are; each item then moves once.
  auto before = [&](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file) {
      if (a.file == first || b.file == first) return a.file == first;
      return a.file < b.file;
    }
    if (a.mark.line != b.mark.line) return a.mark.line < b.mark.line;
    return a.mark.column < b.mark.column;
  };
  auto in_order = [&](size_t i) { return !before(items_[i + 1], items_[i]); };
  size_t i = 0;
  while (i + 1 < items_.size() && in_order(i)) ++i;
  if (i + 1 >= items_.size()) return;
  std::vector<size_t> order(items_.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return before(items_[a], items_[b]); });
  std::vector<Diagnostic> sorted;
  sorted.reserve(items_.size());
  for (size_t k : order) sorted.push_back(std::move(items_[k]));
  items_ = std::move(sorted);
}

size_t Diagnostics::error_count() const {
  return static_cast<size_t>(std::count_if(items_.begin(), items_.end(),
                                           [](const auto& d) { return d.level == Level::error; }));
}

size_t Diagnostics::warning_count() const {
  return static_cast<size_t>(std::count_if(
      items_.begin(), items_.end(), [](const auto& d) { return d.level == Level::warning; }));
}

void Diagnostics::note(std::string file, Mark mark, std::string path, std::string message) {
  items_.push_back({Level::note, std::move(file), mark, std::move(path), std::move(message), {}});
}

void Diagnostics::error(Source source, std::string name, std::string message) {
  Diagnostic d{Level::error, std::move(name), {}, {}, std::move(message), {}};
  d.source = source;
  items_.push_back(std::move(d));
}

std::string_view level_word(Level level) {
  switch (level) {
    case Level::error:
      return "error";
    case Level::warning:
      return "warning";
    case Level::note:
      return "note";
  }
  return "error";
}

Error::Error(Kind kind, Diagnostics diagnostics)
    : std::runtime_error(diagnostics.items().empty() ? std::string("error")
                                                     : format_headline(diagnostics.items()[0])),
      kind_(kind),
      diagnostics_(std::move(diagnostics)) {}

static Diagnostics single(std::string file, std::string message) {
  Diagnostics d;
  d.error(std::move(file), {}, {}, std::move(message));
  return d;
}

Error::Error(Kind kind, std::string file, std::string message)
    : Error(kind, single(std::move(file), std::move(message))) {}

static Diagnostics single(Source source, std::string name, std::string message) {
  Diagnostics d;
  d.error(source, std::move(name), std::move(message));
  return d;
}

Error::Error(Kind kind, Source source, std::string name, std::string message)
    : Error(kind, single(source, std::move(name), std::move(message))) {}

std::string printable(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (is_control(c))
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
    else
      out += c;
  }
  return out;
}

std::string format_headline(const Diagnostic& d) {
  std::string out = d.file.empty() ? std::string("commplan") : printable(d.file);
  if (d.mark.line > 0) out += fmt::format(":{}:{}", d.mark.line, d.mark.column);
  out += fmt::format(": {}: ", level_word(d.level));
  if (!d.path.empty()) out += printable(d.path) + ": ";
  out += printable(d.message);
  return out;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = format_headline(d);
  if (d.mark.line > 0 && !d.excerpt.text.empty()) {
    // Control characters show as '?', one for one, so the caret stays under its column.
    std::string line = d.excerpt.text;
    std::replace_if(line.begin(), line.end(), is_control, '?');
    out += "\n " + line + "\n ";
    // The caret sits under the marked character, counting display columns before it.
    out += caret_padding(std::string_view(line).substr(0, std::min(line.size(), d.excerpt.caret)));
    out += "^";
  }
  return out;
}

namespace {

constexpr std::string_view kEllipsis = "…";
/// Columns shown before the caret when the line is cut on both sides.
constexpr size_t kColumnsBefore = kExcerptColumns / 2;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// A line ends at "\n", "\r\n" or a lone "\r", as advance() counts lines (load/document.hpp).
bool is_break(char c) { return c == '\n' || c == '\r'; }

/// The start of the character before byte `at` (a UTF-8 lead byte, or a lone byte).
size_t previous_character(std::string_view text, size_t at) {
  size_t begin = at - 1;
  while (begin > 0 && at - begin < 4 && is_continuation(text[begin])) --begin;
  return begin;
}

/// The end of the character at byte `at`.
size_t next_character(std::string_view text, size_t at) {
  size_t end = at + 1;
  while (end < text.size() && end - at < 4 && is_continuation(text[end])) ++end;
  return end;
}

/// Moves `begin` back over whole characters of its line while `columns` is under `limit`.
void widen_back(std::string_view text, size_t& begin, size_t& columns, size_t limit) {
  while (begin > 0 && !is_break(text[begin - 1]) && columns < limit) {
    size_t previous = previous_character(text, begin);
    columns += display_width(text.substr(previous, begin - previous));
    begin = previous;
  }
}

/// Moves `end` forward over whole characters of its line while `columns` is under `limit`.
void widen_forward(std::string_view text, size_t& end, size_t& columns, size_t limit) {
  while (end < text.size() && !is_break(text[end]) && columns < limit) {
    size_t next = next_character(text, end);
    columns += display_width(text.substr(end, next - end));
    end = next;
  }
}

/// True when the line goes on after byte `end`.
bool line_goes_on(std::string_view text, size_t end) {
  return end < text.size() && !is_break(text[end]);
}

}  // namespace

Excerpt excerpt_at(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  if (offset > 0 && offset < text.size() && text[offset] == '\n' && text[offset - 1] == '\r')
    --offset;  // a mark on a CRLF line end quotes that line
  // Out from the offset a character at a time: half the columns before it, the rest after,
  // and what the line's end leaves over before it again.
  size_t begin = offset, end = offset, columns = 0;
  widen_back(text, begin, columns, kColumnsBefore);
  widen_forward(text, end, columns, kExcerptColumns);
  widen_back(text, begin, columns, kExcerptColumns);
  bool cut_before = begin > 0 && !is_break(text[begin - 1]);
  bool cut_after = line_goes_on(text, end);
  std::string_view body = text.substr(begin, end - begin);
  Excerpt e;
  if (cut_before) e.text = kEllipsis;
  e.caret = e.text.size() + (offset - begin);
  e.text += body;
  if (cut_after) e.text += kEllipsis;
  return e;
}

static size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

namespace {

constexpr size_t kMaxSuggestedLength = 64;  // no suggestion for a longer name
constexpr size_t kMaxCandidates = 1000;     // the first ones are compared, no more
/// Cells of edit-distance tables the suggestions of this thread may still fill: a hostile file
/// with thousands of unknown names and thousands of ids gets no more suggestions, not hours.
thread_local size_t suggestion_budget = 100'000'000;

}  // namespace

std::string closest_name(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  if (word.size() > kMaxSuggestedLength) return best;
  size_t best_distance = word.size() / 3 + 2;  // beyond this a suggestion is noise
  for (size_t i = 0; i < std::min(candidates.size(), kMaxCandidates); ++i) {
    const std::string& c = candidates[i];
    size_t gap = std::max(c.size(), word.size()) - std::min(c.size(), word.size());
    if (gap >= best_distance) continue;  // the distance is at least the difference in length
    size_t cells = (word.size() + 1) * (c.size() + 1);
    if (cells > suggestion_budget) return {};
    suggestion_budget -= cells;
    size_t distance = edit_distance(word, c);
    if (distance < best_distance) {
      best_distance = distance;
      best = c;
    }
  }
  return best;
}

}  // namespace commplan
