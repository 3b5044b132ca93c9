#pragma once
// Fixtures shared by the template engine's tests: a scratch folder and compile helpers.

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "template/library.hpp"

namespace commplan::tmpl::testing {

/// A fresh folder below the system's temporary folder, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "commplan-tmpl-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }
  /// Writes `text` to `relative` below the folder (creating folders) and returns its path.
  std::string write(const std::string& relative, const std::string& text) const {
    std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

/// The headline of every diagnostic of the error `run` throws; empty when it throws none.
template <typename Run>
std::vector<std::string> headlines(Run run) {
  try {
    run();
  } catch (const Error& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics().items()) out.push_back(format_headline(d));
    return out;
  }
  return {};
}

/// The errors of compiling `text` as "t.mustache" with no templates around it.
inline std::vector<std::string> compile_errors(const std::string& text) {
  Library library({}, nullptr);
  return headlines([&] { library.compile("t.mustache", text); });
}

/// Renders `text` on `data` with no templates around it.
inline std::string render_text(const std::string& text, const nlohmann::json& data,
                               const RenderOptions& options = {}) {
  Library library({}, nullptr);
  return library.render(library.compile("t.mustache", text), data, options);
}

}  // namespace commplan::tmpl::testing
