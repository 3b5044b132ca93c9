#include <gtest/gtest.h>

#include "test_helpers.hpp"
#include "views/five_w2h.hpp"
#include "views/kickoff.hpp"
#include "views/mail.hpp"
#include "views/minutes.hpp"
#include "views/plan.hpp"
#include "views/recap.hpp"

namespace commplan {
namespace {

using nlohmann::json;

// Ours: Ann (lead, no address), Bo (the first with one), Cy. Theirs: Dee (contact), Eve
// (no address), Fay, and Bo again under the client's name list (a name in both teams is ours).
const std::string kTeams = testing::project_head() +
                           "team:\n"
                           "  - name: Ann\n"
                           "  - name: Bo\n"
                           "    email: bo@us.example\n"
                           "  - name: Cy\n"
                           "    email: cy@us.example\n"
                           "client_team:\n"
                           "  - name: Dee\n"
                           "    contact: true\n"
                           "    email: dee@them.example\n"
                           "  - name: Eve\n"
                           "  - name: Fay\n"
                           "    email: FAY@them.example\n"
                           "  - name: Gus\n"
                           "    email: fay@them.example\n"
                           "phases:\n"
                           "  - id: p1\n"
                           "    name: Interviews\n"
                           "    start: 2026-12-07\n"
                           "    end: 2026-12-11\n"
                           "    owner: Cy\n";

Project load(const std::string& text) {
  Diagnostics d;
  auto project = load_project("p.yaml", text, d);
  EXPECT_TRUE(project.has_value());
  EXPECT_FALSE(d.has_errors());
  return *project;
}

ViewOptions options(Lang lang = Lang::en, const char* day = "2026-12-08") {
  return {lang, *parse_date(day)};
}

/// "name <email>" of each person of a list, joined by ", ".
std::string people(const json& list) {
  std::string out;
  for (const json& p : list)
    out += (out.empty() ? "" : ", ") + p["name"].get<std::string>() + " <" +
           p["email"].get<std::string>() + ">";
  return out;
}

json header(const char* kind, Lang lang = Lang::en) {
  return {{"kind", kind},
          {"lang", std::string(to_string(lang))},
          {"date", "2026-12-08"},
          {"project", {{"name", "Audit"}}}};
}

TEST(MailBlock, FromTheFirstMemberWithAnAddressToTheContactAndTheirAttendeesCcOurs) {
  Project project = load(kTeams);
  json mail =
      mail_json(project, header("commplan/kickoff"), {"Fay", "Cy", "Eve", "Ann", "Bo", "Dee"});
  EXPECT_EQ(mail["from"], (json{{"name", "Bo"}, {"email", "bo@us.example"}}));
  // The contact first, then the client's attendees in the meeting's order; Eve has no address.
  EXPECT_EQ(people(mail["to"]), "Dee <dee@them.example>, Fay <FAY@them.example>");
  // Ours with an address, the sender (Bo) left out; Ann has none.
  EXPECT_EQ(people(mail["cc"]), "Cy <cy@us.example>");
}

TEST(MailBlock, EachAddressOnceWhateverItsCaseAndTheSenderNeverAgain) {
  std::string text = kTeams;
  text.replace(text.find("cy@us.example"), 13, "BO@us.example");  // Cy shares the lead's
  Project project = load(text);
  json mail = mail_json(project, header("commplan/plan"), {"Fay", "Gus", "Dee", "Cy", "Bo"});
  EXPECT_EQ(people(mail["to"]), "Dee <dee@them.example>, Fay <FAY@them.example>");
  EXPECT_TRUE(mail["cc"].empty());
  // A guest (a name in neither team) has no address and is left out.
  json guests = mail_json(project, header("commplan/plan"), {"Nobody"});
  EXPECT_EQ(people(guests["to"]), "Dee <dee@them.example>");
}

TEST(MailBlock, AProjectWithoutAddressesHasNoSenderAndNoRecipients) {
  Project project = load(testing::project_head() +
                         "team:\n  - name: Ann\nclient_team:\n  - name: Dee\n    contact: true\n");
  json mail = mail_json(project, header("commplan/plan"), everyone(project));
  EXPECT_TRUE(mail["from"].is_null());
  EXPECT_TRUE(mail["to"].empty());
  EXPECT_TRUE(mail["cc"].empty());
  EXPECT_EQ(mail["subject"], "Communication plan: Audit");
}

TEST(MailBlock, EachBriefNamesItsMeetingsPeople) {
  Project project = load(kTeams);
  Diagnostics d;
  // The plan: every client person with an address in To, every one of ours in Cc.
  auto plan = build_plan_view(project, options(), {}, d);
  ASSERT_TRUE(plan);
  EXPECT_EQ(people(plan->data["mail"]["to"]),
            "Dee <dee@them.example>, Fay <FAY@them.example>");  // Gus shares Fay's address
  EXPECT_EQ(people(plan->data["mail"]["cc"]), "Cy <cy@us.example>");
  // A daily recap by default: the lead (Ann, no address) and the contact.
  auto daily = build_recap_view(project, options(), {RecapLevel::daily, ""}, d);
  ASSERT_TRUE(daily);
  EXPECT_EQ(people(daily->data["mail"]["to"]), "Dee <dee@them.example>");
  EXPECT_TRUE(daily->data["mail"]["cc"].empty());
  EXPECT_EQ(daily->data["mail"]["subject"], "Daily recap: Audit, 2026-12-08");
  // A phase recap by default adds the phase's owner.
  auto phase = build_recap_view(project, options(), {RecapLevel::phase, "p1"}, d);
  ASSERT_TRUE(phase);
  EXPECT_EQ(people(phase->data["mail"]["cc"]), "Cy <cy@us.example>");
  EXPECT_EQ(phase->data["mail"]["subject"], "Phase recap: Audit, Interviews, 2026-12-11");
  // The kick-off by default: both teams.
  auto kickoff = build_kickoff_view(project, options(), {}, d);
  ASSERT_TRUE(kickoff);
  EXPECT_EQ(people(kickoff->data["mail"]["to"]), "Dee <dee@them.example>, Fay <FAY@them.example>");
  EXPECT_EQ(kickoff->data["mail"]["subject"], "Kick-off meeting: Audit, 2026-12-07");
  // five-w2h: the contact and the lead only.
  auto checklist = build_five_w2h_view(project, options(), {}, d);
  ASSERT_TRUE(checklist);
  EXPECT_EQ(people(checklist->data["mail"]["to"]), "Dee <dee@them.example>");
  EXPECT_TRUE(checklist->data["mail"]["cc"].empty());
  // Without a project there is no one to write to: no block.
  auto blank = build_five_w2h_view(std::vector<Communication>{}, options(), {}, d);
  ASSERT_TRUE(blank);
  EXPECT_FALSE(blank->data.contains("mail"));
}

TEST(MailBlock, MinutesGoToThePeoplePresent) {
  Project project = load(kTeams +
                         "minutes:\n"
                         "  - meeting: daily\n"
                         "    date: 2026-12-08\n"
                         "    by: Cy\n"
                         "    present: [Cy, Fay]\n"
                         "    decisions: [Go on]\n");
  Diagnostics d;
  auto minutes = build_minutes_view(project, options(), {}, d);
  ASSERT_TRUE(minutes) << d.items().size();
  EXPECT_EQ(people(minutes->data["mail"]["to"]), "Dee <dee@them.example>, Fay <FAY@them.example>");
  EXPECT_EQ(people(minutes->data["mail"]["cc"]), "Cy <cy@us.example>");
  EXPECT_EQ(minutes->data["mail"]["subject"], "Minutes: Daily recap, Audit, 2026-12-08");
}

TEST(MailBlock, TheSubjectIsInThePagesLanguage) {
  Project project = load(kTeams);
  Diagnostics d;
  auto daily = build_recap_view(project, options(Lang::zh), {RecapLevel::daily, ""}, d);
  ASSERT_TRUE(daily);
  EXPECT_EQ(daily->data["mail"]["subject"], "【每日复盘】Audit 2026-12-08");
  auto phase = build_recap_view(project, options(Lang::zh), {RecapLevel::phase, "p1"}, d);
  ASSERT_TRUE(phase);
  EXPECT_EQ(phase->data["mail"]["subject"], "【阶段复盘】Audit - Interviews 2026-12-11");
  EXPECT_EQ(mail_json(project, header("commplan/five-w2h", Lang::zh), {})["subject"],
            "【5W2H 沟通清单】Audit");
}

}  // namespace
}  // namespace commplan
