#include <gtest/gtest.h>

#include "output/csv.hpp"

namespace commplan {
namespace {

TEST(Csv, LeavesPlainFieldsUnquoted) {
  EXPECT_EQ(csv_field("F-01"), "F-01");
  EXPECT_EQ(csv_field("弱口令"), "弱口令");
  EXPECT_EQ(csv_field(""), "");
}

TEST(Csv, QuotesFieldsWithCommasQuotesAndLineBreaks) {
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("one\ntwo"), "\"one\ntwo\"");
  EXPECT_EQ(csv_field("one\r\ntwo"), "\"one\r\ntwo\"");
}

TEST(Csv, GuardsFormulaLikeFieldsWithAQuote) {
  EXPECT_EQ(csv_field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  EXPECT_EQ(csv_field("-2+3"), "'-2+3");
  EXPECT_EQ(csv_field("+1"), "'+1");
  EXPECT_EQ(csv_field("@SUM(1)"), "'@SUM(1)");
  EXPECT_EQ(csv_field("\tcmd"), "'\tcmd");
  EXPECT_EQ(csv_field("\rcmd"), "\"'\rcmd\"");
  EXPECT_EQ(csv_field("a=b"), "a=b");
  EXPECT_EQ(csv_field("'quoted"), "'quoted");
}

TEST(Csv, UnguardingRemovesOnlyAQuoteBeforeAFormulaCharacter) {
  for (const char* text : {"=1+1", "-2+3", "+1", "@SUM(1)", "\tx", "\rx"})
    EXPECT_EQ(formula_unguarded(formula_guarded(text)), text);
  EXPECT_EQ(formula_unguarded("'quoted"), "'quoted");
  EXPECT_EQ(formula_unguarded("'"), "'");
  EXPECT_EQ(formula_unguarded("plain"), "plain");
}

TEST(Csv, DocumentHasABomAndCrlfRecords) {
  std::vector<std::vector<std::string>> rows{{"ID", "Title"}, {"F-1", "a,b"}};
  EXPECT_EQ(csv_document(rows), "\xEF\xBB\xBFID,Title\r\nF-1,\"a,b\"\r\n");
  EXPECT_EQ(csv_document(rows, {.bom = false}), "ID,Title\r\nF-1,\"a,b\"\r\n");
}

}  // namespace
}  // namespace commplan
