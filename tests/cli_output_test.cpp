// The one sink: standard output checked at the end of every run, -o's promises, --check.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <ostream>

#include "output/write.hpp"
#include "sink.hpp"
#include "template_fixtures.hpp"
#include "test_helpers.hpp"
#include "util/read.hpp"

namespace commplan::testing {
namespace {

namespace fs = std::filesystem;
using tmpl::testing::TempDir;

const std::string kProject = project_head();

/// Runs the CLI with standard output on `out`.
RunResult run_into(std::ostream& out, const std::vector<std::string>& args) {
  std::istringstream in;
  std::ostringstream err;
  int code = cli::run(args, in, out, err, [](const std::string&) { return std::nullopt; });
  return {code, "", err.str()};
}

TEST(StandardOutput, AFullDeviceIsAnIoError) {
  int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  {
    DescriptorBuffer buffer(fd);
    std::ostream out(&buffer);
    RunResult r = run_into(out, {"schema"});
    EXPECT_EQ(r.code, 3);
    EXPECT_EQ(r.err, "commplan: error: cannot write standard output: No space left on device\n");
    EXPECT_EQ(buffer.error(), ENOSPC);
  }
  ::close(fd);
}

TEST(StandardOutput, AClosedDescriptorIsAnIoError) {
  DescriptorBuffer buffer(-1);
  std::ostream out(&buffer);
  RunResult r = run_into(out, {"templates", "list"});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "commplan: error: cannot write standard output: Bad file descriptor\n");
}

TEST(StandardOutput, AFailedStreamOfAnyKindIsAnIoError) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  RunResult r = run_into(out, {"--version"});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "commplan: error: cannot write standard output: the stream failed\n");
}

TEST(StandardOutput, ABufferPassesLargeAndSmallWritesInOrder) {
  TempDir tmp;
  std::string file = (tmp.path() / "out").string();
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  std::string large(200000, 'x');
  {
    DescriptorBuffer buffer(fd);
    std::ostream out(&buffer);
    out << "a" << large << 'b' << std::flush << "c";
  }
  ::close(fd);
  EXPECT_EQ(read_file(file), "a" + large + "bc");
}

TEST(Sink, DashAndNoOutputMeanStandardOutput) {
  TempDir tmp;
  fs::path previous = fs::current_path();
  fs::current_path(tmp.path());
  for (const char* command : {"schema", "man"}) {
    RunResult r = run_cli({command, "-o", "-"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_FALSE(r.out.empty()) << command;
    EXPECT_EQ(r.out, run_cli({command}).out) << command;
  }
  EXPECT_FALSE(fs::exists(tmp.path() / "-"));
  fs::current_path(previous);
}

TEST(Sink, AnEmptyFileOrDateIsAUsageError) {
  EXPECT_EQ(run_cli({"schema", "-o", ""}).code, 2);
  EXPECT_EQ(run_cli({"init", "--output", ""}).code, 2);
  EXPECT_EQ(run_cli({"init", "--date", ""}).code, 2);
  EXPECT_EQ(run_cli({"kickoff", "-", "--date", ""}, kProject).code, 2);
  EXPECT_EQ(run_cli({"kickoff", "-", "--check", ""}, kProject).code, 2);
  EXPECT_EQ(run_cli({"completion", "bash", "-o", ""}).code, 2);
}

TEST(Sink, RefusesAnOutputThatIsAnInput) {
  TempDir tmp;
  std::string project = tmp.write("p.yaml", kProject);
  std::string tmpl = tmp.write("t.mustache", "{{project.name}}");
  fs::create_symlink(project, tmp.path() / "link.yaml");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"kickoff", project, "-o", project},
           {"plan", project, "-o", (tmp.path() / "link.yaml").string()},
           {"kickoff", project, "--template", tmpl, "-o", tmpl},
           {"render", tmpl, "-o", tmpl}}) {
    RunResult r = run_cli(args);
    EXPECT_EQ(r.code, 2) << args.back();
    EXPECT_NE(r.err.find("error: -o names an input of this command"), std::string::npos) << r.err;
  }
  EXPECT_EQ(read_file(project), kProject);
  EXPECT_EQ(read_file(tmpl), "{{project.name}}");
}

TEST(Sink, CheckShowsControlCharactersAsEscapes) {
  TempDir tmp;
  std::string committed = tmp.write("kickoff.md", "# \x1b]0;title\x07\n");
  RunResult r = run_cli({"kickoff", "-", "--check", committed}, kProject);
  EXPECT_EQ(r.code, 4);
  EXPECT_NE(r.err.find("\n-# \\x1B]0;title\\x07\n+# "), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos);
}

TEST(SourceDateEpoch, OutsideTheYearsOfADateIsAUsageError) {
  for (const char* epoch : {"253402300800", "-62135596801"}) {
    RunResult r = run_cli({"kickoff", "-"}, kProject, {{"SOURCE_DATE_EPOCH", epoch}});
    EXPECT_EQ(r.code, 2) << epoch;
    EXPECT_NE(r.err.find("SOURCE_DATE_EPOCH: error: "), std::string::npos) << r.err;
  }
  RunResult last = run_cli({"kickoff", "-", "--format", "json"}, kProject,
                           {{"SOURCE_DATE_EPOCH", "253402300799"}});
  EXPECT_EQ(last.code, 0) << last.err;
  EXPECT_NE(last.out.find("9999-12-31"), std::string::npos);
}

TEST(SourceDateEpoch, AStarterPastTheYear9999IsAUsageError) {
  RunResult r = run_cli({"init"}, "", {{"SOURCE_DATE_EPOCH", "253402300799"}});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "--date: error: 9999-12-31: the starter would end after 9999-12-31\n");
  EXPECT_EQ(run_cli({"init", "--date", "9999-12-01"}).code, 0);
}

TEST(WriteFileAtomic, CreatesTheTargetOfADanglingLink) {
  TempDir tmp;
  fs::create_directories(tmp.path() / "elsewhere");
  fs::create_symlink("elsewhere/out.md", tmp.path() / "link.md");
  write_file_atomic((tmp.path() / "link.md").string(), "new");
  EXPECT_TRUE(fs::is_symlink(tmp.path() / "link.md"));
  EXPECT_EQ(read_file((tmp.path() / "elsewhere" / "out.md").string()), "new");
}

TEST(WriteFileAtomic, KeepsALinkIntoAMissingFolder) {
  TempDir tmp;
  fs::path link = tmp.path() / "link.md";
  fs::create_symlink("missing/out.md", link);
  EXPECT_THROW(write_file_atomic(link.string(), "new"), Error);
  EXPECT_EQ(fs::read_symlink(link), "missing/out.md");
  EXPECT_FALSE(fs::exists(tmp.path() / "missing"));
}

TEST(WriteFileAtomic, WritesTheLongestLegalName) {
  TempDir tmp;
  std::string name = std::string(250, 'n') + ".md";  // 253 of NAME_MAX's 255
  write_file_atomic((tmp.path() / name).string(), "long");
  EXPECT_EQ(read_file((tmp.path() / name).string()), "long");
  EXPECT_EQ(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator{}), 1);
}

TEST(WriteFilesAtomic, WritesEveryFileOrNone) {
  TempDir tmp;
  std::string project = tmp.write("project.yaml", "old project\n");
  std::string log = tmp.write("log.yaml", "old log\n");
  write_files_atomic(std::vector<FileContent>{{project, "new project\n"}, {log, "new log\n"}});
  EXPECT_EQ(read_file(project), "new project\n");
  EXPECT_EQ(read_file(log), "new log\n");

  // The second cannot be written (a folder stands at its name): the first stays as it was too,
  // and no temporary file is left behind.
  fs::create_directories(tmp.path() / "folder.yaml");
  std::string folder = (tmp.path() / "folder.yaml").string();
  try {
    write_files_atomic(std::vector<FileContent>{{project, "newer"}, {log, "newer"}, {folder, "x"}});
    ADD_FAILURE() << "a folder was written";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::io);
    EXPECT_NE(e.diagnostics().items().front().file.find("folder.yaml"), std::string::npos);
  }
  EXPECT_EQ(read_file(project), "new project\n");
  EXPECT_EQ(read_file(log), "new log\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator{}), 3);
}

TEST(WriteFileAtomic, LeavesAFileTheUserCannotWrite) {
  if (::geteuid() == 0)
    GTEST_SKIP() << "root may write any file (tests/scripts/test_output.py "
                    "checks this as user nobody)";
  TempDir tmp;
  std::string file = tmp.write("read-only.md", "old");
  ::chmod(file.c_str(), 0444);
  EXPECT_THROW(write_file_atomic(file, "new"), Error);
  EXPECT_EQ(read_file(file), "old");
}

TEST(SameFile, ComparesDeviceAndInode) {
  TempDir tmp;
  std::string a = tmp.write("a", "x");
  std::string b = tmp.write("b", "x");
  fs::create_hard_link(a, tmp.path() / "hard");
  EXPECT_TRUE(same_file(a, (tmp.path() / "hard").string()));
  EXPECT_FALSE(same_file(a, b));
  EXPECT_FALSE(same_file(a, (tmp.path() / "missing").string()));
}

TEST(EntryExists, SeesADanglingLink) {
  TempDir tmp;
  fs::create_symlink("nowhere", tmp.path() / "link");
  EXPECT_TRUE(entry_exists((tmp.path() / "link").string()));
  EXPECT_FALSE(entry_exists((tmp.path() / "nowhere").string()));
}

}  // namespace
}  // namespace commplan::testing
