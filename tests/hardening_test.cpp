// Regression tests for problems the fuzzers and the adversarial corpus found (see also
// tests/fuzz/regressions/, replayed by fuzz_regressions_test.cpp).

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "load/document.hpp"
#include "model/project.hpp"
#include "output/write.hpp"
#include "template/library.hpp"
#include "template_fixtures.hpp"
#include "util/diagnostic.hpp"
#include "util/read.hpp"

namespace commplan {
namespace {

/// The headlines of parsing `text` as YAML, or "ok: " and the document as JSON.
std::vector<std::string> parse_yaml(const std::string& text) {
  Diagnostics diagnostics;
  Document doc = parse_document("p.yaml", text, Format::yaml, diagnostics);
  std::vector<std::string> out;
  for (const auto& d : diagnostics.items()) out.push_back(format_headline(d));
  if (out.empty()) out.push_back("ok: " + to_json(doc.root).dump());
  return out;
}

TEST(BlockText, EmptyAtTheEndOfTheInputIsEmpty) {
  EXPECT_EQ(parse_yaml("k: |\n"), std::vector<std::string>{"ok: {\"k\":\"\"}"});
  EXPECT_EQ(parse_yaml("k: >-\n  \n"), std::vector<std::string>{"ok: {\"k\":\"\"}"});
}

TEST(BlockText, LinesNotIndentedPastTheKeyAreAnError) {
  EXPECT_EQ(parse_yaml("m:\n  s: >-\n  one\n    two\nt: 1\n"),
            std::vector<std::string>{"p.yaml:3:3: error: the lines of a block text (| or >) must "
                                     "be indented more than its key \"s\""});
}

TEST(BlockText, AQuotedKeysLinesNeedOnlyBeIndentedPastItsQuote) {
  // The key starts at its quote, one column before its mark: a line indented one space is past
  // it, and read as it is written; one not indented is not.
  EXPECT_EQ(parse_yaml("\"k\": |\n x\n"), std::vector<std::string>{"ok: {\"k\":\"x\\n\"}"});
  EXPECT_EQ(parse_yaml("- 'k': >-\n   x\n   y\n"),
            std::vector<std::string>{"ok: [{\"k\":\"x y\"}]"});
  EXPECT_EQ(parse_yaml("m:\n  \"s\": |\n  one\n"),
            std::vector<std::string>{"p.yaml:3:3: error: the lines of a block text (| or >) must "
                                     "be indented more than its key \"s\""});
}

TEST(BlockText, ThatTheParserCannotReadIsAnError) {
  EXPECT_EQ(parse_yaml(" >-\n u\n  \xdf\xbf"),
            std::vector<std::string>{
                "p.yaml:2:1: error: this block text (| or >) cannot be read reliably: write it "
                "quoted"});
}

TEST(BlockText, OrdinaryBlockTextsStillRead) {
  EXPECT_EQ(parse_yaml("k: |\nz: 1\n"), std::vector<std::string>{"ok: {\"k\":\"\",\"z\":1}"});
  EXPECT_EQ(parse_yaml("s: >-\n  Steps:\n    1. x\n    2. y\n"),
            std::vector<std::string>{"ok: {\"s\":\"Steps:\\n  1. x\\n  2. y\"}"});
  EXPECT_EQ(parse_yaml("m:\n  k: |2\n     a\n  z: 1\n"),
            std::vector<std::string>{"ok: {\"m\":{\"k\":\" a\\n\",\"z\":1}}"});
}

TEST(SingleQuotedText, RunsOfDoubledQuotesAreQuotes) {
  EXPECT_EQ(parse_yaml("k: 'x''''y'\n"), std::vector<std::string>{"ok: {\"k\":\"x''y\"}"});
  EXPECT_EQ(parse_yaml("k: ''''''''''''\n"), std::vector<std::string>{"ok: {\"k\":\"'''''\"}"});
}

TEST(SingleQuotedText, LineBreaksFold) {
  EXPECT_EQ(parse_yaml("k: 'a  \n  b\n\n  \n  c''d'\n"),
            std::vector<std::string>{"ok: {\"k\":\"a b\\n\\nc'd\"}"});
  EXPECT_EQ(parse_yaml("k: 'a\r\n  b'\r\n"), std::vector<std::string>{"ok: {\"k\":\"a b\"}"});
}

TEST(Diagnostics, SuggestsNoNameForAVeryLongWord) {
  EXPECT_EQ(closest_name("phaes", {"title", "phase"}), "phase");
  EXPECT_EQ(closest_name(std::string(65, 'a'), {std::string(64, 'a')}), "");
  EXPECT_EQ(closest_name(std::string(64, 'a'), {std::string(63, 'a')}), std::string(63, 'a'));
}

TEST(Diagnostics, HeadlineShowsControlCharactersAsEscapes) {
  Diagnostic d{Level::warning,
               "p.yaml",
               {3, 2, 0},
               "sc\nope\x1b",
               "unknown field \"sc\nope\x1b\"",
               {"\"sc\\nope\\e\": [a]", 1}};
  EXPECT_EQ(format_headline(d),
            "p.yaml:3:2: warning: sc\\nope\\x1B: unknown field \"sc\\nope\\x1B\"");
}

TEST(Diagnostics, QuotedLineShowsControlCharactersAsQuestionMarks) {
  Diagnostic d{Level::error, "p.yaml", {1, 4, 0}, "", "bad", {"a\rb\x1b: x", 3}};
  EXPECT_EQ(format_diagnostic(d), "p.yaml:1:4: error: bad\n a?b?: x\n    ^");
}

/// The headline of the Error `read` throws, or "no error".
template <typename Read>
std::string read_error(const Read& read) {
  try {
    read();
  } catch (const Error& e) {
    return format_headline(e.diagnostics().items().at(0)) +
           (e.kind() == Error::Kind::invalid_input ? " (invalid input)" : " (other)");
  }
  return "no error";
}

TEST(ReadFile, StopsReadingPastTheLimit) {
  EXPECT_EQ(read_error([] { read_file("/dev/zero", 1u << 20); }),
            "/dev/zero: error: file is larger than 1 MiB (the limit) (invalid input)");
}

TEST(ReadStream, StopsReadingPastTheLimit) {
  std::istringstream in(std::string((2u << 20) + 1, 'x'));
  EXPECT_EQ(read_error([&] { read_stream(in, "<stdin>", 2u << 20); }),
            "<stdin>: error: file is larger than 2 MiB (the limit) (invalid input)");
  std::istringstream small("abc");
  EXPECT_EQ(read_stream(small, "<stdin>", 3), "abc");
}

TEST(WriteFileAtomic, WritesThroughASymbolicLink) {
  namespace fs = std::filesystem;
  tmpl::testing::TempDir tmp;
  fs::path dir = tmp.path();
  fs::create_directories(dir / "elsewhere");
  write_file_atomic((dir / "elsewhere" / "out.md").string(), "old");
  fs::create_symlink(dir / "elsewhere" / "out.md", dir / "link.md");
  write_file_atomic((dir / "link.md").string(), "new");
  EXPECT_TRUE(fs::is_symlink(dir / "link.md"));
  EXPECT_EQ(read_file((dir / "elsewhere" / "out.md").string()), "new");
}

TEST(WriteFileAtomic, WritesIntoAPipeInPlace) {
  tmpl::testing::TempDir tmp;
  std::string fifo = (tmp.path() / "fifo").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  write_file_atomic(fifo, "through the pipe");
  char buffer[64] = {};
  EXPECT_EQ(::read(reader, buffer, sizeof buffer - 1), 16);
  EXPECT_STREQ(buffer, "through the pipe");
  EXPECT_TRUE(std::filesystem::is_fifo(fifo));
  ::close(reader);
}

TEST(ProjectLoader, RejectsAnEngagementLongerThanTenYears) {
  Diagnostics diagnostics;
  load_project("p.yaml",
               "commplan: 1\nproject:\n  name: n\n  client: c\n  start: 0001-01-01\n"
               "  end: 9999-12-31\n",
               diagnostics);
  ASSERT_EQ(diagnostics.error_count(), 1u);
  EXPECT_EQ(format_headline(diagnostics.items()[0]),
            "p.yaml:6:8: error: project.end: the engagement runs 3652059 days; commplan plans at "
            "most 3653 (ten years)");
}

TEST(TemplateCompile, RejectsTextThatIsNotUtf8) {
  EXPECT_EQ(tmpl::testing::compile_errors("a\n{{x}}\xff"),
            std::vector<std::string>{
                "t.mustache:2:6: error: invalid UTF-8 (byte 0xFF): a template must be UTF-8"});
  EXPECT_EQ(tmpl::testing::compile_errors(std::string("a\0b", 3)),
            std::vector<std::string>{
                "t.mustache:1:2: error: binary data (a NUL byte): a template must be UTF-8 text"});
}

TEST(TemplateRender, SectionItemsCountTowardTheExpansionLimit) {
  tmpl::RenderOptions options;
  options.max_expansions = 1000;
  nlohmann::json data = {{"a", nlohmann::json::array()}};
  for (int i = 0; i < 100; ++i) data["a"].push_back(i);
  EXPECT_EQ(tmpl::testing::headlines(
                [&] { tmpl::testing::render_text("{{#a}}{{#a}}{{/a}}{{/a}}.", data, options); }),
            std::vector<std::string>{"t.mustache:1:7: error: more than 1000 sections and partials "
                                     "expanded: the output would be too large"});
  EXPECT_EQ(tmpl::testing::render_text("{{#a}}{{/a}}.", data, options), ".");
}

}  // namespace
}  // namespace commplan
