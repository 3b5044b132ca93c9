#pragma once
// The method's rules for its meetings, kept in one place: when each meeting starts and how long
// it lasts when the file does not say, the lengths the method allows, the final recap's
// suggested length and how the kick-off shares its minutes among its agenda items. The plan
// (schedule.hpp), the kick-off and the recaps all read them from here.

#include <array>
#include <cstddef>

namespace commplan {

/// Kick-off: 09:30, 60 minutes, 15 to 240.
inline constexpr int kKickoffDefaultStart = 9 * 60 + 30;
inline constexpr int kKickoffDefaultDuration = 60;
inline constexpr int kKickoffMinDuration = 15;
inline constexpr int kKickoffMaxDuration = 240;

/// Daily recap: 17:30, 5 to 10 minutes, 10 by default.
inline constexpr int kDailyRecapDefaultStart = 17 * 60 + 30;
inline constexpr int kDailyRecapMinDuration = 5;
inline constexpr int kDailyRecapMaxDuration = 10;

/// Phase recap: 16:00, 20 to 30 minutes, 30 by default.
inline constexpr int kPhaseRecapDefaultStart = 16 * 60;
inline constexpr int kPhaseRecapMinDuration = 20;
inline constexpr int kPhaseRecapMaxDuration = 30;

/// Final recap: 14:00, 30 to 120 minutes; at most 60 unless the engagement is large (see
/// suggested_final_minutes(), its length when the file sets none).
inline constexpr int kFinalRecapDefaultStart = 14 * 60;
inline constexpr int kFinalRecapMinDuration = 30;
inline constexpr int kFinalRecapNormalMaxDuration = 60;
inline constexpr int kFinalRecapMaxDuration = 120;

/// An engagement is large with more findings or more workdays than these.
inline constexpr size_t kLargeFindings = 20, kLargeWorkdays = 15;

/// The final recap's length when the file sets none: 30 minutes plus 3 a finding, rounded up to
/// a quarter hour, at most 60 - or at most 120 for a large engagement (more than 20 findings or
/// more than 15 workdays).
int suggested_final_minutes(size_t findings, size_t workdays);

/// The kick-off's seven agenda items share its minutes in proportion to these weights:
/// introductions (see below), scope, expectations, method and execution plan 12 each, contact
/// person 4, daily feedback 6.
inline constexpr std::array<int, 7> kKickoffWeights = {0, 12, 12, 12, 12, 4, 6};
/// The introductions' weight: 4 plus 2 a person, counting at most 20 people.
inline constexpr int kKickoffIntroBase = 4;
inline constexpr int kKickoffIntroPerPerson = 2;
inline constexpr int kKickoffIntroMaxPeople = 20;

}  // namespace commplan
