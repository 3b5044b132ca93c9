// Golden fixtures: tests/golden/<command>/<case>/ holds `args` (one argument a line; a
// relative path that exists below the source tree is made absolute), optional `env` (NAME=VALUE
// lines), optional `stdin`, optional `exit` (the expected exit code, default 0), `expected.*`,
// the exact standard output, and `expected.stderr`, the exact standard error (absent: none).
// In standard error the source tree's path is written `$SRC/`, so the goldens pass from any
// clone. COMMPLAN_UPDATE_GOLDENS=1 rewrites the expected files from the current output, and
// deletes `expected.stderr` when nothing is printed there: read every change before committing.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_helpers.hpp"

namespace commplan::testing {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> lines_of(const fs::path& path) {
  std::vector<std::string> lines;
  std::istringstream in(slurp(path));
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

std::vector<fs::path> golden_cases() {
  std::vector<fs::path> cases;
  fs::path root = source_path("tests/golden");
  if (!fs::exists(root)) return cases;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file() && entry.path().filename() == "args")
      cases.push_back(entry.path().parent_path());
  std::sort(cases.begin(), cases.end());
  return cases;
}

/// The expected standard output: `expected.<ext>` other than `expected.stderr`.
fs::path expected_file(const fs::path& dir) {
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().stem() == "expected" && entry.path().extension() != ".stderr")
      return entry.path();
  return dir / "expected.md";
}

/// `text` with every `<source tree>/` written `$SRC/`.
std::string without_source_dir(std::string text) {
  const std::string source = source_path("");
  for (size_t at = 0; (at = text.find(source, at)) != std::string::npos; at += 5)
    text.replace(at, source.size(), "$SRC/");
  return text;
}

class Golden : public ::testing::TestWithParam<fs::path> {};

TEST_P(Golden, MatchesExpectedOutput) {
  const fs::path dir = GetParam();
  std::vector<std::string> args;
  for (std::string arg : lines_of(dir / "args")) {
    if (arg.rfind("-", 0) != 0 && fs::exists(source_path(arg))) arg = source_path(arg);
    args.push_back(arg);
  }
  std::map<std::string, std::string> env;
  if (fs::exists(dir / "env"))
    for (const auto& line : lines_of(dir / "env"))
      if (auto eq = line.find('='); eq != std::string::npos)
        env[line.substr(0, eq)] = line.substr(eq + 1);
  std::string input = fs::exists(dir / "stdin") ? slurp(dir / "stdin") : "";
  int expected_code = fs::exists(dir / "exit") ? std::stoi(slurp(dir / "exit")) : 0;

  RunResult result = run_cli(args, input, env);
  const std::string err = without_source_dir(result.err);
  fs::path expected = expected_file(dir);
  fs::path expected_err = dir / "expected.stderr";
  if (std::getenv("COMMPLAN_UPDATE_GOLDENS") != nullptr) {
    std::ofstream(expected, std::ios::binary) << result.out;
    if (err.empty())
      fs::remove(expected_err);
    else
      std::ofstream(expected_err, std::ios::binary) << err;
    return;
  }
  EXPECT_EQ(result.code, expected_code) << result.err;
  EXPECT_EQ(result.out, slurp(expected)) << "golden: " << expected.string();
  EXPECT_EQ(err, fs::exists(expected_err) ? slurp(expected_err) : "")
      << "golden: " << expected_err.string();
}

std::string case_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name = fs::relative(info.param, source_path("tests/golden")).string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Golden, ::testing::ValuesIn(golden_cases()), case_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Golden);

}  // namespace
}  // namespace commplan::testing
