#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli_model.hpp"
#include "test_helpers.hpp"

namespace commplan::testing {
namespace {

const std::string kPhases =
    project_head() +
    "phases:\n"
    "  - {id: onsite, name: Onsite, start: 2026-12-07, end: 2026-12-18, activities: [Inspect]}\n"
    "communications:\n"
    "  - {id: cutover, title: Move the cutover}\n";

TEST(BriefRun, UnknownPhaseAndUnknownTopicAreReportedAlikeAsUsageErrors) {
  auto phase = run_cli({"recap", "-", "--level", "phase", "--phase", "onsit"}, kPhases);
  auto topic = run_cli({"five-w2h", "-", "--topic", "cutovr"}, kPhases);
  EXPECT_EQ(phase.code, 2);
  EXPECT_EQ(topic.code, 2);
  EXPECT_EQ(phase.out + topic.out, "");
  EXPECT_TRUE(phase.err.ends_with(
      "--phase: error: no phase has the id \"onsit\"; did you mean \"onsite\"?\n"))
      << phase.err;
  EXPECT_TRUE(topic.err.ends_with(
      "--topic: error: no communication has the id \"cutovr\"; did you mean \"cutover\"?\n"))
      << topic.err;
}

TEST(BriefRun, TopicWithoutProjectIsAUsageError) {
  auto r = run_cli({"five-w2h", "--topic", "x", "--date", "2026-12-07"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "--topic: error: --topic needs a PROJECT\n");
}

TEST(BriefRun, AnErrorInTheFileIsInvalidInputWhateverTheFileIsCalled) {
  // A view that cannot be made (no workday) from a file whose name starts with "--": the
  // error's source, not its name, decides the exit code.
  auto dir = std::filesystem::temp_directory_path() / "commplan-brief-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "--weekend.yaml") << project_head("2026-12-12", "2026-12-13");
  auto before = std::filesystem::current_path();
  std::filesystem::current_path(dir);
  auto r = run_cli({"plan", "--", "--weekend.yaml"});
  std::filesystem::current_path(before);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("--weekend.yaml:5:10: error: project.start: the engagement has no "
                       "workday from 2026-12-12 to 2026-12-13\n"),
            std::string::npos)
      << r.err;
}

TEST(BriefRun, EveryBriefRefusesAProjectWhosePlanCannotBeMade) {
  // One schedule for every page: a phase with no workday stops the kick-off as it stops the plan.
  std::string text = project_head("2026-12-07", "2026-12-18", "  holidays: [2026-12-10]\n") +
                     "phases:\n"
                     "  - {id: a, start: 2026-12-07, end: 2026-12-09}\n"
                     "  - {id: hol, start: 2026-12-10, end: 2026-12-10}\n";
  for (std::string level : {"", "daily", "final"}) {
    std::vector<std::string> args = {level.empty() ? "kickoff" : "recap", "-", "--date",
                                     "2026-12-07"};
    if (!level.empty()) args.insert(args.end(), {"--level", level});
    SCOPED_TRACE(args[0] + " " + level);
    auto r = run_cli(args, text);
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_NE(r.err.find("error: phases[1].end: phase \"hol\" has no workday"), std::string::npos)
        << r.err;
  }
}

TEST(BriefRun, ADateThatIsNoDayOfTheCalendarIsNamedSo) {
  auto r = run_cli({"kickoff", "-", "--date", "2026-02-30"}, project_head());
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "--date: error: \"2026-02-30\" is not a real calendar date\n");
  r = run_cli({"kickoff", "-", "--date", "soon"}, project_head());
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "--date: error: expected YYYY-MM-DD, today or yesterday, got \"soon\"\n");
}

TEST(BriefRun, APhaseRecapWithoutPhasesNamesTheLevelNotAPhaseNeverGiven) {
  auto r = run_cli({"recap", "-", "--level", "phase", "--date", "2026-12-08"}, project_head());
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("--level: error: the project has no phases to recap"), std::string::npos)
      << r.err;
}

TEST(BriefRun, AnEnvironmentVariableErrorIsAUsageErrorNamingIt) {
  auto lang = run_cli({"kickoff", "-"}, kPhases, {{"COMMPLAN_LANG", "fr"}});
  EXPECT_EQ(lang.code, 2);
  EXPECT_EQ(lang.err, "COMMPLAN_LANG: error: unknown language \"fr\"; expected en or zh\n");
  auto epoch = run_cli({"recap", "-", "--level", "final"}, kPhases, {{"SOURCE_DATE_EPOCH", "x"}});
  EXPECT_EQ(epoch.code, 2);
  EXPECT_EQ(epoch.err, "SOURCE_DATE_EPOCH: error: expected seconds since 1970, got \"x\"\n");
}

TEST(BriefFormats, FormatTakesOnlyTheRowsOfTheCommandsTable) {
  EXPECT_EQ(run_cli({"kickoff", "-", "--format", "ics"}, kPhases).code, 2);
  EXPECT_EQ(run_cli({"five-w2h", "-", "--format", "ics"}, kPhases).code, 2);
  auto ics = run_cli({"plan", "-", "--format", "ics", "--date", "2026-12-01"}, kPhases);
  EXPECT_EQ(ics.code, 0) << ics.err;
  EXPECT_TRUE(ics.out.starts_with("BEGIN:VCALENDAR\r\n")) << ics.out;
  auto yaml = run_cli({"five-w2h", "-", "--format", "yaml"}, kPhases);
  EXPECT_EQ(yaml.code, 0) << yaml.err;
  EXPECT_NE(yaml.out.find("communications:\n"), std::string::npos) << yaml.out;
}

TEST(BriefFormats, HelpListsEachFormatWithItsLineOfHelp) {
  auto help = run_cli({"plan", "--help"}).out;
  EXPECT_NE(help.find("Output format\n"), std::string::npos) << help;
  EXPECT_NE(help.find("  md    Markdown, from the command's template\n"), std::string::npos)
      << help;
  EXPECT_NE(help.find("  ics   iCalendar file of every touchpoint, for calendar programs\n"),
            std::string::npos)
      << help;
  EXPECT_NE(run_cli({"five-w2h", "--help"})
                .out.find("  yaml  Communications entries to paste into a project file\n"),
            std::string::npos);
}

TEST(BriefFormats, TheManPageListsEachFormatUnderFormat) {
  std::string man = run_cli({"man"}).out;
  EXPECT_NE(man.find("\\fB\\-\\-format\\fR \\fImd\\fR|\\fIhtml\\fR|\\fItxt\\fR|\\fIeml\\fR|"
                     "\\fIjson\\fR|\\fIics\\fR\n"
                     "Output format (default: md)\n"
                     ".RS\n"
                     ".TP\n\\fBmd\\fR\nMarkdown, from the command's template\n"
                     ".TP\n\\fBhtml\\fR\n"),
            std::string::npos)
      << man;
  EXPECT_NE(man.find(".TP\n\\fBeml\\fR\nE-mail draft (RFC 5322, X-Unsent: 1)"), std::string::npos)
      << man;
  EXPECT_NE(man.find(".TP\n\\fBics\\fR\niCalendar file of every touchpoint, for calendar "
                     "programs\n.RE\n"),
            std::string::npos);
  EXPECT_NE(man.find(".TP\n\\fByaml\\fR\nCommunications entries to paste into a project "
                     "file\n.RE\n"),
            std::string::npos);
}

TEST(CliModel, ReadsBackTheHelpOfEachChoice) {
  CLI::App app;
  std::string value;
  auto* sub = app.add_subcommand("x", "X");
  sub->add_option("--kind", value,
                  cli::describe_choices("Kind", {{"a", "The first"}, {"bee", "The second"}}))
      ->check(CLI::IsMember({"a", "bee", "c"}));
  cli::CommandInfo root = cli::describe_cli(app);
  const cli::OptionInfo& kind = root.subcommands.at(0).options.back();
  EXPECT_EQ(kind.description, "Kind");
  EXPECT_EQ(kind.choices, (std::vector<std::string>{"a", "bee", "c"}));
  EXPECT_EQ(kind.choice_help, (std::vector<std::string>{"The first", "The second", ""}));
  EXPECT_EQ(cli::describe_choices("Kind", {{"a", "The first"}, {"bee", "The second"}}),
            "Kind\n  a    The first\n  bee  The second");
}

}  // namespace
}  // namespace commplan::testing
