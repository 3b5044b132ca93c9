#include <gtest/gtest.h>

#include "load/csv.hpp"

namespace commplan {
namespace {

CsvTable parse(const std::string& text, Diagnostics& d, const Limits& limits = {}) {
  return parse_csv("f.csv", text, d, limits);
}

/// Every cell's text, row by row.
std::vector<std::vector<std::string>> texts(const CsvTable& table) {
  std::vector<std::vector<std::string>> rows;
  for (const CsvRow& row : table.rows) {
    rows.emplace_back();
    for (const CsvCell& cell : row.cells) rows.back().push_back(cell.text);
  }
  return rows;
}

/// The one problem of parsing `text`, as printed: headline, quoted line and caret.
std::string only_diagnostic(const std::string& text) {
  Diagnostics d;
  parse(text, d);
  EXPECT_EQ(d.items().size(), 1u) << text;
  return d.items().empty() ? "" : format_diagnostic(d.items()[0]);
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReader, ReadsRecordsWithCrlfOrLfLineEnds) {
  Diagnostics d;
  EXPECT_EQ(texts(parse("a,b\r\n1,2\r\n", d)), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(texts(parse("a,b\n1,2", d)), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(texts(parse("a,,\n", d)), (Rows{{"a", "", ""}}));
  EXPECT_EQ(texts(parse("a\n\nb\n", d)), (Rows{{"a"}, {""}, {"b"}}));
  EXPECT_TRUE(texts(parse("", d)).empty());
  EXPECT_FALSE(d.has_errors());
}

TEST(CsvReader, ReadsQuotedFieldsWithCommasLineBreaksAndDoubledQuotes) {
  Diagnostics d;
  CsvTable table = parse("id,note\r\nF-1,\"one, \"\"two\"\"\r\nthree\"\r\n", d);
  EXPECT_FALSE(d.has_errors());
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[1].cells[1].text, "one, \"two\"\r\nthree");
  EXPECT_TRUE(table.rows[1].cells[1].quoted);
  EXPECT_EQ(texts(parse("\"\"\n", d)), (Rows{{""}}));
}

TEST(CsvReader, LocatesEachCellsFirstByteInCharacters) {
  Diagnostics d;
  CsvTable table = parse("\xEF\xBB\xBF编号,Title\n\"x\ny\",风险,\n", d);
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].cells[0].text, "编号");  // the byte order mark is not in the text
  EXPECT_EQ(table.rows[0].cells[1].mark.line, 1);
  EXPECT_EQ(table.rows[0].cells[1].mark.column, 4);
  EXPECT_EQ(table.rows[1].mark.line, 2);
  const CsvCell& risk = table.rows[1].cells[1];
  EXPECT_EQ(risk.mark.line, 3);
  EXPECT_EQ(risk.mark.column, 4);
  EXPECT_EQ(table.text.substr(risk.mark.offset, 6), "风险");
  EXPECT_EQ(table.rows[1].cells[2].mark.column, 7);  // the empty last field
}

TEST(CsvReader, ReportsAStrayQuoteInAnUnquotedField) {
  EXPECT_EQ(only_diagnostic("a,b\nF-1,say \"hi\"\n"),
            "f.csv:2:9: error: a quote inside an unquoted field: put the whole field in quotes "
            "and write the quote twice (\"\")\n"
            " F-1,say \"hi\"\n"
            "         ^");
}

TEST(CsvReader, ReportsTextAfterAClosingQuote) {
  Diagnostics d;
  CsvTable table = parse("\"ab\"c,d\n", d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(format_headline(d.items()[0]),
            "f.csv:1:5: error: text after the closing quote of a field (a quote inside a quoted "
            "field is written twice: \"\")");
  EXPECT_EQ(texts(table), (Rows{{"abc", "d"}}));  // read on, so later problems are found
}

TEST(CsvReader, ReportsAQuotedFieldOpenAtTheEndOfTheFile) {
  EXPECT_EQ(only_diagnostic("a,b\n1,\"open\n2,3\n"),
            "f.csv:2:3: error: quoted field never closed: no \" ends it before the end of the "
            "file\n"
            " 1,\"open\n"
            "   ^");
}

TEST(CsvReader, ReportsEveryProblemOfAFile) {
  Diagnostics d;
  parse("a\"b,c\nd,e\"f\n", d);
  ASSERT_EQ(d.items().size(), 2u);
  EXPECT_EQ(d.items()[0].mark.line, 1);
  EXPECT_EQ(d.items()[1].mark.line, 2);
  EXPECT_EQ(d.items()[1].mark.column, 4);
}

TEST(CsvReader, RefusesBinaryNonUtf8AndOversizedText) {
  Diagnostics binary;
  EXPECT_TRUE(parse(std::string("a,b\nc\0d\n", 8), binary).rows.empty());
  ASSERT_EQ(binary.items().size(), 1u);
  EXPECT_EQ(format_headline(binary.items()[0]),
            "f.csv:2:2: error: binary data (a NUL byte): not a text file");
  Diagnostics latin1;
  parse("a,caf\xE9\n", latin1);
  ASSERT_EQ(latin1.items().size(), 1u);
  EXPECT_EQ(format_headline(latin1.items()[0]),
            "f.csv:1:6: error: invalid UTF-8 (byte 0xE9): the file must be UTF-8");
  Diagnostics big;
  Limits limits;
  limits.max_bytes = 4;
  EXPECT_TRUE(parse("a,b,c\n", big, limits).rows.empty());
  ASSERT_EQ(big.items().size(), 1u);
  EXPECT_NE(big.items()[0].message.find("larger than"), std::string::npos);
}

}  // namespace
}  // namespace commplan
