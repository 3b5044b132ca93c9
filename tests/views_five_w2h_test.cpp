#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "five_w2h.hpp"
#include "output/communications_yaml.hpp"
#include "test_helpers.hpp"
#include "views/five_w2h.hpp"

namespace commplan {
namespace {

const std::string kMinimal = testing::project_head();

const std::string kTwoTopics = kMinimal +
                               "communications:\n"
                               "  - id: cutover\n"  // line 8
                               "    title: Move the cutover\n"
                               "    why: The Sunday is lost\n"
                               "    what: New date and fallback\n"
                               "    who: Logistics manager\n"
                               "    when: After the phase recap\n"
                               "    where: \"\"\n"  // line 14
                               "    how: Tactful, two options\n"
                               "  - id: training\n"  // line 16
                               "    why: Night shift is slow\n"
                               "    what: Two short sessions\n"
                               "    who: Warehouse lead\n"
                               "    when: Morning handover\n"
                               "    where: Warehouse office\n"
                               "    how: As a suggestion\n"
                               "    how_much: A date for both sessions\n";

Project load(const std::string& text) {
  Diagnostics d;
  auto project = load_project("p.yaml", text, d);
  EXPECT_TRUE(project.has_value());
  EXPECT_FALSE(d.has_errors());
  return *project;
}

ViewOptions options(Lang lang = Lang::en) { return {lang, *parse_date("2026-12-07")}; }

std::string headlines(const Diagnostics& d) {
  std::string out;
  for (const auto& item : d.items()) out += format_headline(item) + "\n";
  return out;
}

/// The problems of a checklist that could not be built, which must all come from options.
std::string option_errors(const Project* project, const std::string& topic) {
  Diagnostics d;
  auto view = project != nullptr
                  ? build_five_w2h_view(*project, options(), {topic}, d)
                  : build_five_w2h_view(std::vector<Communication>{}, options(), {topic}, d);
  EXPECT_FALSE(view.has_value());
  for (const auto& item : d.items()) EXPECT_EQ(item.source, Source::option);
  return headlines(d);
}

TEST(FiveW2HView, ListsTheSevenDimensionsInOrderWithTheirQuestions) {
  Project p = load(kTwoTopics);
  Diagnostics d;
  auto view = build_five_w2h_view(p, options(), {""}, d).value().data;
  EXPECT_EQ(view["kind"], "commplan/five-w2h");
  EXPECT_EQ(view["project"]["name"], "Audit");
  ASSERT_EQ(view["communications"].size(), 2u);
  const auto& first = view["communications"][0];
  std::vector<std::string> names;
  for (const auto& dim : first["dimensions"]) names.push_back(dim["name"]);
  EXPECT_EQ(names,
            (std::vector<std::string>{"WHY", "WHAT", "WHO", "WHEN", "WHERE", "HOW", "HOW MUCH"}));
  EXPECT_EQ(first["dimensions"][0]["question"], "Why are we talking? What is the purpose?");
  EXPECT_EQ(first["dimensions"][0]["answer"], "The Sunday is lost");
  EXPECT_EQ(first["dimensions"][0]["missing"], false);
  EXPECT_EQ(first["dimensions"][4]["missing"], true);  // where: ""
  EXPECT_EQ(first["dimensions"][6]["missing"], true);  // no how_much
  EXPECT_EQ(first["answered"], 5);
  EXPECT_EQ(first["complete"], false);
  EXPECT_EQ(view["communications"][1]["complete"], true);
  EXPECT_EQ(view["communications"][1]["heading"], "training");  // no title: the id
  EXPECT_EQ(view["missing"], 2);
  EXPECT_EQ(view["blank"], false);
  EXPECT_EQ(d.items().size(), 0u);
}

TEST(FiveW2HView, AsksInChineseWhenToldTo) {
  Project p = load(kTwoTopics);
  Diagnostics d;
  auto view = build_five_w2h_view(p, options(Lang::zh), {"training"}, d).value().data;
  const auto& why = view["communications"][0]["dimensions"][0];
  EXPECT_EQ(why["question"], "为什么沟通？沟通的目的是什么？");
  EXPECT_EQ(why["label"], "目的");
  EXPECT_EQ(why["name"], "WHY");
}

TEST(FiveW2HView, WithoutProjectIsOneBlankChecklist) {
  Diagnostics d;
  auto view = build_five_w2h_view(std::vector<Communication>{}, options(), {}, d).value().data;
  EXPECT_TRUE(view["project"].is_null());
  EXPECT_EQ(view["blank"], true);
  EXPECT_EQ(view["complete"], false);
  EXPECT_EQ(view["missing"], 7);
  ASSERT_EQ(view["communications"].size(), 1u);
  for (const auto& dim : view["communications"][0]["dimensions"]) {
    EXPECT_EQ(dim["missing"], true);
    EXPECT_EQ(dim["answer"], "");
  }
  EXPECT_EQ(d.items().size(), 0u);
}

TEST(FiveW2HView, FileWithoutCommunicationsGivesABlankChecklistAndAWarning) {
  Project p = load(kMinimal);
  Diagnostics d;
  auto view = build_five_w2h_view(p, options(), {""}, d).value().data;
  EXPECT_EQ(view["blank"], true);
  EXPECT_EQ(view["project"]["name"], "Audit");
  EXPECT_EQ(headlines(d),
            "p.yaml:1:1: warning: no communications in the file; printing a blank checklist\n");
}

TEST(FiveW2HView, SelectsTheTopic) {
  Project p = load(kTwoTopics);
  Diagnostics d;
  auto view = build_five_w2h_view(p, options(), {"training"}, d).value().data;
  ASSERT_EQ(view["communications"].size(), 1u);
  EXPECT_EQ(view["communications"][0]["id"], "training");
  EXPECT_EQ(view["communications"][0]["number"], 1);
  EXPECT_EQ(view["topic"], "training");
  EXPECT_EQ(view["complete"], true);
}

TEST(FiveW2HView, UnknownTopicNamesTheClosestId) {
  Project p = load(kTwoTopics);
  EXPECT_EQ(option_errors(&p, "trainig"),
            "--topic: error: no communication has the id \"trainig\"; did you mean "
            "\"training\"?\n");
  EXPECT_EQ(option_errors(&p, "budget-review"),
            "--topic: error: no communication has the id \"budget-review\"; the communications "
            "are cutover, training\n");
  Project empty = load(kMinimal);
  EXPECT_EQ(option_errors(&empty, "x"),
            "--topic: error: no communication has the id \"x\"; the project has no "
            "communications\n");
  EXPECT_EQ(option_errors(nullptr, "x"), "--topic: error: --topic needs a PROJECT\n");
}

TEST(FiveW2HView, StrictWarnsEachMissingDimensionInPlaceOrder) {
  Project p = load(kTwoTopics);
  Diagnostics d;
  auto view = build_five_w2h_view(p, options(), {.topic = "", .strict = true}, d);
  ASSERT_TRUE(view.has_value());
  EXPECT_EQ(view->data["missing"], 2);
  EXPECT_EQ(headlines(d),
            "p.yaml:8:5: warning: communications[0].how_much: missing HOW MUCH\n"
            "p.yaml:14:13: warning: communications[0].where: missing WHERE\n");
}

TEST(FiveW2HView, WithoutProjectListsTheAnswersGiven) {
  Communication c;
  c.id = "access";
  c.why = "Night work";
  Diagnostics d;
  auto view = build_five_w2h_view(std::vector<Communication>{c}, options(), {}, d);
  ASSERT_TRUE(view.has_value());
  EXPECT_EQ(view->data["communications"][0]["id"], "access");
  EXPECT_EQ(view->data["missing"], 6);
  EXPECT_EQ(view->data["blank"], false);
  EXPECT_TRUE(d.items().empty());
}

TEST(FiveW2HMissing, NamesEachMissingDimensionWhereItBelongs) {
  Project p = load(kTwoTopics);
  Diagnostics d;
  auto selected = select_communications(&p, "", d);
  EXPECT_EQ(warn_missing_dimensions(selected, d), 2u);
  EXPECT_EQ(headlines(d),
            "p.yaml:14:13: warning: communications[0].where: missing WHERE\n"
            "p.yaml:8:5: warning: communications[0].how_much: missing HOW MUCH\n");
}

TEST(FiveW2HMissing, TheClientsChecklistWarnsOnlyOfWhatItShows) {
  // It has no HOW or HOW MUCH (our tactics): their being unanswered is nothing it lacks.
  Project p = load(kTwoTopics);
  Diagnostics d;
  auto selected = select_communications(&p, "", d);
  EXPECT_EQ(warn_missing_dimensions(selected, d, Audience::client), 1u);
  EXPECT_EQ(headlines(d), "p.yaml:14:13: warning: communications[0].where: missing WHERE\n");
}

TEST(FiveW2HMissing, CountsEverythingInABlankChecklist) {
  Diagnostics d;
  auto selected = select_communications(nullptr, "", d);
  EXPECT_EQ(warn_missing_dimensions(selected, d), 7u);
  EXPECT_EQ(format_headline(d.items()[6]), "commplan: warning: how_much: missing HOW MUCH");
}

TEST(FiveW2HInteractive, AsksTheSevenQuestionsInTurn) {
  std::istringstream in(
      "Move the cutover\n"
      "The Sunday is lost\n"
      "  New date and fallback  \n"
      "Logistics manager\n"
      "After the phase recap\n"
      "\n"
      "Tactful, two options\n"
      "A signed change request\n");
  std::ostringstream prompts;
  Communication c = cli::ask_communication(in, prompts, Lang::en);
  EXPECT_EQ(c.id, "move-the-cutover");
  EXPECT_EQ(c.title, "Move the cutover");
  EXPECT_EQ(c.why, "The Sunday is lost");
  EXPECT_EQ(c.what, "New date and fallback");
  EXPECT_EQ(c.where, "");
  EXPECT_EQ(c.how_much, "A signed change request");
  EXPECT_EQ(prompts.str(),
            "Answer each question on one line; an empty line leaves it open.\n"
            "Topic: what is the conversation about?\n> "
            "[1/7] WHY: Why are we talking? What is the purpose?\n> "
            "[2/7] WHAT: What must be made clear? What is the key point?\n> "
            "[3/7] WHO: Who are we talking to, and what is their role?\n> "
            "[4/7] WHEN: When do we talk? Which times suit, and which do not?\n> "
            "[5/7] WHERE: Where do we talk? Which places suit, and which do not?\n> "
            "[6/7] HOW: How do we put it: firmly, tactfully, or some other way?\n> "
            "[7/7] HOW MUCH: How far do we take it? What outcome is enough this time?\n> ");

  auto view = five_w2h_view(nullptr, {c}, options());
  EXPECT_EQ(view["blank"], false);
  EXPECT_EQ(view["missing"], 1);
  EXPECT_EQ(view["communications"][0]["dimensions"][4]["missing"], true);
}

TEST(FiveW2HInteractive, AsksInChineseAndStopsAtTheEndOfInput) {
  std::istringstream in("切换窗口\n业务负责人要拍板\n");
  std::ostringstream prompts;
  Communication c = cli::ask_communication(in, prompts, Lang::zh);
  EXPECT_EQ(c.title, "切换窗口");
  EXPECT_EQ(c.id, "topic");
  EXPECT_EQ(c.why, "业务负责人要拍板");
  EXPECT_EQ(c.what, "");
  EXPECT_EQ(c.how_much, "");
  EXPECT_NE(prompts.str().find("[1/7] WHY: 为什么沟通？沟通的目的是什么？\n> "), std::string::npos);
}

TEST(FiveW2HYaml, LoadsBackAsTheSameCommunications) {
  Communication c;
  c.id = "tricky";
  c.title = "Quotes \" and: colons # and \\ backslashes";
  c.why = "Line one\nline two";
  c.what = "- not a list";
  c.who = "马丽（信息部主管）";
  c.when = "null";
  c.how = "yes";
  c.how_much = "";
  std::string yaml = communications_yaml(five_w2h_view(nullptr, {c}, options(Lang::zh)));
  EXPECT_EQ(
      yaml.rfind("# 把下面的条目粘贴到项目文件的 communications 列表中。\ncommunications:\n", 0),
      0u);
  Project p = load(kMinimal + yaml);
  ASSERT_EQ(p.communications.size(), 1u);
  const Communication& back = p.communications[0];
  EXPECT_EQ(back.id, c.id);
  EXPECT_EQ(back.title, c.title);
  EXPECT_EQ(back.why, c.why);
  EXPECT_EQ(back.what, c.what);
  EXPECT_EQ(back.who, c.who);
  EXPECT_EQ(back.when, c.when);
  EXPECT_EQ(back.how, c.how);
  EXPECT_EQ(back.how_much, "");
}

TEST(FiveW2HCommand, StrictExitsFourAndNamesEachMissingDimension) {
  auto r = testing::run_cli({"five-w2h", "-", "--strict", "--format", "json"}, kTwoTopics);
  EXPECT_EQ(r.code, 4);
  EXPECT_NE(r.err.find("<stdin>:14:13: warning: communications[0].where: missing WHERE\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("<stdin>:8:5: warning: communications[0].how_much: missing HOW MUCH\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["missing"], 2);
}

TEST(FiveW2HCommand, StrictPassesWhenTheTopicIsComplete) {
  auto r = testing::run_cli({"five-w2h", "-", "--strict", "--topic", "training"}, kTwoTopics);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

TEST(FiveW2HCommand, WithoutStrictMissingDimensionsAreNotWarned) {
  auto r = testing::run_cli({"five-w2h", "-"}, kTwoTopics);
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("- [x] **WHY** (Purpose): Why are we talking? What is the purpose?\\\n"
                       "  The Sunday is lost\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("- [ ] **WHERE** (Place): Where do we talk? Which places suit, and "
                       "which do not?\n"),
            std::string::npos)
      << r.out;
}

TEST(FiveW2HCommand, BlankChecklistUnderStrictFails) {
  auto r = testing::run_cli({"five-w2h", "--strict", "--date", "2026-12-07"});
  EXPECT_EQ(r.code, 4);
  EXPECT_NE(r.err.find("commplan: warning: why: missing WHY\n"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("- [ ] **WHY**"), std::string::npos) << r.out;
}

TEST(FiveW2HCommand, RefusesInteractiveWithoutATerminal) {
  auto r = testing::run_cli({"five-w2h", "--interactive"}, "answers\n");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "--interactive: error: standard input is not a terminal\n");
  EXPECT_EQ(r.out, "");
}

TEST(FiveW2HCommand, UnknownTopicIsAUsageError) {
  auto r = testing::run_cli({"five-w2h", "-", "--topic", "cutovr"}, kTwoTopics);
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "--topic: error: no communication has the id \"cutovr\"; did you mean "
            "\"cutover\"?\n");
}

TEST(FiveW2HCommand, RendersWithTheUsersTemplate) {
  auto dir = std::filesystem::temp_directory_path() / "commplan-five-w2h-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "five-w2h.en.md.mustache")
      << "{{#communications}}{{id}}: {{answered}}/7\n{{/communications}}";
  auto by_dir = testing::run_cli({"five-w2h", "-", "--templates-dir", dir.string()}, kTwoTopics);
  EXPECT_EQ(by_dir.out, "cutover: 5/7\ntraining: 7/7\n") << by_dir.err;
  auto by_file = testing::run_cli(
      {"five-w2h", "-", "--template", (dir / "five-w2h.en.md.mustache").string()}, kTwoTopics);
  EXPECT_EQ(by_file.out, by_dir.out) << by_file.err;
  std::filesystem::remove_all(dir);
}

TEST(FiveW2HCommand, RejectsAnUnknownFormat) {
  EXPECT_EQ(testing::run_cli({"five-w2h", "--format", "ics"}).code, 2);
  EXPECT_EQ(testing::run_cli({"kickoff", "-", "--format", "yaml"}, kMinimal).code, 2);
}

}  // namespace
}  // namespace commplan

#include <regex>

#include "template/builtin.hpp"

namespace commplan {
namespace {

/// The tags of a built-in template (variables, sections, partials), as a set.
std::set<std::string> tags_of(std::string_view name) {
  for (const auto& t : builtin::templates()) {
    if (t.name != name) continue;
    std::set<std::string> tags;
    std::string text(t.text);
    std::regex tag(R"(\{\{\{?([#^/>&]?\s*[^}]*?)\s*\}?\}\})");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), tag);
         it != std::sregex_iterator(); ++it)
      tags.insert((*it)[1].str());
    return tags;
  }
  ADD_FAILURE() << "no built-in template " << name;
  return {};
}

TEST(FiveW2HTemplates, EnglishAndChineseShowTheSameData) {
  for (const char* command : {"kickoff", "five-w2h"}) {
    auto en = tags_of(std::string(command) + ".en.md");
    auto zh = tags_of(std::string(command) + ".zh.md");
    EXPECT_TRUE(en.count("#communications") || en.count("#introductions")) << command;
    EXPECT_TRUE(en.count("question")) << command;
    EXPECT_EQ(en, zh) << command;
  }
}

}  // namespace
}  // namespace commplan
