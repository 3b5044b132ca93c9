#pragma once
// Helpers of the tests that compare a format's fast path (load/json_fast.hpp,
// load/yaml_fast.hpp) with libfyaml's path: load_json_fast_test and load_yaml_fast_test.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/entries.hpp"
#include "load/parse_with.hpp"
#include "test_helpers.hpp"

namespace commplan::testing {

/// The file name a format's texts are parsed as, in messages.
inline std::string file_of(Format format) { return format == Format::json ? "t.json" : "t.yaml"; }

/// The tree of `text` by the fast path alone: nullopt where it gives up.
inline std::optional<Document> fast_only(Format format, const std::string& text,
                                         const Limits& limits = {}) {
  Diagnostics d;
  return parse_document_with(Parsers::fast_only, file_of(format), text, format, d, limits);
}

/// The tree of `text` by libfyaml's path alone, its problems in `d`.
inline Document libfyaml_only(Format format, const std::string& text, Diagnostics& d,
                              const Limits& limits = {}) {
  return *parse_document_with(Parsers::libfyaml_only, file_of(format), text, format, d, limits);
}

/// Both paths read `text` into the same tree.
inline void expect_same_tree(Format format, const std::string& text, const Limits& limits = {}) {
  SCOPED_TRACE(text);
  Diagnostics d;
  Document expected = libfyaml_only(format, text, d, limits);
  ASSERT_FALSE(d.has_errors()) << format_headline(d.items()[0]);
  auto actual = fast_only(format, text, limits);
  ASSERT_TRUE(actual.has_value()) << "the fast path gave up";
  EXPECT_EQ(fuzz::tree_difference(expected.root, actual->root), "");
}

/// Every diagnostic of a run, printed.
inline std::vector<std::string> printed(const Diagnostics& d) {
  std::vector<std::string> lines;
  for (const auto& item : d.items()) lines.push_back(format_diagnostic(item));
  return lines;
}

/// The fast path gives up on `text`, and parse_document reports and builds what libfyaml's
/// path does: its errors, or its tree. Returns what parse_document reported.
inline Diagnostics expect_fallback(Format format, const std::string& text,
                                   const Limits& limits = {}) {
  SCOPED_TRACE(text);
  EXPECT_FALSE(fast_only(format, text, limits).has_value());
  Diagnostics expected_d, actual_d;
  Document expected = libfyaml_only(format, text, expected_d, limits);
  Document actual = parse_document(file_of(format), text, format, actual_d, limits);
  EXPECT_EQ(printed(actual_d), printed(expected_d));
  EXPECT_EQ(fuzz::tree_difference(expected.root, actual.root), "");
  return actual_d;
}

/// Compares both paths on every file under examples/ and tests/ ending in one of
/// `extensions`: where libfyaml's path fails, the fast path (`fast_path`) gives up too; where the
/// fast path reads a file, its tree is libfyaml's. Returns how many files it read, of `files` in
/// all.
inline size_t compare_on_every_file(Format format, std::initializer_list<const char*> extensions,
                                    size_t& files, const Limits& limits = {},
                                    Parsers fast_path = Parsers::fast_only) {
  namespace fs = std::filesystem;
  std::vector<fs::path> paths;
  for (const char* dir : {"examples", "tests"})
    for (const auto& entry : fs::recursive_directory_iterator(source_path(dir)))
      if (entry.is_regular_file() &&
          std::find(extensions.begin(), extensions.end(), entry.path().extension().string()) !=
              extensions.end())
        paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  files = paths.size();
  size_t read_fast = 0;
  for (const auto& path : paths) {
    SCOPED_TRACE(path.string());
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Diagnostics d;
    Document expected = libfyaml_only(format, text, d, limits);
    Diagnostics ignored;
    auto actual = parse_document_with(fast_path, file_of(format), text, format, ignored, limits);
    if (d.has_errors()) {
      EXPECT_FALSE(actual.has_value());
      continue;
    }
    if (!actual) continue;
    ++read_fast;
    EXPECT_EQ(fuzz::tree_difference(expected.root, actual->root), "");
  }
  return read_fast;
}

}  // namespace commplan::testing
