#pragma once
// The minutes view: the page of one meeting's minutes a client archives (`commplan minutes`),
// view model kind "commplan/minutes", template minutes.<lang>.md.
//
// Rules (README, "Minutes"):
// - the minutes are those dated --date, of the --meeting kind when given; minutes of one
//   meeting in several records (two people took them, in their own log_dir files) make one
//   page: attendance joined, decisions, actions and confirmations in the files' order. A day
//   with none, or with several meetings' and no --meeting, is an error of the option.
// - the meeting's day, time, length and place are the plan's (schedule.hpp): the touchpoint of
//   that kind on that day; minutes of a meeting the plan does not hold that day keep their date,
//   have no time, and are warned about (validate too).
// - attendance: the people `present`, else those the plan invites; each with their side and
//   role, and a blank signature column for a printed sign-in sheet.
// - actions show the day they were done only when it is the page's day or earlier, so a later
//   `minutes done` does not change the page of a past day.

#include <optional>

#include "views/schedule.hpp"
#include "views/view.hpp"

namespace commplan {

/// What `minutes` is told besides the common view options.
struct MinutesOptions {
  std::optional<MeetingKind> meeting;  ///< which meeting of the day; unset: the day's only one
};

/// The kind named `text` (kickoff, daily, phase, final); nullopt for anything else.
std::optional<MeetingKind> parse_meeting_kind(std::string_view text);

/// The minutes view of the meeting held on `common.today`.
std::optional<View> build_minutes_view(const Project& project, const ViewOptions& common,
                                       const MinutesOptions& own, Diagnostics& diagnostics);
std::optional<View> build_minutes_view(const Project&& project, const ViewOptions& common,
                                       const MinutesOptions& own,
                                       Diagnostics& diagnostics) = delete;

/// The touchpoint of `schedule` that minutes of `kind` dated `day` record: the meeting of that
/// kind on that day (for a daily recap, the bigger recap that takes it in; for a phase recap
/// of `phase`, the meeting holding that phase's recap); nullptr when the plan holds none.
const Touchpoint* planned_meeting(const Schedule& schedule, MeetingKind kind, Date day,
                                  std::string_view phase = {});

/// Warns, at their date, about minutes of a meeting the plan does not hold on their day.
/// Linear in minutes and touchpoints (plus a logarithm).
void check_minutes_plan(const Project& project, const Schedule& schedule, Diagnostics& diagnostics);

}  // namespace commplan
