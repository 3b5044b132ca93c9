#pragma once
// The kick-off meeting (启动会): the method's seven agenda items in order, each timeboxed with a
// clock time, and everything the meeting confirms with the client. Gaps are "to confirm".

#include <vector>

#include "views/view.hpp"

namespace commplan {

/// The kick-off's defaults and limits when the file does not say or asks for too much.
inline constexpr int kKickoffDefaultStart = 9 * 60 + 30;  ///< 09:30
inline constexpr int kKickoffDefaultDuration = 60;
inline constexpr int kKickoffMinDuration = 15;
inline constexpr int kKickoffMaxDuration = 240;
inline constexpr int kDailyRecapMinDuration = 5;
inline constexpr int kDailyRecapMaxDuration = 10;

/// Minutes of the seven agenda items, in agenda order, adding up exactly to `duration` (at
/// least 7); introductions grow with `people` (ours plus theirs).
std::vector<int> kickoff_timeboxes(int duration, int people);

/// The kick-off view model ("commplan/kickoff"); every gap is warned about in `diagnostics`.
nlohmann::json build_kickoff_view(const Project& project, const ViewOptions& options,
                                  Diagnostics& diagnostics);

}  // namespace commplan
