// Escaping modes. The Markdown round trip through cmark-gfm is
// tests/scripts/test_markdown_escape.py.

#include <gtest/gtest.h>

#include "template_fixtures.hpp"

namespace commplan::tmpl {
namespace {

std::string escaped(std::string_view text, Escape escape) {
  std::string out;
  append_escaped(out, text, escape);
  return out;
}

std::string md(std::string_view text) { return escaped(text, Escape::markdown); }

TEST(TemplateEscape, ParsesModeNames) {
  EXPECT_EQ(parse_escape("html"), Escape::html);
  EXPECT_EQ(parse_escape("markdown"), Escape::markdown);
  EXPECT_EQ(parse_escape("none"), Escape::none);
  EXPECT_EQ(parse_escape("md"), std::nullopt);
}

TEST(TemplateEscape, HtmlEscapesTheFiveCharacters) {
  EXPECT_EQ(escaped("a & b < c > d \" e ' f", Escape::html),
            "a &amp; b &lt; c &gt; d &quot; e &#39; f");
}

TEST(TemplateEscape, NoneKeepsTheText) {
  EXPECT_EQ(escaped("<b>*x*</b> | y", Escape::none), "<b>*x*</b> | y");
}

TEST(TemplateEscape, MarkdownCannotOpenMarkup) {
  EXPECT_EQ(md("*** 作"), "\\*\\*\\* 作");
  EXPECT_EQ(md("a | b"), "a \\| b");
  EXPECT_EQ(md("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
  EXPECT_EQ(md("[x](y)"), "\\[x\\](y)");
  EXPECT_EQ(md("`code` ~~gone~~ $x$ R&D \\"), "\\`code\\` \\~\\~gone\\~\\~ \\$x\\$ R\\&D \\\\");
  EXPECT_EQ(md("_em_ and snake_case"), "\\_em\\_ and snake_case");
}

TEST(TemplateEscape, MarkdownCannotStartABlock) {
  EXPECT_EQ(md("# heading"), "\\# heading");
  EXPECT_EQ(md("  - item"), "&#32;&#32;\\- item");
  EXPECT_EQ(md("+ item"), "\\+ item");
  EXPECT_EQ(md("1. first"), "1\\. first");
  EXPECT_EQ(md("12) twelfth"), "12\\) twelfth");
  EXPECT_EQ(md("> quote"), "\\> quote");
  EXPECT_EQ(md("==="), "\\===");
  EXPECT_EQ(md("---"), "\\---");
}

TEST(TemplateEscape, MarkdownKeepsEverydayTextReadable) {
  EXPECT_EQ(md("2026-12-07 at 17:30, 1.21 GW (approx.)"), "2026-12-07 at 17:30, 1.21 GW (approx.)");
  EXPECT_EQ(md("整改建议：先备份再升级"), "整改建议：先备份再升级");
  EXPECT_EQ(md("see a.b-c"), "see a.b-c");
  // A number is no list marker: the marker's "." or ")" is followed by a blank or the line's
  // end. A value ending in one may be followed by the template's blank, so it is escaped.
  EXPECT_EQ(md("1.5"), "1.5");
  EXPECT_EQ(md("12.5 kW"), "12.5 kW");
  EXPECT_EQ(md("1234567.25"), "1234567.25");
  EXPECT_EQ(md("1."), "1\\.");
  EXPECT_EQ(md("3)\tthird"), "3\\)\tthird");
  EXPECT_EQ(md("4.\nfourth"), "4\\.<br>fourth");
}

TEST(TemplateEscape, MarkdownUrlsStayTextSoTheirNeighboursDoToo) {
  EXPECT_EQ(md("see http://x.org/a> and www.y.org, not awww.z"),
            "see http\\://x.org/a\\> and www\\.y.org, not awww.z");
}

TEST(TemplateEscape, MarkdownKeepsOuterBlanksAsText) {
  EXPECT_EQ(md("    code?\t"), "&#32;&#32;&#32;&#32;code?&#9;");
  EXPECT_EQ(md("a  "), "a&#32;&#32;");
  EXPECT_EQ(md("   "), "&#32;&#32;&#32;");
  EXPECT_EQ(md("a  b"), "a  b");
}

TEST(TemplateEscape, MarkdownLineBreaksKeepATableRowWhole) {
  EXPECT_EQ(md("one\ntwo\r\nthree\rfour"), "one<br>two<br>three<br>four");
}

TEST(TemplateEscape, MarkdownDropsTheLineBreakABlockTextEndsWith) {
  EXPECT_EQ(md("line one\nline two\n"), "line one<br>line two");
  EXPECT_EQ(md("folded text\r\n"), "folded text");
  EXPECT_EQ(md("kept, keep chomping\n\n\n"), "kept, keep chomping");
  EXPECT_EQ(md("blanks around  \n  "), "blanks around");
  EXPECT_EQ(md("\n"), "");
  EXPECT_EQ(md("a  "), "a&#32;&#32;");
}

TEST(TemplateEscape, TripleMustacheAndAmpersandAreRaw) {
  RenderOptions options;
  options.escape = Escape::markdown;
  EXPECT_EQ(testing::render_text("{{x}} {{{x}}} {{&x}}", {{"x", "*a*"}}, options),
            "\\*a\\* *a* *a*");
}

}  // namespace
}  // namespace commplan::tmpl
