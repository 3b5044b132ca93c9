// The findings register as an .xlsx workbook. libxlsxwriter 1.1.4 writes only to a named
// file, so the workbook is written to a temporary file of our own and read back.
//
// Same view, same bytes: the document's creation time is the view's date (1980-01-01 without
// one) instead of the clock, and libxlsxwriter stamps every member of the zip container
// 1980-01-01 00:00 (packager.c), so nothing in the file depends on when it was made.

#include "output/xlsx.hpp"

#include <dlfcn.h>
#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <optional>
#include <string>

#include "output/register_table.hpp"
#include "util/dates.hpp"
#include "util/diagnostic.hpp"
#include "util/text.hpp"
#include "words/words.hpp"

namespace commplan {

namespace {

using nlohmann::json;

/// Excel's limit of a cell's text, in UTF-16 code units.
constexpr size_t kCellLimit = 32767;
/// The creation time of a view without a date: 1980-01-01T00:00:00Z, the zip members' stamp.
constexpr time_t kEpoch1980 = 315532800;

/// libxlsxwriter, loaded when the first workbook is written. Linked, it would be loaded with
/// every run of commplan, and with it libcrypto, minizip and zlib: more time than most briefs
/// take to render. The package names it in Depends all the same (cmake/install.cmake).
struct Xlsxwriter {
#define COMMPLAN_LXW_FUNCTIONS(X) \
  X(workbook_new_opt)             \
  X(lxw_workbook_free)            \
  X(workbook_add_worksheet)       \
  X(workbook_close)               \
  X(workbook_add_format)          \
  X(workbook_set_properties)      \
  X(format_set_align)             \
  X(format_set_bold)              \
  X(format_set_text_wrap)         \
  X(format_set_bg_color)          \
  X(format_set_font_color)        \
  X(format_set_num_format)        \
  X(format_set_bottom)            \
  X(format_set_top)               \
  X(worksheet_write_string)       \
  X(worksheet_write_comment)      \
  X(worksheet_write_number)       \
  X(worksheet_write_datetime)     \
  X(worksheet_set_column)         \
  X(worksheet_freeze_panes)       \
  X(worksheet_autofilter)         \
  X(lxw_strerror)
#define COMMPLAN_LXW_MEMBER(name) decltype(&::name) name = nullptr;
  COMMPLAN_LXW_FUNCTIONS(COMMPLAN_LXW_MEMBER)
#undef COMMPLAN_LXW_MEMBER
};

/// The library's functions; throws Error(io) naming the library when it cannot be loaded.
const Xlsxwriter& lxw() {
  static const Xlsxwriter api = [] {
    constexpr const char* kLibrary = COMMPLAN_XLSXWRITER_SONAME;
    auto unavailable = [&](const char* why) {
      return Error(Error::Kind::io, "",
                   fmt::format("cannot write the workbook: {} cannot be loaded ({}); install "
                               "Debian's libxlsxwriter4",
                               kLibrary, why != nullptr ? why : "unknown reason"));
    };
    void* library = ::dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);  // kept until the process ends
    if (library == nullptr) throw unavailable(::dlerror());
    Xlsxwriter loaded;
#define COMMPLAN_LXW_LOAD(name)                                                   \
  loaded.name = reinterpret_cast<decltype(loaded.name)>(::dlsym(library, #name)); \
  if (loaded.name == nullptr) throw unavailable(::dlerror());
    COMMPLAN_LXW_FUNCTIONS(COMMPLAN_LXW_LOAD)
#undef COMMPLAN_LXW_LOAD
#undef COMMPLAN_LXW_FUNCTIONS
    return loaded;
  }();
  return api;
}

[[noreturn]] void fail(std::string_view what, lxw_error error) {
  throw Error(Error::Kind::io, "",
              std::string("cannot write the workbook: ") + std::string(what) + ": " +
                  lxw().lxw_strerror(error));
}

void check(lxw_error error, std::string_view what) {
  if (error != LXW_NO_ERROR) fail(what, error);
}

// Reading the view: a missing key or a value of the wrong type reads as empty, never throws.

const json& member(const json& object, std::string_view key) {
  static const json none;
  if (!object.is_object()) return none;
  auto it = object.find(key);
  return it == object.end() ? none : *it;
}

/// The array at `key`, or an empty one.
const json& array_in(const json& object, std::string_view key) {
  static const json empty = json::array();
  const json& value = member(object, key);
  return value.is_array() ? value : empty;
}

std::string text_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return value.dump();
  return {};
}

std::string text_in(const json& object, std::string_view key) {
  return text_of(member(object, key));
}

/// The label the view gives a canonical value (`severity_label`), else the value itself.
std::string label_in(const json& object, std::string_view label, std::string_view key) {
  std::string text = text_in(object, label);
  return text.empty() ? text_in(object, key) : text;
}

/// A decimal number as std::from_chars reads one (digits, a sign in front and after the
/// exponent's e, a point; no space, no leading +, no hexadecimal), finite. Read by strtod in the
/// "C" locale, which commplan never changes: std::from_chars for a double is the one use the
/// C++ runtime makes of libm (fesetround), which the program otherwise does not load.
std::optional<double> number_in(std::string_view text) {
  constexpr size_t kLongest = 64;
  if (text.empty() || text.size() > kLongest) return std::nullopt;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool sign = (c == '-' && i == 0) ||
                ((c == '-' || c == '+') && i > 0 && (text[i - 1] == 'e' || text[i - 1] == 'E'));
    if (!sign && !(c >= '0' && c <= '9') && c != '.' && c != 'e' && c != 'E') return std::nullopt;
  }
  std::string copy(text);  // NUL-terminated
  char* end = nullptr;
  errno = 0;
  double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || errno == ERANGE || !std::isfinite(value))
    return std::nullopt;
  return value;
}

/// A `YYYY-MM-DD` text as a date Excel can hold (1900 to 9999).
std::optional<lxw_datetime> date_in(std::string_view text) {
  auto date = parse_date(text);
  if (!date || static_cast<int>(date->year()) < 1900) return std::nullopt;
  return lxw_datetime{static_cast<int>(date->year()),
                      static_cast<int>(unsigned(date->month())),
                      static_cast<int>(unsigned(date->day())),
                      0,
                      0,
                      0.0};
}

/// The document's creation time: the start of the view's date in UTC, else 1980-01-01.
time_t created_time(const json& view) {
  auto date = parse_date(text_in(view, "date"));
  if (!date) return kEpoch1980;
  auto seconds = std::chrono::sys_seconds{std::chrono::sys_days{*date}}.time_since_epoch();
  return seconds.count() > 0 ? static_cast<time_t>(seconds.count()) : kEpoch1980;
}

// Texts as cells.

/// The length of the first code point of `text` in bytes and in UTF-16 code units.
std::pair<size_t, size_t> code_point(std::string_view text) {
  auto lead = static_cast<unsigned char>(text[0]);
  size_t bytes = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  size_t continuation = 1;
  while (continuation < bytes && continuation < text.size() &&
         (static_cast<unsigned char>(text[continuation]) & 0xC0) == 0x80)
    ++continuation;
  return {continuation, bytes == 4 ? 2 : 1};
}

/// The longest start of `text` of at most `units` UTF-16 code units, never splitting a
/// character.
std::string_view prefix_within(std::string_view text, size_t units) {
  if (text.size() <= units) return text;  // a code unit takes at least one byte
  size_t at = 0;
  while (at < text.size()) {
    auto [bytes, width] = code_point(text.substr(at));
    if (width > units) break;
    units -= width;
    at += bytes;
  }
  return text.substr(0, at);
}

size_t code_points(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

/// The UTF-8 noncharacter U+FFFE or U+FFFF at `at` of `text`, else 0. XML has no place for
/// either (libxlsxwriter escapes the control characters it cannot hold, not these two).
char32_t xml_noncharacter_at(std::string_view text, size_t at) {
  if (at + 2 >= text.size() || text.compare(at, 2, "\xEF\xBF") != 0) return 0;
  if (text[at + 2] == '\xBE') return 0xFFFE;
  if (text[at + 2] == '\xBF') return 0xFFFF;
  return 0;
}

/// `text` with each literal `_xHHHH_` kept literal: Excel reads that pattern as an escaped
/// character, so its underscore is written as one (`_x005F_`), as Excel itself does; and with
/// U+FFFE and U+FFFF, which XML cannot hold, written as that pattern (`_xFFFE_`).
std::string escape_escapes(std::string_view text) {
  auto is_hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && is_hex(text[i + 2]) &&
        is_hex(text[i + 3]) && is_hex(text[i + 4]) && is_hex(text[i + 5]) && text[i + 6] == '_')
      out += "_x005F";
    if (char32_t c = xml_noncharacter_at(text, i)) {
      out += c == 0xFFFE ? "_xFFFE_" : "_xFFFF_";
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

/// What a text cell holds: `text` escaped and, past Excel's limit, cut at a character
/// boundary (`cut` says so). libxlsxwriter counts the escaped text's code points against the
/// same limit, so the cut is tightened until that fits too.
std::string cell_string(std::string_view text, bool& cut) {
  size_t budget = kCellLimit;
  for (;;) {
    std::string_view kept = prefix_within(text, budget);
    std::string out = escape_escapes(kept);
    size_t length = code_points(out);
    if (length <= kCellLimit) {
      cut = kept.size() < text.size();
      return out;
    }
    budget -= std::min(budget, length - kCellLimit);
  }
}

// The workbook.

/// A file of our own in TMPDIR (else /tmp), removed when it goes out of scope.
class TempFile {
 public:
  explicit TempFile(std::string dir) : dir_(std::move(dir)), path_(dir_ + "/commplan-XXXXXX") {
    fd_ = ::mkstemp(path_.data());
    if (fd_ < 0)
      throw Error(Error::Kind::io, dir_,
                  std::string("cannot create a temporary file: ") + std::strerror(errno));
  }
  ~TempFile() {
    ::close(fd_);
    ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  std::string& dir() { return dir_; }
  const std::string& path() const { return path_; }

  /// The file's bytes, as written since through its name.
  std::string read() const {
    std::string bytes;
    if (::lseek(fd_, 0, SEEK_SET) != 0) fail_read();
    char buffer[65536];
    for (;;) {
      ssize_t n = ::read(fd_, buffer, sizeof buffer);
      if (n == 0) return bytes;
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail_read();
      bytes.append(buffer, static_cast<size_t>(n));
    }
  }

 private:
  [[noreturn]] void fail_read() const {
    throw Error(Error::Kind::io, path_, std::string("cannot read: ") + std::strerror(errno));
  }

  std::string dir_, path_;
  int fd_ = -1;
};

std::string temp_dir() {
  const char* dir = std::getenv("TMPDIR");
  return dir != nullptr && *dir != '\0' ? dir : "/tmp";
}

/// The workbook until it is closed; freed unwritten when an error leaves before that.
class Book {
 public:
  Book(const std::string& path, std::string& tmpdir) {
    lxw_workbook_options options{};
    options.tmpdir = tmpdir.data();
    book_ = lxw().workbook_new_opt(path.c_str(), &options);
    if (book_ == nullptr) fail("cannot start", LXW_ERROR_MEMORY_MALLOC_FAILED);
  }
  ~Book() {
    if (book_ != nullptr) lxw().lxw_workbook_free(book_);
  }
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  lxw_workbook* get() const { return book_; }

  lxw_worksheet* add_sheet(std::string_view name) {
    lxw_worksheet* sheet = lxw().workbook_add_worksheet(book_, std::string(name).c_str());
    if (sheet == nullptr) fail(name, LXW_ERROR_SHEETNAME_ALREADY_USED);
    return sheet;
  }

  /// Writes the file (libxlsxwriter frees the workbook whatever happens).
  void close() {
    lxw_workbook* book = book_;
    book_ = nullptr;
    check(lxw().workbook_close(book), "cannot close");
  }

 private:
  lxw_workbook* book_ = nullptr;
};

struct Style {
  bool bold = false;
  bool wrap = false;
  lxw_color_t fill = LXW_COLOR_UNSET;
  lxw_color_t font = LXW_COLOR_UNSET;
  const char* number_format = nullptr;
};

lxw_format* add_format(Book& book, const Style& style) {
  lxw_format* format = lxw().workbook_add_format(book.get());
  if (format == nullptr) fail("cannot add a format", LXW_ERROR_MEMORY_MALLOC_FAILED);
  lxw().format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
  if (style.bold) lxw().format_set_bold(format);
  if (style.wrap) lxw().format_set_text_wrap(format);
  if (style.fill != LXW_COLOR_UNSET) lxw().format_set_bg_color(format, style.fill);
  if (style.font != LXW_COLOR_UNSET) lxw().format_set_font_color(format, style.font);
  if (style.number_format != nullptr) lxw().format_set_num_format(format, style.number_format);
  return format;
}

/// The canonical severities, most severe first, and the fill and font of each.
constexpr std::array<std::string_view, 5> kSeverities{"critical", "high", "medium", "low", "info"};
constexpr std::array<std::pair<lxw_color_t, lxw_color_t>, 5> kSeverityColours{{
    {0x8B0000, 0xFFFFFF},  // critical: dark red, white text
    {0xF4B183, 0x000000},  // high: orange
    {0xFFE699, 0x000000},  // medium: amber
    {0xBDD7EE, 0x000000},  // low: blue
    {0xE7E6E6, 0x000000},  // info: grey
}};

struct Formats {
  lxw_format *header, *text, *wrap, *date, *score, *count, *total, *total_count;
  std::array<lxw_format*, 5> severity;

  explicit Formats(Book& book)
      : header(add_format(book, {.bold = true, .wrap = true, .fill = 0xD9E1F2})),
        text(add_format(book, {})),
        wrap(add_format(book, {.wrap = true})),
        date(add_format(book, {.number_format = "yyyy-mm-dd"})),
        score(add_format(book, {.number_format = "0.0"})),
        count(add_format(book, {})),
        total(add_format(book, {.bold = true})),
        total_count(add_format(book, {.bold = true})),
        severity() {
    lxw().format_set_bottom(header, LXW_BORDER_THIN);
    lxw().format_set_top(total, LXW_BORDER_THIN);
    lxw().format_set_top(total_count, LXW_BORDER_THIN);
    for (size_t i = 0; i < severity.size(); ++i)
      severity[i] = add_format(
          book,
          {.bold = i == 0, .fill = kSeverityColours[i].first, .font = kSeverityColours[i].second});
  }

  /// The format of a canonical severity's cell; the plain text's for none or an unknown one.
  lxw_format* of_severity(std::string_view canonical) const {
    for (size_t i = 0; i < kSeverities.size(); ++i)
      if (kSeverities[i] == canonical) return severity[i];
    return text;
  }
};

/// One worksheet and the words its notes are in.
struct Sheet {
  lxw_worksheet* sheet;
  const Words& words;

  /// A text cell, always a string (never read as a formula or a number), cut with a note at
  /// Excel's limit.
  void text(lxw_row_t row, lxw_col_t col, std::string_view text, lxw_format* format) const {
    bool cut = false;
    std::string value = cell_string(text, cut);
    check(lxw().worksheet_write_string(sheet, row, col, value.c_str(), format),
          "cannot write a cell");
    if (cut)
      check(lxw().worksheet_write_comment(sheet, row, col,
                                          std::string(words.register_.truncated).c_str()),
            "cannot write a note");
  }

  void number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format) const {
    check(lxw().worksheet_write_number(sheet, row, col, value, format), "cannot write a cell");
  }

  void date(lxw_row_t row, lxw_col_t col, lxw_datetime value, lxw_format* format) const {
    check(lxw().worksheet_write_datetime(sheet, row, col, &value, format), "cannot write a cell");
  }

  void width(lxw_col_t col, double width) const {
    check(lxw().worksheet_set_column(sheet, col, col, width, nullptr), "cannot size a column");
  }
};

// The Findings sheet.

enum class Kind { text, wrap, date, score, severity };

struct Column {
  double width;
  Kind kind;
};

/// Each column of register_columns: its width (in characters) and how its cells are written.
constexpr std::array<Column, 22> kColumns{{
    {10, Kind::text},      // id
    {40, Kind::wrap},      // title
    {11, Kind::severity},  // severity
    {13, Kind::text},      // status
    {32, Kind::wrap},      // cvss
    {10, Kind::score},     // cvss_score
    {11, Kind::text},      // cwe
    {16, Kind::wrap},      // phase
    {11, Kind::date},      // found
    {11, Kind::date},      // due
    {16, Kind::wrap},      // owner
    {30, Kind::wrap},      // affected
    {20, Kind::wrap},      // standard
    {50, Kind::wrap},      // evidence
    {40, Kind::wrap},      // impact
    {50, Kind::wrap},      // recommendation
    {40, Kind::wrap},      // references
    {30, Kind::wrap},      // client_feedback
    {11, Kind::date},      // retest_date
    {13, Kind::text},      // retest_result
    {30, Kind::wrap},      // retest_note
    {20, Kind::text},      // fingerprint
}};
static_assert(kColumns.size() == register_columns.size());

void write_cell(const Sheet& sheet, const Formats& formats, lxw_row_t row, lxw_col_t col,
                const json& finding, const std::string& text) {
  if (text.empty()) return;
  switch (kColumns[col].kind) {
    case Kind::date:
      if (auto date = date_in(text)) return sheet.date(row, col, *date, formats.date);
      break;
    case Kind::score:
      if (auto score = number_in(text)) return sheet.number(row, col, *score, formats.score);
      break;
    case Kind::severity:
      return sheet.text(row, col, text, formats.of_severity(text_in(finding, "severity")));
    case Kind::wrap:
      return sheet.text(row, col, text, formats.wrap);
    case Kind::text:
      break;
  }
  sheet.text(row, col, text, formats.text);
}

void write_findings(const Sheet& sheet, const Formats& formats, const json& view) {
  const auto& headers = sheet.words.register_.columns;
  for (lxw_col_t col = 0; col < kColumns.size(); ++col) {
    sheet.text(0, col, headers[col], formats.header);
    sheet.width(col, std::max(kColumns[col].width, double(display_width(headers[col]) + 2)));
  }
  lxw_row_t row = 0;
  for (const json& finding : array_in(view, "findings")) {
    if (!finding.is_object()) continue;
    ++row;
    auto cells = register_cells(finding);
    for (lxw_col_t col = 0; col < kColumns.size(); ++col)
      write_cell(sheet, formats, row, col, finding, cells[col]);
  }
  lxw().worksheet_freeze_panes(sheet.sheet, 1, 0);
  check(lxw().worksheet_autofilter(sheet.sheet, 0, 0, row, lxw_col_t(kColumns.size() - 1)),
        "cannot add the filters");
}

// The Summary sheet.

/// A count of the view as a number cell (nothing when it is not a number); returns it.
double write_count(const Sheet& sheet, lxw_row_t row, lxw_col_t col, const json& value,
                   lxw_format* format) {
  if (!value.is_number()) return 0;
  auto count = value.get<double>();
  sheet.number(row, col, count, format);
  return count;
}

/// The counts by severity (open, closed, total) and their total row; returns the next row.
lxw_row_t write_by_severity(const Sheet& sheet, const Formats& formats, const json& summary) {
  const auto& w = sheet.words.register_;
  const std::array<std::string_view, 4> headers{w.columns[2], w.summary_open, w.summary_closed,
                                                w.total};
  for (lxw_col_t col = 0; col < headers.size(); ++col)
    sheet.text(0, col, headers[col], formats.header);
  constexpr std::array<std::string_view, 3> keys{"open", "closed", "total"};
  std::array<double, 3> sums{};
  lxw_row_t row = 1;
  for (const json& entry : array_in(summary, "by_severity")) {
    if (!entry.is_object()) continue;
    sheet.text(row, 0, label_in(entry, "label", "severity"),
               formats.of_severity(text_in(entry, "severity")));
    for (size_t i = 0; i < keys.size(); ++i)
      sums[i] += write_count(sheet, row, lxw_col_t(i + 1), member(entry, keys[i]), formats.count);
    ++row;
  }
  sheet.text(row, 0, w.total, formats.total);
  for (size_t i = 0; i < sums.size(); ++i)
    sheet.number(row, lxw_col_t(i + 1), sums[i], formats.total_count);
  return row + 2;
}

/// The counts by status and their total row, from row `top`.
void write_by_status(const Sheet& sheet, const Formats& formats, const json& summary,
                     lxw_row_t top) {
  const auto& w = sheet.words.register_;
  sheet.text(top, 0, w.columns[3], formats.header);
  sheet.text(top, 1, w.summary_count, formats.header);
  double sum = 0;
  lxw_row_t row = top + 1;
  for (const json& entry : array_in(summary, "by_status")) {
    if (!entry.is_object()) continue;
    sheet.text(row, 0, label_in(entry, "label", "status"), formats.text);
    sum += write_count(sheet, row, 1, member(entry, "count"), formats.count);
    ++row;
  }
  sheet.text(row, 0, w.total, formats.total);
  sheet.number(row, 1, sum, formats.total_count);
}

void write_summary(const Sheet& sheet, const Formats& formats, const json& view) {
  const json& summary = member(view, "summary");
  write_by_status(sheet, formats, summary, write_by_severity(sheet, formats, summary));
  sheet.width(0, 20);
  for (lxw_col_t col = 1; col < 4; ++col) sheet.width(col, 12);
}

/// The project's name as a document title: one line, no control characters, and a space for
/// U+FFFE and U+FFFF (the document's properties have no escape for them).
std::string title_of(const json& view) {
  std::string title;
  std::string name = text_in(member(view, "project"), "name");
  for (size_t i = 0; i < name.size(); ++i) {
    if (xml_noncharacter_at(name, i) != 0) {
      title += ' ';
      i += 2;
    } else {
      title += is_control(name[i]) ? ' ' : name[i];
    }
  }
  return title;
}

void write_workbook(Book& book, const json& view, Lang lang) {
  const Words& w = words(lang);
  std::string title = title_of(view);
  lxw_doc_properties properties{};
  properties.title = title.empty() ? nullptr : title.data();
  properties.created = created_time(view);
  check(lxw().workbook_set_properties(book.get(), &properties), "cannot set the properties");
  Formats formats(book);
  write_findings({book.add_sheet(w.register_.sheet_findings), w}, formats, view);
  write_summary({book.add_sheet(w.register_.sheet_summary), w}, formats, view);
}

}  // namespace

std::string register_workbook(const nlohmann::json& view, Lang lang) {
  TempFile file(temp_dir());
  {
    Book book(file.path(), file.dir());
    write_workbook(book, view, lang);
    book.close();
  }
  return file.read();
}

}  // namespace commplan
