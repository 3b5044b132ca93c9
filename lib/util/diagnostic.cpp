#include "util/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "util/text.hpp"

namespace commplan {

void Diagnostics::error(std::string file, Mark mark, std::string path, std::string message,
                        std::string source_line) {
  items_.push_back({Level::error, std::move(file), mark, std::move(path), std::move(message),
                    std::move(source_line)});
}

void Diagnostics::warning(std::string file, Mark mark, std::string path, std::string message,
                          std::string source_line) {
  items_.push_back({Level::warning, std::move(file), mark, std::move(path), std::move(message),
                    std::move(source_line)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::sort_by_place() {
  std::vector<std::string_view> files;
  auto file_rank = [&](std::string_view f) {
    auto it = std::find(files.begin(), files.end(), f);
    if (it != files.end()) return static_cast<size_t>(it - files.begin());
    files.push_back(f);
    return files.size() - 1;
  };
  for (const auto& d : items_) file_rank(d.file);
  std::stable_sort(items_.begin(), items_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    size_t fa = file_rank(a.file), fb = file_rank(b.file);
    if (fa != fb) return fa < fb;
    if (a.mark.line != b.mark.line) return a.mark.line < b.mark.line;
    return a.mark.column < b.mark.column;
  });
}

size_t Diagnostics::error_count() const {
  return static_cast<size_t>(std::count_if(items_.begin(), items_.end(),
                                           [](const auto& d) { return d.level == Level::error; }));
}

size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

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

/// `text` with control characters (tab aside) written as escapes, so that a problem quoting
/// the input stays on one line and cannot drive the terminal.
static std::string printable(std::string_view text) {
  std::string out;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if ((byte < 0x20 && c != '\t') || byte == 0x7F)
      out += fmt::format("\\x{:02X}", byte);
    else
      out += c;
  }
  return out;
}

std::string format_headline(const Diagnostic& d) {
  std::string out = d.file.empty() ? std::string("commplan") : d.file;
  if (d.mark.line > 0) out += fmt::format(":{}:{}", d.mark.line, d.mark.column);
  out += d.level == Level::error ? ": error: " : ": warning: ";
  if (!d.path.empty()) out += printable(d.path) + ": ";
  out += printable(d.message);
  return out;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = format_headline(d);
  if (d.mark.line > 0 && !d.source_line.empty()) {
    // Control characters show as '?', one for one, so the caret stays under its column.
    std::string line = d.source_line;
    for (char& c : line)
      if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) c = '?';
    out += "\n " + line + "\n ";
    // The caret sits under the column, counting display columns of the text before it.
    std::string_view before(line);
    before = before.substr(0, std::min(before.size(), column_byte_offset(before, d.mark.column)));
    out += caret_padding(before) + "^";
  }
  return out;
}

std::string line_at(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t begin = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  size_t end = text.find('\n', begin);
  if (end == std::string_view::npos) end = text.size();
  std::string_view line = text.substr(begin, end - begin);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return std::string(line);
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
