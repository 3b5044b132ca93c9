// Lazy lists: a list made item by item as the render walks it (LazyList) reads as the same
// list held whole, wherever a template uses it; and a view (View) prints as nlohmann does.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "template_fixtures.hpp"
#include "views/view.hpp"

namespace commplan::tmpl {
namespace {

using nlohmann::json;
using testing::render_text;

/// A list of `size` objects {"n": i, "name": "item i"}, counting the items it makes and the
/// times it is given an earlier item to write over.
struct Counted {
  size_t made = 0, reused = 0;
  LazyList at(const json* placeholder, size_t size) {
    return {placeholder, size, [this](size_t i, json& item) {
              ++made;
              if (!item.is_null()) ++reused;
              item = {{"n", i}, {"name", "item " + std::to_string(i)}};
            }};
  }
};

/// Renders `text` on `data` with its "list" member made lazily, and checks that the same
/// template on the list held whole gives the same text.
std::string render_lazy(const std::string& text, json data, size_t size, Counted& counted) {
  data["list"] = json::array();
  LazyList list = counted.at(&data["list"], size);
  std::string lazy = render_text(text, data, {.lazy_lists = std::span(&list, 1)});
  json whole = data;
  Counted other;  // not counted in `counted`
  LazyList same = other.at(nullptr, size);
  for (size_t i = 0; i < size; ++i) same.fill(i, whole["list"].emplace_back());
  EXPECT_EQ(lazy, render_text(text, whole)) << text;
  return lazy;
}

TEST(TemplateLazy, SectionsWalkTheListWritingEachItemOverThePrevious) {
  Counted counted;
  EXPECT_EQ(render_lazy("{{#list}}{{n}}:{{name}};{{/list}}", {}, 3, counted),
            "0:item 0;1:item 1;2:item 2;");
  EXPECT_EQ(counted.made, 3u);
  EXPECT_EQ(counted.reused, 2u);
}

TEST(TemplateLazy, AnEmptyListIsFalsy) {
  Counted counted;
  EXPECT_EQ(render_lazy("{{#list}}x{{/list}}{{^list}}none{{/list}}", {}, 0, counted), "none");
  EXPECT_EQ(render_lazy("{{^list}}none{{/list}}", {}, 2, counted), "");
  EXPECT_EQ(counted.made, 0u);
}

TEST(TemplateLazy, AWalkInsideAWalkOfTheSameListHasItsOwnItem) {
  Counted counted;
  EXPECT_EQ(render_lazy("{{#list}}{{n}}({{#list}}{{n}}{{/list}}){{n}} {{/list}}", {}, 3, counted),
            "0(012)0 1(012)1 2(012)2 ");
}

TEST(TemplateLazy, DottedNamesAndInterpolationSeeTheWholeList) {
  Counted counted;
  EXPECT_EQ(render_lazy("{{list.1.name}}|{{list.5.name}}|{{{list}}}", {}, 2, counted),
            "item 1||[{\"n\":0,\"name\":\"item 0\"},{\"n\":1,\"name\":\"item 1\"}]");
  EXPECT_EQ(counted.made, 2u);  // made once, for both
}

TEST(TemplateLazy, AnObjectHoldingAListInterpolatesWithTheListMade) {
  Counted counted;
  EXPECT_EQ(render_lazy("{{{.}}}", {{"a", 1}}, 1, counted),
            "{\"a\":1,\"list\":[{\"n\":0,\"name\":\"item 0\"}]}");
}

TEST(TemplateLazy, NamesMissingFromAnItemComeFromOuterContexts) {
  Counted counted;
  EXPECT_EQ(render_lazy("{{#list}}{{title}}{{n}} {{/list}}", {{"title", "T"}}, 2, counted),
            "T0 T1 ");
}

TEST(TemplateLazy, StrictRendersReportMissingNamesInsideItems) {
  json data = {{"list", json::array()}};
  Counted counted;
  LazyList list = counted.at(&data["list"], 2);
  EXPECT_THROW(render_text("{{#list}}{{nope}}{{/list}}", data,
                           {.strict = true, .lazy_lists = std::span(&list, 1)}),
               StrictFailure);
}

TEST(TemplateLazy, ItemsCountTowardsTheExpansionLimit) {
  json data = {{"list", json::array()}};
  Counted counted;
  LazyList list = counted.at(&data["list"], 50);
  EXPECT_THROW(render_text("{{#list}}x{{/list}}", data,
                           {.max_expansions = 10, .lazy_lists = std::span(&list, 1)}),
               Error);
}

/// A view with lists at the top and inside an array of objects.
View nested_view() {
  View view(json{{"kind", "commplan/test"},
                 {"version", 1},
                 {"groups", json::array({{{"id", "a"}}, {{"id", "b"}}})},
                 {"text", "tab\there \"quoted\" \\ \x01 \x7f 中文"}});
  auto items = [](std::string prefix) {
    return [prefix](size_t i, json& item) {
      item = {{"id", prefix + std::to_string(i)}, {"ok", i % 2 == 0}, {"none", nullptr}};
    };
  };
  view.add_list("/groups/0/items", 2, items("a"));
  view.add_list("/groups/1/items", 0, items("b"));
  view.add_list("/top", 3, items("t"));
  return view;
}

TEST(ViewLists, WholeMakesEveryList) {
  json whole = nested_view().whole();
  EXPECT_EQ(whole["groups"][0]["items"][1]["id"], "a1");
  EXPECT_EQ(whole["groups"][1]["items"], json::array());
  EXPECT_EQ(whole["top"].size(), 3u);
}

TEST(ViewLists, DumpIsNlohmannsDumpWithKindAndVersionFirst) {
  View view = nested_view();
  json whole = view.whole();
  std::string expected = "{\n  \"kind\": \"commplan/test\",\n  \"version\": 1,\n";
  for (const char* key : {"groups", "text", "top"}) {
    std::string member = whole[key].dump(2);
    std::string indented;
    for (char c : member) indented += c == '\n' ? std::string("\n  ") : std::string(1, c);
    expected +=
        fmt::format("  \"{}\": {}{}\n", key, indented, key == std::string("top") ? "" : ",");
  }
  expected += "}\n";
  EXPECT_EQ(view.dump(), expected);
  EXPECT_EQ(View(whole).dump(), expected);
  EXPECT_EQ(View(json::array()).dump(), "[]\n");
}

TEST(ViewLists, ADrainedDumpIsTheDumpInPieces) {
  // Given away after list items once `drain_at` bytes are held: the pieces and the rest make
  // the same text, each piece at least drain_at bytes, and the whole view (not only lazy lists)
  // is drained where it holds arrays of its own.
  View view = nested_view();
  std::string expected = view.dump();
  for (size_t drain_at : {1, 7, 64, 1024}) {
    SCOPED_TRACE(drain_at);
    std::string out, joined;
    size_t pieces = 0;
    view.dump(
        out,
        [&](std::string& piece) {
          EXPECT_GE(piece.size(), drain_at);
          joined += piece;
          piece.clear();
          ++pieces;
        },
        drain_at);
    EXPECT_EQ(joined + out, expected);
    EXPECT_EQ(pieces > 0, drain_at < expected.size());
  }
}

TEST(ViewLists, RenderingWithListsMadeLazilyEqualsRenderingTheWholeView) {
  View view = nested_view();
  std::vector<LazyList> lists = view.lazy_lists();
  const std::string text =
      "{{#groups}}{{id}}:{{#items}}{{id}}{{#ok}}+{{/ok}},{{/items}} {{/groups}}"
      "{{#top}}{{id}}{{/top}}";
  EXPECT_EQ(render_text(text, view.data, {.lazy_lists = lists}), "a:a0+,a1, b: t0t1t2");
  EXPECT_EQ(render_text(text, view.whole()), "a:a0+,a1, b: t0t1t2");
}

}  // namespace
}  // namespace commplan::tmpl
