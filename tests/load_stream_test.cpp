// Reading a list item by item as it is parsed (ItemSink), the places kept for the findings read
// that way (Places, Document::mark_at), and the same problems as from a whole tree.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <tuple>
#include <vector>

#include "load/json_fast.hpp"
#include "load/parse_with.hpp"
#include "model/mask.hpp"
#include "model/project.hpp"
#include "model/reader.hpp"
#include "template_fixtures.hpp"
#include "test_helpers.hpp"

namespace commplan {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Every place of `node`'s subtree (nodes and keys) against mark_at of its offset.
void expect_marks_at(const Document& doc, const Node& node, size_t& checked) {
  auto expect = [&](const Mark& mark) {
    if (mark.line == 0) return;  // an empty value, which the parser gives no place
    Mark at = doc.mark_at(mark.offset);
    EXPECT_EQ(at.line, mark.line) << "offset " << mark.offset;
    EXPECT_EQ(at.column, mark.column) << "offset " << mark.offset;
    EXPECT_EQ(at.offset, mark.offset);
    ++checked;
  };
  expect(node.mark());
  for (const Node& item : node.items()) expect_marks_at(doc, item, checked);
  for (const Entry& entry : node.entries()) {
    expect(entry.key_mark());
    expect_marks_at(doc, entry.value, checked);
  }
}

TEST(DocumentMarkAt, GivesThePlaceTheParserGivesEveryNodeAndKey) {
  std::vector<std::pair<std::string, std::string>> texts = {
      {"a.yaml", "a: 1\nb:\n  - x\n  -   y\n  - {c: 名字, d: [1, 2]}\n"},
      {"b.yaml", "名字: 值\n\t# a tab before a comment\nk:\t\"v\"\nz: |\n  block\n  text\nw:\n"},
      {"c.yaml", "a: 1\r\nb: [x, y]\r\nc:\r\n  d: é\r\n"},
      {"d.yaml", "x: >-\n  folded\n  text\n\ny: 'quoted ''x'''\nempty:\nlast: ~\n"},
      {"e.yaml", "a: 1\rb:\r  - x\r\r  - 名字\rc: 'd'\r"},
      {"f.json", "{\r\n  \"a\": [1,\r\n    2\r\n  ],\r\n  \"b\": true\r\n, \"c\": \"é\"\r}"},
  };
  // One line longer than the index's steps, with characters of several bytes across them.
  std::string line = "[";
  for (int i = 0; i < 3000; ++i) line += "\"机房" + std::to_string(i) + "\", ";
  texts.emplace_back("long.json", line + "{\"k\": \"é\"}]");
  std::string many;
  for (int i = 0; i < 2000; ++i)
    many += "k" + std::to_string(i) + ": 值 " + std::to_string(i) + "\n";
  texts.emplace_back("many.yaml", many);
  for (const auto& entry : fs::directory_iterator(testing::source_path("examples")))
    if (entry.path().extension() == ".yaml" || entry.path().extension() == ".json")
      texts.emplace_back(entry.path().string(), read_text(entry.path()));

  for (const auto& [file, text] : texts) {
    SCOPED_TRACE(file);
    Diagnostics d;
    Document doc = parse_document(file, text, detect_format(file, text), d);
    ASSERT_FALSE(d.has_errors()) << format_diagnostic(d.items().front());
    size_t checked = 0;
    expect_marks_at(doc, doc.root, checked);
    EXPECT_GT(checked, 2u);
    EXPECT_EQ(doc.mark_at(doc.text.size()).offset, doc.text.size());
  }
}

/// What a sink on `key` was given: each item's JSON and index, and whether it was kept.
struct Taken {
  std::vector<std::string> items;
  std::vector<size_t> indexes;
  std::vector<bool> kept;
};

/// A sink that keeps what it is given, and forgets it when a fast path gives up part-way.
ItemSink sink_into(Taken& taken, std::string_view key = "findings") {
  return {key,
          [&taken](const Document&, const Node& item, size_t index, bool kept) {
            taken.items.push_back(to_json(item).dump());
            taken.indexes.push_back(index);
            taken.kept.push_back(kept);
          },
          [&taken] { taken = Taken(); }};
}

/// A sink into `taken` that counts the times it is told to forget what it was given.
struct CountingSink {
  Taken taken;
  size_t restarts = 0;
  ItemSink sink = sink_into(taken);
  CountingSink() {
    sink.restart = [this] {
      ++restarts;
      taken = Taken();
    };
  }
  CountingSink(const CountingSink&) = delete;
  CountingSink& operator=(const CountingSink&) = delete;
};

Document parse_streamed(const std::string& file, const std::string& text, Taken& taken,
                        Diagnostics& d) {
  Document doc;
  parse_document(doc, file, text, detect_format(file, text), d, {}, sink_into(taken));
  return doc;
}

TEST(ItemSink, TakesTheItemsOfItsTopLevelListAndLeavesTheListEmpty) {
  // A text of more than a storage block, so that items are freed across blocks too.
  std::string long_text(20000, 'x');
  std::string yaml = "a: 1\nfindings:\n  - {id: F1}\n  - id: F2\n    evidence: \"" + long_text +
                     "\\n\"\n  - plain\nb: [findings]\nnested:\n  findings: [1, 2]\n";
  Diagnostics d;
  Taken taken;
  Document doc = parse_streamed("t.yaml", yaml, taken, d);
  ASSERT_FALSE(d.has_errors());
  EXPECT_EQ(taken.items, (std::vector<std::string>{
                             R"({"id":"F1"})", R"({"evidence":")" + long_text + R"(\n","id":"F2"})",
                             R"("plain")"}));
  EXPECT_EQ(taken.indexes, (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(taken.kept, (std::vector<bool>{false, false, false}));
  EXPECT_EQ(to_json(doc.root).dump(),
            R"({"a":1,"b":["findings"],"findings":[],"nested":{"findings":[1,2]}})");
  EXPECT_EQ(doc.root.find("findings")->mark().line, 3);

  // JSON, through the fast path and through libfyaml alike.
  std::string json = R"({"findings": [{"id": "F1"}, 2], "b": {"findings": [3]}})";
  for (Parsers parsers : {Parsers::fast_only, Parsers::libfyaml_only}) {
    Taken from_json;
    ItemSink sink = sink_into(from_json);
    auto parsed = parse_document_with(parsers, "t.json", json, Format::json, d, {}, &sink);
    if (parsers == Parsers::fast_only && !json_fast_path_available()) continue;
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(from_json.items, (std::vector<std::string>{R"({"id":"F1"})", "2"}));
    EXPECT_EQ(from_json.kept, (std::vector<bool>{false, false}));
    EXPECT_EQ(to_json(parsed->root).dump(), R"({"b":{"findings":[3]},"findings":[]})");
  }
}

/// The fast path for `format` streams the findings of `text`, then gives up: the sink is told
/// to forget what it was given, then given the list again by libfyaml's path. It ends with each
/// item once, as from libfyaml alone.
void expect_forgotten_and_given_again(const std::string& text, Format format) {
  SCOPED_TRACE(text);
  CountingSink counted;
  const Taken& taken = counted.taken;
  Diagnostics fast_d, slow_d;
  EXPECT_FALSE(
      parse_document_with(Parsers::fast_only, "t", text, format, fast_d, {}, &counted.sink));
  EXPECT_EQ(counted.restarts, 1u);
  EXPECT_TRUE(taken.items.empty());
  Limits limits;  // small as it is, the JSON goes to the fast path first
  limits.json_fast_from = 0;
  auto both = parse_document_with(Parsers::fast_then_libfyaml, "t", text, format, fast_d, limits,
                                  &counted.sink);
  Taken from_libfyaml;
  ItemSink alone = sink_into(from_libfyaml);
  auto slow = parse_document_with(Parsers::libfyaml_only, "t", text, format, slow_d, {}, &alone);
  ASSERT_TRUE(both && slow);
  EXPECT_EQ(counted.restarts, 2u);
  EXPECT_EQ(taken.items, from_libfyaml.items);
  EXPECT_EQ(taken.indexes, (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(to_json(both->root).dump(), to_json(slow->root).dump());
}

TEST(ItemSink, IsToldToForgetItsItemsWhenTheFastPathGivesUpPartWay) {
  // What each fast path leaves to libfyaml, met after some items: a duplicate key after the
  // list (an error); in JSON a comment within it, in YAML an anchor and a tag.
  if (!json_fast_path_available()) GTEST_SKIP() << "no JSON plugin";
  std::string items = R"({"findings": [{"id": "F1"}, {"id": "F2", "x": "\u00e9"},)";
  for (std::string json : {items + R"( 3], "a": 1, "a": 2})", items + " # a comment\n 3]}"})
    expect_forgotten_and_given_again(json, Format::json);
  std::string yaml = "findings:\n  - id: F1\n  - id: F2\n    x: \"\\u00e9\"\n";
  for (std::string tail : {"  - 3\na: 1\na: 2\n", "  - &three 3\nb: *three\n", "  - !!str 3\n"})
    expect_forgotten_and_given_again(yaml + tail, Format::yaml);
}

/// A JSON document under Limits::json_fast_from, on short lines, is read by the small reader,
/// one with a line of 4 KiB or more (or with a lower limit) by the plugin's: either gives up
/// on this one after its first items, the sink is told to forget them, and libfyaml's path
/// gives them again and words the duplicate key.
TEST(ItemSink, EitherJsonReaderGivesUpAfterItsFirstItemsAndTheSinkForgetsThem) {
  if (!json_fast_path_available()) GTEST_SKIP() << "no JSON plugin";
  std::string lower = R"({"findings": [{"id": "F1"}, {"id": "F2"}, 3], "a": 1, "a": 2})";
  std::string long_line = R"({"findings": [{"id": "F1"}, {"id": ")" + std::string(5000, 'x') +
                          R"("}, 3], "a": 1, "a": 2})";
  Limits limits;
  Limits no_floor;
  no_floor.json_fast_from = 0;
  for (const auto& [text, given] :
       {std::pair{lower, limits}, std::pair{long_line, limits}, std::pair{lower, no_floor}}) {
    SCOPED_TRACE(text.substr(0, 40));
    CountingSink counted;
    Diagnostics d;
    auto doc = parse_document_with(Parsers::fast_then_libfyaml, "t", text, Format::json, d, given,
                                   &counted.sink);
    ASSERT_TRUE(doc);
    EXPECT_EQ(counted.restarts, 1u);
    EXPECT_EQ(counted.taken.indexes, (std::vector<size_t>{0, 1, 2}));
    ASSERT_EQ(d.items().size(), 1u);
    EXPECT_NE(format_headline(d.items()[0]).find(": a: duplicate key \"a\" (first at line 1)"),
              std::string::npos)
        << format_headline(d.items()[0]);
  }
}

TEST(ItemSink, LeavesAListWithAnAnchorWholeAndKeepsAnItemThatDefinesOne) {
  Diagnostics d;
  Taken taken;
  Document whole = parse_streamed("t.yaml", "findings: &all\n  - a\n  - b\ncopy: *all\n", taken, d);
  ASSERT_FALSE(d.has_errors());
  EXPECT_TRUE(taken.items.empty());
  EXPECT_EQ(to_json(whole.root).dump(), R"({"copy":["a","b"],"findings":["a","b"]})");

  // An anchor in an item, repeated after the list: the item's subtree stays for the alias.
  Taken kept;
  Document doc = parse_streamed("t.yaml",
                                "findings:\n  - id: F1\n    affected: &hosts [web-1, \"db 2\"]\n"
                                "  - id: F2\n    title: T\nagain: *hosts\n",
                                kept, d);
  ASSERT_FALSE(d.has_errors());
  EXPECT_EQ(kept.kept, (std::vector<bool>{true, false}));
  EXPECT_EQ(to_json(doc.root).dump(), R"({"again":["web-1","db 2"],"findings":[]})");
}

TEST(ItemSink, IsGivenTheItemsBeforeAFatalProblem) {
  Diagnostics d;
  Taken taken;
  parse_streamed("t.yaml", "findings:\n  - a\n  - b\nc: [\n", taken, d);
  EXPECT_TRUE(d.has_errors());
  EXPECT_EQ(taken.items.size(), 2u);
}

/// Every problem of loading `text` (and of the sensitive-data scan validate adds), printed.
std::vector<std::string> printed_problems(const std::string& text) {
  Diagnostics d;
  auto project = load_project("p.yaml", text, d);
  if (project && !d.has_errors()) warn_sensitive(*project, d);
  d.sort_by_place();
  std::vector<std::string> out;
  for (const Diagnostic& item : d.items()) out.push_back(format_diagnostic(item));
  return out;
}

TEST(PlaceStore, KeepsTheFieldsWrittenAndTellsEveryNameAsTheFullListDoes) {
  // Places keep the offsets of the fields written only; field() must give for every name what
  // the full list gave: its offset (with kNull on a null value) or kAbsent. Each pattern of
  // written fields over 32 names, and enough objects to fill more than one block.
  FieldNames names;
  std::vector<std::string> spelled;
  for (int i = 0; i < 32; ++i) spelled.push_back("field" + std::to_string(i));
  for (const auto& name : spelled) names.push_back(name);
  PlaceStore store;
  std::vector<std::pair<const Places*, std::vector<std::uint32_t>>> kept;
  for (std::uint32_t object = 0; object < 4000; ++object) {
    std::vector<std::uint32_t> fields(names.size(), Places::kAbsent);
    std::uint32_t pattern = object * 2654435761u;  // every density of fields written
    for (size_t i = 0; i < fields.size(); ++i)
      if (pattern >> i & 1u)
        fields[i] =
            (object * 100 + static_cast<std::uint32_t>(i) + 1) | (i % 3 == 0 ? Places::kNull : 0);
    kept.emplace_back(store.keep(names, object, fields), fields);
  }
  kept.emplace_back(store.keep(names, 9, std::vector<std::uint32_t>(32, Places::kAbsent)),
                    std::vector<std::uint32_t>(32, Places::kAbsent));
  for (const auto& [places, fields] : kept) {
    for (size_t i = 0; i < names.size(); ++i)
      ASSERT_EQ(places->field(names[i]), fields[i])
          << "object " << places->object << ", " << names[i];
    EXPECT_EQ(places->field("not a field"), Places::kAbsent);
  }
}

TEST(FindingPlaces, PlaceEveryProblemAsTheFindingsTreeDoes) {
  // Findings read item by item keep Places; under an anchor the list is read from its tree,
  // with nodes. Each problem must be told alike, at the same place, with the same excerpt.
  std::string findings =
      "  - id: F1\n"
      "    title: Door\n"
      "    severity: hgih\n"
      "    status: in-progress\n"
      "    found: 2026-12-09\n"
      "    due: 2026-12-08\n"
      "    owner: 王工\n"
      "    cvss: \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:X\"\n"
      "    evidnce: typo\n"
      "    notes:\n"
      "    good_practice:\n"
      "    history:\n"
      "      - {date: 2026-12-09, status: bogus}\n"
      "      - date: 2026-12-10\n"
      "        notified: {to: Nobody, via: phone}\n"
      "    retest: {date: 2026-12-01, result: passed}\n"
      "  - id: F1\n"
      "    title: \"Twice, card 4111 1111 1111 1111\"\n"
      "    severity: low\n"
      "    evidence: |\n"
      "      key AKIAIOSFODNN7EXAMPLE\n"
      "    cwe: CWE-x\n"
      "  - not a mapping\n"
      "  - {id: F3, title: 名字 , severity: high, cvss: 'CVSS:3.1/AV:Q'}\n";
  std::string head = testing::project_head();
  auto streamed = printed_problems(head + "findings:\n" + findings);
  auto whole = printed_problems(head + "findings: &all\n" + findings);
  EXPECT_GE(streamed.size(), 10u);
  EXPECT_EQ(streamed, whole);

  // And every field's place, asked of the origins themselves (offsets differ by " &all").
  Diagnostics d;
  auto a = load_project("p.yaml", head + "findings:\n" + findings, d);
  auto b = load_project("p.yaml", head + "findings: &all\n" + findings, d);
  ASSERT_TRUE(a && b);
  ASSERT_EQ(a->findings.size(), b->findings.size());
  auto same = [](const Origin& x, const Origin& y, const FieldNames& names) {
    EXPECT_EQ(x.tree_node(), nullptr);
    EXPECT_NE(x.places(), nullptr);
    EXPECT_NE(y.tree_node(), nullptr);
    EXPECT_EQ(y.places(), nullptr);
    EXPECT_EQ(x.path, y.path);
    for (std::string_view name : names) {
      SCOPED_TRACE(std::string(x.path) + "." + std::string(name));
      EXPECT_EQ(x.has(name), y.has(name));
      EXPECT_EQ(x.has_value(name), y.has_value(name));
      EXPECT_EQ(x.mark_of(name).line, y.mark_of(name).line);
      EXPECT_EQ(x.mark_of(name).column, y.mark_of(name).column);
    }
  };
  for (size_t i = 0; i < a->findings.size(); ++i) {
    const Finding& x = a->findings[i];
    const Finding& y = b->findings[i];
    if (!y.origin.from_file()) continue;  // not a mapping
    FieldNames names = field_names<Finding>();
    names.push_back("");
    names.push_back("unknown");
    same(x.origin, y.origin, names);
    ASSERT_EQ(x.history.size(), y.history.size());
    for (size_t h = 0; h < x.history.size(); ++h)
      same(x.history[h].origin, y.history[h].origin, field_names<HistoryEntry>());
    ASSERT_EQ(bool(x.retest()), bool(y.retest()));
    if (x.retest()) same(x.retest()->origin, y.retest()->origin, field_names<Retest>());
  }
}

TEST(FindingPlaces, FindingsOfALogDirFileArePlacedInIt) {
  tmpl::testing::TempDir dir;
  std::string log =
      dir.write("logs/day.yaml", "findings:\n  - id: F9\n    title: Late\n    severity: nope\n");
  std::string file = dir.write("p.yaml", testing::project_head() + "log_dir: logs\n");
  Diagnostics d;
  auto project = load_project(file, read_text(file), d);
  ASSERT_TRUE(project);
  ASSERT_EQ(d.items().size(), 1u) << format_diagnostic(d.items().front());
  EXPECT_EQ(d.items().front().file, log);
  EXPECT_EQ(d.items().front().mark.line, 4);
  EXPECT_EQ(d.items().front().path, "findings[0].severity");
  ASSERT_EQ(project->findings.size(), 1u);
  EXPECT_EQ(project->findings.front().origin.mark_of("title").line, 3);
}

TEST(FindingPlaces, FindingsOfJsonAreStreamedOnBothPathsWithTheSameMessages) {
  // The fast path streams the findings as libfyaml's path does: both keep Places, and tell each
  // problem alike (the same headlines: the excerpts show the comment). A comment, which JSON has
  // not and libfyaml reads, makes the fast path give up: before the findings, or after the first
  // (then it forgets the finding it gave).
  std::string json = R"({"commplan": 1, "project": {"name": "A", "client": "B",
  "start": "2026-12-07", "end": "2026-12-18"},
  "findings": [{"id": "F1", "title": "T", "severity": "hgh", "found": "2026-12-08"},
               {"id": "F2", "title": "U", "severity": "low", "found": "2026-12-09",
                "cvss": "CVSS:3.1/AV:N"}]})";
  std::string before = json, after = json;
  before.replace(before.find("\"B\",") + 4, 0, " # a comment");
  after.replace(after.find("-08\"},") + 6, 0, " # a comment");  // on the line it ends
  std::vector<std::vector<std::string>> messages;
  for (const std::string& text : {json, before, after}) {
    SCOPED_TRACE(text);
    Diagnostics d;
    auto project = load_project("p.json", text, d);
    ASSERT_TRUE(project.has_value());
    ASSERT_EQ(project->findings.size(), 2u);
    for (const Finding& f : project->findings) {
      EXPECT_EQ(f.origin.tree_node(), nullptr);
      EXPECT_NE(f.origin.places(), nullptr);
      EXPECT_EQ(f.origin.mark_of("title").line, f.id == "F1" ? 3 : 4);
    }
    messages.emplace_back();
    for (const Diagnostic& item : d.items()) messages.back().push_back(format_headline(item));
  }
  EXPECT_EQ(messages[0], messages[1]);
  EXPECT_EQ(messages[0], messages[2]);  // each once: the findings given before are forgotten
  EXPECT_GE(messages[0].size(), 2u);
}

}  // namespace
}  // namespace commplan
