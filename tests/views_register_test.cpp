#include <gtest/gtest.h>

#include "output/register_table.hpp"
#include "test_helpers.hpp"
#include "views/register.hpp"

namespace commplan {
namespace {

using nlohmann::json;

const std::string kProject =
    testing::project_head() +
    "phases:\n"
    "  - {id: a, name: Phase A, start: 2026-12-07, end: 2026-12-18}\n"
    "findings:\n"
    "  - id: F-1\n"
    "    title: Weak TLS\n"
    "    found: 2026-12-08\n"
    "    phase: a\n"
    "    severity: critical\n"
    "    status: in-progress\n"
    "    cvss: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n"
    "    cwe: CWE-326\n"
    "    affected: [https://portal.example/login, db01]\n"
    "    references: [https://owasp.org/tls, https://cwe.mitre.org/326]\n"
    "    due: 2026-12-20\n"
    "    retest: {date: 2026-12-17, result: failed, note: Still TLS 1.0}\n"
    "    fingerprint: abc123\n"
    "    history:\n"
    "      - {date: 2026-12-10, status: in-progress, feedback: Fixing it}\n"
    "  - {id: F-2, title: Later, found: 2026-12-15, severity: low, status: open}\n"
    "  - {id: F-3, title: Undated, status: resolved}\n"
    "  - {id: F-4, title: Good, found: 2026-12-08, severity: info, good_practice: true}\n"
    "  - {id: F-5, title: Secret, found: 2026-12-08, severity: high, status: wont-fix, "
    "internal: true}\n";

Project parse(const std::string& text, Audience audience = Audience::team) {
  Diagnostics d;
  auto project = load_project("p.yaml", text, d, {}, nullptr, audience);
  EXPECT_TRUE(project && !d.has_errors()) << (d.items().empty() ? "" : d.items()[0].message);
  return std::move(*project);
}

json register_view(const std::string& text, const char* day, Lang lang = Lang::en,
                   Audience audience = Audience::team) {
  Project project = parse(text, audience);
  Diagnostics d;
  auto view = build_register_view(project, {lang, *parse_date(day), audience}, {}, d);
  EXPECT_TRUE(view.has_value());
  return view ? view->whole() : json();
}

std::vector<std::string> ids(const json& view) {
  std::vector<std::string> out;
  for (const json& f : view["findings"]) out.push_back(f["id"]);
  return out;
}

using Ids = std::vector<std::string>;

TEST(RegisterView, HasTheViewHeaderAndColumns) {
  json view = register_view(kProject, "2026-12-18");
  EXPECT_EQ(view["kind"], "commplan/register");
  EXPECT_EQ(view["version"], 1);
  EXPECT_EQ(view["date"], "2026-12-18");
  EXPECT_EQ(view["project"]["name"], "Audit");
  ASSERT_EQ(view["columns"].size(), 22u);
  EXPECT_EQ(view["columns"][4], (json{{"key", "cvss"}, {"label", "CVSS vector"}}));
}

TEST(RegisterView, ListsFindingsInFileOrderLeavingOutGoodPractices) {
  EXPECT_EQ(ids(register_view(kProject, "2026-12-18")), (Ids{"F-1", "F-2", "F-3", "F-5"}));
}

TEST(RegisterView, LeavesOutFindingsFoundAfterTheDayButKeepsUndatedOnes) {
  EXPECT_EQ(ids(register_view(kProject, "2026-12-09")), (Ids{"F-1", "F-3", "F-5"}));
}

TEST(RegisterView, StatusAndFeedbackAreThoseOfTheDay) {
  json before = register_view(kProject, "2026-12-09")["findings"][0];
  EXPECT_EQ(before["status"], "open");
  EXPECT_EQ(before["client_feedback"], "");
  json after = register_view(kProject, "2026-12-10")["findings"][0];
  EXPECT_EQ(after["status"], "in-progress");
  EXPECT_EQ(after["status_label"], "In progress");
  EXPECT_EQ(after["client_feedback"], "Fixing it");
  EXPECT_EQ(after["open"], true);
}

TEST(RegisterView, HidesARetestDatedAfterTheDay) {
  EXPECT_TRUE(register_view(kProject, "2026-12-16")["findings"][0]["retest"].is_null());
  EXPECT_EQ(register_view(kProject, "2026-12-17")["findings"][0]["retest"]["result"], "failed");
}

TEST(RegisterView, ClientAudienceHasNoInternalFinding) {
  json view = register_view(kProject, "2026-12-18", Lang::en, Audience::client);
  EXPECT_EQ(ids(view), (Ids{"F-1", "F-2", "F-3"}));
  EXPECT_EQ(view["audience"]["name"], "client");
}

TEST(RegisterView, WritesEveryFieldOfAFinding) {
  json f = register_view(kProject, "2026-12-18")["findings"][0];
  EXPECT_EQ(f["severity"], "critical");
  EXPECT_EQ(f["severity_label"], "Critical");
  EXPECT_EQ(f["cvss"]["score"], "9.8");
  EXPECT_EQ(f["cvss"]["base"], "9.8");
  EXPECT_EQ(f["cvss"]["version"], "3.1");
  EXPECT_EQ(f["cvss"]["rating"], "critical");
  EXPECT_EQ(f["cvss"]["vector"], "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  EXPECT_EQ(f["cwe"], "CWE-326");
  EXPECT_EQ(f["phase"], "a");
  EXPECT_EQ(f["phase_name"], "Phase A");
  EXPECT_EQ(f["found"], "2026-12-08");
  EXPECT_EQ(f["due"], "2026-12-20");
  EXPECT_EQ(f["affected"], (json{"https://portal.example/login", "db01"}));
  EXPECT_EQ(f["references"].size(), 2u);
  EXPECT_EQ(f["retest"], (json{{"date", "2026-12-17"},
                               {"result", "failed"},
                               {"result_label", "Failed"},
                               {"note", "Still TLS 1.0"}}));
  EXPECT_EQ(f["fingerprint"], "abc123");
  json undated = register_view(kProject, "2026-12-18")["findings"][2];
  EXPECT_TRUE(undated["found"].is_null());
  EXPECT_TRUE(undated["severity"].is_null());
  EXPECT_TRUE(undated["cvss"].is_null());
  EXPECT_TRUE(undated["retest"].is_null());
  EXPECT_EQ(undated["open"], false);
}

TEST(RegisterView, SummaryCountsBySeverityAndStatus) {
  json summary = register_view(kProject, "2026-12-18")["summary"];
  EXPECT_EQ(summary["total"], 4);
  EXPECT_EQ(summary["open"], 2);
  const json& by_severity = summary["by_severity"];
  ASSERT_EQ(by_severity.size(), 6u);  // critical..info, then unrated (F-3)
  EXPECT_EQ(by_severity[0], (json{{"severity", "critical"},
                                  {"label", "Critical"},
                                  {"open", 1},
                                  {"closed", 0},
                                  {"total", 1}}));
  EXPECT_EQ(by_severity[1]["closed"], 1);  // F-5, won't fix
  EXPECT_TRUE(by_severity[5]["severity"].is_null());
  EXPECT_EQ(by_severity[5]["label"], "Unrated");
  const json& by_status = summary["by_status"];
  ASSERT_EQ(by_status.size(), 6u);  // every status; none is unset
  EXPECT_EQ(by_status[0], (json{{"status", "open"}, {"label", "Open"}, {"count", 1}}));
  EXPECT_EQ(by_status[2]["count"], 1);  // in-progress
}

TEST(RegisterView, CellsFollowTheColumnsInThePagesLanguage) {
  json f = register_view(kProject, "2026-12-18", Lang::zh)["findings"][0];
  auto cells = register_cells(f);
  EXPECT_EQ(cells[0], "F-1");
  EXPECT_EQ(cells[2], "严重");
  EXPECT_EQ(cells[5], "9.8");
  EXPECT_EQ(cells[7], "Phase A");  // the phase's name
  EXPECT_EQ(cells[8], "2026-12-08");
  EXPECT_EQ(cells[11], "https://portal.example/login\ndb01");
  EXPECT_EQ(cells[18], "2026-12-17");
  EXPECT_EQ(cells[20], "Still TLS 1.0");
  EXPECT_EQ(cells[21], "abc123");
  auto undated = register_cells(register_view(kProject, "2026-12-18")["findings"][2]);
  EXPECT_EQ(undated[2], "Unrated");
  EXPECT_EQ(undated[7], "");  // no phase
  EXPECT_EQ(undated[4], "");
  EXPECT_EQ(undated[8], "");
}

TEST(RegisterView, TableHasAHeaderRowThenOneRowPerFinding) {
  auto table = register_table(register_view(kProject, "2026-12-18", Lang::zh));
  ASSERT_EQ(table.size(), 5u);
  EXPECT_EQ(table[0][0], std::string(words(Lang::zh).register_.columns[0]));
  EXPECT_EQ(table[0].size(), 22u);
}

}  // namespace
}  // namespace commplan
