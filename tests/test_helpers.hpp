#pragma once
// Helpers shared by the tests: running the CLI in-process and reading fixtures.

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli.hpp"

namespace commplan::testing {

/// What one in-process run of the CLI printed and returned.
struct RunResult {
  int code = 0;
  std::string out;
  std::string err;
};

/// Runs the whole CLI in-process with `args`, `stdin_text` on standard input and only the
/// environment variables in `env`.
inline RunResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = "",
                         std::map<std::string, std::string> env = {}) {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  auto lookup = [env](const std::string& name) -> std::optional<std::string> {
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
  };
  int code = cli::run(args, in, out, err, lookup);
  return {code, out.str(), err.str()};
}

/// The head of a project file: the format version and the project "Audit" for ACME from
/// `start` to `end`, then `more` lines of the project section (indented two spaces).
inline std::string project_head(const std::string& start = "2026-12-07",
                                const std::string& end = "2026-12-18",
                                const std::string& more = "") {
  return "commplan: 1\n"
         "project:\n"
         "  name: Audit\n"
         "  client: ACME\n"
         "  start: " +
         start +
         "\n"
         "  end: " +
         end + "\n" + more;
}

/// A path below the source tree.
inline std::string source_path(const std::string& relative) {
  return std::string(COMMPLAN_SOURCE_DIR) + "/" + relative;
}

}  // namespace commplan::testing
