// commplan minutes: the page, and recording minutes (minutes add) and finished actions
// (minutes done) through the recording commands' path, with and without log_dir.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "template_fixtures.hpp"
#include "test_helpers.hpp"
#include "util/read.hpp"

namespace commplan {
namespace {

using testing::run_cli;

// Two weeks from Monday 2026-12-07; a comment and the file's own style to keep.
const std::string kProject = testing::project_head() +
                             "team:\n"
                             "  - {name: Ann Lee, role: Lead}\n"
                             "client_team:\n"
                             "  - {name: Cy Wu, role: CIO, contact: true}\n"
                             "# Minutes follow; keep this comment.\n"
                             "log:\n"
                             "  - date: 2026-12-08\n"
                             "    done: [Walked]\n";

const std::map<std::string, std::string> kEnv = {{"COMMPLAN_USER", "Ann Lee"}};

testing::RunResult run(const std::vector<std::string>& args) { return run_cli(args, "", kEnv); }

std::string page(const std::string& file, const std::string& date,
                 const std::string& format = "md") {
  return run({"minutes", file, "--date", date, "--format", format}).out;
}

TEST(MinutesCommand, AddThenDoneRoundTripsInTheProjectFile) {
  tmpl::testing::TempDir dir;
  std::string file = dir.write("p.yaml", kProject);
  auto added = run({"minutes", "add", file, "--meeting", "kickoff", "--date", "2026-12-07",
                    "--present", "Ann Lee", "--present", "Cy Wu", "--decision", "Recap at 17:30",
                    "--action", "Send diagrams|Cy Wu|2026-12-09", "--action", "Book a room",
                    "--confirmed", "Scope as signed|Cy Wu"});
  ASSERT_EQ(added.code, 0) << added.err;
  EXPECT_EQ(added.out,
            "recorded the kickoff minutes of 2026-12-07 by Ann Lee (2 present, 1 "
            "decision, 2 actions, 1 confirmation) in " +
                file + "\n");
  // Only lines were added: the file's text before them is untouched.
  std::string text = read_file(file);
  ASSERT_EQ(text.substr(0, kProject.size()), kProject);
  EXPECT_EQ(text.substr(kProject.size()),
            "minutes:\n"
            "  - meeting: kickoff\n"
            "    date: 2026-12-07\n"
            "    by: Ann Lee\n"
            "    present:\n"
            "      - Ann Lee\n"
            "      - Cy Wu\n"
            "    decisions:\n"
            "      - Recap at 17:30\n"
            "    actions:\n"
            "      - what: Send diagrams\n"
            "        owner: Cy Wu\n"
            "        due: 2026-12-09\n"
            "      - what: Book a room\n"
            "    confirmations:\n"
            "      - what: Scope as signed\n"
            "        by: Cy Wu\n");

  // A second call of the same author, meeting and day adds to that record.
  auto more = run({"minutes", "add", file, "--meeting", "kickoff", "--date", "2026-12-07",
                   "--present", "Cy Wu", "--decision", "No photos"});
  ASSERT_EQ(more.code, 0) << more.err;
  EXPECT_EQ(more.out, "recorded to the kickoff minutes of 2026-12-07 by Ann Lee (1 decision) in " +
                          file + "\n");

  std::string before = page(file, "2026-12-07");
  std::string recap_before = run({"recap", file, "--level", "daily", "--date", "2026-12-10"}).out;
  EXPECT_NE(recap_before.find("| Send diagrams | Cy Wu | 2026-12-09 **overdue** | Kick-off "
                              "meeting, 2026-12-07 |"),
            std::string::npos)
      << recap_before;

  auto done = run({"minutes", "done", file, "--action", "diagrams", "--date", "2026-12-11"});
  ASSERT_EQ(done.code, 0) << done.err;
  EXPECT_EQ(done.out,
            "recorded action \"Send diagrams\" (Cy Wu) done on 2026-12-11 in " + file + "\n");
  EXPECT_NE(read_file(file).find("        due: 2026-12-09\n        done: 2026-12-11\n"),
            std::string::npos);
  // Past days render as they did; a later day no longer carries the action.
  EXPECT_EQ(page(file, "2026-12-07"), before);
  EXPECT_EQ(run({"recap", file, "--level", "daily", "--date", "2026-12-10"}).out, recap_before);
  EXPECT_EQ(
      run({"recap", file, "--level", "daily", "--date", "2026-12-11"}).out.find("Send diagrams"),
      std::string::npos);
  EXPECT_EQ(page(file, "2026-12-11", "json").find("Send diagrams"), std::string::npos);
}

TEST(MinutesCommand, WithLogDirEachAuthorWritesTheirOwnFileAndDoneEditsTheOneHoldingIt) {
  tmpl::testing::TempDir dir;
  std::string file = dir.write("p.yaml", kProject + "log_dir: logs\n");
  std::filesystem::create_directories(dir.path() / "logs");
  auto added = run_cli({"minutes", "add", file, "--meeting", "daily", "--date", "2026-12-08",
                        "--by", "Cy Wu", "--action", "Fix row C|Cy Wu|2026-12-10"});
  ASSERT_EQ(added.code, 0) << added.err;
  std::string log = (dir.path() / "logs" / "2026-12-08.cy-wu.yaml").string();
  EXPECT_EQ(read_file(log),
            "minutes:\n"
            "  - meeting: daily\n"
            "    date: 2026-12-08\n"
            "    by: Cy Wu\n"
            "    actions:\n"
            "      - what: Fix row C\n"
            "        owner: Cy Wu\n"
            "        due: 2026-12-10\n");
  EXPECT_EQ(read_file(file), kProject + "log_dir: logs\n");
  auto done = run({"minutes", "done", file, "--action", "Fix row C", "--date", "2026-12-09"});
  ASSERT_EQ(done.code, 0) << done.err;
  EXPECT_NE(read_file(log).find("        done: 2026-12-09\n"), std::string::npos);
  EXPECT_EQ(read_file(file), kProject + "log_dir: logs\n");
}

TEST(MinutesCommand, AnAmbiguousOrUnknownActionChangesNothing) {
  tmpl::testing::TempDir dir;
  std::string file = dir.write("p.yaml", kProject);
  ASSERT_EQ(run({"minutes", "add", file, "--meeting", "kickoff", "--date", "2026-12-07", "--action",
                 "Send diagrams", "--action", "Send badges"})
                .code,
            0);
  std::string text = read_file(file);
  auto ambiguous = run({"minutes", "done", file, "--action", "send", "--date", "2026-12-08"});
  EXPECT_EQ(ambiguous.code, 2);
  EXPECT_NE(ambiguous.err.find("--action: error: \"send\" matches 2 open actions; give more of "
                               "its text\n"),
            std::string::npos)
      << ambiguous.err;
  EXPECT_NE(ambiguous.err.find(": note: minutes[0].actions[1].what: open action \"Send badges\" "
                               "(kickoff minutes of 2026-12-07)\n"),
            std::string::npos)
      << ambiguous.err;
  auto unknown =
      run({"minutes", "done", file, "--action", "Send diagramz", "--date", "2026-12-08"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_EQ(unknown.err,
            "--action: error: no open action matches \"Send diagramz\"; did you mean "
            "\"Send diagrams\"?\n");
  auto early = run({"minutes", "done", file, "--action", "Send badges", "--date", "2026-12-06"});
  EXPECT_EQ(early.code, 2);
  EXPECT_EQ(early.err, "--action: error: no action is open on 2026-12-06\n");
  auto bad = run({"minutes", "add", file, "--meeting", "daily", "--action", "A|B|2026-13-01"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.err,
            "--action: error: the due date of \"A\" is \"2026-13-01\"; expected YYYY-MM-DD\n");
  EXPECT_EQ(read_file(file), text);
}

TEST(MinutesCommand, ADayWithoutMinutesIsAUsageError) {
  tmpl::testing::TempDir dir;
  std::string file = dir.write("p.yaml", kProject);
  auto r = run({"minutes", file, "--date", "2026-12-08"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "--date: error: no minutes dated 2026-12-08: the project has no minutes yet (record "
            "them with `commplan minutes add`)\n");
  auto none = run({"minutes"});
  EXPECT_EQ(none.code, 2);
}

}  // namespace
}  // namespace commplan
