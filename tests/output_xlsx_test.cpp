#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "output/xlsx.hpp"
#include "util/diagnostic.hpp"

namespace commplan {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

json finding(const std::string& id, const std::string& title, json severity, json label) {
  return {{"id", id},
          {"title", title},
          {"severity", std::move(severity)},
          {"severity_label", std::move(label)},
          {"status", "open"},
          {"status_label", "Open"},
          {"cvss", nullptr},
          {"found", "2026-12-08"},
          {"due", nullptr},
          {"affected", json::array()},
          {"references", json::array()},
          {"retest", nullptr},
          {"open", true}};
}

json register_view() {
  json critical = finding("F-1", "SQL injection in login", "critical", "Critical");
  critical["cvss"] = {{"vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"},
                      {"version", "3.1"},
                      {"score", "9.8"},
                      {"rating", "critical"}};
  critical["due"] = "2026-12-20";
  critical["affected"] = {"app.example.com", "10.0.0.5"};
  critical["retest"] = {{"date", "2026-12-15"}, {"result", "failed"}, {"result_label", "Failed"}};
  json formula = finding("F-2", "=HYPERLINK(\"http://x\",\"click\")", nullptr, "Unrated");
  json cjk = finding("F-3", "弱口令：管理后台使用默认密码", "medium", "中危");
  return {
      {"date", "2026-12-10"},
      {"project", {{"name", "Audit"}}},
      {"findings", {critical, formula, cjk}},
      {"summary",
       {{"by_severity",
         {{{"severity", "critical"},
           {"label", "Critical"},
           {"open", 1},
           {"closed", 0},
           {"total", 1}},
          {{"severity", "medium"}, {"label", "Medium"}, {"open", 1}, {"closed", 0}, {"total", 1}},
          {{"severity", nullptr}, {"label", "Unrated"}, {"open", 1}, {"closed", 0}, {"total", 1}}}},
        {"by_status", {{{"status", "open"}, {"label", "Open"}, {"count", 3}}}},
        {"total", 3},
        {"open", 3}}}};
}

bool is_zip(const std::string& bytes) { return bytes.rfind("PK\x03\x04", 0) == 0; }

/// TMPDIR set to a fresh folder for the test's life, and put back after.
class TempDirEnv {
 public:
  explicit TempDirEnv(const fs::path& dir) : dir_(dir) {
    if (const char* old = getenv("TMPDIR")) old_ = old;
    fs::create_directories(dir_);
    setenv("TMPDIR", dir_.c_str(), 1);
  }
  ~TempDirEnv() {
    if (old_)
      setenv("TMPDIR", old_->c_str(), 1);
    else
      unsetenv("TMPDIR");
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  TempDirEnv(const TempDirEnv&) = delete;
  TempDirEnv& operator=(const TempDirEnv&) = delete;

 private:
  fs::path dir_;
  std::optional<std::string> old_;
};

fs::path fresh_dir(const std::string& name) {
  return fs::temp_directory_path() / (name + "-" + std::to_string(getpid()));
}

TEST(RegisterWorkbook, IsAZipInEitherLanguage) {
  EXPECT_TRUE(is_zip(register_workbook(register_view(), Lang::en)));
  EXPECT_TRUE(is_zip(register_workbook(register_view(), Lang::zh)));
}

TEST(RegisterWorkbook, SameViewGivesTheSameBytes) {
  std::string first = register_workbook(register_view(), Lang::en);
  EXPECT_EQ(first, register_workbook(register_view(), Lang::en));
  EXPECT_NE(first, register_workbook(register_view(), Lang::zh));
}

TEST(RegisterWorkbook, TheViewsDateIsTheCreationTime) {
  json later = register_view();
  later["date"] = "2026-12-11";
  json undated = register_view();
  undated.erase("date");
  std::string bytes = register_workbook(register_view(), Lang::en);
  EXPECT_NE(bytes, register_workbook(later, Lang::en));
  EXPECT_EQ(register_workbook(undated, Lang::en), register_workbook(undated, Lang::en));
}

TEST(RegisterWorkbook, AMalformedViewGivesAWorkbookNotAJsonError) {
  json wrong_types = {
      {"date", 12},
      {"project", "Audit"},
      {"findings",
       {1,
        "text",
        nullptr,
        {{"id", 7},
         {"title", json::array()},
         {"severity", 3},
         {"cvss", "9.8"},
         {"found", "2026-02-30"},
         {"due", {{"y", 2026}}},
         {"affected", "one host"},
         {"references", {1, nullptr, "x"}},
         {"retest", json::array()}},
        {{"cvss", {{"score", "high"}}}, {"retest", {{"date", 20261201}}}}}},
      {"summary", {{"by_severity", {{{"label", 1}, {"open", "two"}}, 3}}, {"by_status", "none"}}}};
  for (const json& view : {json(), json::array(), json("view"), json::object(), wrong_types}) {
    std::string bytes;
    EXPECT_NO_THROW(bytes = register_workbook(view, Lang::en)) << view.dump();
    EXPECT_TRUE(is_zip(bytes)) << view.dump();
  }
}

TEST(RegisterWorkbook, TextsPastTheCellLimitAreCutNotRefused) {
  json view = register_view();
  std::string evidence;
  for (int i = 0; i < 20000; ++i) evidence += "证";  // 20,000 characters, 60,000 bytes
  for (int i = 0; i < 20000; ++i) evidence += "x";
  view["findings"][0]["evidence"] = evidence;
  std::string emoji;
  for (int i = 0; i < 17000; ++i) emoji += "\xF0\x9F\x94\x92";  // two UTF-16 units each
  view["findings"][1]["impact"] = emoji;
  std::string escapes;
  for (int i = 0; i < 5000; ++i) escapes += "_x0041_";
  view["findings"][2]["recommendation"] = escapes;
  EXPECT_TRUE(is_zip(register_workbook(view, Lang::zh)));
}

TEST(RegisterWorkbook, LeavesNoTemporaryFileBehind) {
  fs::path dir = fresh_dir("commplan-xlsx-test");
  TempDirEnv env(dir);
  EXPECT_TRUE(is_zip(register_workbook(register_view(), Lang::en)));
  EXPECT_TRUE(fs::is_empty(dir));
}

TEST(RegisterWorkbook, AnUnusableTemporaryFolderIsAnIoError) {
  fs::path dir = fresh_dir("commplan-xlsx-test-missing");
  TempDirEnv env(dir);
  fs::remove_all(dir);
  try {
    register_workbook(register_view(), Lang::en);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::io);
    EXPECT_NE(std::string(e.what()).find("cannot create a temporary file"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace commplan
