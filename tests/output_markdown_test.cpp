#include <gtest/gtest.h>

#include <string>

#include "output/markdown.hpp"
#include "util/diagnostic.hpp"

namespace commplan {
namespace {

TEST(MarkdownText, DropsTheSyntaxAndTheEscapes) {
  ChatText chat = markdown_text(
      "# Daily recap: Portal\n\n**ACME** · call \\+49 or https\\://x.example\n\n"
      "## Findings\n\n| ID | Title |\n|----|-------|\n| F-1 | Door *open* |\n\n"
      "| ID | Sev | Title |\n|---|---|---|\n| F-2 | High | A<br>B |\n\n"
      "- one\n  - two\n1. first\n- [x] done\n\n> Ask [the lead](mailto:a@x) at "
      "<https://x.example>\n\n"
      "```mermaid\ngantt\n```\n");
  EXPECT_EQ(chat.text,
            "Daily recap: Portal\n\nACME · call +49 or https://x.example\n\nFindings\n\n"
            "- F-1: Door open\n\n- F-2 · High · A B\n\n- one\n  - two\n\n1. first\n\n☑ done\n\n"
            "Ask the lead (mailto:a@x) at https://x.example\n");
  EXPECT_EQ(chat.sections, (std::vector<size_t>{0, 60}));
  EXPECT_EQ(chat.text.substr(60, 8), "Findings");
}

TEST(MarkdownText, JoinsTheLinesOfChineseTextWithoutASpace) {
  // A paragraph's soft breaks and a cell's line breaks: no space within Chinese text or after
  // its punctuation, a space between words (also between Chinese and Latin, or in Korean).
  ChatText chat = markdown_text(
      "给出整改建议，\n最后听取客户的意见。\nPhase 2 starts\nnext week 数据\n库 한국어\n문장\n\n"
      "| 项 | 说明 |\n|---|---|\n| 油 | 短期：每周补油。<br>中期：更换油封<br>end |\n");
  EXPECT_EQ(chat.text,
            "给出整改建议，最后听取客户的意见。Phase 2 starts next week 数据库 한국어 문장\n\n"
            "- 油：短期：每周补油。中期：更换油封 end\n");
}

TEST(MarkdownText, TheHtmlJoinsTheLinesOfChineseTextWithoutABreak) {
  std::string html = markdown_html("给出整改建议，\n最后听取意见。\nPhase 2\nstarts 数据\n库\n");
  EXPECT_NE(html.find("<p>给出整改建议，最后听取意见。Phase 2\nstarts 数据库</p>"),
            std::string::npos)
      << html;
}

TEST(MarkdownText, RawHtmlNeverPassesIntoTheHtml) {
  std::string html = markdown_html("a <script>alert(1)</script> b\n\n<div onclick=x>c</div>\n");
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<div"), std::string::npos) << html;
}

TEST(MarkdownText, TheLineBreaksOfAValueStayLineBreaksInTheHtml) {
  // The Markdown escape writes a value's line break as <br> (the only one a table cell can
  // hold); the safe renderer omits raw HTML, so it must not see that one as raw HTML.
  std::string html = markdown_html(
      "First line<br>second line\n\n| cell |\n|---|\n| one<br>two |\n\nx <script>y</script> z\n");
  EXPECT_NE(html.find("<p>First line<br />second line</p>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td>one<br />two</td>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;  // other raw HTML still omitted
  EXPECT_EQ(markdown_text("First line<br>second line\n").text, "First line\nsecond line\n");
}

TEST(SplitMessage, PacksSectionsIntoNumberedPartsWithinTheLimit) {
  ChatText chat = markdown_text("# A\n\naaaa aaaa\n\n## B\n\nbbbb bbbb\n\n## C\n\ncccc cccc\n");
  EXPECT_EQ(split_message(chat, 1000), (std::vector<std::string>{chat.text}));
  std::vector<std::string> parts = split_message(chat, 30);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0], "(1/3)\nA\n\naaaa aaaa\n");
  EXPECT_EQ(parts[1], "(2/3)\nB\n\nbbbb bbbb\n");
  for (const std::string& part : parts) EXPECT_LE(part.size(), 30u);
  // Two sections fit in one part when the limit allows it.
  EXPECT_EQ(split_message(chat, 40).size(), 2u);
}

TEST(SplitMessage, BreaksALongSectionAtLinesThenBetweenCharacters) {
  std::string line(50, 'x');
  ChatText chat = markdown_text("# T\n\n" + line + "\n\n" + std::string(30, 'y') + "\n");
  std::vector<std::string> parts = split_message(chat, 40);
  for (const std::string& part : parts) EXPECT_LE(part.size(), 40u) << part;
  ChatText cjk = markdown_text("# 标题\n\n" + [] {
    std::string s;
    for (int i = 0; i < 40; ++i) s += "汉";
    return s;
  }());
  for (const std::string& part : split_message(cjk, 40)) {
    EXPECT_LE(part.size(), 40u);
    EXPECT_EQ((part.size() - part.find('\n') - 1 - 1) % 3, 0u) << part;  // whole characters
  }
  EXPECT_THROW(split_message(chat, 10), Error);
}

TEST(SplitMessage, ALimitTooSmallNamesTheLeastThatWorks) {
  // Over 99 parts at the least text a part holds: two-digit markers leave too little room,
  // so the least limit is that of three-digit ones, not the two-digit markers' own minimum.
  std::string text = "# T\n\n";
  for (int i = 0; i < 150; ++i) text += "line " + std::to_string(100 + i) + " of the day\n\n";
  ChatText chat = markdown_text(text);
  for (size_t refused : {size_t{10}, size_t{22}, size_t{24}}) {
    try {
      split_message(chat, refused);
      ADD_FAILURE() << refused << " bytes were taken";
    } catch (const Error& e) {
      std::string message = e.diagnostics().items().front().message;
      size_t at = message.find("at least ");
      ASSERT_NE(at, std::string::npos) << message;
      size_t least = std::stoul(message.substr(at + 9));
      EXPECT_GT(least, refused);
      EXPECT_NO_THROW(split_message(chat, least)) << message;          // the limit named works
      EXPECT_THROW(split_message(chat, least - 1), Error) << message;  // and is the least
    }
  }
}

}  // namespace
}  // namespace commplan
