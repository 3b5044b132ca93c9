// Finding templates by name: lookup order, partial resolution, and names that try to escape.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>

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

/// `root/templates` with a partial linked to a file outside it, a folder linked outside it,
/// and a link that stays inside.
struct LinkedFolders {
  LinkedFolders() {
    root.write("secret.mustache", "secret");
    root.write("outside/x.mustache", "outside x");
    root.write("templates/real.mustache", "real");
    root.write("other/shared.mustache", "shared");
    auto templates = root.path() / "templates";
    std::filesystem::create_symlink("../secret.mustache", templates / "evil.mustache");
    std::filesystem::create_symlink("../outside", templates / "linked");
    std::filesystem::create_symlink("real.mustache", templates / "alias.mustache");
    std::filesystem::create_symlink("../other/shared.mustache", templates / "shared.mustache");
  }
  std::string templates() const { return root.str() + "/templates"; }
  std::string other() const { return root.str() + "/other"; }
  /// The refusal of `name`, found as `file` below the templates folder and resolving to `real`.
  std::string refused(const std::string& kind, const std::string& name, const std::string& file,
                      const std::string& real) const {
    return fmt::format("invalid {} \"{}\": {}/{} resolves to {}, outside the template directories",
                       kind, name, templates(), file,
                       std::filesystem::canonical(root.path() / real).string());
  }

  TempDir root;
};

TEST(TemplateLibrary, PartialsResolvingOutsideEveryFolderAreRefused) {
  LinkedFolders f;
  Library library({f.templates()}, nullptr);
  EXPECT_EQ(headlines([&] { library.compile("t.mustache", "{{>evil}}\n{{>linked/x}}"); }),
            (Lines{"t.mustache:1:1: error: " +
                       f.refused("partial", "evil", "evil.mustache", "secret.mustache"),
                   "t.mustache:2:1: error: " + f.refused("partial", "linked/x", "linked/x.mustache",
                                                         "outside/x.mustache")}));
  library.set_missing_partials_empty(true);  // refused is not missing: still an error
  EXPECT_EQ(headlines([&] { library.compile("t.mustache", "{{<evil}}{{/evil}}"); }),
            Lines{"t.mustache:1:1: error: " +
                  f.refused("parent", "evil", "evil.mustache", "secret.mustache")});
  const Template& t = library.compile("t.mustache", "[{{>*name}}]");
  EXPECT_EQ(headlines([&] {
              library.render(t, {{"name", "evil"}});
            }),
            Lines{"t.mustache:1:2: error: " +
                  f.refused("partial", "evil", "evil.mustache", "secret.mustache")});
  EXPECT_EQ(headlines([&] { library.get("evil"); }),
            Lines{"commplan: error: " +
                  f.refused("template", "evil", "evil.mustache", "secret.mustache")});
}

TEST(TemplateLibrary, LinksWithinTheFoldersAreFollowed) {
  LinkedFolders f;
  Library library({f.templates(), f.other()}, nullptr);
  EXPECT_EQ(library.render(library.compile("t.mustache", "{{>alias}}+{{>shared}}"), json{}),
            "real+shared");
  Lines names;
  for (const auto& source : library.list()) names.push_back(source.name);
  EXPECT_EQ(names, (Lines{"alias", "real", "shared"}));  // evil and linked/x are not offered
}

TEST(TemplateLibrary, MissingPartialsRenderEmptyWithOneWarningEach) {
  Library library({}, &kBuiltins);
  library.set_missing_partials_empty(true);
  const Template& t =
      library.compile("t.mustache", "<{{>partials/lines}}>\n{{#list}}{{>*name}}{{/list}}");
  EXPECT_EQ(library.render(t, {{"list", {1, 2, 3}}, {"name", "nope"}}), "<>\n");
  EXPECT_EQ(library.render(t, {{"list", {1}}, {"name", "partials/line"}}), "<>\nbuilt-in line");
  Lines warnings;
  for (const auto& d : library.warnings().items()) warnings.push_back(format_headline(d));
  EXPECT_EQ(warnings,
            (Lines{"t.mustache:1:2: warning: unknown partial \"partials/lines\" (did you mean "
                   "\"partials/line\"?); it renders as empty text",
                   "t.mustache:2:10: warning: unknown partial \"nope\": no nope.mustache in the "
                   "built-ins; it renders as empty text"}));
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
