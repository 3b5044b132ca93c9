#include "load/csv.hpp"

#include <fmt/format.h>

#include "util/text.hpp"

namespace commplan {

namespace {

/// Reads the fields of a CSV text one byte at a time, keeping the line and character column.
class CsvScanner {
 public:
  CsvScanner(const CsvTable& table, Diagnostics& diagnostics)
      : table_(table), text_(table.text), diagnostics_(diagnostics) {}

  std::vector<CsvRow> rows() {
    std::vector<CsvRow> rows;
    while (!at_end()) rows.push_back(row());
    return rows;
  }

 private:
  CsvRow row() {
    CsvRow row;
    row.mark = mark();
    for (;;) {
      row.cells.push_back(field());
      if (at_end()) break;
      if (peek() == ',') {
        advance();
        continue;
      }
      if (peek() == '\r') advance();
      advance();  // the '\n' ending the record
      break;
    }
    return row;
  }

  CsvCell field() {
    CsvCell cell;
    cell.mark = mark();
    if (peek() == '"') {
      cell.quoted = true;
      quoted(cell);
    } else {
      unquoted(cell, false);
    }
    return cell;
  }

  void quoted(CsvCell& cell) {
    advance();  // the opening quote
    for (;;) {
      if (at_end()) {
        error(cell.mark, "quoted field never closed: no \" ends it before the end of the file");
        return;
      }
      if (peek() == '"') {
        advance();
        if (at_end() || peek() != '"') break;
      }
      cell.text += peek();
      advance();
    }
    if (!at_field_end()) {
      error(mark(),
            "text after the closing quote of a field (a quote inside a quoted field is "
            "written twice: \"\")");
      unquoted(cell, true);
    }
  }

  void unquoted(CsvCell& cell, bool reported) {
    while (!at_field_end()) {
      if (peek() == '"' && !reported) {
        error(mark(),
              "a quote inside an unquoted field: put the whole field in quotes and write the "
              "quote twice (\"\")");
        reported = true;
      }
      cell.text += peek();
      advance();
    }
  }

  bool at_end() const { return pos_ >= text_.size(); }
  char peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool at_field_end() const {
    return at_end() || peek() == ',' || peek() == '\n' || (peek() == '\r' && peek(1) == '\n');
  }
  Mark mark() const { return {line_, column_, pos_}; }

  void advance() {
    char c = text_[pos_++];
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;
    }
  }

  void error(const Mark& at, std::string message) {
    diagnostics_.error(table_.file, at, {}, std::move(message), table_.line(at));
  }

  const CsvTable& table_;
  std::string_view text_;
  Diagnostics& diagnostics_;
  size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

/// The place of byte `offset` of `text`, counting lines and characters.
Mark mark_at_offset(std::string_view text, size_t offset) {
  Mark mark{1, 1, offset};
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++mark.line;
      mark.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++mark.column;
    }
  }
  return mark;
}

}  // namespace

Excerpt CsvTable::line(const Mark& mark) const { return excerpt_at(text, mark.offset); }

CsvTable parse_csv(std::string file, std::string text, Diagnostics& diagnostics,
                   const Limits& limits) {
  CsvTable table{std::move(file), std::move(text), {}};
  if (table.text.size() > limits.max_bytes) {
    table.text.clear();
    diagnostics.error(
        table.file, {}, {},
        fmt::format("file is larger than {} MiB (the limit)", limits.max_bytes >> 20));
    return table;
  }
  drop_bom(table.text);
  size_t nul = table.text.find('\0');
  size_t invalid = invalid_utf8_offset(table.text);
  if (nul != std::string::npos || invalid != std::string::npos) {
    bool binary = nul != std::string::npos && (invalid == std::string::npos || nul <= invalid);
    size_t at = binary ? nul : invalid;
    Mark mark = mark_at_offset(table.text, at);
    diagnostics.error(table.file, mark, {},
                      binary ? std::string("binary data (a NUL byte): not a text file")
                             : fmt::format("invalid UTF-8 (byte 0x{:02X}): the file must be UTF-8",
                                           static_cast<unsigned char>(table.text[at])));
    return table;
  }
  table.rows = CsvScanner(table, diagnostics).rows();
  return table;
}

}  // namespace commplan
