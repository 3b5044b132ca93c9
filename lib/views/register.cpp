#include "views/register.hpp"

#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/text.hpp"
#include "views/finding_json.hpp"

namespace commplan {

namespace {

using json = nlohmann::json;

constexpr size_t kSeverityCount = std::tuple_size_v<decltype(Words::Recap::severities)>;
constexpr size_t kStatusCount = std::tuple_size_v<decltype(Words::Recap::statuses)>;

json optional_date(const std::optional<Date>& day) {
  return day ? json(format_date(*day)) : json();
}

template <typename Enum>
json optional_name(const std::optional<Enum>& value) {
  return value ? json(std::string(to_string(*value))) : json();
}

/// A finding of the register: the finding and how it stood on the page's day.
struct Row {
  const Finding* finding;
  FindingFields fields;
};

/// The findings on the register as of `day`, in the file's order: found by then (or undated),
/// good practices left out.
std::vector<Row> register_rows(const Project& project, Date day) {
  std::vector<Row> rows;
  rows.reserve(project.findings.size());
  for (const Finding& f : project.findings) {
    if (f.good_practice) continue;  // a good practice seen is not a remediation item
    if (std::optional<FindingFields> fields = finding_fields_as_of(f, day))
      rows.push_back({&f, *fields});
  }
  return rows;
}

json finding_item(const Row& row, const Phase* phase, Date day, Lang lang) {
  const Finding& f = *row.finding;
  const FindingFields& now = row.fields;
  return {{"id", f.id},
          {"title", f.title},
          {"severity", optional_name(now.severity)},
          {"severity_label", severity_label(now.severity, lang)},
          {"status", optional_name(now.status)},
          {"status_label", status_label(now.status, lang)},
          {"cvss", cvss_json(f, lang)},
          {"cwe", f.cwe()},
          {"phase", f.phase},
          {"phase_name", phase != nullptr ? phase->name : std::string()},
          {"found", optional_date(f.found)},
          {"due", optional_date(f.due)},
          {"owner", f.owner},
          {"affected", f.affected()},
          {"standard", f.standard},
          {"evidence", f.evidence},
          {"impact", f.impact},
          {"recommendation", f.recommendation},
          {"references", f.references()},
          {"client_feedback", std::string(now.client_feedback)},
          {"retest", retest_json(f, lang, day)},
          {"fingerprint", f.fingerprint()},
          {"open", is_open_status(now.status)}};
}

json findings_json(const Project& project, const std::vector<Row>& rows, Date day, Lang lang) {
  std::unordered_map<std::string_view, const Phase*> phases;
  for (const Phase& phase : project.phases) phases.emplace(phase.id, &phase);
  json list = json::array();
  for (const Row& row : rows) {
    auto phase = phases.find(row.finding->phase);
    list.push_back(finding_item(row, phase == phases.end() ? nullptr : phase->second, day, lang));
  }
  return list;
}

json severity_summary(const std::vector<Row>& rows, Lang lang) {
  std::array<std::array<int, 2>, kSeverityCount + 1> counts{};  // per severity: open, closed
  for (const Row& row : rows) {
    size_t at = row.fields.severity ? static_cast<size_t>(*row.fields.severity) : kSeverityCount;
    ++counts[at][is_open_status(row.fields.status) ? 0 : 1];
  }
  json list = json::array();
  for (size_t i = 0; i < counts.size(); ++i) {
    int total = counts[i][0] + counts[i][1];
    std::optional<Severity> severity;
    if (i < kSeverityCount)
      severity = static_cast<Severity>(i);
    else if (total == 0)
      break;
    list.push_back({{"severity", optional_name(severity)},
                    {"label", severity_label(severity, lang)},
                    {"open", counts[i][0]},
                    {"closed", counts[i][1]},
                    {"total", total}});
  }
  return list;
}

json status_summary(const std::vector<Row>& rows, Lang lang) {
  std::array<int, kStatusCount + 1> counts{};
  for (const Row& row : rows)
    ++counts[row.fields.status ? static_cast<size_t>(*row.fields.status) : kStatusCount];
  json list = json::array();
  for (size_t i = 0; i < counts.size(); ++i) {
    std::optional<Status> status;
    if (i < kStatusCount)
      status = static_cast<Status>(i);
    else if (counts[i] == 0)
      break;
    list.push_back({{"status", optional_name(status)},
                    {"label", status_label(status, lang)},
                    {"count", counts[i]}});
  }
  return list;
}

json summary_json(const std::vector<Row>& rows, Lang lang) {
  size_t open = 0;
  for (const Row& row : rows) open += is_open_status(row.fields.status) ? 1 : 0;
  return {{"by_severity", severity_summary(rows, lang)},
          {"by_status", status_summary(rows, lang)},
          {"total", rows.size()},
          {"open", open}};
}

json columns_json(Lang lang) {
  const auto& labels = words(lang).register_.columns;
  json list = json::array();
  for (size_t i = 0; i < register_columns.size(); ++i)
    list.push_back({{"key", register_columns[i]}, {"label", labels[i]}});
  return list;
}

}  // namespace

std::optional<View> build_register_view(const Project& project, const ViewOptions& common,
                                        const RegisterOptions& /*own*/,
                                        Diagnostics& /*diagnostics*/) {
  std::vector<Row> rows = register_rows(project, common.today);
  json view = view_header("register", project, common);
  view["columns"] = columns_json(common.lang);
  view["findings"] = findings_json(project, rows, common.today, common.lang);
  view["summary"] = summary_json(rows, common.lang);
  return View(std::move(view));
}

}  // namespace commplan
