#pragma once
// Load: the duplicate-key check every builder of the tree makes (libfyaml's events and the
// fast paths for JSON and YAML). Private to lib/load.

#include <algorithm>
#include <span>
#include <string_view>
#include <unordered_set>

#include "load/document.hpp"

namespace commplan {

/// The keys of one mapping being built: a look at each entry while there are a few, a hash
/// set past that, so that a mapping of thousands of keys costs what it reads.
class OpenKeys {
 public:
  /// Whether `key` is among `entries`, the mapping's entries so far; it is remembered as
  /// theirs from now on.
  bool is_duplicate(std::span<const Entry> entries, std::string_view key) {
    constexpr size_t kLinearSearch = 16;
    if (entries.size() < kLinearSearch)
      return std::any_of(entries.begin(), entries.end(),
                         [&](const Entry& e) { return e.key() == key; });
    if (keys_.empty())
      for (const auto& e : entries) keys_.insert(e.key());
    return !keys_.insert(key).second;
  }

 private:
  std::unordered_set<std::string_view> keys_;
};

}  // namespace commplan
