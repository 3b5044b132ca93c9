// The findings register's fields: CVSS vectors scored by the loader with located problems, the
// severity they disagree with, CWE ids, due dates and re-tests.

#include <gtest/gtest.h>

#include <algorithm>

#include "model/project.hpp"
#include "test_helpers.hpp"

namespace commplan {
namespace {

const std::string kHead = testing::project_head();  // 6 lines: findings start on line 7

struct Loaded {
  std::optional<Project> project;
  std::string problems;  ///< every diagnostic headline, one a line
};

Loaded load(const std::string& findings) {
  Diagnostics d;
  Loaded out;
  out.project = load_project("p.yaml", kHead + "findings:\n" + findings, d);
  for (const auto& item : d.items()) out.problems += format_headline(item) + "\n";
  return out;
}

TEST(FindingRegister, ScoresTheVectorAndReadsEveryField) {
  Loaded l = load(
      "  - id: F-01\n"
      "    title: SQL injection\n"
      "    severity: critical\n"
      "    found: 2026-12-08\n"
      "    cvss: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n"
      "    cwe: CWE-89\n"
      "    affected: [https://shop.example/login, db01]\n"
      "    references: [https://owasp.org/Top10/A03_2021-Injection/]\n"
      "    due: 2026-12-20\n"
      "    retest: {date: 2026-12-17, result: 部分通过, note: \"login fixed, search not\"}\n"
      "    fingerprint: semgrep/abc123\n");
  ASSERT_TRUE(l.project);
  EXPECT_EQ(l.problems, "");
  const Finding& f = l.project->findings.at(0);
  ASSERT_TRUE(f.cvss_score());
  EXPECT_EQ(f.cvss_score()->score, 98);
  EXPECT_EQ(f.cvss_score()->scores.base, 98);
  EXPECT_EQ(f.cvss_score()->rating, cvss::Rating::critical);
  EXPECT_EQ(f.cwe(), "CWE-89");
  EXPECT_EQ(f.affected(), (std::vector<std::string>{"https://shop.example/login", "db01"}));
  EXPECT_EQ(f.references().size(), 1u);
  ASSERT_TRUE(f.due);
  EXPECT_EQ(format_date(*f.due), "2026-12-20");
  ASSERT_TRUE(f.retest());
  EXPECT_EQ(f.retest()->result, RetestResult::partial);
  EXPECT_EQ(f.retest()->note, "login fixed, search not");
  EXPECT_EQ(f.fingerprint(), "semgrep/abc123");
}

TEST(FindingRegister, AFindingThatGivesNoneOfItsFieldsHoldsNoDetails) {
  // Held apart, made only for a finding that gives one of them (a large assessment's findings
  // give none), and masked where they are on a client's page.
  Diagnostics d;
  std::optional<Project> project =
      load_project("p.yaml",
                   kHead +
                       "findings:\n"
                       "  - id: F-01\n"
                       "    title: Weak gate\n"
                       "  - id: F-02\n"
                       "    title: Stored XSS\n"
                       "    affected: [\"key AKIAIOSFODNN7EXAMPLE on db01\"]\n",
                   d, {}, nullptr, Audience::client);
  ASSERT_TRUE(project);
  EXPECT_FALSE(d.has_errors());
  const Finding& none = project->findings.at(0);
  EXPECT_FALSE(none.details);
  EXPECT_TRUE(none.affected().empty());
  EXPECT_TRUE(none.cwe().empty());
  EXPECT_FALSE(none.retest());
  const Finding& some = project->findings.at(1);
  ASSERT_TRUE(some.details);
  ASSERT_EQ(some.affected().size(), 1u);
  EXPECT_EQ(some.affected()[0], "key AKIA**************** on db01");
  EXPECT_TRUE(some.references().empty());
}

TEST(FindingRegister, ScoresAVersionFourVector) {
  Loaded l = load(
      "  - id: F-01\n    title: t\n    severity: high\n"
      "    cvss: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N\n");
  ASSERT_TRUE(l.project);
  const Finding& f = l.project->findings.at(0);
  ASSERT_TRUE(f.cvss_score());
  EXPECT_EQ(f.cvss_score()->score, 93);
  EXPECT_EQ(f.cvss_score()->scores.version, cvss::Version::v4_0);
  // 9.3 is critical: the high severity is warned about, naming both.
  EXPECT_EQ(l.problems,
            "p.yaml:10:15: warning: findings[0].severity: severity high disagrees with the CVSS "
            "4.0 score 9.3 (Critical); the score's rating would be critical\n");
}

TEST(FindingRegister, LocatesEachProblemOfAVectorAtItsColumn) {
  // Column 11 is where the plain scalar starts; "AV:Q" is 9 bytes in, "S" missing at the end.
  Loaded l = load(
      "  - id: F-01\n    title: t\n"
      "    cvss: CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/C:H/I:H/A:H\n");
  EXPECT_TRUE(l.project);
  EXPECT_NE(l.problems.find("p.yaml:10:"), std::string::npos) << l.problems;
  EXPECT_NE(l.problems.find("error: findings[0].cvss:"), std::string::npos) << l.problems;
  size_t lines = static_cast<size_t>(std::count(l.problems.begin(), l.problems.end(), '\n'));
  EXPECT_GE(lines, 2u) << l.problems;  // the bad AV value and the missing S
  EXPECT_NE(l.problems.find("p.yaml:10:23: error"), std::string::npos) << l.problems;
  EXPECT_FALSE(l.project->findings.at(0).cvss_score());
}

TEST(FindingRegister, LocatesProblemsInsideAQuotedVector) {
  Loaded quoted = load("  - id: F-01\n    title: t\n    cvss: \"CVSS:3.1/AV:Q/AC:L\"\n");
  Loaded plain = load("  - id: F-01\n    title: t\n    cvss: CVSS:3.1/AV:Q/AC:L\n");
  // The quote moves every place one column to the right.
  std::string q = quoted.problems.substr(0, quoted.problems.find('\n'));
  std::string p = plain.problems.substr(0, plain.problems.find('\n'));
  EXPECT_EQ(p.substr(0, p.find(": error")), "p.yaml:10:23");
  EXPECT_EQ(q.substr(0, q.find(": error")), "p.yaml:10:24");
}

TEST(FindingRegister, AgreeingSeverityAndInfoForNone) {
  EXPECT_EQ(load("  - id: F-01\n    title: t\n    severity: medium\n"
                 "    cvss: CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N\n")
                .problems,
            "");
  EXPECT_EQ(load("  - id: F-01\n    title: t\n    severity: info\n"
                 "    cvss: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N\n")
                .problems,
            "");
}

TEST(FindingRegister, TheLatestSeverityIsCompared) {
  // Lowered to medium by its history: the 4.2 vector agrees with the latest severity.
  EXPECT_EQ(load("  - id: F-01\n    title: t\n    severity: high\n    found: 2026-12-08\n"
                 "    cvss: CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N\n"
                 "    history:\n      - {date: 2026-12-09, severity: medium}\n")
                .problems,
            "");
}

TEST(FindingRegister, RejectsABadCweAndDatesBeforeTheFinding) {
  EXPECT_EQ(load("  - id: F-01\n    title: t\n    found: 2026-12-10\n    cwe: 79\n"
                 "    due: 2026-12-09\n    retest: {date: 2026-12-08, result: passed}\n")
                .problems,
            "p.yaml:11:10: error: findings[0].cwe: \"79\" is not a CWE id; write CWE- and its "
            "number, e.g. CWE-79\n"
            "p.yaml:12:10: error: findings[0].due: due on 2026-12-09, before the finding was "
            "found (2026-12-10)\n"
            "p.yaml:13:20: error: findings[0].retest.date: re-tested on 2026-12-08, before the "
            "finding was found (2026-12-10)\n");
}

TEST(FindingRegister, AFingerprintNamesOneFinding) {
  EXPECT_EQ(load("  - {id: F-01, title: a, fingerprint: scan/1}\n"
                 "  - {id: F-02, title: b, fingerprint: scan/2}\n"
                 "  - {id: F-03, title: c, fingerprint: scan/1}\n")
                .problems,
            "p.yaml:10:39: error: findings[2].fingerprint: duplicate fingerprint \"scan/1\" (first "
            "used at p.yaml:8:39): findings import could not tell the two findings apart\n");
}

TEST(FindingRegister, ARetestNeedsAKnownResult) {
  EXPECT_EQ(
      load("  - id: F-01\n    title: t\n    retest: {date: 2026-12-08, result: ok}\n").problems,
      "p.yaml:10:40: error: findings[0].retest.result: unknown value \"ok\"; expected one "
      "of passed, failed, partial\n");
  EXPECT_EQ(load("  - id: F-01\n    title: t\n    retest: {date: 2026-12-08}\n").problems,
            "p.yaml:10:13: error: findings[0].retest: missing required field \"result\"\n");
}

}  // namespace
}  // namespace commplan
