// The command line forgives as git's does: global options after the subcommand, and a
// suggestion for a mistyped command or option.

#include <gtest/gtest.h>

#include <sstream>

#include "test_helpers.hpp"

namespace commplan::testing {
namespace {

// One error (end before start) and one warning (a misspelt field).
const std::string kBroken =
    "commplan: 1\nproject:\n  name: A\n  client: B\n  start: 2026-12-07\n  end: 2026-12-03\n"
    "expectaions: [a]\n";

TEST(CliParse, TakesGlobalOptionsAfterTheSubcommand) {
  RunResult before = run_cli({"--error-format", "github", "validate", "-"}, kBroken);
  RunResult after = run_cli({"validate", "--error-format", "github", "-"}, kBroken);
  EXPECT_EQ(after.code, 1);
  EXPECT_EQ(after.err, before.err);
  EXPECT_EQ(after.err.rfind("::error file=<stdin>,line=6,col=8::", 0), 0u) << after.err;
  EXPECT_EQ(run_cli({"validate", "-", "--color=never"}, kBroken).err,
            run_cli({"--color=never", "validate", "-"}, kBroken).err);
  RunResult nested = run_cli({"templates", "list", "--color", "never"});
  EXPECT_EQ(nested.code, 0) << nested.err;
  EXPECT_EQ(run_cli({"validate", "-", "--color", "sometimes"}, kBroken).code, 2);
}

/// Every option the program itself takes (add_diagnostic_options), whatever it is: given after
/// the subcommand, it does what it does before it.
TEST(CliParse, EveryGlobalOptionWorksAfterTheSubcommand) {
  std::istringstream in;
  std::ostringstream out, err;
  cli::Context ctx{in, out, err, [](const std::string&) { return std::nullopt; }};
  CLI::App app;
  cli::add_diagnostic_options(app, ctx);
  int checked = 0;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_lnames().empty() || option == app.get_help_ptr()) continue;
    std::string name = "--" + option->get_lnames().front();
    bool flag = option->get_items_expected_max() == 0;
    for (std::string value : {"never", "github", "text", "always", "bogus"}) {
      std::vector<std::string> global{name};
      if (!flag) global.push_back(value);
      std::vector<std::string> first = global, last{"validate", "-"};
      first.insert(first.end(), last.begin(), last.end());
      last.insert(last.end(), global.begin(), global.end());
      RunResult a = run_cli(first, kBroken), b = run_cli(last, kBroken);
      EXPECT_EQ(b.code, a.code) << name << " " << value << ": " << b.err;
      EXPECT_EQ(b.err, a.err) << name << " " << value;
      ++checked;
      if (flag) break;
    }
  }
  EXPECT_GE(checked, 2);
}

TEST(CliParse, SuggestsTheClosestCommand) {
  RunResult r = run_cli({"recpa", "p.yaml", "--level", "daily"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "commplan: error: unknown command \"recpa\"; did you mean \"recap\"?\n");
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(run_cli({"templates", "lst"}).err,
            "commplan: error: unknown command \"lst\"; did you mean \"list\"?\n");
  r = run_cli({"frobnicate"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "commplan: error: unknown command \"frobnicate\"\n");
}

TEST(CliParse, SuggestsTheClosestOption) {
  RunResult r = run_cli({"recap", "p.yaml", "--levl", "daily"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "commplan: error: unknown option --levl; did you mean --level?\n");
  EXPECT_EQ(run_cli({"recap", "p.yaml", "--levl=daily"}).err, r.err);
  EXPECT_EQ(run_cli({"validate", "-", "--colr", "never"}, kBroken).err,
            "commplan: error: unknown option --colr; did you mean --color?\n");
  EXPECT_EQ(run_cli({"--colr", "never", "validate", "-"}, kBroken).err,
            "commplan: error: unknown option --colr; did you mean --color?\n");
  r = run_cli({"validate", "--bogus", "x"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "commplan: error: unknown option --bogus\n");
}

TEST(CliParse, KeepsHelpVersionAndOtherUsageErrors) {
  RunResult help = run_cli({"recap", "--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("--level"), std::string::npos) << help.out;
  RunResult version = run_cli({"--version"});
  EXPECT_EQ(version.code, 0);
  EXPECT_EQ(version.out.rfind("commplan ", 0), 0u) << version.out;
  RunResult none = run_cli({});
  EXPECT_EQ(none.code, 2);
  EXPECT_NE(none.err.find("A subcommand is required"), std::string::npos) << none.err;
  RunResult extra = run_cli({"schema", "extra"});
  EXPECT_EQ(extra.code, 2);
  EXPECT_NE(extra.err.find("not expected: extra"), std::string::npos) << extra.err;
}

}  // namespace
}  // namespace commplan::testing
