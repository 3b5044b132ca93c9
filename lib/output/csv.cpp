#include "output/csv.hpp"

namespace commplan {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kFormulaStarts = "=+-@\t\r";

bool needs_quotes(std::string_view field) {
  return field.find_first_of("\",\r\n") != std::string_view::npos;
}

}  // namespace

bool starts_formula(std::string_view field) {
  return !field.empty() && kFormulaStarts.find(field.front()) != std::string_view::npos;
}

std::string formula_guarded(std::string_view field) {
  // Appended, not `"'" + std::string(field)`: GCC 12 warns of an overlapping copy in that
  // (-Wrestrict, its bug 105329) at -O3.
  std::string guarded;
  if (starts_formula(field)) {
    guarded.reserve(field.size() + 1);
    guarded += '\'';
  }
  guarded += field;
  return guarded;
}

std::string_view formula_unguarded(std::string_view field) {
  if (field.size() >= 2 && field.front() == '\'' && starts_formula(field.substr(1)))
    field.remove_prefix(1);
  return field;
}

std::string csv_field(std::string_view field) {
  std::string text = formula_guarded(field);
  if (!needs_quotes(text)) return text;
  std::string quoted = "\"";
  quoted.reserve(text.size() + 2);
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_field(fields[i]);
  }
  out += "\r\n";
}

std::string csv_document(const std::vector<std::vector<std::string>>& rows,
                         const CsvOptions& options) {
  std::string out(options.bom ? kBom : std::string_view());
  for (const std::vector<std::string>& row : rows) append_csv_record(out, row);
  return out;
}

}  // namespace commplan
