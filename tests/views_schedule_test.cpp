#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>

#include "test_helpers.hpp"
#include "views/schedule.hpp"

namespace commplan {
namespace {

// Two weeks from Monday 2026-12-07 to Friday 2026-12-18.
std::string head(const std::string& extra_project = "") {
  return "commplan: 1\n"
         "project:\n"
         "  name: Audit\n"
         "  client: ACME\n"
         "  start: 2026-12-07\n"
         "  end: 2026-12-18\n" +
         extra_project +
         "team:\n"
         "  - {name: Lead Person, email: lead@example.com}\n"
         "  - {name: Second Person}\n"
         "  - {name: Owner Person}\n"
         "client_team:\n"
         "  - {name: Boss, role: CIO}\n"
         "  - {name: Contact, contact: true, email: contact@example.com}\n";
}

Project parse(const std::string& text) {
  Diagnostics d;
  auto project = load_project("p.yaml", text, d);
  EXPECT_TRUE(project && !d.has_errors()) << (d.items().empty() ? "" : d.items()[0].message);
  return project ? std::move(*project) : Project{};
}

/// "DATE KIND [includes]" for every touchpoint, one a line.
std::string outline(const Schedule& s) {
  std::string out;
  for (const Touchpoint& t : s.touchpoints) {
    out += format_date(t.date) + " " + std::string(to_string(t.kind));
    if (t.phase != nullptr) out += ":" + t.phase->id;
    for (const std::string& item : t.includes) out += " +" + item;
    out += "\n";
  }
  return out;
}

std::vector<std::string> headlines(const Diagnostics& d) {
  std::vector<std::string> lines;
  for (const Diagnostic& item : d.items()) lines.push_back(format_headline(item));
  return lines;
}

struct Planned {
  Project project;
  Schedule schedule;
  Diagnostics diagnostics;
};

/// Parses and plans; the project is kept alive beside the schedule that points into it.
std::unique_ptr<Planned> plan(const std::string& text) {
  auto p = std::make_unique<Planned>();
  p->project = parse(text);
  p->schedule = build_schedule(p->project, p->diagnostics);
  return p;
}

TEST(Schedule, SkipsWeekendsAndFoldsTheLastDailyIntoTheFinalRecap) {
  auto p = plan(head());
  EXPECT_EQ(outline(p->schedule),
            "2026-12-07 kickoff\n"
            "2026-12-07 daily\n"
            "2026-12-08 daily\n"
            "2026-12-09 daily\n"
            "2026-12-10 daily\n"
            "2026-12-11 daily\n"
            "2026-12-14 daily\n"
            "2026-12-15 daily\n"
            "2026-12-16 daily\n"
            "2026-12-17 daily\n"
            "2026-12-18 final +daily\n");
  EXPECT_EQ(p->schedule.workdays.size(), 10u);
  EXPECT_TRUE(p->diagnostics.items().empty());
}

TEST(Schedule, WorksTheExtraWorkdays) {
  // Saturday 12-05 before the start, Saturday 12-12 inside: the kick-off moves to neither.
  auto p = plan(head("  extra_workdays: [2026-12-12]\n") +
                "phases:\n  - {id: a, start: 2026-12-07, end: 2026-12-13}\n");
  std::string out = outline(p->schedule);
  EXPECT_NE(out.find("2026-12-11 daily\n2026-12-12 phase:a +daily\n2026-12-14 daily\n"),
            std::string::npos)
      << out;
  EXPECT_EQ(p->schedule.workdays.size(), 11u);
  auto early = plan(
      "commplan: 1\nproject: {name: A, client: B, start: 2026-12-05, "
      "end: 2026-12-11, extra_workdays: [2026-12-05]}\n");
  EXPECT_EQ(early->schedule.touchpoints.front().date, *parse_date("2026-12-05"));
}

TEST(Schedule, SkipsHolidays) {
  auto p = plan(head("  holidays: [2026-12-15, 2026-12-18]\n"));
  std::string out = outline(p->schedule);
  EXPECT_EQ(out.find("2026-12-15"), std::string::npos);
  EXPECT_NE(out.find("2026-12-17 final +daily\n"), std::string::npos) << out;
  EXPECT_EQ(p->schedule.workdays.size(), 8u);
}

TEST(Schedule, MovesAPhaseEndingOnAWeekendOrHolidayBackToItsLastWorkday) {
  auto p = plan(head("  holidays: [2026-12-15]\n") +
                "phases:\n"
                "  - {id: a, start: 2026-12-07, end: 2026-12-13}\n"
                "  - {id: b, start: 2026-12-14, end: 2026-12-15}\n"
                "  - {id: c, start: 2026-12-16, end: 2026-12-18}\n");
  EXPECT_EQ(outline(p->schedule),
            "2026-12-07 kickoff\n"
            "2026-12-07 daily\n"
            "2026-12-08 daily\n"
            "2026-12-09 daily\n"
            "2026-12-10 daily\n"
            "2026-12-11 phase:a +daily\n"
            "2026-12-14 phase:b +daily\n"
            "2026-12-16 daily\n"
            "2026-12-17 daily\n"
            "2026-12-18 final +daily +phase:c\n");
  const Touchpoint& a = p->schedule.touchpoints[5];
  EXPECT_TRUE(a.moved);
  EXPECT_EQ(a.start, 16 * 60);
  EXPECT_EQ(a.duration, 30);
}

TEST(Schedule, RejectsAPhaseWithoutAWorkdayNamingIt) {
  auto p = plan(head("  holidays: [2026-12-14]\n") +
                "phases:\n"
                "  - {id: weekend, start: 2026-12-12, end: 2026-12-14}\n");
  EXPECT_EQ(headlines(p->diagnostics),
            std::vector<std::string>{
                "p.yaml:16:43: error: phases[0].end: phase \"weekend\" has no workday (2026-12-12 "
                "to 2026-12-14), so it cannot have a phase recap"});
}

TEST(Schedule, RejectsAnEngagementWithoutAWorkday) {
  auto p = plan("commplan: 1\nproject: {name: X, client: Y, start: 2026-12-12, end: 2026-12-13}\n");
  EXPECT_EQ(headlines(p->diagnostics),
            std::vector<std::string>{"p.yaml:2:38: error: project.start: the engagement has no "
                                     "workday from 2026-12-12 to 2026-12-13"});
  EXPECT_TRUE(p->schedule.touchpoints.empty());
}

TEST(Schedule, FoldsTwoPhaseRecapsOfOneDayIntoOne) {
  auto p = plan(head() +
                "phases:\n"
                "  - {id: a, start: 2026-12-07, end: 2026-12-11}\n"
                "  - {id: b, start: 2026-12-09, end: 2026-12-12}\n"
                "  - {id: c, start: 2026-12-14, end: 2026-12-18}\n"
                "  - {id: d, start: 2026-12-17, end: 2026-12-18}\n");
  std::string out = outline(p->schedule);
  EXPECT_NE(out.find("2026-12-11 phase:a +daily +phase:b\n"), std::string::npos) << out;
  EXPECT_NE(out.find("2026-12-18 final +daily +phase:c +phase:d\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("phase:c\n"), std::string::npos) << out;
}

TEST(Schedule, FollowsASundayToThursdayWeek) {
  auto p = plan(
      "commplan: 1\n"
      "project: {name: X, client: Y, start: 2027-01-01, end: 2027-01-09,\n"
      "          workdays: [sun, mon, tue, wed, thu]}\n"
      "phases: [{id: a, start: 2027-01-01, end: 2027-01-08}]\n");
  EXPECT_EQ(outline(p->schedule),
            "2027-01-03 kickoff\n"
            "2027-01-03 daily\n"
            "2027-01-04 daily\n"
            "2027-01-05 daily\n"
            "2027-01-06 daily\n"
            "2027-01-07 final +daily +phase:a\n");
  EXPECT_TRUE(p->schedule.touchpoints.back().includes.size() == 2);
}

TEST(Schedule, TakesExplicitMeetingDatesAndWarnsWhenOffAWorkday) {
  auto p = plan(head() +
                "meetings:\n"
                "  kickoff: {date: 2026-12-08, time: '10:00', duration: 90}\n"
                "  final_recap: {date: 2026-12-12}\n");
  std::string out = outline(p->schedule);
  EXPECT_EQ(out.substr(0, 38), "2026-12-07 daily\n2026-12-08 kickoff\n20");
  EXPECT_NE(out.find("2026-12-12 final\n"), std::string::npos) << out;
  EXPECT_NE(out.find("2026-12-18 daily\n"), std::string::npos) << out;
  EXPECT_EQ(p->schedule.touchpoints[1].start, 10 * 60);
  EXPECT_EQ(p->schedule.touchpoints[1].duration, 90);
  EXPECT_EQ(headlines(p->diagnostics),
            std::vector<std::string>{"p.yaml:16:23: warning: meetings.final_recap.date: the final "
                                     "recap on 2026-12-12 is not on a workday"});
}

TEST(Schedule, WarnsWhereTheFilesDatesPutTheMeetingsOutOfOrder) {
  auto p = plan(head() +
                "phases:\n"
                "  - {id: a, start: 2026-12-07, end: 2026-12-11}\n"
                "meetings:\n"
                "  kickoff: {date: 2026-12-14}\n"
                "  final_recap: {date: 2026-12-09}\n");
  EXPECT_EQ(headlines(p->diagnostics),
            (std::vector<std::string>{
                "p.yaml:18:23: warning: meetings.final_recap.date: the final recap on 2026-12-09 "
                "comes before the kick-off on 2026-12-14",
                "p.yaml:18:23: warning: meetings.final_recap.date: the final recap on 2026-12-09 "
                "comes before phase \"a\"'s recap on 2026-12-11"}));
}

TEST(Schedule, FoldsTheDailyRecapIntoAnExplicitFinalRecapDay) {
  auto p = plan(head() + "meetings:\n  final_recap: {date: 2026-12-16}\n");
  std::string out = outline(p->schedule);
  EXPECT_NE(out.find("2026-12-16 final +daily\n"), std::string::npos) << out;
  EXPECT_NE(out.find("2026-12-17 daily\n2026-12-18 daily\n"), std::string::npos) << out;
}

TEST(Schedule, ClampsDurationsToTheMethodWithAWarning) {
  auto p = plan(head() +
                "meetings:\n"
                "  daily_recap: {duration: 15, time: '18:00'}\n"
                "  phase_recap: {duration: 5}\n"
                "  final_recap: {duration: 200}\n");
  EXPECT_EQ(headlines(p->diagnostics),
            (std::vector<std::string>{
                "p.yaml:15:27: warning: meetings.daily_recap.duration: a daily recap takes 5 to "
                "10 minutes, not 15; planned with 10",
                "p.yaml:16:27: warning: meetings.phase_recap.duration: a phase recap takes 20 to "
                "30 minutes, not 5; planned with 20",
                "p.yaml:17:27: warning: meetings.final_recap.duration: a final recap takes 30 to "
                "120 minutes, not 200; planned with 120"}));
  EXPECT_EQ(p->schedule.touchpoints[1].start, 18 * 60);
  EXPECT_EQ(p->schedule.touchpoints[1].duration, 10);
  EXPECT_EQ(p->schedule.touchpoints.back().duration, 120);
}

TEST(Schedule, UsesTheDefaultTimesAndLengths) {
  auto p = plan(head() + "phases: [{id: a, start: 2026-12-07, end: 2026-12-09}]\n");
  const auto& t = p->schedule.touchpoints;
  EXPECT_EQ(format_time(t[0].start), "09:30");  // kick-off
  EXPECT_EQ(t[0].duration, 60);
  EXPECT_EQ(format_time(t[1].start), "17:30");  // daily
  EXPECT_EQ(t[1].duration, 10);
  EXPECT_EQ(format_time(t[3].start), "16:00");  // phase
  EXPECT_EQ(t[3].duration, 30);
  EXPECT_EQ(format_time(t.back().start), "14:00");  // final: as recap --level final suggests
  EXPECT_EQ(t.back().duration, 30);
}

std::vector<std::string> names(const Touchpoint& t) {
  std::vector<std::string> list;
  for (const Attendee& a : t.attendees) list.push_back(a.name);
  return list;
}

TEST(Schedule, InvitesTheMethodsPeopleByDefault) {
  auto p =
      plan(head() + "phases: [{id: a, start: 2026-12-07, end: 2026-12-09, owner: Owner Person}]\n");
  const auto& t = p->schedule.touchpoints;
  using List = std::vector<std::string>;
  List everyone{"Lead Person", "Second Person", "Owner Person", "Boss", "Contact"};
  EXPECT_EQ(names(t[0]), everyone);
  EXPECT_EQ(names(t[1]), (List{"Lead Person", "Contact"}));
  EXPECT_EQ(names(t[3]), (List{"Owner Person", "Lead Person", "Contact"}));
  EXPECT_EQ(names(t.back()), everyone);
  EXPECT_EQ(t[1].attendees[0].side, Attendee::Side::ours);
  EXPECT_EQ(t[1].attendees[1].side, Attendee::Side::theirs);
  EXPECT_EQ(t[1].attendees[1].email, "contact@example.com");
}

TEST(Schedule, WarnsAboutAttendeesInNeitherTeam) {
  auto p = plan(head() + "meetings:\n  daily_recap: {attendees: [Lead Person, Contcat]}\n");
  EXPECT_EQ(headlines(p->diagnostics),
            std::vector<std::string>{"p.yaml:15:28: warning: meetings.daily_recap.attendees: "
                                     "\"Contcat\" is in neither team nor client_team; did you "
                                     "mean \"Contact\"?"});
  EXPECT_EQ(p->schedule.touchpoints[1].attendees[1].side, Attendee::Side::guest);
}

TEST(Schedule, IgnoresADateOnTheDailyRecapWithAWarning) {
  auto p = plan(head() + "meetings:\n  daily_recap: {date: 2026-12-09}\n");
  ASSERT_EQ(p->diagnostics.items().size(), 1u);
  EXPECT_EQ(p->diagnostics.items()[0].message, "ignored: a daily recap is held on every workday");
}

TEST(Schedule, PlansTenYearsQuickly) {
  auto start = std::chrono::steady_clock::now();
  auto p = plan(
      "commplan: 1\n"
      "project: {name: X, client: Y, start: 2020-01-01, end: 2029-12-31}\n"
      "phases: [{id: a, start: 2020-01-01, end: 2024-12-31}, {id: b, start: 2025-01-01, end: "
      "2029-12-31}]\n");
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(p->schedule.workdays.size(), 2609u);
  EXPECT_EQ(p->schedule.touchpoints.size(), 2609u + 1u);  // + kick-off; recaps fold dailies
  EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST(Schedule, CountsANameInBothTeamsOnceAsOurs) {
  auto p = plan(head() + "  - {name: Second Person, role: Liaison}\n" +
                "meetings:\n  phase_recap: {attendees: [Boss, Lead Person, Boss, Nobody, "
                "Nobody]}\n" +
                "phases: [{id: a, start: 2026-12-07, end: 2026-12-09}]\n");
  const auto& t = p->schedule.touchpoints;
  using List = std::vector<std::string>;
  EXPECT_EQ(names(t[0]), (List{"Lead Person", "Second Person", "Owner Person", "Boss", "Contact"}));
  EXPECT_EQ(t[0].attendees[1].side, Attendee::Side::ours);
  EXPECT_EQ(names(t[3]), (List{"Boss", "Lead Person", "Nobody"}));
  EXPECT_EQ(t[3].attendees[2].side, Attendee::Side::guest);
  EXPECT_EQ(p->diagnostics.items().size(), 2u);  // each "Nobody" is warned about
}

// Every attendee is looked up in an index of both teams; bench/people_bench measures the time
// this takes (BM_Schedule), which a scan of the teams per name made quadratic.
TEST(Schedule, ResolvesFiftyThousandListedAttendeesInOrderAndSide) {
  Project project = parse(head() + "phases: [{id: a, start: 2026-12-07, end: 2026-12-09}]\n");
  for (int i = 0; i < 25'000; ++i) {
    project.team.push_back(Member{{}, fmt::format("Ours {}", i), "", "", "", {}});
    project.client_team.push_back(ClientMember{{}, fmt::format("Theirs {}", i), "", "", "", false});
    project.meetings.phase_recap.attendees.push_back(fmt::format("Theirs {}", i));
    project.meetings.phase_recap.attendees.push_back(fmt::format("Ours {}", i));
  }
  Diagnostics diagnostics;
  Schedule schedule = build_schedule(project, diagnostics);
  EXPECT_TRUE(diagnostics.items().empty());
  EXPECT_EQ(schedule.touchpoints.front().attendees.size(), 50'005u);
  EXPECT_EQ(schedule.touchpoints.back().attendees.size(), 50'005u);
  ASSERT_EQ(schedule.touchpoints[3].kind, TouchpointKind::phase);
  const std::vector<Attendee>& listed = schedule.touchpoints[3].attendees;
  ASSERT_EQ(listed.size(), 50'000u);
  for (size_t i = 0; i < listed.size(); ++i) {
    bool ours = i % 2 == 1;
    std::string name = fmt::format("{} {}", ours ? "Ours" : "Theirs", i / 2);
    ASSERT_EQ(listed[i].name, name) << i;
    ASSERT_EQ(listed[i].side, ours ? Attendee::Side::ours : Attendee::Side::theirs) << name;
  }
}

}  // namespace
}  // namespace commplan
