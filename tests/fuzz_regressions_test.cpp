// Every input a fuzzer once failed on (tests/fuzz/regressions/TARGET/NAME), replayed through the
// same entry function as the fuzzer. The sanitizer build (preset asan) catches leaks and
// memory errors; any build catches crashes and broken invariants.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/entries.hpp"
#include "test_helpers.hpp"

namespace commplan {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> regression_inputs(const std::string& target) {
  std::vector<fs::path> files;
  fs::path dir = testing::source_path("tests/fuzz/regressions/" + target);
  if (fs::is_directory(dir))
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

void replay(const std::string& target) {
  auto entry = fuzz::find_entry(target);
  ASSERT_NE(entry, nullptr) << target;
  for (const auto& file : regression_inputs(target)) {
    SCOPED_TRACE(file.string());
    std::ifstream in(file, std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(entry(reinterpret_cast<const std::uint8_t*>(data.data()), data.size()), 0);
  }
}

TEST(FuzzRegressions, YamlInputsLoadOrFailCleanly) { replay("yaml"); }
TEST(FuzzRegressions, JsonInputsLoadOrFailCleanly) { replay("json"); }
TEST(FuzzRegressions, ProjectInputsBuildEveryViewOrFailCleanly) { replay("project"); }
TEST(FuzzRegressions, TemplateInputsRenderOrFailCleanly) { replay("template"); }
TEST(FuzzRegressions, MarkupInputsReadOrFailCleanly) { replay("markup"); }

TEST(FuzzRegressions, EveryTargetHasAnEntry) {
  fs::path dir = testing::source_path("tests/fuzz/regressions");
  if (!fs::is_directory(dir)) return;
  for (const auto& entry : fs::directory_iterator(dir))
    EXPECT_NE(fuzz::find_entry(entry.path().filename().string()), nullptr) << entry.path();
}

}  // namespace
}  // namespace commplan
