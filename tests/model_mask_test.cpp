// Sensitive data in a project (model/mask.hpp): masked in every text of the client's project,
// left as it is for the team and with Masking::off, and warned about by validate at the match.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "model/mask.hpp"
#include "model/project.hpp"
#include "template_fixtures.hpp"
#include "test_helpers.hpp"

namespace commplan {
namespace {

const std::string kCard = "4111 1111 1111 1111";
const std::string kCardMasked = "4111 **** **** 1111";
const std::string kIban = "DE89 3704 0044 0532 0130 00";
const std::string kIbanMasked = "DE89 **** **** **** **30 00";
const std::string kAws = "AKIAIOSFODNN7EXAMPLE";
const std::string kAwsMasked = "AKIA****************";
const std::string kGithub = "ghp_" + std::string(36, 'a');
const std::string kGithubMasked = "ghp_****************";
const std::string kJwt =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
    "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
const std::string kJwtMasked = "eyJhbGci…[masked]";
const std::string kKeyBody = "MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu";

// Each kind in a text of every depth: top-level lists, nested objects, their lists, optional
// objects, questions of both forms, minutes and their actions and confirmations.
const std::string kProject =
    testing::project_head("2026-12-07", "2026-12-18", "  summary: billing " + kCard + "\n") +
    "team:\n"
    "  - name: Chen\n"
    "    responsibilities: [key " +
    kAws +
    "]\n"
    "client_team:\n"
    "  - {name: Wang, contact: true}\n"
    "scope: [pay to " +
    kIban +
    "]\n"
    "method:\n"
    "  steps: [token " +
    kGithub +
    "]\n"
    "phases:\n"
    "  - {id: p1, start: 2026-12-07, end: 2026-12-18, activities: [jwt " +
    kJwt +
    "]}\n"
    "meetings:\n"
    "  kickoff: {location: room " +
    kCard +
    "}\n"
    "findings:\n"
    "  - id: F1\n"
    "    title: Card " +
    kCard +
    " in logs\n"
    "    found: 2026-12-08\n"
    "    severity: high\n"
    "    evidence: |\n"
    "      The server held:\n"
    "      -----BEGIN RSA PRIVATE KEY-----\n"
    "      " +
    kKeyBody +
    "\n"
    "      -----END RSA PRIVATE KEY-----\n"
    "    client_feedback: use " +
    kIban +
    "\n"
    "    history:\n"
    "      - {date: 2026-12-09, note: seen " +
    kAws + ", notified: {to: " + kGithub +
    ", via: phone}}\n"
    "log:\n"
    "  - date: 2026-12-08\n"
    "    by: Chen\n"
    "    done: [read " +
    kJwt + ", {text: paid with " + kCard +
    "}]\n"
    "    questions:\n"
    "      - whose is " +
    kIban +
    "?\n"
    "      - {question: is " +
    kAws + " live?, answer: rotated " + kGithub +
    "}\n"
    "minutes:\n"
    "  - meeting: daily\n"
    "    date: 2026-12-08\n"
    "    decisions: [rotate " +
    kAws +
    "]\n"
    "    actions: [{what: block " +
    kCard +
    "}]\n"
    "    confirmations: [{what: closed " +
    kIban +
    "}]\n"
    "communications:\n"
    "  - {id: c1, why: leaked " +
    kJwt + "}\n";

Project load(const std::string& text, Audience audience, Masking masking = Masking::on) {
  Diagnostics diagnostics;
  auto project = load_project("-", text, diagnostics, {}, nullptr, audience, masking);
  EXPECT_TRUE(project.has_value());
  EXPECT_FALSE(diagnostics.has_errors())
      << (diagnostics.items().empty() ? "" : format_diagnostic(diagnostics.items().front()));
  return project.value_or(Project{});
}

TEST(MaskProject, MasksEveryKindInEveryTextOfTheClientsProject) {
  Project p = load(kProject, Audience::client);
  EXPECT_EQ(p.project.summary, "billing " + kCardMasked);
  EXPECT_EQ(p.team.at(0).responsibilities.at(0), "key " + kAwsMasked);
  EXPECT_EQ(p.scope.at(0), "pay to " + kIbanMasked);
  EXPECT_EQ(p.method.steps.at(0), "token " + kGithubMasked);
  EXPECT_EQ(p.phases.at(0).activities.at(0), "jwt " + kJwtMasked);
  EXPECT_EQ(p.meetings.kickoff.location, "room " + kCardMasked);
  const Finding& f = p.findings.at(0);
  EXPECT_EQ(f.title, "Card " + kCardMasked + " in logs");
  EXPECT_EQ(f.evidence,
            "The server held:\n-----BEGIN RSA PRIVATE KEY-----\n[private key masked]\n"
            "-----END RSA PRIVATE KEY-----\n");
  EXPECT_EQ(f.client_feedback, "use " + kIbanMasked);
  EXPECT_EQ(f.history.at(0).note, "seen " + kAwsMasked);
  ASSERT_TRUE(f.history.at(0).notified.has_value());
  EXPECT_EQ(f.history.at(0).notified->to, kGithubMasked);
  EXPECT_EQ(f.history.at(0).notified->via, "phone");
  const LogEntry& e = p.log.at(0);
  EXPECT_EQ(e.done, (std::vector<std::string>{"read " + kJwtMasked, "paid with " + kCardMasked}));
  EXPECT_EQ(e.questions.at(0).text, "whose is " + kIbanMasked + "?");
  EXPECT_EQ(e.questions.at(1).text, "is " + kAwsMasked + " live?");
  EXPECT_EQ(e.questions.at(1).answer, "rotated " + kGithubMasked);
  const Minutes& m = p.minutes.at(0);
  EXPECT_EQ(m.decisions.at(0), "rotate " + kAwsMasked);
  EXPECT_EQ(m.actions.at(0).what, "block " + kCardMasked);
  EXPECT_EQ(m.confirmations.at(0).what, "closed " + kIbanMasked);
  EXPECT_EQ(p.communications.at(0).why, "leaked " + kJwtMasked);
}

TEST(MaskProject, LeavesWhatIsNoTextAsItIs) {
  Project p = load(kProject, Audience::client);
  const Finding& f = p.findings.at(0);
  EXPECT_EQ(f.id, "F1");
  EXPECT_EQ(f.severity, Severity::high);
  EXPECT_EQ(format_date(*f.found), "2026-12-08");
  EXPECT_EQ(format_date(f.history.at(0).date), "2026-12-09");
  EXPECT_EQ(p.project.name, "Audit");
  EXPECT_EQ(p.client_team.at(0).contact, true);
  EXPECT_TRUE(f.origin.from_file());
  EXPECT_TRUE(f.origin.has("severity"));
}

TEST(MaskProject, TheTeamAndNoMaskSeeTheTextsAsWritten) {
  for (Project p : {load(kProject, Audience::team), load(kProject, Audience::client, Masking::off),
                    load(kProject, Audience::team, Masking::on)}) {
    EXPECT_EQ(p.project.summary, "billing " + kCard);
    EXPECT_EQ(p.findings.at(0).history.at(0).notified->to, kGithub);
    EXPECT_NE(p.findings.at(0).evidence.view().find(kKeyBody), std::string::npos);
    EXPECT_EQ(p.log.at(0).done.at(0), "read " + kJwt);
  }
}

TEST(MaskProject, MasksAModelBuiltByHand) {
  Project p;
  Finding f;
  f.evidence = "a " + kCard + " and " + kAws;
  f.history.push_back(HistoryEntry{});
  f.history.back().feedback = kIban;
  p.findings.push_back(f);
  p.questions = {"is " + kGithub + " ours?", "nothing here"};
  mask_project(p);
  EXPECT_EQ(p.findings[0].evidence, "a " + kCardMasked + " and " + kAwsMasked);
  EXPECT_EQ(p.findings[0].history[0].feedback, kIbanMasked);
  EXPECT_EQ(p.questions,
            (std::vector<std::string>{"is " + kGithubMasked + " ours?", "nothing here"}));
}

/// The warnings about sensitive data in `text`, loaded as `file` without an error.
std::vector<Diagnostic> sensitive_in(const std::string& text, const std::string& file = "-") {
  Diagnostics diagnostics;
  auto project = load_project(file, text, diagnostics);
  for (const Diagnostic& d : diagnostics.items())
    if (d.level == Level::error) ADD_FAILURE() << format_diagnostic(d);
  Diagnostics found;
  if (project) warn_sensitive(*project, found);
  return found.items();
}

/// The headlines of the warnings about sensitive data in `text`.
std::vector<std::string> warnings(const std::string& text) {
  std::vector<std::string> out;
  for (const Diagnostic& d : sensitive_in(text)) out.push_back(format_headline(d));
  return out;
}

std::string warning(int line, int column, const std::string& path, const std::string& kind) {
  return "<stdin>:" + std::to_string(line) + ":" + std::to_string(column) + ": warning: " + path +
         ": looks like " + kind + "; it is masked on client pages (--no-mask shows it)";
}

TEST(WarnSensitive, PlacesEachMatchOfAPlainOrQuotedTextAtItsColumn) {
  std::string text = testing::project_head() +  // lines 1-6
                     "scope:\n"
                     "  - card " +
                     kCard + " and " + kCard +
                     "\n"
                     "  - \"tab\\t" +
                     kIban +
                     "\"\n"
                     "  - '中文 " +
                     kAws +
                     "'\n"
                     "questions: [{text: \"" +
                     kGithub + "\"}]\n";
  EXPECT_EQ(warnings(text), (std::vector<std::string>{
                                warning(8, 10, "scope[0]", "a payment card number"),
                                warning(8, 34, "scope[0]", "a payment card number"),
                                warning(9, 11, "scope[1]", "an IBAN"),
                                warning(10, 9, "scope[2]", "an AWS access key id"),
                                warning(11, 21, "questions[0].text", "a GitHub token"),
                            }));
}

TEST(WarnSensitive, PlacesAMatchInABlockTextAtItsLine) {
  std::string text = testing::project_head() +  // lines 1-6
                     "findings:\n"
                     "  - id: F1\n"
                     "    title: t\n"
                     "    evidence: |\n"
                     "      The server held:\n"
                     "      -----BEGIN RSA PRIVATE KEY-----\n"
                     "      " +
                     kKeyBody +
                     "\n"
                     "      -----END RSA PRIVATE KEY-----\n"
                     "      and " +
                     kJwt +
                     "\n"
                     "    impact: >\n"
                     "      folded 4111 1111\n"
                     "      1111 1111 across lines\n";
  EXPECT_EQ(warnings(text), (std::vector<std::string>{
                                warning(12, 7, "findings[0].evidence", "a private key"),
                                warning(15, 11, "findings[0].evidence", "a JSON Web Token"),
                                warning(17, 7, "findings[0].impact", "a payment card number"),
                            }));
}

TEST(WarnSensitive, WarnsOnceAboutAnAliasedText) {
  std::string text = testing::project_head() + "scope: [&card \"" + kCard +
                     "\", *card]\n"
                     "expectations:\n"
                     "  - *card\n"
                     "meetings:\n"
                     "  kickoff: &room\n"
                     "    location: room " +
                     kAws +
                     "\n"
                     "  daily_recap: *room\n"
                     "  phase_recap: {location: *card}\n";
  EXPECT_EQ(warnings(text),
            (std::vector<std::string>{
                warning(7, 16, "scope[0]", "a payment card number"),
                warning(12, 20, "meetings.kickoff.location", "an AWS access key id")}));
}

TEST(WarnSensitive, WarnsAboutTheFindingsInTheDocumentsOrderOnceEach) {
  // The findings are walked as they are parsed, apart from the rest of the tree: the warnings
  // still come in the document's order, and a text anchored in one finding and repeated by an
  // alias in the next once.
  std::string text = testing::project_head() +  // lines 1-6
                     "scope: [" + kCard +
                     "]\n"
                     "findings:\n"
                     "  - {id: F1, title: t, evidence: &e \"" +
                     kCard +
                     "\"}\n"
                     "  - {id: F2, title: t, evidence: *e, impact: " +
                     kAws + "}\n";
  EXPECT_EQ(warnings(text), (std::vector<std::string>{
                                warning(7, 9, "scope[0]", "a payment card number"),
                                warning(9, 38, "findings[0].evidence", "a payment card number"),
                                warning(10, 46, "findings[1].impact", "an AWS access key id"),
                            }));
}

TEST(WarnSensitive, ForgetsTheFindingsAParserGaveUpOn) {
  // An anchor after the findings: the fast YAML reader gives up once it has given them, and
  // libfyaml gives them again. Each warning is made once.
  std::string text = testing::project_head() +  // lines 1-6
                     "findings:\n"
                     "  - {id: F1, title: t, evidence: " +
                     kCard +
                     "}\n"
                     "scope: [&s x, *s]\n";
  EXPECT_EQ(
      warnings(text),
      (std::vector<std::string>{warning(8, 34, "findings[0].evidence", "a payment card number")}));
}

TEST(WarnSensitive, ReadsAJsonProjectsFindingsToo) {
  std::string text = R"({"commplan": 1, "project": {"name": "p", "client": "c", "start": )"
                     R"("2026-12-07", "end": "2026-12-18"}, "findings": [{"id": "F1", )"
                     R"("title": "t", "evidence": "tab\t)" +
                     kIban + R"("}, {"id": "F2", "title": ")" + kAws + R"("}]})";
  std::vector<std::string> paths;
  for (const Diagnostic& d : sensitive_in(text, "p.json")) paths.push_back(d.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"findings[0].evidence", "findings[1].title"}));
}

TEST(WarnSensitive, QuotesTheSourceLineMasked) {
  std::string text = testing::project_head() + "scope: [\"" + kJwt + "\", " + kCard + "]\n";
  std::vector<Diagnostic> found = sensitive_in(text);
  ASSERT_EQ(found.size(), 2u);
  std::string line = "scope: [\"" + kJwtMasked + "\", " + kCardMasked + "]";
  EXPECT_EQ(found[1].excerpt.text, line);
  EXPECT_EQ(found[1].excerpt.caret, line.find(kCardMasked));
  EXPECT_EQ(format_diagnostic(found[0]),
            warning(7, 10, "scope[0]", "a JSON Web Token") + "\n " + line + "\n          ^");
}

TEST(WarnSensitive, MasksInTheQuotedLineWhatOnlyTheTextShows) {
  // In the source the IBAN follows `\t`, a letter: only the text, with the escape undone, has it.
  std::string text = testing::project_head() + "scope: [\"tab\\t" + kIban + "\"]\n";
  std::vector<Diagnostic> found = sensitive_in(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(format_diagnostic(found[0]), warning(7, 15, "scope[0]", "an IBAN") +
                                             "\n scope: [\"tab\\t" + kIbanMasked +
                                             "\"]\n               ^");
}

TEST(WarnSensitive, MasksInEveryQuotedLineWhatOnlyATextShows) {
  // Two warnings on one line: the IBAN (after `\t`, found in the text only) is masked in the
  // line quoted under the other warning too, whether that one comes first or after it.
  for (bool iban_first : {true, false}) {
    std::string iban = "\"tab\\t" + kIban + "\"";
    std::string text = testing::project_head() + "scope: [" + (iban_first ? iban : kAws) + ", " +
                       (iban_first ? kAws : iban) + "]\n";
    std::vector<Diagnostic> found = sensitive_in(text);
    ASSERT_EQ(found.size(), 2u);
    for (const Diagnostic& d : found) {
      SCOPED_TRACE(format_diagnostic(d));
      EXPECT_EQ(d.excerpt.text.find(kIban), std::string::npos);
      EXPECT_EQ(d.excerpt.text.find(kAws), std::string::npos);
      EXPECT_NE(d.excerpt.text.find(kIbanMasked), std::string::npos);
    }
  }
}

TEST(WarnSensitive, ValidateWarnsAndStrictFails) {
  std::string text = testing::project_head() + "scope: [" + kCard + "]\n";
  testing::RunResult r = testing::run_cli({"validate", "-"}, text);
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.err.find(warning(7, 9, "scope[0]", "a payment card number")), std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find(kCard), std::string::npos) << r.err;
  EXPECT_EQ(testing::run_cli({"validate", "--strict", "-"}, text).code, 4);
}

TEST(WarnSensitive, WarnsAboutTheFilesOfLogDir) {
  tmpl::testing::TempDir tmp;
  std::string project = tmp.write("p.yaml", testing::project_head() + "log_dir: logs\n");
  std::filesystem::create_directories(tmp.path() / "logs");
  std::string log =
      tmp.write("logs/a.yaml", "log:\n  - date: 2026-12-08\n    done: [" + kAws + "]\n");
  testing::RunResult r = testing::run_cli({"validate", project});
  EXPECT_NE(r.err.find(log + ":3:12: warning: log[0].done[0]: looks like an AWS access key id"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace commplan
