#include "edit/edit.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "edit/emit.hpp"
#include "model/project.hpp"
#include "output/write.hpp"
#include "test_helpers.hpp"

namespace commplan {
namespace {

using nlohmann::ordered_json;

std::string fixture(const std::string& name) {
  return read_file(testing::source_path("tests/projects/edit/" + name));
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  for (size_t at = 0; at <= text.size();) {
    size_t end = std::min(text.find('\n', at), text.size());
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return lines;
}

/// What a line diff of two texts shows: the lines only `before` has, and only `after` has.
struct LineDiff {
  std::vector<std::string> removed, added;
};

LineDiff line_diff(const std::string& before, const std::string& after) {
  auto a = lines_of(before), b = lines_of(after);
  std::vector<std::vector<size_t>> common(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = a.size(); i-- > 0;)
    for (size_t j = b.size(); j-- > 0;)
      common[i][j] =
          a[i] == b[j] ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);
  LineDiff diff;
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      ++i, ++j;
    } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
      diff.added.push_back(b[j++]);
    } else {
      diff.removed.push_back(a[i++]);
    }
  }
  return diff;
}

using Lines = std::vector<std::string>;

/// The project `text` holds, loaded without errors (warnings allowed).
Project load(const std::string& text, const std::string& file = "p.yaml") {
  Diagnostics d;
  auto project = load_project(file, text, d);
  for (const auto& item : d.items())
    if (item.level == Level::error) ADD_FAILURE() << format_diagnostic(item);
  if (!project) throw std::runtime_error("does not load");
  return std::move(*project);
}

/// The data `text` holds.
ordered_json data(const std::string& text, const std::string& file = "p.yaml") {
  Diagnostics d;
  auto doc = parse_document(file, text, detect_format(file, text), d);
  EXPECT_FALSE(d.has_errors());
  return to_ordered_json(doc.root);
}

/// project_schema() with the history of findings, whose dates are dates.
nlohmann::json schema_with_history() {
  nlohmann::json schema = project_schema();
  nlohmann::json date = {{"type", "string"}, {"format", "date"}};
  schema["properties"]["findings"]["items"]["properties"]["history"] = {
      {"type", "array"}, {"items", {{"type", "object"}, {"properties", {{"date", date}}}}}};
  return schema;
}

std::string errors_of(const std::function<void()>& edit) {
  try {
    edit();
  } catch (const Error& e) {
    std::string out;
    for (const auto& d : e.diagnostics().items()) out += format_headline(d) + "\n";
    return out;
  }
  return "no error";
}

const ordered_json kFinding = {
    {"id", "PN-3"},          {"title", "Weak: cipher suites on the mail gateway"},
    {"found", "2027-03-09"}, {"phase", "exploit"},
    {"severity", "medium"},  {"evidence", "openssl s_client shows RC4-SHA\naccepted on port 25\n"},
    {"status", "open"}};

TEST(EditYaml, AppendsAFindingAfterTheCommentsClosingTheList) {
  std::string before = fixture("project.yaml");
  FileEdit edit("p.yaml", before);
  edit.append({"findings"}, kFinding);
  LineDiff diff = line_diff(before, edit.text());
  EXPECT_EQ(diff.removed, Lines{});
  EXPECT_EQ(diff.added,
            (Lines{"  - id: PN-3", "    title: \"Weak: cipher suites on the mail gateway\"",
                   "    found: 2027-03-09", "    phase: exploit", "    severity: medium",
                   "    evidence: |", "      openssl s_client shows RC4-SHA",
                   "      accepted on port 25", "    status: open"}));
  EXPECT_NE(edit.text().find("  # PN-3 is being drafted by Ana\n  - id: PN-3\n"),
            std::string::npos);
  Project project = load(edit.text());
  ASSERT_EQ(project.findings.size(), 3u);
  EXPECT_EQ(project.findings[2].title, "Weak: cipher suites on the mail gateway");
  EXPECT_EQ(format_date(*project.findings[2].found), "2027-03-09");
  EXPECT_EQ(project.findings[2].evidence, "openssl s_client shows RC4-SHA\naccepted on port 25\n");
  EXPECT_EQ(project.findings[2].phase, "exploit");
}

TEST(EditYaml, AddsAHistoryKeyToAFindingWithoutOne) {
  std::string before = fixture("project.yaml");
  FileEdit edit("p.yaml", before, schema_with_history());
  edit.append({"findings", 0, "history"},
              {{"date", "2027-03-09"}, {"status", "open"}, {"note", "Re-tested: still open"}});
  LineDiff diff = line_diff(before, edit.text());
  EXPECT_EQ(diff.removed, Lines{});
  EXPECT_EQ(diff.added, (Lines{"    history:", "      - date: 2027-03-09", "        status: open",
                               "        note: \"Re-tested: still open\""}));
  EXPECT_NE(edit.text().find("    status: open   # waiting for the client\n    history:\n"),
            std::string::npos);
  EXPECT_EQ(data(edit.text())["findings"][0]["history"],
            ordered_json::parse(R"([{"date": "2027-03-09", "status": "open",
                                     "note": "Re-tested: still open"}])"));
  load(edit.text());
}

TEST(EditYaml, AppendsToAnExistingHistoryEndingInAFoldedText) {
  std::string before = fixture("project.yaml");
  FileEdit edit("p.yaml", before, schema_with_history());
  edit.append({"findings", 1, "history"},
              {{"date", "2027-03-10"}, {"status", "resolved"}, {"by", "Ana Lima"}});
  LineDiff diff = line_diff(before, edit.text());
  EXPECT_EQ(diff.removed, Lines{});
  EXPECT_EQ(diff.added, (Lines{"      - date: 2027-03-10", "        status: resolved",
                               "        by: Ana Lima"}));
  EXPECT_NE(edit.text().find("          and plans a fix.\n      - date: 2027-03-10\n"),
            std::string::npos);
  auto history = data(edit.text())["findings"][1]["history"];
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["note"], "The client accepts the finding and plans a fix.");
}

TEST(EditYaml, WithoutASchemaADateLikeTextIsQuoted) {
  std::string before = fixture("project.yaml");
  FileEdit edit("p.yaml", before, nullptr);
  edit.append({"findings", 1, "history"}, {{"date", "2027-03-10"}});
  EXPECT_EQ(line_diff(before, edit.text()).added, Lines{"      - date: \"2027-03-10\""});
}

TEST(EditYaml, AppendsALogEntryBeforeTheTrailingComment) {
  std::string before = fixture("project.yaml");
  FileEdit edit("p.yaml", before);
  edit.append({"log"}, {{"date", "2027-03-02"},
                        {"done", {"Scanned the DMZ", "yes"}},
                        {"questions", ordered_json::array()}});
  LineDiff diff = line_diff(before, edit.text());
  EXPECT_EQ(diff.removed, Lines{});
  EXPECT_EQ(diff.added, (Lines{"  - date: 2027-03-02", "    done:", "      - Scanned the DMZ",
                               "      - \"yes\"", "    questions: []"}));
  EXPECT_TRUE(
      edit.text().ends_with("    questions: []\n  - date: 2027-03-02\n    done:\n"
                            "      - Scanned the DMZ\n      - \"yes\"\n"
                            "    questions: []\n\n# end of file\n"));
  Project project = load(edit.text());
  ASSERT_EQ(project.log.size(), 2u);
  EXPECT_EQ(project.log[1].done, (Lines{"Scanned the DMZ", "yes"}));
}

TEST(EditYaml, SetsAStatusChangingOnlyItsValue) {
  std::string before = fixture("project.yaml");
  FileEdit edit("p.yaml", before);
  edit.set({"findings", 0, "status"}, "resolved");
  LineDiff diff = line_diff(before, edit.text());
  EXPECT_EQ(diff.removed, Lines{"    status: open   # waiting for the client"});
  EXPECT_EQ(diff.added, Lines{"    status: resolved   # waiting for the client"});
  EXPECT_EQ(load(edit.text()).findings[0].status, Status::resolved);
}

TEST(EditYaml, AddsAnAbsentKeyAtTheEndOfItsMapping) {
  std::string before = fixture("project.yaml");
  FileEdit edit("p.yaml", before);
  edit.set({"findings", 1, "owner"}, "Ana Lima");
  edit.set({"findings", 1, "client_feedback"}, "Fix planned for April.\nOwner: IT ops.");
  LineDiff diff = line_diff(before, edit.text());
  EXPECT_EQ(diff.removed, Lines{});
  EXPECT_EQ(diff.added, (Lines{"    owner: Ana Lima", "    client_feedback: |-",
                               "      Fix planned for April.", "      Owner: IT ops."}));
  EXPECT_NE(edit.text().find("and plans a fix.\n    owner: Ana Lima\n"), std::string::npos);
  EXPECT_EQ(load(edit.text()).findings[1].client_feedback,
            "Fix planned for April.\nOwner: IT ops.");
}

TEST(EditYaml, TurnsAnEmptyFlowListIntoABlockList) {
  std::string before = fixture("project.yaml");
  FileEdit edit("p.yaml", before);
  edit.append({"log", 0, "questions"}, "Who owns the VPN appliance?");
  LineDiff diff = line_diff(before, edit.text());
  EXPECT_EQ(diff.removed, Lines{"    questions: []"});
  EXPECT_EQ(diff.added, (Lines{"    questions:", "      - Who owns the VPN appliance?"}));
  EXPECT_EQ(question_texts(load(edit.text()).log[0].questions),
            Lines{"Who owns the VPN appliance?"});
}

TEST(EditYaml, FollowsAnIndentlessFileWithWideItems) {
  std::string before = fixture("indentless.yaml");
  FileEdit edit("p.yaml", before, schema_with_history());
  edit.append({"findings"}, {{"id", "F-2"}, {"title", "Two"}});
  edit.append({"findings", 0, "history"}, {{"date", "2026-12-09"}, {"status", "resolved"}});
  edit.append({"log"}, {{"date", "2026-12-08"}, {"done", {"Walked the site"}}});
  EXPECT_EQ(edit.text(),
            "commplan: 1\n"
            "project:\n"
            "    name: Audit\n"
            "    client: ACME\n"
            "    start: 2026-12-07\n"
            "    end: 2026-12-18\n"
            "findings:\n"
            "-   id: F-1\n"
            "    title: One\n"
            "    severity: low\n"
            "    history:\n"
            "    -   date: 2026-12-09\n"
            "        status: resolved\n"
            "-   id: F-2\n"
            "    title: Two\n"
            "log:\n"
            "-   date: 2026-12-08\n"
            "    done:\n"
            "    -   Walked the site\n");
  load(edit.text());
}

TEST(EditYaml, AnAnchorBeforeAnItemIsNotTakenForItsIndentation) {
  std::string before =
      "commplan: 1\n"
      "project: {name: N, client: C, start: 2026-12-07, end: 2026-12-18}\n"
      "team:\n"
      "  - &lead {name: Alex Chen}\n"
      "log:\n"
      "  - date: 2026-12-08\n"
      "    done: [a]\n";
  FileEdit edit("p.yaml", before);
  edit.append({"log"}, {{"date", "2026-12-09"}, {"done", {"b"}}});
  LineDiff diff = line_diff(before, edit.text());
  EXPECT_EQ(diff.added, (Lines{"  - date: 2026-12-09", "    done:", "      - b"}));
  load(edit.text());
  // Nor an anchor before the item the new one follows, a flow mapping or a block one.
  for (std::string item : {"  - &first {date: 2026-12-08, done: [a]}\n",
                           "  - &first date: 2026-12-08\n    done: [a]\n"}) {
    std::string text = testing::project_head() + "log:\n" + item;
    FileEdit anchored("p.yaml", text);
    anchored.append({"log"}, {{"date", "2026-12-09"}, {"done", {"b"}}});
    EXPECT_EQ(line_diff(text, anchored.text()).added,
              (Lines{"  - date: 2026-12-09", "    done:", "      - b"}))
        << item;
  }
}

TEST(EditYaml, KeepsCrlfLineEnds) {
  std::string before = fixture("project.yaml");
  for (size_t at = before.find('\n'); at != std::string::npos; at = before.find('\n', at + 2))
    before.insert(at, "\r");
  FileEdit edit("p.yaml", before, schema_with_history());
  edit.append({"findings"}, kFinding);
  edit.append({"findings", 0, "history"}, {{"date", "2027-03-09"}, {"note", "a\nb"}});
  edit.set({"findings", 1, "severity"}, "medium");
  LineDiff diff = line_diff(before, edit.text());
  EXPECT_EQ(diff.removed, Lines{"    severity: low\r"});
  EXPECT_EQ(diff.added.size(), 15u);
  for (const auto& line : diff.added) EXPECT_TRUE(line.ends_with("\r")) << line;
  EXPECT_EQ(std::count(edit.text().begin(), edit.text().end(), '\n'),
            std::count(edit.text().begin(), edit.text().end(), '\r'));
  Project project = load(edit.text());
  EXPECT_EQ(project.findings[2].evidence.str(), kFinding["evidence"]);
  EXPECT_EQ(data(edit.text())["findings"][0]["history"][0]["note"], "a\nb");
}

TEST(EditYaml, KeepsALastLineWithoutLineBreak) {
  std::string before = testing::project_head() + "log:\n  - date: 2026-12-07\n    done: [x]";
  FileEdit edit("p.yaml", before);
  edit.append({"log"}, {{"date", "2026-12-08"}});
  EXPECT_EQ(edit.text(), before + "\n  - date: 2026-12-08");
  edit.append({"findings"}, {{"id", "F-1"}, {"title", "t"}});
  EXPECT_EQ(edit.text(), before + "\n  - date: 2026-12-08\nfindings:\n  - id: F-1\n    title: t");
  edit.append({"log", 0, "done"}, "z");
  EXPECT_NE(edit.text().find("    done: [x, z]\n"), std::string::npos);
  EXPECT_EQ(load(edit.text()).log[0].done, (Lines{"x", "z"}));
}

TEST(EditYaml, KeepsAByteOrderMark) {
  std::string before = "\xEF\xBB\xBF" + testing::project_head();
  FileEdit edit("p.yaml", before);
  edit.set({"lang"}, "zh");
  EXPECT_EQ(edit.text(), before + "lang: zh\n");
}

TEST(EditYaml, NeverIndentsWithTabs) {
  std::string before = testing::project_head() + "findings:\n  - id:\tF-1\n    title:\tOne\n";
  FileEdit edit("p.yaml", before);
  edit.append({"findings"}, {{"id", "F-2"}, {"title", "\tTabbed\tout"}, {"evidence", "a\n\tb\n"}});
  LineDiff diff = line_diff(before, edit.text());
  EXPECT_EQ(diff.added, (Lines{"  - id: F-2", "    title: \"\\tTabbed\\tout\"", "    evidence: |",
                               "      a", "      \tb"}));
  Project project = load(edit.text());
  EXPECT_EQ(project.findings[1].title, "\tTabbed\tout");
  EXPECT_EQ(project.findings[1].evidence, "a\n\tb\n");
}

TEST(EditYaml, CreatesAListUnderAnEmptyOrNullKey) {
  for (std::string value : {"", " ~", " null  # none yet", " []"}) {
    std::string before = testing::project_head() + "findings:" + value + "\nlog: []\n";
    FileEdit edit("p.yaml", before);
    edit.append({"findings"}, {{"id", "F-1"}, {"title", "t"}});
    // A comment after the old value keeps its column.
    std::string tail = value == " null  # none yet" ? "       # none yet" : "";
    EXPECT_EQ(edit.text(), testing::project_head() + "findings:" + tail +
                               "\n  - id: F-1\n    title: t\nlog: []\n")
        << value;
  }
}

TEST(EditYaml, ItemsComeAfterTheCommentLinesThatGoOnDescribingTheKey) {
  std::string before = testing::project_head() +
                       "findings: []        # id, title,\n"
                       "                    # severity: high\n"
                       "# log: []           # a key left out\n"
                       "log: []\n";
  FileEdit edit("p.yaml", before);
  edit.append({"findings"}, {{"id", "F-1"}, {"title", "t"}});
  EXPECT_EQ(edit.text(), testing::project_head() +
                             "findings:           # id, title,\n"
                             "                    # severity: high\n"
                             "  - id: F-1\n    title: t\n"
                             "# log: []           # a key left out\n"
                             "log: []\n");
  edit.append({"findings", 0, "history"}, {{"date", "2026-12-08"}, {"note", "seen"}});
  EXPECT_NE(edit.text().find("    title: t\n    history:\n      - date: 2026-12-08\n"),
            std::string::npos)
      << edit.text();
}

TEST(EditYaml, AppendsInsideFlowCollections) {
  std::string before = testing::project_head() +
                       "scope: [web, 'mail']  # two\n"
                       "meetings: {kickoff: {time: \"09:00\"}}\n"
                       "expectations: [\n    fast,\n    cheap\n  ]\n";
  FileEdit edit("p.yaml", before);
  edit.append({"scope"}, "vpn, remote access");
  edit.set({"meetings", "kickoff", "location"}, "Room 1");
  edit.set({"meetings", "kickoff", "time"}, "10:30");
  edit.append({"expectations"}, "good");
  EXPECT_EQ(edit.text(), testing::project_head() +
                             "scope: [web, 'mail', \"vpn, remote access\"]  # two\n"
                             "meetings: {kickoff: {time: \"10:30\", location: Room 1}}\n"
                             "expectations: [\n    fast,\n    cheap,\n    good\n  ]\n");
  Project project = load(edit.text());
  EXPECT_EQ(project.scope, (Lines{"web", "mail", "vpn, remote access"}));
  EXPECT_EQ(project.meetings.kickoff.location, "Room 1");
}

TEST(EditYaml, ReplacesAValueByABlockTextKeepingItsComment) {
  std::string before = testing::project_head() +
                       "findings:\n  - id: F-1\n    title: t\n    client_feedback: ok  # said Bo\n"
                       "    owner: Bo\n";
  FileEdit edit("p.yaml", before);
  edit.set({"findings", 0, "client_feedback"}, "Agreed.\nFix by May.\n");
  EXPECT_NE(
      edit.text().find("    client_feedback: |   # said Bo\n      Agreed.\n      Fix by May.\n"
                       "    owner: Bo\n"),
      std::string::npos)
      << edit.text();
  EXPECT_EQ(load(edit.text()).findings[0].client_feedback, "Agreed.\nFix by May.\n");
  edit.set({"findings", 0, "client_feedback"}, "fine");
  EXPECT_NE(edit.text().find("    client_feedback: fine\n    owner: Bo\n"), std::string::npos);
}

TEST(EditYaml, StartsAnEmptyFileOrOneOfCommentsOnly) {
  FileEdit empty("p.yaml", "");
  empty.append({"log"}, {{"date", "2026-12-08"}});
  EXPECT_EQ(empty.text(), "log:\n  - date: 2026-12-08\n");
  FileEdit comments("p.yaml", "# records\n");
  comments.set({"lang"}, "en");
  EXPECT_EQ(comments.text(), "# records\nlang: en\n");
}

TEST(EditYaml, StaysWithinTheDocumentMarkers) {
  std::string before =
      "---\n" + testing::project_head() + "findings:\n  - id: F\n    title: t\n...\n";
  FileEdit edit("p.yaml", before);
  edit.append({"findings"}, {{"id", "G"}, {"title", "u"}});
  edit.append({"log"}, {{"date", "2026-12-08"}});
  EXPECT_TRUE(edit.text().ends_with(
      "    title: t\n  - id: G\n    title: u\nlog:\n  - date: 2026-12-08\n...\n"));
}

TEST(EditYaml, AppendsAfterABlockTextWithInnerAndTrailingBlankLines) {
  std::string before = testing::project_head() +
                       "findings:\n  - id: F\n    title: t\n    evidence: |\n      a\n\n      b\n\n"
                       "  # more to come\n\nlog: []\n";
  FileEdit edit("p.yaml", before, schema_with_history());
  edit.append({"findings", 0, "history"}, {{"date", "2026-12-08"}});
  edit.append({"findings"}, {{"id", "G"}, {"title", "u"}});
  EXPECT_NE(edit.text().find("      a\n\n      b\n    history:\n      - date: 2026-12-08\n\n"
                             "  # more to come\n  - id: G\n    title: u\n\nlog: []\n"),
            std::string::npos);
  EXPECT_EQ(load(edit.text()).findings[0].evidence, "a\n\nb\n");
}

TEST(EditYaml, RefusesToSplitTheTrailingLinesOfAKeptBlockText) {
  // A `|+` text keeps its trailing empty lines: a line put after its last text would take
  // them away from it. The check after the edit catches it.
  std::string text = testing::project_head() +
                     "findings:\n  - id: F\n    title: t\n"
                     "    evidence: |+\n      a\n\nlog: []\n";
  EXPECT_EQ(errors_of([&] {
              FileEdit("p.yaml", text).set({"findings", 0, "owner"}, "Bo");
            }),
            "p.yaml:8:5: error: findings[0].owner: this change cannot be written without "
            "altering the rest of the file; make it by hand\n");
}

TEST(EditYaml, ReportsPathsThatLeadNowhere) {
  std::string text = fixture("project.yaml");
  EXPECT_EQ(errors_of([&] {
              FileEdit("p.yaml", text).append({"findings", 5, "history"}, {});
            }),
            "p.yaml:26:3: error: findings: no item 5: the list has 2\n");
  EXPECT_EQ(errors_of([&] {
              FileEdit("p.yaml", text).append({"project", "name"}, "x");
            }),
            "p.yaml:7:10: error: project.name: expected a list, got a text\n");
  EXPECT_EQ(errors_of([&] { FileEdit("p.yaml", text).set({"findings"}, "x"); }),
            "p.yaml:26:3: error: findings: a list cannot be replaced, only a text, number, "
            "true/false or nothing\n");
  EXPECT_EQ(errors_of([&] {
              FileEdit("p.yaml", text).append({"findings", 0, "x", "y"}, 1);
            }),
            "p.yaml:26:5: error: findings[0]: no field \"x\"\n");
}

TEST(EditYaml, RefusesToAppendToAListThatIsAnAlias) {
  for (std::string list : {"[]", "[a]", "\n  - a"}) {
    std::string text = testing::project_head() + "scope: &s " + list + "\nexpectations: *s\n";
    std::string errors = errors_of([&] { FileEdit("p.yaml", text).append({"expectations"}, "b"); });
    EXPECT_NE(errors.find(": error: expectations: the list is an alias of one written elsewhere; "
                          "write it out to record into it\n"),
              std::string::npos)
        << list << ": " << errors;
  }
}

TEST(EditYaml, RefusesAnEditThatWouldChangeAnAlias) {
  std::string text = testing::project_head() + "scope: &s [a]\nexpectations: *s\n";
  EXPECT_EQ(errors_of([&] { FileEdit("p.yaml", text).append({"scope"}, "b"); }),
            "p.yaml:7:11: error: scope: this change cannot be written without altering the rest "
            "of the file; make it by hand\n");
}

// JSON: pretty-printed files stay exactly as a JSON writer with their indentation prints
// them; a minified file stays on one line.
void expect_json_layout(const std::string& name, int indent) {
  std::string before = fixture(name);
  FileEdit edit(name, before, schema_with_history());
  edit.append({"findings"}, kFinding);
  edit.append({"findings", 0, "history"}, {{"date", "2027-03-09"}, {"status", "resolved"}});
  edit.append({"findings", 0, "history"}, {{"date", "2027-03-10"}, {"note", "ok \"really\""}});
  edit.append({"log"}, {{"date", "2026-12-08"}, {"done", {"Walked the site"}}});
  edit.set({"findings", 0, "status"}, "resolved");
  edit.set({"findings", 0, "within"}, 4);
  ordered_json result = data(edit.text(), name);
  EXPECT_EQ(edit.text(), result.dump(indent) + (indent >= 0 ? "\n" : "")) << name;
  EXPECT_EQ(result["findings"][0]["history"][1]["note"], "ok \"really\"");
  EXPECT_EQ(result["findings"][0]["within"], 4);
  EXPECT_EQ(result["findings"][1], kFinding);
  EXPECT_EQ(result["log"][0]["done"][0], "Walked the site");
  LineDiff diff = line_diff(before, edit.text());
  if (indent >= 0) {
    EXPECT_LE(diff.removed.size(), 4u) << name;  // `}`, `"status"`, `[]`s
  }
}

TEST(EditJson, KeepsTwoSpaceIndentation) { expect_json_layout("project.json", 2); }
TEST(EditJson, KeepsFourSpaceIndentation) { expect_json_layout("project-4.json", 4); }
TEST(EditJson, KeepsAMinifiedFileOnOneLine) { expect_json_layout("project-min.json", -1); }

TEST(EditJson, ChangesOnlyTheLinesItMust) {
  std::string before = fixture("project.json");
  FileEdit edit("p.json", before);
  edit.set({"findings", 0, "status"}, "resolved");
  LineDiff diff = line_diff(before, edit.text());
  EXPECT_EQ(diff.removed, Lines{"      \"status\": \"open\""});
  EXPECT_EQ(diff.added, Lines{"      \"status\": \"resolved\""});
  edit.append({"findings"}, {{"id", "F-2"}, {"title", "Two"}});
  diff = line_diff(before, edit.text());
  EXPECT_EQ(diff.removed, Lines{"      \"status\": \"open\""});
  EXPECT_EQ(diff.added, (Lines{"      \"status\": \"resolved\"", "    },", "    {",
                               "      \"id\": \"F-2\",", "      \"title\": \"Two\""}));
  Project project = load(edit.text(), "p.json");
  EXPECT_EQ(project.findings[1].title, "Two");
}

TEST(EditJson, KeepsTabIndentationAndCrlfAndOneLineItems) {
  std::string before =
      "{\r\n\t\"commplan\": 1,\r\n\t\"log\": [\r\n\t\t{\"date\": \"2026-12-07\"}\r\n\t]\r\n}";
  FileEdit edit("p.json", before);
  edit.append({"log"}, {{"date", "2026-12-08"}, {"done", {"a"}}});
  edit.append({"findings"}, {{"id", "F"}});
  EXPECT_EQ(edit.text(),
            "{\r\n\t\"commplan\": 1,\r\n\t\"log\": [\r\n\t\t{\"date\": \"2026-12-07\"},\r\n"
            "\t\t{\"date\": \"2026-12-08\", \"done\": [\"a\"]}\r\n\t],\r\n"
            "\t\"findings\": [\r\n\t\t{\r\n\t\t\t\"id\": \"F\"\r\n\t\t}\r\n\t]\r\n}");
}

TEST(EditExamples, RecordingEditsOnlyAddLines) {
  for (std::string name :
       {"examples/datacentre-assessment.yaml", "examples/software-delivery.zh.yaml",
        "examples/penetration-test.json"}) {
    std::string path = testing::source_path(name);
    std::string before = read_file(path);
    FileEdit edit(path, before, schema_with_history());
    size_t findings = load(before, path).findings.size();
    ordered_json finding = kFinding;
    finding.erase("phase");
    edit.append({"findings"}, finding);
    edit.append({"findings", 0, "history"},
                {{"date", "2030-03-10"}, {"status", "resolved"}, {"note", "修复已验证: ok"}});
    edit.append({"log"}, {{"date", "2031-03-10"}, {"done", {"Re-tested PN-3", "no"}}});
    edit.set({"findings", 0, "status"}, "resolved");
    LineDiff diff = line_diff(before, edit.text());
    EXPECT_LE(diff.removed.size(), name.ends_with(".json") ? 4u : 1u) << name;
    Project project = load(edit.text(), path);
    ASSERT_EQ(project.findings.size(), findings + 1) << name;
    EXPECT_EQ(project.findings[0].status, Status::resolved) << name;
    auto found = std::find_if(project.findings.begin(), project.findings.end(),
                              [](const Finding& f) { return f.id == "PN-3"; });
    ASSERT_NE(found, project.findings.end()) << name;
    EXPECT_EQ(found->evidence.str(), kFinding["evidence"]) << name;
    EXPECT_EQ(data(edit.text(), path)["findings"][0]["history"].back()["note"], "修复已验证: ok");
    auto added = std::find_if(project.log.begin(), project.log.end(), [](const LogEntry& e) {
      return format_date(e.date) == "2031-03-10";
    });
    ASSERT_NE(added, project.log.end()) << name;
    EXPECT_EQ(added->done, (Lines{"Re-tested PN-3", "no"})) << name;
  }
}

TEST(EditValues, QuotesTextsThatWouldReadAsSomethingElse) {
  for (std::string text :
       {"yes",    "No",         "null", "~",   "1.0",  "12",  "0x1F", "1:30",     ".5",
        "-3",     "2027-03-04", "a: b", "#x",  "x #y", "- x", "key:", "",         " lead",
        "trail ", "&a",         "*a",   "!t",  "|",    ">",   "'q",   "\"q",      "%p",
        "@p",     "`p",         "---",  "{a}", "[a]",  ",",   "?",    "tab\there"})
    EXPECT_FALSE(edit::is_plain_safe(text, false, false)) << text;
  for (std::string text : {"Default credentials", "PN-3", "-x", "a:b", "a#b", "中文：说明",
                           "Ünïcödé", "100%", "e.g. this", "3 hosts"})
    EXPECT_TRUE(edit::is_plain_safe(text, false, false)) << text;
  EXPECT_TRUE(edit::is_plain_safe("2027-03-04", true, false));
  EXPECT_TRUE(edit::is_plain_safe("09:30", true, false));
  EXPECT_FALSE(edit::is_plain_safe("yes", true, false));
  EXPECT_FALSE(edit::is_plain_safe("a,b", false, true));
  EXPECT_FALSE(edit::is_plain_safe("a:b", false, true));
  EXPECT_EQ(edit::double_quoted("a\"b\\c\n\t\x01\xC2\x85\xE2\x80\xA8\xEF\xBB\xBF"),
            "\"a\\\"b\\\\c\\n\\t\\x01\\N\\L\\uFEFF\"");
  EXPECT_TRUE(edit::is_literal_safe("a\nb\n"));
  EXPECT_FALSE(edit::is_literal_safe("a\r\nb"));
  EXPECT_FALSE(edit::is_literal_safe(" a\nb"));
  EXPECT_FALSE(edit::is_literal_safe("a\n  \nb"));
  EXPECT_FALSE(edit::is_literal_safe("a\n\n"));
}

TEST(EditValues, EveryWrittenTextReadsBackAsItself) {
  std::vector<std::string> texts = {
      "yes",  "1.0",          "2027-03-04",    "a: b",    "#x",       "- x",
      "",     " lead",        "line\r\nbreak", "two\n\n", "\n lead",  "x\n  \ny",
      "\x01", "\xE2\x80\xA8", "中文\n第二行",  "tab\tin", "q'uote\"s"};
  for (const auto& text : texts) {
    FileEdit edit("p.yaml", testing::project_head() + "scope:\n  - a\n");
    edit.append({"scope"}, text);
    edit.set({"project", "summary"}, text);
    EXPECT_EQ(data(edit.text())["scope"][1], text) << text;
    EXPECT_EQ(data(edit.text())["project"]["summary"], text) << text;
  }
}

TEST(EditValues, RejectsInvalidUtf8) {
  std::string text = testing::project_head();
  EXPECT_EQ(errors_of([&] { FileEdit("p.yaml", text).set({"lang"}, "\xFF"); }),
            "p.yaml: error: lang: the value to write is not valid UTF-8\n");
}

}  // namespace
}  // namespace commplan
