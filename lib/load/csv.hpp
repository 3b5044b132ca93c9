#pragma once
// Load: CSV text (RFC 4180) -> rows of cells that remember where they came from.
//
// Fields are separated by commas, records by CRLF or LF; a field in double quotes may hold
// commas, line breaks and doubled quotes (`""` is one `"`). A UTF-8 byte order mark is skipped.
// Every problem is located: a quote inside an unquoted field, text after a closing quote, a
// quoted field still open at the end of the file. Pure: no I/O.

#include <string>
#include <string_view>
#include <vector>

#include "load/document.hpp"
#include "util/diagnostic.hpp"

namespace commplan {

/// One field of a CSV record: its text (quotes taken away) and where its first byte is (the
/// opening quote of a quoted field; for an empty field, where it would start).
struct CsvCell {
  std::string text;
  Mark mark;
  bool quoted = false;
};

/// One record: its fields, in order, and where it starts.
struct CsvRow {
  std::vector<CsvCell> cells;
  Mark mark;
};

/// A read CSV file: its name, its text without a byte order mark, and its records. A blank
/// line is a record of one empty field; a line break at the end of the file ends the last
/// record and starts none.
struct CsvTable {
  std::string file;
  std::string text;
  std::vector<CsvRow> rows;

  /// The source around a mark, for quoting under a message.
  Excerpt line(const Mark& mark) const;
};

/// Parses `text`; every problem goes to `diagnostics` (located in `file`). A file that is not
/// UTF-8 text, or larger than `limits.max_bytes`, gives an error and no rows; a malformed
/// field gives an error and is read as well as it can be, so later problems are found too.
CsvTable parse_csv(std::string file, std::string text, Diagnostics& diagnostics,
                   const Limits& limits = {});

}  // namespace commplan
