// load_project() for the client (Audience::client): what the file marks internal, and every
// notes and internal_notes, is left out; everything else stays, in order; the file is checked
// exactly as for the team.

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "model/project.hpp"
#include "template_fixtures.hpp"
#include "test_helpers.hpp"
#include "util/read.hpp"

namespace commplan {
namespace {

using Strings = std::vector<std::string>;

// Every kind of thing that can be internal, beside visible ones of the same kind. A visible
// item's text starts with "seen", an internal one's with "hidden".
const std::string kProject = testing::project_head() +
                             "team:\n"
                             "  - name: Chen\n"
                             "    responsibilities: [seen r1, {text: hidden r2, internal: true},"
                             " {text: seen r3}]\n"
                             "  - name: Lin\n"
                             "client_team:\n"
                             "  - {name: Wang, contact: true}\n"
                             "scope: [seen s1, {text: hidden s2, internal: true}, seen s3,"
                             " {text: seen s4, internal: false}]\n"
                             "expectations: [{text: hidden e1, internal: true}, seen e2]\n"
                             "special_requirements: [seen q1, {text: hidden q2, internal: true}]\n"
                             "cooperation: [seen c1, {text: hidden c2, internal: true}]\n"
                             "questions: [seen k1, {text: hidden k2, internal: true}, seen k3]\n"
                             "method:\n"
                             "  summary: seen summary\n"
                             "  steps: [seen m1, {text: hidden m2, internal: true}]\n"
                             "phases:\n"
                             "  - id: p1\n"
                             "    name: seen phase\n"
                             "    start: 2026-12-07\n"
                             "    end: 2026-12-18\n"
                             "    activities: [{text: hidden a1, internal: true}, seen a2]\n"
                             "    notes: hidden phase notes\n"
                             "    internal_notes: hidden phase internal notes\n"
                             "meetings:\n"
                             "  kickoff:\n"
                             "    attendees: [Chen, {text: Lin, internal: true}, Wang]\n"
                             "  daily_recap:\n"
                             "    attendees: [{text: Lin, internal: true}, Chen]\n"
                             "findings:\n"
                             "  - id: F1\n"
                             "    title: seen finding\n"
                             "    found: 2026-12-08\n"
                             "    phase: p1\n"
                             "    notes: hidden F1 notes\n"
                             "    internal_notes: hidden F1 internal notes\n"
                             "    history:\n"
                             "      - {date: 2026-12-09, notified: {to: Wang, via: phone}}\n"
                             "  - id: F2\n"
                             "    title: hidden finding\n"
                             "    found: 2026-12-08\n"
                             "    internal: true\n"
                             "  - id: F3\n"
                             "    title: seen good practice\n"
                             "    good_practice: true\n"
                             "    internal: false\n"
                             "log:\n"
                             "  - date: 2026-12-08\n"
                             "    by: Chen\n"
                             "    done: [seen d1, {text: hidden d2, internal: true}, seen d3]\n"
                             "    support_needed: [{text: hidden n1, internal: true}, seen n2]\n"
                             "    next: [seen x1, {text: hidden x2, internal: true}]\n"
                             "    questions:\n"
                             "      - seen plain\n"
                             "      - {text: hidden ours, internal: true}\n"
                             "      - {text: seen ours}\n"
                             "      - {question: hidden theirs, answer: hidden answer, internal: "
                             "true}\n"
                             "      - {question: seen theirs, answer_by: 2026-12-10}\n"
                             "    notified:\n"
                             "      - {finding: F2, to: Wang, via: phone}\n"
                             "      - {finding: F1, to: Wang, via: e-mail}\n"
                             "    notes: hidden log notes\n"
                             "    internal_notes: hidden log internal notes\n"
                             "  - date: 2026-12-08\n"
                             "    by: Lin\n"
                             "    internal: true\n"
                             "    done: [hidden whole entry]\n"
                             "  - date: 2026-12-09\n"
                             "    done: [seen next day]\n"
                             "minutes:\n"
                             "  - meeting: kickoff\n"
                             "    date: 2026-12-07\n"
                             "    present: [Chen, {text: Lin, internal: true}, Wang]\n"
                             "    decisions: [{text: hidden decision, internal: true}, seen "
                             "decision]\n"
                             "    actions:\n"
                             "      - {what: seen action 1, owner: Wang}\n"
                             "      - {what: hidden action, owner: Chen, internal: true}\n"
                             "      - {what: seen action 2, owner: Wang}\n"
                             "    confirmations:\n"
                             "      - {what: hidden confirmation, by: Wang, internal: true}\n"
                             "      - {what: seen confirmation, by: Wang}\n"
                             "    notes: hidden minutes notes\n"
                             "    internal_notes: hidden minutes internal notes\n"
                             "  - meeting: daily\n"
                             "    date: 2026-12-08\n"
                             "    internal: true\n"
                             "    decisions: [hidden minutes]\n"
                             "  - meeting: daily\n"
                             "    date: 2026-12-09\n"
                             "    decisions: [seen minutes]\n";

Project load(const std::string& text, Audience audience, std::string* problems = nullptr) {
  Diagnostics d;
  auto project = load_project("p.yaml", text, d, {}, nullptr, audience);
  std::string headlines;
  for (const auto& item : d.items()) headlines += format_headline(item) + "\n";
  if (problems != nullptr)
    *problems = headlines;
  else
    EXPECT_EQ(headlines, "") << "audience " << to_string(audience);
  return project ? std::move(*project) : Project{};
}

template <class T>
Strings each(const std::vector<T>& items, std::function<std::string(const T&)> field) {
  Strings out;
  for (const T& item : items) out.push_back(field(item));
  return out;
}

Strings ids(const Project& p) {
  return each<Finding>(p.findings, [](const Finding& f) { return f.id.str(); });
}
Strings log_authors(const Project& p) {
  return each<LogEntry>(p.log, [](const LogEntry& e) { return format_date(e.date) + " " + e.by; });
}
Strings question_texts(const LogEntry& e) {
  return each<Question>(e.questions, [](const Question& q) { return q.text; });
}
Strings notified(const LogEntry& e) {
  return each<LoggedNotification>(e.notified,
                                  [](const LoggedNotification& n) { return n.finding; });
}
Strings minutes_days(const Project& p) {
  return each<Minutes>(p.minutes, [](const Minutes& m) { return format_date(m.date); });
}
Strings actions(const Minutes& m) {
  return each<Action>(m.actions, [](const Action& a) { return a.what; });
}
Strings confirmations(const Minutes& m) {
  return each<Confirmation>(m.confirmations, [](const Confirmation& c) { return c.what; });
}

/// Every text the project holds that a reader could see, for a sweep for "hidden".
void collect(const Project& p, Strings& out) {
  auto add = [&](const Strings& list) { out.insert(out.end(), list.begin(), list.end()); };
  add(p.scope);
  add(p.expectations);
  add(p.special_requirements);
  add(p.cooperation);
  add(p.questions);
  add(p.method.steps);
  for (const Member& m : p.team) add(m.responsibilities);
  for (const Phase& ph : p.phases) {
    add(ph.activities);
    add({ph.notes, ph.internal_notes});
  }
  for (const Meeting* m : {&p.meetings.kickoff, &p.meetings.daily_recap, &p.meetings.phase_recap,
                           &p.meetings.final_recap})
    add(m->attendees);
  for (const Finding& f : p.findings)
    add({f.title.str(), f.notes().str(), f.internal_notes().str()});
  for (const LogEntry& e : p.log) {
    add(e.done);
    add(e.support_needed);
    add(e.next);
    add({e.notes, e.internal_notes});
    for (const Question& q : e.questions) add({q.text, q.answer});
  }
  for (const Minutes& m : p.minutes) {
    add(m.present);
    add(m.decisions);
    add({m.notes, m.internal_notes});
    add(actions(m));
    add(confirmations(m));
  }
}

TEST(ClientLoad, LeavesOutEveryTextListItemMarkedInternalAndKeepsTheOrder) {
  Project p = load(kProject, Audience::client);
  EXPECT_EQ(p.scope, (Strings{"seen s1", "seen s3", "seen s4"}));
  EXPECT_EQ(p.expectations, (Strings{"seen e2"}));
  EXPECT_EQ(p.special_requirements, (Strings{"seen q1"}));
  EXPECT_EQ(p.cooperation, (Strings{"seen c1"}));
  EXPECT_EQ(p.questions, (Strings{"seen k1", "seen k3"}));
  EXPECT_EQ(p.method.steps, (Strings{"seen m1"}));
  EXPECT_EQ(p.method.summary, "seen summary");
  ASSERT_EQ(p.team.size(), 2u);
  EXPECT_EQ(p.team[0].responsibilities, (Strings{"seen r1", "seen r3"}));
  ASSERT_EQ(p.phases.size(), 1u);
  EXPECT_EQ(p.phases[0].activities, (Strings{"seen a2"}));
  EXPECT_EQ(p.meetings.kickoff.attendees, (Strings{"Chen", "Wang"}));
  EXPECT_EQ(p.meetings.daily_recap.attendees, (Strings{"Chen"}));
  ASSERT_EQ(p.log.size(), 2u);
  EXPECT_EQ(p.log[0].done, (Strings{"seen d1", "seen d3"}));
  EXPECT_EQ(p.log[0].support_needed, (Strings{"seen n2"}));
  EXPECT_EQ(p.log[0].next, (Strings{"seen x1"}));
  ASSERT_EQ(p.minutes.size(), 2u);
  EXPECT_EQ(p.minutes[0].present, (Strings{"Chen", "Wang"}));
  EXPECT_EQ(p.minutes[0].decisions, (Strings{"seen decision"}));
}

TEST(ClientLoad, LeavesOutInternalFindingsEntriesQuestionsMinutesActionsAndConfirmations) {
  Project p = load(kProject, Audience::client);
  EXPECT_EQ(ids(p), (Strings{"F1", "F3"}));
  EXPECT_TRUE(p.findings[1].good_practice);
  EXPECT_EQ(log_authors(p), (Strings{"2026-12-08 Chen", "2026-12-09 "}));
  EXPECT_EQ(question_texts(p.log[0]), (Strings{"seen plain", "seen ours", "seen theirs"}));
  EXPECT_FALSE(p.log[0].questions[1].from_client);
  EXPECT_TRUE(p.log[0].questions[2].from_client);
  EXPECT_EQ(minutes_days(p), (Strings{"2026-12-07", "2026-12-09"}));
  EXPECT_EQ(actions(p.minutes[0]), (Strings{"seen action 1", "seen action 2"}));
  EXPECT_EQ(confirmations(p.minutes[0]), (Strings{"seen confirmation"}));
  EXPECT_EQ(p.minutes[1].decisions, (Strings{"seen minutes"}));
}

TEST(ClientLoad, EmptiesEveryNotesAndInternalNotes) {
  Project p = load(kProject, Audience::client);
  for (const Finding& f : p.findings)
    EXPECT_EQ(f.notes().str() + f.internal_notes().str(), "") << f.id;
  for (const Phase& ph : p.phases) EXPECT_EQ(ph.notes + ph.internal_notes, "") << ph.id;
  for (const LogEntry& e : p.log) EXPECT_EQ(e.notes + e.internal_notes, "") << e.by;
  for (const Minutes& m : p.minutes) EXPECT_EQ(m.notes + m.internal_notes, "");
}

TEST(ClientLoad, HoldsNoTextOfAnythingInternal) {
  Strings texts;
  collect(load(kProject, Audience::client), texts);
  for (const std::string& text : texts) EXPECT_EQ(text.find("hidden"), std::string::npos) << text;
  texts.clear();
  collect(load(kProject, Audience::team), texts);  // the sweep can find them
  EXPECT_EQ(std::count_if(texts.begin(), texts.end(),
                          [](const std::string& t) { return t.starts_with("hidden"); }),
            28);
}

TEST(ClientLoad, LeavesOutTheNotificationOfAnInternalFindingButNotAVisibleFindingsHistory) {
  Project p = load(kProject, Audience::client);
  EXPECT_EQ(notified(p.log[0]), (Strings{"F1"}));
  EXPECT_EQ(p.log[0].notified[0].via, "e-mail");
  ASSERT_EQ(p.findings[0].history.size(), 1u);
  ASSERT_TRUE(p.findings[0].history[0].notified);
  EXPECT_EQ(p.findings[0].history[0].notified->to, "Wang");
  EXPECT_EQ(notified(load(kProject, Audience::team).log[0]), (Strings{"F2", "F1"}));
}

TEST(TeamLoad, KeepsEverythingWithItsMark) {
  Project p = load(kProject, Audience::team);
  EXPECT_EQ(p.scope, (Strings{"seen s1", "hidden s2", "seen s3", "seen s4"}));
  EXPECT_EQ(p.expectations, (Strings{"hidden e1", "seen e2"}));
  EXPECT_EQ(p.team[0].responsibilities, (Strings{"seen r1", "hidden r2", "seen r3"}));
  EXPECT_EQ(p.phases[0].activities, (Strings{"hidden a1", "seen a2"}));
  EXPECT_EQ(p.meetings.kickoff.attendees, (Strings{"Chen", "Lin", "Wang"}));
  EXPECT_EQ(p.log[0].done, (Strings{"seen d1", "hidden d2", "seen d3"}));
  EXPECT_EQ(p.minutes[0].present, (Strings{"Chen", "Lin", "Wang"}));
  EXPECT_EQ(p.phases[0].notes, "hidden phase notes");
  EXPECT_EQ(p.phases[0].internal_notes, "hidden phase internal notes");
  EXPECT_EQ(p.findings[0].notes(), "hidden F1 notes");
  EXPECT_EQ(p.log[0].internal_notes, "hidden log internal notes");
  EXPECT_EQ(p.minutes[0].notes, "hidden minutes notes");

  EXPECT_EQ(ids(p), (Strings{"F1", "F2", "F3"}));
  EXPECT_TRUE(p.findings[1].internal);
  EXPECT_FALSE(p.findings[0].internal || p.findings[2].internal);
  EXPECT_EQ(log_authors(p), (Strings{"2026-12-08 Chen", "2026-12-08 Lin", "2026-12-09 "}));
  EXPECT_TRUE(p.log[1].internal);
  ASSERT_EQ(question_texts(p.log[0]),
            (Strings{"seen plain", "hidden ours", "seen ours", "hidden theirs", "seen theirs"}));
  const Question& ours = p.log[0].questions[1];
  EXPECT_TRUE(ours.internal);
  EXPECT_FALSE(ours.from_client);
  const Question& theirs = p.log[0].questions[3];  // a client's question may be internal too
  EXPECT_TRUE(theirs.internal);
  EXPECT_TRUE(theirs.from_client);
  EXPECT_EQ(theirs.answer, "hidden answer");
  EXPECT_FALSE(p.log[0].questions[2].internal);
  EXPECT_EQ(minutes_days(p), (Strings{"2026-12-07", "2026-12-08", "2026-12-09"}));
  EXPECT_TRUE(p.minutes[1].internal);
  EXPECT_EQ(actions(p.minutes[0]), (Strings{"seen action 1", "hidden action", "seen action 2"}));
  EXPECT_TRUE(p.minutes[0].actions[1].internal);
  EXPECT_EQ(confirmations(p.minutes[0]), (Strings{"hidden confirmation", "seen confirmation"}));
  EXPECT_TRUE(p.minutes[0].confirmations[0].internal);
}

TEST(TeamLoad, IsTheDefault) {
  Diagnostics d;
  auto p = load_project("p.yaml", kProject, d);
  ASSERT_TRUE(p);
  EXPECT_EQ(ids(*p), (Strings{"F1", "F2", "F3"}));
  EXPECT_EQ(p->scope.size(), 4u);
}

/// Both loads of `text`: their diagnostics must be the same; returns them.
std::string same_problems(const std::string& text) {
  std::string team, client;
  load(text, Audience::team, &team);
  load(text, Audience::client, &client);
  EXPECT_EQ(client, team);
  return client;
}

TEST(ClientLoad, ReportsEveryErrorInsideWhatItLeavesOut) {
  std::string text = testing::project_head() +
                     "scope: [{text: [a, list], internal: true}]\n"  // 7
                     "findings:\n"                                   // 8
                     "  - id: F1\n"                                  // 9
                     "    title: t\n"                                // 10
                     "    phase: nowhere\n"                          // 11
                     "    severity: hihg\n"                          // 12
                     "    internal: true\n"                          // 13
                     "log:\n"                                        // 14
                     "  - date: 2026-12-32\n"                        // 15
                     "    internal: true\n"                          // 16
                     "    questions: [{question: q, answer_by: soon, internal: true}]\n"
                     "minutes:\n"              // 18
                     "  - meeting: daily\n"    // 19
                     "    date: 2026-12-08\n"  // 20
                     "    actions: [{what: w, due: 2026-12-01, internal: true}]\n"
                     "    confirmations: [{what: c, internal: true}]\n";
  EXPECT_EQ(same_problems(text),
            "p.yaml:7:16: error: scope[0].text: expected a text, got a list\n"
            "p.yaml:11:12: error: findings[0].phase: no phase has the id \"nowhere\"\n"
            "p.yaml:12:15: error: findings[0].severity: unknown value \"hihg\"; did you mean "
            "\"high\"?\n"
            "p.yaml:15:11: error: log[0].date: \"2026-12-32\" is not a real calendar date\n"
            "p.yaml:17:42: error: log[0].questions[0].answer_by: expected a date YYYY-MM-DD, "
            "got \"soon\"\n"
            "p.yaml:21:30: warning: minutes[0].actions[0].due: action due on 2026-12-01, before "
            "the meeting that agreed it (2026-12-08)\n");
  // A second entry of one author on a day is an error even when one of them is internal.
  EXPECT_NE(
      same_problems(testing::project_head() + "log:\n  - {date: 2026-12-08, by: A}\n"
                                              "  - {date: 2026-12-08, by: A, internal: true}\n")
          .find("a second log entry for 2026-12-08 by A"),
      std::string::npos);
  // A notification of an internal finding is checked before it is left out.
  EXPECT_NE(
      same_problems(testing::project_head() +
                    "findings:\n  - {id: F1, title: t, found: 2026-12-09, internal: true}\n"
                    "log:\n  - date: 2026-12-08\n    notified: [{finding: F1, to: W, via: mail}]\n")
          .find("F1 is notified on 2026-12-08, before it was found (2026-12-09)"),
      std::string::npos);
}

TEST(TextItem, WithoutInternalIsAnOrdinaryItem) {
  std::string text =
      testing::project_head() + "scope: [{text: a}, b, {text: c, internal: false}, {text: 4}]\n";
  for (Audience audience : {Audience::team, Audience::client})
    EXPECT_EQ(load(text, audience).scope, (Strings{"a", "b", "c", "4"}));
}

TEST(TextItem, AnythingButTrueOrFalseForInternalIsALocatedError) {
  EXPECT_EQ(same_problems(testing::project_head() + "scope: [{text: a, internal: \"yes\"}]\n"
                                                    "log:\n  - date: 2026-12-08\n"
                                                    "    done: [{text: d, internal: 1}]\n"),
            "p.yaml:7:30: error: scope[0].internal: expected true or false, got \"yes\"\n"
            "p.yaml:10:32: error: log[0].done[0].internal: expected true or false, got \"1\"\n");
}

TEST(TextItem, AMappingWithoutTextIsALocatedError) {
  EXPECT_EQ(same_problems(testing::project_head() + "scope: [{txt: a}]\n"
                                                    "expectations: [{internal: true}]\n"),
            "p.yaml:7:9: error: scope[0]: missing required field \"text\"\n"
            "p.yaml:7:10: warning: scope[0].txt: unknown field \"txt\"; did you mean \"text\"?\n"
            "p.yaml:8:16: error: expectations[0]: missing required field \"text\"\n");
}

TEST(ClientLoad, LeavesOutWhatALogDirFileMarksInternal) {
  tmpl::testing::TempDir tmp;
  std::string project = tmp.write("p.yaml", testing::project_head() +
                                                "log_dir: logs\n"
                                                "findings:\n  - {id: F1, title: seen}\n");
  tmp.write("logs/2026-12-08.yaml",
            "log:\n"
            "  - date: 2026-12-08\n"
            "    done: [seen d1, {text: hidden d2, internal: true}]\n"
            "    notes: hidden notes\n"
            "    notified: [{finding: F9, to: Wang, via: phone}]\n"
            "  - {date: 2026-12-08, by: Lin, internal: true, done: [hidden entry]}\n"
            "findings:\n"
            "  - {id: F9, title: hidden finding, internal: true}\n"
            "minutes:\n"
            "  - {meeting: daily, date: 2026-12-08, internal: true}\n"
            "  - meeting: daily\n"
            "    date: 2026-12-09\n"
            "    decisions: [{text: hidden decision, internal: true}, seen decision]\n"
            "    actions: [{what: hidden action, internal: true}]\n");
  auto read = [&](Audience audience) {
    Diagnostics d;
    auto p = load_project(project, read_file(project), d, {}, nullptr, audience);
    EXPECT_TRUE(p && d.items().empty());
    return p ? std::move(*p) : Project{};
  };
  Project client = read(Audience::client);
  EXPECT_EQ(ids(client), (Strings{"F1"}));
  ASSERT_EQ(client.log.size(), 1u);
  EXPECT_EQ(client.log[0].done, (Strings{"seen d1"}));
  EXPECT_EQ(client.log[0].notes, "");
  EXPECT_TRUE(client.log[0].notified.empty());
  ASSERT_EQ(client.minutes.size(), 1u);
  EXPECT_EQ(client.minutes[0].decisions, (Strings{"seen decision"}));
  EXPECT_TRUE(client.minutes[0].actions.empty());

  Project team = read(Audience::team);
  EXPECT_EQ(ids(team), (Strings{"F1", "F9"}));
  EXPECT_EQ(team.log.size(), 2u);
  EXPECT_EQ(team.log[0].done, (Strings{"seen d1", "hidden d2"}));
  EXPECT_EQ(team.minutes.size(), 2u);
}

/// Where in `schema` an array's items accept the mapping {text, internal}: JSON paths, with
/// `[]` for an item of a list.
void text_lists(const nlohmann::json& schema, const std::string& path, std::set<std::string>& out) {
  if (!schema.is_object()) return;
  if (schema.contains("properties"))
    for (const auto& [name, sub] : schema["properties"].items())
      text_lists(sub, path.empty() ? name : path + "." + name, out);
  if (!schema.contains("items")) return;
  const nlohmann::json& items = schema["items"];
  for (const auto& form : items.value("anyOf", nlohmann::json::array()))
    if (form.contains("properties") && form["properties"].contains("text") &&
        form["properties"].contains("internal")) {
      out.insert(path);
      EXPECT_EQ(form["required"], nlohmann::json::array({"text"})) << path;  // {internal} alone
      EXPECT_EQ(form["additionalProperties"], false) << path;                // {txt: x}
      EXPECT_EQ(form["properties"]["internal"]["type"], nlohmann::json::array({"boolean", "null"}))
          << path;
    }
  text_lists(items, path + "[]", out);
}

TEST(ProjectSchema, EveryTextListTakesTextItemsAndNothingElseDoes) {
  std::set<std::string> found;
  text_lists(project_schema(), "", found);
  EXPECT_EQ(found, (std::set<std::string>{"cooperation",
                                          "expectations",
                                          "findings[].affected",
                                          "findings[].references",
                                          "log[].done",
                                          "log[].next",
                                          "log[].questions",
                                          "log[].support_needed",
                                          "meetings.daily_recap.attendees",
                                          "meetings.final_recap.attendees",
                                          "meetings.kickoff.attendees",
                                          "meetings.phase_recap.attendees",
                                          "method.steps",
                                          "minutes[].decisions",
                                          "minutes[].present",
                                          "phases[].activities",
                                          "questions",
                                          "scope",
                                          "special_requirements",
                                          "team[].responsibilities"}));
  std::set<std::string> in_log_files;
  text_lists(log_file_schema(), "", in_log_files);
  EXPECT_EQ(in_log_files,
            (std::set<std::string>{"findings[].affected", "findings[].references", "log[].done",
                                   "log[].next", "log[].questions", "log[].support_needed",
                                   "minutes[].decisions", "minutes[].present"}));
}

}  // namespace
}  // namespace commplan
