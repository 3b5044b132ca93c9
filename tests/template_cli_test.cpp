// `commplan render` and `commplan templates`, run in-process.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "template_fixtures.hpp"
#include "test_helpers.hpp"

namespace commplan {
namespace {

using commplan::testing::run_cli;
using tmpl::testing::TempDir;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(RenderCommand, RendersJsonData) {
  TempDir dir;
  std::string tmpl = dir.write("t.mustache", "{{#people}}- {{name}} ({{age}})\n{{/people}}");
  std::string data = dir.write("d.json", R"({"people": [{"name": "A & B", "age": 1.5}]})");
  auto r = run_cli({"render", tmpl, "--data", data});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "- A &amp; B (1.5)\n");
}

TEST(RenderCommand, RendersYamlDataFromStdinWithMarkdownEscaping) {
  TempDir dir;
  std::string tmpl = dir.write("t.mustache", "| {{title}} | {{version}} |\n");
  auto r = run_cli({"render", tmpl, "--data", "-", "--escape", "markdown"},
                   "title: \"a | b\"\nversion: 12345678901\n");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "| a \\| b | 12345678901 |\n");
}

TEST(RenderCommand, YamlFileAndAnyJsonValue) {
  TempDir dir;
  std::string tmpl = dir.write("t.mustache", "{{#.}}<{{.}}>{{/.}}");
  std::string data = dir.write("d.yaml", "- one\n- two\n");
  auto r = run_cli({"render", tmpl, "--data", data});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "<one><two>");
}

TEST(RenderCommand, TemplateFromStdinWithoutData) {
  auto r = run_cli({"render", "-", "--escape", "none"}, "<{{missing}}>");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "<>");
  EXPECT_EQ(run_cli({"render", "-", "--data", "-"}).code, 2);
}

TEST(RenderCommand, StrictMissingVariableExitsFour) {
  TempDir dir;
  std::string tmpl = dir.write("t.mustache", "Client: {{client.name}}\n");
  auto r = run_cli({"render", tmpl, "--strict"});
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, tmpl +
                       ":1:9: error: missing variable \"client.name\"\n Client: "
                       "{{client.name}}\n         ^\n");
}

TEST(RenderCommand, TemplateAndDataErrorsTogetherExitOne) {
  TempDir dir;
  std::string tmpl = dir.write("t.mustache", "{{#a}}\n");
  std::string data = dir.write("d.json", "{\"a\": }");
  auto r = run_cli({"render", tmpl, "--data", data});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(tmpl + ":1:7: error: unclosed section \"a\" (opened at 1:1)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(data + ":1:"), std::string::npos) << r.err;
}

TEST(RenderCommand, MissingFilesExitThree) {
  EXPECT_EQ(run_cli({"render", "/nonexistent/t.mustache"}).code, 3);
  TempDir dir;
  std::string tmpl = dir.write("t.mustache", "x");
  EXPECT_EQ(run_cli({"render", tmpl, "--data", "/nonexistent/d.json"}).code, 3);
  auto r = run_cli({"render", tmpl, "--partials", "/nonexistent/partials"});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err,
            "/nonexistent/partials: error: cannot read templates: No such file or directory\n");
  r = run_cli({"render", tmpl, "--partials", tmpl});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, tmpl + ": error: cannot read templates: not a directory\n");
}

TEST(RenderCommand, ByteOrderMarksOfTemplatesAreNotOutput) {
  TempDir dir;
  std::string tmpl = dir.write("t.mustache", "\xEF\xBB\xBF{{>p}} {{a}}\n");
  dir.write("p.mustache", "\xEF\xBB\xBFHello");
  std::string data = dir.write("d.yaml", "a: 1\n");
  auto r = run_cli({"render", tmpl, "--data", data});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "Hello 1\n");
  // Columns count from after the mark.
  std::string bad = dir.write("bad.mustache", "\xEF\xBB\xBF{{#a}}");
  r = run_cli({"render", bad, "--data", data});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(bad + ":1:7: error: unclosed section \"a\" (opened at 1:1)"),
            std::string::npos)
      << r.err;
}

TEST(RenderCommand, BadEscapeIsAUsageError) {
  EXPECT_EQ(run_cli({"render", "-", "--escape", "latex"}, "x").code, 2);
}

TEST(RenderCommand, PartialsBesideTheTemplateThenPartialsOption) {
  TempDir dir, other;
  std::string tmpl = dir.write("main.mustache", "{{>header}}|{{>rows/row}}");
  dir.write("header.mustache", "beside");
  dir.write("rows/row.mustache", "row beside");
  other.write("header.mustache", "from --partials");
  auto r = run_cli({"render", tmpl});
  EXPECT_EQ(r.out, "beside|row beside");
  r = run_cli({"render", tmpl, "--partials", other.str()});
  EXPECT_EQ(r.out, "from --partials|row beside");
}

TEST(RenderCommand, PartialsFromTheTemplatesFolderVariable) {
  TempDir dir, shared;
  std::string tmpl = dir.write("main.mustache", "{{>shared}}");
  shared.write("shared.mustache", "shared text");
  auto r = run_cli({"render", tmpl}, "", {{"COMMPLAN_TEMPLATES_DIR", shared.str()}});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "shared text");
}

TEST(RenderCommand, PartialTraversalIsRefused) {
  TempDir dir;
  dir.write("secret.mustache", "secret");
  std::string tmpl = dir.write("t/main.mustache", "{{> ../secret}}");
  auto r = run_cli({"render", tmpl});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(tmpl + ":1:1: error: invalid partial name \"../secret\""), std::string::npos)
      << r.err;
}

TEST(RenderCommand, PartialLinkedOutsideTheFoldersIsRefused) {
  TempDir dir;
  dir.write("secret.mustache", "secret");
  std::string tmpl = dir.write("t/main.mustache", "[{{> evil}}]");
  std::filesystem::create_symlink("../secret.mustache", dir.path() / "t" / "evil.mustache");
  auto r = run_cli({"render", tmpl});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
            tmpl + ":1:2: error: invalid partial \"evil\": " + dir.str() +
                "/t/evil.mustache resolves to " +
                std::filesystem::canonical(dir.path() / "secret.mustache").string() +
                ", outside the template directories");
}

TEST(RenderCommand, UnknownPartialIsEmptyTextWithAWarning) {
  TempDir dir;
  std::string tmpl = dir.write("t.mustache", "[{{>nope}}]{{#a}}{{>*name}}{{/a}}\n");
  auto r = run_cli({"render", tmpl, "--data", "-"}, R"({"a": [1, 2], "name": "gone"})");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "[]\n");
  EXPECT_EQ(
      r.err,
      tmpl + ":1:2: warning: unknown partial \"nope\": no nope.mustache in " + dir.str() +
          ", the built-ins; it renders as empty text\n [{{>nope}}]{{#a}}{{>*name}}{{/a}}\n  ^\n" +
          tmpl + ":1:18: warning: unknown partial \"gone\": no gone.mustache in " + dir.str() +
          ", the built-ins; it renders as empty text\n" + " [{{>nope}}]{{#a}}{{>*name}}{{/a}}\n" +
          std::string(18, ' ') + "^\n");
}

TEST(RenderCommand, StrictMakesAnUnknownPartialAnError) {
  TempDir dir;
  std::string tmpl = dir.write("t.mustache", "[{{>nope}}]");
  auto r = run_cli({"render", tmpl, "--strict"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
            tmpl + ":1:2: error: unknown partial \"nope\": no nope.mustache in " + dir.str() +
                ", the built-ins");
  tmpl = dir.write("d.mustache", "[{{>*name}}]");
  r = run_cli({"render", tmpl, "--strict", "--data", "-"}, R"({"name": "nope"})");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(tmpl + ":1:2: error: unknown partial \"nope\""), std::string::npos) << r.err;
}

TEST(RenderCommand, PassesTheSpecsFailedLookupTests) {
  int cases = 0;
  for (const char* file : {"partials.json", "~dynamic-names.json"}) {
    std::ifstream in(std::string(COMMPLAN_SPEC_DIR) + "/" + file);
    if (!in) GTEST_SKIP() << "no Mustache spec at " << COMMPLAN_SPEC_DIR;
    const nlohmann::json spec = nlohmann::json::parse(in);
    for (const auto& test : spec["tests"]) {
      std::string name = test["name"];
      if (name.find("Failed Lookup") == std::string::npos) continue;
      TempDir dir, partials;
      std::string tmpl = dir.write("t.mustache", test["template"]);
      std::string data = dir.write("d.json", test["data"].dump());
      for (const auto& [partial, text] : test["partials"].items())
        partials.write(partial + ".mustache", text);
      auto r = run_cli({"render", tmpl, "--data", data, "--partials", partials.str()});
      EXPECT_EQ(r.code, 0) << name << ": " << r.err;
      EXPECT_EQ(r.out, test["expected"]) << name;
      ++cases;
    }
  }
  EXPECT_EQ(cases, 4);
}

TEST(BriefCommands, KeepAnUnknownPartialAnError) {
  TempDir dir;
  std::string tmpl = dir.write("k.mustache", "# {{project.name}}\n{{>nope}}\n");
  for (std::string command : {"kickoff", "plan", "five-w2h"}) {
    auto r = run_cli({command, "-", "--template", tmpl}, commplan::testing::project_head());
    EXPECT_EQ(r.code, 1) << command;
    EXPECT_NE(r.err.find(tmpl + ":2:1: error: unknown partial \"nope\""), std::string::npos)
        << command << ": " << r.err;
  }
}

TEST(BriefCommands, RefuseATemplateForAFormatWrittenFromTheView) {
  TempDir dir;
  std::string tmpl = dir.write("k.mustache", "# {{project.name}}\n");
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
           {"kickoff", "-", "--format", "json"}, {"plan", "-", "--format", "ics"}}) {
    args.insert(args.end(), {"--template", tmpl});
    auto r = run_cli(args, commplan::testing::project_head());
    EXPECT_EQ(r.code, 2) << args[0];
    EXPECT_EQ(r.out, "") << args[0];
    EXPECT_NE(r.err.find("--template: error: --format " + args[3] +
                         " is written from the view, not from a template"),
              std::string::npos)
        << r.err;
  }
}

TEST(RenderCommand, OutputFileIsWrittenWholeOrNotAtAll) {
  TempDir dir;
  std::string out = dir.write("out.md", "old");
  std::string good = dir.write("good.mustache", "new {{x}}");
  std::string bad = dir.write("bad.mustache", "new {{x}}");
  auto r = run_cli({"render", bad, "--strict", "-o", out});
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(read(out), "old");
  r = run_cli({"render", good, "--data", "-", "-o", out}, "{\"x\": 1}");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(read(out), "new 1");
}

TEST(RenderCommand, RendersABuiltInByName) {
  const auto& all = builtin::templates();
  if (all.empty()) GTEST_SKIP() << "no built-in templates";
  auto r = run_cli({"render", std::string(all.front().name), "--escape", "none"});
  EXPECT_NE(r.code, 2) << r.err;
}

TEST(TemplatesCommand, ListsTheBuiltIns) {
  std::string expected;
  for (const auto& t : builtin::templates()) expected += std::string(t.name) + "\n";
  auto r = run_cli({"templates", "list"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, expected);
}

TEST(TemplatesCommand, ListsAndShowsTemplatesFolderOverrides) {
  TempDir dir;
  std::string mine = dir.write("zz-mine.mustache", "my text\n");
  auto r = run_cli({"templates", "list", "-l"}, "", {{"COMMPLAN_TEMPLATES_DIR", dir.str()}});
  EXPECT_NE(r.out.find("zz-mine\t" + mine + "\n"), std::string::npos) << r.out;
  r = run_cli({"templates", "show", "zz-mine", "--templates-dir", dir.str()});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "my text\n");
}

TEST(TemplatesCommand, ShowPrintsABuiltInAndSuggestsForTypos) {
  TempDir dir;
  dir.write("kickoff.mustache", "x");
  auto r = run_cli({"templates", "show", "kickof", "--templates-dir", dir.str()});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "commplan: error: unknown template \"kickof\" (did you mean \"kickoff\"?)\n");
  const auto& all = builtin::templates();
  if (all.empty()) return;
  r = run_cli({"templates", "show", std::string(all.front().name)});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, all.front().text);
}

TEST(TemplatesCommand, ExportRefusesToOverwriteWithoutForce) {
  const auto& all = builtin::templates();
  if (all.empty()) GTEST_SKIP() << "no built-in templates";
  TempDir dir;
  auto r = run_cli({"templates", "export", dir.str()});
  EXPECT_EQ(r.code, 0) << r.err;
  std::string first = (dir.path() / (std::string(all.front().name) + ".mustache")).string();
  EXPECT_EQ(read(first), all.front().text);

  std::ofstream(first) << "edited";
  r = run_cli({"templates", "export", dir.str()});
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find(first + ": error: already exists (--force overwrites it)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(read(first), "edited");

  r = run_cli({"templates", "export", dir.str(), "--force", std::string(all.front().name)});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(read(first), all.front().text);
}

TEST(TemplatesCommand, ExportOfAnUnknownNameIsAUsageError) {
  TempDir dir;
  EXPECT_EQ(run_cli({"templates", "export", dir.str(), "no-such-template"}).code, 2);
}

}  // namespace
}  // namespace commplan
