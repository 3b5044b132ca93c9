#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/project.hpp"
#include "test_helpers.hpp"

namespace commplan {
namespace {

const std::string kHead = testing::project_head();  // 2026-12-07 to 2026-12-18, six lines

// Found on Tuesday, worked on Wednesday, raised to critical Thursday, fixed the next Monday.
const std::string kFinding =
    "findings:\n"                                                                  // 7
    "  - id: F1\n"                                                                 // 8
    "    title: Door open\n"                                                       // 9
    "    found: 2026-12-08\n"                                                      // 10
    "    severity: high\n"                                                         // 11
    "    history:\n"                                                               // 12
    "      - {date: 2026-12-09, status: in-progress, note: patching, by: Chen}\n"  // 13
    "      - {date: 2026-12-10, severity: critical}\n"                             // 14
    "      - date: 2026-12-14\n"                                                   // 15
    "        status: resolved\n"                                                   // 16
    "        notified: {to: CISO, via: phone}\n";                                  // 17

Date day(const char* text) { return *parse_date(text); }

/// Loads `text` and returns every diagnostic headline, one a line.
std::string problems(const std::string& text) {
  Diagnostics d;
  load_project("p.yaml", text, d);
  std::string out;
  for (const auto& item : d.items()) out += format_headline(item) + "\n";
  return out;
}

Project load(const std::string& text) {
  Diagnostics d;
  auto project = load_project("p.yaml", text, d);
  EXPECT_TRUE(project && d.items().empty()) << problems(text);
  return project ? std::move(*project) : Project{};
}

/// A finding found on 2026-12-08 with `history` (list items, indented six spaces) and `more`
/// fields.
std::string finding_with(const std::string& more, const std::string& history) {
  return kHead + "findings:\n  - id: F1\n    title: t\n    found: 2026-12-08\n" + more +
         "    history:\n" + history;
}

TEST(FindingHistory, ReadsEveryFieldWithItsPlace) {
  Project p = load(kHead + kFinding);
  const Finding& f = p.findings.at(0);
  ASSERT_EQ(f.history.size(), 3u);
  const HistoryEntry& first = f.history[0];
  EXPECT_EQ(format_date(first.date), "2026-12-09");
  EXPECT_EQ(first.status, Status::in_progress);
  EXPECT_FALSE(first.severity);
  EXPECT_EQ(first.note, "patching");
  EXPECT_EQ(first.by, "Chen");
  EXPECT_FALSE(first.notified);
  EXPECT_EQ(first.origin.path, "findings[0].history[0]");
  EXPECT_EQ(first.origin.mark_of("status").line, 13);
  EXPECT_EQ(f.history[1].severity, Severity::critical);
  const HistoryEntry& last = f.history[2];
  ASSERT_TRUE(last.notified);
  EXPECT_EQ(last.notified->to, "CISO");
  EXPECT_EQ(last.notified->via, "phone");
  EXPECT_EQ(last.notified->origin.path, "findings[0].history[2].notified");
  EXPECT_EQ(last.notified->origin.mark_of("via").line, 17);
}

TEST(FindingHistory, AcceptsTheChineseWordsOfTheTopLevelFields) {
  Project p =
      load(finding_with("", "      - {date: 2026-12-09, status: 已解决, severity: 严重}\n"));
  const HistoryEntry& entry = p.findings.at(0).history.at(0);
  EXPECT_EQ(entry.status, Status::resolved);
  EXPECT_EQ(entry.severity, Severity::critical);
}

TEST(FindingHistory, RejectsBadEntriesWhereTheyAre) {
  EXPECT_EQ(problems(finding_with("",
                                  "      - {date: 2026-12-09, stauts: resolved}\n"
                                  "      - {date: 2026-12-32, status: fixed}\n"
                                  "      - {date: 2026-12-10, severity: urgent, note: [a]}\n"
                                  "      - {status: agreed, notified: {to: CISO}}\n"
                                  "      - just text\n")),
            "p.yaml:12:28: warning: findings[0].history[0].stauts: unknown field \"stauts\"; did "
            "you mean \"status\"?\n"
            "p.yaml:13:16: error: findings[0].history[1].date: \"2026-12-32\" is not a real "
            "calendar date\n"
            "p.yaml:13:36: error: findings[0].history[1].status: unknown value \"fixed\"; "
            "expected one of open, agreed, in-progress, resolved, verified, wont-fix\n"
            "p.yaml:14:38: error: findings[0].history[2].severity: unknown value \"urgent\"; "
            "expected one of critical, high, medium, low, info\n"
            "p.yaml:14:52: error: findings[0].history[2].note: expected a text, got a list\n"
            "p.yaml:15:9: error: findings[0].history[3]: missing required field \"date\"\n"
            "p.yaml:15:36: error: findings[0].history[3].notified: missing required field "
            "\"via\"\n"
            "p.yaml:16:9: error: findings[0].history[4]: expected a mapping, got a text\n");
}

TEST(FindingHistory, RejectsEntriesOutOfDateOrderAtTheEntry) {
  EXPECT_EQ(problems(finding_with("",
                                  "      - {date: 2026-12-10, note: a}\n"
                                  "      - {date: 2026-12-10, note: same day}\n"
                                  "      - {date: 2026-12-09, note: b}\n"
                                  "      - {date: 2026-12-11, note: c}\n")),
            "p.yaml:14:16: error: findings[0].history[2].date: history entry dated 2026-12-09, "
            "before the entry above it (2026-12-10): list them oldest first\n");
}

TEST(FindingHistory, RejectsAnEntryBeforeTheFindingWasFound) {
  EXPECT_EQ(problems(finding_with("", "      - {date: 2026-12-07, status: agreed}\n")),
            "p.yaml:12:16: error: findings[0].history[0].date: history entry dated 2026-12-07, "
            "before the finding was found (2026-12-08)\n");
}

TEST(FindingHistory, RejectsATopLevelStatusOtherThanTheLastState) {
  EXPECT_EQ(problems(finding_with("    status: open\n",
                                  "      - {date: 2026-12-11, status: resolved}\n")),
            "p.yaml:11:13: error: findings[0].status: status is \"open\" but the history's last "
            "entry (2026-12-11) says \"resolved\"\n");
  EXPECT_EQ(problems(finding_with("    status: 已确认\n",
                                  "      - {date: 2026-12-09, status: resolved}\n"
                                  "      - {date: 2026-12-10, note: re-tested}\n")),
            "p.yaml:11:13: error: findings[0].status: status is \"agreed\" but the history's "
            "last change of status (2026-12-09) says \"resolved\"\n");
  EXPECT_EQ(problems(finding_with("    status: resolved\n",
                                  "      - {date: 2026-12-10, note: told the client}\n")),
            "p.yaml:11:13: error: findings[0].status: status is \"resolved\" but no history "
            "entry changes it from \"open\"\n");
}

TEST(FindingHistory, ReportsAnUnreadableStatusOnlyAsItsError) {
  EXPECT_EQ(problems(finding_with("    status: resolved\n",
                                  "      - {date: 2026-12-11, status: fixed}\n")),
            "p.yaml:13:36: error: findings[0].history[0].status: unknown value \"fixed\"; "
            "expected one of open, agreed, in-progress, resolved, verified, wont-fix\n");
}

TEST(FindingHistory, AcceptsATopLevelStatusEqualToTheLastStateOrNone) {
  load(finding_with("    status: 已解决\n", "      - {date: 2026-12-11, status: resolved}\n"));
  load(finding_with("    status: open\n", "      - {date: 2026-12-11, note: seen again}\n"));
  load(finding_with("", "      - {date: 2026-12-11, status: wont-fix}\n"));
}

TEST(FindingHistory, AFindingWithoutATopLevelStatusHasTheHistorysLast) {
  Project p = load(finding_with("", "      - {date: 2026-12-11, status: wont-fix}\n"));
  EXPECT_EQ(p.findings[0].status, Status::wont_fix);
  p = load(finding_with("", "      - {date: 2026-12-11, note: seen again}\n"));
  EXPECT_EQ(p.findings[0].status, Status::open);
}

TEST(FindingHistory, TakesTheTopLevelSeverityAsTheFirstRecordedOne) {
  // The history changes it, so the top-level severity is not the latest: no error.
  Project p = load(kHead + kFinding);
  EXPECT_EQ(p.findings[0].severity, Severity::high);
  EXPECT_EQ(finding_latest(p.findings[0]).severity, Severity::critical);
}

TEST(FindingAsOf, IsTheTopLevelFieldsWithoutHistory) {
  Project p = load(kHead +
                   "findings:\n"
                   "  - {id: F1, title: t, found: 2026-12-08, severity: low, status: resolved}\n"
                   "  - {id: F2, title: undated}\n");
  auto state = finding_as_of(p.findings[0], day("2026-12-08"));
  ASSERT_TRUE(state);
  EXPECT_EQ(state->status, Status::resolved);
  EXPECT_EQ(state->severity, Severity::low);
  EXPECT_TRUE(state->applied.empty());
  auto undated = finding_as_of(p.findings[1], day("2000-01-01"));
  ASSERT_TRUE(undated);
  EXPECT_FALSE(undated->status);
  EXPECT_FALSE(undated->severity);
}

TEST(FindingAsOf, DoesNotExistBeforeItWasFound) {
  Project p = load(kHead + kFinding);
  EXPECT_FALSE(finding_as_of(p.findings[0], day("2026-12-07")));
  EXPECT_TRUE(finding_as_of(p.findings[0], day("2026-12-08")));
}

TEST(FindingAsOf, IsOpenAsFirstRecordedUntilTheFirstEntry) {
  Project p = load(kHead + kFinding);
  auto state = finding_as_of(p.findings[0], day("2026-12-08"));
  ASSERT_TRUE(state);
  EXPECT_EQ(state->status, Status::open);
  EXPECT_EQ(state->severity, Severity::high);
  EXPECT_TRUE(state->applied.empty());
}

TEST(FindingAsOf, AppliesTheEntriesOfThatDayAndEarlierInOrder) {
  Project p = load(kHead + kFinding);
  const Finding& f = p.findings[0];
  auto wednesday = finding_as_of(f, day("2026-12-09"));
  EXPECT_EQ(wednesday->status, Status::in_progress);
  EXPECT_EQ(wednesday->severity, Severity::high);
  ASSERT_EQ(wednesday->applied.size(), 1u);
  EXPECT_EQ(wednesday->applied[0], &f.history[0]);

  auto friday = finding_as_of(f, day("2026-12-11"));  // the severity changed, the status kept
  EXPECT_EQ(friday->status, Status::in_progress);
  EXPECT_EQ(friday->severity, Severity::critical);
  EXPECT_EQ(friday->applied.size(), 2u);

  auto monday = finding_as_of(f, day("2026-12-14"));
  EXPECT_EQ(monday->status, Status::resolved);
  EXPECT_EQ(monday->severity, Severity::critical);
  ASSERT_EQ(monday->applied.size(), 3u);
  EXPECT_EQ(monday->applied.back()->notified->to, "CISO");

  auto later = finding_as_of(f, day("2027-01-01"));
  EXPECT_EQ(later->status, Status::resolved);
  EXPECT_EQ(later->applied.size(), 3u);
}

TEST(FindingAsOf, AppliesSeveralEntriesOfOneDayInTheirOrder) {
  Project p = load(finding_with("",
                                "      - {date: 2026-12-09, status: agreed, severity: low}\n"
                                "      - {date: 2026-12-09, status: in-progress}\n"
                                "      - {date: 2026-12-09, severity: medium}\n"));
  auto state = finding_as_of(p.findings[0], day("2026-12-09"));
  EXPECT_EQ(state->status, Status::in_progress);
  EXPECT_EQ(state->severity, Severity::medium);
  EXPECT_EQ(state->applied.size(), 3u);
}

TEST(FindingAsOf, IsTheLatestStateAfterTheLastEntry) {
  Project p = load(kHead + kFinding);
  FindingState latest = finding_latest(p.findings[0]);
  EXPECT_EQ(latest.status, Status::resolved);
  EXPECT_EQ(latest.applied.size(), 3u);
}

const std::string kLogHead = kHead + "log:\n  - date: 2026-12-08\n    questions:\n";  // 7 to 9

TEST(FindingHistory, AFirstEntryOnTheFoundDaySettingOnlyTheStatusStatesIt) {
  const Date start = day("2026-12-07");
  Project p = load(finding_with("",
                                "      - {date: 2026-12-08, status: agreed}\n"
                                "      - {date: 2026-12-09, status: resolved}\n"));
  const Finding& f = p.findings.at(0);
  EXPECT_TRUE(states_found_status(f, f.history[0], start));
  EXPECT_FALSE(states_found_status(f, f.history[1], start));  // a change: not the first
  // A first entry after the found day, or with anything besides the status, is a change.
  for (const char* entry :
       {"{date: 2026-12-09, status: agreed}", "{date: 2026-12-08, status: agreed, note: n}",
        "{date: 2026-12-08, status: agreed, severity: low}",
        "{date: 2026-12-08, status: agreed, by: Chen}", "{date: 2026-12-08, note: n}"}) {
    Project q = load(finding_with("", std::string("      - ") + entry + "\n"));
    const Finding& g = q.findings.at(0);
    EXPECT_FALSE(states_found_status(g, g.history[0], start)) << entry;
  }
  // Without `found`, the engagement's first day is the day it was found.
  Project r = load(kHead +
                   "findings:\n  - id: F1\n    title: t\n    history:\n"
                   "      - {date: 2026-12-07, status: agreed}\n");
  const Finding& g = r.findings.at(0);
  EXPECT_TRUE(states_found_status(g, g.history[0], start));
  EXPECT_FALSE(states_found_status(g, g.history[0], Date{}));
}

TEST(LogQuestions, ReadsTextsAndMappings) {
  Project p = load(kLogHead +
                   "      - Who holds the keys?\n"
                   "      - {question: Is the UPS tested?, answer: not known yet, "
                   "answer_by: 2026-12-10}\n"
                   "      - question: Which racks are live?\n");
  const auto& questions = p.log.at(0).questions;
  ASSERT_EQ(questions.size(), 3u);
  EXPECT_EQ(questions[0].text, "Who holds the keys?");
  EXPECT_TRUE(questions[0].answer.empty());
  EXPECT_FALSE(questions[0].answer_by);
  EXPECT_EQ(questions[0].origin.path, "log[0].questions[0]");
  EXPECT_EQ(questions[0].origin.mark_of().line, 10);
  EXPECT_EQ(questions[1].text, "Is the UPS tested?");
  EXPECT_EQ(questions[1].answer, "not known yet");
  EXPECT_EQ(questions[1].answer_by, day("2026-12-10"));
  EXPECT_EQ(questions[1].origin.mark_of("answer_by").line, 11);
  EXPECT_EQ(questions[2].text, "Which racks are live?");
  EXPECT_EQ(question_texts(questions),
            (std::vector<std::string>{"Who holds the keys?", "Is the UPS tested?",
                                      "Which racks are live?"}));
}

TEST(LogQuestions, RejectsBadMappingsWhereTheyAre) {
  EXPECT_EQ(problems(kLogHead + "      - {question: Keys?, answer_by: next week}\n"
                                "      - {answer: yes}\n"
                                "      - {question: UPS?, anwser: no}\n"
                                "      - [a, b]\n"),
            "p.yaml:10:38: error: log[0].questions[0].answer_by: expected a date YYYY-MM-DD, "
            "got \"next week\"\n"
            "p.yaml:11:9: error: log[0].questions[1]: missing required field \"question\"\n"
            "p.yaml:12:26: warning: log[0].questions[2].anwser: unknown field \"anwser\"; did "
            "you mean \"answer\"?\n"
            "p.yaml:13:9: error: log[0].questions[3]: expected a text or a mapping, got a "
            "list\n");
}

TEST(HistorySchema, DescribesHistoryAndQuestionMappings) {
  nlohmann::json schema = project_schema();
  auto finding = schema["properties"]["findings"]["items"];
  auto entry = finding["properties"]["history"]["items"];
  EXPECT_EQ(entry["required"], nlohmann::json::array({"date"}));
  EXPECT_EQ(entry["properties"]["status"]["anyOf"][0]["enum"][3], "resolved");
  EXPECT_EQ(entry["properties"]["notified"]["type"], nlohmann::json::array({"object", "null"}));
  EXPECT_EQ(entry["properties"]["notified"]["required"], nlohmann::json::array({"to", "via"}));
  EXPECT_FALSE(entry["additionalProperties"]);
  auto question = schema["properties"]["log"]["items"]["properties"]["questions"]["items"];
  ASSERT_EQ(question["anyOf"].size(), 3u);
  EXPECT_EQ(question["anyOf"][0]["type"], nlohmann::json::array({"string", "number", "boolean"}));
  EXPECT_EQ(question["anyOf"][1]["required"], nlohmann::json::array({"text"}));
  EXPECT_EQ(question["anyOf"][1]["properties"]["internal"]["type"],
            nlohmann::json::array({"boolean", "null"}));
  EXPECT_EQ(question["anyOf"][2]["required"], nlohmann::json::array({"question"}));
  EXPECT_EQ(question["anyOf"][2]["properties"]["answer_by"]["format"], "date");
}

TEST(FindingHistory, ATestProjectWithHistoryValidatesAndItsRecapShowsQuestionTexts) {
  std::string file = testing::source_path("tests/projects/findings-history.yaml");
  auto validate = testing::run_cli({"validate", file});
  EXPECT_EQ(validate.code, 0) << validate.err;
  EXPECT_EQ(validate.err.find("error"), std::string::npos) << validate.err;
  auto recap = testing::run_cli(
      {"recap", file, "--level", "daily", "--date", "2027-03-03", "--format", "json"});
  ASSERT_EQ(recap.code, 0) << recap.err;
  auto view = nlohmann::json::parse(recap.out);
  // The plain text is a question for the client; the mapping one the client asked us, owed.
  EXPECT_EQ(view["log"]["questions"],
            nlohmann::json::parse(
                R"([{"text": "Who signs off firewall changes?", "by": "", "attributed": false}])"));
  EXPECT_EQ(view["client_questions"]["owed"],
            nlohmann::json::parse(R"([{"question": "Is the guest VLAN ever bridged to the core?",
                                       "asked": "2027-03-03", "by": "", "answer_by": "2027-03-05",
                                       "overdue": false}])"));
}

}  // namespace
}  // namespace commplan
