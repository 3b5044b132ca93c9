// The findings register read back from CSV (as `findings export --format csv` writes it, or a
// spreadsheet saves it).

#include <fmt/format.h>

#include <map>
#include <utility>

#include "import/fields.hpp"
#include "import/import.hpp"
#include "load/csv.hpp"
#include "util/text.hpp"
#include "words/words.hpp"

namespace commplan {

namespace {

using namespace imports;

/// A column of the file: the register's key it holds ("" for one to pass over), its header as
/// written, and where that is.
struct Column {
  std::string key;
  std::string header;
  Mark mark;
};

std::string lower(std::string_view text) {
  std::string out(trim(text));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

/// A cell's text without the quote a spreadsheet export puts before a text that would start a
/// formula (`'=1+2` → `=1+2`).
std::string_view unguarded(std::string_view text) {
  if (text.size() > 1 && text[0] == '\'' &&
      std::string_view("=+-@\t\r").find(text[1]) != std::string_view::npos)
    text.remove_prefix(1);
  return text;
}

/// Headers the register's export wrote before it named these columns as the recaps do: a
/// register exported then is read as it was.
constexpr std::pair<std::string_view, std::string_view> kEarlierHeaders[] = {
    {"风险等级", "severity"},
    {"整改负责人", "owner"},
    {"风险影响", "impact"},
    {"客户反馈", "client_feedback"}};

/// The register's key a header names (its key, or its header in any language, in any case).
std::optional<std::string> column_key(std::string_view header) {
  std::string word = lower(header);
  for (auto [earlier, key] : kEarlierHeaders)
    if (word == earlier) return std::string(key);
  for (size_t i = 0; i < register_columns.size(); ++i) {
    if (word == register_columns[i]) return std::string(register_columns[i]);
    for (Lang lang : languages())
      if (word == lower(words(lang).register_.columns[i])) return std::string(register_columns[i]);
  }
  return std::nullopt;
}

/// Every name a column may have, for suggesting the closest to an unknown one.
std::vector<std::string> column_names() {
  std::vector<std::string> names;
  for (Lang lang : languages())
    for (std::string_view header : words(lang).register_.columns) names.emplace_back(header);
  for (std::string_view key : register_columns) names.emplace_back(key);
  return names;
}

/// The columns the header row names, each problem reported at its cell.
class CsvFindingsReader {
 public:
  CsvFindingsReader(const CsvTable& table, const Project& project, Diagnostics& diagnostics)
      : table_(table), project_(project), diagnostics_(diagnostics) {
    for (const Finding& f : project.findings) {
      ids_.emplace(f.id, &f);
      if (!f.fingerprint().empty()) fingerprints_.emplace(f.fingerprint(), &f);
    }
  }

  ImportedFindings read() {
    ImportedFindings out;
    if (table_.rows.empty()) {
      diagnostics_.error(table_.file, {1, 1, 0}, {},
                         "no header row: the first line names the columns (ID, Title, Severity…)");
      return out;
    }
    if (!header(table_.rows.front())) return out;
    for (size_t i = 1; i < table_.rows.size(); ++i)
      if (auto finding = row(table_.rows[i])) out.findings.push_back(std::move(*finding));
    return out;
  }

 private:
  bool header(const CsvRow& row) {
    std::map<std::string, const Column*> seen;
    bool ok = true;
    for (const CsvCell& cell : row.cells) {
      std::string name(trim(unguarded(cell.text)));
      Column column{"", name, cell.mark};
      if (!name.empty()) {
        auto key = column_key(name);
        if (!key) {
          std::string close = closest_name(name, column_names());
          error(cell.mark, "",
                fmt::format("unknown column \"{}\"{}", name,
                            close.empty() ? "; expected the register's headers"
                                          : fmt::format("; did you mean \"{}\"?", close)));
          ok = false;
        } else if (*key != "cvss_score") {
          column.key = *key;
        }
      }
      columns_.push_back(column);
    }
    for (const Column& column : columns_) {
      if (column.key.empty()) continue;
      if (auto [it, inserted] = seen.emplace(column.key, &column); !inserted) {
        error(column.mark, column_path(column),
              fmt::format("a second column for {} (the first is \"{}\", at {}:{})", column.key,
                          it->second->header, it->second->mark.line, it->second->mark.column));
        ok = false;
      }
    }
    if (ok && !seen.contains("title") && !seen.contains("id") && !seen.contains("fingerprint")) {
      error(row.mark, "",
            "no Title column: a row needs a title, or the ID or fingerprint of a finding the "
            "project has");
      ok = false;
    }
    return ok;
  }

  std::optional<ImportedFinding> row(const CsvRow& row) {
    ImportedFinding finding;
    finding.mark = row.mark;
    std::map<std::string, const CsvCell*> given;
    bool any = false;
    for (size_t i = 0; i < row.cells.size(); ++i) {
      const CsvCell& cell = row.cells[i];
      std::string_view text = trim(unguarded(cell.text));
      if (text.empty()) continue;
      any = true;
      if (i >= columns_.size()) {
        error(cell.mark, "",
              fmt::format("a value beyond the last column (the header names {})", columns_.size()));
        continue;
      }
      const Column& column = columns_[i];
      if (column.key.empty()) continue;  // a computed column, or one without a header
      given[column.key] = &cell;
      if (column.key == "id") {
        finding.id = std::string(text);
      } else {
        std::string problem = put_field(column.key, text, project_, finding.fields);
        if (!problem.empty()) error(cell.mark, column_path(column), problem);
      }
    }
    if (!any) return std::nullopt;
    if (finding.fields.contains("fingerprint"))
      finding.fingerprint = finding.fields["fingerprint"].get<std::string>();
    check_retest(finding, given);
    check_identity(finding, given, row);
    return finding;
  }

  /// A re-test has both a date and a result.
  void check_retest(const ImportedFinding& finding,
                    const std::map<std::string, const CsvCell*>& given) {
    if (!finding.fields.contains("retest")) return;
    const auto& retest = finding.fields["retest"];
    for (auto [has, lacks, needs] : {std::tuple("retest_date", "retest_result", "result"),
                                     std::tuple("retest_result", "retest_date", "date")}) {
      auto at = given.find(has);
      if (at == given.end() || retest.contains(needs) || given.contains(lacks)) continue;
      error(at->second->mark, column_path(column_of(has)),
            fmt::format("a re-test needs a {} too ({})", needs, header_of(lacks)));
    }
  }

  /// A row names each id and fingerprint once in the file; a new finding needs a title.
  void check_identity(const ImportedFinding& finding,
                      const std::map<std::string, const CsvCell*>& given, const CsvRow& row) {
    for (auto [key, value, seen] :
         {std::tuple("id", &finding.id, &seen_ids_),
          std::tuple("fingerprint", &finding.fingerprint, &seen_fingerprints_)}) {
      if (value->empty()) continue;
      auto [it, inserted] = seen->emplace(*value, given.at(key)->mark.line);
      if (!inserted)
        error(given.at(key)->mark, column_path(column_of(key)),
              fmt::format("\"{}\" is on line {} already: one row a finding", *value, it->second));
    }
    bool exists = (!finding.id.empty() && ids_.contains(finding.id)) ||
                  (!finding.fingerprint.empty() && fingerprints_.contains(finding.fingerprint));
    if (exists || finding.fields.contains("title")) return;
    const Column* title = find_column("title");
    auto cell = title != nullptr ? index_of(*title) : columns_.size();
    Mark at = cell < row.cells.size() ? row.cells[cell].mark : row.mark;
    error(at, title != nullptr ? column_path(*title) : "",
          finding.id.empty() ? std::string("a new finding needs a title")
                             : fmt::format("no finding has the id \"{}\": a new finding needs a "
                                           "title",
                                           finding.id));
  }

  const Column* find_column(std::string_view key) const {
    for (const Column& column : columns_)
      if (column.key == key) return &column;
    return nullptr;
  }
  const Column& column_of(std::string_view key) const { return *find_column(key); }
  size_t index_of(const Column& column) const {
    return static_cast<size_t>(&column - columns_.data());
  }
  std::string header_of(std::string_view key) const {
    const Column* column = find_column(key);
    return column != nullptr ? fmt::format("column \"{}\"", column->header)
                             : fmt::format("no {} column", key);
  }
  static std::string column_path(const Column& column) {
    return fmt::format("column \"{}\"", column.header);
  }

  void error(const Mark& mark, std::string path, std::string message) {
    diagnostics_.error(table_.file, mark, std::move(path), std::move(message), table_.line(mark));
  }

  const CsvTable& table_;
  const Project& project_;
  Diagnostics& diagnostics_;
  std::vector<Column> columns_;
  std::map<std::string, const Finding*> ids_, fingerprints_;
  std::map<std::string, int> seen_ids_, seen_fingerprints_;
};

}  // namespace

ImportedFindings read_csv_findings(const std::string& file, std::string text,
                                   const Project& project, Diagnostics& diagnostics) {
  size_t errors = diagnostics.error_count();
  CsvTable table = parse_csv(file, std::move(text), diagnostics);
  if (diagnostics.error_count() > errors && table.rows.empty()) return {};
  return CsvFindingsReader(table, project, diagnostics).read();
}

}  // namespace commplan
