#pragma once
// CVSS vector strings (3.0, 3.1 and 4.0): parsing with located problems, scores and ratings as
// FIRST's specifications define them. Pure functions: no I/O, no global state.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commplan::cvss {

enum class Version { v3_0, v3_1, v4_0 };

/// The qualitative severity rating scale, the same for 3.x and 4.0.
enum class Rating { none, low, medium, high, critical };

/// One thing wrong with a vector string. `column` is the 0-based byte offset of the offending
/// text from the start of the string (0 is the "C" of "CVSS:"; the string's length for a
/// metric that is missing), so a caller adds it to where the string starts in its file.
struct Problem {
  size_t column = 0;
  std::string message;
};

/// A metric as written: `name` and `value` exactly as in the string, `column` where it starts.
struct Metric {
  std::string name;
  std::string value;
  size_t column = 0;
};

/// A well-formed vector: its version and its metrics in the order they were written.
struct Vector {
  Version version = Version::v3_1;
  std::vector<Metric> metrics;

  /// The value written for metric `name`, or "X" (Not Defined) when it is absent.
  std::string_view value(std::string_view name) const;
};

/// A parse: the vector when the string has no problem, otherwise every problem found.
struct Parsed {
  std::optional<Vector> vector;
  std::vector<Problem> problems;
};

/// Scores in tenths (98 is 9.8), so they compare and print exactly.
struct Scores {
  Version version = Version::v3_1;
  int base = 0;                             ///< 3.x Base Score; 4.0 CVSS-B (base metrics alone)
  std::optional<int> temporal;              ///< 3.x Temporal Score, when E, RL or RC is defined
  std::optional<int> environmental;         ///< 3.x Environmental Score, when one of its metrics is
  std::optional<int> threat_environmental;  ///< 4.0 score with threat/environmental metrics
  std::string_view nomenclature;  ///< 4.0: "CVSS-B", "CVSS-BT", "CVSS-BE" or "CVSS-BTE"; 3.x: ""
};

/// A parse and, when the string is valid, its scores.
struct Result {
  std::optional<Scores> scores;
  std::vector<Problem> problems;
};

/// Parses `text` (`CVSS:3.0/…`, `CVSS:3.1/…` or `CVSS:4.0/…`), reporting every problem.
Parsed parse(std::string_view text);

/// The scores of a vector that `parse` accepted.
Scores score(const Vector& vector);

/// `parse` then `score`.
Result evaluate(std::string_view text);

/// The most specific score: environmental, else temporal, else base (3.x); BT/BE/BTE, else B (4.0).
int overall(const Scores& scores);

/// The rating of a score in tenths: 0 None, 0.1–3.9 Low, 4.0–6.9 Medium, 7.0–8.9 High, else
/// Critical.
Rating rating_of(int tenths);

/// "None", "Low", "Medium", "High" or "Critical", as the specifications spell them.
std::string_view rating_name(Rating rating);

/// "3.0", "3.1" or "4.0".
std::string_view version_name(Version version);

/// A score in tenths as the specifications print it: 98 → "9.8", 100 → "10.0".
std::string format_tenths(int tenths);

}  // namespace commplan::cvss
