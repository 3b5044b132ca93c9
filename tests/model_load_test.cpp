#include <gtest/gtest.h>

#include "model/project.hpp"
#include "test_helpers.hpp"

namespace commplan {
namespace {

const std::string kMinimal = testing::project_head();

/// Loads `text` and returns every diagnostic headline, one a line.
std::string problems(const std::string& text) {
  Diagnostics d;
  load_project("p.yaml", text, d);
  std::string out;
  for (const auto& item : d.items()) out += format_headline(item) + "\n";
  return out;
}

TEST(ProjectLoader, AcceptsTheMinimalProject) {
  Diagnostics d;
  auto project = load_project("p.yaml", kMinimal, d);
  ASSERT_TRUE(project);
  EXPECT_TRUE(d.items().empty());
  EXPECT_EQ(project->project.name, "Audit");
  EXPECT_EQ(format_date(project->project.end), "2026-12-18");
  EXPECT_EQ(project->workdays().size(), 5u);
}

TEST(ProjectLoader, RejectsMissingRequiredFields) {
  EXPECT_EQ(problems("commplan: 1\nproject:\n  name: A\n"),
            "p.yaml:3:3: error: project: missing required field \"client\"\n"
            "p.yaml:3:3: error: project: missing required field \"start\"\n"
            "p.yaml:3:3: error: project: missing required field \"end\"\n");
  EXPECT_EQ(problems("lang: en\n"),
            "p.yaml:1:1: error: missing required field \"commplan\"\n"
            "p.yaml:1:1: error: missing required field \"project\"\n");
}

TEST(ProjectLoader, RejectsUnknownKeyWithSuggestion) {
  EXPECT_EQ(problems(kMinimal + "expectaions: [fast]\n"),
            "p.yaml:7:1: warning: expectaions: unknown field \"expectaions\"; did you mean "
            "\"expectations\"?\n");
}

TEST(ProjectLoader, RejectsUnknownEnumValues) {
  EXPECT_EQ(problems(kMinimal + "findings:\n  - id: F1\n    title: t\n    severity: hihg\n"),
            "p.yaml:10:15: error: findings[0].severity: unknown value \"hihg\"; did you mean "
            "\"high\"?\n");
  EXPECT_EQ(problems(kMinimal + "lang: fr\n"),
            "p.yaml:7:7: error: lang: unknown value \"fr\"; expected one of en, zh\n");
}

TEST(ProjectLoader, RejectsWrongTypes) {
  EXPECT_EQ(
      problems(kMinimal + "scope: one\nteam: {name: x}\nmeetings:\n  kickoff: {duration: 1h}\n"),
      "p.yaml:7:8: error: scope: expected a list, got a text\n"
      "p.yaml:8:7: error: team: expected a list, got a mapping\n"
      "p.yaml:10:23: error: meetings.kickoff.duration: expected a whole number (0 or more), "
      "got \"1h\"\n");
}

TEST(ProjectLoader, RejectsImpossibleDatesAndTimes) {
  EXPECT_EQ(problems(kMinimal + "log:\n  - date: 2026-02-30\n  - date: 12/08/2026\n"
                                "meetings:\n  daily_recap: {time: \"24:00\"}\n"),
            "p.yaml:8:11: error: log[0].date: \"2026-02-30\" is not a real calendar date\n"
            "p.yaml:9:11: error: log[1].date: expected a date YYYY-MM-DD, got \"12/08/2026\"\n"
            "p.yaml:11:24: error: meetings.daily_recap.time: expected a time HH:MM (00:00 to "
            "23:59), got \"24:00\"\n");
}

TEST(ProjectLoader, RejectsEndBeforeStart) {
  std::string text = kMinimal;
  text.replace(text.find("2026-12-18"), 10, "2026-12-01");
  EXPECT_EQ(problems(text),
            "p.yaml:6:8: error: project.end: the engagement ends (2026-12-01) before it starts "
            "(2026-12-07)\n");
  EXPECT_EQ(problems(kMinimal + "phases:\n  - {id: a, start: 2026-12-09, end: 2026-12-08}\n"),
            "p.yaml:8:37: error: phases[0].end: phase \"a\" ends (2026-12-08) before it starts "
            "(2026-12-09)\n");
}

TEST(ProjectLoader, RejectsFindingsOfUnknownPhases) {
  EXPECT_EQ(problems(kMinimal + "phases:\n  - {id: review, start: 2026-12-07, end: 2026-12-09}\n"
                                "findings:\n  - {id: F1, title: t, phase: reviw}\n"),
            "p.yaml:10:31: error: findings[0].phase: no phase has the id \"reviw\"; did you "
            "mean \"review\"?\n");
}

TEST(ProjectLoader, RejectsDuplicateIds) {
  EXPECT_EQ(problems(kMinimal + "findings:\n  - {id: F1, title: a}\n  - {id: F1, title: b}\n"),
            "p.yaml:9:10: error: findings[1].id: duplicate finding id \"F1\" (first used at "
            "p.yaml:8:10)\n");
}

TEST(ProjectLoader, RejectsTwoLogEntriesForOneDay) {
  EXPECT_EQ(problems(kMinimal + "log:\n  - date: 2026-12-08\n  - date: 2026-12-08\n"),
            "p.yaml:9:11: error: log[1].date: a second log entry for 2026-12-08 (the first is at "
            "p.yaml:8:11)\n");
}

TEST(ProjectLoader, RejectsUnknownTimeZones) {
  std::string text = kMinimal + "  timezone: Europe/Berln\n";
  EXPECT_EQ(problems(text),
            "p.yaml:7:13: error: project.timezone: unknown time zone \"Europe/Berln\"; expected "
            "an IANA name such as Asia/Shanghai\n");
  EXPECT_EQ(problems(kMinimal + "  timezone: Europe/Berlin\n"), "");
}

TEST(ProjectLoader, RejectsUnsupportedFormatVersions) {
  std::string text = kMinimal;
  text.replace(0, 11, "commplan: 2");
  EXPECT_EQ(problems(text),
            "p.yaml:1:11: error: commplan: unsupported format version 2; this commplan reads "
            "version 1\n");
}

TEST(ProjectLoader, RejectsEmptyAndNonMappingFiles) {
  EXPECT_EQ(problems(""), "p.yaml: error: the file is empty: expected a project mapping\n");
  EXPECT_EQ(problems("# only a comment\n"),
            "p.yaml: error: the file is empty: expected a project mapping\n");
  EXPECT_EQ(problems("- a\n"),
            "p.yaml:1:1: error: expected a mapping of fields at the top level\n");
}

TEST(ProjectLoader, KeepsTextFieldsAsWritten) {
  Diagnostics d;
  auto project =
      load_project("p.yaml", kMinimal + "team:\n  - {name: NO, role: 1.10, phone: 0123}\n", d);
  ASSERT_TRUE(project);
  EXPECT_EQ(project->team[0].name, "NO");
  EXPECT_EQ(project->team[0].role, "1.10");
  EXPECT_EQ(project->team[0].phone, "0123");
}

TEST(ProjectLoader, WarnsAboutASecondContactPerson) {
  EXPECT_EQ(problems(kMinimal + "client_team:\n  - {name: A, contact: true}\n"
                                "  - {name: B, contact: true}\n"),
            "p.yaml:9:24: warning: client_team[1].contact: \"B\" is a second contact person "
            "(\"A\" is one already)\n");
}

TEST(ProjectLoader, WarnsAboutExtraWorkdaysThatAreNotRestDaysInTheEngagement) {
  // 12-12 is a Saturday (fine), 12-09 a Wednesday, 12-19 after the end, 12-13 also a holiday.
  EXPECT_EQ(problems(testing::project_head("2026-12-07", "2026-12-18",
                                           "  holidays: [2026-12-13]\n"
                                           "  extra_workdays: [2026-12-12, 2026-12-09, 2026-12-19, "
                                           "2026-12-13]\n")),
            "p.yaml:8:32: warning: project.extra_workdays[1]: extra workday 2026-12-09 is "
            "already a workday\n"
            "p.yaml:8:44: warning: project.extra_workdays[2]: extra workday 2026-12-19 is outside "
            "the engagement (2026-12-07 to 2026-12-18)\n"
            "p.yaml:8:56: warning: project.extra_workdays[3]: extra workday 2026-12-13 is also a "
            "holiday, which wins\n");
}

TEST(ProjectLoader, ReadsJsonProjects) {
  Diagnostics d;
  auto project =
      load_project("p.json",
                   R"({"commplan": 1, "project": {"name": "A", "client": "B", "start": "2026-12-07",
          "end": "2026-12-08"}, "findings": [{"id": "F1", "title": "t", "severity": "low"}]})",
                   d);
  ASSERT_TRUE(project);
  EXPECT_TRUE(d.items().empty());
  EXPECT_EQ(project->findings[0].severity, Severity::low);
}

TEST(ProjectSchema, DescribesEveryFieldOfTheModel) {
  nlohmann::json schema = project_schema();
  EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema["required"], nlohmann::json::array({"commplan", "project"}));
  auto finding = schema["properties"]["findings"]["items"];
  EXPECT_EQ(finding["properties"]["severity"]["anyOf"][0]["enum"],
            nlohmann::json::array({"critical", "high", "medium", "low", "info"}));
  EXPECT_EQ(finding["properties"].size(), 12u);
  EXPECT_FALSE(finding["additionalProperties"]);
}

}  // namespace
}  // namespace commplan
