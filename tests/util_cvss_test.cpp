#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <string>
#include <string_view>

#include "util/cvss.hpp"

namespace commplan::cvss {
namespace {

/// A score written as the sources print it (9.8) in tenths (98).
int tenths(double score) { return static_cast<int>(std::lround(score * 10)); }

Scores scores_of(std::string_view vector) {
  Result result = evaluate(vector);
  EXPECT_TRUE(result.problems.empty()) << vector << ": " << result.problems.front().message;
  return result.scores.value_or(Scores{});
}

struct BaseCase {
  std::string_view vector;
  double base;
};

// Base scores computed by FIRST's CVSS v3.1 calculator (first.org/cvss/calculator/3.1), as
// published in Red Hat's cvss library, tests/vectors_simple31 (one vector per score picked).
constexpr BaseCase kFirst31[] = {
    {"CVSS:3.1/AV:A/AC:H/PR:H/UI:N/S:C/C:N/I:L/A:L", 4.0},
    {"CVSS:3.1/AV:A/AC:H/PR:H/UI:N/S:U/C:N/I:N/A:L", 2.0},
    {"CVSS:3.1/AV:A/AC:H/PR:L/UI:N/S:C/C:H/I:H/A:N", 7.7},
    {"CVSS:3.1/AV:A/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N", 2.3},
    {"CVSS:3.1/AV:A/AC:H/PR:N/UI:R/S:C/C:L/I:L/A:N", 4.3},
    {"CVSS:3.1/AV:A/AC:L/PR:H/UI:N/S:C/C:H/I:L/A:N", 6.9},
    {"CVSS:3.1/AV:A/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:N", 6.1},
    {"CVSS:3.1/AV:A/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.0},
    {"CVSS:3.1/AV:A/AC:L/PR:L/UI:N/S:C/C:H/I:L/A:H", 8.9},
    {"CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H", 9.3},
    {"CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:L/I:H/A:H", 8.3},
    {"CVSS:3.1/AV:L/AC:H/PR:H/UI:N/S:U/C:N/I:L/A:N", 1.9},
    {"CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:C/C:N/I:H/A:N", 5.0},
    {"CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:H", 6.2},
    {"CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:C/C:L/I:N/A:N", 2.8},
    {"CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:N", 5.8},
    {"CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:C/C:H/I:L/A:N", 7.9},
    {"CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:L/A:L", 6.6},
    {"CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:H", 7.1},
    {"CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:C/C:H/I:H/A:H", 7.6},
    {"CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:N/I:N/A:H", 6.8},
    {"CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:L", 8.5},
    {"CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:N/A:H", 8.7},
    {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:H/A:N", 8.6},
    {"CVSS:3.1/AV:P/AC:H/PR:N/UI:R/S:C/C:N/I:L/A:L", 3.4},
    {"CVSS:3.1/AV:P/AC:L/PR:H/UI:N/S:U/C:N/I:N/A:L", 1.8},
    {"CVSS:3.1/AV:P/AC:L/PR:H/UI:R/S:U/C:N/I:N/A:H", 3.9},
    {"CVSS:3.1/AV:P/AC:L/PR:L/UI:R/S:C/C:H/I:L/A:N", 5.7},
    {"CVSS:3.1/AV:P/AC:L/PR:L/UI:R/S:U/C:L/I:N/A:H", 4.8},
    {"CVSS:3.1/AV:P/AC:L/PR:L/UI:R/S:U/C:N/I:N/A:H", 4.1},
};

TEST(Cvss31, BaseScoresEqualFirstCalculator) {
  for (const auto& [vector, base] : kFirst31) {
    Scores s = scores_of(vector);
    EXPECT_EQ(s.version, Version::v3_1) << vector;
    EXPECT_EQ(s.base, tenths(base)) << vector;
    EXPECT_FALSE(s.temporal) << vector;
    EXPECT_FALSE(s.environmental) << vector;
  }
}

struct FullCase {
  std::string_view vector;
  double base, temporal, environmental;
};

// Base, temporal and environmental scores published with CVSS 3.1 test vectors: the first 17
// from Cvss.Suite's tests (ValidCvss31Vectors; a few carry an added Not Defined metric, which
// changes no score); the last from us.springett's cvss-calculator regression test, whose comment
// gives FIRST's 3.1 calculator's environmental score (6.4; the base 7.4 is in vectors_simple31).
constexpr FullCase kFull31[] = {
    {"CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N/E:X", 2.6, 2.6, 2.6},
    {"CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:L/CR:X", 4.2, 4.2, 4.2},
    {"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:L/I:N/A:N/E:P/RL:T/RC:C", 4.0, 3.7, 3.7},
    {"CVSS:3.1/AV:P/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:H/E:H/RL:U/RC:U", 5.0, 4.6, 4.6},
    {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/E:U/RL:O/RC:C", 10.0, 8.7, 8.7},
    {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/E:H/RL:U/RC:C", 10.0, 10.0, 10.0},
    {"CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:C/C:N/I:L/A:H/CR:L/IR:L/AR:M/MAV:P/MAC:L/MPR:H/MUI:R/"
     "MS:U/MC:N/MI:H/MA:L",
     7.1, 7.1, 3.1},
    {"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:L/A:N/CR:H/IR:H/AR:M/MAV:P/MAC:L/MPR:H/MUI:R/"
     "MS:U/MC:N/MI:H/MA:L",
     7.5, 7.5, 5.9},
    {"CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:C/C:L/I:L/A:L/CR:L/IR:M/AR:H/MAV:N/MAC:H/MPR:N/MUI:R/"
     "MS:U/MC:N/MI:L/MA:H",
     5.0, 5.0, 7.3},
    {"CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:H/A:H/CR:H/IR:H/AR:M/MAV:N/MAC:L/MPR:N/MUI:R/"
     "MS:C/MC:H/MI:H/MA:L",
     9.9, 9.9, 9.7},
    {"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:L/I:L/A:N/E:U/RL:O/RC:U/CR:H/IR:H/AR:M/MAV:A/MAC:L/"
     "MPR:H/MUI:R/MS:U/MC:N/MI:L/MA:L",
     5.4, 4.3, 3.1},
    {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/E:U/RL:T/RC:U/CR:L/IR:L/AR:H/MAV:P/MAC:H/"
     "MPR:H/MUI:R/MS:C/MC:L/MI:H/MA:H",
     10.0, 8.1, 5.6},
    {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/E:U/RL:T/RC:U/CR:L/IR:L/AR:H/MAV:P/MAC:H/"
     "MPR:H/MUI:R/MS:C/MC:H/MI:H/MA:H",
     10.0, 8.1, 5.6},
    {"CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:C/C:L/I:L/A:L/E:P/RL:W/RC:R/CR:L/IR:M/AR:H/MAV:N/MAC:H/"
     "MPR:N/MUI:R/MS:C/MC:N/MI:L/MA:H",
     5.0, 4.4, 7.4},
    {"CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:L/A:N/E:P/RL:U/RC:C/CR:H/IR:H/AR:H/MAV:N/MAC:L/"
     "MPR:N/MUI:R/MS:C/MC:H/MI:H/MA:H",
     1.8, 1.7, 9.2},
    {"CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:C/C:L/I:H/A:H/E:X/RL:X/RC:X", 7.9, 7.9, 7.9},
    {"CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:H/A:H/RL:U", 9.9, 9.9, 9.9},
    {"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H/E:X/RL:X/RC:X/CR:X/IR:H/AR:H/MAV:A/MAC:H/"
     "MPR:H/MUI:X/MS:U/MC:H/MI:H/MA:H",
     7.4, 7.4, 6.4},
};

TEST(Cvss31, TemporalAndEnvironmentalScoresEqualPublishedValues) {
  for (const auto& [vector, base, temporal, environmental] : kFull31) {
    Scores s = scores_of(vector);
    EXPECT_EQ(s.base, tenths(base)) << vector;
    EXPECT_EQ(s.temporal.value_or(s.base), tenths(temporal)) << vector;
    EXPECT_EQ(s.environmental.value_or(s.temporal.value_or(s.base)), tenths(environmental))
        << vector;
  }
}

// CVSS 3.0 scores (base, temporal, environmental) from Red Hat's cvss library,
// tests/vectors_cvsslib3 and tests/vectors_calculator3 (the latter from FIRST's 3.0 calculator).
constexpr FullCase kPublished30[] = {
    {"CVSS:3.0/AV:L/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N/MAV:A/MAC:L/MPR:N/MUI:N/MS:U/MC:N/MI:N/MA:N",
     4.6, 4.6, 0.0},
    {"CVSS:3.0/AV:L/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N/MAV:A/MAC:L/MPR:N/MUI:N/MS:U/MC:L/MI:N/MA:N",
     4.6, 4.6, 4.3},
    {"CVSS:3.0/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:N/A:H/E:H/RL:W/RC:U/CR:H/IR:H/AR:M/MAV:L/MAC:L/"
     "MPR:H/MUI:N/MS:C/MC:N/MI:H/MA:L",
     5.8, 5.2, 7.4},
    {"CVSS:3.0/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:N/A:H/MPR:N", 5.8, 5.8, 7.1},
    {"CVSS:3.0/AV:L/AC:H/PR:L/UI:N/S:C/C:H/I:H/A:L/E:U/RL:U/RC:R/CR:M/MPR:L/MUI:R/MI:N/MA:H", 7.7,
     6.8, 6.3},
    {"CVSS:3.0/AV:L/AC:H/PR:H/UI:N/S:C/C:N/I:H/A:N/E:P/RL:U/RC:U/CR:H/IR:L/AR:H/MAV:L/MUI:R/"
     "MS:C/MC:N/MI:L/MA:N",
     5.3, 4.6, 1.3},
    {"CVSS:3.0/S:U/AV:N/AC:L/PR:H/UI:N/C:L/I:L/A:N/E:F/RL:X", 3.8, 3.7, 3.7},
    {"CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:N/E:H/RL:O/RC:C/CR:H/IR:H/AR:H/MAV:N/MAC:L/"
     "MPR:L/MUI:N/MS:C/MC:H/MI:H/MA:H",
     9.3, 8.9, 9.5},
};

TEST(Cvss30, ScoresEqualPublishedValues) {
  for (const auto& [vector, base, temporal, environmental] : kPublished30) {
    Scores s = scores_of(vector);
    EXPECT_EQ(s.version, Version::v3_0) << vector;
    EXPECT_EQ(s.base, tenths(base)) << vector;
    EXPECT_EQ(s.temporal.value_or(s.base), tenths(temporal)) << vector;
    EXPECT_EQ(s.environmental.value_or(s.temporal.value_or(s.base)), tenths(environmental))
        << vector;
  }
}

TEST(Cvss31, MetricsInAnyOrderScoreAlike) {
  // The 3.1 specification (section 6) lets metrics come in any order.
  Scores ordered = scores_of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  Scores shuffled = scores_of("CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N");
  EXPECT_EQ(ordered.base, 98);
  EXPECT_EQ(shuffled.base, 98);
}

// CVSS-B scores from Red Hat's cvss library, tests/vectors_simple4 (its vectors and scores
// follow FIRST's reference calculator, github.com/FIRSTdotorg/cvss-v4-calculator; one vector per
// score picked).
constexpr BaseCase kFirst40[] = {
    {"CVSS:4.0/AV:A/AC:H/AT:N/PR:N/UI:A/VC:L/VI:H/VA:L/SC:H/SI:N/SA:H", 7.1},
    {"CVSS:4.0/AV:A/AC:H/AT:P/PR:H/UI:A/VC:N/VI:H/VA:L/SC:H/SI:N/SA:H", 5.8},
    {"CVSS:4.0/AV:A/AC:H/AT:P/PR:N/UI:A/VC:N/VI:H/VA:N/SC:N/SI:H/SA:N", 6.8},
    {"CVSS:4.0/AV:A/AC:H/AT:P/PR:N/UI:P/VC:L/VI:N/VA:L/SC:H/SI:H/SA:H", 5.5},
    {"CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:A/VC:L/VI:N/VA:L/SC:N/SI:L/SA:L", 2.4},
    {"CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:N/VC:N/VI:H/VA:H/SC:L/SI:L/SA:L", 7.0},
    {"CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N/SC:H/SI:N/SA:L", 6.2},
    {"CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:A/VC:L/VI:H/VA:N/SC:H/SI:L/SA:N", 8.2},
    {"CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:N/VI:H/VA:N/SC:H/SI:H/SA:L", 8.5},
    {"CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:L/SI:H/SA:L", 6.4},
    {"CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:P/VC:H/VI:H/VA:N/SC:H/SI:N/SA:N", 6.7},
    {"CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:L/SC:L/SI:L/SA:L", 7.5},
    {"CVSS:4.0/AV:L/AC:H/AT:N/PR:H/UI:N/VC:L/VI:N/VA:L/SC:L/SI:N/SA:L", 1.8},
    {"CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:P/VC:L/VI:L/VA:L/SC:N/SI:N/SA:L", 2.0},
    {"CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:N/VC:L/VI:N/VA:N/SC:H/SI:N/SA:N", 4.0},
    {"CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:N/VC:N/VI:N/VA:L/SC:H/SI:H/SA:L", 4.7},
    {"CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:P/VC:N/VI:N/VA:H/SC:H/SI:H/SA:H", 6.0},
    {"CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:N/VC:L/VI:L/VA:L/SC:H/SI:H/SA:L", 5.0},
    {"CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:A/VC:H/VI:L/VA:L/SC:N/SI:H/SA:L", 6.9},
    {"CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:A/VC:N/VI:H/VA:N/SC:N/SI:L/SA:N", 5.6},
    {"CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:A/VC:H/VI:H/VA:N/SC:N/SI:L/SA:L", 7.2},
    {"CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:P/VC:H/VI:H/VA:H/SC:H/SI:L/SA:H", 8.8},
    {"CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:L/SI:H/SA:L", 9.4},
    {"CVSS:4.0/AV:N/AC:H/AT:P/PR:L/UI:A/VC:N/VI:L/VA:L/SC:L/SI:L/SA:H", 4.8},
    {"CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:N/VC:N/VI:N/VA:L/SC:N/SI:N/SA:L", 6.3},
    {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:H/SI:N/SA:L", 7.8},
    {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:H/SC:N/SI:H/SA:N", 9.2},
    {"CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:N/VC:N/VI:L/VA:L/SC:N/SI:H/SA:N", 4.6},
    {"CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:A/VC:H/VI:H/VA:L/SC:L/SI:L/SA:L", 7.3},
    {"CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:P/VC:L/VI:N/VA:H/SC:N/SI:L/SA:L", 5.2},
};

TEST(Cvss40, BaseScoresEqualReferenceCalculator) {
  for (const auto& [vector, base] : kFirst40) {
    Scores s = scores_of(vector);
    EXPECT_EQ(s.version, Version::v4_0) << vector;
    EXPECT_EQ(s.base, tenths(base)) << vector;
    EXPECT_EQ(s.nomenclature, "CVSS-B") << vector;
    EXPECT_FALSE(s.threat_environmental) << vector;
  }
}

// Scores with threat, environmental (security requirements) and supplemental metrics from Red
// Hat's cvss library, tests/vectors_security4, vectors_supplemental4 and vectors_threat4, then
// the expected scores written in its tests/test_cvss4.py (test_json_schema_*).
constexpr BaseCase kContext40[] = {
    {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/CR:M/IR:H/AR:M", 0.0},
    {"CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:H/IR:H/AR:M", 7.2},
    {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/CR:L/IR:H/AR:H", 0.0},
    {"CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:H/IR:M/AR:H", 7.2},
    {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/S:P/AU:N/R:I/V:C/RE:L/"
     "U:Amber",
     0.0},
    {"CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/S:N/AU:N/R:A/V:C/RE:H/"
     "U:Clear",
     7.3},
    {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/S:P/AU:Y/R:U/V:C/RE:L/"
     "U:Green",
     0.0},
    {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/S:P/AU:N/R:I/V:D/RE:M/"
     "U:Amber",
     0.0},
    {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:A", 0.0},
    {"CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P", 5.9},
    {"CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:A", 7.3},
    {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:P", 0.0},
    {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N", 8.7},
    {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N/AR:L", 7.9},
    {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/MSI:H", 7.7},
    {"CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:P/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0},
};

TEST(Cvss40, ThreatAndEnvironmentalScoresEqualReferenceCalculator) {
  for (const auto& [vector, expected] : kContext40) {
    Scores s = scores_of(vector);
    EXPECT_EQ(overall(s), tenths(expected)) << vector;
  }
}

TEST(Cvss40, NomenclatureNamesTheMetricGroupsThatCount) {
  std::string base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
  EXPECT_EQ(scores_of(base).nomenclature, "CVSS-B");
  EXPECT_EQ(scores_of(base + "/E:X/CR:X/U:Red").nomenclature, "CVSS-B");
  EXPECT_EQ(scores_of(base + "/E:U").nomenclature, "CVSS-BT");
  EXPECT_EQ(scores_of(base + "/MAV:L").nomenclature, "CVSS-BE");
  Scores bte = scores_of(base + "/E:P/CR:L");
  EXPECT_EQ(bte.nomenclature, "CVSS-BTE");
  EXPECT_EQ(bte.base, scores_of(base).base);  // CVSS-B leaves threat and environment out
  EXPECT_TRUE(bte.threat_environmental);
}

// The ratings Red Hat's tests/test_cvss4.py (test_severity) expects for vectors carrying every
// metric group, modified values and MSI/MSA:S included.
TEST(Cvss40, RatingsEqualReferenceLibrary) {
  struct Case {
    std::string_view vector;
    Rating rating;
  };
  constexpr Case kCases[] = {
      {"CVSS:4.0/AV:L/AC:H/AT:P/PR:N/UI:P/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N/E:P/CR:H/IR:L/AR:L/"
       "MAV:L/MAC:L/MAT:N/MPR:L/MUI:A/MVC:L/MVI:N/MVA:H/MSC:H/MSI:L/MSA:N/S:P/AU:N/R:A/V:D/"
       "RE:L/U:Red",
       Rating::low},
      {"CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:P/VC:N/VI:L/VA:L/SC:H/SI:N/SA:N/E:A/CR:M/IR:M/AR:M/"
       "MAV:L/MAC:H/MAT:P/MPR:N/MUI:P/MVC:L/MVI:N/MVA:H/MSC:H/MSI:H/MSA:S/S:N/AU:Y/R:I/V:C/"
       "RE:M/U:Amber",
       Rating::high},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:H/SC:H/SI:L/SA:H/E:A/CR:H/IR:M/AR:M/"
       "MAV:L/MAC:H/MAT:N/MPR:H/MUI:N/MVC:N/MVI:L/MVA:N/MSC:L/MSI:S/MSA:H/S:N/AU:Y/R:U/V:C/"
       "RE:M/U:Amber",
       Rating::medium},
      {"CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:A/VC:H/VI:N/VA:H/SC:L/SI:N/SA:H/E:U/CR:H/IR:H/AR:H/"
       "MAV:N/MAC:L/MAT:N/MPR:N/MUI:N/MVC:H/MVI:H/MVA:H/MSC:H/MSI:S/MSA:S/S:P/AU:N/R:I/V:D/"
       "RE:M/U:Red",
       Rating::critical},
      {"CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:N/VC:L/VI:N/VA:H/SC:L/SI:H/SA:H/E:P/CR:H/IR:H/AR:H/"
       "MAV:L/MAC:L/MAT:P/MPR:L/MUI:P/MVC:N/MVI:N/MVA:N/MSC:N/MSI:N/MSA:N/S:P/AU:N/R:U/V:C/"
       "RE:H/U:Red",
       Rating::none},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L", Rating::medium},
  };
  for (const auto& [vector, rating] : kCases) {
    EXPECT_EQ(rating_of(overall(scores_of(vector))), rating) << vector;
  }
}

TEST(Cvss40, EveryBaseVectorScoresWithinRangeToOneDecimal) {
  // All 104,976 combinations of the eleven base metrics.
  constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kBase = {{
      {"AV", "NALP"},
      {"AC", "LH"},
      {"AT", "NP"},
      {"PR", "NLH"},
      {"UI", "NPA"},
      {"VC", "HLN"},
      {"VI", "HLN"},
      {"VA", "HLN"},
      {"SC", "HLN"},
      {"SI", "HLN"},
      {"SA", "HLN"},
  }};
  std::array<size_t, 11> at{};
  size_t count = 0, zero = 0, ten = 0;
  while (true) {
    std::string vector = "CVSS:4.0";
    for (size_t i = 0; i < kBase.size(); ++i) {
      vector += '/';
      vector += kBase[i].first;
      vector += ':';
      vector += kBase[i].second[at[i]];
    }
    Result result = evaluate(vector);
    ASSERT_TRUE(result.scores) << vector;
    int base = result.scores->base;
    ASSERT_GE(base, 0) << vector;
    ASSERT_LE(base, 100) << vector;
    std::string printed = format_tenths(base);
    ASSERT_EQ(printed.size() - printed.find('.'), 2u) << vector;  // one decimal
    bool no_impact = vector.find("VC:N/VI:N/VA:N/SC:N/SI:N/SA:N") != std::string::npos;
    ASSERT_EQ(base == 0, no_impact) << vector;  // 0.0 exactly when nothing is impacted
    zero += base == 0;
    ten += base == 100;
    ++count;
    size_t i = kBase.size();
    while (i > 0 && ++at[i - 1] == kBase[i - 1].second.size()) at[--i] = 0;
    if (i == 0) break;
  }
  EXPECT_EQ(count, 104976u);
  EXPECT_EQ(zero, 144u);  // 4 * 2 * 2 * 3 * 3 attack combinations without impact
  EXPECT_GT(ten, 0u);     // AV:N/AC:L/AT:N/PR:N/UI:N with everything High scores 10.0
}

TEST(Cvss, RatingsFollowTheQualitativeScale) {
  EXPECT_EQ(rating_of(0), Rating::none);
  EXPECT_EQ(rating_of(1), Rating::low);
  EXPECT_EQ(rating_of(39), Rating::low);
  EXPECT_EQ(rating_of(40), Rating::medium);
  EXPECT_EQ(rating_of(69), Rating::medium);
  EXPECT_EQ(rating_of(70), Rating::high);
  EXPECT_EQ(rating_of(89), Rating::high);
  EXPECT_EQ(rating_of(90), Rating::critical);
  EXPECT_EQ(rating_of(100), Rating::critical);
  EXPECT_EQ(rating_name(Rating::critical), "Critical");
  EXPECT_EQ(rating_name(Rating::none), "None");
  EXPECT_EQ(format_tenths(0), "0.0");
  EXPECT_EQ(format_tenths(98), "9.8");
  EXPECT_EQ(format_tenths(100), "10.0");
}

TEST(Cvss, KeepsMetricsAsWrittenWithTheirColumns) {
  Parsed parsed = parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P");
  ASSERT_TRUE(parsed.vector);
  EXPECT_EQ(parsed.vector->metrics.size(), 9u);
  EXPECT_EQ(parsed.vector->metrics[1].name, "AC");
  EXPECT_EQ(parsed.vector->metrics[1].column, 14u);
  EXPECT_EQ(parsed.vector->value("E"), "P");
  EXPECT_EQ(parsed.vector->value("RL"), "X");
}

/// The problems of `vector` as "COLUMN: MESSAGE" lines.
std::string problems(std::string_view vector) {
  std::string out;
  for (const Problem& p : parse(vector).problems) {
    out += std::to_string(p.column) + ": " + p.message + "\n";
  }
  return out;
}

TEST(Cvss, ReportsUnknownValueAtTheValue) {
  EXPECT_EQ(problems("CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            "12: unknown value \"Q\" for AV; expected N, A, L or P\n");
  EXPECT_EQ(problems("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:J"),
            "62: unknown value \"J\" for SA; expected H, L or N\n");
  EXPECT_EQ(problems("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:"),
            "43: unknown value \"\" for A; expected H, L or N\n");
}

TEST(Cvss, ReportsUnknownMetricWithASuggestion) {
  EXPECT_EQ(problems("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/JJ:H"),
            "64: unknown metric \"JJ\" in a CVSS 4.0 vector\n");
  EXPECT_EQ(problems("CVSS:3.1/av:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            "9: unknown metric \"av\"; did you mean AV?\n"
            "44: missing mandatory metric AV (Attack Vector)\n");
  // AT is a 4.0 metric, not a 3.1 one.
  EXPECT_EQ(problems("CVSS:3.1/AV:N/AC:L/AT:N/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            "19: unknown metric \"AT\" in a CVSS 3.1 vector\n");
}

TEST(Cvss, ReportsDuplicateAndMissingMetrics) {
  EXPECT_EQ(problems("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L"),
            "45: metric AV given twice\n");
  EXPECT_EQ(problems("CVSS:3.1/AV:N/AC:L/UI:N/S:U/C:H/I:H"),
            "35: missing mandatory metric PR (Privileges Required)\n"
            "35: missing mandatory metric A (Availability)\n");
}

TEST(Cvss, ReportsWrongPrefixes) {
  EXPECT_EQ(problems(""), "0: empty vector; expected CVSS:3.1/… or CVSS:4.0/…\n");
  EXPECT_EQ(problems("AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            "0: \"AV:N\" lacks the CVSS:3.1/ or CVSS:4.0/ prefix\n");
  EXPECT_EQ(problems("CVSS:2.0/AV:N/AC:L/Au:N/C:C/I:C/A:C"),
            "5: unsupported CVSS version \"2.0\"; expected 3.0, 3.1 or 4.0\n");
  EXPECT_EQ(problems("CVSS:3.1/"), "9: no metrics after \"CVSS:3.1\"\n");
}

TEST(Cvss, ReportsMalformedParts) {
  EXPECT_EQ(problems("CVSS:3.1/AV:N/AC:L//PR:N/UI:N/S:U/C:H/I:H/A:H"),
            "19: empty metric between two \"/\"\n");
  EXPECT_EQ(problems("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/"),
            "45: trailing \"/\" after the last metric\n");
  EXPECT_EQ(problems("CVSS:3.1/AVN/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            "9: \"AVN\" is not METRIC:VALUE\n"
            "43: missing mandatory metric AV (Attack Vector)\n");
}

TEST(Cvss40, ReportsMetricsOutOfTheSpecificationsOrder) {
  // The 4.0 specification (section 7) requires the order of its metric table.
  EXPECT_EQ(problems("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/SC:N/VI:H/SI:N/VA:H/SA:N"),
            "44: metric VI out of order; CVSS 4.0 lists it before SC\n"
            "54: metric VA out of order; CVSS 4.0 lists it before SI\n");
  EXPECT_EQ(problems("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Red/E:A"),
            "70: metric E out of order; CVSS 4.0 lists it before U\n");
}

TEST(Cvss, ReportsEveryProblemOfAVector) {
  EXPECT_EQ(problems("CVSS:4.0/AV:X/AC:L/AC:H/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSI:Q"),
            "12: unknown value \"X\" for AV; expected N, A, L or P\n"
            "19: metric AC given twice\n"
            "68: unknown value \"Q\" for MSI; expected X, S, H, L or N\n"
            "69: missing mandatory metric AT (Attack Requirements)\n");
}

}  // namespace
}  // namespace commplan::cvss
