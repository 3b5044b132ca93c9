// The official Mustache conformance suite: every test of the required modules, inheritance
// and dynamic names (lambdas do not apply to data read from YAML or JSON).

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "load/document.hpp"
#include "template/library.hpp"

namespace commplan::tmpl {
namespace {

const std::vector<std::string> kRequired = {"comments.json",      "delimiters.json",
                                            "interpolation.json", "inverted.json",
                                            "partials.json",      "sections.json"};
const std::vector<std::string> kOptional = {"~inheritance.json", "~dynamic-names.json"};

std::string spec_dir() {
  const char* env = std::getenv("COMMPLAN_MUSTACHE_SPEC_DIR");
  return env != nullptr && *env != '\0' ? env : COMMPLAN_SPEC_DIR;
}

struct SpecCase {
  std::string file;
  size_t index = 0;
  nlohmann::json test;
};

std::vector<SpecCase> load_file(const std::string& file) {
  std::ifstream in(spec_dir() + "/" + file);
  if (!in) return {};
  nlohmann::json spec = nlohmann::json::parse(in);
  std::vector<SpecCase> cases;
  for (const auto& test : spec["tests"]) cases.push_back({file, cases.size(), test});
  return cases;
}

std::vector<SpecCase> all_cases() {
  std::vector<SpecCase> cases;
  for (const auto* files : {&kRequired, &kOptional})
    for (const auto& file : *files)
      for (auto& c : load_file(file)) cases.push_back(std::move(c));
  return cases;
}

/// The data the test renders on: its JSON, or the tree of that JSON's text as
/// `commplan render --data` reads it.
enum class Data { json, tree };

/// Renders one spec test as the spec asks: HTML escaping, unknown partials as empty text.
std::string render_case(const nlohmann::json& test, Data data = Data::json) {
  Library library({}, nullptr);
  library.set_missing_partials_empty(true);
  const nlohmann::json partials = test.value("partials", nlohmann::json::object());
  for (const auto& [name, text] : partials.items()) library.add(name, text.get<std::string>());
  const Template& tmpl = library.compile("spec.mustache", test["template"].get<std::string>());
  if (data == Data::json) return library.render(tmpl, test["data"]);
  Diagnostics diagnostics;
  Document doc =
      parse_document("data.json", test["data"].dump(), Format::json, diagnostics, Limits{});
  if (diagnostics.has_errors()) throw Error(Error::Kind::invalid_input, std::move(diagnostics));
  return library.render(tmpl, doc.root);
}

bool passes(const nlohmann::json& test) {
  try {
    return render_case(test) == test["expected"].get<std::string>();
  } catch (const Error&) {
    return false;
  }
}

std::string case_name(const ::testing::TestParamInfo<SpecCase>& info) {
  std::string name = info.param.file + "_" + std::to_string(info.param.index) + "_" +
                     info.param.test["name"].get<std::string>();
  for (char& c : name)
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = '_';
  return name;
}

void PrintTo(const SpecCase& c, std::ostream* os) {
  *os << c.file << ": " << c.test["name"].get<std::string>();
}

class MustacheSpec : public ::testing::TestWithParam<SpecCase> {};

TEST_P(MustacheSpec, RendersTheExpectedText) {
  const auto& test = GetParam().test;
  EXPECT_EQ(render_case(test), test["expected"].get<std::string>())
      << test["desc"].get<std::string>() << "\ntemplate: " << test["template"].dump();
}

TEST_P(MustacheSpec, RendersTheExpectedTextOnALoadedTree) {
  const auto& test = GetParam().test;
  EXPECT_EQ(render_case(test, Data::tree), test["expected"].get<std::string>())
      << test["desc"].get<std::string>() << "\ntemplate: " << test["template"].dump();
}

INSTANTIATE_TEST_SUITE_P(Spec, MustacheSpec, ::testing::ValuesIn(all_cases()), case_name);

TEST(MustacheSpecSuite, PassesAllRequiredAndOptionalModules) {
  std::map<std::string, size_t> expected_counts = {
      {"comments.json", 12},     {"delimiters.json", 14},    {"interpolation.json", 42},
      {"inverted.json", 22},     {"partials.json", 12},      {"sections.json", 34},
      {"~inheritance.json", 27}, {"~dynamic-names.json", 21}};
  for (const auto& [file, count] : expected_counts) {
    auto cases = load_file(file);
    size_t passed = 0;
    for (const auto& c : cases) passed += passes(c.test) ? 1 : 0;
    std::cout << file << ": " << passed << "/" << cases.size() << " passed\n";
    EXPECT_EQ(cases.size(), count) << file << " missing or changed in " << spec_dir();
    EXPECT_EQ(passed, cases.size()) << file;
  }
}

}  // namespace
}  // namespace commplan::tmpl
