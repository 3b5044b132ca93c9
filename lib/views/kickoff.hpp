#pragma once
// The kick-off meeting (启动会): the method's seven agenda items in order, each timeboxed with a
// clock time, and everything the meeting confirms with the client. Gaps are "to confirm".

#include <vector>

#include "views/view.hpp"

namespace commplan {

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

}  // namespace commplan
