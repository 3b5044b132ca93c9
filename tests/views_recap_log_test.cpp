// The day's log in the recaps: the entries of several authors merged, each item attributed, and
// the questions the client asked us that we still owe an answer to.

#include <gtest/gtest.h>

#include <filesystem>

#include "template_fixtures.hpp"
#include "test_helpers.hpp"
#include "util/read.hpp"

namespace commplan {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using tmpl::testing::TempDir;

/// A project of two weeks from Monday 2026-12-07, its log in the file and in logs/.
class RecapLog : public ::testing::Test {
 protected:
  std::string write_project(const std::string& log) {
    fs::create_directories(tmp_.path() / "logs");
    return project_ = tmp_.write("p.yaml", testing::project_head() + "log_dir: logs\n" + log);
  }
  testing::RunResult recap(const std::string& date, const std::string& format = "md",
                           const std::string& lang = "en") const {
    return testing::run_cli({"recap", project_, "--level", "daily", "--date", date, "--format",
                             format, "--lang", lang});
  }
  json view(const std::string& date) const {
    testing::RunResult r = recap(date, "json");
    EXPECT_EQ(r.code, 0) << r.err;
    return json::parse(r.out);
  }

  TempDir tmp_;
  std::string project_;
};

json item(const char* text, const char* by, bool attributed) {
  return {{"text", text}, {"by", by}, {"attributed", attributed}};
}

TEST_F(RecapLog, TwoAuthorsOfADayAreMergedEachItemAttributed) {
  write_project(
      "log:\n  - {date: 2026-12-08, by: Li Wei, done: [Checked the VPN], next: [Trace feeds]}\n");
  tmp_.write("logs/2026-12-08.chen.yaml",
             "log:\n  - date: 2026-12-08\n    by: Chen Ming\n    done: [Read the configs]\n"
             "    support_needed: [Keys to room B]\n    questions: [Who holds the keys?]\n"
             "    next: [Interview the NOC]\n");
  json v = view("2026-12-08");
  // Entries are merged by author, whichever file holds them.
  EXPECT_EQ(v["log"]["authors"], json::array({"Chen Ming", "Li Wei"}));
  EXPECT_EQ(v["log"]["done"], json::array({item("Read the configs", "Chen Ming", true),
                                           item("Checked the VPN", "Li Wei", true)}));
  EXPECT_EQ(v["log"]["support_needed"], json::array({item("Keys to room B", "Chen Ming", true)}));
  EXPECT_EQ(v["log"]["questions"], json::array({item("Who holds the keys?", "Chen Ming", true)}));
  EXPECT_EQ(v["tomorrow"]["items"], json::array({item("Interview the NOC", "Chen Ming", true),
                                                 item("Trace feeds", "Li Wei", true)}));
  EXPECT_EQ(v["feedback_questions"].size(), 3u);  // the second author's support adds one

  testing::RunResult en = recap("2026-12-08");
  EXPECT_NE(en.out.find("**Done**\n\n- Read the configs (Chen Ming)\n- Checked the VPN (Li Wei)\n"),
            std::string::npos)
      << en.out;
  EXPECT_NE(en.out.find("- Interview the NOC (Chen Ming)\n- Trace feeds (Li Wei)\n"),
            std::string::npos)
      << en.out;
  testing::RunResult zh = recap("2026-12-08", "md", "zh");
  EXPECT_NE(zh.out.find("- Read the configs（Chen Ming）\n- Checked the VPN（Li Wei）\n"),
            std::string::npos)
      << zh.out;
}

TEST_F(RecapLog, OneAuthorsItemsAreNotAttributed) {
  write_project("log:\n  - {date: 2026-12-08, by: Li Wei, done: [Checked the VPN]}\n");
  json v = view("2026-12-08");
  EXPECT_EQ(v["log"]["done"], json::array({item("Checked the VPN", "Li Wei", false)}));
  EXPECT_NE(recap("2026-12-08").out.find("- Checked the VPN\n"), std::string::npos);
}

TEST_F(RecapLog, AnEntryWithoutAuthorBesideOneWithIsMergedTheOtherAttributed) {
  write_project("log:\n  - {date: 2026-12-08, done: [a]}\n");
  tmp_.write("logs/li.yaml", "log:\n  - {date: 2026-12-08, by: Li, done: [b]}\n");
  json v = view("2026-12-08");
  EXPECT_EQ(v["log"]["done"], json::array({item("a", "", false), item("b", "Li", true)}));
  EXPECT_EQ(v["log"]["authors"], json::array({"Li"}));
}

TEST_F(RecapLog, AnEntryOfAnotherAuthorStillMeansTheDayIsRecorded) {
  write_project("");
  tmp_.write("logs/chen/2026-12-08.yaml", "log:\n  - {date: 2026-12-08, by: Chen, done: [b]}\n");
  testing::RunResult r = recap("2026-12-08");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "");
  r = recap("2026-12-09");
  EXPECT_NE(r.err.find("nothing recorded for 2026-12-09"), std::string::npos) << r.err;
}

TEST_F(RecapLog, TheFinalRecapTakesInTheMergedLogOfItsDay) {
  write_project("log:\n  - {date: 2026-12-18, by: Li, done: [Presented], next: [Report]}\n");
  tmp_.write("logs/chen/2026-12-18.yaml",
             "log:\n  - {date: 2026-12-18, by: Chen, done: [Packed]}\n");
  testing::RunResult r = testing::run_cli(
      {"recap", project_, "--level", "final", "--date", "2026-12-18", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const json daily = json::parse(r.out)["folded"]["daily"];
  EXPECT_EQ(daily["log"]["done"],
            json::array({item("Packed", "Chen", true), item("Presented", "Li", true)}));
  EXPECT_EQ(daily["tomorrow"]["items"], json::array({item("Report", "Li", true)}));
  r = testing::run_cli({"recap", project_, "--level", "final", "--date", "2026-12-18"});
  EXPECT_NE(r.out.find("- Packed (Chen)\n- Presented (Li)\n"), std::string::npos) << r.out;
}

const std::string kQuestions =
    "log:\n"
    "  - date: 2026-12-08\n"
    "    by: Li\n"
    "    questions:\n"
    "      - Who holds the keys?\n"
    "      - {question: Is the UPS load-tested?, answer: not known yet, answer_by: 2026-12-09}\n"
    "      - {question: Which racks are live?, answer: rows A to C}\n"
    "      - {question: Who patches the PDUs?}\n";

TEST_F(RecapLog, TextsAreQuestionsForTheClientMappingsAreOwedUntilAnswered) {
  write_project(kQuestions);
  json v = view("2026-12-08");
  EXPECT_EQ(v["log"]["questions"], json::array({item("Who holds the keys?", "Li", false)}));
  const json& asked = v["client_questions"];
  EXPECT_EQ(asked["shown"], true);
  // "not known yet" beside a promised day is what we said meanwhile: still owed.
  EXPECT_EQ(asked["owed"], json::parse(R"([
      {"question": "Is the UPS load-tested?", "asked": "2026-12-08", "by": "Li",
       "answer_by": "2026-12-09", "overdue": false},
      {"question": "Who patches the PDUs?", "asked": "2026-12-08", "by": "Li",
       "answer_by": null, "overdue": false}])"));
  // An answer with no promised day was given on the spot.
  EXPECT_EQ(asked["answered"], json::parse(R"([
      {"question": "Which racks are live?", "answer": "rows A to C", "asked": "2026-12-08",
       "by": "Li", "answered": "2026-12-08"}])"));

  testing::RunResult en = recap("2026-12-08");
  EXPECT_NE(en.out.find("## Answers we owe the client\n\n"
                        "| Question | Asked | Noted by | Answer promised by |\n"
                        "|----------|-------|----------|--------------------|\n"
                        "| Is the UPS load-tested? | 2026-12-08 | Li | 2026-12-09 |\n"
                        "| Who patches the PDUs? | 2026-12-08 | Li | no date given yet |\n\n"
                        "**Answered since the last recap**\n\n"
                        "- Which racks are live? — rows A to C (answered 2026-12-08)\n\n"),
            std::string::npos)
      << en.out;
  EXPECT_NE(en.out.find("**Questions for the client**\n\n- Who holds the keys?\n\n"),
            std::string::npos)
      << en.out;
  testing::RunResult zh = recap("2026-12-08", "md", "zh");
  EXPECT_NE(zh.out.find("## 待我方答复的问题\n\n| 问题 | 提出日期 | 记录人 | 承诺答复日期 |\n"),
            std::string::npos)
      << zh.out;
  EXPECT_NE(zh.out.find("| Who patches the PDUs? | 2026-12-08 | Li | 尚未约定 |\n"),
            std::string::npos);
  EXPECT_NE(zh.out.find("- Which racks are live? 答复：rows A to C（2026-12-08 答复）\n"),
            std::string::npos)
      << zh.out;
}

TEST_F(RecapLog, AnAnswerPastItsPromisedDayIsOverdueAndWarnedAtTheQuestion) {
  write_project(kQuestions);
  testing::RunResult on_time = recap("2026-12-09");
  EXPECT_EQ(on_time.err.find("answer_by"), std::string::npos) << on_time.err;
  EXPECT_NE(on_time.out.find("| 2026-12-09 |\n"), std::string::npos) << on_time.out;
  // The answered question was answered before this recap's window: no longer listed.
  EXPECT_EQ(on_time.out.find("Which racks are live?"), std::string::npos) << on_time.out;

  testing::RunResult late = recap("2026-12-10");
  EXPECT_EQ(late.code, 0);
  EXPECT_NE(late.err.find(project_ +
                          ":13:79: warning: log[0].questions[1].answer_by: the answer to \"Is the "
                          "UPS load-tested?\" was promised by 2026-12-09 and is still owed on "
                          "2026-12-10\n"
                          "       - {question: Is the UPS load-tested?, answer: not known yet, "
                          "answer_by: 2026-12-09}\n" +
                          std::string(79, ' ') + "^\n"),
            std::string::npos)
      << late.err;
  EXPECT_NE(
      late.out.find("| Is the UPS load-tested? | 2026-12-08 | Li | 2026-12-09 (**overdue**) |"),
      std::string::npos)
      << late.out;
  EXPECT_EQ(json::parse(recap("2026-12-10", "json").out)["client_questions"]["owed"][0]["overdue"],
            true);
  EXPECT_NE(recap("2026-12-10", "md", "zh").out.find("2026-12-09（**已逾期**）"),
            std::string::npos);
}

TEST_F(RecapLog, AnAnswerCountsFromTheDayItWasGiven) {
  write_project(
      "log:\n  - date: 2026-12-08\n    questions:\n"
      "      - {question: Is the UPS tested?, answer: monthly, answer_by: 2026-12-09, answered: "
      "2026-12-10}\n");
  EXPECT_EQ(view("2026-12-09")["client_questions"]["owed"].size(), 1u);
  json on_the_day = view("2026-12-10")["client_questions"];
  EXPECT_EQ(on_the_day["owed"], json::array());
  EXPECT_EQ(on_the_day["answered"][0]["answered"], "2026-12-10");
  EXPECT_EQ(on_the_day["answered"][0]["answer"], "monthly");
  json later = view("2026-12-11")["client_questions"];
  EXPECT_EQ(later["shown"], false);
  EXPECT_EQ(recap("2026-12-11").out.find("Answers we owe"), std::string::npos);
}

TEST_F(RecapLog, RecordingAnAnswerLaterLeavesAPastRecapAsItWas) {
  std::string asked =
      "log:\n  - date: 2026-12-08\n    by: Li\n    questions:\n"
      "      - question: Is the UPS tested?\n        answer_by: 2026-12-09\n";
  write_project(asked);
  testing::RunResult before = recap("2026-12-10"), before_zh = recap("2026-12-10", "md", "zh");
  testing::RunResult before_json = recap("2026-12-10", "json");
  // The answer comes on 2026-12-11, and the next day's entry of another author asks more.
  write_project(asked +
                "        answer: monthly, by the facilities team\n        answered: 2026-12-11\n" +
                "  - date: 2026-12-11\n    by: Chen\n    questions:\n"
                "      - {question: Who signs the report?, answer_by: 2026-12-14}\n");
  tmp_.write("logs/2026-12-10.chen.yaml",
             "log:\n  - date: 2026-12-11\n    by: Wang\n    done: [later]\n");
  EXPECT_EQ(recap("2026-12-10").out, before.out);
  EXPECT_EQ(recap("2026-12-10").err, before.err);
  EXPECT_EQ(recap("2026-12-10", "md", "zh").out, before_zh.out);
  EXPECT_EQ(recap("2026-12-10", "json").out, before_json.out);
  EXPECT_NE(recap("2026-12-11")
                .out.find("- Is the UPS tested? — monthly, by the facilities team "
                          "(answered 2026-12-11)"),
            std::string::npos);
}

TEST_F(RecapLog, AnAnswerBeforeItsQuestionIsLocated) {
  write_project(
      "log:\n  - date: 2026-12-08\n    questions:\n"
      "      - {question: Keys?, answer: yes, answered: 2026-12-07}\n");
  testing::RunResult r = testing::run_cli({"validate", project_});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(
      r.err.find(project_ + ":11:50: error: log[0].questions[0].answered: answered on 2026-12-07, "
                            "before it was asked (2026-12-08)"),
      std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace commplan
