#pragma once
// The engagement's touchpoints: every meeting with the client, where and when it happens and
// who attends. Shared by `plan` (all of them) and any brief that needs one meeting's slot.
//
// The rules (contract, "plan"):
//   kick-off       on the first workday, or meetings.kickoff.date;
//   daily recap    on every workday from start to end (non-workdays and holidays skipped);
//   phase recap    on the last workday of each phase (a phase ending on a weekend or a holiday
//                  moves back to its last workday; a phase without a workday is an error);
//   final recap    on the last workday, or meetings.final_recap.date.
// A day with a phase or final recap folds its daily recap into it; a final recap folds in a
// phase recap on its day; two phase recaps on one day become one. Each touchpoint records
// what it folded in (`includes`: "daily", "phase:ID").
// A workday is a day of the working week or an extra workday, and not a holiday (calendar.hpp).
// Every brief reads its meetings from here (daily_recap_on, recap_of_phase, final_recap), so a
// page never shows a meeting the plan does not have.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/project.hpp"

namespace commplan {

/// The four kinds of touchpoint, in the order they sort within one day and time.
enum class TouchpointKind { kickoff, daily, phase, final };

/// `kickoff`, `daily`, `phase` or `final`.
std::string_view to_string(TouchpointKind kind);

/// Start time and length of one kind of meeting when the file does not say, and the length
/// the method allows (a file asking for less or more is warned about and clamped).
struct MeetingRule {
  TouchpointKind kind;
  std::string_view field;  ///< the key under `meetings`
  int default_time;        ///< minutes after midnight
  int default_duration;    ///< minutes
  int min_duration;
  int max_duration;
};

/// The rule of `kind`: kick-off 09:30, 60 min (15-240); daily 17:30, 10 min (5-10);
/// phase 16:00, 30 min (20-30); final 14:00, 30-120 min (default: see meeting_duration).
const MeetingRule& meeting_rule(TouchpointKind kind);

/// The meeting settings of `kind` in the project file.
const Meeting& meeting_of(const Project& project, TouchpointKind kind);

/// The length of a `kind` meeting: the file's duration clamped to the rule, else the default
/// (for the final recap the length `recap --level final` suggests: suggested_final_minutes()
/// for the findings found by `as_of`, all of them without it). A clamped value is warned about
/// in `diagnostics` when given.
int meeting_duration(const Project& project, TouchpointKind kind,
                     Diagnostics* diagnostics = nullptr, std::optional<Date> as_of = std::nullopt);

/// How many problems were found by `as_of` (those with no found date included; good practices
/// are not counted); all of them without it.
size_t findings_known(const Project& project, std::optional<Date> as_of);

/// The start time of a `kind` meeting, minutes after midnight.
int meeting_time(const Project& project, TouchpointKind kind);

/// One person at a touchpoint.
struct Attendee {
  enum class Side { ours, theirs, guest };  ///< guest: named in the file but in neither team
  std::string name, role, email;
  Side side = Side::guest;
};

/// One meeting of the engagement.
struct Touchpoint {
  TouchpointKind kind = TouchpointKind::daily;
  Date date;
  int start = 0;                 ///< minutes after midnight, local time of the project
  int duration = 0;              ///< minutes
  const Phase* phase = nullptr;  ///< the phase a phase recap closes
  bool moved = false;  ///< a phase recap moved back because the phase ends on a non-workday
  std::vector<std::string> includes;  ///< what was folded in: "daily", "phase:ID"
  std::vector<const Phase*> folded;   ///< the phases of the "phase:ID" includes, in order
  std::vector<Attendee> attendees;
  std::string location;
};

/// Every touchpoint of a project, by date and time, with the workdays they were planned on.
struct Schedule {
  std::vector<Date> workdays;  ///< every workday from start to end
  std::vector<Touchpoint> touchpoints;
};

/// Plans the project's touchpoints. Errors (a phase or an engagement without a workday) and
/// warnings (clamped durations, unknown attendees, meetings set on non-workdays) go to
/// `diagnostics`. Linear in the number of days. `as_of` is the day the plan is made on (a
/// page's --date): the final recap's suggested length counts the findings found by then and
/// by the final recap's day, so a page of a past day stays as it was when later findings are
/// recorded; without it, by the final recap's day.
Schedule build_schedule(const Project& project, Diagnostics& diagnostics,
                        std::optional<Date> as_of = std::nullopt);

/// Whether `t` took in `item` ("daily", "phase:ID").
bool holds(const Touchpoint& t, std::string_view item);

/// The ids of the phases whose recap `t` holds: its own phase first, then those folded in.
std::vector<std::string> held_phases(const Touchpoint& t);

/// The touchpoint holding the daily recap of `day`: that day's daily recap, or the phase or
/// final recap that took it in; nullptr on a day without one.
const Touchpoint* daily_recap_on(const Schedule& schedule, Date day);

/// The touchpoint holding the recap of phase `id`: a phase recap (maybe shared with phases
/// ending the same day) or the final recap that took it in; nullptr when the phase has none.
const Touchpoint* recap_of_phase(const Schedule& schedule, std::string_view id);

/// The final recap; nullptr when nothing could be planned.
const Touchpoint* final_recap(const Schedule& schedule);

/// One phase's recap in the plan: the meeting that holds it and the phase's id.
struct PhaseRecap {
  const Touchpoint* meeting = nullptr;
  std::string phase;
};

/// Every phase recap the plan holds, by date; a meeting holding several gives its own phase
/// first, then those folded in.
std::vector<PhaseRecap> phase_recaps(const Schedule& schedule);

/// The engagement's lead (the first team member), or nullptr without a team.
const Member* project_lead(const Project& project);

/// The client's contact person (the first with `contact: true`), or nullptr.
const ClientMember* contact_person(const Project& project);

}  // namespace commplan
