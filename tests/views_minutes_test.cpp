#include <gtest/gtest.h>

#include "test_helpers.hpp"
#include "views/actions.hpp"
#include "views/minutes.hpp"
#include "views/recap.hpp"

namespace commplan {
namespace {

using nlohmann::json;

// Two weeks from Monday 2026-12-07; 2026-12-15 (a Tuesday) is a holiday.
const std::string kHead =
    testing::project_head("2026-12-07", "2026-12-18", "  holidays: [2026-12-15]\n") +
    "team:\n"
    "  - {name: Ann Lee, role: Lead}\n"
    "  - {name: Bo Chen, role: Engineer}\n"
    "client_team:\n"
    "  - {name: Cy Wu, role: CIO, contact: true}\n"
    "phases:\n"
    "  - {id: a, name: Phase A, start: 2026-12-07, end: 2026-12-09}\n"
    "  - {id: b, name: Phase B, start: 2026-12-10, end: 2026-12-18}\n"
    "meetings:\n"
    "  kickoff: {time: \"09:00\", duration: 60, location: Room 1, attendees: [Ann Lee, Cy Wu]}\n"
    "log:\n"
    "  - {date: 2026-12-10, done: [Walked]}\n"
    "  - {date: 2026-12-14, done: [Walked]}\n";

const std::string kMinutes =
    "minutes:\n"
    "  - meeting: kickoff\n"
    "    date: 2026-12-07\n"
    "    by: Bo Chen\n"
    "    present: [Ann Lee, Cy Wu, Dee Guest]\n"
    "    decisions: [Daily recap at 17:30]\n"
    "    actions:\n"
    "      - {what: Send diagrams, owner: Cy Wu, due: 2026-12-08, done: 2026-12-08}\n"
    "      - {what: Badge access, owner: Cy Wu, due: 2026-12-09}\n"
    "      - {what: Undated thing, owner: Ann Lee}\n"
    "      - {what: Late report, owner: Bo Chen, due: 2026-12-10, done: 2026-12-16}\n"
    "    confirmations:\n"
    "      - {what: Scope agreed, by: Cy Wu}\n"
    "  - meeting: daily\n"
    "    date: 2026-12-10\n"
    "    by: Ann Lee\n"
    "    actions:\n"
    "      - {what: Fix row C, owner: Cy Wu, due: 2026-12-14}\n";

Project parse(const std::string& text, Diagnostics* out = nullptr) {
  Diagnostics d;
  auto project = load_project("p.yaml", text, d);
  EXPECT_TRUE(project && !d.has_errors()) << (d.items().empty() ? "" : d.items()[0].message);
  if (out != nullptr) *out = d;
  return std::move(*project);
}

Date day(const char* text) { return *parse_date(text); }

std::string warnings(const Diagnostics& d) {
  std::string out;
  for (const auto& item : d.items())
    if (item.level == Level::warning) out += item.path + ": " + item.message + "\n";
  return out;
}

std::vector<std::string> whats(const std::vector<OpenAction>& open) {
  std::vector<std::string> list;
  for (const OpenAction& a : open) list.push_back(a.action->what);
  return list;
}

TEST(OpenActions, AreThoseOfEarlierMinutesNotDoneByTheDay) {
  Project p = parse(kHead + kMinutes);
  EXPECT_EQ(whats(open_actions(p, day("2026-12-08"))),
            (std::vector<std::string>{"Badge access", "Late report", "Undated thing"}));
  // Minutes of a later day add nothing yet; by due date, undated last.
  EXPECT_EQ(
      whats(open_actions(p, day("2026-12-14"))),
      (std::vector<std::string>{"Badge access", "Late report", "Fix row C", "Undated thing"}));
  EXPECT_EQ(whats(open_actions(p, day("2026-12-16"))),
            (std::vector<std::string>{"Badge access", "Fix row C", "Undated thing"}));
  auto on_14 = open_actions(p, day("2026-12-14"));
  EXPECT_TRUE(on_14[0].overdue);
  EXPECT_FALSE(on_14[2].overdue);
  EXPECT_TRUE(on_14[2].due_today);
  EXPECT_FALSE(on_14[3].overdue);
}

TEST(OpenActions, TheDailyRecapCarriesThemAndWarnsAtAnOverdueOne) {
  Project p = parse(kHead + kMinutes);
  Diagnostics d;
  auto view = build_recap_view(p, {Lang::en, day("2026-12-14")}, {}, d);
  ASSERT_TRUE(view);
  json data = view->whole();
  EXPECT_TRUE(data["has_open_actions"]);
  EXPECT_EQ(data["overdue_actions"], 2);
  ASSERT_EQ(data["open_actions"].size(), 4u);
  EXPECT_EQ(data["open_actions"][0]["what"], "Badge access");
  EXPECT_EQ(data["open_actions"][0]["days_overdue"], 5);
  EXPECT_EQ(data["open_actions"][0]["meeting"]["name"], "Kick-off meeting");
  EXPECT_EQ(data["open_actions"][0]["meeting"]["date"], "2026-12-07");
  EXPECT_EQ(data["open_actions"][2]["meeting"]["kind"], "daily");
  EXPECT_EQ(warnings(d),
            "minutes[0].actions[1].due: action \"Badge access\" (Cy Wu) was due on 2026-12-09 "
            "and is still open on 2026-12-14\n"
            "minutes[0].actions[3].due: action \"Late report\" (Bo Chen) was due on 2026-12-10 "
            "and is still open on 2026-12-14\n");
  // The warning points at the action's due date in the file.
  EXPECT_EQ(d.items()[0].mark.line, 29);
}

TEST(OpenActions, NoneLeaveTheDailyRecapAsItWas) {
  Project p = parse(kHead);
  Diagnostics d;
  auto view = build_recap_view(p, {Lang::en, day("2026-12-14")}, {}, d);
  ASSERT_TRUE(view);
  EXPECT_FALSE(view->data["has_open_actions"]);
  EXPECT_EQ(view->data["open_actions"], json::array());
  EXPECT_EQ(warnings(d), "");
}

TEST(MinutesView, GivesThePlansMeetingTheAttendanceAndTheRecords) {
  Project p = parse(kHead + kMinutes);
  Diagnostics d;
  auto view = build_minutes_view(p, {Lang::en, day("2026-12-07")}, {}, d);
  ASSERT_TRUE(view) << warnings(d);
  json v = view->whole();
  EXPECT_EQ(v["kind"], "commplan/minutes");
  EXPECT_EQ(v["meeting"]["kind"], "kickoff");
  EXPECT_EQ(v["meeting"]["time"], "09:00");
  EXPECT_EQ(v["meeting"]["end_time"], "10:00");
  EXPECT_EQ(v["meeting"]["location"], "Room 1");
  EXPECT_TRUE(v["meeting"]["planned"]);
  ASSERT_EQ(v["attendance"].size(), 3u);
  EXPECT_EQ(
      v["attendance"][1],
      (json{{"name", "Cy Wu"}, {"role", "CIO"}, {"side", "client"}, {"side_label", "Client"}}));
  EXPECT_EQ(v["attendance"][2]["side"], "guest");
  EXPECT_FALSE(v["attendance_from_plan"]);
  EXPECT_EQ(v["decisions"][0]["text"], "Daily recap at 17:30");
  EXPECT_EQ(v["actions"].size(), 4u);
  EXPECT_EQ(v["actions"][3]["number"], 4);
  EXPECT_EQ(v["confirmations"][0]["date"], "2026-12-07");
  EXPECT_EQ(v["confirmations"][0]["by_role"], "CIO");
  EXPECT_EQ(v["taken_by_text"], "Bo Chen");
}

TEST(MinutesView, ADayLaterDoneDoesNotChangeThePage) {
  Project p = parse(kHead + kMinutes);
  Diagnostics d;
  auto view = build_minutes_view(p, {Lang::en, day("2026-12-07")}, {}, d);
  ASSERT_TRUE(view);
  // "Send diagrams" was done on 2026-12-08, after the page's day: not shown as done.
  for (const json& a : view->data["actions"]) EXPECT_TRUE(a["done"].is_null()) << a.dump();
  auto later = build_minutes_view(p, {Lang::en, day("2026-12-10")}, {}, d);
  ASSERT_TRUE(later);
  EXPECT_TRUE(later->data["actions"][0]["done"].is_null());
}

TEST(MinutesView, AttendanceDefaultsToThePlansInvitation) {
  Project p = parse(kHead +
                    "minutes:\n"
                    "  - {meeting: kickoff, date: 2026-12-07}\n");
  Diagnostics d;
  auto view = build_minutes_view(p, {Lang::zh, day("2026-12-07")}, {}, d);
  ASSERT_TRUE(view);
  EXPECT_TRUE(view->data["attendance_from_plan"]);
  ASSERT_EQ(view->data["attendance"].size(), 2u);
  EXPECT_EQ(view->data["attendance"][0]["side_label"], "我方");
  EXPECT_EQ(view->data["attendance"][1]["side_label"], "客户方");
}

TEST(MinutesView, ADayWithoutMinutesNamesTheDaysThatHaveThem) {
  Project p = parse(kHead + kMinutes);
  Diagnostics d;
  EXPECT_FALSE(build_minutes_view(p, {Lang::en, day("2026-12-08")}, {}, d));
  ASSERT_EQ(d.error_count(), 1u);
  EXPECT_EQ(d.items()[0].message,
            "no minutes dated 2026-12-08; minutes are recorded for 2026-12-07, 2026-12-10");
  EXPECT_EQ(d.items()[0].source, Source::option);
  Diagnostics other;
  EXPECT_FALSE(build_minutes_view(p, {Lang::en, day("2026-12-10")}, {MeetingKind::kickoff}, other));
  EXPECT_EQ(other.items()[0].message,
            "no minutes of the kick-off meeting dated 2026-12-10; that day has minutes of daily");
}

TEST(MinutesView, SeveralMeetingsOnADayNeedMeeting) {
  Project p = parse(kHead +
                    "minutes:\n"
                    "  - {meeting: phase, date: 2026-12-09, phase: a, decisions: [One]}\n"
                    "  - {meeting: daily, date: 2026-12-09}\n"
                    "  - {meeting: phase, date: 2026-12-09, by: Bo Chen, decisions: [Two]}\n");
  Diagnostics d;
  EXPECT_FALSE(build_minutes_view(p, {Lang::en, day("2026-12-09")}, {}, d));
  EXPECT_EQ(d.items()[0].message,
            "2026-12-09 has the minutes of 2 meetings (daily, phase); choose one with --meeting");
  Diagnostics ok;
  auto view = build_minutes_view(p, {Lang::en, day("2026-12-09")}, {MeetingKind::phase}, ok);
  ASSERT_TRUE(view);
  // Two records of one meeting make one page.
  EXPECT_EQ(view->data["decisions"].size(), 2u);
  EXPECT_EQ(view->data["meeting"]["phases_text"], "Phase A");
  EXPECT_EQ(view->data["meeting"]["time"], "16:00");
  EXPECT_EQ(warnings(ok), "");
}

TEST(MinutesCheck, NamesPeopleOutsideTheTeamsAndDatesBeforeTheMeeting) {
  Diagnostics d;
  parse(kHead +
            "minutes:\n"
            "  - meeting: daily\n"
            "    date: 2026-12-10\n"
            "    actions:\n"
            "      - {what: X, owner: Cy Wo, due: 2026-12-09, done: 2026-12-08}\n"
            "    confirmations:\n"
            "      - {what: Y, by: Nobody Known, date: 2026-12-01}\n",
        &d);
  EXPECT_EQ(warnings(d),
            "minutes[0].actions[0].owner: \"Cy Wo\" is in neither team nor client_team; did you "
            "mean \"Cy Wu\"?\n"
            "minutes[0].actions[0].due: action due on 2026-12-09, before the meeting that agreed "
            "it (2026-12-10)\n"
            "minutes[0].actions[0].done: action done on 2026-12-08, before the meeting that "
            "agreed it (2026-12-10)\n"
            "minutes[0].confirmations[0].by: \"Nobody Known\" is in neither team nor "
            "client_team\n"
            "minutes[0].confirmations[0].date: confirmed on 2026-12-01, before the meeting "
            "(2026-12-10)\n");
}

TEST(MinutesCheck, AMeetingThePlanDoesNotHoldThatDayIsWarnedAbout) {
  Project p = parse(kHead +
                    "minutes:\n"
                    "  - {meeting: kickoff, date: 2026-12-08}\n"
                    "  - {meeting: daily, date: 2026-12-12}\n"
                    "  - {meeting: phase, date: 2026-12-10, phase: a}\n"
                    "  - {meeting: final, date: 2026-12-18}\n"
                    "  - {meeting: daily, date: 2026-12-09}\n");
  Diagnostics planning, d;
  check_minutes_plan(p, build_schedule(p, planning), d);
  EXPECT_EQ(warnings(d),
            "minutes[0].date: kick-off meeting minutes dated 2026-12-08, but the plan holds that "
            "meeting on 2026-12-07\n"
            "minutes[1].date: daily recap minutes dated 2026-12-12, a day the plan holds no daily "
            "recap\n"
            "minutes[2].date: phase recap minutes of \"a\" dated 2026-12-10, but the plan holds "
            "that meeting on 2026-12-09\n");
}

}  // namespace
}  // namespace commplan
