// The JSON fast path (simdjson, and the small reader small documents take) against libfyaml's
// path: the same tree node for node where it reads a text, and libfyaml's diagnostics,
// unchanged, wherever it gives up.

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fast_path_helpers.hpp"
#include "fuzz/entries.hpp"
#include "load/json_fast.hpp"

namespace commplan {
namespace {

std::optional<Document> fast(const std::string& text, const Limits& limits = {}) {
  return testing::fast_only(Format::json, text, limits);
}

/// The tree of `text` by the small reader alone: nullopt where it gives up.
std::optional<Document> small(const std::string& text) {
  Diagnostics d;
  return parse_document_with(Parsers::small_json_only, "t.json", text, Format::json, d);
}

Document slow(const std::string& text, Diagnostics& d, const Limits& limits = {}) {
  return testing::libfyaml_only(Format::json, text, d, limits);
}

void expect_same_tree(const std::string& text, const Limits& limits = {}) {
  testing::expect_same_tree(Format::json, text, limits);
}

/// The fast path gives up on `text`, which is an error, reported as libfyaml's path reports it.
void expect_fallback(const std::string& text, const Limits& limits = {}) {
  Diagnostics reported = testing::expect_fallback(Format::json, text, limits);
  EXPECT_TRUE(reported.has_errors()) << text;
}

TEST(JsonFastPath, ItsPluginIsLoadedFromTheBuild) {
  // simdjson is read through lib/commplan/commplan-json.so, beside the build's program and
  // above this suite's; every comparison below would fail without it, and this says why.
  EXPECT_TRUE(json_fast_path_available());
}

/// Texts both paths read, to the same tree.
const char* const kReadTexts[] = {
    "{}",
    "[]",
    "[[], {}, [[]], {\"a\": {}}]",
    "{\"a\": [1, -1, 1.5e3, -0.25E-2, 0, -0, 1e300, 123456789012345678901234567890]}",
    "[true, false, null, \"null\", \"true\", \"\"]",
    "{\"k\": \"v\", \"n\": null, \"e\": \"\", \"\": 1}",
    "[\"line\\nbreak\", \"quote \\\" here\", \"back\\\\slash\", \"\\/\\b\\f\\r\\t\"]",
    "[\"\\u00e9t\\u00E9\", \"\\ud83d\\ude00 smile\", \"caf\xC3\xA9\"]",
    "{\"\xE4\xB8\xAD\xE6\x96\x87\": \"\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\", \"x\": 1}",
    "[\"\xF0\x9F\x98\x80\", 1, \"a\xEF\xBB\xBF"
    "b\", 2]",
    "[\"raw \xE2\x80\xA8 line separator\", \"raw \xC2\x85 next line\", 3]",
    "{\"a\":{\"b\":{\"c\":[1,2,{\"d\":null}]}},\"e\":[\"f\",true]}",
    "{\n  \"a\": [\n    1,\n    \"two\"\n  ],\n  \"b\": null\n}\n",
    "{\r\n  \"a\": [1,\r\n  2],\r\n  \"b\": \"\xC3\xA9\"\r\n}\r\n",
    "[1,\r2,\r\r\n3]",
    // After a number, true, false or null, libfyaml 0.7 counts "\r\n" as one line, and
    // elsewhere as two (found by fuzz_json): both paths count it as one.
    "[4\r\n,0]",
    "[[\"\",4\r\n,0]]",
    "{\"a\":4\r\n,\"b\":1}",
    "[4 \t\r\n\t,true\r\n\r\n,null\r\n, \"x\"\r\n,{}\r\n]",
    "\n\n  \t[ 1 ,\t2 ]  \n\n",
    "\xEF\xBB\xBF{\"bom\": [\"\xC3\xA9\", 2]}",
};

TEST(JsonFastPath, BuildsTheTreeOfLibfyaml) {
  for (const char* text : kReadTexts) expect_same_tree(text);
  expect_same_tree("{\"\\u0061b\": 1, \"c\\td\": [\"\\u4e2d\"], \"\\\"\": 2}");
}

/// The line and column of every node and key of `node`'s subtree, in document order.
void places(const Node& node, std::vector<std::pair<int, int>>& out) {
  out.emplace_back(node.mark().line, node.mark().column);
  for (const Node& item : node.items()) places(item, out);
  for (const Entry& entry : node.entries()) {
    out.emplace_back(entry.key_mark().line, entry.key_mark().column);
    places(entry.value, out);
  }
}

std::string with_line_ends(std::string_view text, std::string_view end) {
  std::string out;
  for (char c : text) c == '\n' ? out.append(end) : out.append(1, c);
  return out;
}

TEST(JsonFastPath, CountsLinesAsAnEditorShowsThem) {
  // A file saved with Windows' line ends ("\r\n") or old Macs' ("\r") has its nodes on the
  // lines and columns of the same file saved with "\n", on both paths, in YAML too.
  const std::string json =
      "{\n  \"a\": [1,\n    \"two\", true,\n  null],\n\n  \"b\": {\"c\": -2.5\n  },\n"
      "  \"d\": \"\u00e9\\n\"\n}\n";
  const std::string yaml = "a:\n  - 1\n  - \"two\"\n\nb: {c: -2.5,\n  d: x}\ne: 'y'\n";
  for (const char* end : {"\r\n", "\r"}) {
    SCOPED_TRACE(end == std::string("\r") ? "CR" : "CRLF");
    Diagnostics d;
    std::vector<std::pair<int, int>> expected, from_fast, from_slow, yaml_expected, yaml_actual;
    places(slow(json, d).root, expected);
    places(slow(with_line_ends(json, end), d).root, from_slow);
    auto read_fast = fast(with_line_ends(json, end));
    ASSERT_TRUE(read_fast.has_value());
    places(read_fast->root, from_fast);
    places(parse_document("t.yaml", yaml, Format::yaml, d).root, yaml_expected);
    places(parse_document("t.yaml", with_line_ends(yaml, end), Format::yaml, d).root, yaml_actual);
    ASSERT_FALSE(d.has_errors()) << format_headline(d.items()[0]);
    EXPECT_EQ(from_slow, expected);
    EXPECT_EQ(from_fast, expected);
    EXPECT_EQ(yaml_actual, yaml_expected);
    EXPECT_EQ(expected.back().first, 8);  // "d"'s value
  }
}

TEST(JsonFastPath, PlacesASyntaxErrorOnTheLineAnEditorShows) {
  for (std::string text : {"{\n\"a\": 1\n \"b\": 2}", "[1,\n\"x\"\n3]", "{\"a\":\n[1,\n2,]}",
                           "{\n\n\"a\": tru\n}", "{\n\"a\": 1,\n\n\"b\" 2}"}) {
    Diagnostics expected;
    slow(text, expected);
    ASSERT_TRUE(expected.has_errors());
    for (const char* end : {"\r\n", "\r"}) {
      SCOPED_TRACE(with_line_ends(text, end));
      Diagnostics actual;
      parse_document("t.json", with_line_ends(text, end), Format::json, actual);
      ASSERT_TRUE(actual.has_errors());
      EXPECT_EQ(actual.items()[0].mark.line, expected.items()[0].mark.line);
      EXPECT_EQ(actual.items()[0].mark.column, expected.items()[0].mark.column);
    }
  }
}

TEST(JsonFastPath, BuildsTheTreeOfLargeMappings) {
  std::string text = "{";
  for (int i = 0; i < 100; ++i)
    text += (i ? ",\n\"key" : "\"key") + std::to_string(i) + "\": [" + std::to_string(i) + "]";
  expect_same_tree(text + "}");
}

TEST(JsonFastPath, KeepsUnescapedTextsWithTheDocument) {
  auto doc = fast("{\"a\": \"x\\ny\", \"b\\u00e9\": \"plain\"}");
  ASSERT_TRUE(doc.has_value());
  Document copy = *doc;
  doc.reset();
  EXPECT_EQ(copy.root.entries()[0].value.text(), "x\ny");
  EXPECT_EQ(copy.root.entries()[1].key(), "b\xC3\xA9");
  EXPECT_EQ(copy.root.entries()[1].value.text(), "plain");
}

TEST(JsonFastPath, ReadsAtTheLimitsAndGivesUpPastThem) {
  Limits limits;
  limits.max_depth = 3;
  limits.max_nodes = 6;  // three sequences, a mapping's key and value, and one more
  expect_same_tree("[[{\"a\": 1}], 2]", limits);
  expect_fallback("[[[{\"a\": 1}]]]", limits);
  expect_fallback("[[{\"a\": 1}], 2, 3]", limits);
}

TEST(JsonFastPath, BuildsTheTreeOfEveryJsonFileInTheSources) {
  // Those it gives up on have a scalar at the top, or a string simdjson reads otherwise.
  size_t files = 0;
  size_t read_fast = testing::compare_on_every_file(Format::json, {".json"}, files);
  ASSERT_GT(files, 0u);
  EXPECT_GE(read_fast, files / 2);
}

/// Invalid JSON: both paths refuse it.
const char* const kErrorTexts[] = {
    "{\"a\": 1,}",
    "[1, 2,]",
    "{\"a\": 1, \"a\": 2}",
    "{\"a\" 1}",
    "{1: 2}",
    "[01]",
    "[1.]",
    "[.5]",
    "[-]",
    "[tru]",
    "[nul, 1]",
    "[NaN]",
    "[Infinity]",
    "[1] [2]",
    "[1]]",
    "{\"a\": 1} x",
    "[1 2]",
    "[\"a\tb\"]",
    "[\"\\ud800\"]",
    "[\"\\x41\"]",
    "['single']",
    "{\"a\": [1, 2}",
    "[\"unterminated]",
    "",
};

TEST(JsonFastPath, LeavesEveryErrorToLibfyaml) {
  for (const char* text : kErrorTexts) expect_fallback(text);
}

TEST(JsonFastPath, LeavesToLibfyamlWhatFollowsAValueSimdjsonCouldSkip) {
  // simdjson skips a value it is not asked for up to the closing bracket of its container,
  // without checking what lies between: every value must be read.
  expect_fallback("{\"a\": 1, \"b\": \"c\": \"d\",\\u0000 , \"e\": \"f\"}}");
  expect_fallback("{\"a\": \"b\": 2}}");
  expect_fallback("[{\"a\": null: 2}}]");
  expect_fallback("[{\"a\": true x]}]");
}

TEST(JsonFastPath, KeepsTheMessagesOfDuplicatesAndDepth) {
  Diagnostics dup;
  parse_document("t.json", "{\"a\": 1,\n \"b\": {\"c\": 1, \"c\": 2}}", Format::json, dup);
  ASSERT_EQ(dup.items().size(), 1u);
  EXPECT_EQ(format_headline(dup.items()[0]),
            "t.json:2:17: error: b.c: duplicate key \"c\" (first at line 2); this one is left out");
  Diagnostics deep;
  parse_document("t.json", std::string(70, '[') + std::string(70, ']'), Format::json, deep);
  ASSERT_EQ(deep.items().size(), 1u);
  EXPECT_EQ(format_headline(deep.items()[0]),
            "t.json:1:65: error: nested more than 64 levels deep (the limit)");
}

TEST(JsonFastPath, GivesUpWhereLibfyamlReadsMoreThanJson) {
  // So does the small reader, but for a number past a double, which it reads as libfyaml does.
  for (const char* text : {"[\"\\u0000\"]", "[1, # comment\n 2]", "[1e400]", "\"text\"", "12"}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(fast(text).has_value());
    if (text != std::string("[1e400]")) {
      EXPECT_FALSE(small(text).has_value());
    }
    Diagnostics expected_d, actual_d;
    Document expected = slow(text, expected_d);
    Document actual = parse_document("t.json", text, Format::json, actual_d);
    EXPECT_FALSE(actual_d.has_errors());
    EXPECT_EQ(fuzz::tree_difference(expected.root, actual.root), "");
  }
}

TEST(JsonFastPath, GivesUpOnAScalarAtTheTop) {
  EXPECT_FALSE(fast("\"text\"").has_value());
  EXPECT_FALSE(fast("12").has_value());
  EXPECT_EQ(load_data("d.json", "\"text\""), "text");
}

/// A list of `count` findings-like objects under "findings", pretty or on one line.
std::string project_like(int count, bool pretty) {
  std::string nl = pretty ? "\n    " : "";
  std::string text = "{\"commplan\": 1, \"project\": {\"name\": \"p\"}, \"findings\": [";
  for (int i = 0; i < count; ++i)
    text += (i ? "," : "") + nl + "{\"id\": \"F-" + std::to_string(i) +
            "\", \"title\": \"caf\u00e9 \\u00e9 \\\"q\\\"\", \"n\": [" + std::to_string(i) +
            ", true, null, {}]}";
  return text + nl + "], \"log\": [], \"tail\": {\"a\": [1, 2]}}" + (pretty ? "\n" : "");
}

TEST(JsonFastPath, ReadInPiecesBuildsTheSameTreeAndLeavesTheSameErrors) {
  // Past Limits::json_piece_bytes, the top level is read by hand and its values in pieces:
  // every value and item a piece of its own (1), a few at a time, or the whole at once.
  for (size_t piece : {size_t{1}, size_t{2}, size_t{16}, size_t{100}, size_t{1} << 20}) {
    SCOPED_TRACE(piece);
    Limits limits;
    limits.json_piece_bytes = piece;
    for (const char* text : kReadTexts) expect_same_tree(text, limits);
    for (const char* text : kErrorTexts) expect_fallback(text, limits);
    for (bool pretty : {false, true}) {
      expect_same_tree(project_like(40, pretty), limits);
      std::string text = project_like(40, pretty);
      size_t comma = text.rfind(',', text.find("{\"id\": \"F-20\""));  // before item 20
      expect_fallback(text.substr(0, comma) + " " + text.substr(comma + 1), limits);
      expect_fallback(text.substr(0, comma) + ",," + text.substr(comma + 1), limits);
      expect_fallback(text.substr(0, comma) + "x" + text.substr(comma + 1), limits);
      expect_fallback(text.substr(0, comma) + ":" + text.substr(comma + 1), limits);
      expect_fallback(text + "x", limits);
      expect_fallback(text.substr(0, text.size() - 4), limits);
    }
    size_t files = 0;
    testing::compare_on_every_file(Format::json, {".json"}, files, limits);
  }
}

TEST(JsonFastPath, ReadInPiecesGivesUpOnAnEscapeInATopLevelKey) {
  // Read by hand, the top level's keys are taken as they are written: one with an escape is
  // left to libfyaml's path, which reads the same tree.
  Limits limits;
  limits.json_piece_bytes = 1;
  const char* text = "{\"\\u0061b\": 1, \"c\": [\"\\u4e2d\"]}";
  EXPECT_TRUE(fast(text).has_value());
  testing::expect_fallback(Format::json, text, limits);
}

/// The small reader reads `text` into libfyaml's tree.
void expect_small_reads(const std::string& text) {
  SCOPED_TRACE(text);
  Diagnostics d;
  Document expected = slow(text, d);
  ASSERT_FALSE(d.has_errors()) << format_headline(d.items()[0]);
  auto actual = small(text);
  ASSERT_TRUE(actual.has_value()) << "the small reader gave up";
  EXPECT_EQ(fuzz::tree_difference(expected.root, actual->root), "");
}

/// The small reader gives up on `text`, and a parse reports and builds what libfyaml does.
void expect_small_gives_up(const std::string& text) {
  SCOPED_TRACE(text);
  EXPECT_FALSE(small(text).has_value());
  Diagnostics expected_d, actual_d;
  Document expected = slow(text, expected_d);
  Document actual = parse_document("t.json", text, Format::json, actual_d);
  EXPECT_EQ(testing::printed(actual_d), testing::printed(expected_d));
  EXPECT_EQ(fuzz::tree_difference(expected.root, actual.root), "");
}

TEST(SmallJsonReader, BuildsTheTreeOfLibfyaml) {
  for (const char* text : kReadTexts) expect_small_reads(text);
  expect_small_reads("{\"\\u0061b\": 1, \"c\\td\": [\"\\u4e2d\"], \"\\\"\": 2}");
  expect_small_reads("[\"\\uD83D\\uDE00\", \"a\\u00e9\\u4E2D\\ud83d\\ude00z\", \"\\/\"]");
  expect_small_reads("[1e400]");  // simdjson refuses a number past a double; libfyaml reads it
  for (bool pretty : {false, true}) expect_small_reads(project_like(40, pretty));
}

TEST(SmallJsonReader, LeavesEveryErrorToLibfyaml) {
  for (const char* text : kErrorTexts) expect_small_gives_up(text);
  for (const char* text : {"{\"a\": 1, \"b\": \"c\": \"d\",\\u0000 , \"e\": \"f\"}}",
                           "{\"a\": \"b\": 2}}",
                           "[{\"a\": null: 2}}]",
                           "[{\"a\": true x]}]",
                           "[\"\\ude00\"]",
                           "[\"\\ud83dx\"]",
                           "[\"\\ud83d\\u0041\"]",
                           "[\"\\u12\"]",
                           "[\"\\u12g4\"]",
                           "[\"a\\\"]",
                           "[\"a\\",
                           "[truex]",
                           "[nullnull]",
                           "[1-2]",
                           "[--1]",
                           "[+1]",
                           "{\"a\"}",
                           "{\"a\":}",
                           "{,}",
                           "[,1]",
                           "{\"a\":1,}",
                           "[1]\n]",
                           "[\"\x01\"]",
                           "[\"a\nb\"]",
                           "[\"a\\ab\"]",
                           "[\"\\U0041\"]"})
    expect_small_gives_up(text);
}

TEST(SmallJsonReader, ReadsEveryPrefixOfADocumentAsLibfyamlDoes) {
  // Cut anywhere, a document is read to libfyaml's tree or given up to libfyaml's messages.
  std::string text = project_like(3, true);
  size_t read = 0;
  for (size_t size = 0; size <= text.size(); ++size) {
    std::string prefix = text.substr(0, size);
    if (small(prefix))
      expect_small_reads(prefix), ++read;
    else
      expect_small_gives_up(prefix);
  }
  EXPECT_EQ(read, 2u);  // the whole, and the whole without its last line end
}

TEST(SmallJsonReader, ReadsEveryJsonFileInTheSourcesAsLibfyamlDoes) {
  size_t files = 0;
  size_t read =
      testing::compare_on_every_file(Format::json, {".json"}, files, {}, Parsers::small_json_only);
  ASSERT_GT(files, 0u);
  EXPECT_GE(read, files / 2);
}

}  // namespace
}  // namespace commplan
