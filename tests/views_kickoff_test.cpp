#include <gtest/gtest.h>

#include <numeric>

#include "test_helpers.hpp"
#include "views/kickoff.hpp"

namespace commplan {
namespace {

// 2026-12-05 is a Saturday: the first workday is Monday 2026-12-07.
const std::string kMinimal = testing::project_head("2026-12-05");

const std::string kComplete = kMinimal +
                              "team:\n"
                              "  - {name: Ann, role: Lead, responsibilities: [Runs it]}\n"
                              "  - {name: Bo, role: Tester, responsibilities: [Tests]}\n"
                              "client_team:\n"
                              "  - {name: Cy, role: IT, contact: true}\n"
                              "  - {name: Di, role: Ops}\n"
                              "scope: [Web app]\n"
                              "expectations: [No criticals]\n"
                              "method: {summary: Grey box}\n"
                              "cooperation: [Accounts]\n"
                              "phases:\n"
                              "  - {id: p1, name: Test, start: 2026-12-07, end: 2026-12-18}\n"
                              "meetings:\n"
                              "  kickoff: {time: \"10:00\", duration: 45, location: Room 1}\n"
                              "  daily_recap: {time: \"17:00\", duration: 10}\n";

struct Built {
  nlohmann::json view;
  std::string warnings;  // headlines, one a line
};

Built build(const std::string& text, Lang lang = Lang::en) {
  Diagnostics load;
  auto project = load_project("p.yaml", text, load);
  EXPECT_TRUE(project.has_value());
  EXPECT_FALSE(load.has_errors());
  Diagnostics d;
  ViewOptions options{lang, *parse_date("2026-12-01")};
  Built out{build_kickoff_view(*project, options, {}, d).value().data, ""};
  for (const auto& item : d.items()) out.warnings += format_headline(item) + "\n";
  return out;
}

int clock(const nlohmann::json& text) { return *parse_time(text.get<std::string>()); }

TEST(KickoffTimeboxes, AddUpToTheDurationForEveryTeamSize) {
  for (int duration = 7; duration <= 240; ++duration)
    for (int people = 0; people <= 40; ++people) {
      auto minutes = kickoff_timeboxes(duration, people);
      ASSERT_EQ(minutes.size(), 7u);
      EXPECT_EQ(std::accumulate(minutes.begin(), minutes.end(), 0), duration)
          << duration << " minutes, " << people << " people";
      for (int m : minutes) EXPECT_GE(m, 1);
    }
}

TEST(KickoffTimeboxes, FollowTheDocumentedRule) {
  EXPECT_EQ(kickoff_timeboxes(60, 7), (std::vector<int>{14, 10, 9, 9, 9, 4, 5}));
  EXPECT_EQ(kickoff_timeboxes(45, 5), (std::vector<int>{9, 8, 7, 7, 7, 3, 4}));
  EXPECT_EQ(kickoff_timeboxes(7, 3), (std::vector<int>{1, 1, 1, 1, 1, 1, 1}));
}

TEST(KickoffTimeboxes, IntroductionsGrowWithThePeople) {
  int previous = 0;
  for (int people = 0; people <= 20; ++people) {
    int intro = kickoff_timeboxes(60, people)[0];
    EXPECT_GE(intro, previous) << people << " people";
    previous = intro;
  }
  EXPECT_LT(kickoff_timeboxes(60, 2)[0], kickoff_timeboxes(60, 12)[0]);
  // Past 20 people the introductions stop growing.
  EXPECT_EQ(kickoff_timeboxes(60, 20), kickoff_timeboxes(60, 35));
}

TEST(KickoffView, ListsTheSevenItemsInTheMethodsOrderWithClockTimes) {
  Built b = build(kComplete);
  const auto& agenda = b.view["agenda"];
  std::vector<std::string> keys;
  for (const auto& item : agenda) keys.push_back(item["key"]);
  EXPECT_EQ(keys, (std::vector<std::string>{"introductions", "scope", "expectations", "method",
                                            "execution_plan", "contact", "daily_feedback"}));
  EXPECT_EQ(agenda[0]["start"], "10:00");
  int total = 0;
  for (size_t i = 0; i < agenda.size(); ++i) {
    EXPECT_EQ(agenda[i]["number"], i + 1);
    EXPECT_EQ(clock(agenda[i]["end"]) - clock(agenda[i]["start"]), agenda[i]["minutes"]);
    if (i > 0) {
      EXPECT_EQ(agenda[i]["start"], agenda[i - 1]["end"]);
    }
    total += agenda[i]["minutes"].get<int>();
    EXPECT_EQ(b.view[keys[i]]["start"], agenda[i]["start"]);
    EXPECT_EQ(b.view[keys[i]]["minutes"], agenda[i]["minutes"]);
  }
  EXPECT_EQ(total, 45);
  EXPECT_EQ(agenda[6]["end"], "10:45");
  EXPECT_EQ(b.view["meeting"]["end"], "10:45");
  EXPECT_EQ(b.warnings, "");
}

TEST(KickoffView, CarriesTheTeamContactAndDailyRecap) {
  Built b = build(kComplete);
  EXPECT_EQ(b.view["kind"], "commplan/kickoff");
  EXPECT_EQ(b.view["introductions"]["team"][0]["responsibilities"][0], "Runs it");
  EXPECT_EQ(b.view["introductions"]["people"], 4);
  EXPECT_EQ(b.view["contact"]["person"]["name"], "Cy");
  EXPECT_EQ(b.view["contact"]["to_confirm"], false);
  EXPECT_EQ(b.view["daily_feedback"]["time"], "17:00");
  EXPECT_EQ(b.view["daily_feedback"]["duration"], 10);
  EXPECT_EQ(b.view["execution_plan"]["phases"][0]["id"], "p1");
  EXPECT_EQ(b.view["meeting"]["date"], "2026-12-07");
  EXPECT_EQ(b.view["meeting"]["attendees"], (std::vector<std::string>{"Ann", "Bo", "Cy", "Di"}));
}

TEST(KickoffView, ShowsMissingPiecesAsToConfirmAndWarns) {
  Built b = build(kMinimal);
  EXPECT_EQ(b.view["meeting"]["time_to_confirm"], true);
  EXPECT_EQ(b.view["meeting"]["location_to_confirm"], true);
  EXPECT_EQ(b.view["introductions"]["team_to_confirm"], true);
  EXPECT_EQ(b.view["introductions"]["client_team_to_confirm"], true);
  EXPECT_EQ(b.view["scope"]["to_confirm"], true);
  EXPECT_EQ(b.view["expectations"]["to_confirm"], true);
  EXPECT_EQ(b.view["method"]["to_confirm"], true);
  EXPECT_EQ(b.view["method"]["cooperation_to_confirm"], true);
  EXPECT_EQ(b.view["execution_plan"]["to_confirm"], true);
  EXPECT_EQ(b.view["contact"]["to_confirm"], true);
  EXPECT_TRUE(b.view["contact"]["person"].is_null());
  EXPECT_EQ(b.view["daily_feedback"]["time_to_confirm"], true);
  EXPECT_EQ(b.warnings,
            "p.yaml:1:1: warning: no kick-off time; the agenda assumes 09:30, to confirm\n"
            "p.yaml:1:1: warning: no kick-off location; to confirm\n"
            "p.yaml:1:1: warning: no team listed; our introductions are to confirm\n"
            "p.yaml:1:1: warning: no client team listed; ask the client to introduce their "
            "people\n"
            "p.yaml:1:1: warning: no scope listed; to confirm in the kick-off\n"
            "p.yaml:1:1: warning: no expectations listed; to confirm in the kick-off\n"
            "p.yaml:1:1: warning: no method described; to confirm\n"
            "p.yaml:1:1: warning: nothing listed that we need from the client; to confirm\n"
            "p.yaml:1:1: warning: no phases planned; the execution plan is to confirm\n"
            "p.yaml:1:1: warning: no contact person (contact: true in client_team); to confirm\n"
            "p.yaml:1:1: warning: no daily recap time; the plan assumes 17:30, to confirm\n");
}

TEST(KickoffView, DefaultsToNineThirtyForAnHourOnTheFirstWorkday) {
  Built b = build(kMinimal);
  EXPECT_EQ(b.view["meeting"]["date"], "2026-12-07");
  EXPECT_EQ(b.view["meeting"]["start"], "09:30");
  EXPECT_EQ(b.view["meeting"]["end"], "10:30");
  EXPECT_EQ(b.view["meeting"]["duration"], 60);
  EXPECT_EQ(b.view["agenda"][0]["start"], "09:30");
  EXPECT_EQ(b.view["daily_feedback"]["duration"], 10);
  EXPECT_EQ(b.view["daily_feedback"]["time"], "17:30");
  EXPECT_EQ(b.view["daily_feedback"]["time_to_confirm"], true);
}

TEST(KickoffView, IsOnTheFirstWorkdayOfThePlanAWorkedSaturdayIncluded) {
  Built b =
      build(testing::project_head("2026-12-05", "2026-12-18", "  extra_workdays: [2026-12-06]\n"));
  EXPECT_EQ(b.view["meeting"]["date"], "2026-12-06");
}

TEST(KickoffView, PointsWarningsAtTheMeetingWhenTheFileHasIt) {
  Built b = build(kMinimal +
                  "meetings:\n"
                  "  kickoff:\n"
                  "    location: Room 1\n"
                  "  daily_recap:\n"
                  "    time: \"17:30\"\n"
                  "    duration: 15\n");
  EXPECT_NE(b.warnings.find("p.yaml:9:5: warning: meetings.kickoff: no kick-off time; the agenda "
                            "assumes 09:30, to confirm\n"),
            std::string::npos)
      << b.warnings;
  EXPECT_NE(b.warnings.find("p.yaml:12:15: warning: meetings.daily_recap.duration: a daily recap "
                            "takes 5 to 10 minutes, not 15; planned with 10\n"),
            std::string::npos)
      << b.warnings;
  EXPECT_EQ(b.view["daily_feedback"]["duration"], 10);
}

TEST(KickoffView, ClampsTheDailyRecapAndTheMeetingLength) {
  Built b = build(kComplete + "  final_recap: {duration: 60}\n");
  EXPECT_EQ(b.warnings, "");
  std::string text = kMinimal +
                     "meetings:\n"
                     "  kickoff: {duration: 5}\n"
                     "  daily_recap: {duration: 3}\n";
  b = build(text);
  EXPECT_EQ(b.view["daily_feedback"]["duration"], 5);
  EXPECT_EQ(b.view["meeting"]["duration"], 15);
  EXPECT_NE(
      b.warnings.find("p.yaml:8:23: warning: meetings.kickoff.duration: a kick-off takes 15 to "
                      "240 minutes, not 5; planned with 15\n"),
      std::string::npos)
      << b.warnings;
  EXPECT_NE(b.warnings.find("meetings.daily_recap.duration: a daily recap takes 5 to 10 minutes, "
                            "not 3; planned with 5\n"),
            std::string::npos)
      << b.warnings;
}

TEST(KickoffView, TakesTheFilesDateAndWarnsWhenItIsNoWorkday) {
  Built b = build(kComplete + "  final_recap: {date: 2026-12-18}\n");
  EXPECT_EQ(b.view["meeting"]["date"], "2026-12-07");
  b = build(kMinimal + "meetings:\n  kickoff: {date: 2026-12-12, time: \"09:00\"}\n");
  EXPECT_EQ(b.view["meeting"]["date"], "2026-12-12");
  EXPECT_NE(b.warnings.find("p.yaml:8:19: warning: meetings.kickoff.date: the kick-off on "
                            "2026-12-12 is not on a workday\n"),
            std::string::npos)
      << b.warnings;
  b = build(kMinimal + "meetings:\n  kickoff: {date: 2027-01-04}\n");
  EXPECT_NE(b.warnings.find("meetings.kickoff.date: the kick-off on 2027-01-04 is outside the "
                            "engagement (2026-12-05 to 2026-12-18)\n"),
            std::string::npos)
      << b.warnings;
}

TEST(KickoffView, NamesTheFirstOfSeveralContactsAndWarns) {
  Built b = build(kMinimal +
                  "client_team:\n"
                  "  - {name: Cy, contact: true}\n"
                  "  - {name: Di, contact: true}\n");
  EXPECT_EQ(b.view["contact"]["person"]["name"], "Cy");
  EXPECT_NE(b.warnings.find("p.yaml:9:25: warning: client_team[1].contact: more than one contact "
                            "person; the kick-off names Cy\n"),
            std::string::npos)
      << b.warnings;
}

TEST(KickoffView, WarnsAboutTeamMembersWithoutRoleOrResponsibilities) {
  Built b = build(kMinimal + "team:\n  - name: Ann\n");
  EXPECT_EQ(b.view["introductions"]["team"][0]["role_to_confirm"], true);
  EXPECT_EQ(b.view["introductions"]["team"][0]["responsibilities_to_confirm"], true);
  EXPECT_NE(b.warnings.find("p.yaml:8:5: warning: team[0]: no role; to confirm\n"),
            std::string::npos)
      << b.warnings;
  EXPECT_NE(b.warnings.find("p.yaml:8:5: warning: team[0]: no responsibilities listed; to "
                            "confirm\n"),
            std::string::npos)
      << b.warnings;
}

TEST(KickoffView, SpeaksTheRequestedLanguage) {
  Built en = build(kComplete, Lang::en);
  Built zh = build(kComplete, Lang::zh);
  EXPECT_EQ(en.view["lang"], "en");
  EXPECT_EQ(zh.view["lang"], "zh");
  EXPECT_EQ(en.view["agenda"][0]["title"], "Introductions");
  EXPECT_EQ(zh.view["agenda"][0]["title"], "相互介绍");
  EXPECT_EQ(zh.view["scope"]["question"], "对于这些内容，大家有没有疑问？");
}

TEST(KickoffCommand, PrintsTheViewModelAsJson) {
  auto r = testing::run_cli({"kickoff", testing::source_path("examples/datacentre-assessment.yaml"),
                             "--format", "json", "--date", "2026-12-07"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.rfind("{\n  \"kind\": \"commplan/kickoff\",\n  \"version\": 1,\n", 0), 0u);
  auto view = nlohmann::json::parse(r.out);
  EXPECT_EQ(view["meeting"]["start"], "09:30");
  EXPECT_EQ(view["contact"]["person"]["name"], "Zhou Min");
}

TEST(KickoffCommand, WarnsOnStderrAboutGapsAndStillSucceeds) {
  auto r = testing::run_cli({"kickoff", "-", "--format", "json", "--date", "2026-12-07"}, kMinimal);
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.err.find("<stdin>:1:1: warning: no scope listed; to confirm in the kick-off\n"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace commplan

namespace commplan {
namespace {

/// `render` of the built-in template on a command's --format json gives the command's Markdown.
void expect_render_round_trip(const std::string& command, const std::string& example,
                              const std::string& lang) {
  std::vector<std::string> args{
      command, testing::source_path(example), "--date", "2026-12-07", "--lang", lang};
  auto markdown = testing::run_cli(args);
  args.insert(args.end(), {"--format", "json"});
  auto view = testing::run_cli(args);
  auto rendered = testing::run_cli(
      {"render", command + "." + lang + ".md", "--data", "-", "--escape", "markdown", "--strict"},
      view.out);
  EXPECT_EQ(rendered.code, 0) << rendered.err;
  EXPECT_EQ(rendered.out, markdown.out) << command << " " << example << " " << lang;
}

TEST(KickoffCommand, RenderOfItsJsonGivesTheSameMarkdown) {
  for (const char* example :
       {"examples/datacentre-assessment.yaml", "examples/penetration-test.json",
        "examples/software-delivery.zh.yaml"})
    for (const char* lang : {"en", "zh"}) {
      expect_render_round_trip("kickoff", example, lang);
      expect_render_round_trip("five-w2h", example, lang);
    }
}

}  // namespace
}  // namespace commplan
