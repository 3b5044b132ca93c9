// Finding templates by name: lookup order, partial resolution, and names that try to escape.

#include <gtest/gtest.h>

#include "template_fixtures.hpp"

namespace commplan::tmpl {
namespace {

using nlohmann::json;
using testing::headlines;
using testing::TempDir;
using Lines = std::vector<std::string>;

const std::vector<builtin::Template> kBuiltins = {
    {"brief", "built-in brief: {{>partials/line}}"},
    {"partials/line", "built-in line"},
    {"partials/other", "built-in other"},
};

TEST(TemplateLibrary, LooksInAddedThenFoldersInOrderThenBuiltIns) {
  TempDir first, second;
  first.write("partials/line.mustache", "first line");
  second.write("partials/line.mustache", "second line");
  second.write("partials/other.mustache", "second other");
  Library library({first.str(), second.str()}, &kBuiltins);
  EXPECT_EQ(library.find("partials/line")->text, "first line");
  EXPECT_EQ(library.find("partials/other")->text, "second other");
  EXPECT_EQ(library.find("brief")->origin, "<built-in>/brief.mustache");
  EXPECT_EQ(library.find("partials/line")->origin, first.str() + "/partials/line.mustache");
  library.add("partials/line", "added line");
  EXPECT_EQ(library.find("partials/line")->text, "added line");
  EXPECT_FALSE(library.find("partials/none"));
}

TEST(TemplateLibrary, NamesMayCarryTheSuffix) {
  TempDir dir;
  dir.write("a.mustache", "A");
  Library library({dir.str()}, &kBuiltins);
  EXPECT_EQ(library.find("a.mustache")->text, "A");
  EXPECT_EQ(library.find("brief.mustache")->text, kBuiltins[0].text);
}

TEST(TemplateLibrary, FolderTemplateOverridesABuiltInPartial) {
  TempDir dir;
  dir.write("partials/line.mustache", "my line");
  Library library({dir.str()}, &kBuiltins);
  EXPECT_EQ(library.render(library.get("brief"), json::object()), "built-in brief: my line");
}

TEST(TemplateLibrary, FolderTemplateExtendsTheBuiltInOfItsName) {
  TempDir dir;
  dir.write("brief.mustache", "{{<builtin/brief}}{{/builtin/brief}} and more");
  Library library({dir.str()}, &kBuiltins);
  EXPECT_EQ(library.render(library.get("brief"), json::object()),
            "built-in brief: built-in line and more");
  EXPECT_EQ(library.find("builtin/brief")->origin, "<built-in>/brief.mustache");
  EXPECT_FALSE(library.find("builtin/mine"));
}

TEST(TemplateLibrary, ListsEveryNameFromItsFirstPlace) {
  TempDir dir;
  dir.write("partials/line.mustache", "x");
  dir.write("mine.mustache", "x");
  dir.write("notes.txt", "not a template");
  Library library({dir.str()}, &kBuiltins);
  std::vector<std::string> names, origins;
  for (const auto& source : library.list()) {
    names.push_back(source.name);
    origins.push_back(source.origin);
  }
  EXPECT_EQ(names, (Lines{"brief", "mine", "partials/line", "partials/other"}));
  EXPECT_EQ(origins[2], dir.str() + "/partials/line.mustache");
  EXPECT_EQ(origins[3], "<built-in>/partials/other.mustache");
}

TEST(TemplateLibrary, NamesCannotLeaveTheTemplateFolders) {
  EXPECT_EQ(check_name("partials/finding"), "");
  EXPECT_EQ(check_name("kickoff.en.md"), "");
  EXPECT_EQ(check_name("../../etc/passwd"), "\"..\" would reach outside the template directories");
  EXPECT_EQ(check_name("a/../../b"), "\"..\" would reach outside the template directories");
  EXPECT_EQ(check_name("/etc/passwd"), "absolute paths are not allowed");
  EXPECT_EQ(check_name("a//b"), "empty and \".\" parts are not allowed");
  EXPECT_EQ(check_name("./a"), "empty and \".\" parts are not allowed");
  EXPECT_EQ(check_name("a/"), "empty and \".\" parts are not allowed");
  EXPECT_EQ(check_name("a\\..\\b"), "backslashes and control characters are not allowed");
  EXPECT_EQ(check_name(""), "a name cannot be empty");
}

TEST(TemplateLibrary, TraversalIsALocatedErrorEvenWhenTheFileExists) {
  TempDir root;
  root.write("secret.mustache", "secret");
  std::string dir = root.str() + "/templates";
  root.write("templates/ok.mustache", "ok");
  Library library({dir}, nullptr);
  EXPECT_FALSE(library.find("../secret"));
  auto errors =
      headlines([&] { library.compile("t.mustache", "a\n  {{> ../secret}}\n{{>/etc/passwd}}"); });
  EXPECT_EQ(errors,
            (Lines{"t.mustache:2:3: error: invalid partial name \"../secret\": \"..\" would "
                   "reach outside the template directories",
                   "t.mustache:3:1: error: invalid partial name \"/etc/passwd\": absolute "
                   "paths are not allowed"}));
}

TEST(TemplateLibrary, DynamicNamesAreCheckedWhenRendering) {
  TempDir root;
  root.write("secret.mustache", "secret");
  root.write("templates/ok.mustache", "ok");
  Library library({root.str() + "/templates"}, nullptr);
  const Template& t = library.compile("t.mustache", "[{{>*name}}]");
  EXPECT_EQ(library.render(t, {{"name", "ok"}}), "[ok]");
  EXPECT_EQ(headlines([&] {
              library.render(t, {{"name", "../secret"}});
            }),
            Lines{"t.mustache:1:2: error: invalid partial name \"../secret\" (from \"name\"): "
                  "\"..\" would reach outside the template directories"});
  EXPECT_EQ(headlines([&] {
              library.render(t, {{"name", "okk"}});
            }),
            Lines{"t.mustache:1:2: error: unknown partial \"okk\" (did you mean \"ok\"?)"});
  library.set_missing_partials_empty(true);
  EXPECT_EQ(library.render(t, {{"name", "okk"}}), "[]");
}

TEST(TemplateLibrary, UnknownPartialSuggestsTheClosestName) {
  Library library({}, &kBuiltins);
  EXPECT_EQ(headlines([&] { library.compile("t.mustache", "\n {{> partials/lines}}"); }),
            Lines{"t.mustache:2:2: error: unknown partial \"partials/lines\" (did you mean "
                  "\"partials/line\"?)"});
  EXPECT_EQ(headlines([&] { library.compile("t.mustache", "{{<zzzzzzzz}}{{/zzzzzzzz}}"); }),
            Lines{"t.mustache:1:1: error: unknown parent \"zzzzzzzz\": no zzzzzzzz.mustache in "
                  "the built-ins"});
}

TEST(TemplateLibrary, ErrorsInPartialsAreLocatedInTheirFiles) {
  TempDir dir;
  std::string row = dir.write("row.mustache", "| {{#x}} |\n");
  Library library({dir.str()}, nullptr);
  EXPECT_EQ(headlines([&] { library.compile("t.mustache", "{{>row}}{{/y}}"); }),
            (Lines{"t.mustache:1:9: error: unopened section \"y\"",
                   row + ":1:11: error: unclosed section \"x\" (opened at 1:3)"}));
  // A failed compile leaves nothing half-built behind.
  dir.write("row.mustache", "| {{x}} |\n");
  EXPECT_EQ(library.render(library.compile("t.mustache", "{{>row}}"), {{"x", 1}}), "| 1 |\n");
}

TEST(TemplateLibrary, GetThrowsUsageForUnknownNames) {
  Library library({}, &kBuiltins);
  try {
    library.get("brie");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::usage);
    EXPECT_EQ(format_headline(e.diagnostics().items().at(0)),
              "commplan: error: unknown template \"brie\" (did you mean \"brief\"?)");
  }
}

TEST(TemplateLibrary, MissingFolderIsAnIoError) {
  try {
    Library library({"/nonexistent/commplan/templates"}, nullptr);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::io);
  }
}

TEST(TemplateLibrary, LayersPutTheTemplateFileFirst) {
  TempDir mine, overrides;
  std::string file = mine.write("brief.mustache", "mine: {{>partials/line}} {{>partials/other}}");
  mine.write("partials/line.mustache", "beside");
  overrides.write("partials/other.mustache", "override");
  RenderOptions options;
  EXPECT_EQ(render_layered({file, overrides.str()}, "ignored", json::object(), options),
            "mine: beside override");
}

TEST(TemplateLibrary, BuiltInTemplatesAreEmbeddedSortedByName) {
  const auto& all = builtin::templates();
  for (size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].name, all[i].name);
  for (const auto& t : all) EXPECT_EQ(check_name(t.name), "") << t.name;
}

}  // namespace
}  // namespace commplan::tmpl
