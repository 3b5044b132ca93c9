#pragma once
// The plan as an iCalendar file, written from the plan's view model alone.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "output/ics.hpp"

namespace commplan {

/// The touchpoints of a plan view model (kind "commplan/plan", as `plan --format json` prints
/// it) as an RFC 5545 calendar (see output/ics.hpp): one event per touchpoint with its agenda
/// in short as the description, the attendees with an e-mail address invited by the view's
/// `organizer`, every event stamped with the view's `date`, the words in its `lang`. Throws
/// Error(invalid_input) whose diagnostic's path names a missing or malformed field
/// (`touchpoints[2].start`), or `project.timezone` when the zone is unknown.
///
/// Updates (RFC 5546's rules for a published calendar): each event's UID names its touchpoint
/// (the kick-off, the daily recap of a day, the recap of a phase, the final recap), not its
/// date. Given `previous` (the events of the calendar sent before, ics::read_events), an event
/// whose time, place or attendees changed gets a SEQUENCE one higher than it had there (the
/// same SEQUENCE when nothing changed), and an event of `previous` no longer planned is
/// written again with STATUS:CANCELLED and a SEQUENCE one higher. Without it every SEQUENCE
/// is 0.
struct PlanIcsOptions {
  const std::vector<ics::PriorEvent>* previous = nullptr;
  /// The latest day DTSTAMP may name (the day of the run): a plan dated later is stamped with
  /// it, as a stamp in the future would be wrong.
  std::optional<Date> latest_stamp;
};

std::string plan_ics(const nlohmann::json& plan_view, const PlanIcsOptions& options = {});

}  // namespace commplan
