#pragma once
// Comma-separated values as RFC 4180 writes them, made safe to open in a spreadsheet.
//
// - A field is quoted when it holds a double quote, a comma, CR or LF; a quote inside is
//   doubled. Records end with CRLF, the last one too.
// - UTF-8, with a byte order mark first unless told not to (Excel reads a CSV without one in
//   the system's code page, which garbles Chinese).
// - Formula guard (CWE-1236, OWASP's "CSV injection" advice): a field starting with `=`, `+`,
//   `-`, `@`, a tab or CR is written with a single quote `'` before it, so a spreadsheet shows
//   it as text instead of running it. On import (`findings import --from csv`), a leading `'`
//   followed by one of those characters is removed. (A text that itself starts with `'` and one
//   of those characters therefore loses its quote on a round trip.)

#include <string>
#include <string_view>
#include <vector>

namespace commplan {

/// How a CSV document is written.
struct CsvOptions {
  bool bom = true;  ///< start with the UTF-8 byte order mark (EF BB BF)
};

/// Whether `field` would start a formula in a spreadsheet: its first character is one of
/// `=`, `+`, `-`, `@`, tab or CR.
bool starts_formula(std::string_view field);

/// `field` with the formula guard applied: `'` before a field that starts_formula().
std::string formula_guarded(std::string_view field);

/// `field` undone from formula_guarded(): a leading `'` followed by a formula character removed.
std::string_view formula_unguarded(std::string_view field);

/// One field as a CSV record holds it: formula-guarded, then quoted when it holds `"`, `,`, CR
/// or LF, with its quotes doubled.
std::string csv_field(std::string_view field);

/// Appends a record of `fields` to `out`: fields separated by commas, ended by CRLF.
void append_csv_record(std::string& out, const std::vector<std::string>& fields);

/// A whole document: the byte order mark (when `options.bom`), then one record per row.
std::string csv_document(const std::vector<std::vector<std::string>>& rows,
                         const CsvOptions& options = {});

}  // namespace commplan
