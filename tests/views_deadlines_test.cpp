#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "model/project.hpp"
#include "test_helpers.hpp"
#include "views/deadlines.hpp"

namespace commplan {
namespace {

namespace fs = std::filesystem;

// The engagement runs Monday 2026-12-07 to Friday 2026-12-18.
const std::string kHead = testing::project_head();

Date day(const char* text) { return *parse_date(text); }

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
  EXPECT_TRUE(project && !d.has_errors()) << problems(text);
  return project ? std::move(*project) : Project{};
}

/// The deadline of finding `id` as of `on`, or nullptr when it has none.
std::optional<NoticeDeadline> deadline(const Project& p, const std::string& id, const char* on) {
  for (const NoticeDeadline& d : notification_deadlines(p, day(on)))
    if (d.finding->id == id) return d;
  return std::nullopt;
}

const std::string kTwoLevels =
    "escalation:\n"
    "  - {level: 1, who: Wang Jing, within: 4}\n"
    "  - {level: 2, who: the sponsor, within: 48}\n";

TEST(NoticeDeadline, CountsHoursInWholeDaysRoundedDown) {
  Date since = day("2026-12-08");
  EXPECT_EQ(notice_deadline(since, 0), since);
  EXPECT_EQ(notice_deadline(since, 4), since);
  EXPECT_EQ(notice_deadline(since, 23), since);
  EXPECT_EQ(notice_deadline(since, 24), day("2026-12-09"));
  EXPECT_EQ(notice_deadline(since, 47), day("2026-12-09"));
  EXPECT_EQ(notice_deadline(since, 48), day("2026-12-10"));
  EXPECT_EQ(notice_deadline(day("9999-12-01"), 24 * 60), day("9999-12-31"));  // the last day
}

TEST(NoticeDeadline, ByDefaultTheFirstLevelIsForCriticalAndHigh) {
  Project p = load(kHead + kTwoLevels +
                   "findings:\n"
                   "  - {id: C, title: t, found: 2026-12-08, severity: critical}\n"
                   "  - {id: H, title: t, found: 2026-12-08, severity: high}\n"
                   "  - {id: M, title: t, found: 2026-12-08, severity: medium}\n"
                   "  - {id: U, title: t, found: 2026-12-08}\n");
  EXPECT_EQ(escalation_level_of(p, Severity::critical), 0u);
  EXPECT_EQ(escalation_level_of(p, Severity::high), 0u);
  EXPECT_FALSE(escalation_level_of(p, Severity::medium));
  auto list = notification_deadlines(p, day("2026-12-08"));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].finding->id, "C");
  EXPECT_EQ(list[1].finding->id, "H");
  EXPECT_EQ(list[1].level, 0u);
  EXPECT_EQ(list[1].since, day("2026-12-08"));
  EXPECT_EQ(list[1].deadline, day("2026-12-08"));  // within 4 h: the same day
  EXPECT_EQ(list[1].state, NoticeState::due);
  EXPECT_EQ(deadline(p, "H", "2026-12-09")->state, NoticeState::overdue);
  EXPECT_TRUE(notification_deadlines(p, day("2026-12-07")).empty());  // not found yet
}

TEST(NoticeDeadline, ExplicitSeveritiesPickTheFirstLevelListingThem) {
  Project p = load(kHead +
                   "escalation:\n"
                   "  - {level: 1, who: Wang Jing, within: 2, severities: [严重]}\n"
                   "  - {level: 2, who: the sponsor, within: 48, severities: [高危, medium, "
                   "critical]}\n"
                   "findings:\n"
                   "  - {id: C, title: t, found: 2026-12-08, severity: critical}\n"
                   "  - {id: H, title: t, found: 2026-12-08, severity: high}\n"
                   "  - {id: M, title: t, found: 2026-12-08, severity: medium}\n"
                   "  - {id: L, title: t, found: 2026-12-08, severity: low}\n");
  EXPECT_EQ(p.escalation[0].severities, std::vector{Severity::critical});
  EXPECT_EQ(escalation_level_of(p, Severity::critical), 0u);  // level 1 lists it first
  EXPECT_EQ(escalation_level_of(p, Severity::high), 1u);
  EXPECT_FALSE(escalation_level_of(p, Severity::low));
  EXPECT_EQ(deadline(p, "C", "2026-12-08")->deadline, day("2026-12-08"));
  EXPECT_EQ(deadline(p, "H", "2026-12-08")->deadline, day("2026-12-10"));
  EXPECT_EQ(deadline(p, "M", "2026-12-10")->state, NoticeState::due);
  EXPECT_EQ(deadline(p, "M", "2026-12-11")->state, NoticeState::overdue);
  EXPECT_FALSE(deadline(p, "L", "2026-12-18"));
}

TEST(NoticeDeadline, ALevelWithoutWithinSetsNoDeadline) {
  Project p = load(kHead +
                   "escalation:\n"
                   "  - {level: 1, who: Wang Jing}\n"
                   "  - {level: 2, who: the sponsor, within: 4}\n"
                   "findings:\n"
                   "  - {id: H, title: t, found: 2026-12-08, severity: high}\n");
  EXPECT_TRUE(notification_deadlines(p, day("2026-12-18")).empty());
  Project none = load(kHead +
                      "findings:\n  - {id: H, title: t, found: 2026-12-08, severity: "
                      "critical}\n");
  EXPECT_TRUE(notification_deadlines(none, day("2026-12-18")).empty());  // no escalation path
}

TEST(NoticeDeadline, ARaisedSeverityStartsTheClockOnTheDayOfTheRaise) {
  Project p = load(kHead + kTwoLevels +
                   "findings:\n"
                   "  - id: F\n"
                   "    title: t\n"
                   "    found: 2026-12-08\n"
                   "    severity: medium\n"
                   "    history:\n"
                   "      - {date: 2026-12-09, notified: {to: Wang Jing, via: chat}}\n"
                   "      - {date: 2026-12-10, severity: high}\n"
                   "log:\n"
                   "  - date: 2026-12-11\n"
                   "    notified: [{finding: F, to: Wang Jing, via: phone}]\n");
  EXPECT_FALSE(deadline(p, "F", "2026-12-09"));  // medium then: no deadline
  auto raised = deadline(p, "F", "2026-12-10");
  ASSERT_TRUE(raised);
  EXPECT_EQ(raised->since, day("2026-12-10"));
  ASSERT_NE(raised->raised_by, nullptr);
  EXPECT_EQ(raised->raised_by->severity, Severity::high);
  EXPECT_EQ(raised->state, NoticeState::due);  // the notice of the 9th was of a medium finding
  auto later = deadline(p, "F", "2026-12-11");
  EXPECT_EQ(later->state, NoticeState::late);
  EXPECT_EQ(later->notified, day("2026-12-11"));
  EXPECT_EQ(later->notification->via, "phone");
}

TEST(NoticeDeadline, ALoweredSeverityDoesNotLiftADeadlineRunning) {
  Project p = load(kHead + kTwoLevels +
                   "findings:\n"
                   "  - id: F\n"
                   "    title: t\n"
                   "    found: 2026-12-08\n"
                   "    severity: critical\n"
                   "    history:\n"
                   "      - {date: 2026-12-09, severity: low}\n");
  auto d = deadline(p, "F", "2026-12-10");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->severity, Severity::low);
  EXPECT_EQ(d->reached, Severity::critical);
  EXPECT_EQ(d->state, NoticeState::overdue);
}

TEST(NoticeDeadline, NotifiedInTheLogInTimeLateOrNever) {
  Project p = load(kHead + kTwoLevels +
                   "findings:\n"
                   "  - {id: A, title: t, found: 2026-12-08, severity: high}\n"
                   "  - {id: B, title: t, found: 2026-12-08, severity: high}\n"
                   "  - {id: C, title: t, found: 2026-12-08, severity: high}\n"
                   "log:\n"
                   "  - date: 2026-12-10\n"
                   "    notified: [{finding: B, to: Wang Jing, via: e-mail}]\n"
                   "  - date: 2026-12-08\n"
                   "    notified:\n"
                   "      - {finding: A, to: Wang Jing, via: in person}\n");
  auto a = deadline(p, "A", "2026-12-18");
  EXPECT_EQ(a->state, NoticeState::in_time);
  EXPECT_EQ(a->notified, day("2026-12-08"));
  EXPECT_EQ(a->notification->to, "Wang Jing");
  auto b = deadline(p, "B", "2026-12-18");
  EXPECT_EQ(b->state, NoticeState::late);
  EXPECT_EQ(b->notified, day("2026-12-10"));
  EXPECT_EQ(deadline(p, "C", "2026-12-08")->state, NoticeState::due);
  EXPECT_EQ(deadline(p, "C", "2026-12-18")->state, NoticeState::overdue);
}

TEST(NoticeDeadline, TheEarliestNotificationCountsFromHistoryOrLog) {
  Project p = load(kHead + kTwoLevels +
                   "findings:\n"
                   "  - id: F\n"
                   "    title: t\n"
                   "    found: 2026-12-08\n"
                   "    severity: critical\n"
                   "    history:\n"
                   "      - {date: 2026-12-09, notified: {to: CISO, via: phone}}\n"
                   "log:\n"
                   "  - date: 2026-12-08\n"
                   "    notified: [{finding: F, to: Wang Jing, via: phone}]\n");
  auto d = deadline(p, "F", "2026-12-18");
  EXPECT_EQ(d->state, NoticeState::in_time);
  EXPECT_EQ(d->notification->to, "Wang Jing");
}

TEST(NoticeDeadline, AFindingWithoutAFoundDateStartsNoClockUntilARaise) {
  Project p = load(kHead + kTwoLevels +
                   "findings:\n"
                   "  - {id: U, title: t, severity: critical}\n"
                   "  - id: R\n"
                   "    title: t\n"
                   "    severity: low\n"
                   "    history: [{date: 2026-12-09, severity: high}]\n");
  EXPECT_FALSE(deadline(p, "U", "2026-12-18"));
  EXPECT_EQ(deadline(p, "R", "2026-12-10")->since, day("2026-12-09"));
}

TEST(NoticeDeadline, RecordsAfterTheDayDoNotChangeIt) {
  const std::string base = kHead + kTwoLevels +
                           "findings:\n"
                           "  - {id: F, title: t, found: 2026-12-08, severity: high}\n"
                           "log:\n"
                           "  - {date: 2026-12-08, done: [walk]}\n";
  Project before = load(base);
  Project after = load(base +
                       "  - date: 2026-12-09\n"
                       "    notified: [{finding: F, to: Wang Jing, via: phone}]\n");
  EXPECT_EQ(deadline(before, "F", "2026-12-08")->state, NoticeState::due);
  EXPECT_EQ(deadline(after, "F", "2026-12-08")->state, NoticeState::due);
  EXPECT_FALSE(deadline(after, "F", "2026-12-08")->notified);
  EXPECT_EQ(deadline(after, "F", "2026-12-09")->state, NoticeState::late);
}

TEST(NoticeDeadline, ALoggedNotificationMustNameAFindingFoundByThen) {
  std::string text = kHead + kTwoLevels +
                     "findings:\n"
                     "  - {id: DC-01, title: t, found: 2026-12-09, severity: high}\n"
                     "log:\n"
                     "  - date: 2026-12-08\n"
                     "    notified:\n"
                     "      - {finding: DC-1, to: Wang Jing, via: phone}\n"
                     "      - {finding: DC-01, to: Wang Jing, via: phone}\n";
  std::string out = problems(text);
  EXPECT_NE(out.find("p.yaml:15:19: error: log[0].notified[0].finding: no finding has the id "
                     "\"DC-1\"; did you mean \"DC-01\"?"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("p.yaml:16:19: error: log[0].notified[1].finding: DC-01 is notified on "
                     "2026-12-08, before it was found (2026-12-09)"),
            std::string::npos)
      << out;
}

TEST(NoticeDeadline, DatesWithATimeOfDayAreRefused) {
  std::string out = problems(kHead +
                             "findings:\n"
                             "  - {id: F, title: t, found: 2026-12-08T11:20}\n");
  EXPECT_NE(out.find("findings[0].found: expected a date YYYY-MM-DD, got \"2026-12-08T11:20\": "
                     "commplan records days, not times of day; write 2026-12-08"),
            std::string::npos)
      << out;
}

TEST(NoticeDeadline, ValidateWarnsAtTheFindingOrTheRaiseAndStrictFails) {
  Project p = load(kHead + kTwoLevels +
                   "findings:\n"
                   "  - {id: A, title: t, found: 2026-12-08, severity: high}\n"
                   "  - id: B\n"
                   "    title: t\n"
                   "    found: 2026-12-08\n"
                   "    severity: low\n"
                   "    history: [{date: 2026-12-09, severity: critical}]\n"
                   "log:\n"
                   "  - date: 2026-12-10\n"
                   "    notified: [{finding: A, to: Wang Jing, via: phone}]\n");
  Diagnostics d;
  check_notifications(p, day("2026-12-10"), d);
  ASSERT_EQ(d.items().size(), 2u);
  EXPECT_EQ(format_headline(d.items()[0]),
            "p.yaml:11:10: warning: findings[0].id: finding A (high, found on 2026-12-08) was "
            "notified on 2026-12-10, 2 days after its deadline 2026-12-08 under escalation "
            "level 1 (within 4 h)");
  EXPECT_EQ(format_headline(d.items()[1]),
            "p.yaml:16:44: warning: findings[1].history[0].severity: finding B (critical since "
            "2026-12-09) is not notified as of 2026-12-10: escalation level 1 (within 4 h) was "
            "due by 2026-12-09; record the notification (notified in its history or in the "
            "log)");
}

/// The example, its log folder, and what a test changes in it, in a scratch folder.
fs::path example_copy(const std::string& name, const std::string& from, const std::string& to) {
  fs::path dir = fs::temp_directory_path() / ("commplan-deadlines-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy(testing::source_path("examples/logs"), dir / "logs");
  std::ifstream in(testing::source_path("examples/datacentre-assessment.yaml"));
  std::stringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  size_t at = content.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) content.replace(at, from.size(), to);
  std::ofstream(dir / "project.yaml") << content;
  return dir / "project.yaml";
}

// DC-06 is found on Friday 2026-12-11, a day without a log entry; the example records its
// notification in its history that day.
const std::string kDc06Notice = "      - {date: 2026-12-11, notified: {to: Zhou Min, via: phone}}";

TEST(NoticeDeadline, ValidateStrictJudgesAsOfItsDate) {
  std::string never = example_copy("never", kDc06Notice, "      - {date: 2026-12-11}").string();
  using testing::run_cli;
  EXPECT_EQ(run_cli({"validate", "--strict", "--date", "2026-12-11", never}).code, 0);
  auto overdue = run_cli({"validate", "--strict", "--date", "2026-12-14", never});
  EXPECT_EQ(overdue.code, 4) << overdue.err;
  EXPECT_NE(overdue.err.find("warning: findings[5].id: finding DC-06 (high, found on 2026-12-11) "
                             "is not notified as of 2026-12-14"),
            std::string::npos)
      << overdue.err;
  EXPECT_EQ(run_cli({"validate", "--date", "2026-12-14", never}).code, 0);  // a warning only
  // SOURCE_DATE_EPOCH is "today" when --date is not given: Monday 2026-12-14, 12:00 UTC.
  EXPECT_EQ(
      run_cli({"validate", "--strict", never}, "", {{"SOURCE_DATE_EPOCH", "1797249600"}}).code, 4);

  std::string late =
      example_copy("late", kDc06Notice,
                   "      - {date: 2026-12-14, notified: {to: Zhou Min, via: phone}}")
          .string();
  auto told = run_cli({"validate", "--strict", "--date", "2026-12-18", late});
  EXPECT_EQ(told.code, 4);
  EXPECT_NE(told.err.find("finding DC-06 (high, found on 2026-12-11) was notified on 2026-12-14, "
                          "3 days after its deadline 2026-12-11 under escalation level 1 (within "
                          "1 h)"),
            std::string::npos)
      << told.err;
  EXPECT_EQ(run_cli({"validate", "--strict", "--date", "2026-12-18",
                     testing::source_path("examples/datacentre-assessment.yaml")})
                .code,
            0);
  EXPECT_EQ(run_cli({"validate", "--date", "soon", late}).code, 2);
}

const std::string kRecapProject = kHead + kTwoLevels +
                                  "findings:\n"
                                  "  - {id: F-1, title: Door open, found: 2026-12-08, severity: "
                                  "high}\n"
                                  "  - {id: F-2, title: Keys lost, found: 2026-12-09, severity: "
                                  "critical}\n"
                                  "  - {id: F-3, title: Badge shared, found: 2026-12-09, "
                                  "severity: high}\n"
                                  "log:\n"
                                  "  - date: 2026-12-09\n"
                                  "    done: [walk]\n"
                                  "    notified: [{finding: F-1, to: Wang Jing, via: phone}]\n";

TEST(NoticeDeadline, TheDailyRecapFlagsDueOverdueAndLateInEnglish) {
  auto r = testing::run_cli({"recap", "-", "--level", "daily", "--date", "2026-12-10"},
                            kRecapProject + "  - {date: 2026-12-10, done: [write]}\n");
  EXPECT_EQ(r.code, 0) << r.err;
  const std::string section =
      "## Notification deadlines\n\n"
      "Findings the escalation path must hear of within its time limit that are not notified "
      "yet, or were notified late:\n\n"
      "| ID | Severity | Finding | Since | Who is told | Deadline | State |\n"
      "|----|----------|---------|-------|-------------|----------|-------|\n"
      "| F-2 | Critical | Keys lost | 2026-12-09 | Wang Jing | 2026-12-09 | Overdue, not notified "
      "(1 d past the deadline) |\n"
      "| F-3 | High | Badge shared | 2026-12-09 | Wang Jing | 2026-12-09 | Overdue, not notified "
      "(1 d past the deadline) |\n"
      "| F-1 | High | Door open | 2026-12-08 | Wang Jing | 2026-12-08 | Notified late: "
      "2026-12-09, Wang Jing, phone |\n\n"
      "## Today's work";
  EXPECT_NE(r.out.find(section), std::string::npos) << r.out;
  EXPECT_LT(r.out.find("## Still open from earlier"), r.out.find("## Notification deadlines"));
  EXPECT_NE(r.err.find("<stdin>:12:10: warning: findings[1].id: finding F-2 (critical, found on "
                       "2026-12-09) is not notified as of 2026-12-10"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("finding F-1"), std::string::npos) << r.err;  // late: on the page only

  auto json = testing::run_cli(
      {"recap", "-", "--level", "daily", "--date", "2026-12-09", "--format", "json"},
      kRecapProject);
  auto view = nlohmann::json::parse(json.out);
  EXPECT_TRUE(view["has_notification_deadlines"]);
  ASSERT_EQ(view["notification_deadlines"].size(), 3u);
  const auto& first = view["notification_deadlines"][0];  // due today: most severe first
  EXPECT_EQ(first["id"], "F-2");
  EXPECT_EQ(first["state"], "due");
  EXPECT_EQ(first["level"], "1");
  EXPECT_EQ(first["within"], 4);
  EXPECT_EQ(first["notified"], nullptr);
  const auto& late = view["notification_deadlines"][2];
  EXPECT_EQ(late["id"], "F-1");
  EXPECT_EQ(late["state"], "late");
  EXPECT_EQ(late["days_past"], 1);
  EXPECT_EQ(late["notified_via"], "phone");
}

TEST(NoticeDeadline, TheDailyRecapFlagsThemInChinese) {
  auto r =
      testing::run_cli({"recap", "-", "--level", "daily", "--date", "2026-12-10", "--lang", "zh"},
                       kRecapProject + "  - {date: 2026-12-10, done: [write]}\n");
  EXPECT_EQ(r.code, 0) << r.err;
  const std::string section =
      "## 通报时限\n\n"
      "按升级路径须在时限内通报、但尚未通报或超时才通报的问题：\n\n"
      "| 编号 | 严重程度 | 问题 | 起算日期 | 通报对象 | 通报期限 | 情况 |\n"
      "|------|----------|------|----------|----------|----------|------|\n"
      "| F-2 | 严重 | Keys lost | 2026-12-09 | Wang Jing | 2026-12-09 | 已超时未通报（超出 1 天） "
      "|\n"
      "| F-3 | 高 | Badge shared | 2026-12-09 | Wang Jing | 2026-12-09 | 已超时未通报（超出 1 天） "
      "|\n"
      "| F-1 | 高 | Door open | 2026-12-08 | Wang Jing | 2026-12-08 | 超时通报：2026-12-09 "
      "通报Wang Jing，方式：phone |\n";
  EXPECT_NE(r.out.find(section), std::string::npos) << r.out;
}

TEST(NoticeDeadline, NoSectionWhenEveryoneWasToldInTime) {
  auto r = testing::run_cli({"recap", "-", "--level", "daily", "--date", "2026-12-08"},
                            kHead + kTwoLevels +
                                "findings:\n"
                                "  - {id: F-1, title: t, found: 2026-12-08, severity: high}\n"
                                "log:\n"
                                "  - date: 2026-12-08\n"
                                "    notified: [{finding: F-1, to: Wang Jing, via: phone}]\n");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.find("Notification deadlines"), std::string::npos) << r.out;
}

TEST(NoticeDeadline, ANotificationRecordedLaterLeavesAnEarlierPageAsItWas) {
  auto render = [](const std::string& text) {
    return testing::run_cli({"recap", "-", "--level", "daily", "--date", "2026-12-10"}, text);
  };
  const std::string before = kRecapProject + "  - {date: 2026-12-10, done: [write]}\n";
  auto first = render(before);
  auto again = render(before +
                      "  - date: 2026-12-11\n"
                      "    notified: [{finding: F-2, to: Wang Jing, via: phone}]\n");
  EXPECT_EQ(first.out, again.out);
  EXPECT_NE(first.out.find("| F-2 | Critical | Keys lost"), std::string::npos);
  // The same notification dated that day does change the page.
  auto told = render(kRecapProject +
                     "  - date: 2026-12-10\n"
                     "    done: [write]\n"
                     "    notified: [{finding: F-2, to: Wang Jing, via: phone}]\n");
  EXPECT_NE(told.out, first.out);
  EXPECT_NE(told.out.find("| F-2 | Critical | Keys lost | 2026-12-09 | Wang Jing | 2026-12-09 | "
                          "Notified late"),
            std::string::npos)
      << told.out;
}

}  // namespace
}  // namespace commplan
