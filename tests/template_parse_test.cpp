// Syntax errors: each located at its line and column, all of a template reported at once.

#include <gtest/gtest.h>

#include "template_fixtures.hpp"

namespace commplan::tmpl {
namespace {

using testing::compile_errors;
using Lines = std::vector<std::string>;

TEST(TemplateParse, UnclosedSectionNamesWhereItOpened) {
  EXPECT_EQ(compile_errors("# Findings\n{{#findings}}\n| {{id}} |\n"),
            Lines{"t.mustache:3:11: error: unclosed section \"findings\" (opened at 2:1)"});
}

TEST(TemplateParse, UnclosedBlockAndParentSayWhatTheyAre) {
  EXPECT_EQ(compile_errors("{{<layout}}\n  {{$title}}x"),
            (Lines{"t.mustache:1:1: error: unknown parent \"layout\"",
                   "t.mustache:2:14: error: unclosed parent \"layout\" (opened at 1:1)",
                   "t.mustache:2:14: error: unclosed block \"title\" (opened at 2:3)"}));
}

TEST(TemplateParse, UnopenedSection) {
  EXPECT_EQ(compile_errors("a {{/x}} b"), Lines{"t.mustache:1:3: error: unopened section \"x\""});
}

TEST(TemplateParse, MismatchedCloseIsSkipped) {
  EXPECT_EQ(compile_errors("{{#a}}\n  {{/b}}\n{{/a}}"),
            Lines{"t.mustache:2:3: error: mismatched close: expected \"a\", got \"b\""});
}

TEST(TemplateParse, ADynamicNameIsShownWithItsStar) {
  // {{<*a}} is closed by {{/*a}}: the messages name both as written, never "expected a, got a".
  EXPECT_EQ(compile_errors("{{<*a}}{{/a}}"),
            (Lines{"t.mustache:1:8: error: mismatched close: expected \"*a\", got \"a\"",
                   "t.mustache:1:14: error: unclosed parent \"*a\" (opened at 1:1)"}));
  EXPECT_EQ(compile_errors("{{/*a}}"), Lines{"t.mustache:1:1: error: unopened section \"*a\""});
}

TEST(TemplateParse, ClosingAnOuterSectionReportsTheInnerOne) {
  EXPECT_EQ(compile_errors("{{#a}}{{#b}}\n{{/a}}"),
            Lines{"t.mustache:2:1: error: unclosed section \"b\" (opened at 1:7)"});
}

TEST(TemplateParse, UnclosedTagAtEndOfText) {
  EXPECT_EQ(compile_errors("x {{name\ny"),
            Lines{"t.mustache:1:3: error: unclosed tag: missing \"}}\""});
}

TEST(TemplateParse, UnclosedTagBeforeTheNextOneKeepsParsing) {
  EXPECT_EQ(compile_errors("{{a}} {{b {{#c}}"),
            (Lines{"t.mustache:1:7: error: unclosed tag: missing \"}}\"",
                   "t.mustache:1:17: error: unclosed section \"c\" (opened at 1:11)"}));
}

TEST(TemplateParse, UnclosedTripleMustache) {
  EXPECT_EQ(compile_errors("{{{raw}}"),
            Lines{"t.mustache:1:1: error: unclosed tag: missing \"}}}\""});
}

TEST(TemplateParse, BadDelimiters) {
  EXPECT_EQ(compile_errors("{{=<% %>}}"),
            Lines{"t.mustache:1:1: error: unclosed tag: missing \"=}}\""});
  EXPECT_EQ(compile_errors("ok\n{{=<%=}}"),
            Lines{"t.mustache:2:1: error: invalid delimiters \"<%\": expected two delimiters "
                  "without spaces or \"=\", as in {{=<% %>=}}"});
  EXPECT_EQ(compile_errors("{{= a b c =}}").size(), 1u);
}

TEST(TemplateParse, EmptyTagsAndBadNames) {
  EXPECT_EQ(compile_errors("{{}}"), Lines{"t.mustache:1:1: error: empty tag {{}}"});
  EXPECT_EQ(compile_errors("{{#}}{{/}}"), (Lines{"t.mustache:1:1: error: empty tag {{#}}",
                                                 "t.mustache:1:6: error: empty tag {{/}}"}));
  EXPECT_EQ(compile_errors("{{a b}}"),
            Lines{"t.mustache:1:1: error: invalid name \"a b\": a name has no spaces"});
  EXPECT_EQ(compile_errors("{{a..b}}"),
            Lines{"t.mustache:1:1: error: invalid name \"a..b\": empty part between dots"});
}

TEST(TemplateParse, ReportsEveryErrorInOrderOfPlace) {
  EXPECT_EQ(compile_errors("{{/x}}\n{{a b}}\n{{#y}}\n"),
            (Lines{"t.mustache:1:1: error: unopened section \"x\"",
                   "t.mustache:2:1: error: invalid name \"a b\": a name has no spaces",
                   "t.mustache:3:7: error: unclosed section \"y\" (opened at 3:1)"}));
}

TEST(TemplateParse, ColumnsCountCharactersNotBytes) {
  EXPECT_EQ(compile_errors("发现：{{/x}}"), Lines{"t.mustache:1:4: error: unopened section \"x\""});
}

TEST(TemplateParse, MessageQuotesTheLineWithACaret) {
  Library library({}, nullptr);
  try {
    library.compile("t.mustache", "ok\n| {{#rows}} |\n");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(format_diagnostic(e.diagnostics().items().at(0)),
              "t.mustache:2:14: error: unclosed section \"rows\" (opened at 2:3)\n"
              " | {{#rows}} |\n"
              "              ^");
  }
}

TEST(TemplateParse, CustomDelimitersInMessages) {
  EXPECT_EQ(compile_errors("{{=<% %>=}}\n<%#a%>"),
            Lines{"t.mustache:2:7: error: unclosed section \"a\" (opened at 2:1)"});
}

TEST(TemplateParse, DelimitersMaySetTheDefaultOnesAgain) {
  // The new delimiters may hold the ones in use: {{={{ }}=}} keeps {{ }}.
  for (const char* text :
       {"{{={{ }}=}}{{a}}{{b}}", "{{= {{ }} =}}{{a}}{{b}}", "{{=<% %>=}}<%={{ }}=%>{{a}}{{b}}"}) {
    EXPECT_TRUE(compile_errors(text).empty()) << text;
    EXPECT_EQ(testing::render_text(text, {{"a", 1}, {"b", 2}}), "12") << text;
  }
}

TEST(TemplateParse, RefusesNestingBeyondTheLimit) {
  std::string deep;
  for (int i = 0; i <= kMaxNesting; ++i) deep += "{{#a}}";
  auto errors = compile_errors(deep);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "t.mustache:1:1537: error: sections nested deeper than 256 levels");
}

TEST(TemplateParse, CommentsMayHoldAnything) {
  EXPECT_TRUE(compile_errors("{{! a {{#x {{/y\n z }}").empty());
}

}  // namespace
}  // namespace commplan::tmpl
