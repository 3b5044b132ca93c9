// The one sink: standard output checked at the end of every run, -o's promises, --check.

#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>

#include "brief.hpp"
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
  // --check writes nothing: -o beside it would be ignored, so it is refused.
  RunResult both = run_cli({"kickoff", "-", "--check", "a.md", "-o", "b.md"}, kProject);
  EXPECT_EQ(both.code, 2);
  EXPECT_NE(both.err.find("excludes"), std::string::npos) << both.err;
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

/// `name` of the environment set to `value` (unset for nullopt) while it lives.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    value ? ::setenv(name, value->c_str(), 1) : ::unsetenv(name);
  }
  ~ScopedEnv() { old_ ? ::setenv(name_, old_->c_str(), 1) : ::unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

/// `spool`'s text, given piece by piece.
std::string pieces_of(const Spool& spool, size_t& pieces) {
  std::string text;
  pieces = 0;
  spool.write([&](std::string_view piece) {
    text += piece;
    ++pieces;
    return true;
  });
  return text;
}

TEST(Spool, HoldsASmallTextInMemoryAndALargeOneInATemporaryFile) {
  TempDir tmp;
  ScopedEnv env("TMPDIR", tmp.str());
  Spool small(100), large(100);
  std::string expected;
  for (int i = 0; i < 50; ++i) {
    std::string piece = "piece " + std::to_string(i) + " " + std::string(i * 7, 'x') + "\n";
    expected += piece;
    std::string copy = piece;
    large.take(copy);
    EXPECT_TRUE(copy.empty());
  }
  large.finish("the end\n");
  expected += "the end\n";
  EXPECT_TRUE(large.spilled());
  EXPECT_EQ(large.size(), expected.size());
  size_t pieces = 0;
  EXPECT_EQ(pieces_of(large, pieces), expected);
  EXPECT_EQ(std::move(large).text(), expected);
  // The file has no name: nothing is left in the folder, even while it is open.
  EXPECT_EQ(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator{}), 0);

  std::string piece = "short";
  small.take(piece);
  small.finish(" text");
  EXPECT_FALSE(small.spilled());
  EXPECT_EQ(pieces_of(small, pieces), "short text");
  EXPECT_EQ(pieces, 1u);
}

TEST(Spool, StaysInMemoryWhereNoTemporaryFileCanBeMade) {
  ScopedEnv env("TMPDIR", "/nonexistent/commplan");
  Spool spool(10);
  std::string piece(1000, 'a');
  spool.take(piece);
  spool.finish("b");
  EXPECT_FALSE(spool.spilled());
  EXPECT_EQ(std::move(spool).text(), std::string(1000, 'a') + "b");
}

TEST(Spool, WritesALargeFileAtomically) {
  TempDir tmp;
  Spool spool(16);
  std::string expected;
  for (int i = 0; i < 1000; ++i) {
    std::string piece = std::to_string(i) + ",";
    expected += piece;
    spool.take(piece);
  }
  EXPECT_TRUE(spool.spilled());
  write_file_atomic((tmp.path() / "out.csv").string(), spool);
  EXPECT_EQ(read_file((tmp.path() / "out.csv").string()), expected);
}

TEST(Spool, APageOverAMegabyteIsTheSameOnStandardOutputInAFileAndWithoutATemporaryFolder) {
  // A final recap of 2,000 findings, each with a long title and recommendation: several MiB of
  // Markdown or JSON, given a MiB at a time to the spool.
  TempDir tmp;
  std::string project = project_head() + "findings:\n";
  for (int i = 0; i < 2000; ++i)
    project += fmt::format(
        "  - id: F-{:04}\n    title: Finding {} {}\n    severity: high\n    found: "
        "2026-12-08\n    recommendation: Fix {} {}\n",
        i, i, std::string(500, 't'), i, std::string(500, 'r'));
  std::string file = tmp.write("big.yaml", project);
  // The view model as JSON (--format json) is given to the spool as it is written, too.
  for (std::string format : {"md", "json"}) {
    SCOPED_TRACE(format);
    std::vector<std::string> recap = {"recap",  file,         "--level",  "final",
                                      "--date", "2026-12-18", "--format", format};
    RunResult out = run_cli(recap);
    ASSERT_EQ(out.code, 0) << out.err;
    EXPECT_GT(out.out.size(), 2u * Spool::kSpillAt);
    EXPECT_NE(out.out.find("F-1999"), std::string::npos);
    if (format == "json") {
      EXPECT_TRUE(nlohmann::json::accept(out.out));
    }

    std::string page = (tmp.path() / ("page." + format)).string();
    std::vector<std::string> to_file = recap;
    to_file.insert(to_file.end(), {"-o", page});
    ASSERT_EQ(run_cli(to_file).code, 0);
    EXPECT_EQ(read_file(page), out.out);
    std::vector<std::string> check = recap;
    check.insert(check.end(), {"--check", page});
    EXPECT_EQ(run_cli(check).code, 0);

    ScopedEnv env("TMPDIR", "/nonexistent/commplan");
    EXPECT_EQ(run_cli(recap).out, out.out);
  }
}

TEST(Spool, TheViewAsJsonIsGivenToThePageAsItIsWritten) {
  // --format json of a view of several MiB: the page gets it in pieces as it is written, so the
  // spool is in its file before the end (given whole at the end, it would stay in memory), and
  // it holds the view's dump.
  View view(nlohmann::json{{"kind", "commplan/test"}, {"version", 1}, {"lang", "en"}});
  view.add_list("/items", 20000, [](size_t i, nlohmann::json& item) {
    item = {{"id", i}, {"text", std::string(200, 'x')}};
  });
  cli::BriefOptions opts;
  opts.format = "json";
  opts.formats = {cli::json_format()};
  std::istringstream in;
  std::ostringstream out, err;
  cli::Context ctx{in, out, err, [](const std::string&) { return std::nullopt; }};
  Spool page;
  cli::produce_into(ctx, opts, "unused", view, page);
  EXPECT_TRUE(page.spilled());
  EXPECT_EQ(std::move(page).text(), view.dump());
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

TEST(WriteFileAtomic, KeepsTheModeAndTheOwnerOfTheFileItReplaces) {
  TempDir tmp;
  std::string file = tmp.write("project.yaml", "old");
  ASSERT_EQ(::chmod(file.c_str(), 0640), 0);
  // As root (a CI job recording into a user's file), the owner can be given back: nobody's.
  const bool root = ::geteuid() == 0;
  if (root) {
    ASSERT_EQ(::chown(file.c_str(), 65534, 65534), 0);
  }
  struct stat before {};
  ASSERT_EQ(::stat(file.c_str(), &before), 0);
  write_file_atomic(file, "new");
  struct stat after {};
  ASSERT_EQ(::stat(file.c_str(), &after), 0);
  EXPECT_EQ(read_file(file), "new");
  EXPECT_NE(after.st_ino, before.st_ino);  // replaced, not written over
  EXPECT_EQ(after.st_mode & 07777, 0640u);
  EXPECT_EQ(after.st_uid, before.st_uid);
  EXPECT_EQ(after.st_gid, before.st_gid);
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
