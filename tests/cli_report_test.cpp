#include <gtest/gtest.h>

#include <sstream>

#include "test_helpers.hpp"

namespace commplan::testing {
namespace {

// One error (end before start) and one warning (a misspelt field).
const std::string kBroken =
    "commplan: 1\nproject:\n  name: A\n  client: B\n  start: 2026-12-07\n  end: 2026-12-03\n"
    "expectaions: [a]\n";

const std::string kGithubAnnotations =
    "::error file=<stdin>,line=6,col=8::project.end: the engagement ends (2026-12-03) before "
    "it starts (2026-12-07)\n"
    "::warning file=<stdin>,line=7,col=1::expectaions: unknown field \"expectaions\"; did you "
    "mean \"expectations\"?\n";

const std::string kPlain =
    "<stdin>:6:8: error: project.end: the engagement ends (2026-12-03) before it starts "
    "(2026-12-07)\n"
    "   end: 2026-12-03\n"
    "        ^\n"
    "<stdin>:7:1: warning: expectaions: unknown field \"expectaions\"; did you mean "
    "\"expectations\"?\n"
    " expectaions: [a]\n"
    " ^\n";

const std::string kColored =
    "\x1b[1m<stdin>:6:8:\x1b[0m \x1b[1;31merror:\x1b[0m project.end: the engagement ends "
    "(2026-12-03) before it starts (2026-12-07)\n"
    "   end: 2026-12-03\n"
    "        \x1b[1;32m^\x1b[0m\n"
    "\x1b[1m<stdin>:7:1:\x1b[0m \x1b[1;35mwarning:\x1b[0m expectaions: unknown field "
    "\"expectaions\"; did you mean \"expectations\"?\n"
    " expectaions: [a]\n"
    " \x1b[1;32m^\x1b[0m\n";

TEST(CliReport, PlainTextByDefault) {
  RunResult r = run_cli({"validate", "-"}, kBroken);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, kPlain);
}

TEST(CliReport, GithubAnnotationsWithErrorFormatFlag) {
  RunResult r = run_cli({"--error-format", "github", "validate", "-"}, kBroken);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, kGithubAnnotations);
}

TEST(CliReport, GithubAnnotationsWhenGithubActionsIsTrue) {
  RunResult r = run_cli({"validate", "-"}, kBroken, {{"GITHUB_ACTIONS", "true"}});
  EXPECT_EQ(r.err, kGithubAnnotations);
  EXPECT_EQ(run_cli({"validate", "-"}, kBroken, {{"GITHUB_ACTIONS", "false"}}).err, kPlain);
}

TEST(CliReport, ErrorFormatTextBeatsGithubActions) {
  RunResult r =
      run_cli({"--error-format", "text", "validate", "-"}, kBroken, {{"GITHUB_ACTIONS", "true"}});
  EXPECT_EQ(r.err, kPlain);
}

TEST(CliReport, ColorAlwaysColoursLevelLocationAndCaret) {
  RunResult r = run_cli({"--color", "always", "validate", "-"}, kBroken);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, kColored);
}

TEST(CliReport, NoColorSetMeansNoColourByDefault) {
  for (const char* value : {"1", ""}) {
    EXPECT_EQ(run_cli({"validate", "-"}, kBroken, {{"NO_COLOR", value}}).err, kPlain);
    EXPECT_EQ(run_cli({"--color", "auto", "validate", "-"}, kBroken, {{"NO_COLOR", value}}).err,
              kPlain);
  }
}

TEST(CliReport, ColorOptionBeatsNoColor) {
  EXPECT_EQ(run_cli({"--color", "always", "validate", "-"}, kBroken, {{"NO_COLOR", "1"}}).err,
            kColored);
  EXPECT_EQ(run_cli({"--color", "never", "validate", "-"}, kBroken).err, kPlain);
}

TEST(CliReport, AutoColourNeedsTheProcessStandardError) {
  // In-process runs write to a string stream: never a terminal.
  EXPECT_EQ(run_cli({"--color", "auto", "validate", "-"}, kBroken).err, kPlain);
}

TEST(CliReport, GithubAnnotationsAreNeverColoured) {
  RunResult r =
      run_cli({"--color", "always", "--error-format", "github", "validate", "-"}, kBroken);
  EXPECT_EQ(r.err, kGithubAnnotations);
}

TEST(CliReport, RejectsUnknownColorAndErrorFormatValues) {
  EXPECT_EQ(run_cli({"--color", "sometimes", "validate", "-"}, kBroken).code, 2);
  EXPECT_EQ(run_cli({"--error-format", "json", "validate", "-"}, kBroken).code, 2);
}

/// The report of hand-made diagnostics in GitHub format.
std::string github_report(const Diagnostics& diagnostics) {
  std::istringstream in;
  std::ostringstream out, err;
  cli::Context ctx{in, out, err, [](const std::string&) { return std::nullopt; }};
  ctx.github = true;
  cli::report(ctx, diagnostics);
  return err.str();
}

TEST(CliReport, GithubEscapesMessageAndPropertiesAndKeepsOneLine) {
  Diagnostics d;
  d.error("dir,1/a:b%.yaml", {3, 4, 0}, "log[0]", "100% done\r\nnext: line, two");
  EXPECT_EQ(github_report(d),
            "::error file=dir%2C1/a%3Ab%25.yaml,line=3,col=4::log[0]: 100%25 done\\r\\nnext: "
            "line, two\n");
}

TEST(CliReport, GithubLeavesOutWhatIsNotKnown) {
  Diagnostics d;
  d.warning("p.yaml", {}, "", "file is empty");
  d.error("", {}, "", "cannot read");
  d.error("new\nline.yaml", {}, "", "\x1b[2J");
  EXPECT_EQ(github_report(d),
            "::warning file=p.yaml::file is empty\n::error::cannot read\n"
            "::error file=new%0Aline.yaml::\\x1B[2J\n");
}

}  // namespace
}  // namespace commplan::testing
