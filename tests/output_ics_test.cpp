#include <gtest/gtest.h>

#include <sstream>

#include "output/ics.hpp"
#include "output/plan_ics.hpp"
#include "test_helpers.hpp"
#include "util/text.hpp"
#include "views/plan.hpp"

namespace commplan {
namespace {

Date day(std::string_view text) { return *parse_date(text); }

std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t from = 0;
  for (size_t at; (at = text.find("\r\n", from)) != std::string::npos; from = at + 2)
    lines.push_back(text.substr(from, at - from));
  EXPECT_EQ(from, text.size()) << "text after the last CRLF";
  return lines;
}

std::string unfold(const std::string& folded) {
  std::string out;
  for (const std::string& line : physical_lines(folded))
    out += line[0] == ' ' ? line.substr(1) : line;
  return out;
}

TEST(Ics, EscapesText) {
  EXPECT_EQ(ics::escape_text("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng");
  EXPECT_EQ(ics::escape_text("tab\tkept, bell\a gone"), "tab\tkept\\, bell  gone");
  EXPECT_EQ(ics::escape_text("会议室：2F-03"), "会议室：2F-03");
}

TEST(Ics, FoldsAsciiAt75Octets) {
  std::string line = "DESCRIPTION:" + std::string(200, 'x');
  std::string folded = ics::fold(line);
  auto lines = physical_lines(folded);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].size(), 75u);
  EXPECT_EQ(lines[1].size(), 75u);
  EXPECT_EQ(lines[1][0], ' ');
  EXPECT_EQ(unfold(folded), line);
  EXPECT_EQ(ics::fold("SHORT:x"), "SHORT:x\r\n");
  EXPECT_EQ(ics::fold(std::string(75, 'y')), std::string(75, 'y') + "\r\n");
}

TEST(Ics, FoldsALongChineseDescriptionWithoutSplittingACharacter) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "按照报告的逻辑完整、详细地汇报，";
  std::string line = "DESCRIPTION:" + ics::escape_text(text);
  std::string folded = ics::fold(line);
  auto lines = physical_lines(folded);
  EXPECT_GT(lines.size(), 20u);
  for (const std::string& physical : lines) {
    EXPECT_LE(physical.size(), 75u);
    EXPECT_EQ(invalid_utf8_offset(physical), std::string::npos) << physical;
  }
  for (size_t i = 1; i < lines.size(); ++i) EXPECT_EQ(lines[i][0], ' ');
  EXPECT_EQ(unfold(folded), line);
}

ics::Calendar berlin_calendar() {
  ics::Calendar c;
  c.prodid = "-//commplan//test//EN";
  c.timezone = "Europe/Berlin";
  c.stamp = day("2027-03-01");
  c.events.push_back(ics::Event{
      "a@commplan", day("2027-03-26"), 9 * 60 + 30, 60, "Before", "", "", std::nullopt, {}});
  c.events.push_back(ics::Event{
      "b@commplan", day("2027-03-29"), 9 * 60 + 30, 60, "After", "", "", std::nullopt, {}});
  return c;
}

TEST(Ics, ConvertsToUtcAcrossADaylightSavingChange) {
  // Berlin moves from UTC+1 to UTC+2 on Sunday 2027-03-28 at 02:00.
  std::string text = ics::write(berlin_calendar());
  EXPECT_NE(text.find("DTSTART:20270326T083000Z\r\nDTEND:20270326T093000Z\r\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("DTSTART:20270329T073000Z\r\nDTEND:20270329T083000Z\r\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("DTSTAMP:20270301T000000Z\r\n"), std::string::npos);
}

TEST(Ics, MapsSkippedAndRepeatedLocalTimes) {
  EXPECT_EQ(ics::date_time(day("2027-03-28"), 2 * 60 + 30, "Europe/Berlin"), "20270328T010000Z");
  EXPECT_EQ(ics::date_time(day("2027-10-31"), 2 * 60 + 30, "Europe/Berlin"), "20271031T003000Z");
  EXPECT_EQ(ics::date_time(day("2026-12-07"), 9 * 60 + 30, "Asia/Shanghai"), "20261207T013000Z");
}

TEST(Ics, FollowsTheZonesRulePastItsFilesTableOfChanges) {
  // New York's zoneinfo file lists its changes to 2037; later years follow the rule in its
  // footer (EST5EDT,M3.2.0,M11.1.0): daylight saving time from the second Sunday of March at
  // 02:00 to the first Sunday of November at 02:00.
  EXPECT_EQ(ics::date_time(day("2050-01-10"), 9 * 60 + 30, "America/New_York"), "20500110T143000Z");
  EXPECT_EQ(ics::date_time(day("2050-07-01"), 9 * 60 + 30, "America/New_York"), "20500701T133000Z");
  // 2050-03-13 02:30 is skipped: the moment of the change; 2050-11-06 01:30 comes twice: the
  // first.
  EXPECT_EQ(ics::date_time(day("2050-03-13"), 2 * 60 + 30, "America/New_York"), "20500313T070000Z");
  EXPECT_EQ(ics::date_time(day("2050-11-06"), 1 * 60 + 30, "America/New_York"), "20501106T053000Z");
}

TEST(Ics, WritesFloatingTimesWithoutATimeZone) {
  ics::Calendar c = berlin_calendar();
  c.timezone.clear();
  std::string text = ics::write(c);
  EXPECT_NE(text.find("DTSTART:20270326T093000\r\nDTEND:20270326T103000\r\n"), std::string::npos);
  EXPECT_EQ(ics::date_time(day("2026-12-07"), 23 * 60 + 59, ""), "20261207T235900");
}

TEST(Ics, RejectsAnUnknownTimeZone) {
  ics::Calendar c = berlin_calendar();
  c.timezone = "Mars/Olympus";
  EXPECT_THROW(ics::write(c), Error);
}

TEST(Ics, EndsEveryLineWithCrlf) {
  std::string text = ics::write(berlin_calendar());
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') {
      ASSERT_TRUE(i > 0 && text[i - 1] == '\r') << "bare LF at " << i;
    }
  auto lines = physical_lines(text);
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines[1], "VERSION:2.0");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
}

TEST(Ics, InvitesPeopleWithAnAddressOnlyUnderAnOrganizer) {
  ics::Calendar c = berlin_calendar();
  c.events[0].attendees = {{"Doe, Jane", "jane@example.com"}, {"No Mail", ""}};
  std::string without = ics::write(c);
  EXPECT_EQ(without.find("ATTENDEE"), std::string::npos);
  c.events[0].organizer = ics::Person{"Lead", "lead@example.com"};
  std::string with = ics::write(c);
  EXPECT_NE(with.find("ORGANIZER;CN=Lead:mailto:lead@example.com\r\n"), std::string::npos);
  EXPECT_NE(with.find("ATTENDEE;CN=\"Doe, Jane\":mailto:jane@example.com\r\n"), std::string::npos);
  EXPECT_EQ(with.find("No Mail"), std::string::npos);
}

const std::string kProject =
    "commplan: 1\n"
    "project: {name: Audit, client: ACME, start: 2026-12-07, end: 2026-12-11, timezone: "
    "Europe/Berlin}\n"
    "team: [{name: Lead, email: lead@example.com}]\n"
    "client_team: [{name: Contact, contact: true, email: contact@example.com}]\n";

Project parse(const std::string& text) {
  Diagnostics d;
  auto project = load_project("p.yaml", text, d);
  EXPECT_TRUE(project && !d.has_errors());
  return project ? std::move(*project) : Project{};
}

std::string plan_ics(const Project& project, const ViewOptions& options) {
  Diagnostics d;
  return commplan::plan_ics(build_plan_view(project, options, {}, d).value().data);
}

std::vector<std::string> uids(const std::string& text) {
  std::vector<std::string> list;
  for (const std::string& line : physical_lines(text))
    if (line.rfind("UID:", 0) == 0) list.push_back(line.substr(4));
  return list;
}

TEST(PlanIcs, IsByteIdenticalAcrossRuns) {
  Project project = parse(kProject);
  ViewOptions options{Lang::en, day("2026-12-01")};
  std::string first = plan_ics(project, options);
  EXPECT_EQ(first, plan_ics(project, options));
  EXPECT_EQ(uids(first).size(), 6u);  // kick-off, four dailies, final
  EXPECT_NE(first.find("DTSTAMP:20261201T000000Z\r\n"), std::string::npos);
}

TEST(PlanIcs, KeepsUidsWhenTimesPlacesAndLanguageChange) {
  Project project = parse(kProject);
  Project moved = parse(kProject +
                        "meetings:\n"
                        "  daily_recap: {time: '18:00', location: Room 2}\n"
                        "  kickoff: {time: '08:00', duration: 30}\n");
  std::string a = plan_ics(project, {Lang::en, day("2026-12-01")});
  std::string b = plan_ics(moved, {Lang::zh, day("2026-12-05")});
  EXPECT_NE(a, b);
  EXPECT_EQ(uids(a), uids(b));
}

/// The first diagnostic's headline of what read_events throws for `text`, or "".
std::string read_error(const std::string& text) {
  try {
    ics::read_events("old.ics", text);
  } catch (const Error& e) {
    return format_headline(e.diagnostics().items().front());
  }
  return "";
}

TEST(ReadEvents, ReadsWhatAnUpdateComparesUnfoldedAndSortedByUid) {
  std::vector<ics::PriorEvent> events = ics::read_events(
      "old.ics",
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:b\r\nSEQUENCE:2\r\nDTSTART:20261207T0130"
      "00Z\r\nLOCATION:Room\r\n  2\r\nATTENDEE;CN=Zed:mailto:z@x\r\nATTENDEE;CN=A:mailto:a@x\r\n"
      "BEGIN:VALARM\r\nUID:not-the-event\r\nEND:VALARM\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\nUID:a\nSTATUS:CANCELLED\nEND:VEVENT\nEND:VCALENDAR\n");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].uid, "a");
  EXPECT_TRUE(events[0].cancelled);
  const ics::PriorEvent& b = events[1];
  EXPECT_EQ(b.uid, "b");
  EXPECT_EQ(b.sequence, 2);
  EXPECT_EQ(b.when, "DTSTART:20261207T013000Z\n");
  EXPECT_EQ(b.where, "LOCATION:Room 2");
  EXPECT_EQ(b.who, "ATTENDEE;CN=A:mailto:a@x\nATTENDEE;CN=Zed:mailto:z@x\n");
  EXPECT_EQ(b.lines.size(), 4u);
}

TEST(ReadEvents, RefusesWhatIsNoCalendarWithItsLine) {
  EXPECT_EQ(read_error("hello\n"),
            "old.ics:1:1: error: not an iCalendar file: expected BEGIN:VCALENDAR first");
  EXPECT_EQ(read_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSEQUENCE:1\nEND:VEVENT\n"),
            "old.ics:2:1: error: an event without a UID");
  EXPECT_EQ(read_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nSEQUENCE:x\nEND:VEVENT\n"),
            "old.ics:4:1: error: SEQUENCE \"x\" is not a whole number");
  EXPECT_EQ(read_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nSEQUENCE:2147483647\nEND:VEVENT\n"),
            "old.ics:4:1: error: SEQUENCE 2147483647 is the largest a calendar holds: the event "
            "cannot be numbered again");
  EXPECT_EQ(read_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nSEQUENCE:2147483648\nEND:VEVENT\n"),
            "old.ics:4:1: error: SEQUENCE \"2147483648\" is not a whole number");
  EXPECT_EQ(read_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\n"),
            "old.ics:2:1: error: an event without END:VEVENT");
  EXPECT_EQ(read_error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VEVENT\n"
                       "BEGIN:VEVENT\nUID:a\nEND:VEVENT\n"),
            "old.ics:5:1: error: a second event with UID a");
}

TEST(PlanIcs, NumbersAnUpdateAgainstThePreviousCalendar) {
  Project project = parse(kProject);
  Project moved = parse(kProject + "meetings:\n  final_recap: {time: '10:00'}\n");
  std::string old = plan_ics(project, {Lang::en, day("2026-12-01")});
  std::vector<ics::PriorEvent> previous = ics::read_events("old.ics", old);
  Diagnostics d;
  nlohmann::json view = build_plan_view(moved, {Lang::en, day("2026-12-01")}, {}, d).value().data;
  std::string updated = commplan::plan_ics(view, {&previous, std::nullopt});
  std::vector<ics::PriorEvent> now = ics::read_events("new.ics", updated);
  int changed = 0;
  for (const ics::PriorEvent& e : now) changed += e.sequence;
  EXPECT_EQ(changed, 1);  // the final recap only
  EXPECT_EQ(now.size(), previous.size());
  // Against itself nothing changes.
  EXPECT_EQ(commplan::plan_ics(view, {&now, std::nullopt}), updated);
}

}  // namespace
}  // namespace commplan
