#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>
#include <utility>

#include "load/document.hpp"

namespace commplan {
namespace {

Document parse(const std::string& text, Diagnostics& d, Format format = Format::yaml,
               const Limits& limits = {}) {
  return parse_document("t.yaml", text, format, d, limits);
}

std::string only_headline(const Diagnostics& d) {
  EXPECT_EQ(d.items().size(), 1u);
  return d.items().empty() ? "" : format_headline(d.items()[0]);
}

/// The one problem of parsing `text`, as printed: headline, quoted line and caret.
std::string only_diagnostic(const std::string& text) {
  Diagnostics d;
  parse(text, d);
  EXPECT_EQ(d.items().size(), 1u) << text;
  return d.items().empty() ? "" : format_diagnostic(d.items()[0]);
}

TEST(PackedNode, KindPlainnessAndPlaceAreSetApart) {
  // The kind and plainness share the column's word: setting one never changes the others.
  const Mark far{2'000'000, static_cast<int>(PackedMark::kColumnMax), kMaxReadBytes - 1};
  for (Node::Kind kind :
       {Node::Kind::null, Node::Kind::scalar, Node::Kind::sequence, Node::Kind::mapping})
    for (bool plain : {false, true}) {
      Node node;
      node.set_mark(far);
      node.set_kind(kind);
      node.set_plain(plain);
      EXPECT_EQ(node.kind(), kind);
      EXPECT_EQ(node.plain(), plain);
      EXPECT_EQ(node.mark().line, far.line);
      EXPECT_EQ(node.mark().column, far.column);
      EXPECT_EQ(node.mark().offset, far.offset);
      node.set_mark({3, 4, 5});
      EXPECT_EQ(node.kind(), kind);
      EXPECT_EQ(node.plain(), plain);
      EXPECT_EQ(node.mark().column, 4);
      node.set_plain(!plain);
      node.set_kind(Node::Kind::scalar);
      EXPECT_EQ(node.mark().column, 4);
      EXPECT_EQ(node.mark().line, 3);
      EXPECT_EQ(node.plain(), !plain);
    }
  Entry entry("key", far, Node{});
  EXPECT_EQ(entry.key(), "key");
  EXPECT_EQ(entry.key_mark().column, far.column);
  EXPECT_EQ(entry.key_mark().offset, far.offset);
  EXPECT_TRUE(entry.value.is_null());
}

TEST(DocumentParser, KeepsScalarTextAsWritten) {
  Diagnostics d;
  Document doc = parse("version: 1.10\ntime: 17:30\ncountry: NO\nquoted: \"1\"\n", d);
  ASSERT_FALSE(d.has_errors());
  EXPECT_EQ(doc.root.find("version")->text(), "1.10");
  EXPECT_EQ(doc.root.find("time")->text(), "17:30");
  EXPECT_EQ(doc.root.find("country")->text(), "NO");
  EXPECT_TRUE(doc.root.find("version")->plain());
  EXPECT_FALSE(doc.root.find("quoted")->plain());
}

TEST(DocumentParser, ACopyKeepsItsTextsWhenTheOriginalIsGone) {
  // Plain texts are views of the source: short sources (in a string's own buffer) included.
  for (const char* source :
       {"a: b\n", "\xEF\xBB\xBFkey: a plain text long enough to be on the heap\n"}) {
    Diagnostics d;
    auto original = std::make_unique<Document>(parse(source, d));
    ASSERT_FALSE(d.has_errors()) << source;
    Document copy = *original;
    std::string text(original->text);
    original.reset();
    EXPECT_EQ(copy.text, text);
    EXPECT_EQ(copy.text.substr(0, 1), std::string_view(text).substr(0, 1));
    const Entry& entry = copy.root.entries()[0];
    EXPECT_EQ(text.substr(entry.value.mark().offset, entry.value.text().size()),
              entry.value.text());
  }
}

TEST(DocumentParser, RecordsOneBasedPlaces) {
  Diagnostics d;
  Document doc = parse("a:\n  b: [x, yy]\n", d);
  const Node* b = doc.root.find("a")->find("b");
  EXPECT_EQ(b->mark().line, 2);
  EXPECT_EQ(b->mark().column, 6);
  EXPECT_EQ(b->items()[1].mark().column, 10);
  EXPECT_EQ(doc.root.entries()[0].key_mark().line, 1);
}

TEST(DocumentParser, ReadsNullForms) {
  Diagnostics d;
  Document doc = parse("a:\nb: ~\nc: null\nd: 'null'\n", d);
  EXPECT_TRUE(doc.root.find("a")->is_null());
  EXPECT_TRUE(doc.root.find("b")->is_null());
  EXPECT_TRUE(doc.root.find("c")->is_null());
  EXPECT_TRUE(doc.root.find("d")->is_scalar());
}

TEST(DocumentParser, RejectsDuplicateKeysWithTheirPlace) {
  Diagnostics d;
  parse("a: 1\nb:\n  c: 1\n  c: 2\n", d);
  EXPECT_EQ(only_headline(d),
            "t.yaml:4:3: error: b.c: duplicate key \"c\" (first at line 3); this one is left out");
}

TEST(DocumentParser, ReadsOnPastADuplicateKeyKeepingTheFirstValue) {
  // Every problem of a file at once: the tree is whole, the duplicate's value left out, and a
  // second duplicate further on reported too, with its path.
  Diagnostics d;
  Document doc = parse("a: 1\nb:\n  - x: 1\n  - x: 2\n    x: [3]\n    y: 4\na: {z: 5}\nc: 6\n", d);
  ASSERT_EQ(d.items().size(), 2u);
  EXPECT_EQ(format_headline(d.items()[0]),
            "t.yaml:5:5: error: b[1].x: duplicate key \"x\" (first at line 4); this one is left "
            "out");
  EXPECT_EQ(format_headline(d.items()[1]),
            "t.yaml:7:1: error: a: duplicate key \"a\" (first at line 1); this one is left out");
  EXPECT_EQ(to_json(doc.root).dump(), R"({"a":1,"b":[{"x":1},{"x":2,"y":4}],"c":6})");
}

TEST(DocumentParser, RejectsDuplicateKeysInLargeMappings) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += fmt::format("k{}: 1\n", i);
  text += "k7: 2\n";
  Diagnostics d;
  parse(text, d);
  EXPECT_EQ(only_headline(d),
            "t.yaml:41:1: error: k7: duplicate key \"k7\" (first at line 8); this one is left out");
}

TEST(DocumentParser, ReportsSyntaxErrorsOnce) {
  Diagnostics d;
  parse("a: \"abc\n", d);
  EXPECT_EQ(only_headline(d), "t.yaml:1:5: error: double-quoted scalar without closing quote");
}

TEST(DocumentParser, RejectsTabIndentation) {
  Diagnostics d;
  parse("a:\n\tb: 1\n", d);
  ASSERT_TRUE(d.has_errors());
  EXPECT_EQ(d.items()[0].mark.line, 2);
}

TEST(DocumentParser, RejectsBinaryAndNonUtf8Input) {
  Diagnostics binary;
  parse(std::string("a: b\0c", 6), binary);
  EXPECT_EQ(only_headline(binary), "t.yaml:1:5: error: binary data (a NUL byte): not a text file");
  Diagnostics latin;
  parse("a: 1\nname: caf\xe9\n", latin);
  EXPECT_EQ(only_headline(latin),
            "t.yaml:2:10: error: invalid UTF-8 (byte 0xE9): the file must be UTF-8");
}

TEST(DocumentParser, SkipsAByteOrderMark) {
  Diagnostics d;
  Document doc = parse(
      "\xEF\xBB\xBF"
      "a: 1\n",
      d);
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(doc.root.find("a")->text(), "1");
}

TEST(DocumentParser, StopsAtTheDepthLimit) {
  Diagnostics d;
  std::string deep = "a: " + std::string(100, '[') + std::string(100, ']') + "\n";
  parse(deep, d, Format::yaml, Limits{.max_depth = 10});
  EXPECT_EQ(only_headline(d), "t.yaml:1:13: error: nested more than 10 levels deep (the limit)");
}

TEST(DocumentParser, StopsAnAliasBombBeforeItGrows) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  std::string previous = "a";
  for (char c = 'b'; c <= 'j'; ++c) {
    std::string name(1, c);
    text += name + ": &" + name + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", *" : "*") + previous;
    text += "]\n";
    previous = name;
  }
  Diagnostics d;
  parse(text, d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_NE(d.items()[0].message.find("aliases expand to more than 100000 nodes"),
            std::string::npos);
}

TEST(DocumentParser, ExpandsAliasesAsCopies) {
  Diagnostics d;
  Document doc = parse("a: &x {k: v}\nb: *x\n", d);
  ASSERT_FALSE(d.has_errors());
  EXPECT_EQ(doc.root.find("b")->find("k")->text(), "v");
  EXPECT_EQ(doc.root.find("b")->mark().line, 2);
}

TEST(DocumentParser, RejectsASecondDocument) {
  Diagnostics d;
  parse("a: 1\n---\nb: 2\n", d);
  EXPECT_EQ(only_headline(d), "t.yaml:2:1: error: more than one document in the stream");
}

TEST(DocumentParser, LocatesContentAfterADocumentEndMarker) {
  using Case = std::pair<const char*, const char*>;  // the text, the place of its error
  for (auto [text, place] :
       {Case{"a: 1\n...\nb: 2\n", "3:1"}, Case{"a: 1\n...\n# note\n\n  b: 2\n", "5:3"}}) {
    Diagnostics d;
    parse(text, d);
    EXPECT_EQ(only_headline(d),
              fmt::format("t.yaml:{}: error: more than one document in the stream: content "
                          "after the document end marker \"...\"",
                          place))
        << text;
  }
  EXPECT_EQ(only_diagnostic("\"a\"\n...\n\"b\"\n"),
            "t.yaml:3:2: error: more than one document in the stream: content after the document "
            "end marker \"...\"\n"
            " \"b\"\n"
            "  ^");
  Diagnostics end_only;
  parse("a: 1\n...\n# the end\n", end_only);
  EXPECT_TRUE(end_only.items().empty());
}

TEST(DocumentParser, LocatesAnUnsupportedYamlVersion) {
  EXPECT_EQ(only_diagnostic("# a project\n%YAML 2.0\n---\na: 1\n"),
            "t.yaml:2:7: error: unsupported YAML version \"2.0\" in the %YAML directive; commplan "
            "reads YAML 1.2 (1.1 is accepted)\n"
            " %YAML 2.0\n"
            "       ^");
  Diagnostics accepted;
  parse("%YAML 1.1\n---\na: 1\n", accepted);
  EXPECT_TRUE(accepted.items().empty());
}

TEST(DocumentParser, LocatesAZeroIndentationIndicator) {
  EXPECT_EQ(only_diagnostic("a: 1\nscope: |0\n  x\n"),
            "t.yaml:2:9: error: the indentation indicator of a block text (| or >) must be 1 to "
            "9, not 0\n"
            " scope: |0\n"
            "         ^");
  Diagnostics folded;
  parse("a: \"|0\"\nb: >-0\n", folded);
  EXPECT_EQ(only_headline(folded),
            "t.yaml:2:6: error: the indentation indicator of a block text (| or >) must be 1 to "
            "9, not 0");
}

TEST(DocumentParser, ReadsJsonWithPlaces) {
  Diagnostics d;
  Document doc = parse("{\n  \"a\": [1, \"two\"],\n  \"b\": null\n}", d, Format::json);
  ASSERT_FALSE(d.has_errors());
  EXPECT_EQ(doc.root.find("a")->items()[1].mark().line, 2);
  EXPECT_TRUE(doc.root.find("b")->is_null());
}

TEST(DocumentParser, RejectsJsonTrailingCommasAndDuplicates) {
  Diagnostics comma;
  parse("{\"a\": 1,}", comma, Format::json);
  EXPECT_EQ(comma.items().size(), 1u);
  EXPECT_EQ(comma.items()[0].mark.column, 8);
  Diagnostics dup;
  parse("{\"a\": 1, \"a\": 2}", dup, Format::json);
  // A quoted key is marked at its text, inside the quote.
  EXPECT_EQ(only_headline(dup),
            "t.yaml:1:11: error: a: duplicate key \"a\" (first at line 1); this one is left out");
}

TEST(DocumentFormat, DetectsByExtensionThenContent) {
  EXPECT_EQ(detect_format("p.json", "a: 1"), Format::json);
  EXPECT_EQ(detect_format("p.yml", "{}"), Format::yaml);
  EXPECT_EQ(detect_format("-", "  \n{\"a\": 1}"), Format::json);
  EXPECT_EQ(detect_format("-", "a: 1"), Format::yaml);
}

TEST(DataToJson, TypesPlainScalarsByTheCoreSchema) {
  nlohmann::json data =
      load_data("d.yaml",
                "i: 12345678901\nf: 1.21\nt: true\nn: ~\ns: '12'\nbig: 123456789012345678901234\n"
                "nan: .nan\nhex: 0x1F\ntime: 17:30\nneg: -3\n");
  EXPECT_EQ(data["i"], 12345678901ULL);
  EXPECT_EQ(data["f"].dump(), "1.21");
  EXPECT_EQ(data["t"], true);
  EXPECT_TRUE(data["n"].is_null());
  EXPECT_EQ(data["s"], "12");
  EXPECT_EQ(data["big"], "123456789012345678901234");
  EXPECT_EQ(data["nan"], ".nan");
  EXPECT_EQ(data["hex"], 31);
  EXPECT_EQ(data["time"], "17:30");
  EXPECT_EQ(data["neg"], -3);
}

TEST(DataToJson, IsTextWhereToJsonGivesAString) {
  Document doc = load_document(
      "d.yaml",
      "[12, -3, +5, .5, 1e3, 0x1F, 0o17, 0xZZ, 1.2.3, -x, +x, ., true, True, TRUE, tRUE, false, "
      "False, fish, Tuesday, 17:30, .nan, 123456789012345678901234, text, '12', \"true\", '', "
      "~, null, [1], {a: 1}, 中文, 'x']");
  for (const Node& item : doc.root.items())
    EXPECT_EQ(is_text(item), to_json(item).is_string()) << item.text();
  EXPECT_FALSE(is_text(doc.root));
}

TEST(DataToJson, AcceptsAnyJsonValueAtTheTop) {
  EXPECT_EQ(load_data("d.json", "[1, 2]").size(), 2u);
  EXPECT_EQ(load_data("d.json", "\"text\""), "text");
}

TEST(DataToJson, ThrowsWithEveryLocatedProblem) {
  try {
    load_data("d.yaml", "a: [1\n");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::invalid_input);
    EXPECT_EQ(e.diagnostics().items()[0].file, "d.yaml");
  }
}

}  // namespace
}  // namespace commplan
