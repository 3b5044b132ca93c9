// findings export on the command line: formats, options and exit codes.

#include <gtest/gtest.h>

#include <filesystem>

#include "template_fixtures.hpp"
#include "test_helpers.hpp"
#include "util/read.hpp"

namespace commplan::testing {
namespace {

using tmpl::testing::TempDir;

const std::string kProject = project_head() +
                             "findings:\n"
                             "  - {id: F-1, title: \"=1+1\", found: 2026-12-08, severity: high}\n"
                             "  - {id: F-2, title: Later, found: 2026-12-15}\n";

TEST(FindingsExport, WritesCsvByDefault) {
  RunResult r = run_cli({"findings", "export", "-", "--date", "2026-12-09"}, kProject);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(r.out.find("\r\nF-1,'=1+1,High,Not set,"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("F-2"), std::string::npos);
}

TEST(FindingsExport, NoBomLeavesTheMarkOut) {
  RunResult r = run_cli(
      {"findings", "export", "-", "--date", "2026-12-09", "--no-bom", "--lang", "zh"}, kProject);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, 6), "编号");
}

TEST(FindingsExport, JsonIsTheRegisterView) {
  RunResult r =
      run_cli({"findings", "export", "-", "--date", "2026-12-18", "--format", "json"}, kProject);
  ASSERT_EQ(r.code, 0) << r.err;
  auto view = nlohmann::json::parse(r.out);
  EXPECT_EQ(view["kind"], "commplan/register");
  EXPECT_EQ(view["findings"].size(), 2u);
  EXPECT_EQ(view["summary"]["total"], 2);
}

TEST(FindingsExport, FormatFollowsTheOutputsExtension) {
  TempDir dir;
  std::string out = dir.str() + "/register.sarif";
  RunResult r = run_cli({"findings", "export", "-", "--date", "2026-12-18", "-o", out}, kProject);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(read_file(out))["version"], "2.1.0");
}

TEST(FindingsExport, NoBomWithAnotherFormatIsAUsageError) {
  RunResult r = run_cli({"findings", "export", "-", "--format", "json", "--no-bom"}, kProject);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--no-bom"), std::string::npos) << r.err;
}

TEST(FindingsExport, UnknownFormatIsAUsageError) {
  EXPECT_EQ(run_cli({"findings", "export", "-", "--format", "md"}, kProject).code, 2);
}

TEST(FindingsExport, InvalidProjectExitsOne) {
  RunResult r = run_cli({"findings", "export", "-"}, "commplan: 1\nproject: {}\n");
  EXPECT_EQ(r.code, 1);
}

TEST(FindingsExport, UnwritableOutputIsAnIoError) {
  RunResult r =
      run_cli({"findings", "export", "-", "--date", "2026-12-09", "-o", "/nonexistent/dir/x.csv"},
              kProject);
  EXPECT_EQ(r.code, 3) << r.err;
}

}  // namespace
}  // namespace commplan::testing
