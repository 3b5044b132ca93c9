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
  d.error("a\x1b[2Jb.yaml", {}, "", "bad");
  EXPECT_EQ(github_report(d),
            "::warning file=p.yaml::file is empty\n::error::cannot read\n"
            "::error file=new%0Aline.yaml::\\x1B[2J\n::error file=a\\x1B[2Jb.yaml::bad\n");
}

TEST(CliReport, GithubNamesAnOptionInTheMessageNotAsAFile) {
  Diagnostics d;
  d.error(Source::option, "--phase", "no phase has the id \"x\"");
  d.error(Source::environment, "COMMPLAN_LANG", "unknown language \"fr\"");
  EXPECT_EQ(github_report(d),
            "::error::--phase: no phase has the id \"x\"\n"
            "::error::COMMPLAN_LANG: unknown language \"fr\"\n");
}

/// `count` findings with an unknown severity, each on its own line.
std::string bad_findings(int count) {
  std::string text = project_head() + "findings:\n";
  for (int i = 0; i < count; ++i)
    text += "  - {id: F" + std::to_string(i) + ", title: t, severity: bad" + std::to_string(i % 3) +
            "}\n";
  return text;
}

/// The lines of `text` that start with `prefix`.
size_t lines_starting(const std::string& text, const std::string& prefix) {
  size_t n = 0;
  for (size_t at = 0; at < text.size(); at = text.find('\n', at) + 1) {
    if (text.compare(at, prefix.size(), prefix) == 0) ++n;
    if (text.find('\n', at) == std::string::npos) break;
  }
  return n;
}

TEST(CliReport, CountsRepeatsPastTheTwentiethInOneLine) {
  RunResult r = run_cli({"validate", "-"}, bad_findings(10'000));
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(lines_starting(r.err, "<stdin>:"), 20u);
  EXPECT_EQ(lines_starting(r.err, " … and "), 1u);
  EXPECT_NE(r.err.find("<stdin>:27:35: error: findings[19].severity: unknown value \"bad1\""),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("bad1}\n" + std::string(35, ' ') +
                       "^\n … and 9,980 more errors like this; `--all-diagnostics` shows them\n"),
            std::string::npos)
      << r.err;
}

TEST(CliReport, AllDiagnosticsShowsEveryOne) {
  RunResult r = run_cli({"--all-diagnostics", "validate", "-"}, bad_findings(100));
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(lines_starting(r.err, "<stdin>:"), 100u);
  EXPECT_EQ(r.err.find("more errors"), std::string::npos);
}

TEST(CliReport, GithubAnnotationsCountRepeatsToo) {
  RunResult r = run_cli({"--error-format", "github", "validate", "-"}, bad_findings(25));
  EXPECT_EQ(lines_starting(r.err, "::error file=<stdin>,line="), 20u);
  EXPECT_NE(r.err.find("::error file=<stdin>::… and 5 more errors like this; "
                       "`--all-diagnostics` shows them\n"),
            std::string::npos)
      << r.err;
}

TEST(CliReport, RepeatsAreCountedPerKindAndFile) {
  Diagnostics d;
  for (int i = 0; i < 21; ++i) {
    d.warning("a.yaml", {i + 1, 1, 0}, "findings[" + std::to_string(i) + "].standard",
              "no standard has the id \"S" + std::to_string(i) + "\"");
    d.warning("b.yaml", {i + 1, 1, 0}, "x", "other " + std::to_string(i));
  }
  d.error("a.yaml", {30, 1, 0}, "findings[3].standard", "no standard has the id \"S\"");
  std::istringstream in;
  std::ostringstream out, err;
  cli::Context ctx{in, out, err, [](const std::string&) { return std::nullopt; }};
  cli::report(ctx, d);
  EXPECT_EQ(lines_starting(err.str(), "a.yaml:"), 21u);  // 20 warnings and the error
  EXPECT_EQ(lines_starting(err.str(), "b.yaml:"), 20u);
  EXPECT_NE(err.str().find("b.yaml:20:1: warning: x: other 19\n … and 1 more warning like "
                           "this; `--all-diagnostics` shows them\n"),
            std::string::npos)
      << err.str();
}

TEST(CliReport, MessageKindsLeaveOutIndicesQuotesAndNumbers) {
  Diagnostic d{Level::warning,
               "p.yaml",
               {1, 1, 0},
               "findings[12].standard",
               "no standard has the id \"X 1\" (line 12)",
               {}};
  EXPECT_EQ(cli::message_kind(d),
            "warning findings[].standard no standard has the id \"\" (line )");
}

}  // namespace
}  // namespace commplan::testing
