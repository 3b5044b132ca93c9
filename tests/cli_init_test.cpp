#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "model/reader.hpp"
#include "test_helpers.hpp"

namespace commplan::testing {
namespace {

namespace fs = std::filesystem;

TEST(CliInit, StartersValidateStrictlyInEveryLanguageAndFormat) {
  for (const char* lang : {"en", "zh"})
    for (const char* format : {"yaml", "json"}) {
      RunResult init =
          run_cli({"init", "--date", "2026-11-24", "--lang", lang, "--format", format});
      ASSERT_EQ(init.code, 0) << init.err;
      RunResult check = run_cli({"validate", "--strict", "-"}, init.out);
      EXPECT_EQ(check.code, 0) << lang << " " << format << "\n" << check.err;
      EXPECT_NE(init.out.find(std::string("lang") +
                              (std::string(format) == "json" ? "\": \"" : ": ") + lang),
                std::string::npos);
    }
}

TEST(CliInit, TheCommentedExtraWorkdayIsASaturdayOfTheEngagement) {
  for (const char* lang : {"en", "zh"}) {
    std::string starter = run_cli({"init", "--date", "2026-11-24", "--lang", lang}).out;
    const std::string commented = "# extra_workdays: [2026-12-05]";
    size_t at = starter.find(commented);
    ASSERT_NE(at, std::string::npos) << lang;
    starter.replace(at, 2, "");  // uncomment it, as a user would
    RunResult check = run_cli({"validate", "--strict", "-"}, starter);
    EXPECT_EQ(check.code, 0) << lang << "\n" << check.err;
    RunResult plan = run_cli({"plan", "--format", "json", "-"}, starter);
    EXPECT_NE(plan.out.find(R"("date": "2026-12-05")"), std::string::npos) << lang;
  }
}

TEST(CliInit, TheChineseStarterListsTheChineseWordsTheLoaderAccepts) {
  std::string starter = run_cli({"init", "--date", "2026-11-24", "--lang", "zh"}).out;
  std::vector<std::string> words = enum_aliases<Severity>();
  for (const auto& word : enum_aliases<Status>()) words.push_back(word);
  EXPECT_FALSE(words.empty());
  for (const auto& word : words) EXPECT_NE(starter.find(word), std::string::npos) << word;
  EXPECT_NE(starter.find("周一 … 周日 或 星期一 … 星期日"), std::string::npos);

  std::string chinese = starter;
  const std::string workdays = "workdays: [mon, tue, wed, thu, fri]";
  chinese.replace(chinese.find(workdays), workdays.size(),
                  "workdays: [周一, 周二, 周三, 周四, 周五]");
  chinese.replace(chinese.find("findings: []"), 12,
                  "findings: [{id: F1, title: 门禁, severity: 高危, status: 处理中}]");
  RunResult check = run_cli({"validate", "--strict", "-"}, chinese);
  EXPECT_EQ(check.code, 0) << check.err;
  RunResult plan = run_cli({"plan", "--format", "json", "-"}, chinese);
  EXPECT_NE(plan.out.find(R"("workweek": "周一至周五")"), std::string::npos);
  RunResult recap = run_cli({"recap", "--level", "final", "--format", "json", "-"}, chinese);
  EXPECT_NE(recap.out.find(R"("severity": "high")"), std::string::npos);
  EXPECT_NE(recap.out.find(R"("status": "in-progress")"), std::string::npos);
}

TEST(CliInit, PlansTwoWeeksFromTheNextMonday) {
  RunResult r = run_cli({"init", "--date", "2026-11-24"});  // a Tuesday
  EXPECT_NE(r.out.find("  start: 2026-11-30 "), std::string::npos);
  EXPECT_NE(r.out.find("  end: 2026-12-11 "), std::string::npos);
  EXPECT_EQ(r.out.rfind("# yaml-language-server: $schema=commplan.schema.json\n", 0), 0u);
  EXPECT_EQ(run_cli({"init"}, "", {{"SOURCE_DATE_EPOCH", "1796860799"}}).out,
            run_cli({"init", "--date", "2026-12-09"}).out);
}

TEST(CliInit, UsesTheLanguageFromTheEnvironment) {
  RunResult r = run_cli({"init", "--date", "2026-11-24"}, "", {{"COMMPLAN_LANG", "zh"}});
  EXPECT_NE(r.out.find("lang: zh"), std::string::npos);
  EXPECT_EQ(run_cli({"init"}, "", {{"COMMPLAN_LANG", "fr"}}).code, 2);
}

TEST(CliInit, RefusesToReplaceAFileWithoutForce) {
  fs::path dir = fs::temp_directory_path() / "commplan-test-init";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string path = (dir / "p.json").string();
  std::ofstream(path) << "mine";
  RunResult refused = run_cli({"init", "-o", path});
  EXPECT_EQ(refused.code, 2);
  EXPECT_EQ(refused.err, path + ": error: already exists; use --force to replace it\n");
  RunResult forced = run_cli({"init", "-o", path, "--force", "--date", "2026-11-24"});
  EXPECT_EQ(forced.code, 0);
  EXPECT_EQ(run_cli({"validate", "--strict", path}).code, 0);
  std::ifstream in(path);
  EXPECT_EQ(in.get(), '{');  // the .json extension chose JSON
}

TEST(CliInit, RefusesTheYamlStarterUnderAJsonName) {
  fs::path dir = fs::temp_directory_path() / "commplan-test-init-yaml";
  fs::remove_all(dir);
  std::string path = (dir / "p.json").string();
  RunResult r = run_cli({"init", "-o", path, "--format", "yaml"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "--format: error: the YAML starter cannot be read from " + path +
                       ", which commplan reads as JSON: name it .yaml, or leave --format out for "
                       "a JSON starter\n");
  EXPECT_FALSE(fs::exists(path));
}

}  // namespace
}  // namespace commplan::testing
