#pragma once
// The kick-off meeting (启动会): the method's seven agenda items in order, each timeboxed with a
// clock time, and everything the meeting confirms with the client. Gaps are "to confirm".

#include <vector>

#include "views/i18n.hpp"
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

/// What the kick-off is told besides the common view options: nothing yet.
struct KickoffOptions {};

/// The kick-off view model ("commplan/kickoff"); every gap is warned about in `diagnostics`;
/// nullopt when the builder added an error (a plan that cannot be made).
std::optional<View> build_kickoff_view(const Project& project, const ViewOptions& common,
                                       const KickoffOptions& own, Diagnostics& diagnostics);
std::optional<View> build_kickoff_view(const Project&& project, const ViewOptions& common,
                                       const KickoffOptions& own,
                                       Diagnostics& diagnostics) = delete;

/// Every phrase the kick-off view puts into its model, for completeness checks.
std::vector<Phrase> kickoff_phrases();

}  // namespace commplan
