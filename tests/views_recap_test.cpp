#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>

#include "test_helpers.hpp"
#include "util/read.hpp"
#include "views/method.hpp"
#include "views/recap.hpp"
#include "views/schedule.hpp"

namespace commplan {
namespace {

using nlohmann::json;

// Two weeks from Monday 2026-12-07; 2026-12-15 (a Tuesday) is a holiday.
const std::string kHead =
    testing::project_head("2026-12-07", "2026-12-18", "  holidays: [2026-12-15]\n") +
    "standards:\n"
    "  - {id: S1, title: Standard one}\n"
    "  - {id: S2, title: Standard two}\n"
    "  - {id: S3, title: Standard three}\n"
    "phases:\n"
    "  - {id: a, name: Phase A, start: 2026-12-07, end: 2026-12-09, activities: [Read]}\n"
    "  - {id: b, name: Phase B, start: 2026-12-10, end: 2026-12-16, activities: [Inspect]}\n"
    "  - {id: c, name: Phase C, start: 2026-12-17, end: 2026-12-18, activities: [Write, "
    "Present]}\n";

const std::string kFindings =
    "findings:\n"
    "  - {id: F-1, title: Friday, found: 2026-12-11, phase: b, severity: low, status: open, "
    "standard: S2}\n"
    "  - {id: F-2, title: Saturday, found: 2026-12-12, phase: b, severity: high, standard: S1}\n"
    "  - {id: F-3, title: Monday, found: 2026-12-14, phase: b, severity: critical, status: "
    "resolved, standard: S1}\n"
    "  - {id: F-4, title: Undated, phase: b, severity: medium, status: agreed}\n"
    "  - {id: F-5, title: Closed, found: 2026-12-08, phase: a, severity: high, status: "
    "wont-fix, standard: S3}\n"
    "  - {id: F-6, title: Holiday, found: 2026-12-15, phase: b, status: in-progress}\n"
    "  - {id: F-7, title: Wednesday, found: 2026-12-16, phase: b, severity: info, status: "
    "resolved}\n"
    "  - {id: F-8, title: Friday high, found: 2026-12-11, phase: b, severity: high, status: "
    "open}\n"
    "  - {id: F-9, title: Saturday high, found: 2026-12-12, phase: b, severity: high, status: "
    "open, standard: S9}\n";

const std::string kLog =
    "log:\n"
    "  - {date: 2026-12-14, done: [Walked], support_needed: [Keys], next: [Trace feeds]}\n"
    "  - {date: 2026-12-16, done: [Traced]}\n";

const std::string kProject = kHead + kFindings + kLog;

/// The log items `texts` of one author, as the view gives them (not attributed).
json items(std::initializer_list<const char*> texts) {
  json list = json::array();
  for (const char* text : texts)
    list.push_back({{"text", text}, {"by", ""}, {"attributed", false}});
  return list;
}

Project parse(const std::string& text) {
  Diagnostics d;
  auto project = load_project("p.yaml", text, d);
  EXPECT_TRUE(project && !d.has_errors()) << (d.items().empty() ? "" : d.items()[0].message);
  return std::move(*project);
}

Date day(const char* text) { return *parse_date(text); }

/// The view of one recap, with its diagnostics.
struct Built {
  json view;
  Diagnostics diagnostics;

  /// Every diagnostic as `level: path: message`, one a line.
  std::string problems() const {
    std::string out;
    for (const auto& d : diagnostics.items())
      out += (d.level == Level::error ? "error: " : "warning: ") + d.path + ": " + d.message + "\n";
    return out;
  }
};

Built recap(const std::string& text, RecapLevel level, const char* date,
            const std::string& phase = {}, Lang lang = Lang::en) {
  Built b;
  Project project = parse(text);
  auto view = build_recap_view(project, {lang, day(date)}, {level, phase}, b.diagnostics);
  EXPECT_EQ(view.has_value(), !b.diagnostics.has_errors());
  b.view = view ? view->whole() : json();
  return b;
}

/// The ids of a list of findings in a view.
std::vector<std::string> ids(const json& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f["id"]);
  return out;
}

using Ids = std::vector<std::string>;

TEST(RecapDaily, StartsWithTheRecapHeaderAndLevel) {
  Built b = recap(kProject, RecapLevel::daily, "2026-12-14");
  EXPECT_EQ(b.view["kind"], "commplan/recap");
  EXPECT_EQ(b.view["version"], 1);
  EXPECT_EQ(b.view["level"], "daily");
  EXPECT_EQ(b.view["date"], "2026-12-14");
}

TEST(RecapDaily, MondayRecapCoversTheWeekend) {
  Built b = recap(kProject, RecapLevel::daily, "2026-12-14");
  EXPECT_EQ(ids(b.view["new_findings"]), (Ids{"F-3", "F-2", "F-9"}));
  const json& window = b.view["window"];
  EXPECT_EQ(window["from"], "2026-12-12");
  EXPECT_EQ(window["to"], "2026-12-14");
  EXPECT_EQ(window["previous_recap"], "2026-12-11");
  ASSERT_EQ(window["days_off"].size(), 2u);
  EXPECT_EQ(window["days_off"][0]["weekday"], "Saturday");
  EXPECT_EQ(window["days_off"][1]["last"], true);
  EXPECT_EQ(b.problems(), "");
}

TEST(RecapDaily, RecapAfterAHolidayCoversIt) {
  Built b = recap(kProject, RecapLevel::daily, "2026-12-16");
  EXPECT_EQ(ids(b.view["new_findings"]), (Ids{"F-7", "F-6"}));  // info before unrated
  EXPECT_EQ(b.view["window"]["from"], "2026-12-15");
  EXPECT_EQ(b.view["window"]["days_off"],
            json::parse(R"([{"date":"2026-12-15","short_date":"2026-12-15","weekday":"Tuesday",)"
                        R"("holiday":true,"last":true}])"));
}

TEST(RecapDaily, AHolidayOnARestDayIsJustADayOff) {
  std::string text = kProject;
  text.replace(text.find("[2026-12-15]"), 12, "[2026-12-12, 2026-12-15]");
  Built b = recap(text, RecapLevel::daily, "2026-12-14", {}, Lang::zh);
  const json& days_off = b.view["window"]["days_off"];
  ASSERT_EQ(days_off.size(), 2u);
  EXPECT_EQ(days_off[0]["holiday"], false);  // a Saturday: a day off anyway
  EXPECT_EQ(days_off[0]["short_date"], "12月12日");
  EXPECT_EQ(b.view["window"]["previous_text"], "12月11日，周五");
}

TEST(RecapDaily, AFridayPlansForTheNextWorkdayNotTomorrow) {
  Built en = recap(kProject, RecapLevel::daily, "2026-12-11");
  EXPECT_EQ(en.view["tomorrow"]["is_tomorrow"], false);
  EXPECT_EQ(en.view["tomorrow"]["day_text"], "Monday 2026-12-14");
  EXPECT_EQ(en.view["feedback_questions"].back(),
            "Is there anything we should focus on, or stay away from, on the next workday "
            "(Monday 2026-12-14)?");
  Built zh = recap(kProject, RecapLevel::daily, "2026-12-11", {}, Lang::zh);
  EXPECT_EQ(zh.view["tomorrow"]["day_text"], "12月14日，周一");
  EXPECT_EQ(zh.view["feedback_questions"].back(),
            "下一工作日（12月14日，周一）的工作有没有需要特别关注、或者需要避开的地方？");
}

TEST(RecapDaily, TheDayBeforeAHolidayPlansForTheDayAfterIt) {
  Built b = recap(kProject, RecapLevel::daily, "2026-12-14");
  EXPECT_EQ(b.view["tomorrow"]["is_tomorrow"], false);
  EXPECT_EQ(b.view["tomorrow"]["day_text"], "Wednesday 2026-12-16");
  EXPECT_EQ(b.view["feedback_questions"].back().get<std::string>().find("tomorrow"),
            std::string::npos);
}

TEST(RecapDaily, AnOrdinaryDayPlansForTomorrow) {
  Built b = recap(kProject, RecapLevel::daily, "2026-12-08");
  EXPECT_EQ(b.view["tomorrow"]["is_tomorrow"], true);
  EXPECT_EQ(b.view["tomorrow"]["day_text"], "Wednesday 2026-12-09");
  EXPECT_EQ(b.view["feedback_questions"].back(),
            "Is there anything we should focus on, or stay away from, tomorrow?");
  Built last = recap(kProject, RecapLevel::daily, "2026-12-18", {}, Lang::zh);
  EXPECT_EQ(last.view["tomorrow"]["is_tomorrow"], false);
  EXPECT_EQ(last.view["feedback_questions"].back(), "项目结束后，还有哪些需要我们跟进的事项？");
}

TEST(RecapDaily, TheMeetingDayReadsAsRunningTextSaysIt) {
  Built en = recap(kProject, RecapLevel::daily, "2026-12-08");
  EXPECT_EQ(en.view["meeting"]["date_text"], "Tuesday 2026-12-08");
  Built zh = recap(kProject, RecapLevel::daily, "2026-12-08", {}, Lang::zh);
  EXPECT_EQ(zh.view["meeting"]["date_text"], "2026年12月8日（周二）");
  EXPECT_EQ(zh.view["meeting"]["date"], "2026-12-08");
}

TEST(Recap, EachLevelNamesItsMeetingAsTheFileDoes) {
  std::string named = kProject +
                      "meetings:\n"
                      "  daily_recap: {name: 每日沟通会}\n"
                      "  final_recap: {name: 末次会议}\n";
  EXPECT_EQ(recap(named, RecapLevel::daily, "2026-12-08").view["meeting"]["name"], "每日沟通会");
  EXPECT_EQ(recap(named, RecapLevel::final, "2026-12-18").view["meeting"]["name"], "末次会议");
  EXPECT_EQ(recap(named, RecapLevel::phase, "2026-12-18").view["meeting"]["name"], "Phase recap");
  EXPECT_EQ(recap(named, RecapLevel::phase, "2026-12-18", {}, Lang::zh).view["meeting"]["name"],
            "阶段复盘");
  EXPECT_EQ(recap(kProject, RecapLevel::final, "2026-12-18", {}, Lang::zh).view["meeting"]["name"],
            "项目总结汇报");
}

TEST(RecapPhase, AMultiLineEvidenceKeepsItsLinesAndIndentation) {
  std::string text = kHead +
                     "findings:\n"
                     "  - id: F-1\n"
                     "    title: Config\n"
                     "    phase: a\n"
                     "    evidence: |\n"
                     "      [server]\n"
                     "        port = 80   # ```\n"
                     "\n"
                     "      end\n"
                     "  - {id: F-2, title: One line, phase: a, evidence: \"one line\"}\n";
  Built b = recap(text, RecapLevel::phase, "2026-12-09", "a");
  const json& block = b.view["findings"][0];
  EXPECT_EQ(block["evidence_block"], true);
  EXPECT_EQ(block["evidence_lines"], json({"[server]", "  port = 80   # ```", "", "end"}));
  EXPECT_EQ(block["evidence_fence"], "````");
  const json& line = b.view["findings"][1];
  EXPECT_EQ(line["evidence_block"], false);
  EXPECT_EQ(line["evidence_lines"], json::array());
  EXPECT_EQ(line["evidence_fence"], "");
}

TEST(RecapPhase, AReferenceIsALinkOnlyWhenItIsAWebAddressAnAutolinkHoldsAsItIs) {
  std::string text = kHead +
                     "findings:\n"
                     "  - id: F-1\n"
                     "    title: Config\n"
                     "    phase: a\n"
                     "    references:\n"
                     "      - https://owasp.org/www-community/attacks/xss_(cross_site_scripting)\n"
                     "      - HTTP://Example.com/a*b*\n"
                     "      - CWE-79\n"
                     "      - https://x.example/<script>\n"
                     "      - https://x.example/a b\n"
                     "      - javascript:alert(1)\n"
                     "      - \"https://\"\n"
                     "  - {id: F-2, title: None, phase: a}\n";
  Built b = recap(text, RecapLevel::phase, "2026-12-09", "a");
  const json& links = b.view["findings"][0]["reference_links"];
  ASSERT_EQ(links.size(), 7u);
  EXPECT_EQ(links[0]["url"], "https://owasp.org/www-community/attacks/xss_(cross_site_scripting)");
  EXPECT_EQ(links[1]["url"], "HTTP://Example.com/a*b*");
  for (size_t i = 2; i < links.size(); ++i) EXPECT_TRUE(links[i]["url"].is_null()) << i;
  EXPECT_EQ(links[3]["text"], "https://x.example/<script>");
  EXPECT_EQ(links[6]["last"], true);
  EXPECT_EQ(links[5]["last"], false);
  EXPECT_EQ(b.view["findings"][1]["reference_links"], json::array());
}

TEST(RecapDaily, StillOpenAreEarlierOrUndatedFindingsOfAnOpenStatus) {
  Built b = recap(kProject, RecapLevel::daily, "2026-12-14");
  // F-5 (wont-fix) is closed; F-3 is new; F-6 and F-7 were found later.
  EXPECT_EQ(ids(b.view["open_findings"]), (Ids{"F-8", "F-4", "F-1"}));
  EXPECT_EQ(b.view["has_open_findings"], true);
}

TEST(RecapDaily, StillOpenAreMostSevereFirstThenEarliestFoundUndatedLastThenById) {
  // In file order none of the keys is sorted; every key decides at least one pair.
  std::string text = kHead +
                     "findings:\n"
                     "  - {id: M-9, title: a, phase: a, severity: medium}\n"
                     "  - {id: M-3, title: b, found: 2026-12-09, phase: a, severity: medium}\n"
                     "  - {id: L-1, title: c, found: 2026-12-07, phase: a, severity: low}\n"
                     "  - {id: M-2, title: d, found: 2026-12-09, phase: a, severity: medium}\n"
                     "  - {id: M-1, title: e, phase: a, severity: medium}\n"
                     "  - {id: M-7, title: f, found: 2026-12-08, phase: a, severity: medium}\n"
                     "  - {id: U-1, title: g, found: 2026-12-07, phase: a}\n"
                     "  - {id: C-5, title: h, found: 2026-12-09, phase: a, severity: critical}\n";
  Built b = recap(text, RecapLevel::daily, "2026-12-14");
  EXPECT_EQ(ids(b.view["open_findings"]),
            (Ids{"C-5", "M-7", "M-2", "M-3", "M-1", "M-9", "L-1", "U-1"}));
}

TEST(RecapDaily, IdsOfOneDayAndSeverityAreInByteOrderPastTheirFirstEightBytes) {
  // The sort compares the ids' first 8 bytes as a number, then the rest: ids shorter than 8
  // bytes, equal in their first 8, and differing only after them keep the strings' order.
  std::string text = kHead +
                     "findings:\n"
                     "  - {id: FINDING-10, title: a, found: 2026-12-08, phase: a, severity: high}\n"
                     "  - {id: FINDING-9, title: b, found: 2026-12-08, phase: a, severity: high}\n"
                     "  - {id: FINDING, title: c, found: 2026-12-08, phase: a, severity: high}\n"
                     "  - {id: FIND, title: d, found: 2026-12-08, phase: a, severity: high}\n"
                     "  - {id: FINDING-1, title: e, found: 2026-12-08, phase: a, severity: high}\n"
                     "  - {id: FINDINGS, title: f, found: 2026-12-08, phase: a, severity: high}\n"
                     "  - {id: \"漏洞-2\", title: g, found: 2026-12-08, phase: a, severity: high}\n"
                     "  - {id: Z, title: h, found: 2026-12-07, phase: a, severity: high}\n";
  Built b = recap(text, RecapLevel::daily, "2026-12-14");
  EXPECT_EQ(ids(b.view["open_findings"]), (Ids{"Z", "FIND", "FINDING", "FINDING-1", "FINDING-10",
                                               "FINDING-9", "FINDINGS", "漏洞-2"}));
}

TEST(RecapDaily, FindingsWithoutADateAreNeverNew) {
  Built b = recap(kProject, RecapLevel::daily, "2026-12-07");
  EXPECT_EQ(b.view["new_findings"], json::array());
  EXPECT_EQ(b.view["window"]["from"], "2026-12-07");  // the window starts with the engagement
  EXPECT_EQ(b.view["window"]["previous_recap"], nullptr);
  EXPECT_EQ(ids(b.view["open_findings"]), (Ids{"F-4"}));
}

TEST(RecapDaily, TheFirstRecapAfterAWeekendStartCoversTheEngagementsFirstDays) {
  // The engagement starts on Saturday 2026-12-05 (and a holiday stands on the Monday): the first
  // recap, on Tuesday, reports what was found from the Saturday on.
  std::string text =
      testing::project_head("2026-12-05", "2026-12-18", "  holidays: [2026-12-07]\n") +
      "findings:\n"
      "  - {id: SAT, title: Saturday, found: 2026-12-05, severity: high}\n"
      "  - {id: SUN, title: Sunday, found: 2026-12-06, severity: low}\n";
  Built b = recap(text, RecapLevel::daily, "2026-12-08");
  EXPECT_EQ(b.view["window"]["from"], "2026-12-05");
  EXPECT_EQ(b.view["window"]["previous_recap"], nullptr);
  EXPECT_EQ(b.view["window"]["days_off"].size(), 3u);
  EXPECT_EQ(ids(b.view["new_findings"]), (Ids{"SAT", "SUN"}));
  EXPECT_EQ(b.view["open_findings"], json::array());
}

TEST(RecapDaily, TomorrowComesFromTheLogEntrysNext) {
  Built b = recap(kProject, RecapLevel::daily, "2026-12-14");
  const json& tomorrow = b.view["tomorrow"];
  EXPECT_EQ(tomorrow["from_log"], true);
  EXPECT_EQ(tomorrow["items"], items({"Trace feeds"}));
  EXPECT_EQ(tomorrow["date"], "2026-12-16");  // the holiday is skipped
  EXPECT_EQ(tomorrow["phases"], json::array());
  EXPECT_EQ(b.view["log"]["done"], items({"Walked"}));
  EXPECT_EQ(b.view["feedback_questions"].size(), 3u);  // support needed adds a question
}

TEST(RecapDaily, TomorrowFallsBackToThePhasesOfTheNextWorkday) {
  Built b = recap(kProject, RecapLevel::daily, "2026-12-16");
  const json& tomorrow = b.view["tomorrow"];
  EXPECT_EQ(tomorrow["from_log"], false);
  EXPECT_EQ(tomorrow["from_phases"], true);
  EXPECT_EQ(tomorrow["date"], "2026-12-17");
  ASSERT_EQ(tomorrow["phases"].size(), 1u);
  EXPECT_EQ(tomorrow["phases"][0]["id"], "c");
  EXPECT_EQ(tomorrow["phases"][0]["activities"], json::array({"Write", "Present"}));
  EXPECT_EQ(b.view["feedback_questions"].size(), 2u);
}

TEST(RecapDaily, LastWorkdayHasNoTomorrow) {
  Built b = recap(kProject, RecapLevel::daily, "2026-12-18");
  EXPECT_EQ(b.view["tomorrow"]["last_workday"], true);
  EXPECT_EQ(b.view["tomorrow"]["date"], nullptr);
  EXPECT_EQ(b.view["tomorrow"]["nothing_planned"], true);
}

TEST(RecapDaily, ADayWithNothingRecordedRendersAndWarns) {
  Built b = recap(kProject, RecapLevel::daily, "2026-12-09");
  EXPECT_EQ(b.view["nothing_recorded"], true);
  EXPECT_EQ(b.view["log"]["recorded"], false);
  EXPECT_EQ(b.problems(),
            "warning: log: nothing recorded for 2026-12-09: no log entry and no finding found\n"
            "warning: : the daily recap of 2026-12-09 is held inside the phase recap of \"a\" at "
            "16:00; this page is its daily section\n");
}

TEST(RecapDaily, ADayWithFindingsButNoLogEntryWarns) {
  Built b = recap(kProject, RecapLevel::daily, "2026-12-11");
  EXPECT_EQ(b.view["nothing_recorded"], false);
  EXPECT_EQ(ids(b.view["new_findings"]), (Ids{"F-8", "F-1"}));
  EXPECT_EQ(b.problems(),
            "warning: log: no log entry for 2026-12-11: the recap shows only its findings\n");
}

TEST(RecapDaily, AFindingFixedThatDayIsARecordOfIt) {
  // No log entry and nothing found on Wednesday, but F-1 was resolved then: the page must not
  // say that nothing was recorded, above the finding fixed.
  std::string text = testing::project_head() +
                     "findings:\n  - id: F-1\n    title: t\n    found: 2026-12-08\n"
                     "    severity: high\n    history:\n"
                     "      - {date: 2026-12-09, status: resolved}\n";
  Built b = recap(text, RecapLevel::daily, "2026-12-09");
  EXPECT_EQ(b.view["nothing_recorded"], false);
  EXPECT_EQ(b.view["has_fixed_findings"], true);
  EXPECT_EQ(b.problems(),
            "warning: : no log entry for 2026-12-09: the recap shows only its findings\n");
}

TEST(RecapDaily, ADateOutsideTheEngagementIsAnError) {
  Built b = recap(kProject, RecapLevel::daily, "2026-12-19");
  EXPECT_TRUE(b.view.is_null());
  ASSERT_EQ(b.diagnostics.items().size(), 1u);
  EXPECT_EQ(format_headline(b.diagnostics.items()[0]),
            "--date: error: 2026-12-19 is outside the engagement (2026-12-07 to 2026-12-18); "
            "pick a day in it");
  EXPECT_TRUE(recap(kProject, RecapLevel::daily, "2026-12-06").diagnostics.has_errors());
}

TEST(RecapDaily, ANonWorkdayRendersWithAWarning) {
  Built saturday = recap(kProject, RecapLevel::daily, "2026-12-12");
  EXPECT_EQ(saturday.view["workday"], false);
  // No line of the file makes a Saturday a day off: --date asked for it.
  ASSERT_EQ(saturday.diagnostics.items().size(), 2u);
  EXPECT_EQ(format_headline(saturday.diagnostics.items()[0]),
            "--date: warning: 2026-12-12 is a Saturday, not a workday");
  EXPECT_EQ(saturday.problems().substr(saturday.problems().find('\n') + 1),
            "warning: log: no log entry for 2026-12-12: the recap shows only its findings\n");
  // A holiday is placed at its item.
  Built holiday = recap(kProject, RecapLevel::daily, "2026-12-15");
  EXPECT_EQ(format_headline(holiday.diagnostics.items()[0]),
            "p.yaml:7:14: warning: project.holidays[0]: 2026-12-15 is a holiday, not a workday");
}

TEST(RecapDaily, ADayOffHasNoMeetingTime) {
  Built saturday = recap(kProject, RecapLevel::daily, "2026-12-12");
  EXPECT_EQ(saturday.view["meeting"]["planned"], false);
  EXPECT_EQ(saturday.view["meeting"]["time"], nullptr);
  EXPECT_EQ(saturday.view["meeting"]["date"], "2026-12-12");
}

TEST(RecapDaily, ADailyRecapTakenInByAPhaseRecapHasItsTimeAndSaysSo) {
  // Phase a ends on Wednesday 12-09: its recap (16:30, 25 minutes) takes in the daily recap.
  Built b = recap(kProject + "meetings:\n  phase_recap: {time: \"16:30\", duration: 25}\n",
                  RecapLevel::daily, "2026-12-09");
  EXPECT_EQ(b.view["meeting"]["kind"], "phase");
  EXPECT_EQ(b.view["meeting"]["time"], "16:30");
  EXPECT_EQ(b.view["meeting"]["end_time"], "16:55");
  EXPECT_EQ(b.view["meeting"]["duration"], 25);
  EXPECT_EQ(b.view["held_in"]["phases_text"], "Phase A");
  EXPECT_EQ(b.view["held_in"]["final"], false);
  EXPECT_NE(b.problems().find("warning: : the daily recap of 2026-12-09 is held inside the phase "
                              "recap of \"a\" at 16:30; this page is its daily section\n"),
            std::string::npos)
      << b.problems();
  // The same day's content as the phase recap's daily section.
  Built phase = recap(kProject, RecapLevel::phase, "2026-12-09");
  const json& section = phase.view["folded"]["daily"];
  for (const char* key : {"window", "log", "tomorrow", "new_findings", "has_new_findings"})
    EXPECT_EQ(section[key], b.view[key]) << key;
}

TEST(RecapDaily, ADailyRecapTakenInByTheFinalRecapHasItsTime) {
  Built b = recap(kProject, RecapLevel::daily, "2026-12-18");
  EXPECT_EQ(b.view["meeting"]["kind"], "final");
  EXPECT_EQ(b.view["meeting"]["time"], "14:00");
  EXPECT_EQ(b.view["held_in"]["final"], true);
}

TEST(RecapDaily, DurationIsClampedToFiveToTenMinutes) {
  Built fallback = recap(kProject, RecapLevel::daily, "2026-12-14");
  EXPECT_EQ(fallback.view["meeting"]["duration"], 10);
  EXPECT_EQ(fallback.view["meeting"]["time"], "17:30");  // the plan's default time

  Built longer = recap(kProject + "meetings:\n  daily_recap: {time: \"17:30\", duration: 15}\n",
                       RecapLevel::daily, "2026-12-14");
  EXPECT_EQ(longer.view["meeting"]["duration"], 10);
  EXPECT_EQ(longer.view["meeting"]["end_time"], "17:40");
  EXPECT_EQ(longer.problems(),
            "warning: meetings.daily_recap.duration: a daily recap takes 5 to 10 minutes, not 15; "
            "planned with 10\n");

  Built shorter = recap(kProject + "meetings:\n  daily_recap: {duration: 3}\n", RecapLevel::daily,
                        "2026-12-14");
  EXPECT_EQ(shorter.view["meeting"]["duration"], 5);
  EXPECT_EQ(shorter.problems(),
            "warning: meetings.daily_recap.duration: a daily recap takes 5 to 10 minutes, not 3; "
            "planned with 5\n");
}

TEST(RecapDaily, LabelsFollowTheLanguage) {
  Built b = recap(kProject, RecapLevel::daily, "2026-12-14", {}, Lang::zh);
  EXPECT_EQ(b.view["new_findings"][0]["severity_label"], "严重");
  EXPECT_EQ(b.view["new_findings"][1]["status_label"], "未设置");
  EXPECT_EQ(b.view["meeting"]["weekday"], "周一");
}

TEST(RecapPhase, DefaultIsThePhaseRecapOfTheDayElseTheLatestBefore) {
  EXPECT_EQ(recap(kProject, RecapLevel::phase, "2026-12-09").view["phase"]["id"], "a");
  EXPECT_EQ(recap(kProject, RecapLevel::phase, "2026-12-14").view["phase"]["id"], "a");
  EXPECT_EQ(recap(kProject, RecapLevel::phase, "2026-12-16").view["phase"]["id"], "b");
  EXPECT_EQ(recap(kProject, RecapLevel::phase, "2026-12-18").view["phase"]["id"], "c");
  EXPECT_EQ(recap(kProject, RecapLevel::phase, "2027-01-30").view["phase"]["id"], "c");
  EXPECT_EQ(recap(kProject, RecapLevel::phase, "2026-12-16").view["phase_chosen"], "on-date");
  EXPECT_EQ(recap(kProject, RecapLevel::phase, "2026-12-14").view["phase_chosen"], "latest");
}

TEST(RecapPhase, APhaseEndingOnAWeekendIsTheRecapOfItsLastWorkday) {
  // Phase a ends on Saturday 12-12: the plan recaps it on Friday 12-11.
  std::string text = testing::project_head() +
                     "phases:\n"
                     "  - {id: a, start: 2026-12-07, end: 2026-12-12}\n"
                     "  - {id: b, start: 2026-12-13, end: 2026-12-18}\n";
  for (const char* date : {"2026-12-11", "2026-12-12", "2026-12-14"}) {
    Built b = recap(text, RecapLevel::phase, date);
    EXPECT_EQ(b.view["phase"]["id"], "a") << date;
    EXPECT_EQ(b.view["meeting"]["date"], "2026-12-11") << date;
    EXPECT_FALSE(b.diagnostics.has_errors()) << date;
  }
  EXPECT_EQ(recap(text, RecapLevel::phase, "2026-12-11").view["phase_chosen"], "on-date");
}

TEST(RecapPhase, BeforeTheFirstRecapThePagePreparesItAndSaysSo) {
  Built b = recap(kProject, RecapLevel::phase, "2026-12-08");
  EXPECT_EQ(b.view["phase"]["id"], "a");
  EXPECT_EQ(b.view["phase_chosen"], "upcoming");
  EXPECT_EQ(b.view["meeting"]["date"], "2026-12-09");
  EXPECT_EQ(b.problems(),
            "warning: : no phase recap is held by 2026-12-08; the first is that of \"a\" on "
            "2026-12-09 at 16:00: this page prepares it\n");
}

TEST(RecapPhase, APhaseRecapHeldInsideTheFinalRecapTakesItsTimeAndSaysSo) {
  Built b = recap(kProject, RecapLevel::phase, "2026-12-18", "c");
  EXPECT_EQ(b.view["meeting"]["kind"], "final");
  EXPECT_EQ(b.view["meeting"]["time"], "14:00");
  EXPECT_EQ(b.view["held_in"]["final"], true);
  EXPECT_EQ(b.view["folded"]["daily"], nullptr);  // the final recap's page carries it
  EXPECT_EQ(b.problems(),
            "warning: : the recap of phase \"c\" is held inside the final recap on 2026-12-18 at "
            "14:00\n");
}

TEST(RecapPhase, CarriesTheDailyRecapItTakesIn) {
  Built b = recap(kProject, RecapLevel::phase, "2026-12-16");
  const json& daily = b.view["folded"]["daily"];
  ASSERT_TRUE(daily.is_object());
  EXPECT_EQ(daily["date"], "2026-12-16");
  EXPECT_EQ(ids(daily["new_findings"]), (Ids{"F-7", "F-6"}));  // since the day before the holiday
  EXPECT_EQ(daily["log"]["done"], items({"Traced"}));
  EXPECT_EQ(daily["tomorrow"]["date"], "2026-12-17");
  EXPECT_EQ(b.view["held_in"], nullptr);
  EXPECT_EQ(b.view["meeting"]["includes"], json::array({"daily"}));
}

TEST(RecapPhase, TwoPhasesEndingOnOneDayShareThePage) {
  std::string text = testing::project_head() +
                     "phases:\n"
                     "  - {id: a, start: 2026-12-07, end: 2026-12-09}\n"
                     "  - {id: b, start: 2026-12-08, end: 2026-12-09}\n"
                     "findings:\n  - {id: F-1, title: x, phase: b, severity: low}\n";
  Built b = recap(text, RecapLevel::phase, "2026-12-09");
  EXPECT_EQ(b.view["phase"]["id"], "a");
  ASSERT_EQ(b.view["folded"]["phases"].size(), 1u);
  EXPECT_EQ(b.view["folded"]["phases"][0]["id"], "b");
  EXPECT_EQ(ids(b.view["folded"]["phases"][0]["findings"]), (Ids{"F-1"}));
  EXPECT_EQ(b.problems(),
            "warning: : the phase recap on 2026-12-09 also recaps \"b\"; this page carries them "
            "after its own\n");
  Built named = recap(text, RecapLevel::phase, "2026-12-09", "b");
  EXPECT_EQ(named.view["meeting"]["date"], "2026-12-09");
  EXPECT_EQ(named.view["folded"]["phases"][0]["id"], "a");
}

TEST(RecapPhase, UnknownPhaseIsAnErrorWithTheClosestId) {
  EXPECT_EQ(recap(kProject, RecapLevel::phase, "2026-12-18", "bb").problems(),
            "error: : no phase has the id \"bb\"; did you mean \"b\"?\n");
  EXPECT_EQ(recap(kProject, RecapLevel::phase, "2026-12-18", "reporting").problems(),
            "error: : no phase has the id \"reporting\"; the phases are a, b, c\n");
}

TEST(RecapPhase, FindingsAreMostSevereFirstThenByDateThenId) {
  Built b = recap(kProject, RecapLevel::phase, "2026-12-18", "b");
  EXPECT_EQ(ids(b.view["findings"]), (Ids{"F-3", "F-8", "F-2", "F-9", "F-4", "F-1", "F-7", "F-6"}));
  EXPECT_EQ(b.view["phase_chosen"], "option");
  EXPECT_EQ(b.view["meeting"]["date"], "2026-12-16");
}

TEST(RecapPhase, StandardsReferencedByThePhaseComeFirst) {
  Built b = recap(kProject, RecapLevel::phase, "2026-12-18", "b");
  std::vector<std::pair<std::string, int>> standards;
  for (const auto& s : b.view["standards"]) standards.emplace_back(s["id"], s["findings"]);
  EXPECT_EQ(standards,
            (std::vector<std::pair<std::string, int>>{{"S1", 2}, {"S2", 1}, {"S9", 1}, {"S3", 0}}));
  EXPECT_EQ(b.view["standards"][2]["title"], "");
}

TEST(RecapPhase, AStandardWithAClauseIsThatStandard) {
  std::string text =
      testing::project_head() +
      "standards:\n"
      "  - {id: GB 50174-2017, title: Code for design of data centers}\n"
      "  - {id: GB 50174, title: The short id}\n"
      "  - {id: \"ISO/IEC 27001:2022\", title: Information security}\n"
      "phases:\n  - {id: a, name: A, start: 2026-12-07, end: 2026-12-09}\n"
      "findings:\n"
      "  - {id: F-1, title: t, phase: a, severity: high, standard: GB 50174-2017 8.1.7}\n"
      "  - {id: F-2, title: u, phase: a, severity: low, "
      "standard: \"ISO/IEC 27001:2022  A.7.2\"}\n"
      "  - {id: F-3, title: v, phase: a, severity: low, standard: GB 50174-2017}\n"
      "  - {id: F-4, title: w, phase: a, severity: info, standard: GB 50174-2018 1}\n";
  Diagnostics d;
  auto project = load_project("p.yaml", text, d);
  ASSERT_TRUE(project);
  ASSERT_EQ(d.items().size(), 1u);  // only the standard the file lacks
  EXPECT_EQ(format_headline(d.items()[0]),
            "p.yaml:17:61: warning: findings[3].standard: no standard has the id "
            "\"GB 50174-2018 1\"; did you mean \"GB 50174-2017\"?");
  Diagnostics warnings;
  json view =
      build_recap_view(*project, {Lang::en, day("2026-12-09")}, {RecapLevel::phase, "a"}, warnings)
          .value()
          .whole();
  std::map<std::string, std::array<std::string, 4>> findings;
  for (const auto& f : view["findings"])
    findings[f["id"]] = {f["standard"], f["standard_id"], f["standard_clause"],
                         f["standard_title"]};
  using Row = std::array<std::string, 4>;
  EXPECT_EQ(findings["F-1"], (Row{"GB 50174-2017 8.1.7", "GB 50174-2017", "8.1.7",
                                  "Code for design of data centers"}));
  EXPECT_EQ(findings["F-2"], (Row{"ISO/IEC 27001:2022  A.7.2", "ISO/IEC 27001:2022", "A.7.2",
                                  "Information security"}));
  EXPECT_EQ(findings["F-3"],
            (Row{"GB 50174-2017", "GB 50174-2017", "", "Code for design of data centers"}));
  EXPECT_EQ(findings["F-4"], (Row{"GB 50174-2018 1", "GB 50174-2018 1", "", ""}));
  std::vector<std::pair<std::string, int>> standards;
  for (const auto& s : view["standards"]) standards.emplace_back(s["id"], s["findings"]);
  EXPECT_EQ(standards, (std::vector<std::pair<std::string, int>>{{"GB 50174-2017", 2},
                                                                 {"ISO/IEC 27001:2022", 1},
                                                                 {"GB 50174-2018 1", 1},
                                                                 {"GB 50174", 0}}));
}

TEST(RecapPhase, SeverityCountsIncludeZeros) {
  Built b = recap(kProject, RecapLevel::phase, "2026-12-18", "a");
  EXPECT_EQ(b.view["by_severity"], json::parse(R"([
    {"severity": "critical", "label": "Critical", "in_text": "critical", "count": 0},
    {"severity": "high", "label": "High", "in_text": "high", "count": 1},
    {"severity": "medium", "label": "Medium", "in_text": "medium", "count": 0},
    {"severity": "low", "label": "Low", "in_text": "low", "count": 0},
    {"severity": "info", "label": "Info", "in_text": "informational", "count": 0}])"));
  EXPECT_EQ(b.view["feedback_questions"].size(), 4u);
}

TEST(RecapPhase, DurationIsClampedToTwentyToThirtyMinutes) {
  Built b = recap(kProject + "meetings:\n  phase_recap: {duration: 45}\n", RecapLevel::phase,
                  "2026-12-18", "b");
  EXPECT_EQ(b.view["meeting"]["duration"], 30);
  EXPECT_EQ(b.problems(),
            "warning: meetings.phase_recap.duration: a phase recap takes 20 to 30 minutes, not 45; "
            "planned with 30\n");
}

TEST(RecapFinal, CountsBySeverityAndStatusInEnumOrder) {
  Built b = recap(kProject, RecapLevel::final, "2026-12-18");
  std::vector<int> severities, statuses;
  for (const auto& c : b.view["by_severity"]) severities.push_back(c["count"]);
  for (const auto& c : b.view["by_status"]) statuses.push_back(c["count"]);
  EXPECT_EQ(severities, (std::vector<int>{1, 4, 1, 1, 1, 1}));   // the last is "unrated"
  EXPECT_EQ(statuses, (std::vector<int>{3, 1, 1, 2, 0, 1, 1}));  // the last is "not set"
  EXPECT_EQ(b.view["by_status"][6]["status"], nullptr);
  EXPECT_EQ(b.view["totals"], json::parse(R"({"findings": 9, "open": 6, "closed": 3})"));
}

TEST(RecapFinal, CountsListEveryValueEvenWhenZero) {
  Built b = recap(kHead + "findings:\n  - {id: X, title: x, severity: low, status: agreed}\n",
                  RecapLevel::final, "2026-12-18");
  EXPECT_EQ(b.view["by_severity"].size(), 5u);
  EXPECT_EQ(b.view["by_status"], json::parse(R"([
    {"status": "open", "label": "Open", "open": true, "count": 0},
    {"status": "agreed", "label": "Agreed", "open": true, "count": 1},
    {"status": "in-progress", "label": "In progress", "open": true, "count": 0},
    {"status": "resolved", "label": "Resolved", "open": false, "count": 0},
    {"status": "verified", "label": "Verified", "open": false, "count": 0},
    {"status": "wont-fix", "label": "Won't fix", "open": false, "count": 0}])"));
}

TEST(RecapFinal, GroupsFindingsByPhaseThenSeverityWithUnphasedLast) {
  Built b = recap(kHead + kFindings + "  - {id: F-0, title: Loose, severity: low}\n" + kLog,
                  RecapLevel::final, "2026-12-18");
  const json& groups = b.view["phases"];
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(groups[0]["id"], "a");
  EXPECT_EQ(ids(groups[0]["findings"]), (Ids{"F-5"}));
  EXPECT_EQ(ids(groups[1]["findings"]),
            (Ids{"F-3", "F-8", "F-2", "F-9", "F-4", "F-1", "F-7", "F-6"}));
  EXPECT_EQ(groups[2]["has_findings"], false);
  EXPECT_EQ(groups[3]["id"], nullptr);
  EXPECT_EQ(groups[3]["name"], "Without a phase");
  EXPECT_EQ(ids(groups[3]["findings"]), (Ids{"F-0"}));
  EXPECT_EQ(ids(b.view["open_items"]), (Ids{"F-8", "F-2", "F-9", "F-4", "F-1", "F-0", "F-6"}));
}

TEST(RecapFinal, CarriesThePhaseRecapAndTheDailyRecapItTakesIn) {
  Built b = recap(kProject, RecapLevel::final, "2026-12-18");
  EXPECT_EQ(b.view["meeting"]["includes"], json::array({"daily", "phase:c"}));
  ASSERT_EQ(b.view["folded"]["phases"].size(), 1u);
  EXPECT_EQ(b.view["folded"]["phases"][0]["id"], "c");
  EXPECT_EQ(b.view["folded"]["has_phases"], true);
  const json& daily = b.view["folded"]["daily"];
  EXPECT_EQ(daily["date"], "2026-12-18");
  EXPECT_EQ(daily["tomorrow"]["last_workday"], true);
  EXPECT_EQ(b.problems(), "");
}

TEST(RecapFinal, APageMadeBeforeTheFinalRecapPreparesItAndSaysSo) {
  Built b = recap(kProject, RecapLevel::final, "2026-12-10");
  EXPECT_EQ(b.view["meeting"]["date"], "2026-12-18");
  EXPECT_EQ(b.problems(),
            "warning: : the final recap is held on 2026-12-18 at 14:00: this page prepares it\n");
}

TEST(RecapFinal, SuggestedDurationGrowsWithFindingsAndStaysInRange) {
  EXPECT_EQ(suggested_final_minutes(0, 5), 30);
  EXPECT_EQ(suggested_final_minutes(5, 5), 45);    // 30 + 15
  EXPECT_EQ(suggested_final_minutes(6, 5), 60);    // 48, to the next quarter hour
  EXPECT_EQ(suggested_final_minutes(12, 9), 60);   // 66, but at most 60
  EXPECT_EQ(suggested_final_minutes(12, 16), 75);  // large: more than 15 workdays
  EXPECT_EQ(suggested_final_minutes(21, 5), 105);  // large: more than 20 findings
  EXPECT_EQ(suggested_final_minutes(500, 200), 120);
}

TEST(RecapFinal, FileDurationIsUsedButNeverAbove120) {
  Built asked = recap(kProject + "meetings:\n  final_recap: {duration: 90}\n", RecapLevel::final,
                      "2026-12-18");
  EXPECT_EQ(asked.view["meeting"]["duration"], 90);
  EXPECT_EQ(asked.problems(), "");

  Built capped = recap(kProject + "meetings:\n  final_recap: {duration: 150}\n", RecapLevel::final,
                       "2026-12-18");
  EXPECT_EQ(capped.view["meeting"]["duration"], 120);
  EXPECT_EQ(capped.problems(),
            "warning: meetings.final_recap.duration: a final recap takes 30 to 120 minutes, not "
            "150; planned with 120\n");

  Built suggested = recap(kProject, RecapLevel::final, "2026-12-18");
  EXPECT_EQ(suggested.view["meeting"]["duration"], 60);  // 9 findings: 57, rounded up
  EXPECT_EQ(suggested.view["meeting"]["date"], "2026-12-18");
}

TEST(Recap, OutputIsDeterministicWhateverTheFileOrder) {
  std::string reversed = "findings:\n";
  std::vector<std::string> lines;
  for (size_t at = kFindings.find("  - "); at != std::string::npos;) {
    size_t next = kFindings.find("  - ", at + 1);
    lines.push_back(kFindings.substr(at, next == std::string::npos ? next : next - at));
    at = next;
  }
  std::reverse(lines.begin(), lines.end());
  for (const auto& line : lines) reversed += line;
  for (RecapLevel level : {RecapLevel::daily, RecapLevel::phase, RecapLevel::final}) {
    json first = recap(kProject, level, "2026-12-16").view;
    EXPECT_EQ(first.dump(), recap(kProject, level, "2026-12-16").view.dump());
    EXPECT_EQ(first.dump(), recap(kHead + reversed + kLog, level, "2026-12-16").view.dump());
  }
}

TEST(RecapCommand, PhaseOnlyGoesWithThePhaseLevel) {
  auto result = testing::run_cli({"recap", "-", "--level", "daily", "--phase", "b"}, kProject);
  EXPECT_EQ(result.code, 2);
  EXPECT_EQ(result.err, "--phase: error: only goes with --level phase, not --level daily\n");
}

TEST(RecapCommand, LevelIsRequired) {
  auto result = testing::run_cli({"recap", "-", "--date", "2026-12-14"}, kProject);
  EXPECT_EQ(result.code, 2);
}

TEST(RecapCommand, ADateOutsideTheEngagementIsAUsageError) {
  auto result = testing::run_cli(
      {"recap", "-", "--level", "daily", "--date", "2027-01-04", "--format", "json"}, kProject);
  EXPECT_EQ(result.code, 2);
  EXPECT_EQ(result.out, "");
  // After the loader's warning about F-9's undeclared standard.
  EXPECT_TRUE(result.err.ends_with(
      "\n--date: error: 2027-01-04 is outside the engagement (2026-12-07 to 2026-12-18); "
      "pick a day in it\n"))
      << result.err;
}

TEST(RecapCommand, AnUnknownPhaseIsAUsageErrorAndABrokenFileInvalidInput) {
  auto unknown = testing::run_cli(
      {"recap", "-", "--level", "phase", "--phase", "nope", "--date", "2026-12-18"}, kProject);
  EXPECT_EQ(unknown.code, 2) << unknown.err;
  EXPECT_NE(unknown.err.find("--phase: error: no phase has the id \"nope\""), std::string::npos)
      << unknown.err;
  auto broken = testing::run_cli({"recap", "-", "--level", "phase", "--phase", "nope"},
                                 "commplan: 1\nproject: {name: x}\n");
  EXPECT_EQ(broken.code, 1) << broken.err;
}

TEST(RecapCommand, ADailyRecapHeldInsideAPhaseRecapSaysSoAndShowsItsTime) {
  auto result =
      testing::run_cli({"recap", testing::source_path("tests/projects/weekend-holiday.yaml"),
                        "--level", "daily", "--date", "2026-12-11"});
  EXPECT_EQ(result.code, 0) << result.err;
  // The note comes first; HF-01, never notified, is warned about after it.
  EXPECT_TRUE(result.err.starts_with(
      "commplan: note: the daily recap of 2026-12-11 is held inside the phase recap of "
      "\"survey\" at 16:30; this page is its daily section\n"))
      << result.err;
  EXPECT_NE(result.out.find("Friday 2026-12-11, 16:30–16:55 (25 minutes)"), std::string::npos)
      << result.out;
  EXPECT_EQ(result.out.find("17:30"), std::string::npos) << result.out;
}

TEST(RecapCommand, APhaseEndingOnSaturdayIsTheRecapOfFriday) {
  auto result =
      testing::run_cli({"recap", testing::source_path("tests/projects/weekend-holiday.yaml"),
                        "--level", "phase", "--date", "2026-12-11", "--format", "json"});
  EXPECT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  json view = json::parse(result.out);
  EXPECT_EQ(view["phase"]["id"], "survey");
  EXPECT_EQ(view["meeting"]["date"], "2026-12-11");
  EXPECT_EQ(view["folded"]["daily"]["date"], "2026-12-11");
}

TEST(RecapCommand, JsonIsTheViewModel) {
  auto result = testing::run_cli(
      {"recap", "-", "--level", "phase", "--date", "2026-12-16", "--format", "json"}, kProject);
  EXPECT_EQ(result.code, 0) << result.err;
  json view = json::parse(result.out);
  EXPECT_EQ(view["kind"], "commplan/recap");
  EXPECT_EQ(view["level"], "phase");
  EXPECT_EQ(view["phase"]["id"], "b");
  EXPECT_EQ(result.out.rfind("{\n  \"kind\": \"commplan/recap\",\n  \"version\": 1,", 0), 0u);
}

TEST(RecapCommand, RenderingTheJsonGivesTheSameMarkdown) {
  for (const char* level : {"daily", "phase", "final"}) {
    for (const char* lang : {"en", "zh"}) {
      std::vector<std::string> args = {"recap",  "-",  "--level", level,
                                       "--lang", lang, "--date",  "2026-12-16"};
      auto markdown = testing::run_cli(args, kProject);
      args.insert(args.end(), {"--format", "json"});
      auto view = testing::run_cli(args, kProject);
      std::string name = fmt::format("recap-{}.{}.md", level, lang);
      auto rendered = testing::run_cli(
          {"render", name, "--data", "-", "--escape", "markdown", "--strict"}, view.out);
      EXPECT_EQ(rendered.code, 0) << name << ": " << rendered.err;
      EXPECT_EQ(rendered.out, markdown.out) << name;
    }
  }
}

// ---- every recap is held when the plan holds it -----------------------------------------

/// Every example, and a project whose phases end on a weekend and on a holiday.
std::vector<std::string> plan_projects() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(testing::source_path("examples")))
    if (entry.path().extension() == ".yaml" || entry.path().extension() == ".json")
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  files.push_back(testing::source_path("tests/projects/weekend-holiday.yaml"));
  return files;
}

/// A meeting's day, time and length as `plan --format json` gives a touchpoint.
std::string slot(const Touchpoint& t) {
  return fmt::format("{} {} {} {}", to_string(t.kind), format_date(t.date), format_time(t.start),
                     t.duration);
}

std::string slot(const json& meeting) {
  return fmt::format("{} {} {} {}", meeting["kind"].get<std::string>(),
                     meeting["date"].get<std::string>(),
                     meeting["time"].is_null() ? "-" : meeting["time"].get<std::string>(),
                     meeting["duration"].get<int>());
}

/// What each level's page must show on `day`, read off the plan's touchpoints directly.
struct Expected {
  const Touchpoint* daily = nullptr;  ///< the touchpoint holding the day's daily recap
  const Touchpoint* phase = nullptr;  ///< the phase recap of the day, else the latest, else first
  const Touchpoint* final = nullptr;
};

Expected expected_on(const Schedule& schedule, Date day) {
  Expected e;
  const Touchpoint *first = nullptr, *latest = nullptr;
  for (const Touchpoint& t : schedule.touchpoints) {
    bool daily = t.kind == TouchpointKind::daily ||
                 std::find(t.includes.begin(), t.includes.end(), "daily") != t.includes.end();
    if (t.date == day && daily) e.daily = &t;
    if (t.kind == TouchpointKind::final) e.final = &t;
    bool phase = t.kind == TouchpointKind::phase ||
                 std::any_of(t.includes.begin(), t.includes.end(),
                             [](const std::string& item) { return item.starts_with("phase:"); });
    if (!phase) continue;
    if (first == nullptr) first = &t;
    if (t.date == day && e.phase == nullptr) e.phase = &t;
    if (t.date < day) latest = &t;
  }
  if (e.phase == nullptr) e.phase = latest != nullptr ? latest : first;
  return e;
}

TEST(RecapPlan, EveryLevelIsHeldWhenAndAsLongAsThePlanSaysOnEveryDay) {
  for (const std::string& file : plan_projects()) {
    Diagnostics loading;
    auto project = load_project(file, read_file(file), loading);
    ASSERT_TRUE(project && !loading.has_errors()) << file;
    const ProjectInfo& info = project->project;
    for (Date day = info.start; day <= info.end; day = add_days(day, 1)) {
      // The plan as made that day: the final recap's suggested length counts the findings
      // found by then.
      Diagnostics planning;
      Schedule schedule = build_schedule(*project, planning, day);
      ASSERT_FALSE(planning.has_errors()) << file;
      Expected e = expected_on(schedule, day);
      std::string where = fmt::format("{} on {}", file, format_date(day));
      for (RecapLevel level : {RecapLevel::daily, RecapLevel::phase, RecapLevel::final}) {
        Diagnostics d;
        json view = build_recap_view(*project, {Lang::en, day}, {level, {}}, d).value().whole();
        ASSERT_FALSE(d.has_errors()) << where << " " << to_string(level);
        const Touchpoint* t = level == RecapLevel::daily   ? e.daily
                              : level == RecapLevel::phase ? e.phase
                                                           : e.final;
        if (t == nullptr) {  // a day off: no daily recap in the plan, so no time
          EXPECT_EQ(view["meeting"]["time"], nullptr) << where;
          continue;
        }
        EXPECT_EQ(slot(view["meeting"]), slot(*t)) << where << " " << to_string(level);
        if (level != RecapLevel::phase) continue;
        std::vector<std::string> held = held_phases(*t);
        EXPECT_NE(std::find(held.begin(), held.end(), view["phase"]["id"]), held.end()) << where;
      }
    }
  }
}

TEST(RecapPlan, TheWeekendAndHolidayProjectMovesAndFoldsRecaps) {
  std::string file = testing::source_path("tests/projects/weekend-holiday.yaml");
  Diagnostics d;
  auto project = load_project(file, read_file(file), d);
  ASSERT_TRUE(project && !d.has_errors());
  Schedule schedule = build_schedule(*project, d);
  std::vector<std::string> recaps;
  for (const Touchpoint& t : schedule.touchpoints)
    if (t.kind != TouchpointKind::daily)
      recaps.push_back(fmt::format("{} {}{}{}", format_date(t.date), to_string(t.kind),
                                   t.moved ? " moved" : "", t.includes.empty() ? "" : " +"));
  EXPECT_EQ(recaps, (std::vector<std::string>{"2026-12-07 kickoff", "2026-12-11 phase moved +",
                                              "2026-12-15 phase moved +", "2026-12-18 final +"}));
  EXPECT_EQ(final_recap(schedule)->includes, (std::vector<std::string>{"daily", "phase:report"}));
}

// ---- extra workdays ----------------------------------------------------------------------

TEST(RecapDaily, AWorkedSaturdayIsAWorkdayForTheWindowAndThePlan) {
  std::string text =
      testing::project_head("2026-12-07", "2026-12-18", "  extra_workdays: [2026-12-12]\n") +
      "findings:\n  - {id: F-1, title: x, found: 2026-12-12}\n";
  Built saturday = recap(text, RecapLevel::daily, "2026-12-12");
  EXPECT_EQ(saturday.view["workday"], true);
  EXPECT_EQ(saturday.view["meeting"]["time"], "17:30");
  EXPECT_EQ(saturday.view["window"]["previous_recap"], "2026-12-11");
  Built monday = recap(text, RecapLevel::daily, "2026-12-14");
  EXPECT_EQ(monday.view["window"]["previous_recap"], "2026-12-12");  // covers only Sunday
  EXPECT_EQ(monday.view["window"]["days_off"].size(), 1u);
  EXPECT_EQ(recap(text, RecapLevel::daily, "2026-12-11").view["tomorrow"]["date"], "2026-12-12");
}

// ---- as of the page's day ------------------------------------------------------------------

// H-1 is agreed, then resolved by the client, then verified by us; H-2 gets worse on Monday;
// H-3 is found on the last Thursday; H-4 has no history.
const std::string kHistory =
    kHead +
    "findings:\n"
    "  - id: H-1\n"
    "    title: Fixed\n"
    "    found: 2026-12-08\n"
    "    phase: a\n"
    "    severity: medium\n"
    "    standard: S1\n"
    "    history:\n"
    "      - {date: 2026-12-09, status: agreed}\n"
    "      - {date: 2026-12-11, status: resolved, note: patched, by: Client}\n"
    "      - {date: 2026-12-14, status: verified, note: re-tested, by: Tester}\n"
    "  - id: H-2\n"
    "    title: Worse\n"
    "    found: 2026-12-10\n"
    "    phase: b\n"
    "    severity: low\n"
    "    standard: S2\n"
    "    history:\n"
    "      - {date: 2026-12-14, status: in-progress, severity: critical, note: worse}\n"
    "  - {id: H-3, title: Late, found: 2026-12-17, phase: c, severity: high, status: open}\n"
    "  - {id: H-4, title: Closed, found: 2026-12-08, phase: a, severity: high, status: "
    "wont-fix}\n" +
    kLog;

/// The item of `id` in a list of findings, or null.
json item(const json& findings, const std::string& id) {
  for (const auto& f : findings)
    if (f["id"] == id) return f;
  return nullptr;
}

TEST(RecapAsOf, AFindingHasTheStatusAndSeverityOfTheDay) {
  Built wednesday = recap(kHistory, RecapLevel::daily, "2026-12-09");
  EXPECT_EQ(item(wednesday.view["open_findings"], "H-1")["status"], "agreed");
  Built thursday = recap(kHistory, RecapLevel::daily, "2026-12-10");
  EXPECT_EQ(item(thursday.view["new_findings"], "H-2")["severity"], "low");
  EXPECT_EQ(item(thursday.view["new_findings"], "H-2")["status"], "open");
  Built monday = recap(kHistory, RecapLevel::daily, "2026-12-14");
  json h2 = item(monday.view["open_findings"], "H-2");
  EXPECT_EQ(h2["severity"], "critical");
  EXPECT_EQ(h2["severity_label"], "Critical");
  EXPECT_EQ(h2["status"], "in-progress");
  EXPECT_EQ(h2["open"], true);
  EXPECT_EQ(ids(monday.view["open_findings"]), (Ids{"H-2"}));  // H-1 is fixed since Friday
}

TEST(RecapAsOf, AFindingFoundAfterTheDayIsNotOnThePage) {
  Built before = recap(kHistory, RecapLevel::final, "2026-12-16");
  EXPECT_EQ(before.view["totals"]["findings"], 3);
  EXPECT_EQ(before.view["engagement"]["findings"], 3);
  EXPECT_EQ(item(before.view["phases"][2]["findings"], "H-3"), nullptr);
  EXPECT_EQ(before.view["phases"][2]["has_findings"], false);
  Built on_the_day = recap(kHistory, RecapLevel::final, "2026-12-18");
  EXPECT_EQ(on_the_day.view["totals"]["findings"], 4);
  EXPECT_EQ(ids(on_the_day.view["phases"][2]["findings"]), (Ids{"H-3"}));
  // The plan made on a day counts the findings found by then for the final recap's length.
  Project project = parse(kHistory);
  EXPECT_EQ(findings_known(project, day("2026-12-07")), 0u);
  EXPECT_EQ(findings_known(project, day("2026-12-10")), 3u);
  EXPECT_EQ(findings_known(project, std::nullopt), 4u);
}

TEST(RecapAsOf, MostSevereFirstUsesTheSeverityOfTheDay) {
  // Recorded low, H-2 is critical from Monday: it comes before the high H-3.
  Built b = recap(kHistory, RecapLevel::final, "2026-12-18");
  EXPECT_EQ(ids(b.view["open_items"]), (Ids{"H-2", "H-3"}));
  Built friday = recap(kHistory, RecapLevel::final, "2026-12-11");
  EXPECT_EQ(ids(friday.view["open_items"]), (Ids{"H-2"}));
  EXPECT_EQ(item(friday.view["phases"][1]["findings"], "H-2")["severity"], "low");
}

TEST(RecapAsOf, TheDailyRecapListsWhatWasFixedSinceThePreviousRecap) {
  Built friday = recap(kHistory, RecapLevel::daily, "2026-12-11");
  ASSERT_EQ(friday.view["fixed_findings"].size(), 1u);
  const json& resolved = friday.view["fixed_findings"][0];
  EXPECT_EQ(resolved["id"], "H-1");
  EXPECT_EQ(resolved["date"], "2026-12-11");
  EXPECT_EQ(resolved["by"], "Client");
  EXPECT_EQ(resolved["note"], "patched");
  EXPECT_EQ(resolved["status_from"], "agreed");
  EXPECT_EQ(resolved["status_to"], "resolved");
  EXPECT_EQ(resolved["status_changed"], true);
  EXPECT_EQ(friday.view["has_fixed_findings"], true);
  EXPECT_EQ(friday.view["has_finding_changes"], false);
  // Monday's window (Saturday to Monday) holds the re-test.
  Built monday = recap(kHistory, RecapLevel::daily, "2026-12-14");
  ASSERT_EQ(monday.view["fixed_findings"].size(), 1u);
  EXPECT_EQ(monday.view["fixed_findings"][0]["status_from"], "resolved");
  EXPECT_EQ(monday.view["fixed_findings"][0]["status_to_label"], "Verified");
  EXPECT_EQ(monday.view["fixed_findings"][0]["by"], "Tester");
  // The agreement on Wednesday is a change, not a fix; Thursday has no movement.
  Built wednesday = recap(kHistory, RecapLevel::daily, "2026-12-09");
  EXPECT_EQ(wednesday.view["fixed_findings"], json::array());
  EXPECT_EQ(ids(wednesday.view["finding_changes"]), (Ids{"H-1"}));
  Built thursday = recap(kHistory, RecapLevel::daily, "2026-12-10");
  EXPECT_EQ(thursday.view["has_fixed_findings"], false);
  EXPECT_EQ(thursday.view["has_finding_changes"], false);
}

TEST(RecapAsOf, TheDailyRecapListsOtherChangesOfStatusOrSeverity) {
  Built monday = recap(kHistory, RecapLevel::daily, "2026-12-14");
  ASSERT_EQ(monday.view["finding_changes"].size(), 1u);
  const json& change = monday.view["finding_changes"][0];
  EXPECT_EQ(change["id"], "H-2");
  EXPECT_EQ(change["severity_changed"], true);
  EXPECT_EQ(change["severity_from"], "low");
  EXPECT_EQ(change["severity_to"], "critical");
  EXPECT_EQ(change["severity_from_label"], "Low");
  EXPECT_EQ(change["status_from"], "open");
  EXPECT_EQ(change["status_to"], "in-progress");
  EXPECT_EQ(change["note"], "worse");
  EXPECT_EQ(change["by"], "");
  // In Chinese, with the same words as the rest of the page.
  Built zh = recap(kHistory, RecapLevel::daily, "2026-12-14", {}, Lang::zh);
  EXPECT_EQ(zh.view["finding_changes"][0]["status_to_label"], "处理中");
  EXPECT_EQ(zh.view["finding_changes"][0]["severity_to_label"], "严重");
}

TEST(RecapAsOf, APhaseRecapCountsAtItsMeetingsDay) {
  // Phase A's recap is on Wednesday 2026-12-09: H-1 was agreed then, whatever came later.
  Built a = recap(kHistory, RecapLevel::phase, "2026-12-18", "a");
  EXPECT_EQ(item(a.view["findings"], "H-1")["status"], "agreed");
  EXPECT_EQ(a.view["finding_count"], 2);
  // Phase B's recap prepared on Monday shows Monday's state, nothing of Wednesday's log.
  Built b = recap(kHistory, RecapLevel::phase, "2026-12-14", "b");
  json h2 = item(b.view["findings"], "H-2");
  EXPECT_EQ(h2["severity"], "critical");
  EXPECT_EQ(b.view["by_severity"][0]["count"], 1);  // critical
  EXPECT_EQ(b.view["folded"]["daily"]["log"]["recorded"], false);
  Built held = recap(kHistory, RecapLevel::phase, "2026-12-16", "b");
  EXPECT_EQ(held.view["folded"]["daily"]["log"]["recorded"], true);
}

TEST(RecapAsOf, TheFinalRecapCountsByTheStatusOfItsDay) {
  auto count = [](const json& list, const char* key, const char* value) {
    for (const auto& c : list)
      if (c[key] == value) return c["count"].get<int>();
    return -1;
  };
  Built b = recap(kHistory, RecapLevel::final, "2026-12-18");
  EXPECT_EQ(count(b.view["by_status"], "status", "verified"), 1);
  EXPECT_EQ(count(b.view["by_status"], "status", "in-progress"), 1);
  EXPECT_EQ(count(b.view["by_status"], "status", "open"), 1);
  EXPECT_EQ(count(b.view["by_severity"], "severity", "critical"), 1);
  EXPECT_EQ(count(b.view["by_severity"], "severity", "low"), 0);
  EXPECT_EQ(b.view["totals"]["open"], 2);
  EXPECT_EQ(b.view["totals"]["closed"], 2);
  // Prepared on Friday 2026-12-11: H-1 resolved, H-2 still low and open.
  Built friday = recap(kHistory, RecapLevel::final, "2026-12-11");
  EXPECT_EQ(count(friday.view["by_status"], "status", "resolved"), 1);
  EXPECT_EQ(count(friday.view["by_status"], "status", "verified"), 0);
  EXPECT_EQ(count(friday.view["by_severity"], "severity", "low"), 1);
  EXPECT_EQ(friday.view["totals"]["closed"], 2);
}

}  // namespace
}  // namespace commplan
