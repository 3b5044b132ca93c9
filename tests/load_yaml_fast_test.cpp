// The fast path for block-style YAML against libfyaml's path: the same tree node for node
// (kinds, plain, texts, keys, places) where it reads a text, and libfyaml's diagnostics,
// unchanged, wherever it gives up.

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "fast_path_helpers.hpp"
#include "fuzz/entries.hpp"

namespace commplan {
namespace {

std::optional<Document> fast(const std::string& text, const Limits& limits = {}) {
  return testing::fast_only(Format::yaml, text, limits);
}

Document slow(const std::string& text, Diagnostics& d, const Limits& limits = {}) {
  return testing::libfyaml_only(Format::yaml, text, d, limits);
}

void expect_same_tree(const std::string& text, const Limits& limits = {}) {
  testing::expect_same_tree(Format::yaml, text, limits);
}

void expect_fallback(const std::string& text, const Limits& limits = {}) {
  testing::expect_fallback(Format::yaml, text, limits);
}

TEST(YamlFastPath, BuildsTheTreeOfLibfyaml) {
  for (const char* text : {
           // Block mappings and sequences: nested, indentless, compact, at any indentation.
           "a: 1\nb:\n  c: x\n  d:\n    - 1\n    - 2\ne: last\n",
           "findings:\n- id: F1\n  title: T\n- id: F2\n  tags:\n  - x\n  - y\n  owner: Z\nafter: "
           "1\n",
           "- a\n- - b\n  - c\n- k: v\n  k2: w\n-\n  nested: on the next line\n",
           "  indented: root\n  second: 2\n",
           "a:\n    deep: 1\nb:\n  - x\n",
           "---\na: 1\n",
           "--- # a comment\n# another\n\na: 1\n",
           // Plain scalars: typed later from plain(), nulls, texts with indicators inside.
           "i: 12\nf: -1.5e3\nt: true\nn: null\ntilde: ~\nempty:\ns: x:y\nu: http://h/p?q#f\n",
           "h: a#b\nc: a # comment\nsp: trailing   \ndash: -x\nq: it's \"fine\"\np: 50%\n",
           "a  : spaced key\n\"quoted key\": v\n'single key': w\n\"\": empty key\n",
           "list:\n  - \"x\" # after a quoted text\n  - 'y'\n  - z\n",
           // Quoted scalars on one line, with escapes.
           "s: 'it''s'\nd: \"tab\\tnew\\nline \\\"q\\\" back\\\\slash \\/\"\n",
           "u: \"\\u00e9\\x41\\U0001F600 \\_ \\a\\b\\e\\f\\r\\v\\ \"\n",
           // Texts in Chinese: columns count characters.
           "\xE9\xA1\xB9\xE7\x9B\xAE: \xE6\x9C\xBA\xE6\x88\xBF B2\n\xE8\xB4\x9F\xE8\xB4\xA3: "
           "\"\xE5\xBC\xA0\xE4\xB8\x89\"\nlist: [\xE7\x94\xB2, \xE4\xB9\x99]\n",
           // Multi-line plain scalars fold.
           "summary: first line\n  second line\n\n  after an empty line\nnext: 1\n",
           "summary:\n  on the next line\n  and one more # comment\nnext: 1\n",
           "- item text\n  goes on\n- another\n",
           // Block texts: literal and folded, chomping, empty lines inside and around.
           "a: |\n  one\n  two\nb: 1\n",
           "a: |-\n  one\n\n   more indented\nb: >\n  folded\n  lines\n\n  para\nc: 1\n",
           "a: |+\n  kept\n\n\nb: >-\n\n  after an empty line\n  x\n",
           "a: | # a comment on the header\n  x\n# a comment after\nb: |\n  last",
           "- |\n  in a sequence\n- key: >\n    folded in a compact mapping\n",
           "a: |\n  only line\nb: |-\n  only line\n\"q\": |\n past the quote\n",
           // Flow collections, on one line and across lines.
           "w: [mon, tue, 'wed', \"thu\"]\ne: []\nm: {}\nn: {a: 1, \"b\": [x, {c: d}], 'e': f,}\n",
           "h: {date: 2026-12-11, notified: {to: Zhou Min, via: phone}}\nq: {\"a\":b}\nt: [x,]\n",
           "p: {name: P, client: C,\n    start: 2026-12-07}   # a comment\nnext:\n  - [a, b,\n     "
           "c]\n",
           "f: [ spaced , items ]\ng: [a:b, -1, x y]\n",
       })
    expect_same_tree(text);
}

TEST(YamlFastPath, ReadsTheShapeOfAGeneratedProject) {
  // As bench/gen writes findings: an indentless list of mappings with a block text inside.
  std::string text = "commplan: 1\nfindings:\n";
  for (int i = 0; i < 300; ++i)
    text += "- id: F-" + std::to_string(i) + "\n  title: \"Finding " + std::to_string(i) +
            " (\xE6\x9C\xBA\xE6\x88\xBF B2)\"\n  severity: high\n  evidence: |\n    line one\n"
            "    line two\n  history:\n    - date: 2025-03-03\n      notified:\n        to: Zhou\n";
  expect_same_tree(text);
}

/// Block-style documents made at random from the pieces project files are made of, and of
/// some the fast path leaves to libfyaml: keys plain and quoted, scalars of every style with
/// indicators inside, comments, flow collections across lines, block texts with every header,
/// and nesting at every indentation.
class DocumentMaker {
 public:
  explicit DocumentMaker(unsigned seed) : random_(seed) {}

  std::string document() {
    std::string text = pick({"", "---\n", "# c\n"});
    std::string body = block(pick_int(0, 1), 0);
    return text + (body.empty() ? "a: 1\n" : body);
  }

 private:
  template <size_t N>
  std::string pick(const char* const (&options)[N]) {
    return options[pick_int(0, static_cast<int>(N) - 1)];
  }
  int pick_int(int low, int high) { return std::uniform_int_distribution(low, high)(random_); }
  bool chance(double p) { return std::uniform_real_distribution(0.0, 1.0)(random_) < p; }

  std::string scalar() {
    std::string word = pick({"a",    "b",     "x y",      "null",     "~",
                             "true", "12",    "-3.5",     "it's",     "#h",
                             "a#b",  "x:y",   "http://h", "\xC3\xA9", "\xE6\x9C\xBA\xE6\x88\xBF",
                             "-x",   "50%",   "a,b",      "[x]",      "{y}",
                             "'q'",  "\"d\"", "a: b",     "a #c",     "",
                             " ",    "?x",    ":x",       "@x",       "|",
                             ">",    "!t",    "&a",       "*a",       "0x1F",
                             "NULL"});
    if (chance(0.5)) return word;
    if (chance(0.4)) {
      std::string quoted = "'";
      for (char c : word) quoted += c == '\'' ? std::string("''") : std::string(1, c);
      return quoted + "'";
    }
    if (chance(0.8)) {
      std::string quoted = "\"";
      for (char c : word)
        quoted += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
      return quoted +
             pick({"", "\\n", "\\t", "\\\"", "\\\\", "\\u00e9", "\\x41", "\\/", "\\_", "\\e",
                   "\\U0001F600", "\\q", "\\ud800"}) +
             "\"";
    }
    return word + pick({"  ", " # c", "\t", ""});
  }

  std::string flow(int depth) {
    if (depth > 2 || chance(0.5)) return scalar();
    std::string text;
    int n = pick_int(0, 3);
    bool sequence = chance(0.5);
    for (int i = 0; i < n; ++i) {
      if (i > 0) text += pick({", ", ",", ", \n    ", " , "});
      if (!sequence)
        text += pick({"a", "b", "\"q\"", "'s'", "k y", "a:b"}) + pick({": ", ":", " : "});
      text += flow(depth + 1);
    }
    return (sequence ? "[" : "{") + text + pick({"", ",", " "}) + (sequence ? "]" : "}");
  }

  std::string block(int indent, int depth) {
    if (depth > 4 || chance(0.25)) return "";
    std::string pad(static_cast<size_t>(indent), ' ');
    std::string text;
    bool mapping = chance(0.5);
    for (int i = pick_int(1, 4); i > 0; --i) {
      if (mapping)
        text += pad +
                pick({"a", "b", "c", "id", "\xE5\x90\x8D", "k y", "\"q\"", "'s'", "\"\"", "-k",
                      "a:b", "null", "1", "x[1]"}) +
                pick({":", ": ", "  :"}) + value(indent, depth, true);
      else
        text += pad + "-" + value(indent, depth, false);
    }
    return text;
  }

  std::string value(int indent, int depth, bool in_mapping) {
    std::string pad(static_cast<size_t>(indent + 2), ' ');
    if (chance(0.35)) {
      return " " + scalar() +
             pick({"\n", "\n", "\n\n", "\n  # c\n", ("\n" + pad + "more\n").c_str()});
    }
    if (chance(0.15)) return " " + flow(0) + "\n";
    if (chance(0.2)) {
      std::string text =
          " " + pick({"|", "|-", "|+", ">", ">-", ">+", "|2"}) + pick({"", " # c"}) + "\n";
      std::string lines_pad(static_cast<size_t>(indent + pick_int(1, 3)), ' ');
      for (int i = pick_int(0, 4); i > 0; --i) {
        std::string line = pick({"t1", "  more", "", "t2 #x", "   "});
        text += (line.find_first_not_of(' ') == std::string::npos ? line : lines_pad + line) + "\n";
      }
      return text;
    }
    if (chance(0.1)) return "\n";
    std::string nested = block(indent + (in_mapping ? pick_int(0, 4) : pick_int(1, 2)), depth + 1);
    return nested.empty() ? " x\n" : pick({"\n", " # c\n"}) + nested;
  }

  std::mt19937 random_;
};

TEST(YamlFastPath, BuildsTheTreeOfLibfyamlOnDocumentsMadeAtRandom) {
  DocumentMaker maker(20261206);
  size_t read_fast = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text = maker.document();
    auto actual = fast(text);
    if (!actual) continue;
    SCOPED_TRACE(text);
    ++read_fast;
    Diagnostics d;
    Document expected = slow(text, d);
    ASSERT_FALSE(d.has_errors()) << format_headline(d.items()[0]);
    ASSERT_EQ(fuzz::tree_difference(expected.root, actual->root), "");
  }
  EXPECT_GE(read_fast, 600u);  // the rest have something the fast path leaves to libfyaml
}

TEST(YamlFastPath, ReadsADocumentOnOneLine) {
  // Every node's column is counted on from the last: counted from the line's start, this line
  // of 300,000 items would take some 10^11 steps.
  std::string text = "a: [";
  for (int i = 0; i < 300000; ++i) text += i % 2 ? "\xE6\x9C\xBA, " : "x, ";
  text += "end]\n";
  expect_same_tree(text);
}

TEST(YamlFastPath, KeepsUnfoldedTextsWithTheDocument) {
  auto doc = fast("a: |\n  x\n  y\nb: \"\\u00e9\"\nc: one\n  two\n");
  ASSERT_TRUE(doc.has_value());
  Document copy = *doc;
  doc.reset();
  EXPECT_EQ(copy.root.entries()[0].value.text(), "x\ny\n");
  EXPECT_EQ(copy.root.entries()[1].value.text(), "\xC3\xA9");
  EXPECT_EQ(copy.root.entries()[2].value.text(), "one two");
}

TEST(YamlFastPath, GivesUpOnWhatItDoesNotReadAndLibfyamlDoes) {
  for (const char* text : {
           "a: &x 1\nb: *x\n",        // anchors and aliases
           "a: !!str 1\n",            // tags
           "? complex\n: key\n",      // complex keys
           "%YAML 1.2\n---\na: 1\n",  // directives
           "a: \"two\n  lines\"\n",   // quoted scalars across lines
           "a: 'two\n  lines'\n",
           "a:\ttab\n",  // tabs, carriage returns
           "a: 1\r\nb: 2\r\n",
           "a: 1\n...\n",            // a document end
           "- a\n-\n- c\n",          // an empty item
           "a: [x: y]\n",            // a pair in a flow sequence
           "a: {x}\n",               // a flow key without a value
           "a: |2\n   indicated\n",  // an indentation indicator
           "a: >\n  folded\n    more indented\n",
           "a: |\n   \n  deeper empty line first\n",
           "a: |\n",  // an empty block text at the end
           "",        // no document
           "# only a comment\n",
           "plain\nroot text\n",  // a multi-line scalar at the top
           "a: \"\\N\\L\\P\"\n",  // escapes of line breaks
           "a: \"\\0\"\n",
           "a: x\xC2\x85y\n",  // NEL, a byte order mark inside
           "a: \xEF\xBB\xBFx\n",
           "a: [x,\ny]\n",       // a flow collection at the key's indentation
           "a: [one\n  two]\n",  // a plain scalar across lines in a flow
       })
    expect_fallback(text);
}

TEST(YamlFastPath, LeavesEveryErrorToLibfyaml) {
  for (const char* text : {
           "a: 1\na: 2\n",
           "a: b: c\n",
           "a: 1\n  b: 2\n",
           "- a\nb: 1\n",
           "a: - x\n",
           "a: \"unterminated\n",
           "a: [1, 2\n",
           "a: {b: 1\n",
           "a: 'x' y\n",
           "a: [1] x\n",
           "a:\n  b: |\n c\n",
           "key: |\nnot indented\n",
           "\"quoted key\": |\nnot indented\n",
           "a: x\n# comment\n  y\n",
           "a: @x\n",
           "a: `x\n",
           "[a]: 1\n",
           "a: 1\n---\nb: 2\n",
       })
    expect_fallback(text);
}

TEST(YamlFastPath, ReadsAtTheLimitsAndGivesUpPastThem) {
  Limits limits;
  limits.max_depth = 3;
  limits.max_nodes = 6;  // a mapping, a sequence, a mapping, its key and value, and one more
  expect_same_tree("a:\n  - b: 1\n", limits);
  expect_fallback("a:\n  - b:\n      - 1\n", limits);
  expect_fallback("a:\n  - b: 1\n    c: 2\n", limits);
}

TEST(YamlFastPath, BuildsTheTreeOfEveryYamlFileInTheSources) {
  // Those it gives up on are the adversarial inputs mostly: anchors, tags, tabs...
  size_t files = 0;
  size_t read_fast = testing::compare_on_every_file(Format::yaml, {".yaml", ".yml"}, files);
  ASSERT_GT(files, 0u);
  EXPECT_GE(read_fast, files / 2);
  for (const char* example :
       {"examples/datacentre-assessment.yaml", "examples/software-delivery.zh.yaml"}) {
    std::ifstream in(testing::source_path(example), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_TRUE(fast(text).has_value()) << example;
  }
}

}  // namespace
}  // namespace commplan
