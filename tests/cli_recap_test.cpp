#include <gtest/gtest.h>

#include "template_fixtures.hpp"
#include "test_helpers.hpp"
#include "util/read.hpp"

namespace commplan::testing {
namespace {

using tmpl::testing::TempDir;

// Monday 2026-12-07 to Friday 2026-12-18, with a holiday on Tuesday 2026-12-15.
const std::string kProject =
    project_head("2026-12-07", "2026-12-18", "  holidays: [2026-12-15]\n") +
    "team:\n  - {name: Ann, role: Lead, responsibilities: [All]}\n"
    "client_team:\n  - {name: Bo, role: CIO, contact: true}\n";

RunResult skip_run(const std::string& day, const std::vector<std::string>& more = {}) {
  std::vector<std::string> args{"recap", "-", "--level", "daily", "--date", day, "--skip-off-days"};
  args.insert(args.end(), more.begin(), more.end());
  return run_cli(args, kProject);
}

TEST(CliRecap, SkipOffDaysRendersAWorkdayAsUsual) {
  RunResult r = skip_run("2026-12-10");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            run_cli({"recap", "-", "--level", "daily", "--date", "2026-12-10"}, kProject).out);
  EXPECT_EQ(r.err.find("skipped"), std::string::npos);
}

TEST(CliRecap, SkipOffDaysSaysWhyInOneLineAndWritesNothing) {
  struct Case {
    const char* day;
    const char* line;
  };
  for (const Case& c : {Case{"2026-12-12",
                             "commplan: skipped: 2026-12-12 is a Saturday, not a workday: no daily "
                             "recap (--skip-off-days)\n"},
                        Case{"2026-12-15",
                             "commplan: skipped: 2026-12-15 is a holiday: no daily recap "
                             "(--skip-off-days)\n"},
                        Case{"2027-01-04",
                             "commplan: skipped: 2027-01-04 is outside the engagement (2026-12-07 "
                             "to 2026-12-18): no daily recap (--skip-off-days)\n"}}) {
    TempDir tmp;
    std::string file = tmp.write("daily.md", "as it was\n");
    RunResult r = skip_run(c.day, {"-o", file});
    EXPECT_EQ(r.code, 0) << c.day;
    EXPECT_EQ(r.out, "") << c.day;
    EXPECT_EQ(r.err, c.line);
    EXPECT_EQ(read_file(file), "as it was\n") << c.day;
  }
}

TEST(CliRecap, SkipOffDaysGoesWithTheDailyLevelOnly) {
  RunResult r = run_cli({"recap", "-", "--level", "final", "--skip-off-days"}, kProject);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("only goes with --level daily"), std::string::npos) << r.err;
}

TEST(CliRecap, WithoutSkipOffDaysADayOutsideTheEngagementStaysAnError) {
  EXPECT_EQ(run_cli({"recap", "-", "--level", "daily", "--date", "2027-01-04"}, kProject).code, 2);
}

}  // namespace
}  // namespace commplan::testing
