// The built-in brief templates offer their sections as blocks: a template of the same name in a
// templates folder that extends builtin/NAME and replaces one block changes that part alone.

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "template_fixtures.hpp"
#include "test_helpers.hpp"

namespace commplan {
namespace {

using commplan::testing::run_cli;
using commplan::testing::source_path;
using tmpl::testing::TempDir;

const std::vector<std::string> kTemplates = {"kickoff",     "five-w2h",    "plan",
                                             "recap-daily", "recap-phase", "recap-final"};
const std::vector<std::string> kLangs = {"en", "zh"};

/// An example project and a date inside its engagement for each brief.
struct Project {
  std::string file;
  std::string kickoff, plan, daily, phase, final;
};

const std::vector<Project> kProjects = {
    {"examples/datacentre-assessment.yaml", "2026-12-07", "2026-11-30", "2026-12-14", "2026-12-16",
     "2026-12-18"},
    {"examples/software-delivery.zh.yaml", "2027-03-01", "2027-02-22", "2027-03-08", "2027-03-12",
     "2027-03-19"},
    {"examples/penetration-test.json", "2027-05-10", "2027-05-03", "2027-05-10", "2027-05-14",
     "2027-05-14"},
};

/// The command line that renders template `name` (e.g. "recap-daily") for `project` in `lang`.
std::vector<std::string> brief_args(const std::string& name, const std::string& lang,
                                    const Project& project) {
  std::string file = source_path(project.file);
  if (name.rfind("recap-", 0) == 0) {
    std::string level = name.substr(6);
    const std::string& date = level == "daily"   ? project.daily
                              : level == "phase" ? project.phase
                                                 : project.final;
    return {"recap", file, "--level", level, "--date", date, "--lang", lang};
  }
  const std::string& date = name == "plan" ? project.plan : project.kickoff;
  return {name, file, "--date", date, "--lang", lang};
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string template_text(const std::string& name, const std::string& lang) {
  return slurp(source_path("templates/" + name + "." + lang + ".md.mustache"));
}

/// The names of the blocks `{{$name}}` in `text`, in the order they open.
std::vector<std::string> block_names(const std::string& text) {
  static const std::regex tag(R"(\{\{\$\s*([^\s}]+)\s*\}\})");
  std::vector<std::string> names;
  for (std::sregex_iterator it(text.begin(), text.end(), tag), end; it != end; ++it)
    names.push_back((*it)[1]);
  return names;
}

/// The block names the template's opening comment lists: the words in its first sentence.
std::vector<std::string> listed_blocks(const std::string& text) {
  if (text.rfind("{{!", 0) != 0) return {};
  std::string comment = text.substr(0, text.find("}}"));
  size_t stop = std::min(comment.find('.'), comment.find("。"));
  comment = comment.substr(0, stop);
  static const std::regex word(R"(\b[a-z][a-z_]*\b)");
  std::vector<std::string> names;
  for (std::sregex_iterator it(comment.begin(), comment.end(), word), end; it != end; ++it)
    names.push_back(it->str());
  return names;
}

/// A template for `--templates-dir` that extends the built-in `name` and replaces `block`.
std::string override_of(const std::string& name, const std::string& block,
                        const std::string& text) {
  return "{{<builtin/" + name + "}}\n{{$" + block + "}}\n" + text + "{{/" + block +
         "}}\n{{/builtin/" + name + "}}\n";
}

std::string without_first_line(const std::string& text) {
  size_t newline = text.find('\n');
  return newline == std::string::npos ? "" : text.substr(newline + 1);
}

struct TitleCase {
  std::string name;
  std::string lang;
  size_t project;
};

class TemplateBlocksTitle : public ::testing::TestWithParam<TitleCase> {};

TEST_P(TemplateBlocksTitle, OverridingTheTitleChangesOnlyTheTitleLine) {
  const auto& [name, lang, project] = GetParam();
  std::vector<std::string> args = brief_args(name, lang, kProjects[project]);
  auto builtin = run_cli(args);
  ASSERT_EQ(builtin.code, 0) << builtin.err;
  // The title is the first line, or follows the classification label's lines.
  size_t title = builtin.out.rfind("# ", 0) == 0 ? 0 : builtin.out.find("\n# ") + 1;
  ASSERT_EQ(builtin.out.compare(title, 2, "# "), 0) << builtin.out;

  TempDir dir;
  std::string full = name + "." + lang + ".md";
  dir.write(full + ".mustache", override_of(full, "title", "# Our own title: {{project.name}}\n"));
  args.insert(args.end(), {"--templates-dir", dir.str()});
  auto mine = run_cli(args);
  ASSERT_EQ(mine.code, 0) << mine.err;
  EXPECT_EQ(mine.out.substr(0, title), builtin.out.substr(0, title));
  EXPECT_EQ(mine.out.compare(title, 17, "# Our own title: "), 0) << mine.out;
  EXPECT_EQ(without_first_line(mine.out.substr(title)),
            without_first_line(builtin.out.substr(title)));
}

std::vector<TitleCase> title_cases() {
  std::vector<TitleCase> cases;
  for (const auto& name : kTemplates)
    for (const auto& lang : kLangs)
      for (size_t p = 0; p < kProjects.size(); ++p) cases.push_back({name, lang, p});
  return cases;
}

std::string title_case_name(const ::testing::TestParamInfo<TitleCase>& info) {
  std::string name =
      info.param.name + "_" + info.param.lang + "_" + std::to_string(info.param.project);
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Builtins, TemplateBlocksTitle, ::testing::ValuesIn(title_cases()),
                         title_case_name);

TEST(TemplateBlocks, EnglishAndChineseOfferTheSameBlocks) {
  for (const auto& name : kTemplates) {
    std::vector<std::string> en = block_names(template_text(name, "en"));
    std::vector<std::string> zh = block_names(template_text(name, "zh"));
    std::set<std::string> zh_set(zh.begin(), zh.end());
    for (const auto& block : en)
      EXPECT_TRUE(zh_set.count(block)) << name << ": block \"" << block << "\" is not in zh";
    EXPECT_EQ(en, zh) << name;
    EXPECT_TRUE(zh_set.count("title")) << name;
    EXPECT_EQ(zh_set.size(), zh.size()) << name << ": a block name is used twice";
  }
}

TEST(TemplateBlocks, OpeningCommentListsEveryBlock) {
  for (const auto& name : kTemplates)
    for (const auto& lang : kLangs) {
      std::string text = template_text(name, lang);
      EXPECT_EQ(listed_blocks(text), block_names(text)) << name << "." << lang;
    }
}

TEST(TemplateBlocks, EveryListedBlockCanBeReplaced) {
  const Project& project = kProjects.front();
  for (const auto& name : kTemplates)
    for (const auto& lang : kLangs) {
      std::string full = name + "." + lang + ".md";
      for (const auto& block : listed_blocks(template_text(name, lang))) {
        TempDir dir;
        std::string marker = "REPLACED " + block + "\n";
        dir.write(full + ".mustache", override_of(full, block, marker));
        std::vector<std::string> args = brief_args(name, lang, project);
        args.insert(args.end(), {"--templates-dir", dir.str()});
        auto r = run_cli(args);
        EXPECT_EQ(r.code, 0) << full << " " << block << ": " << r.err;
        EXPECT_NE(r.out.find(marker), std::string::npos) << full << " " << block;
      }
    }
}

TEST(TemplateBlocks, ShowPrintsTheCommentAndTheBriefDropsIt) {
  auto shown = run_cli({"templates", "show", "kickoff.en.md"});
  ASSERT_EQ(shown.code, 0) << shown.err;
  EXPECT_EQ(shown.out.rfind("{{! Blocks: classification, title, ", 0), 0u) << shown.out;
  auto brief = run_cli(brief_args("kickoff", "en", kProjects.front()));
  ASSERT_EQ(brief.code, 0) << brief.err;
  EXPECT_EQ(brief.out.find("Blocks:"), std::string::npos);
  EXPECT_EQ(brief.out.find("{{"), std::string::npos);
}

}  // namespace
}  // namespace commplan
