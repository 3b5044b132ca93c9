// Rendering: numbers, falsiness, strict mode, limits, and whitespace that Markdown needs.

#include <gtest/gtest.h>

#include "load/document.hpp"
#include "template_fixtures.hpp"

namespace commplan::tmpl {
namespace {

using nlohmann::json;
using testing::headlines;
using testing::render_text;
using Lines = std::vector<std::string>;

TEST(TemplateRender, NumbersPrintAsJsonWritesThem) {
  json data = json::parse(R"({"a": 1.21, "b": 12345678901, "c": -3, "d": 1e300, "e": 1.0,
                              "f": 18446744073709551615, "g": 0.1})");
  EXPECT_EQ(render_text("{{a}} {{b}} {{c}} {{d}} {{e}} {{f}} {{g}}", data),
            "1.21 12345678901 -3 1e+300 1.0 18446744073709551615 0.1");
}

TEST(TemplateRender, FalsyValues) {
  for (const char* value : {"false", "null", "0", "0.0", "\"\"", "[]"}) {
    json data = {{"v", json::parse(value)}};
    EXPECT_EQ(render_text("{{#v}}yes{{/v}}{{^v}}no{{/v}}", data), "no") << value;
  }
}

TEST(TemplateRender, TruthyValues) {
  for (const char* value : {"true", "1", "-0.5", "\"0\"", "\" \"", "[0]", "{}"}) {
    json data = {{"v", json::parse(value)}};
    EXPECT_EQ(render_text("{{#v}}yes{{/v}}{{^v}}no{{/v}}", data), "yes") << value;
  }
}

TEST(TemplateRender, ListsAndObjectsInterpolateAsJson) {
  json data = json::parse(R"({"l": [1, "a"], "o": {"k": true}, "b": false})");
  EXPECT_EQ(render_text("{{{l}}} {{{o}}} {{b}}", data), "[1,\"a\"] {\"k\":true} false");
}

TEST(TemplateRender, ArrayItemsByIndex) {
  json data = json::parse(R"({"findings": [{"title": "a"}, {"title": "b"}]})");
  EXPECT_EQ(render_text("{{findings.1.title}}|{{findings.2.title}}|{{findings.x}}", data), "b||");
}

TEST(TemplateRender, AnyJsonValueIsData) {
  EXPECT_EQ(render_text("{{#.}}<{{.}}>{{/.}}", json::parse("[1, 2]")), "<1><2>");
  EXPECT_EQ(render_text("{{.}}", "text"), "text");
}

TEST(TemplateRender, MarkdownTableInsideALoop) {
  const std::string tmpl =
      "| id | title |\n"
      "|----|-------|\n"
      "{{#findings}}\n"
      "  {{! one row a finding }}\n"
      "| {{id}} | {{title}} |\n"
      "{{/findings}}\n"
      "{{^findings}}\n"
      "| – | none |\n"
      "{{/findings}}\n"
      "\n"
      "End.\n";
  json data = json::parse(R"({"findings": [{"id": "F1", "title": "a | b"}, {"id": "F2",
                              "title": "*x*"}]})");
  RenderOptions md;
  md.escape = Escape::markdown;
  EXPECT_EQ(render_text(tmpl, data, md),
            "| id | title |\n|----|-------|\n| F1 | a \\| b |\n| F2 | \\*x\\* |\n\nEnd.\n");
  EXPECT_EQ(render_text(tmpl, json::object(), md),
            "| id | title |\n|----|-------|\n| – | none |\n\nEnd.\n");
}

TEST(TemplateRender, StrictNamesEveryMissingVariableOnce) {
  json data = json::parse(R"({"items": [{"title": "a"}, {}, {}], "client": {}})");
  RenderOptions strict;
  strict.strict = true;
  auto errors = headlines([&] {
    render_text("Hello {{client.name}}\n{{#items}}- {{title}}\n{{/items}}{{#absent}}{{/absent}}",
                data, strict);
  });
  EXPECT_EQ(errors, (Lines{"t.mustache:1:7: error: missing variable \"client.name\"",
                           "t.mustache:2:13: error: missing variable \"title\""}));
}

TEST(TemplateRender, StrictFailureIsItsOwnType) {
  RenderOptions strict;
  strict.strict = true;
  EXPECT_THROW(render_text("{{x}}", json::object(), strict), StrictFailure);
  EXPECT_EQ(render_text("{{^x}}none{{/x}}{{y}}", {{"y", nullptr}}, strict), "none");
}

TEST(TemplateRender, RecursivePartialHitsTheDepthLimit) {
  Library library({}, nullptr);
  library.add("loop", "x{{>loop}}");
  const Template& t = library.compile("t.mustache", "\n  {{>loop}}");
  auto errors = headlines([&] { library.render(t, json::object()); });
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0],
            "loop:1:2: error: partials nested deeper than 100 levels: does \"loop\" include "
            "itself?");
}

TEST(TemplateRender, DeepSectionsInRecursivePartialsHitTheLevelLimit) {
  Library library({}, nullptr);
  std::string p;
  for (int i = 0; i < 255; ++i) p += "{{#a}}";
  p += "{{>p}}";
  for (int i = 0; i < 255; ++i) p += "{{/a}}";
  library.add("p", p);
  const Template& t = library.compile("t.mustache", "{{>p}}");
  auto errors = headlines([&] { library.render(t, {{"a", true}}); });
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "p:1:1387: error: sections and partials nested deeper than 1000 levels");
}

TEST(TemplateRender, BlockOverridingItselfHitsTheDepthLimit) {
  Library library({}, nullptr);
  library.add("parent", "{{$a}}{{/a}}");
  const Template& t =
      library.compile("t.mustache", "{{<parent}}{{$a}}{{$a}}{{/a}}{{/a}}{{/parent}}");
  EXPECT_EQ(headlines([&] { library.render(t, json::object()); }).size(), 1u);
}

TEST(TemplateRender, DrainedOutputIsTheOutputInPieces) {
  // A standalone partial indents each line it writes, also lines that start after a drain.
  Library library({}, nullptr);
  // A line that starts with an empty section is indented once, before the section.
  library.add("row", "{{#none}}{{/none}}- {{name}}\n  {{#tags}}[{{.}}]{{/tags}}\n");
  library.add("block", "{{$body}}default{{/body}}\n");
  const Template& t = library.compile("t.mustache",
                                      "# Rows\n  {{#rows}}\n  {{>row}}\n  "
                                      "{{/rows}}\n{{<block}}{{$body}}{{n}}{{/body}}{{/block}}\n");
  json data = {{"rows", json::array()}, {"n", 7}};
  for (int i = 0; i < 300; ++i)
    data["rows"].push_back({{"name", "row " + std::to_string(i)}, {"tags", {"a", "b"}}});
  std::string whole = library.render(t, data);
  for (size_t drain_at : {1, 7, 64, 1024}) {
    SCOPED_TRACE(drain_at);
    std::string pieces;
    int drains = 0;
    RenderOptions options;
    options.drain_at = drain_at;
    options.drain = [&](std::string& out) {
      EXPECT_GE(out.size(), drain_at);
      pieces += out;
      out.clear();
      ++drains;
    };
    pieces += library.render(t, data, options);
    EXPECT_EQ(pieces, whole);
    EXPECT_GT(drains, 1);
  }
  EXPECT_NE(whole.find("  - row 299\n    [a][b]\n"), std::string::npos);
}

TEST(TemplateRender, OutputLimitCountsWhatWasDrained) {
  json data = {{"rows", json::array()}};
  for (int i = 0; i < 100; ++i) data["rows"].push_back(std::string(1000, 'x'));
  RenderOptions options;
  options.max_output = 50'000;
  options.drain_at = 1000;
  options.drain = [](std::string& out) { out.clear(); };
  // The output held never passes 2,000 bytes: the limit counts the 100,000 rendered.
  EXPECT_THROW(render_text("{{#rows}}{{.}}{{/rows}}", data, options), Error);
  options.max_output = 200'000;
  EXPECT_LT(render_text("{{#rows}}{{.}}{{/rows}}", data, options).size(), 1000u);
}

TEST(TemplateRender, OutputLimit) {
  json data = {{"rows", json::array()}};
  for (int i = 0; i < 100; ++i) data["rows"].push_back(std::string(1000, 'x'));
  RenderOptions small;
  small.max_output = 1000;
  EXPECT_THROW(render_text("{{#rows}}{{.}}{{/rows}}", data, small), Error);
}

TEST(TemplateRender, StandalonePartialsIndentTheirLines) {
  Library library({}, nullptr);
  library.add("item", "- {{name}}\n{{#more}}\n  - {{.}}\n{{/more}}\n");
  const Template& t =
      library.compile("t.mustache", "List:\n  {{#items}}\n  {{>item}}\n  {{/items}}\nEnd\n");
  json data = json::parse(R"({"items": [{"name": "a", "more": ["x", "y"]}, {"name": "b"}]})");
  EXPECT_EQ(library.render(t, data), "List:\n  - a\n    - x\n    - y\n  - b\nEnd\n");
}

TEST(TemplateRender, ParentBlockOverridesKeepTheRest) {
  Library library({}, nullptr);
  library.add("brief",
              "# {{$title}}Brief{{/title}}\n\n{{$body}}\nNothing yet.\n{{/body}}\n-- end\n");
  const Template& t = library.compile(
      "t.mustache", "{{<brief}}\n{{$title}}Kick-off: {{name}}{{/title}}\n{{/brief}}\n");
  EXPECT_EQ(library.render(t, {{"name", "ACME"}}), "# Kick-off: ACME\n\nNothing yet.\n-- end\n");
}

TEST(TemplateRender, CompiledOnceRenderedManyTimes) {
  Library library({}, nullptr);
  const Template& t = library.compile("t.mustache", "{{#l}}{{.}},{{/l}}");
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(library.render(t, {{"l", {i, i + 1}}}),
              std::to_string(i) + "," + std::to_string(i + 1) + ",");
}

// A loaded document's tree renders as its JSON (to_json) does: `commplan render --data` reads
// the tree without the copy. Every kind of scalar YAML's core schema types, each through every
// kind of tag, on both.

/// The tree of `yaml`, failing the test on a load error.
Document load_yaml(const std::string& yaml) {
  Diagnostics diagnostics;
  Document doc = parse_document("d.yaml", yaml, Format::yaml, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors()) << yaml;
  return doc;
}

const char* const kEveryScalar = R"(zero: 0
octal_looking: 007
plus: +5
minus: -3
hex: 0x1F
octal: 0o17
huge: 18446744073709551616
big: 18446744073709551615
one_point_oh: 1.0
one_fifty: 1.50
point_five: .5
exponent: 1e3
float_zero: 0.0
yes_: true
no_: False
loud: TRUE
tilde: ~
null_: null
empty:
quoted_zero: "0"
quoted_empty: ''
quoted_true: "true"
text: a <b> & "c" | *d*
multi: |
  line one
  line two
list: [1, "2", three, {k: v}, [], ~]
empty_list: []
empty_map: {}
nested: {a: {b: {c: deep}}, n: 2}
items:
  - {name: first, n: 0, ok: false}
  - {name: second, n: 1.5, ok: true}
  - {n: 3}
partial: box
number_partial: 12
)";

TEST(TemplateRender, ALoadedTreeRendersAsItsJson) {
  Document doc = load_yaml(kEveryScalar);
  json data = to_json(doc.root);
  std::string tmpl;
  for (const auto& entry : doc.root.entries()) {
    std::string k(entry.key());
    tmpl += k + ": [{{" + k + "}}] [{{{" + k + "}}}] {{#" + k + "}}y{{/" + k + "}}{{^" + k +
            "}}n{{/" + k + "}} <{{#" + k + "}}{{.}},{{/" + k + "}}> {{" + k + ".0}} {{" + k +
            ".1}} {{" + k + ".a.b.c}}\n";
  }
  tmpl += "{{#items}}{{name}}/{{n}}/{{ok}}/{{text}}/{{#ok}}ok{{/ok}}|{{/items}}\n";
  tmpl += "{{#nested}}{{#a}}{{b.c}}{{n}}{{/a}}{{/nested}} {{nested.a.b}} {{list.3.k}}\n";
  tmpl += "{{>*partial}}|{{>*number_partial}}|{{>*missing}}\n";
  Library library({}, nullptr);
  library.set_missing_partials_empty(true);
  library.add("box", "[{{text}}]");
  library.add("12", "twelve");
  const Template& t = library.compile("t.mustache", tmpl);
  for (Escape escape : {Escape::html, Escape::markdown, Escape::none}) {
    RenderOptions options{.escape = escape};
    std::string from_tree = library.render(t, doc.root, options);
    EXPECT_EQ(from_tree, library.render(t, data, options));
    EXPECT_NE(from_tree.find("hex: [31]"), std::string::npos) << from_tree;
  }
}

TEST(TemplateRender, ALoadedTreesLargeMappingIsFoundByKey) {
  std::string yaml = "rows:\n  - {k: 1}\n  - {k: 2}\n";
  for (int i = 0; i < 100; ++i)
    yaml += "key" + std::to_string(i) + ": v" + std::to_string(i) + "\n";
  Document doc = load_yaml(yaml);
  std::string tmpl = "{{#rows}}{{k}}:{{key0}},{{key57}},{{key99}},{{key100}};{{/rows}}";
  Library library({}, nullptr);
  const Template& t = library.compile("t.mustache", tmpl);
  EXPECT_EQ(library.render(t, doc.root), "1:v0,v57,v99,;2:v0,v57,v99,;");
  EXPECT_EQ(library.render(t, doc.root), library.render(t, to_json(doc.root)));
}

TEST(TemplateRender, ALoadedTreeIsStrictAsJsonIs) {
  Document doc = load_yaml("a: 1\nb: ~\n");
  Library library({}, nullptr);
  const Template& t = library.compile("t.mustache", "{{a}}{{b}}{{c}}{{d.e}}{{c}}");
  auto from_tree = headlines([&] { library.render(t, doc.root, {.strict = true}); });
  EXPECT_EQ(from_tree,
            (std::vector<std::string>{"t.mustache:1:11: error: missing variable \"c\"",
                                      "t.mustache:1:16: error: missing variable \"d.e\"",
                                      "t.mustache:1:23: error: missing variable \"c\""}));
  EXPECT_EQ(from_tree, headlines([&] { library.render(t, to_json(doc.root), {.strict = true}); }));
}

}  // namespace
}  // namespace commplan::tmpl
