// The classification label of an HTML page: at the top of every printed page in an @page
// margin box, its text a CSS string no label can break out of.

#include <gtest/gtest.h>

#include <string>

#include "output/markdown.hpp"

namespace commplan {
namespace {

/// The text of the page's one <style> element.
std::string style_of(const std::string& html) {
  size_t from = html.find("<style>");
  size_t to = html.find("</style>");
  EXPECT_NE(from, std::string::npos);
  EXPECT_NE(to, std::string::npos);
  EXPECT_EQ(to, html.rfind("</style>")) << "a second </style> closes the sheet early";
  if (from == std::string::npos || to == std::string::npos || to < from) return "";
  return html.substr(from + 7, to - from - 7);
}

/// The declaration `content: "…";` of the @page margin box, or "".
std::string margin_content(const std::string& html) {
  std::string style = style_of(html);
  size_t box = style.find("@page { @top-right { content: \"");
  if (box == std::string::npos) return "";
  size_t from = box + std::string("@page { @top-right { content: \"").size();
  size_t to = style.find("\"; font-size: 9pt; } }", from);
  return to == std::string::npos ? "" : style.substr(from, to - from);
}

TEST(HtmlLabel, APlainLabelAsItIs) {
  std::string html = html_page({"Daily recap", "en", "TLP:AMBER"}, "<p>x</p>\n");
  EXPECT_EQ(margin_content(html), "TLP:AMBER");
  EXPECT_EQ(margin_content(html_page({"t", "zh-CN", "内部资料"}, "")), "内部资料");
}

TEST(HtmlLabel, NoMarginBoxWithoutALabel) {
  std::string html = html_page({"Daily recap", "en", ""}, "<p>x</p>\n");
  EXPECT_EQ(style_of(html).find("@top-right"), std::string::npos);
  HtmlPage unlabelled;
  unlabelled.title = "Daily recap";
  unlabelled.lang = "en";
  EXPECT_EQ(html, html_page(unlabelled, "<p>x</p>\n"));
}

TEST(HtmlLabel, QuotesBackslashesAndAngleBracketsAreCssEscapes) {
  std::string html = html_page({"t", "en", "a\"b\\c</style><script>x</script>"}, "");
  EXPECT_EQ(margin_content(html), R"(a\22 b\5c c\3c /style\3e \3c script\3e x\3c /script\3e )");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("</STYLE"), std::string::npos);
}

TEST(HtmlLabel, ControlCharactersAreCssEscapes) {
  // A newline would end the CSS string (a bad string), a NUL is not allowed in CSS at all.
  std::string label = std::string("a\nb\tc") + '\0' + "d\x7f" + "e\r";
  std::string content = margin_content(html_page({"t", "en", label}, ""));
  EXPECT_EQ(content, R"(a\a b\9 c\0 d\7f e\d )");
  for (char c : content)
    EXPECT_GE(static_cast<unsigned char>(c), 0x20) << "a raw control character in the CSS";
}

TEST(HtmlLabel, AnEscapeIsNeverReadTogetherWithTheHexDigitAfterIt) {
  // "\22" then "abc" would read as U+22ABC without the space that ends the escape.
  EXPECT_EQ(margin_content(html_page({"t", "en", "\"abc\"1"}, "")), R"(\22 abc\22 1)");
}

TEST(HtmlLabel, TheLabelStaysOutOfTheBodyAndTheTitle) {
  std::string html = html_page({"Plan", "en", "SECRET-LABEL"}, "<p>body</p>\n");
  EXPECT_NE(html.find("<title>Plan</title>"), std::string::npos);
  EXPECT_EQ(html.find("SECRET-LABEL"), html.rfind("SECRET-LABEL"));  // in the sheet only
  EXPECT_LT(html.find("SECRET-LABEL"), html.find("</style>"));
}

}  // namespace
}  // namespace commplan
