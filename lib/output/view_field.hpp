#pragma once
// Reading a view model back (a saved `--format json`) with the types an output needs, each
// value checked where it is read: a wrong one names its path (`touchpoints[2].start`).

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "util/dates.hpp"
#include "words/words.hpp"

namespace commplan {

/// Throws Error(invalid_input) with one diagnostic at `path` (no file: the caller places it).
[[noreturn]] void malformed(std::string path, std::string message);

/// A value of the view and where it is (`touchpoints[2]`), read with the type asked for.
class Field {
 public:
  Field(const nlohmann::json& value, std::string path) : value_(value), path_(std::move(path)) {}

  /// The member `key` of a mapping; missing is malformed.
  Field operator[](std::string_view key) const;
  /// Whether the mapping has `key`, not null.
  bool has(std::string_view key) const;
  /// This field, which must be a mapping.
  const Field& mapping() const;
  /// The items of a list, each with its path.
  std::vector<Field> items() const;
  std::string text() const;
  bool flag() const;
  /// A whole number of minutes, 0 to 24 hours.
  int number() const;
  /// YYYY-MM-DD.
  Date date() const;
  /// HH:MM, as minutes after midnight.
  int time() const;

 private:
  const nlohmann::json& value_;
  std::string path_;
};

/// The view's `lang`, one of the word tables' languages.
Lang lang_of(const Field& view);

}  // namespace commplan
