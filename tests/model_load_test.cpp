#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/project.hpp"
#include "test_helpers.hpp"
#include "util/text.hpp"

namespace commplan {
namespace {

const std::string kMinimal = testing::project_head();

/// Loads `text` and returns every diagnostic headline, one a line.
std::string problems(const std::string& text) {
  Diagnostics d;
  load_project("p.yaml", text, d);
  std::string out;
  for (const auto& item : d.items()) out += format_headline(item) + "\n";
  return out;
}

TEST(ProjectLoader, AcceptsTheMinimalProject) {
  Diagnostics d;
  auto project = load_project("p.yaml", kMinimal, d);
  ASSERT_TRUE(project);
  EXPECT_TRUE(d.items().empty());
  EXPECT_EQ(project->project.name, "Audit");
  EXPECT_EQ(format_date(project->project.end), "2026-12-18");
  EXPECT_EQ(project->workdays().size(), 5u);
}

TEST(ProjectLoader, ReleasedDocumentsKeepTheirNamesAndTheModelButPlaceNothing) {
  Diagnostics d;
  auto project = load_project(
      "p.yaml", kMinimal + "findings:\n  - {id: F-1, title: Gate, evidence: seen at 09:00}\n", d);
  ASSERT_TRUE(project) << d.items().front().message;
  const Origin& origin = project->findings.front().origin;
  auto lines = static_cast<int>(std::count(kMinimal.begin(), kMinimal.end(), '\n'));
  EXPECT_EQ(origin.mark_of("evidence").line, lines + 2);
  EXPECT_TRUE(origin.has("evidence"));
  const Origin& info = project->project.origin;
  EXPECT_EQ(info.mark_of("name").line, 3);
  ASSERT_NE(info.tree_node(), nullptr);

  project->release_documents();
  ASSERT_EQ(project->documents.size(), 1u);
  EXPECT_EQ(project->documents.front()->file, "p.yaml");
  EXPECT_TRUE(project->documents.front()->text.empty());
  EXPECT_EQ(project->documents.front()->storage, nullptr);
  EXPECT_EQ(info.tree_node(), nullptr);
  EXPECT_EQ(info.mark_of("name").line, 0);
  EXPECT_FALSE(origin.has("evidence"));
  EXPECT_EQ(origin.mark_of("evidence").line, 0);
  Diagnostic problem = origin.problem(Level::warning, "evidence", "a late problem");
  EXPECT_EQ(problem.file, "p.yaml");
  EXPECT_EQ(problem.path, "findings[0]");
  EXPECT_EQ(problem.mark.line, 0);
  EXPECT_TRUE(problem.excerpt.text.empty());
  EXPECT_EQ(project->findings.front().evidence, "seen at 09:00");  // the model outlives it
}

/// A finding's texts are kept by the project, side by side, not in its documents: they
/// outlive release_documents(), and a copy of the project shares them.
TEST(ProjectLoader, FindingTextsAreThePlaceStoresAndOutliveTheDocuments) {
  Diagnostics d;
  std::optional<Project> copy;
  {
    auto project = load_project("p.yaml",
                                kMinimal +
                                    "findings:\n  - id: F-1\n    title: Gate\n"
                                    "    evidence: \"seen\\tat 09:00\"\n"
                                    "    impact: >\n      folded\n      lines\n",
                                d);
    ASSERT_TRUE(project) << d.items().front().message;
    std::string_view source = project->documents.front()->text;
    const Finding& f = project->findings.front();
    for (const Text* text : {&f.id, &f.title, &f.evidence, &f.impact})
      EXPECT_FALSE(text->data() >= source.data() && text->data() < source.data() + source.size())
          << *text;
    // Side by side, in order, with nothing between them: a short text has no header.
    EXPECT_EQ(f.title.data(), f.id.data() + f.id.size());
    EXPECT_EQ(f.evidence, "seen\tat 09:00");
    EXPECT_EQ(f.impact, "folded lines\n");
    project->release_documents();
    copy = *project;
  }
  const Finding& f = copy->findings.front();
  EXPECT_EQ(f.id, "F-1");
  EXPECT_EQ(f.title, "Gate");
  EXPECT_EQ(f.evidence, "seen\tat 09:00");
  EXPECT_EQ(f.impact, "folded lines\n");
}

/// A name or id that findings repeat (a phase, a standard, an owner, who was told) is kept once
/// for all of them, and so is a title they repeat.
TEST(ProjectLoader, NamesThatFindingsRepeatAreKeptOnce) {
  Diagnostics d;
  auto project =
      load_project("p.yaml",
                   kMinimal +
                       "phases:\n  - {id: web, name: Web, start: 2026-12-07, end: 2026-12-18}\n"
                       "findings:\n"
                       "  - {id: F-1, title: Gate, phase: web, owner: Li Wei, cwe: CWE-79}\n"
                       "  - {id: F-2, title: Gate, phase: web, owner: Li Wei, cwe: CWE-79,\n"
                       "     history: [{date: 2026-12-08, status: agreed, by: Li Wei,\n"
                       "                notified: {to: Li Wei, via: phone}}]}\n",
                   d);
  ASSERT_TRUE(project) << d.items().front().message;
  const Finding& a = project->findings[0];
  const Finding& b = project->findings[1];
  EXPECT_EQ(a.phase.data(), b.phase.data());
  EXPECT_EQ(a.owner.data(), b.owner.data());
  EXPECT_EQ(a.cwe().data(), b.cwe().data());
  const HistoryEntry& entry = b.history.front();
  EXPECT_EQ(entry.by.data(), a.owner.data());
  EXPECT_EQ(entry.notified->to.data(), a.owner.data());
  EXPECT_EQ(entry.notified->via, "phone");
  EXPECT_EQ(b.title, a.title);
  EXPECT_EQ(b.title.data(), a.title.data());
  EXPECT_EQ(b.owner, "Li Wei");
}

/// The other texts of findings are kept once while their field repeats them: here every title,
/// and the evidence the first two findings share; but once more than a thousand findings have
/// each given evidence of their own, evidence is no longer looked up, and the last two
/// findings' equal evidence is kept twice. Every text reads as written either way.
TEST(ProjectLoader, TextsAreKeptOnceWhileTheirFieldRepeatsThem) {
  std::string text = kMinimal + "findings:\n";
  constexpr size_t kFindings = 1200;
  for (size_t i = 0; i < kFindings; ++i) {
    std::string evidence = i < 2                ? "seen early"
                           : i + 2 >= kFindings ? "seen late"
                                                : fmt::format("host {}", i);
    text += fmt::format("  - {{id: F-{}, title: Gate, evidence: {}}}\n", i, evidence);
  }
  Diagnostics d;
  auto project = load_project("p.yaml", text, d);
  ASSERT_TRUE(project) << d.items().front().message;
  const auto& findings = project->findings;
  ASSERT_EQ(findings.size(), kFindings);
  for (const Finding& f : findings) EXPECT_EQ(f.title.data(), findings[0].title.data());
  EXPECT_EQ(findings[1].evidence.data(), findings[0].evidence.data());
  EXPECT_EQ(findings[0].evidence, "seen early");
  const Finding& last = findings[kFindings - 1];
  const Finding& before = findings[kFindings - 2];
  EXPECT_EQ(last.evidence, "seen late");
  EXPECT_EQ(before.evidence, "seen late");
  EXPECT_NE(last.evidence.data(), before.evidence.data());
  EXPECT_EQ(findings[600].evidence, "host 600");
  EXPECT_EQ(findings[600].id, "F-600");
}

/// The table of shared texts finds each text it holds, by its bytes, as it grows, and no other.
TEST(SharedTexts, FindsEveryTextItHoldsAndNoOther) {
  PlaceStore store;  // keeps the texts
  SharedTexts shared;
  std::vector<Text> kept;
  auto hash = [](std::string_view s) {
    return static_cast<std::uint32_t>(std::hash<std::string_view>{}(s));
  };
  for (int i = 0; i < 5000; ++i) {
    std::string s = fmt::format("text {}", i);
    EXPECT_EQ(shared.find(s, hash(s)), nullptr) << s;
    kept.push_back(store.keep_text(s));
    shared.add(kept.back(), hash(s));
  }
  EXPECT_EQ(shared.size(), 5000u);
  // Equal hashes, different bytes: told apart.
  std::string other = "not held";
  EXPECT_EQ(shared.find(other, hash("text 7")), nullptr);
  for (int i = 0; i < 5000; ++i) {
    std::string s = fmt::format("text {}", i);
    const Text* found = shared.find(s, hash(s));
    ASSERT_NE(found, nullptr) << s;
    EXPECT_EQ(found->data(), kept[static_cast<size_t>(i)].data());
  }
}

/// Texts that share a hash (made to collide) are held as far as kMostProbes slots reach, and
/// the rest are not held: neither adding nor finding looks further.
TEST(SharedTexts, HoldsNoMoreTextsOfOneHashThanItLooksThrough) {
  PlaceStore store;
  SharedTexts shared;
  constexpr std::uint32_t kHash = 12345;
  for (int i = 0; i < 100; ++i) shared.add(store.keep_text(fmt::format("text {}", i)), kHash);
  EXPECT_EQ(shared.size(), SharedTexts::kMostProbes);
  for (int i = 0; i < 100; ++i) {
    std::string s = fmt::format("text {}", i);
    EXPECT_EQ(shared.find(s, kHash) != nullptr, static_cast<size_t>(i) < SharedTexts::kMostProbes)
        << s;
  }
}

/// A finding read as it is parsed keeps the places of its fields in 16 bits each, as distances
/// from its start, unless one is 32 KiB or more past it: then all of them in 32 bits. Either
/// way a problem is placed where it is, and a null value is told from an absent one.
TEST(ProjectLoader, PlacesTheFieldsOfAFindingNearAndFarFromItsStart) {
  for (size_t length : {size_t{100}, size_t{40000}}) {
    std::string evidence(length, 'x');
    std::string text = kMinimal +
                       "findings:\n  - id: F-1\n    title: Gate\n    evidence: " + evidence +
                       "\n    owner: null\n    severity: bogus\n";
    Diagnostics d;
    load_project("p.yaml", text, d);
    ASSERT_EQ(d.items().size(), 1u) << length;
    auto lines = static_cast<int>(std::count(kMinimal.begin(), kMinimal.end(), '\n'));
    EXPECT_EQ(d.items().front().mark.line, lines + 6) << length;
    EXPECT_EQ(d.items().front().mark.column, 15) << length;

    text.replace(text.find("bogus"), 5, "high");
    Diagnostics fine;
    auto project = load_project("p.yaml", text, fine);
    ASSERT_TRUE(project) << length;
    const Origin& origin = project->findings.front().origin;
    EXPECT_NE(origin.places(), nullptr) << length;
    EXPECT_TRUE(origin.has("owner"));
    EXPECT_FALSE(origin.has_value("owner"));
    EXPECT_TRUE(origin.has_value("evidence"));
    EXPECT_FALSE(origin.has("impact"));
    EXPECT_EQ(origin.mark_of("severity").line, lines + 6) << length;
    EXPECT_EQ(origin.mark_of("title").line, lines + 3) << length;
    project->release_documents();
    EXPECT_EQ(origin.places(), nullptr);  // freed with the trees
  }
}

TEST(ProjectLoader, RejectsMissingRequiredFields) {
  EXPECT_EQ(problems("commplan: 1\nproject:\n  name: A\n"),
            "p.yaml:3:3: error: project: missing required field \"client\"\n"
            "p.yaml:3:3: error: project: missing required field \"start\"\n"
            "p.yaml:3:3: error: project: missing required field \"end\"\n");
  EXPECT_EQ(problems("lang: en\n"),
            "p.yaml:1:1: error: missing required field \"commplan\"\n"
            "p.yaml:1:1: error: missing required field \"project\"\n");
}

TEST(ProjectLoader, AWrongEndDateIsOneErrorNotAWarningAtEveryDatedItem) {
  std::string items =
      "phases:\n  - {id: a, name: A, start: 2027-02-02, end: 2027-02-03}\n"
      "findings:\n  - {id: F-1, title: t, found: 2027-02-02}\n"
      "log:\n  - {date: 2027-02-02, done: [x]}\n";
  EXPECT_EQ(problems("commplan: 1\nproject: {name: A, client: B, start: 2027-02-01, "
                     "end: 2027-02-30}\n" +
                     items),
            "p.yaml:2:55: error: project.end: \"2027-02-30\" is not a real calendar date\n");
  EXPECT_EQ(problems("commplan: 1\nproject: {name: A, client: B, start: 2027-02-01, "
                     "end: 2027-01-30}\n" +
                     items),
            "p.yaml:2:55: error: project.end: the engagement ends (2027-01-30) before it starts "
            "(2027-02-01)\n");
  // With right dates, an item outside them is warned about.
  std::string out = problems(
      "commplan: 1\nproject: {name: A, client: B, start: 2027-02-03, end: 2027-02-05}\n" + items);
  EXPECT_NE(out.find("found on 2027-02-02, outside the engagement"), std::string::npos) << out;
}

TEST(ProjectLoader, PlacesTheProblemsOfAFindingThatDefinesAnAnchor) {
  // Such a finding keeps its subtree (an alias further on may repeat it), and its Origin its
  // node: the node given to the reader must live with the document, not on the parser's stack
  // (AddressSanitizer saw a stack read here).
  std::string text = kMinimal +
                     "findings:\n"
                     "  - id: F1\n"
                     "    title: &t Guest Wi-Fi bridged\n"
                     "    found: 2027-01-04\n"
                     "  - id: F2\n"
                     "    title: *t\n";
  EXPECT_EQ(problems(text),
            "p.yaml:10:12: warning: findings[0].found: found on 2027-01-04, outside the "
            "engagement\n");
}

TEST(ProjectLoader, ADuplicateKeyIsReportedWithTheFilesOtherProblems) {
  std::string text = testing::project_head() +
                     "team: [{name: A}]\n"
                     "findings:\n"
                     "  - {id: F-1, title: t, severity: huge}\n"
                     "team: [{name: B}]\n";
  EXPECT_EQ(problems(text),
            "p.yaml:9:35: error: findings[0].severity: unknown value \"huge\"; did you mean "
            "\"high\"?\n"
            "p.yaml:10:1: error: team: duplicate key \"team\" (first at line 7); this one is left "
            "out\n");
}

TEST(ProjectLoader, RejectsUnknownKeyWithSuggestion) {
  EXPECT_EQ(problems(kMinimal + "expectaions: [fast]\n"),
            "p.yaml:7:1: warning: expectaions: unknown field \"expectaions\"; did you mean "
            "\"expectations\"?\n");
}

TEST(ProjectLoader, RejectsUnknownEnumValues) {
  EXPECT_EQ(problems(kMinimal + "findings:\n  - id: F1\n    title: t\n    severity: hihg\n"),
            "p.yaml:10:15: error: findings[0].severity: unknown value \"hihg\"; did you mean "
            "\"high\"?\n");
  EXPECT_EQ(problems(kMinimal + "lang: fr\n"),
            "p.yaml:7:7: error: lang: unknown value \"fr\"; expected one of en, zh\n");
}

TEST(ProjectLoader, RejectsWrongTypes) {
  EXPECT_EQ(
      problems(kMinimal + "scope: one\nteam: {name: x}\nmeetings:\n  kickoff: {duration: 1h}\n"),
      "p.yaml:7:8: error: scope: expected a list, got a text\n"
      "p.yaml:8:7: error: team: expected a list, got a mapping\n"
      "p.yaml:10:23: error: meetings.kickoff.duration: expected a whole number (0 or more), "
      "got \"1h\"\n");
}

TEST(ProjectLoader, RejectsImpossibleDatesAndTimes) {
  EXPECT_EQ(problems(kMinimal + "log:\n  - date: 2026-02-30\n  - date: 12/08/2026\n"
                                "meetings:\n  daily_recap: {time: \"24:00\"}\n"),
            "p.yaml:8:11: error: log[0].date: \"2026-02-30\" is not a real calendar date\n"
            "p.yaml:9:11: error: log[1].date: expected a date YYYY-MM-DD, got \"12/08/2026\"\n"
            "p.yaml:11:24: error: meetings.daily_recap.time: expected a time HH:MM (00:00 to "
            "23:59), got \"24:00\"\n");
}

TEST(ProjectLoader, RejectsEndBeforeStart) {
  std::string text = kMinimal;
  text.replace(text.find("2026-12-18"), 10, "2026-12-01");
  EXPECT_EQ(problems(text),
            "p.yaml:6:8: error: project.end: the engagement ends (2026-12-01) before it starts "
            "(2026-12-07)\n");
  EXPECT_EQ(problems(kMinimal + "phases:\n  - {id: a, start: 2026-12-09, end: 2026-12-08}\n"),
            "p.yaml:8:37: error: phases[0].end: phase \"a\" ends (2026-12-08) before it starts "
            "(2026-12-09)\n");
}

TEST(ProjectLoader, RejectsFindingsOfUnknownPhases) {
  EXPECT_EQ(problems(kMinimal + "phases:\n  - {id: review, start: 2026-12-07, end: 2026-12-09}\n"
                                "findings:\n  - {id: F1, title: t, phase: reviw}\n"),
            "p.yaml:10:31: error: findings[0].phase: no phase has the id \"reviw\"; did you "
            "mean \"review\"?\n");
}

TEST(ProjectLoader, RejectsDuplicateIds) {
  EXPECT_EQ(problems(kMinimal + "findings:\n  - {id: F1, title: a}\n  - {id: F1, title: b}\n"),
            "p.yaml:9:10: error: findings[1].id: duplicate finding id \"F1\" (first used at "
            "p.yaml:8:10)\n");
}

TEST(ProjectLoader, RejectsTwoLogEntriesForOneDayByOneAuthor) {
  EXPECT_EQ(problems(kMinimal + "log:\n  - date: 2026-12-08\n  - date: 2026-12-08\n"),
            "p.yaml:9:11: error: log[1].date: a second log entry for 2026-12-08 (the first is at "
            "p.yaml:8:11); add to that one\n");
  EXPECT_EQ(problems(kMinimal + "log:\n  - {date: 2026-12-08, by: Li}\n"
                                "  - {date: 2026-12-08, by: Li}\n"),
            "p.yaml:9:12: error: log[1].date: a second log entry for 2026-12-08 by Li (the first "
            "is at p.yaml:8:12); add to that one\n");
}

TEST(ProjectLoader, TakesOneLogEntryADayPerAuthor) {
  EXPECT_EQ(problems(kMinimal + "log:\n  - {date: 2026-12-08, by: Li}\n"
                                "  - {date: 2026-12-08, by: Chen}\n  - {date: 2026-12-08}\n"),
            "");
}

TEST(ProjectLoader, RejectsUnknownTimeZones) {
  std::string text = kMinimal + "  timezone: Europe/Berln\n";
  EXPECT_EQ(problems(text),
            "p.yaml:7:13: error: project.timezone: unknown time zone \"Europe/Berln\"; expected "
            "an IANA name such as Asia/Shanghai\n");
  EXPECT_EQ(problems(kMinimal + "  timezone: Europe/Berlin\n"), "");
}

TEST(ProjectLoader, RejectsUnsupportedFormatVersions) {
  std::string text = kMinimal;
  text.replace(0, 11, "commplan: 2");
  EXPECT_EQ(problems(text),
            "p.yaml:1:11: error: commplan: unsupported format version 2; this commplan reads "
            "version 1\n");
}

TEST(ProjectLoader, RejectsEmptyAndNonMappingFiles) {
  EXPECT_EQ(problems(""), "p.yaml: error: the file is empty: expected a project mapping\n");
  EXPECT_EQ(problems("# only a comment\n"),
            "p.yaml: error: the file is empty: expected a project mapping\n");
  EXPECT_EQ(problems("- a\n"),
            "p.yaml:1:1: error: expected a mapping of fields at the top level\n");
}

TEST(ProjectLoader, KeepsTextFieldsAsWritten) {
  Diagnostics d;
  auto project =
      load_project("p.yaml", kMinimal + "team:\n  - {name: NO, role: 1.10, phone: 0123}\n", d);
  ASSERT_TRUE(project);
  EXPECT_EQ(project->team[0].name, "NO");
  EXPECT_EQ(project->team[0].role, "1.10");
  EXPECT_EQ(project->team[0].phone, "0123");
}

TEST(ProjectLoader, WarnsAboutASecondContactPerson) {
  EXPECT_EQ(problems(kMinimal + "client_team:\n  - {name: A, contact: true}\n"
                                "  - {name: B, contact: true}\n"),
            "p.yaml:9:24: warning: client_team[1].contact: \"B\" is a second contact person "
            "(\"A\" is one already)\n");
}

TEST(ProjectLoader, ReadsChineseSeverityStatusAndWorkdays) {
  std::string findings = "findings:\n";
  const std::vector<std::pair<std::string, std::string>> words = {
      {"严重", "待处理"}, {"高危", "已确认"},   {"高", "处理中"},
      {"中危", "已解决"}, {"中", "不处理"},     {"低危", "暂不处理"},
      {"低", "open"},     {"信息", "wont-fix"}, {"提示", "agreed"}};
  for (size_t i = 0; i < words.size(); ++i)
    findings += fmt::format("  - {{id: F{}, title: t, severity: {}, status: {}}}\n", i,
                            words[i].first, words[i].second);
  Diagnostics d;
  auto project = load_project(
      "p.yaml",
      kMinimal + "  workdays: [周一, 星期二, 周三, 星期四, 周五, 周六, 星期日]\n" + findings, d);
  ASSERT_TRUE(project);
  EXPECT_TRUE(d.items().empty()) << format_headline(d.items().at(0));
  std::vector<std::string> seen;
  for (const auto& f : project->findings)
    seen.push_back(fmt::format("{}/{}", to_string(*f.severity), to_string(*f.status)));
  EXPECT_EQ(join(seen, " "),
            "critical/open high/agreed high/in-progress medium/resolved medium/wont-fix "
            "low/wont-fix low/open info/wont-fix info/agreed");
  std::vector<std::string> days;
  for (Weekday day : project->project.workdays) days.emplace_back(to_string(day));
  EXPECT_EQ(join(days, " "), "mon tue wed thu fri sat sun");
  EXPECT_EQ(problems(kMinimal + "  workdays: [mon, 周一]\n"),
            "p.yaml:7:19: error: project.workdays[1]: \"周一\" (mon) is listed twice\n");
  // Each repeat once, at its item.
  EXPECT_EQ(problems(kMinimal + "  workdays: [sat, sat, 周六]\n"),
            "p.yaml:7:19: error: project.workdays[1]: \"sat\" is listed twice\n"
            "p.yaml:7:24: error: project.workdays[2]: \"周六\" (sat) is listed twice\n");
  EXPECT_EQ(problems(kMinimal + "  workdays: []\n"),
            "p.yaml:7:13: error: project.workdays: an empty list: no day of the week would be "
            "worked; leave it out for Monday to Friday\n");
  EXPECT_EQ(
      problems(kMinimal + "findings:\n  - {id: F1, title: t, severity: 紧急}\n"),
      "p.yaml:8:34: error: findings[0].severity: unknown value \"紧急\"; expected one of "
      "critical, high, medium, low, info (or 严重, 高危, 高, 中危, 中, 低危, 低, 信息, 提示)\n");
}

TEST(ProjectLoader, SuggestsTheWeekdayForCapitalisedAndLongNames) {
  EXPECT_EQ(problems(kMinimal + "  workdays: [Mon, Tue, monday, Wednesday, THURSDAY, fri]\n"),
            "p.yaml:7:14: error: project.workdays[0]: unknown value \"Mon\"; did you mean "
            "\"mon\"?\n"
            "p.yaml:7:19: error: project.workdays[1]: unknown value \"Tue\"; did you mean "
            "\"tue\"?\n"
            "p.yaml:7:24: error: project.workdays[2]: unknown value \"monday\"; did you mean "
            "\"mon\"?\n"
            "p.yaml:7:32: error: project.workdays[3]: unknown value \"Wednesday\"; did you mean "
            "\"wed\"?\n"
            "p.yaml:7:43: error: project.workdays[4]: unknown value \"THURSDAY\"; did you mean "
            "\"thu\"?\n");
  EXPECT_EQ(problems(kMinimal + "findings:\n  - {id: F1, title: t, severity: High, status: In "
                                "Progress}\n"),
            "p.yaml:8:34: error: findings[0].severity: unknown value \"High\"; did you mean "
            "\"high\"?\n"
            "p.yaml:8:48: error: findings[0].status: unknown value \"In Progress\"; did you mean "
            "\"in-progress\"?\n");
}

TEST(ProjectLoader, ReadsYaml12Booleans) {
  for (std::string word : {"true", "True", "TRUE", "false", "False", "FALSE"}) {
    Diagnostics d;
    auto project = load_project(
        "p.yaml", kMinimal + fmt::format("client_team:\n  - {{name: A, contact: {}}}\n", word), d);
    ASSERT_TRUE(project);
    EXPECT_TRUE(d.items().empty()) << word;
    EXPECT_EQ(project->client_team[0].contact, word[0] == 't' || word[0] == 'T') << word;
  }
  EXPECT_EQ(problems(kMinimal + "client_team:\n  - {name: A, contact: yes}\n"
                                "  - {name: B, contact: \"true\"}\n"),
            "p.yaml:8:24: error: client_team[0].contact: expected true or false, got \"yes\"\n"
            "p.yaml:9:25: error: client_team[1].contact: expected true or false, got the text "
            "\"true\"; write it without quotes\n");
}

TEST(ProjectLoader, ReadsWholeNumbersAsTheSchemaTypesThem) {
  auto duration = [](const std::string& value) {
    Diagnostics d;
    auto project =
        load_project("p.yaml", kMinimal + "meetings:\n  kickoff: {duration: " + value + "}\n", d);
    return d.items().empty() ? std::to_string(project->meetings.kickoff.duration.value_or(-1))
                             : format_headline(d.items()[0]);
  };
  EXPECT_EQ(duration("60"), "60");
  EXPECT_EQ(duration("60.0"), "60");
  EXPECT_EQ(duration("0x3C"), "60");
  EXPECT_EQ(duration("9999999"), "9999999");
  EXPECT_EQ(duration("\"60\""),
            "p.yaml:8:24: error: meetings.kickoff.duration: expected a whole number (0 or more), "
            "got the text \"60\"; write it without quotes");
  EXPECT_EQ(duration("60.5"),
            "p.yaml:8:23: error: meetings.kickoff.duration: expected a whole number (0 or more), "
            "got \"60.5\"");
  EXPECT_EQ(duration("-1"),
            "p.yaml:8:23: error: meetings.kickoff.duration: expected a whole number from 0 to "
            "9999999, got -1");
  EXPECT_EQ(duration("10000000"),
            "p.yaml:8:23: error: meetings.kickoff.duration: expected a whole number from 0 to "
            "9999999, got 10000000");
  EXPECT_EQ(duration("true"),
            "p.yaml:8:23: error: meetings.kickoff.duration: expected a whole number (0 or more), "
            "got \"true\"");
}

TEST(ProjectLoader, RejectsNulInEveryText) {
  const std::string json =
      R"({"commplan": 1, "project": {"name": "A", "client": "B", "start": "2026-12-07",)"
      "\n"
      R"("end": "2026-12-08", "timezone": "UTC\u0000garbage", "summary": "a\u0000b"}})";
  Diagnostics d;
  load_project("p.json", json, d);
  std::string headlines;
  for (const auto& item : d.items()) headlines += format_headline(item) + "\n";
  EXPECT_EQ(headlines,
            "p.json:2:35: error: project.timezone: a text cannot hold a NUL character (\\u0000 "
            "or \\0)\n"
            "p.json:2:66: error: project.summary: a text cannot hold a NUL character (\\u0000 "
            "or \\0)\n");
  EXPECT_EQ(problems(kMinimal + "findings:\n  - {id: \"F\\01\", title: t, severity: \"low\\0\"}\n"
                                "log:\n  - date: \"2026-12-08\\0x\"\n"),
            "p.yaml:8:11: error: findings[0].id: a text cannot hold a NUL character (\\u0000 or "
            "\\0)\n"
            "p.yaml:8:39: error: findings[0].severity: a text cannot hold a NUL character "
            "(\\u0000 or \\0)\n"
            "p.yaml:10:12: error: log[0].date: a text cannot hold a NUL character (\\u0000 or "
            "\\0)\n");
}

TEST(ProjectLoader, WarnsAboutExtraWorkdaysThatAreNotRestDaysInTheEngagement) {
  // 12-12 is a Saturday (fine), 12-09 a Wednesday, 12-19 after the end, 12-13 also a holiday.
  EXPECT_EQ(problems(testing::project_head("2026-12-07", "2026-12-18",
                                           "  holidays: [2026-12-13]\n"
                                           "  extra_workdays: [2026-12-12, 2026-12-09, 2026-12-19, "
                                           "2026-12-13]\n")),
            "p.yaml:8:32: warning: project.extra_workdays[1]: extra workday 2026-12-09 is "
            "already a workday\n"
            "p.yaml:8:44: warning: project.extra_workdays[2]: extra workday 2026-12-19 is outside "
            "the engagement (2026-12-07 to 2026-12-18)\n"
            "p.yaml:8:56: warning: project.extra_workdays[3]: extra workday 2026-12-13 is also a "
            "holiday, which wins\n");
}

TEST(ProjectLoader, ReportsAnUnreadableExtraWorkdayOnlyAsItsError) {
  std::string out = problems(
      testing::project_head("2026-12-07", "2026-12-18", "  extra_workdays: [2026-12-32]\n"));
  EXPECT_NE(out.find("error: project.extra_workdays[0]"), std::string::npos) << out;
  EXPECT_EQ(out.find("warning"), std::string::npos) << out;
}

TEST(ProjectLoader, ReadsJsonProjects) {
  Diagnostics d;
  auto project =
      load_project("p.json",
                   R"({"commplan": 1, "project": {"name": "A", "client": "B", "start": "2026-12-07",
          "end": "2026-12-08"}, "findings": [{"id": "F1", "title": "t", "severity": "low"}]})",
                   d);
  ASSERT_TRUE(project);
  EXPECT_TRUE(d.items().empty());
  EXPECT_EQ(project->findings[0].severity, Severity::low);
}

TEST(ProjectSchema, DescribesEveryFieldOfTheModel) {
  nlohmann::json schema = project_schema();
  EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema["required"], nlohmann::json::array({"commplan", "project"}));
  // The one version validate reads: an editor using the schema warns of another.
  EXPECT_EQ(schema["properties"]["commplan"],
            (nlohmann::json{{"const", 1}, {"description", "File format version: 1"}}));
  auto finding = schema["properties"]["findings"]["items"];
  EXPECT_EQ(finding["properties"]["severity"]["anyOf"][0]["enum"],
            nlohmann::json::array({"critical", "high", "medium", "low", "info", "严重", "高危",
                                   "高", "中危", "中", "低危", "低", "信息", "提示"}));
  auto duration =
      schema["properties"]["meetings"]["properties"]["kickoff"]["properties"]["duration"];
  EXPECT_EQ(duration["type"], nlohmann::json::array({"integer", "null"}));
  EXPECT_EQ(duration["maximum"], 9'999'999);
  EXPECT_EQ(finding["properties"].size(), 24u);
  EXPECT_FALSE(finding["additionalProperties"]);
  // A text list's item is a text or {text, internal}.
  auto scope_item = schema["properties"]["scope"]["items"];
  ASSERT_EQ(scope_item["anyOf"].size(), 2u);
  EXPECT_EQ(scope_item["anyOf"][1]["required"], nlohmann::json::array({"text"}));
  EXPECT_FALSE(scope_item["anyOf"][1]["additionalProperties"]);
}

}  // namespace
}  // namespace commplan
