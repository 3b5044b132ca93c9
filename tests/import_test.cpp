#include "import/import.hpp"

#include <gtest/gtest.h>

#include "import/fields.hpp"
#include "test_helpers.hpp"

namespace commplan {
namespace {

using testing::project_head;

Project load(const std::string& more) {
  Diagnostics d;
  auto project = load_project("p.yaml",
                              project_head() +
                                  "phases:\n  - {id: onsite, name: On site, start: 2026-12-07, "
                                  "end: 2026-12-18}\n" +
                                  more,
                              d);
  EXPECT_FALSE(d.has_errors());
  return project ? std::move(*project) : Project{};
}

std::vector<std::string> headlines(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& item : d.items()) out.push_back(format_headline(item));
  return out;
}

TEST(ImportFields, ReadsCweInTheStylesScannersWriteThem) {
  EXPECT_EQ(imports::cwe_of("CWE-79"), "CWE-79");
  EXPECT_EQ(imports::cwe_of("cwe-079"), "CWE-79");
  EXPECT_EQ(imports::cwe_of("external/cwe/cwe-089"), "CWE-89");
  EXPECT_EQ(imports::cwe_of("CWE-89: Improper Neutralization"), "CWE-89");
  EXPECT_EQ(imports::cwe_of("521"), "CWE-521");
  EXPECT_EQ(imports::cwe_of("security"), "");
  EXPECT_EQ(imports::cwe_of("owasp-cwe-1"), "");
}

TEST(ImportFields, TakesWordsAndLabelsOfEitherLanguage) {
  EXPECT_EQ(imports::severity_word("Critical"), Severity::critical);
  EXPECT_EQ(imports::severity_word("高"), Severity::high);
  EXPECT_EQ(imports::status_word("In progress"), Status::in_progress);
  EXPECT_EQ(imports::status_word("Won't fix"), Status::wont_fix);
  EXPECT_EQ(imports::status_word("处理中"), Status::in_progress);
  EXPECT_EQ(imports::retest_word("Partly fixed"), RetestResult::partial);
  std::string problem;
  EXPECT_FALSE(imports::severity_word("hgh", &problem));
  EXPECT_EQ(problem, "unknown value \"hgh\"; did you mean \"high\"?");
}

TEST(CsvFindings, ReadsColumnsInAnyOrderAndLanguage) {
  Project project = load("");
  Diagnostics d;
  ImportedFindings read = read_csv_findings(
      "r.csv", "风险等级,Title,affected,cvss score,ID\r\n高,Weak TLS,\"a\nb\",7.5,\r\n", project,
      d);
  ASSERT_FALSE(d.has_errors()) << headlines(d)[0];
  ASSERT_EQ(read.findings.size(), 1u);
  EXPECT_EQ(read.findings[0].fields.dump(),
            R"({"severity":"high","title":"Weak TLS","affected":["a","b"]})");
}

TEST(CsvFindings, ReportsEveryBadCellAtItsPlaceNamingItsColumn) {
  Project project = load("findings:\n  - {id: F-01, title: Old}\n");
  Diagnostics d;
  read_csv_findings("r.csv",
                    "ID,Title,Severity,Phase,Retest date\n"
                    ",A,hgh,onsit,\n"
                    "F-01,,low,,2026-12-09\n"
                    "F-01,B,,,\n",
                    project, d);
  EXPECT_EQ(headlines(d),
            (std::vector<std::string>{
                "r.csv:2:4: error: column \"Severity\": unknown value \"hgh\"; did you mean "
                "\"high\"?",
                "r.csv:2:8: error: column \"Phase\": no phase has the id \"onsit\"; did you mean "
                "\"onsite\"?",
                "r.csv:3:12: error: column \"Retest date\": a re-test needs a result too (no "
                "retest_result column)",
                "r.csv:4:1: error: column \"ID\": \"F-01\" is on line 3 already: one row a "
                "finding"}));
}

TEST(CsvFindings, NamesTheClosestColumnToAnUnknownHeader) {
  Project project = load("");
  Diagnostics d;
  read_csv_findings("r.csv", "Title,Severty\n", project, d);
  EXPECT_EQ(headlines(d), (std::vector<std::string>{"r.csv:1:7: error: unknown column "
                                                    "\"Severty\"; did you mean \"Severity\"?"}));
}

TEST(CsvFindings, PlacesTheFirstOfTwoColumnsForOneField) {
  Project project = load("");
  Diagnostics d;
  // 问题 is the Chinese header of title: a second title column, the first at line 1, column 4.
  read_csv_findings("r.csv", "ID,Title,Severity,问题\nF-1,a,low,b\n", project, d);
  EXPECT_EQ(headlines(d),
            (std::vector<std::string>{"r.csv:1:19: error: column \"问题\": a second column for "
                                      "title (the first is \"Title\", at 1:4)"}));
}

TEST(SarifFindings, ReadsOnlyADecimalScoreAsSecuritySeverity) {
  Project project = load("");
  for (const char* score : {"0x9", "1e1", "inf", "nan", "-1", "9.5x"}) {
    Diagnostics d;
    ImportedFindings read = read_sarif_findings(
        "s.sarif",
        std::string(R"({"runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "r",
            "level": "note", "message": {"text": "A"}, "properties": {"security-severity": ")") +
            score + R"("}}]}]})",
        project, d);
    ASSERT_FALSE(d.has_errors()) << score;
    ASSERT_EQ(read.findings.size(), 1u) << score;
    EXPECT_EQ(read.findings[0].fields["severity"], "low") << score;  // from the level
  }
}

TEST(SarifFindings, RatesSecuritySeverityElseTheLevel) {
  Project project = load("");
  Diagnostics d;
  ImportedFindings read =
      read_sarif_findings("s.sarif",
                          R"({"runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": "r",
          "properties": {"security-severity": "9.1", "tags": ["external/cwe/cwe-079"]}}]}},
        "results": [{"ruleId": "r", "message": {"text": "A\n\nseen"}},
                    {"ruleId": "s", "level": "error", "message": {"text": "B"}},
                    {"ruleId": "t", "message": {"text": "C"}}]}]})",
                          project, d);
  ASSERT_FALSE(d.has_errors());
  ASSERT_EQ(read.findings.size(), 3u);
  EXPECT_EQ(read.findings[0].fields.dump(),
            R"({"title":"A","evidence":"seen","severity":"critical","cwe":"CWE-79"})");
  EXPECT_EQ(read.findings[1].fields["severity"], "high");
  EXPECT_EQ(read.findings[2].fields["severity"], "medium");
  EXPECT_TRUE(read.findings[2].severity_defaulted);
}

TEST(SarifFindings, ALevelOfNullIsALevelNotGiven) {
  Project project = load("");
  Diagnostics d;
  ImportedFindings read =
      read_sarif_findings("s.sarif",
                          R"({"runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": "r",
          "defaultConfiguration": {"level": "error"}}, {"id": "s",
          "defaultConfiguration": {"level": null}}]}},
        "results": [{"ruleId": "r", "level": null, "message": {"text": "A"}},
                    {"ruleId": "s", "level": null, "message": {"text": "B"}}]}]})",
                          project, d);
  ASSERT_FALSE(d.has_errors()) << headlines(d)[0];
  ASSERT_EQ(read.findings.size(), 2u);
  EXPECT_EQ(read.findings[0].fields["severity"], "high");    // the rule's default
  EXPECT_EQ(read.findings[1].fields["severity"], "medium");  // SARIF's default, warning
  EXPECT_TRUE(read.findings[1].severity_defaulted);
}

TEST(ImportPlan, UpdatesByIdOrFingerprintAndLeavesEqualFindingsAlone) {
  Project project = load(
      "findings:\n"
      "  - {id: F-01, title: A, severity: low, status: open, affected: [x]}\n"
      "  - {id: F-02, title: B, severity: low, fingerprint: fp}\n"
      "  - {id: F-03, title: D, severity: low}\n");
  std::vector<ImportedFinding> imported(4);
  imported[0].id = "F-01";
  imported[0].fields = {{"title", "A"}, {"severity", "high"}, {"affected", {"x", "y"}}};
  imported[1].fingerprint = "fp";
  imported[1].fields = {{"title", "B"}, {"severity", "low"}};
  imported[2].fields = {{"title", "C"}};
  imported[3].id = "F-03";
  imported[3].fields = {{"severity", "info"}};
  imported[3].severity_defaulted = true;
  Diagnostics d;
  ImportPlan plan = plan_import(project, imported, "in.csv", d);
  EXPECT_FALSE(d.has_errors());
  ASSERT_EQ(plan.added.size(), 1u);
  EXPECT_EQ(plan.added[0], &imported[2]);
  EXPECT_EQ(plan.unchanged, 2u);
  ASSERT_EQ(plan.changed.size(), 1u);
  const FindingUpdate& update = plan.changed[0];
  EXPECT_EQ(update.finding->id, "F-01");
  EXPECT_EQ(update.severity, Severity::high);
  EXPECT_FALSE(update.status);
  ASSERT_EQ(update.fields.size(), 1u);
  EXPECT_EQ(update.fields[0].key, "affected");
  EXPECT_EQ(update.fields[0].after.dump(), R"(["y"])");
}

TEST(ImportPlan, ReadsABlocksLastLineBreakAsNoChange) {
  Project project = load(
      "findings:\n"
      "  - id: F-01\n"
      "    title: A\n"
      "    evidence: |\n"
      "      seen\n");
  std::vector<ImportedFinding> imported(1);
  imported[0].id = "F-01";
  imported[0].fields = {{"title", "A"}, {"evidence", "seen"}};
  Diagnostics d;
  EXPECT_EQ(plan_import(project, imported, "in.csv", d).unchanged, 1u);
}

TEST(ImportPlan, ImportsEachFindingOnce) {
  // One item names F-01 by its id, a later one by its fingerprint; another names two findings.
  // Both applied, a re-import flipped F-01's status each time and F-02 took F-01's fingerprint.
  Project project = load(
      "findings:\n"
      "  - {id: F-01, title: A, severity: low, fingerprint: fp1}\n"
      "  - {id: F-02, title: B, severity: low}\n");
  std::vector<ImportedFinding> imported(4);
  imported[0].id = "F-01";
  imported[0].mark = {2, 1, 0};
  imported[0].fields = {{"status", "resolved"}};
  imported[1].fingerprint = "fp1";
  imported[1].mark = {3, 1, 0};
  imported[1].fields = {{"status", "agreed"}};
  imported[2].id = "F-02";
  imported[2].fingerprint = "fp1";
  imported[2].mark = {4, 1, 0};
  imported[3].fields = {{"title", "C"}};
  Diagnostics d;
  ImportPlan plan = plan_import(project, imported, "in.csv", d);
  ASSERT_EQ(d.items().size(), 2u);
  EXPECT_EQ(d.items()[0].mark.line, 3);
  EXPECT_EQ(d.items()[0].message,
            "finding F-01 is imported on line 2 already (by its id there, by its fingerprint "
            "here): one a finding");
  EXPECT_EQ(d.items()[1].mark.line, 4);
  EXPECT_EQ(d.items()[1].message,
            "the id \"F-02\" names finding F-02, and the fingerprint \"fp1\" finding F-01: which "
            "is it?");
  EXPECT_EQ(plan.changed.size(), 1u);
  EXPECT_EQ(plan.added.size(), 1u);
}

TEST(CsvFindings, TakesAPhaseByNameAndTheLabelsForNone) {
  Project project = load("");
  Diagnostics d;
  ImportedFindings read = read_csv_findings(
      "r.csv", "Title,Phase,Severity,Status\nA,On Site,Unrated,未设置\n", project, d);
  ASSERT_FALSE(d.has_errors());
  ASSERT_EQ(read.findings.size(), 1u);
  EXPECT_EQ(read.findings[0].fields.dump(), R"({"title":"A","phase":"onsite"})");
}

}  // namespace
}  // namespace commplan
