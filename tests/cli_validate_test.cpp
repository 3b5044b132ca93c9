#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "output/write.hpp"
#include "test_helpers.hpp"

namespace commplan::testing {
namespace {

namespace fs = std::filesystem;

const std::string kValid =
    "commplan: 1\nproject:\n  name: A\n  client: B\n  start: 2026-12-07\n  end: 2026-12-18\n";

/// A fresh scratch folder for one test.
fs::path scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("commplan-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(CliValidate, AcceptsEveryExample) {
  for (const auto& entry : fs::directory_iterator(source_path("examples"))) {
    if (!entry.is_regular_file()) continue;
    RunResult r = run_cli({"validate", "--strict", entry.path().string()});
    EXPECT_EQ(r.code, 0) << entry.path() << "\n" << r.err;
    EXPECT_EQ(r.err, "") << entry.path();
  }
}

TEST(CliValidate, WarnsOfAnIdWithBlanksAroundIt) {
  // The register's importers trim ids: "F-01 " beside "F-01" broke the export's round trip.
  fs::path dir = scratch("blank-id");
  std::ofstream(dir / "p.yaml") << kValid
                                << "findings:\n  - {id: F-01, title: a}\n"
                                   "  - {id: \"F-01 \", title: b}\n";
  RunResult r = run_cli({"validate", (dir / "p.yaml").string()});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find(":9:11: warning: findings[1].id: finding id \"F-01 \" has blanks around "
                       "it"),
            std::string::npos)
      << r.err;
  r = run_cli({"finding", "add", (dir / "p.yaml").string(), "--title", "c", "--severity", "low",
               "--id", " F-02", "--by", "QA"});
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("\" F-02\" has blanks around it"), std::string::npos) << r.err;
}

TEST(CliValidate, ChecksSeveralFilesAndExitsWithTheGravestCode) {
  fs::path dir = scratch("several");
  std::ofstream(dir / "ok.yaml") << kValid;
  std::ofstream(dir / "warn.yaml") << kValid << "scpoe: [a]\n";
  std::ofstream(dir / "bad.yaml") << "commplan: [\n";
  auto path = [&](const char* name) { return (dir / name).string(); };
  RunResult all = run_cli({"validate", path("ok.yaml"), path("bad.yaml"), path("warn.yaml")});
  EXPECT_EQ(all.code, 1);
  EXPECT_NE(all.out.find(path("ok.yaml") + ": valid"), std::string::npos);
  EXPECT_NE(all.out.find(path("warn.yaml") + ": valid"), std::string::npos);
  EXPECT_NE(all.err.find(path("bad.yaml") + ":"), std::string::npos);
  EXPECT_EQ(run_cli({"validate", "--strict", path("ok.yaml"), path("warn.yaml")}).code, 4);
  EXPECT_EQ(run_cli({"validate", path("bad.yaml"), path("missing.yaml")}).code, 3);
}

TEST(CliValidate, ReadsStandardInput) {
  RunResult r = run_cli({"validate", "-"}, kValid);
  EXPECT_EQ(r.code, 0);
  // The minimal file leaves the kick-off and the plan much to confirm: warnings, not errors.
  EXPECT_EQ(r.out.find("<stdin>: valid, 0 findings, 0 log entries, "), 0u) << r.out;
  EXPECT_EQ(run_cli({"validate", "-q", "-"}, kValid).out, "");
}

TEST(CliValidate, ExitsOneWithEveryLocatedError) {
  RunResult r = run_cli({"validate", "-"}, kValid + "findings:\n  - {id: F, severity: urgent}\n");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "<stdin>:8:5: error: findings[0]: missing required field \"title\"\n"
            "   - {id: F, severity: urgent}\n"
            "     ^\n"
            "<stdin>:8:23: error: findings[0].severity: unknown value \"urgent\"; expected one "
            "of critical, high, medium, low, info\n"
            "   - {id: F, severity: urgent}\n"
            "                       ^\n");
}

TEST(CliValidate, StrictTurnsWarningsIntoExitFour) {
  std::string text = kValid + "scpoe: [a]\n";
  EXPECT_EQ(run_cli({"validate", "-"}, text).code, 0);
  RunResult strict = run_cli({"validate", "--strict", "-"}, text);
  EXPECT_EQ(strict.code, 4);
  EXPECT_NE(strict.err.find("<stdin>:7:1: warning: scpoe: unknown field \"scpoe\"; did you "
                            "mean \"scope\"?"),
            std::string::npos);
}

TEST(CliValidate, AMergeKeyIsAnErrorAtTheKey) {
  std::string text = kValid +
                     "phases:\n  - &base {id: p1, name: Recon, start: 2026-12-07, "
                     "end: 2026-12-08}\n  - <<: *base\n    id: p2\n";
  RunResult r = run_cli({"validate", "-"}, text);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(":9:5: error: phases[1].<<: a merge key (\"<<\") is not read, so the "
                       "fields it names are not there: write them out in this mapping\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("unknown field"), std::string::npos) << r.err;
  // In JSON, "<<" is only a key no project field has.
  RunResult json = run_cli({"validate", "-"}, R"({"commplan": 1, "project": {"name": "A", )"
                                              R"("client": "B", "start": "2026-12-07", )"
                                              R"("end": "2026-12-18", "<<": {}}})");
  EXPECT_EQ(json.code, 0);
  EXPECT_NE(json.err.find("warning: project.<<: unknown field \"<<\""), std::string::npos)
      << json.err;
}

TEST(CliValidate, ExitsThreeOnAMissingFile) {
  RunResult r = run_cli({"validate", "/nonexistent/p.yaml"});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "/nonexistent/p.yaml: error: cannot read: No such file or directory\n");
}

TEST(CliValidate, MergesLogDirWithItsOwnFileNames) {
  fs::path dir = scratch("logdir");
  fs::create_directories(dir / "logs");
  std::ofstream(dir / "p.yaml") << kValid << "log_dir: logs\n";
  std::ofstream(dir / "logs" / "a.yaml") << "log:\n  - date: 2026-12-08\n    done: [x]\n";
  std::ofstream(dir / "logs" / "b.json") << "{\"findings\": [{\"id\": \"F1\", \"title\": 3, "
                                            "\"severity\": \"bad\"}]}";
  RunResult r = run_cli({"validate", (dir / "p.yaml").string()});
  EXPECT_EQ(r.code, 1);
  std::string b = (dir / "logs" / "b.json").string();
  EXPECT_NE(r.err.find(b + ":1:53: error: findings[0].severity: unknown value \"bad\""),
            std::string::npos)
      << r.err;
  std::ofstream(dir / "logs" / "b.json", std::ios::trunc)
      << "{\"findings\": [{\"id\": \"F1\", \"title\": \"t\"}]}";
  r = run_cli({"validate", (dir / "p.yaml").string()});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1 finding, 1 log entry"), std::string::npos) << r.out;
}

TEST(CliValidate, MakesThePlansChecks) {
  // plan fails on a phase without a workday: so does validate.
  RunResult r =
      run_cli({"validate", "-"},
              kValid + "phases:\n  - {id: w, name: W, start: 2026-12-12, end: 2026-12-13}\n");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("error: phases[0].end: phase \"w\" has no workday"), std::string::npos)
      << r.err;
  EXPECT_EQ(run_cli({"plan", "-"}, kValid + "phases:\n  - {id: w, name: W, start: 2026-12-12, "
                                            "end: 2026-12-13}\n")
                .code,
            1);
}

/// A project in `dir` with log_dir logs/ holding one log file.
void write_project_with_logs(const fs::path& dir) {
  fs::create_directories(dir / "logs");
  std::ofstream(dir / "p.yaml") << kValid << "log_dir: logs\n"
                                << "phases:\n  - {id: p1, name: One, start: 2026-12-07, "
                                   "end: 2026-12-11}\n";
  std::ofstream(dir / "logs" / "a.yaml") << "findings:\n  - {id: F1, title: T, phase: p1}\n";
}

TEST(CliValidate, ValidatesLogFilesThroughTheirProject) {
  fs::path dir = scratch("project-option");
  write_project_with_logs(dir);
  std::string project = (dir / "p.yaml").string(), log = (dir / "logs" / "a.yaml").string();
  RunResult r = run_cli({"validate", "-q", "--project", project, log});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  r = run_cli({"validate", "--project", project, log, project});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.find(project + ": valid, 1 finding"), 0u) << r.out;
  // Alone, a log file is no project; through its project, its finding's phase is checked.
  EXPECT_EQ(run_cli({"validate", "-q", log}).code, 1);
  std::ofstream(dir / "logs" / "a.yaml", std::ios::trunc)
      << "findings:\n  - {id: F1, title: T, phase: p2}\n";
  r = run_cli({"validate", "-q", "--project", project, log});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(log + ":2:31: error: findings[0].phase: no phase has the id \"p2\"; did "
                             "you mean \"p1\"?"),
            std::string::npos)
      << r.err;
}

TEST(CliValidate, RejectsAFileThatIsNotPartOfTheProject) {
  fs::path dir = scratch("project-stranger");
  write_project_with_logs(dir);
  std::ofstream(dir / "other.yaml") << "log: []\n";
  std::string project = (dir / "p.yaml").string(), other = (dir / "other.yaml").string();
  RunResult r = run_cli({"validate", "-q", "--project", project, other});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("\n" + other + ": error: not part of " + project +
                       ": neither the project file nor a file of its log_dir (logs)\n"),
            std::string::npos)
      << r.err;
  // The last --project wins, so a pre-commit hook's args can replace the entry's.
  r = run_cli({"validate", "-q", "--project", "missing.yaml", "--project", project,
               (dir / "logs" / "a.yaml").string()});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(run_cli({"validate"}).code, 2);
}

TEST(CliUsage, ExitsTwoOnUsageErrors) {
  EXPECT_EQ(run_cli({}).code, 2);
  EXPECT_EQ(run_cli({"frobnicate"}).code, 2);
  EXPECT_EQ(run_cli({"validate"}).code, 2);
  EXPECT_EQ(run_cli({"validate", "--bogus", "x"}).code, 2);
}

TEST(CliUsage, PrintsHelpAndVersion) {
  RunResult help = run_cli({"--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("validate"), std::string::npos);
  RunResult version = run_cli({"--version"});
  EXPECT_EQ(version.code, 0);
  EXPECT_EQ(version.out, std::string("commplan ") + COMMPLAN_VERSION + "\n");
  for (const char* sub : {"validate", "schema"}) EXPECT_EQ(run_cli({sub, "--help"}).code, 0);
}

TEST(CliSchema, PrintsTheSchemaAsJson) {
  RunResult r = run_cli({"schema"});
  EXPECT_EQ(r.code, 0);
  auto schema = nlohmann::json::parse(r.out);
  EXPECT_EQ(schema["title"], "commplan project file");
  EXPECT_TRUE(schema["properties"].contains("communications"));
}

TEST(AtomicWrite, ReplacesTheFileWhole) {
  fs::path dir = scratch("atomic");
  fs::path target = dir / "out.md";
  std::ofstream(target) << "old";
  ::chmod(target.c_str(), 0640);
  write_file_atomic(target.string(), "new content");
  std::ifstream in(target);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(content, "new content");
  EXPECT_EQ(fs::status(target).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 1);
}

TEST(AtomicWrite, LeavesTheFileAsItWasOnFailure) {
  fs::path dir = scratch("atomic-fail");
  EXPECT_THROW(write_file_atomic((dir / "missing" / "out.md").string(), "x"), Error);
  fs::create_directories(dir / "adir");
  try {
    write_file_atomic((dir / "adir").string(), "x");
    FAIL() << "wrote over a directory";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::io);
  }
  EXPECT_TRUE(fs::is_directory(dir / "adir"));
}

TEST(AtomicWrite, SchemaOutputLeavesTargetUntouchedWhenTheFolderIsMissing) {
  RunResult r = run_cli({"schema", "-o", "/nonexistent-dir/schema.json"});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err.rfind("/nonexistent-dir/schema.json: error: cannot write: ", 0), 0u) << r.err;
}

}  // namespace
}  // namespace commplan::testing
