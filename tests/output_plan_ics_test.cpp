#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "output/plan_ics.hpp"
#include "util/diagnostic.hpp"

namespace commplan {
namespace {

using nlohmann::json;

/// A plan view model as small as a calendar can be written from.
json minimal_view(const std::string& lang = "en") {
  json attendee = {{"name", "Ann"}, {"role", "Lead"}, {"email", "ann@example.com"}};
  json nested = {{"name", "Bo"}, {"role", "CISO (acting)"}, {"email", ""}};
  json touchpoint = {{"uid", "1@commplan"},
                     {"date", "2026-12-07"},
                     {"start", "09:30"},
                     {"duration", 60},
                     {"kind", "kickoff"},
                     {"title", "Kick-off"},
                     {"purpose", "Agree."},
                     {"output", "A plan."},
                     {"note", "includes x"},
                     {"location", "Room 1"},
                     {"attendees", {attendee, nested}}};
  json meeting = {{"kind", "kickoff"}, {"agenda", {{{"number", 1}, {"text", "Scope"}}}}};
  return {{"kind", "commplan/plan"},
          {"version", 1},
          {"lang", lang},
          {"date", "2026-12-01"},
          {"project", {{"name", "Audit"}, {"client", "ACME"}, {"timezone", "Europe/Berlin"}}},
          {"organizer", {{"name", "Ann"}, {"email", "ann@example.com"}}},
          {"meetings", {meeting}},
          {"touchpoints", {touchpoint}}};
}

/// The unfolded content lines of a calendar.
std::string unfolded(std::string text) {
  for (size_t at; (at = text.find("\r\n ")) != std::string::npos;) text.erase(at, 3);
  return text;
}

/// The path of the one problem plan_ics reports for `view`.
std::string problem_path(const json& view) {
  try {
    (void)plan_ics(view);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::invalid_input);
    return format_headline(e.diagnostics().items().at(0));
  }
  return "no error";
}

TEST(PlanIcsFromView, WritesEveryEventFromTheViewAlone) {
  std::string ics = unfolded(plan_ics(minimal_view()));
  EXPECT_NE(ics.find("UID:1@commplan\r\n"), std::string::npos) << ics;
  EXPECT_NE(ics.find("DTSTAMP:20261201T000000Z\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTSTART:20261207T083000Z\r\nDTEND:20261207T093000Z\r\n"), std::string::npos);
  EXPECT_NE(ics.find("SUMMARY:Kick-off · Audit\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DESCRIPTION:Agree.\\n\\nAgenda:\\n1. Scope\\n\\nExpected output: A "
                     "plan.\\nIncludes x.\\n\\nAttendees:\\n- Ann (Lead)\\n- Bo\\, CISO "
                     "(acting)\\n\\nProject: Audit\\nClient: ACME\r\n"),
            std::string::npos)
      << ics;
  EXPECT_NE(ics.find("ORGANIZER;CN=Ann:mailto:ann@example.com\r\n"), std::string::npos);
  EXPECT_NE(ics.find("ATTENDEE;CN=Ann:mailto:ann@example.com\r\n"), std::string::npos);
}

TEST(PlanIcsFromView, SpeaksTheViewsLanguage) {
  std::string ics = unfolded(plan_ics(minimal_view("zh")));
  EXPECT_NE(ics.find("议程：\\n1. Scope\\n\\n预期成果：A plan.\\nIncludes x。"), std::string::npos)
      << ics;
  EXPECT_NE(ics.find("- Ann（Lead）\\n- Bo，CISO (acting)\\n\\n项目：Audit\\n客户：ACME"),
            std::string::npos);
}

TEST(PlanIcsFromView, InvitesNobodyWithoutAnOrganizer) {
  json view = minimal_view();
  view["organizer"] = nullptr;
  std::string none = plan_ics(view);
  view.erase("organizer");  // a view saved before the field was added
  EXPECT_EQ(plan_ics(view), none);
  EXPECT_EQ(none.find("ORGANIZER"), std::string::npos);
  EXPECT_EQ(none.find("ATTENDEE"), std::string::npos);
}

TEST(PlanIcsFromView, NamesTheFieldItCannotRead) {
  json view = minimal_view();
  view["touchpoints"][0].erase("uid");
  EXPECT_EQ(problem_path(view), "commplan: error: touchpoints[0].uid: missing");
  view = minimal_view();
  view["touchpoints"][0]["start"] = "9h";
  EXPECT_EQ(problem_path(view),
            "commplan: error: touchpoints[0].start: expected HH:MM, got \"9h\"");
  view["touchpoints"][0]["start"] = 930;
  EXPECT_EQ(problem_path(view), "commplan: error: touchpoints[0].start: expected a string");
  view = minimal_view();
  view["touchpoints"][0]["duration"] = "an hour";
  EXPECT_EQ(problem_path(view),
            "commplan: error: touchpoints[0].duration: expected a whole number");
  view = minimal_view();
  view["touchpoints"][0]["kind"] = "lunch";
  EXPECT_EQ(problem_path(view), "commplan: error: meetings: no meeting of kind \"lunch\"");
  view = minimal_view();
  view["touchpoints"] = json::object();
  EXPECT_EQ(problem_path(view), "commplan: error: touchpoints: expected a list");
}

TEST(PlanIcsFromView, RefusesAnotherKindALanguageOrAZoneItDoesNotKnow) {
  json view = minimal_view();
  view["kind"] = "commplan/kickoff";
  EXPECT_EQ(problem_path(view),
            "commplan: error: kind: expected \"commplan/plan\", got \"commplan/kickoff\"");
  view = minimal_view("fr");
  EXPECT_EQ(problem_path(view),
            "commplan: error: lang: unknown language \"fr\"; expected en or zh");
  view = minimal_view();
  view["project"]["timezone"] = "Mars/Base";
  EXPECT_EQ(problem_path(view),
            "commplan: error: project.timezone: unknown time zone \"Mars/Base\"");
  EXPECT_EQ(problem_path(json::array()), "commplan: error: expected a mapping");
}

}  // namespace
}  // namespace commplan
