#include <gtest/gtest.h>

#include "output/ics.hpp"
#include "output/plan_ics.hpp"
#include "test_helpers.hpp"
#include "util/uid.hpp"
#include "views/plan.hpp"

namespace commplan {
namespace {

using nlohmann::json;

const std::string kProject =
    testing::project_head("2026-12-07", "2026-12-18",
                          "  timezone: Europe/Berlin\n"
                          "  holidays: [2026-12-15]\n") +
    "team:\n"
    "  - {name: Lead, role: Lead assessor}\n"
    "  - {name: Second}\n"
    "  - {name: Third}\n"
    "client_team:\n"
    "  - {name: Contact, role: IT manager, contact: true}\n"
    "  - {name: Sponsor, role: CIO}\n"
    "  - {name: Operator}\n"
    "phases:\n"
    "  - {id: a, name: Reading, start: 2026-12-07, end: 2026-12-13, owner: Second}\n"
    "  - {id: b, name: Walking, start: 2026-12-14, end: 2026-12-18, owner: Lead}\n"
    "meetings:\n"
    "  phase_recap: {attendees: [Lead, Second, Contact, Sponsor]}\n"
    "questions: [Who holds the keys?]\n"
    "escalation:\n"
    "  - {level: 1, who: Contact, within: 2}\n"
    "  - {level: 2, who: Sponsor}\n";

Project parse(const std::string& text) {
  Diagnostics d;
  auto project = load_project("p.yaml", text, d);
  EXPECT_TRUE(project && !d.has_errors()) << (d.items().empty() ? "" : d.items()[0].message);
  return project ? std::move(*project) : Project{};
}

json view_of(const std::string& text, Lang lang, Diagnostics* diagnostics = nullptr) {
  Project project = parse(text);
  Diagnostics local;
  return build_plan_view(project, {lang, *parse_date("2026-12-01")}, {},
                         diagnostics ? *diagnostics : local)
      .value()
      .data;
}

TEST(PlanView, SummarisesTheEngagement) {
  json v = view_of(kProject, Lang::en);
  EXPECT_EQ(v["kind"], "commplan/plan");
  EXPECT_EQ(v["summary"]["workdays"], 9);
  EXPECT_EQ(v["summary"]["days"], 12);
  EXPECT_EQ(v["summary"]["workweek"], "Monday to Friday");
  EXPECT_EQ(v["summary"]["holidays_text"], "2026-12-15");
  EXPECT_EQ(v["summary"]["counts"],
            json({{"kickoff", 1}, {"daily", 7}, {"phase", 1}, {"final", 1}, {"total", 10}}));
  EXPECT_EQ(v["summary"]["minutes"], 60 + 7 * 10 + 30 + 30);
}

TEST(PlanView, DescribesEachTouchpoint) {
  json v = view_of(kProject, Lang::en);
  const json& recap = v["touchpoints"][5];
  EXPECT_EQ(recap["date"], "2026-12-11");
  EXPECT_EQ(recap["weekday"], "Fri");
  EXPECT_EQ(recap["start"], "16:00");
  EXPECT_EQ(recap["end"], "16:30");
  EXPECT_EQ(recap["title"], "Phase recap: Reading");
  EXPECT_EQ(recap["moved"], true);
  EXPECT_EQ(recap["note"], "includes the daily recap");
  EXPECT_EQ(recap["ours"], "Lead, Second");
  EXPECT_EQ(recap["theirs"], "Contact, Sponsor");
  const json& last = v["touchpoints"].back();
  EXPECT_EQ(last["includes"], json({"daily", "phase:b"}));
  EXPECT_EQ(last["note"], "includes the daily recap and the phase recap of Walking");
  EXPECT_EQ(last["uid"], make_uid("Audit", "final", "final"));  // the final recap, on any day
}

TEST(PlanView, SpeaksChinese) {
  json v = view_of(kProject, Lang::zh);
  EXPECT_EQ(v["summary"]["workweek"], "周一至周五");
  EXPECT_EQ(v["touchpoints"][5]["title"], "阶段复盘：Reading");
  EXPECT_EQ(v["touchpoints"][5]["weekday"], "周五");
  EXPECT_EQ(v["touchpoints"].back()["note"], "含当天的每日复盘和“Walking”阶段复盘");
  EXPECT_EQ(v["escalation"][1]["within_text"], "待确认");
  EXPECT_EQ(v["questions"][0]["text"], "你们平时是如何开展日常操作的？");
}

TEST(PlanView, DerivesTheCommunicationMatrix) {
  json v = view_of(kProject, Lang::en);
  const json& m = v["matrix"];
  ASSERT_EQ(m.size(), 5u);
  EXPECT_EQ(m[0]["id"], "contact");
  EXPECT_EQ(m[0]["who"], "Contact (IT manager)");
  EXPECT_EQ(m[0]["from"], "Lead");
  EXPECT_EQ(m[0]["backup"], "Second");
  EXPECT_EQ(m[0]["meetings"], json::parse(R"([{"kind": "daily", "people": ["Contact"]}])"));
  // Who attends, as the schedule has it: the phase recaps list their people, the final recap
  // invites both teams.
  EXPECT_EQ(m[1]["id"], "management");
  EXPECT_EQ(m[1]["who"], "Phase recap: Contact, Sponsor; Final recap: Contact, Sponsor, Operator");
  EXPECT_EQ(m[1]["meetings"], json::parse(R"([{"kind": "phase", "people": ["Contact", "Sponsor"]},
      {"kind": "final", "people": ["Contact", "Sponsor", "Operator"]}])"));
  EXPECT_EQ(m[2]["who"], "Contact, Sponsor, Operator");
  EXPECT_EQ(m[3]["meetings"], json::array());
  EXPECT_EQ(m[2]["from"], "Second, Lead");  // the phase owners
  EXPECT_EQ(m[2]["backup"], "Third");
  EXPECT_EQ(m[4]["id"], "escalation");
  EXPECT_EQ(m[4]["frequency"],
            "When a problem arises: level 1 within 2 h, level 2 (time to confirm)");
}

TEST(PlanView, TheClientsMatrixHasNoRowForOurTeamsOwnCheckIns) {
  Project project = parse(kProject);
  Diagnostics diagnostics;
  auto ids_for = [&](Audience audience) {
    ViewOptions options{Lang::en, *parse_date("2026-12-01"), audience};
    json matrix = build_plan_view(project, options, {}, diagnostics).value().data["matrix"];
    std::vector<std::string> ids;
    for (const json& row : matrix) ids.push_back(row["id"]);
    return ids;
  };
  EXPECT_EQ(
      ids_for(Audience::team),
      (std::vector<std::string>{"contact", "management", "client_team", "our_team", "escalation"}));
  EXPECT_EQ(ids_for(Audience::client),
            (std::vector<std::string>{"contact", "management", "client_team", "escalation"}));
}

TEST(PlanView, NamesInTheMatrixWhoTheMeetingsInvite) {
  std::string text = kProject;
  text.insert(text.find("meetings:\n") + 10,
              "  kickoff: {attendees: [Lead, Contact, Guest]}\n"
              "  daily_recap: {attendees: [Second, Operator]}\n"
              "  final_recap: {attendees: [Lead, Sponsor]}\n");
  json v = view_of(text, Lang::zh);
  const json& m = v["matrix"];
  EXPECT_EQ(m[0]["who"], "Operator");
  EXPECT_EQ(m[1]["who"], "阶段复盘：Contact、Sponsor；项目总结汇报：Sponsor");
  EXPECT_EQ(m[2]["who"], "Contact、Guest");
  EXPECT_EQ(m[2]["meetings"],
            json::parse(R"([{"kind": "kickoff", "people": ["Contact", "Guest"]}])"));
  for (const json& row : m)
    for (const char* column :
         {"audience", "who", "what", "why", "how", "frequency", "from", "backup"})
      EXPECT_FALSE(row[column].get<std::string>().empty()) << row["id"] << " " << column;
}

TEST(PlanView, ShowsGapsAsToConfirm) {
  Diagnostics d;
  json v =
      view_of("commplan: 1\nproject: {name: X, client: Y, start: 2026-12-07, end: 2026-12-08}\n",
              Lang::en, &d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].message, "no escalation path: the plan shows it as to confirm");
  EXPECT_EQ(v["has_escalation"], false);
  EXPECT_EQ(v["matrix"].size(), 4u);
  EXPECT_EQ(v["matrix"][0]["who"], "to confirm");
  EXPECT_EQ(v["matrix"][0]["from"], "to confirm");
  EXPECT_EQ(v["touchpoints"][1]["attendees"], json::array());
}

TEST(PlanView, PutsTheMethodsQuestionsFirst) {
  json v = view_of(kProject, Lang::en);
  ASSERT_EQ(v["questions"].size(), 5u);
  EXPECT_EQ(v["questions"][0]["text"], "How do you normally operate, day to day?");
  EXPECT_EQ(v["questions"][3]["source"], "method");
  EXPECT_EQ(v["questions"][4],
            json({{"number", 5}, {"text", "Who holds the keys?"}, {"source", "project"}}));
}

TEST(PlanView, DrawsTheGanttChart) {
  json v = view_of(kProject, Lang::en);
  EXPECT_EQ(v["mermaid"],
            "gantt\n"
            "    title Audit\n"
            "    dateFormat YYYY-MM-DD\n"
            "    axisFormat %m-%d\n"
            "    inclusiveEndDates\n"
            "    todayMarker off\n"
            "    excludes weekends, 2026-12-15\n"
            "    section Phases\n"
            "    Reading :phase1, 2026-12-07, 2026-12-13\n"
            "    Walking :phase2, 2026-12-14, 2026-12-18\n"
            "    section Meetings\n"
            "    Kick-off meeting :milestone, kickoff, 2026-12-07, 0d\n"
            "    Reading phase recap :milestone, recap1, 2026-12-11, 0d\n"
            "    Final recap :milestone, final, 2026-12-18, 0d");
}

TEST(PlanView, ExcludesTheDaysOffOfACustomWeek) {
  json v = view_of(
      "commplan: 1\nproject: {name: X, client: Y, start: 2027-01-03, end: 2027-01-07, workdays: "
      "[sun, mon, tue, wed, thu]}\n",
      Lang::en);
  EXPECT_NE(v["mermaid"].get<std::string>().find("    excludes friday, saturday\n"),
            std::string::npos);
  EXPECT_EQ(v["summary"]["workweek"], "Sunday to Thursday");
}

TEST(PlanView, NamesEachMeetingAsTheFileDoes) {
  std::string text = kProject;
  text.replace(text.find("  phase_recap: {"), std::string("  phase_recap: {").size(),
               "  kickoff: {name: 首次会议}\n"
               "  daily_recap: {name: 每日沟通会}\n"
               "  final_recap: {name: 末次会议}\n"
               "  phase_recap: {name: 阶段汇报会, ");
  for (Lang lang : {Lang::en, Lang::zh}) {
    json v = view_of(text, lang);
    EXPECT_EQ(v["touchpoints"][0]["title"], "首次会议");
    EXPECT_EQ(v["touchpoints"][1]["kind_label"], "每日沟通会");
    EXPECT_EQ(v["touchpoints"].back()["title"], "末次会议");
    std::string phase = v["touchpoints"][5]["title"];
    EXPECT_EQ(phase, lang == Lang::zh ? "阶段汇报会：Reading" : "阶段汇报会: Reading");
    EXPECT_EQ(v["meetings"][1]["label"], "每日沟通会");
    EXPECT_NE(v["meetings"][0]["purpose"].get<std::string>().find("每日沟通会"), std::string::npos);
    EXPECT_EQ(v["meeting_names"]["final"]["in_text"], "末次会议");
    EXPECT_EQ(v["phases"][0]["recap"], phase);
    EXPECT_EQ(v["matrix"][0]["how"], lang == Lang::zh
                                         ? "每日沟通会；紧急问题随时电话沟通"
                                         : "每日沟通会; a call at once for anything urgent");
    std::string mermaid = v["mermaid"];
    EXPECT_NE(mermaid.find("首次会议 :milestone"), std::string::npos) << mermaid;
    EXPECT_NE(mermaid.find("末次会议 :milestone"), std::string::npos) << mermaid;
  }
  json zh = view_of(text, Lang::zh);
  EXPECT_EQ(zh["touchpoints"].back()["note"], "含当天的每日沟通会和“Walking”阶段汇报会");
  EXPECT_EQ(zh["matrix"][1]["how"], "阶段汇报会和末次会议");
  EXPECT_EQ(zh["matrix"][1]["who"],
            "阶段汇报会：Contact、Sponsor；末次会议：Contact、Sponsor、Operator");
  std::string calendar = plan_ics(view_of(text, Lang::en));
  EXPECT_NE(calendar.find("SUMMARY:首次会议 · Audit"), std::string::npos) << calendar;
  EXPECT_NE(calendar.find("SUMMARY:阶段汇报会: Reading · Audit"), std::string::npos);
}

TEST(PlanView, DefaultNamesAreOnePerMeetingInEachLanguage) {
  json en = view_of(kProject, Lang::en);
  json zh = view_of(kProject, Lang::zh);
  EXPECT_EQ(en["meetings"][3]["label"], "Final recap");
  EXPECT_EQ(zh["meetings"][3]["label"], "项目总结汇报");
  EXPECT_EQ(zh["matrix"][1]["how"], "阶段复盘和项目总结汇报");
  EXPECT_EQ(en["matrix"][1]["how"], "Each phase recap, then the final recap");
  EXPECT_EQ(en["matrix"][3]["how"], "Short internal check-in before each daily recap");
}

TEST(PlanView, MeetingDaysReadAsARunningTextSaysThem) {
  json en = view_of(kProject, Lang::en);
  json zh = view_of(kProject, Lang::zh);
  EXPECT_EQ(en["meetings"][0]["when"], "2026-12-07");
  EXPECT_EQ(en["meetings"][0]["when_text"], "Monday 2026-12-07");
  EXPECT_EQ(zh["meetings"][3]["when_text"], "2026年12月18日（周五）");
}

TEST(PlanView, CleansNamesForMermaid) {
  EXPECT_EQ(mermaid_text("Tier: III; #2\nnext"), "Tier III 2 next");
  EXPECT_EQ(mermaid_text("section A"), "· section A");
  EXPECT_EQ(mermaid_text("Title"), "· Title");
  EXPECT_EQ(mermaid_text("Titles of deeds"), "Titles of deeds");
  EXPECT_EQ(mermaid_text("%% hidden"), "hidden");
  EXPECT_EQ(mermaid_text("99.5% ready"), "99.5% ready");
  EXPECT_EQ(mermaid_text(" ;: "), "-");
  EXPECT_EQ(mermaid_text("阶段复盘：调研"), "阶段复盘：调研");
}

}  // namespace
}  // namespace commplan
