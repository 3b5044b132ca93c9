#pragma once
// The plan as an iCalendar file, written from the plan's view model alone.

#include <nlohmann/json.hpp>
#include <string>

namespace commplan {

/// The touchpoints of a plan view model (kind "commplan/plan", as `plan --format json` prints
/// it) as an RFC 5545 calendar (see output/ics.hpp): one event per touchpoint with its agenda
/// in short as the description, the attendees with an e-mail address invited by the view's
/// `organizer`, every event stamped with the view's `date`, the words in its `lang`. Throws
/// Error(invalid_input) whose diagnostic's path names a missing or malformed field
/// (`touchpoints[2].start`), or `project.timezone` when the zone is unknown.
std::string plan_ics(const nlohmann::json& plan_view);

}  // namespace commplan
