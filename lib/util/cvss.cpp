#include "util/cvss.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace commplan::cvss {
namespace {

/// A metric of a version's vector string: its abbreviation, its name and its values.
struct MetricSpec {
  std::string_view name;
  std::string_view title;
  std::array<std::string_view, 5> values;  // in the specification's order; unused slots empty
  bool mandatory = false;
};

// CVSS v3.1 specification, section 6 "Vector String", Table 15 (3.0's table is the same): every
// metric in the preferred order, with its allowed values.
constexpr std::array<MetricSpec, 22> kMetrics3{{
    {"AV", "Attack Vector", {"N", "A", "L", "P"}, true},
    {"AC", "Attack Complexity", {"L", "H"}, true},
    {"PR", "Privileges Required", {"N", "L", "H"}, true},
    {"UI", "User Interaction", {"N", "R"}, true},
    {"S", "Scope", {"U", "C"}, true},
    {"C", "Confidentiality", {"H", "L", "N"}, true},
    {"I", "Integrity", {"H", "L", "N"}, true},
    {"A", "Availability", {"H", "L", "N"}, true},
    {"E", "Exploit Code Maturity", {"X", "H", "F", "P", "U"}},
    {"RL", "Remediation Level", {"X", "U", "W", "T", "O"}},
    {"RC", "Report Confidence", {"X", "C", "R", "U"}},
    {"CR", "Confidentiality Requirement", {"X", "H", "M", "L"}},
    {"IR", "Integrity Requirement", {"X", "H", "M", "L"}},
    {"AR", "Availability Requirement", {"X", "H", "M", "L"}},
    {"MAV", "Modified Attack Vector", {"X", "N", "A", "L", "P"}},
    {"MAC", "Modified Attack Complexity", {"X", "L", "H"}},
    {"MPR", "Modified Privileges Required", {"X", "N", "L", "H"}},
    {"MUI", "Modified User Interaction", {"X", "N", "R"}},
    {"MS", "Modified Scope", {"X", "U", "C"}},
    {"MC", "Modified Confidentiality", {"X", "H", "L", "N"}},
    {"MI", "Modified Integrity", {"X", "H", "L", "N"}},
    {"MA", "Modified Availability", {"X", "H", "L", "N"}},
}};

// CVSS v4.0 specification, section 7 "Vector String", Table 23: every metric in the order a
// vector must list them (base, threat, environmental, supplemental), with its allowed values.
constexpr std::array<MetricSpec, 32> kMetrics4{{
    {"AV", "Attack Vector", {"N", "A", "L", "P"}, true},
    {"AC", "Attack Complexity", {"L", "H"}, true},
    {"AT", "Attack Requirements", {"N", "P"}, true},
    {"PR", "Privileges Required", {"N", "L", "H"}, true},
    {"UI", "User Interaction", {"N", "P", "A"}, true},
    {"VC", "Vulnerable System Confidentiality", {"H", "L", "N"}, true},
    {"VI", "Vulnerable System Integrity", {"H", "L", "N"}, true},
    {"VA", "Vulnerable System Availability", {"H", "L", "N"}, true},
    {"SC", "Subsequent System Confidentiality", {"H", "L", "N"}, true},
    {"SI", "Subsequent System Integrity", {"H", "L", "N"}, true},
    {"SA", "Subsequent System Availability", {"H", "L", "N"}, true},
    {"E", "Exploit Maturity", {"X", "A", "P", "U"}},
    {"CR", "Confidentiality Requirement", {"X", "H", "M", "L"}},
    {"IR", "Integrity Requirement", {"X", "H", "M", "L"}},
    {"AR", "Availability Requirement", {"X", "H", "M", "L"}},
    {"MAV", "Modified Attack Vector", {"X", "N", "A", "L", "P"}},
    {"MAC", "Modified Attack Complexity", {"X", "L", "H"}},
    {"MAT", "Modified Attack Requirements", {"X", "N", "P"}},
    {"MPR", "Modified Privileges Required", {"X", "N", "L", "H"}},
    {"MUI", "Modified User Interaction", {"X", "N", "P", "A"}},
    {"MVC", "Modified Vulnerable System Confidentiality", {"X", "H", "L", "N"}},
    {"MVI", "Modified Vulnerable System Integrity", {"X", "H", "L", "N"}},
    {"MVA", "Modified Vulnerable System Availability", {"X", "H", "L", "N"}},
    {"MSC", "Modified Subsequent System Confidentiality", {"X", "H", "L", "N"}},
    {"MSI", "Modified Subsequent System Integrity", {"X", "S", "H", "L", "N"}},
    {"MSA", "Modified Subsequent System Availability", {"X", "S", "H", "L", "N"}},
    {"S", "Safety", {"X", "N", "P"}},
    {"AU", "Automatable", {"X", "N", "Y"}},
    {"R", "Recovery", {"X", "A", "U", "I"}},
    {"V", "Value Density", {"X", "D", "C"}},
    {"RE", "Vulnerability Response Effort", {"X", "L", "M", "H"}},
    {"U", "Provider Urgency", {"X", "Clear", "Green", "Amber", "Red"}},
}};

constexpr size_t kNone = static_cast<size_t>(-1);

/// The table of `version`'s metrics.
const MetricSpec* metrics_of(Version version, size_t& count) {
  if (version == Version::v4_0) {
    count = kMetrics4.size();
    return kMetrics4.data();
  }
  count = kMetrics3.size();
  return kMetrics3.data();
}

/// "N, A, L or P".
std::string expected_values(const MetricSpec& spec) {
  std::string out;
  size_t count = 0;
  while (count < spec.values.size() && !spec.values[count].empty()) ++count;
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) out += i + 1 == count ? " or " : ", ";
    out += spec.values[i];
  }
  return out;
}

bool allows(const MetricSpec& spec, std::string_view value) {
  return !value.empty() &&
         std::find(spec.values.begin(), spec.values.end(), value) != spec.values.end();
}

/// The version a string's prefix names, or a problem.
std::optional<Version> parse_prefix(std::string_view text, std::vector<Problem>& problems) {
  if (text.empty()) {
    problems.push_back({0, "empty vector; expected CVSS:3.1/…, CVSS:3.0/… or CVSS:4.0/…"});
    return std::nullopt;
  }
  if (text.substr(0, 5) != "CVSS:") {
    problems.push_back({0, fmt::format("\"{}\" lacks the CVSS:3.1/, CVSS:3.0/ or CVSS:4.0/ prefix",
                                       text.substr(0, text.find('/')))});
    return std::nullopt;
  }
  std::string_view version = text.substr(5, text.find('/') - std::min(text.find('/'), size_t{5}));
  if (version == "3.0") return Version::v3_0;
  if (version == "3.1") return Version::v3_1;
  if (version == "4.0") return Version::v4_0;
  problems.push_back(
      {5, fmt::format("unsupported CVSS version \"{}\"; expected 3.0, 3.1 or 4.0", version)});
  return std::nullopt;
}

/// Reads the metrics after the prefix, one "/"-separated METRIC:VALUE at a time.
class MetricReader {
 public:
  MetricReader(std::string_view text, Version version, std::vector<Problem>& problems)
      : text_(text), version_(version), problems_(problems) {
    specs_ = metrics_of(version, count_);
    first_.assign(count_, kNone);
  }

  std::vector<Metric> read(size_t offset) {
    while (true) {
      size_t end = std::min(text_.find('/', offset), text_.size());
      read_one(text_.substr(offset, end - offset), offset, end == text_.size());
      if (end == text_.size()) break;
      offset = end + 1;
    }
    for (size_t i = 0; i < count_; ++i) {
      if (specs_[i].mandatory && first_[i] == kNone) {
        problems_.push_back({text_.size(), fmt::format("missing mandatory metric {} ({})",
                                                       specs_[i].name, specs_[i].title)});
      }
    }
    return std::move(metrics_);
  }

 private:
  size_t index_of(std::string_view name) const {
    for (size_t i = 0; i < count_; ++i) {
      if (specs_[i].name == name) return i;
    }
    return kNone;
  }

  void unknown_metric(std::string_view name, size_t offset) {
    std::string upper(name);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper != name && index_of(upper) != kNone) {
      problems_.push_back(
          {offset, fmt::format("unknown metric \"{}\"; did you mean {}?", name, upper)});
      return;
    }
    problems_.push_back({offset, fmt::format("unknown metric \"{}\" in a CVSS {} vector", name,
                                             version_name(version_))});
  }

  void read_one(std::string_view part, size_t offset, bool last) {
    if (part.empty()) {
      problems_.push_back({offset, last ? "trailing \"/\" after the last metric"
                                        : "empty metric between two \"/\""});
      return;
    }
    size_t colon = part.find(':');
    if (colon == std::string_view::npos) {
      problems_.push_back({offset, fmt::format("\"{}\" is not METRIC:VALUE", part)});
      return;
    }
    std::string_view name = part.substr(0, colon), value = part.substr(colon + 1);
    size_t index = index_of(name);
    if (index == kNone) return unknown_metric(name, offset);
    const MetricSpec& spec = specs_[index];
    if (first_[index] != kNone) {
      problems_.push_back({offset, fmt::format("metric {} given twice", name)});
      return;
    }
    first_[index] = offset;
    if (version_ == Version::v4_0 && last_index_ != kNone && index < last_index_) {
      problems_.push_back(
          {offset, fmt::format("metric {} out of order; CVSS 4.0 lists it before {}", name,
                               specs_[last_index_].name)});
    }
    last_index_ = std::max(index, last_index_ == kNone ? 0 : last_index_);
    if (!allows(spec, value)) {
      problems_.push_back(
          {offset + colon + 1, fmt::format("unknown value \"{}\" for {}; expected {}", value, name,
                                           expected_values(spec))});
      return;
    }
    metrics_.push_back({std::string(name), std::string(value), offset});
  }

  std::string_view text_;
  Version version_;
  std::vector<Problem>& problems_;
  const MetricSpec* specs_ = nullptr;
  size_t count_ = 0;
  std::vector<size_t> first_;  // where each metric of the table was first given
  size_t last_index_ = kNone;  // the furthest table row given so far (4.0's order)
  std::vector<Metric> metrics_;
};

// --- CVSS 3.0 and 3.1 -------------------------------------------------------------------------

// The two functions below stand for std::llround and std::pow, the only functions of the C
// library's math library (libm) commplan called: without them the program loads no libm at
// its start (about 0.4 ms of page faults on a virtual machine). Every CVSS 3.x vector's base,
// temporal and environmental score was computed both ways (5,038,848 combinations of the
// scores that raise to a power): the same scores, although 1,745 of the 2,187 powers taken differ
// in their last bits from std::pow's.

/// `value` rounded to the nearest whole number, halves away from zero, as std::llround rounds
/// it (`value` within a long long's range).
long long round_half_away(double value) {
  auto whole = static_cast<long long>(value);        // towards zero
  double rest = value - static_cast<double>(whole);  // exact
  if (rest >= 0.5) return whole + 1;
  if (rest <= -0.5) return whole - 1;
  return whole;
}

/// `base` to the power `exponent` (not negative), by squaring.
double power(double base, int exponent) {
  double result = 1.0;
  for (; exponent > 0; exponent >>= 1, base *= base)
    if ((exponent & 1) != 0) result *= base;
  return result;
}

/// CVSS v3.1 specification, Appendix A: Roundup, the float-safe integer version, in tenths.
int roundup(double value) {
  long long scaled = round_half_away(value * 100000.0);
  return static_cast<int>(scaled % 10000 == 0 ? scaled / 10000 : scaled / 10000 + 1);
}

/// The value of a metric, or of its base metric when the modified one is Not Defined.
char effective(const Vector& vector, std::string_view modified) {
  std::string_view value = vector.value(modified);
  return value != "X" ? value[0] : vector.value(modified.substr(1))[0];
}

// CVSS v3.1 specification, section 7.4 "Metric Values" (Table 16).
double attack_vector(char v) { return v == 'N' ? 0.85 : v == 'A' ? 0.62 : v == 'L' ? 0.55 : 0.2; }
double attack_complexity(char v) { return v == 'L' ? 0.77 : 0.44; }
double privileges(char v, bool changed) {
  if (v == 'N') return 0.85;
  if (v == 'L') return changed ? 0.68 : 0.62;
  return changed ? 0.5 : 0.27;
}
double user_interaction(char v) { return v == 'N' ? 0.85 : 0.62; }
double impact(char v) { return v == 'H' ? 0.56 : v == 'L' ? 0.22 : 0.0; }
double exploit_maturity(char v) {
  return v == 'F' ? 0.97 : v == 'P' ? 0.94 : v == 'U' ? 0.91 : 1.0;
}
double remediation(char v) { return v == 'W' ? 0.97 : v == 'T' ? 0.96 : v == 'O' ? 0.95 : 1.0; }
double confidence(char v) { return v == 'R' ? 0.96 : v == 'U' ? 0.92 : 1.0; }
double requirement(char v) { return v == 'H' ? 1.5 : v == 'L' ? 0.5 : 1.0; }

/// A 3.x score from its impact and exploitability (section 7.1 and 7.3), before the temporal
/// multipliers; 0 when the impact is not positive.
int impact_score(double impact_value, double exploitability, bool changed) {
  if (impact_value <= 0) return 0;
  double sum = changed ? 1.08 * (impact_value + exploitability) : impact_value + exploitability;
  return roundup(std::min(sum, 10.0));
}

int base_score3(const Vector& v) {
  bool changed = v.value("S") == "C";
  double iss = 1 - (1 - impact(v.value("C")[0])) * (1 - impact(v.value("I")[0])) *
                       (1 - impact(v.value("A")[0]));
  double impact_value = changed ? 7.52 * (iss - 0.029) - 3.25 * power(iss - 0.02, 15) : 6.42 * iss;
  double exploitability =
      8.22 * attack_vector(v.value("AV")[0]) * attack_complexity(v.value("AC")[0]) *
      privileges(v.value("PR")[0], changed) * user_interaction(v.value("UI")[0]);
  return impact_score(impact_value, exploitability, changed);
}

double temporal_factor(const Vector& v) {
  return exploit_maturity(v.value("E")[0]) * remediation(v.value("RL")[0]) *
         confidence(v.value("RC")[0]);
}

int environmental_score3(const Vector& v) {
  bool changed = effective(v, "MS") == 'C';
  double miss = std::min(1 - (1 - impact(effective(v, "MC")) * requirement(v.value("CR")[0])) *
                                 (1 - impact(effective(v, "MI")) * requirement(v.value("IR")[0])) *
                                 (1 - impact(effective(v, "MA")) * requirement(v.value("AR")[0])),
                         0.915);
  double modified_impact = 6.42 * miss;
  if (changed) {
    modified_impact = v.version == Version::v3_0
                          ? 7.52 * (miss - 0.029) - 3.25 * power(miss - 0.02, 15)
                          : 7.52 * (miss - 0.029) - 3.25 * power(miss * 0.9731 - 0.02, 13);
  }
  double exploitability =
      8.22 * attack_vector(effective(v, "MAV")) * attack_complexity(effective(v, "MAC")) *
      privileges(effective(v, "MPR"), changed) * user_interaction(effective(v, "MUI"));
  int modified = impact_score(modified_impact, exploitability, changed);
  if (modified == 0) return 0;
  return roundup(modified / 10.0 * temporal_factor(v));
}

bool any_defined(const Vector& v, std::initializer_list<std::string_view> names) {
  return std::any_of(names.begin(), names.end(),
                     [&v](std::string_view name) { return v.value(name) != "X"; });
}

Scores score3(const Vector& v) {
  Scores out;
  out.version = v.version;
  out.base = base_score3(v);
  if (any_defined(v, {"E", "RL", "RC"}))
    out.temporal = roundup(out.base / 10.0 * temporal_factor(v));
  if (any_defined(v, {"CR", "IR", "AR", "MAV", "MAC", "MPR", "MUI", "MS", "MC", "MI", "MA"})) {
    out.environmental = environmental_score3(v);
  }
  return out;
}

// --- CVSS 4.0 ---------------------------------------------------------------------------------

// The score of every MacroVector (EQ1 to EQ6), in tenths: data of the CVSS v4.0 scoring system,
// from FIRST's reference calculator (github.com/FIRSTdotorg/cvss-v4-calculator, cvss_lookup.js;
// Red Hat's cvss library, constants4.py, holds the same 270 values). The 54 combinations of
// EQ3=2 with EQ6=0 cannot occur.
struct MacroScore {
  std::string_view macro;
  int tenths;
};
constexpr std::array<MacroScore, 270> kMacroScores{
    {{"000000", 100}, {"000001", 99},  {"000010", 98}, {"000011", 95}, {"000020", 95},
     {"000021", 92},  {"000100", 100}, {"000101", 96}, {"000110", 93}, {"000111", 87},
     {"000120", 91},  {"000121", 81},  {"000200", 93}, {"000201", 90}, {"000210", 89},
     {"000211", 80},  {"000220", 81},  {"000221", 68}, {"001000", 98}, {"001001", 95},
     {"001010", 95},  {"001011", 92},  {"001020", 90}, {"001021", 84}, {"001100", 93},
     {"001101", 92},  {"001110", 89},  {"001111", 81}, {"001120", 81}, {"001121", 65},
     {"001200", 88},  {"001201", 80},  {"001210", 78}, {"001211", 70}, {"001220", 69},
     {"001221", 48},  {"002001", 92},  {"002011", 82}, {"002021", 72}, {"002101", 79},
     {"002111", 69},  {"002121", 50},  {"002201", 69}, {"002211", 55}, {"002221", 27},
     {"010000", 99},  {"010001", 97},  {"010010", 95}, {"010011", 92}, {"010020", 92},
     {"010021", 85},  {"010100", 95},  {"010101", 91}, {"010110", 90}, {"010111", 83},
     {"010120", 84},  {"010121", 71},  {"010200", 92}, {"010201", 81}, {"010210", 82},
     {"010211", 71},  {"010220", 72},  {"010221", 53}, {"011000", 95}, {"011001", 93},
     {"011010", 92},  {"011011", 85},  {"011020", 85}, {"011021", 73}, {"011100", 92},
     {"011101", 82},  {"011110", 80},  {"011111", 72}, {"011120", 70}, {"011121", 59},
     {"011200", 84},  {"011201", 70},  {"011210", 71}, {"011211", 52}, {"011220", 50},
     {"011221", 30},  {"012001", 86},  {"012011", 75}, {"012021", 52}, {"012101", 71},
     {"012111", 52},  {"012121", 29},  {"012201", 63}, {"012211", 29}, {"012221", 17},
     {"100000", 98},  {"100001", 95},  {"100010", 94}, {"100011", 87}, {"100020", 91},
     {"100021", 81},  {"100100", 94},  {"100101", 89}, {"100110", 86}, {"100111", 74},
     {"100120", 77},  {"100121", 64},  {"100200", 87}, {"100201", 75}, {"100210", 74},
     {"100211", 63},  {"100220", 63},  {"100221", 49}, {"101000", 94}, {"101001", 89},
     {"101010", 88},  {"101011", 77},  {"101020", 76}, {"101021", 67}, {"101100", 86},
     {"101101", 76},  {"101110", 74},  {"101111", 58}, {"101120", 59}, {"101121", 50},
     {"101200", 72},  {"101201", 57},  {"101210", 57}, {"101211", 52}, {"101220", 52},
     {"101221", 25},  {"102001", 83},  {"102011", 70}, {"102021", 54}, {"102101", 65},
     {"102111", 58},  {"102121", 26},  {"102201", 53}, {"102211", 21}, {"102221", 13},
     {"110000", 95},  {"110001", 90},  {"110010", 88}, {"110011", 76}, {"110020", 76},
     {"110021", 70},  {"110100", 90},  {"110101", 77}, {"110110", 75}, {"110111", 62},
     {"110120", 61},  {"110121", 53},  {"110200", 77}, {"110201", 66}, {"110210", 68},
     {"110211", 59},  {"110220", 52},  {"110221", 30}, {"111000", 89}, {"111001", 78},
     {"111010", 76},  {"111011", 67},  {"111020", 62}, {"111021", 58}, {"111100", 74},
     {"111101", 59},  {"111110", 57},  {"111111", 57}, {"111120", 47}, {"111121", 23},
     {"111200", 61},  {"111201", 52},  {"111210", 57}, {"111211", 29}, {"111220", 24},
     {"111221", 16},  {"112001", 71},  {"112011", 59}, {"112021", 30}, {"112101", 58},
     {"112111", 26},  {"112121", 15},  {"112201", 23}, {"112211", 13}, {"112221", 6},
     {"200000", 93},  {"200001", 87},  {"200010", 86}, {"200011", 72}, {"200020", 75},
     {"200021", 58},  {"200100", 86},  {"200101", 74}, {"200110", 74}, {"200111", 61},
     {"200120", 56},  {"200121", 34},  {"200200", 70}, {"200201", 54}, {"200210", 52},
     {"200211", 40},  {"200220", 40},  {"200221", 22}, {"201000", 85}, {"201001", 75},
     {"201010", 74},  {"201011", 55},  {"201020", 62}, {"201021", 51}, {"201100", 72},
     {"201101", 57},  {"201110", 55},  {"201111", 41}, {"201120", 46}, {"201121", 19},
     {"201200", 53},  {"201201", 36},  {"201210", 34}, {"201211", 19}, {"201220", 19},
     {"201221", 8},   {"202001", 64},  {"202011", 51}, {"202021", 20}, {"202101", 47},
     {"202111", 21},  {"202121", 11},  {"202201", 24}, {"202211", 9},  {"202221", 4},
     {"210000", 88},  {"210001", 75},  {"210010", 73}, {"210011", 53}, {"210020", 60},
     {"210021", 50},  {"210100", 73},  {"210101", 55}, {"210110", 59}, {"210111", 40},
     {"210120", 41},  {"210121", 20},  {"210200", 54}, {"210201", 43}, {"210210", 45},
     {"210211", 22},  {"210220", 20},  {"210221", 11}, {"211000", 75}, {"211001", 55},
     {"211010", 58},  {"211011", 45},  {"211020", 40}, {"211021", 21}, {"211100", 61},
     {"211101", 51},  {"211110", 48},  {"211111", 18}, {"211120", 20}, {"211121", 9},
     {"211200", 46},  {"211201", 18},  {"211210", 17}, {"211211", 7},  {"211220", 8},
     {"211221", 2},   {"212001", 53},  {"212011", 24}, {"212021", 14}, {"212101", 24},
     {"212111", 12},  {"212121", 5},   {"212201", 10}, {"212211", 3},  {"212221", 1}}};

constexpr size_t macro_index(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
  return static_cast<size_t>(((((eq1 * 2 + eq2) * 3 + eq3) * 3 + eq4) * 3 + eq5) * 2 + eq6);
}

constexpr std::array<int, 324> kMacroTable = [] {
  std::array<int, 324> table{};
  for (int& cell : table) cell = -1;
  for (const MacroScore& row : kMacroScores) {
    auto digit = [&row](size_t i) { return row.macro[i] - '0'; };
    table[macro_index(digit(0), digit(1), digit(2), digit(3), digit(4), digit(5))] = row.tenths;
  }
  return table;
}();

/// A MacroVector: the level of each equivalence set EQ1 to EQ6.
using Macro = std::array<int, 6>;

/// The score of a MacroVector, or nothing when it does not exist (a level past the last).
std::optional<double> macro_score(const Macro& m) {
  constexpr Macro kLevels = {3, 2, 3, 3, 3, 2};
  for (size_t i = 0; i < m.size(); ++i) {
    if (m[i] >= kLevels[i]) return std::nullopt;
  }
  int tenths = kMacroTable[macro_index(m[0], m[1], m[2], m[3], m[4], m[5])];
  if (tenths < 0) return std::nullopt;
  return tenths / 10.0;
}

/// The metric values a 4.0 score reads, once Modified and Not Defined values are resolved.
struct Values {
  char av, ac, at, pr, ui, vc, vi, va, sc, si, sa, e, cr, ir, ar;
};

Values resolve(const Vector& v, bool with_context) {
  auto pick = [&](std::string_view base) -> char {
    if (!with_context) return v.value(base)[0];
    std::string modified = fmt::format("M{}", base);
    return effective(v, modified);
  };
  auto defaulted = [&](std::string_view name, char worst) -> char {
    char value = with_context ? v.value(name)[0] : 'X';
    return value == 'X' ? worst : value;
  };
  return {pick("AV"),           pick("AC"),           pick("AT"),          pick("PR"),
          pick("UI"),           pick("VC"),           pick("VI"),          pick("VA"),
          pick("SC"),           pick("SI"),           pick("SA"),          defaulted("E", 'A'),
          defaulted("CR", 'H'), defaulted("IR", 'H'), defaulted("AR", 'H')};
}

// The equivalence sets, CVSS v4.0 specification section 8.2 (Table 24 to 29).
Macro macro_of(const Values& x) {
  Macro m{};
  bool av_n = x.av == 'N', pr_n = x.pr == 'N', ui_n = x.ui == 'N';
  m[0] = av_n && pr_n && ui_n ? 0 : (av_n || pr_n || ui_n) && x.av != 'P' ? 1 : 2;
  m[1] = x.ac == 'L' && x.at == 'N' ? 0 : 1;
  m[2] = x.vc == 'H' && x.vi == 'H' ? 0 : x.vc == 'H' || x.vi == 'H' || x.va == 'H' ? 1 : 2;
  m[3] = x.si == 'S' || x.sa == 'S' ? 0 : x.sc == 'H' || x.si == 'H' || x.sa == 'H' ? 1 : 2;
  m[4] = x.e == 'A' ? 0 : x.e == 'P' ? 1 : 2;
  m[5] =
      (x.cr == 'H' && x.vc == 'H') || (x.ir == 'H' && x.vi == 'H') || (x.ar == 'H' && x.va == 'H')
          ? 0
          : 1;
  return m;
}

/// Severity steps within a metric (FIRST's reference calculator, cvss_score.js), in tenths.
int step(std::string_view order, char value, int first = 0) {
  return first + static_cast<int>(order.find(value));
}

/// Severity distances of `x` from a highest-severity vector `h` of its MacroVector, per
/// equivalence set: EQ1, EQ2, EQ3+EQ6 and EQ4; `fits` when `x` is nowhere above `h`.
struct Distances {
  std::array<int, 4> sums{};
  bool fits = false;
};

Distances distances(const Values& x, const Values& h) {
  std::array<int, 14> d = {
      step("NALP", x.av) - step("NALP", h.av),     step("NLH", x.pr) - step("NLH", h.pr),
      step("NPA", x.ui) - step("NPA", h.ui),       step("LH", x.ac) - step("LH", h.ac),
      step("NP", x.at) - step("NP", h.at),         step("HLN", x.vc) - step("HLN", h.vc),
      step("HLN", x.vi) - step("HLN", h.vi),       step("HLN", x.va) - step("HLN", h.va),
      step("HLN", x.sc, 1) - step("HLN", h.sc, 1), step("SHLN", x.si) - step("SHLN", h.si),
      step("SHLN", x.sa) - step("SHLN", h.sa),     step("HML", x.cr) - step("HML", h.cr),
      step("HML", x.ir) - step("HML", h.ir),       step("HML", x.ar) - step("HML", h.ar)};
  return {{d[0] + d[1] + d[2], d[3] + d[4], d[5] + d[6] + d[7] + d[11] + d[12] + d[13],
           d[8] + d[9] + d[10]},
          std::none_of(d.begin(), d.end(), [](int n) { return n < 0; })};
}

// The highest-severity vectors of each MacroVector level, from FIRST's reference calculator
// (max_composed.js), space-separated. EQ1: AV PR UI; EQ2: AC AT; EQ3 with EQ6: VC VI VA CR IR AR;
// EQ4: SC SI SA.
constexpr std::array<std::string_view, 3> kMaxEq1 = {"NNN", "ANN NLN NNP", "PNN ALP"};
constexpr std::array<std::string_view, 2> kMaxEq2 = {"LN", "HN LP"};
constexpr std::array<std::array<std::string_view, 2>, 3> kMaxEq3Eq6 = {{
    {"HHHHHH", "HHLMMH HHHMMM"},
    {"LHHHHH HLHHHH", "LHLHMH LHHHMM HLHMHM HLLMHH LLHHHM"},
    {"", "LLLHHH"},
}};
constexpr std::array<std::string_view, 3> kMaxEq4 = {"HSS", "HHH", "LLL"};

// The depth of each MacroVector level in severity steps (max_severity.js).
constexpr std::array<int, 3> kDepthEq1 = {1, 4, 5};
constexpr std::array<int, 2> kDepthEq2 = {1, 2};
constexpr std::array<std::array<int, 2>, 3> kDepthEq3Eq6 = {{{7, 6}, {8, 8}, {0, 10}}};
constexpr std::array<int, 3> kDepthEq4 = {6, 5, 4};

/// The words of a space-separated list.
std::vector<std::string_view> words(std::string_view list) {
  std::vector<std::string_view> out;
  for (size_t at = 0; at < list.size();) {
    size_t end = std::min(list.find(' ', at), list.size());
    out.push_back(list.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

/// The distances from the first highest-severity vector of `m` that `x` does not exceed (the
/// last one tried when none fits, as the reference calculator does).
std::array<int, 4> severity_distances(const Values& x, const Macro& m) {
  Distances found;
  for (auto eq1 : words(kMaxEq1[static_cast<size_t>(m[0])])) {
    for (auto eq2 : words(kMaxEq2[static_cast<size_t>(m[1])])) {
      for (auto eq36 : words(kMaxEq3Eq6[static_cast<size_t>(m[2])][static_cast<size_t>(m[5])])) {
        auto eq4 = kMaxEq4[static_cast<size_t>(m[3])];
        Values h{eq1[0], eq2[0], eq2[1], eq1[1], eq1[2],  eq36[0], eq36[1], eq36[2],
                 eq4[0], eq4[1], eq4[2], x.e,    eq36[3], eq36[4], eq36[5]};
        found = distances(x, h);
        if (found.fits) return found.sums;
      }
    }
  }
  return found.sums;
}

/// The score of the MacroVector one step less severe in EQ3+EQ6 (the higher of two for 00).
std::optional<double> lower_eq3eq6(Macro m) {
  Macro left = m, right = m;
  if (m[2] == 0 && m[5] == 0) {
    left[5] = 1;
    right[2] = 1;
    auto l = macro_score(left), r = macro_score(right);
    if (l && r) return std::max(*l, *r);
    return l ? l : r;
  }
  if (m[2] == 1 && m[5] == 0) {
    left[5] = 1;
  } else if (m[5] == 1) {
    left[2] += 1;
  } else {
    left[2] += 1;
    left[5] += 1;
  }
  return macro_score(left);
}

/// CVSS v4.0 specification section 8.3: the MacroVector's score less the mean proportional
/// distance to the next lower MacroVectors, rounded half up to one decimal.
int score4(const Values& x) {
  if (x.vc == 'N' && x.vi == 'N' && x.va == 'N' && x.sc == 'N' && x.si == 'N' && x.sa == 'N') {
    return 0;
  }
  Macro m = macro_of(x);
  double value = *macro_score(m);
  auto lower = [&m](size_t eq) {
    Macro next = m;
    next[eq] += 1;
    return macro_score(next);
  };
  std::array<int, 4> distance = severity_distances(x, m);
  std::array<std::optional<double>, 4> lowers = {lower(0), lower(1), lower_eq3eq6(m), lower(3)};
  std::array<int, 4> depth = {kDepthEq1[static_cast<size_t>(m[0])],
                              kDepthEq2[static_cast<size_t>(m[1])],
                              kDepthEq3Eq6[static_cast<size_t>(m[2])][static_cast<size_t>(m[5])],
                              kDepthEq4[static_cast<size_t>(m[3])]};
  double sum = 0;
  int existing = 0;
  for (size_t i = 0; i < lowers.size(); ++i) {
    if (!lowers[i]) continue;
    ++existing;
    sum += (value - *lowers[i]) * (static_cast<double>(distance[i]) / depth[i]);
  }
  if (lower(4)) ++existing;  // EQ5's proportional distance is always 0
  if (existing > 0) value -= sum / existing;
  value = std::clamp(value, 0.0, 10.0);
  return static_cast<int>(std::floor((value + 1e-6) * 10 + 0.5));
}

Scores score4_all(const Vector& v) {
  Scores out;
  out.version = v.version;
  out.base = score4(resolve(v, false));
  bool threat = any_defined(v, {"E"});
  bool environment = any_defined(v, {"CR", "IR", "AR", "MAV", "MAC", "MAT", "MPR", "MUI", "MVC",
                                     "MVI", "MVA", "MSC", "MSI", "MSA"});
  out.nomenclature = threat && environment ? "CVSS-BTE"
                     : threat              ? "CVSS-BT"
                     : environment         ? "CVSS-BE"
                                           : "CVSS-B";
  if (threat || environment) out.threat_environmental = score4(resolve(v, true));
  return out;
}

}  // namespace

std::string_view Vector::value(std::string_view name) const {
  for (const Metric& metric : metrics) {
    if (metric.name == name) return metric.value;
  }
  return "X";
}

Parsed parse(std::string_view text) {
  Parsed out;
  std::optional<Version> version = parse_prefix(text, out.problems);
  if (!version) return out;
  size_t slash = text.find('/');
  if (slash == std::string_view::npos || slash + 1 == text.size()) {
    out.problems.push_back(
        {text.size(), fmt::format("no metrics after \"CVSS:{}\"", version_name(*version))});
    return out;
  }
  std::vector<Metric> metrics = MetricReader(text, *version, out.problems).read(slash + 1);
  if (out.problems.empty()) out.vector = Vector{*version, std::move(metrics)};
  return out;
}

Scores score(const Vector& vector) {
  return vector.version == Version::v4_0 ? score4_all(vector) : score3(vector);
}

Result evaluate(std::string_view text) {
  Parsed parsed = parse(text);
  Result out;
  if (parsed.vector) out.scores = score(*parsed.vector);
  out.problems = std::move(parsed.problems);
  return out;
}

int overall(const Scores& scores) {
  if (scores.threat_environmental) return *scores.threat_environmental;
  if (scores.environmental) return *scores.environmental;
  if (scores.temporal) return *scores.temporal;
  return scores.base;
}

Rating rating_of(int tenths) {
  if (tenths <= 0) return Rating::none;
  if (tenths < 40) return Rating::low;
  if (tenths < 70) return Rating::medium;
  if (tenths < 90) return Rating::high;
  return Rating::critical;
}

std::string_view rating_name(Rating rating) {
  switch (rating) {
    case Rating::none:
      return "None";
    case Rating::low:
      return "Low";
    case Rating::medium:
      return "Medium";
    case Rating::high:
      return "High";
    case Rating::critical:
      return "Critical";
  }
  return "None";
}

std::string_view version_name(Version version) {
  switch (version) {
    case Version::v3_0:
      return "3.0";
    case Version::v3_1:
      return "3.1";
    case Version::v4_0:
      return "4.0";
  }
  return "3.1";
}

std::string format_tenths(int tenths) { return fmt::format("{}.{}", tenths / 10, tenths % 10); }

}  // namespace commplan::cvss
