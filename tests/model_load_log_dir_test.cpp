// log_dir on every state of the file system: loops of links, dangling links, folders, pipes,
// the project file itself, and names that would drive a terminal.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "model/project.hpp"
#include "template_fixtures.hpp"
#include "test_helpers.hpp"
#include "util/read.hpp"

namespace commplan {
namespace {

namespace fs = std::filesystem;
using tmpl::testing::TempDir;

/// A folder holding p.yaml (with `log_dir: logs`) and an empty logs/.
class LogDir : public ::testing::Test {
 protected:
  void SetUp() override {
    project_ = tmp_.write("p.yaml", testing::project_head() + "log_dir: logs\n");
    fs::create_directories(logs());
  }
  fs::path logs() const { return tmp_.path() / "logs"; }
  std::string log(const std::string& name) const { return (logs() / name).string(); }
  testing::RunResult validate() const { return testing::run_cli({"validate", project_}); }

  TempDir tmp_;
  std::string project_;
};

TEST_F(LogDir, ALoopOfLinksIsAnIoErrorNamingTheFile) {
  fs::create_symlink("a.yaml", logs() / "a.yaml");
  testing::RunResult r = validate();
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, log("a.yaml") + ": error: cannot read: Too many levels of symbolic links\n");
  fs::create_symlink("y.yaml", logs() / "x.yaml");
  fs::create_symlink("x.yaml", logs() / "y.yaml");
  EXPECT_EQ(validate().code, 3);
}

TEST_F(LogDir, CompletionOnALoopOfLinksNeitherCrashesNorPrints) {
  fs::create_symlink("a.yaml", logs() / "a.yaml");
  testing::RunResult r = testing::run_cli({"__complete", "phases", project_});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
}

TEST_F(LogDir, ADanglingLinkIsAnIoError) {
  fs::create_symlink("x", logs() / "x.yaml");
  testing::RunResult r = validate();
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, log("x.yaml") + ": error: cannot read: No such file or directory\n");
}

TEST_F(LogDir, APipeIsNotReadAndIsAnIoError) {
  ASSERT_EQ(::mkfifo(log("f.yaml").c_str(), 0600), 0);
  testing::RunResult r = validate();
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, log("f.yaml") + ": error: cannot read: not a regular file\n");
}

TEST_F(LogDir, AnUnreadableFileIsAnIoError) {
  tmp_.write("logs/a.yaml", "log: []\n");
  fs::permissions(logs() / "a.yaml", fs::perms::none);
  if (::access(log("a.yaml").c_str(), R_OK) == 0) GTEST_SKIP() << "running as root";
  testing::RunResult r = validate();
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, log("a.yaml") + ": error: cannot read: Permission denied\n");
}

TEST_F(LogDir, AFolderNamedLikeALogFileIsSkipped) {
  fs::create_directories(logs() / "x.yaml");
  tmp_.write("logs/a.yaml", "log:\n  - date: 2026-12-08\n    done: [x]\n");
  testing::RunResult r = validate();
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1 log entry"), std::string::npos) << r.out;
}

TEST_F(LogDir, TheOtherFilesAreStillReadAndReported) {
  fs::create_symlink("a.yaml", logs() / "a.yaml");
  tmp_.write("logs/b.yaml", "findings:\n  - {id: F1, title: t, severity: bad}\n");
  testing::RunResult r = validate();
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find(log("b.yaml") + ":2:34: error: findings[0].severity"), std::string::npos)
      << r.err;
}

TEST_F(LogDir, ALoopOfLinksAsTheFolderIsNotAFolder) {
  fs::remove(logs());
  fs::create_symlink("logs", logs());
  testing::RunResult r = validate();
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("error: log_dir: \"" + logs().string() + "\" is not a folder"),
            std::string::npos)
      << r.err;
}

TEST_F(LogDir, TheProjectFolderDoesNotReadTheProjectAgain) {
  tmp_.write("p.yaml", testing::project_head() + "findings:\n  - {id: F1, title: t}\nlog_dir: .\n");
  tmp_.write("more.yaml", "findings:\n  - {id: F2, title: u}\n");
  testing::RunResult r = validate();
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("2 findings"), std::string::npos) << r.out;
  fs::create_symlink("p.yaml", tmp_.path() / "link.yaml");
  r = validate();
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("2 findings"), std::string::npos) << r.out;
}

TEST_F(LogDir, ProblemsComeFileByFileTheProjectFirst) {
  std::string bad;
  for (int i = 0; i < 30; ++i)
    bad += "  - {id: F" + std::to_string(i) + ", title: t, severity: bad}\n";
  tmp_.write("p.yaml", testing::project_head() + "log_dir: logs\nfindings:\n" + bad);
  tmp_.write("logs/b.yaml", "findings:\n" + bad);
  tmp_.write("logs/a.yaml", "findings:\n" + bad);
  Diagnostics d;
  load_project(project_, testing::project_head() + "log_dir: logs\nfindings:\n" + bad, d);
  ASSERT_EQ(d.items().size(), 90u + 60u);  // the log files repeat the project's ids too
  std::vector<std::string> order;
  for (const auto& item : d.items())
    if (order.empty() || order.back() != item.file) order.push_back(item.file);
  EXPECT_EQ(order, (std::vector<std::string>{project_, log("a.yaml"), log("b.yaml")}));
  for (size_t i = 1; i < d.items().size(); ++i) {
    if (d.items()[i].file == d.items()[i - 1].file) {
      EXPECT_GE(d.items()[i].mark.line, d.items()[i - 1].mark.line);
    }
  }
}

TEST_F(LogDir, FileNamesWithControlCharactersPrintEscaped) {
  tmp_.write("logs/a\x1b[2Jb\nc.yaml", "findings:\n  - {id: F1, title: t, severity: bad}\n");
  testing::RunResult r = validate();
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(logs().string() + "/a\\x1B[2Jb\\nc.yaml:2:34: error:"), std::string::npos)
      << r.err;
}

TEST_F(LogDir, TheProjectsInputsAreItsFileAndTheLogFilesOfItsLogDir) {
  Diagnostics d;
  auto project = load_project(project_, testing::project_head() + "log_dir: logs\n", d);
  ASSERT_TRUE(project);
  EXPECT_TRUE(is_project_input(project_, project_, &*project));
  EXPECT_TRUE(is_project_input(log("a.yaml"), project_, &*project));  // not written yet
  EXPECT_TRUE(is_project_input(log("b.json"), project_, &*project));
  EXPECT_FALSE(is_project_input(log("notes.txt"), project_, &*project));
  EXPECT_FALSE(is_project_input((tmp_.path() / "other.yaml").string(), project_, &*project));
  EXPECT_FALSE(is_project_input(log("a.yaml"), project_, nullptr));
}

/// Loads the project `project_` names, with what tmp_ holds beside it.
Project load_beside(const std::string& project_file, Diagnostics& d) {
  auto project = load_project(project_file, read_file(project_file), d);
  return project ? std::move(*project) : Project{};
}

TEST_F(LogDir, ChangesRecordedInLogFilesJoinTheirFindingsHistoryInDateOrder) {
  tmp_.write("p.yaml", testing::project_head() +
                           "log_dir: logs\nfindings:\n"
                           "  - {id: F1, title: t, found: 2026-12-08, status: agreed}\n");
  tmp_.write("logs/2026-12-10.li.yaml",
             "history:\n  - {finding: F1, date: 2026-12-10, status: resolved, note: fixed}\n");
  tmp_.write("logs/2026-12-09.chen.yaml",
             "findings:\n  - {id: F2, title: u, found: 2026-12-09}\n"
             "history:\n  - {finding: F1, date: 2026-12-09, severity: high}\n"
             "  - {finding: F2, date: 2026-12-09, status: in-progress}\n");
  Diagnostics d;
  Project p = load_beside(project_, d);
  ASSERT_TRUE(d.items().empty()) << d.items().front().message;
  const Finding& f1 = p.findings.at(0);
  ASSERT_EQ(f1.history.size(), 2u);
  EXPECT_EQ(format_date(f1.history[0].date), "2026-12-09");
  EXPECT_EQ(f1.history[1].note, "fixed");
  // Its top-level status is where its history starts; the log files' changes come after it.
  EXPECT_EQ(finding_as_of(f1, *parse_date("2026-12-08"))->status, Status::agreed);
  EXPECT_EQ(finding_as_of(f1, *parse_date("2026-12-09"))->severity, Severity::high);
  EXPECT_EQ(finding_as_of(f1, *parse_date("2026-12-09"))->status, Status::agreed);
  EXPECT_EQ(f1.status, Status::resolved);
  EXPECT_EQ(p.findings.at(1).status, Status::in_progress);
}

TEST_F(LogDir, AChangeToNoFindingOrBeforeItWasFoundIsLocated) {
  tmp_.write("p.yaml", testing::project_head() +
                           "log_dir: logs\nfindings:\n"
                           "  - {id: PN-1, title: t, found: 2026-12-09}\n");
  tmp_.write("logs/a.yaml",
             "history:\n  - {finding: PN-2, date: 2026-12-10, note: x}\n"
             "  - {finding: PN-1, date: 2026-12-08, note: y}\n");
  testing::RunResult r = validate();
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, log("a.yaml") +
                       ":2:15: error: history[0].finding: no finding has the id \"PN-2\"; did "
                       "you mean \"PN-1\"?\n   - {finding: PN-2, date: 2026-12-10, note: x}\n"
                       "               ^\n" +
                       log("a.yaml") +
                       ":3:27: error: history[1].date: change to PN-1 dated 2026-12-08, before it "
                       "was found (2026-12-09)\n   - {finding: PN-1, date: 2026-12-08, note: y}\n"
                       "                           ^\n");
}

TEST_F(LogDir, MinutesAndEntriesOfTwoAuthorsComeFromLogFiles) {
  tmp_.write("logs/2026-12-08.li.yaml",
             "log:\n  - {date: 2026-12-08, by: Li, done: [a]}\n"
             "minutes:\n  - meeting: daily\n    date: 2026-12-08\n    present: [Li, Wang]\n"
             "    actions:\n      - {what: send logs, owner: Wang, due: 2026-12-09}\n");
  tmp_.write("logs/2026-12-08.chen.yaml", "log:\n  - {date: 2026-12-08, by: Chen, done: [b]}\n");
  Diagnostics d;
  Project p = load_beside(project_, d);
  ASSERT_TRUE(d.items().empty()) << d.items().front().message;
  EXPECT_EQ(p.log.size(), 2u);
  ASSERT_EQ(p.minutes.size(), 1u);
  EXPECT_EQ(p.minutes[0].meeting, MeetingKind::daily);
  EXPECT_EQ(p.minutes[0].actions.at(0).owner, "Wang");
  EXPECT_FALSE(p.minutes[0].actions.at(0).done);
}

TEST_F(LogDir, SubFoldersAreReadFilesInPathOrder) {
  tmp_.write("logs/z.yaml", "log:\n  - {date: 2026-12-08, by: Zhou, done: [z]}\n");
  tmp_.write("logs/b/x.yaml", "log:\n  - {date: 2026-12-08, by: Bai, done: [x]}\n");
  tmp_.write("logs/b/c/deep.json",
             R"({"log": [{"date": "2026-12-08", "by": "Chen", "done": ["deep"]}]})");
  tmp_.write("logs/a.yml", "log:\n  - {date: 2026-12-08, by: An, done: [a]}\n");
  tmp_.write("logs/b/notes.txt", "not read\n");
  Diagnostics d;
  Project p = load_beside(project_, d);
  ASSERT_TRUE(d.items().empty()) << d.items().front().message;
  std::vector<std::string> authors;
  for (const LogEntry& entry : p.log) authors.push_back(entry.by);
  // logs/a.yml, logs/b/c/deep.json, logs/b/x.yaml, logs/z.yaml: by path, folder by folder.
  EXPECT_EQ(authors, (std::vector<std::string>{"An", "Chen", "Bai", "Zhou"}));
  EXPECT_EQ(p.log[1].origin.doc->file, (logs() / "b" / "c" / "deep.json").string());
}

TEST_F(LogDir, ALoopOfFolderLinksIsWalkedOnce) {
  tmp_.write("logs/li/2026-12-08.yaml", "log:\n  - {date: 2026-12-08, by: Li, done: [a]}\n");
  fs::create_symlink("..", logs() / "li" / "up");   // back to logs
  fs::create_symlink(".", logs() / "li" / "self");  // to itself
  fs::create_symlink("li", logs() / "again");       // li a second time
  fs::create_symlink("loop2", logs() / "loop1");    // links to each other
  fs::create_symlink("loop1", logs() / "loop2");
  testing::RunResult r = validate();
  EXPECT_EQ(r.code, 0) << r.err;  // one entry by Li: read once, or it would be a second one
  EXPECT_NE(r.out.find("1 log entry"), std::string::npos) << r.out;
}

TEST_F(LogDir, AFolderPerPersonWithTheProjectFolderAsLogDir) {
  tmp_.write("p.yaml", testing::project_head() + "log_dir: .\n");
  tmp_.write("li/2026-12-08.yaml", "log:\n  - {date: 2026-12-08, by: Li, done: [a]}\n");
  tmp_.write("chen/2026-12-08.yaml", "log:\n  - {date: 2026-12-08, by: Chen, done: [b]}\n");
  tmp_.write(".github/workflows/ci.yml", "on: push\njobs: {}\n");  // hidden: not read
  fs::create_symlink("../p.yaml", tmp_.path() / "li" / "project.yaml");
  testing::RunResult r = validate();
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err.find("ci.yml"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("2 log entries"), std::string::npos) << r.out;
}

TEST_F(LogDir, TheSameAuthorTwiceInTwoFoldersIsLocated) {
  tmp_.write("logs/a/1.yaml", "log:\n  - {date: 2026-12-08, by: Li, done: [a]}\n");
  tmp_.write("logs/b/1.yaml", "log:\n  - {date: 2026-12-08, by: Li, done: [b]}\n");
  testing::RunResult r = validate();
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(log("b/1.yaml") +
                       ":2:12: error: log[0].date: a second log entry for "
                       "2026-12-08 by Li (the first is at " +
                       log("a/1.yaml") + ":2:12); add to that one"),
            std::string::npos)
      << r.err;
}

TEST_F(LogDir, ADanglingLinkInASubFolderIsAnIoError) {
  fs::create_directories(logs() / "li");
  fs::create_symlink("gone", logs() / "li" / "x.yaml");
  testing::RunResult r = validate();
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, log("li/x.yaml") + ": error: cannot read: No such file or directory\n");
}

TEST_F(LogDir, AnUnreadableSubFolderIsAnIoErrorAtLogDir) {
  fs::create_directories(logs() / "li");
  tmp_.write("logs/li/a.yaml", "log: []\n");
  fs::permissions(logs() / "li", fs::perms::none);
  bool root = ::access((logs() / "li").c_str(), R_OK) == 0;
  testing::RunResult r = validate();
  fs::permissions(logs() / "li", fs::perms::owner_all);  // so the folder can be removed
  if (root) GTEST_SKIP() << "running as root";
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find(project_ + ":7:10: error: log_dir: cannot list \"" + log("li") +
                       "\": Permission denied"),
            std::string::npos)
      << r.err;
}

TEST_F(LogDir, FoldersTooDeepAreNotReadAndSaySo) {
  fs::path deep = logs();
  for (int i = 0; i < 16; ++i) deep /= "d";
  tmp_.write(fs::relative(deep / "ok.yaml", tmp_.path()).string(),
             "log:\n  - {date: 2026-12-08, done: [a]}\n");
  testing::RunResult r = validate();
  EXPECT_EQ(r.code, 0) << r.err;  // 16 levels below: read
  EXPECT_NE(r.out.find("1 log entry"), std::string::npos) << r.out;
  fs::create_directories(deep / "d");
  r = validate();
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("error: log_dir: \"" + (deep / "d").string() +
                       "\" is more than 16 folders below log_dir; it is not read"),
            std::string::npos)
      << r.err;
}

TEST_F(LogDir, AtMostSoManyFoldersAreWalked) {
  for (const char* name : {"a", "b", "c"}) fs::create_directory(logs() / name);
  tmp_.write("logs/d/x.yaml", "log:\n  - {date: 2026-12-08, done: [a]}\n");
  fs::create_symlink("../d", logs() / "a" / "again");  // walked once, not counted twice
  Limits limits;
  limits.max_log_dir_folders = 5;  // log_dir and a to d
  Diagnostics d;
  auto project = load_project(project_, read_file(project_), d, limits);
  EXPECT_FALSE(d.has_errors()) << d.items().front().message;
  ASSERT_TRUE(project);
  EXPECT_EQ(project->log.size(), 1u);
  limits.max_log_dir_folders = 3;  // log_dir, a, and d through a/again
  Diagnostics fewer;
  project = load_project(project_, read_file(project_), fewer, limits);
  ASSERT_EQ(fewer.items().size(), 1u);
  EXPECT_EQ(fewer.items()[0].message,
            "more than 3 folders in log_dir; \"" + log("b") + "\" and those after it are not read");
  EXPECT_EQ(fewer.items()[0].path, "log_dir");
  EXPECT_EQ(project->log.size(), 1u);               // logs/a/again/x.yaml
  EXPECT_EQ(Limits{}.max_log_dir_folders, 10000u);  // as the README says
}

TEST_F(LogDir, TheFilesOfSubFoldersAreTheProjectsInputs) {
  Diagnostics d;
  auto project = load_project(project_, testing::project_head() + "log_dir: logs\n", d);
  ASSERT_TRUE(project);
  EXPECT_TRUE(is_project_input(log("li/a.yaml"), project_, &*project));
  fs::create_directories(logs() / "li" / "x");
  EXPECT_TRUE(is_project_input(log("li/x/../a.yaml"), project_, &*project));
  EXPECT_FALSE(is_project_input(log(".git/a.yaml"), project_, &*project));
  EXPECT_FALSE(is_project_input((tmp_.path() / "other" / "a.yaml").string(), project_, &*project));
}

}  // namespace
}  // namespace commplan
