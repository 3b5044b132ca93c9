#pragma once
// Actions agreed in meetings (`actions` of minutes), as they stand at the end of a day: an
// action is open from its meeting until the day it was done (`done`), and overdue once a day
// after its due date has begun. The daily recap carries every action still open (README,
// "Recaps"), so what the client and we agreed is followed up until it is done.

#include <nlohmann/json.hpp>
#include <vector>

#include "model/project.hpp"
#include "views/schedule.hpp"

namespace commplan {

/// The plan's kind of touchpoint for a kind of meeting in minutes.
TouchpointKind touchpoint_kind(MeetingKind kind);

/// Whether `action` was done by the end of `day`.
bool done_by(const Action& action, Date day);

/// An action still open at the end of a day, with the minutes that agreed it.
struct OpenAction {
  const Minutes* minutes = nullptr;
  const Action* action = nullptr;
  bool overdue = false;    ///< its due date is before the day
  bool due_today = false;  ///< its due date is the day
};

/// The actions of minutes dated `day` or earlier not done by the end of `day`: by due date
/// (undated last), then the meeting's date, then in the order the files list them.
std::vector<OpenAction> open_actions(const Project& project, Date day);

/// The open actions of `day` as the daily recap shows them: `open_actions` (what, owner, due,
/// overdue, due_today, days_overdue, and the meeting that agreed it), `has_open_actions` and
/// `overdue_actions` (a count). Each overdue action is warned about in `diagnostics`, at its
/// `due`.
nlohmann::json open_actions_json(const Project& project, Date day, Lang lang,
                                 Diagnostics& diagnostics);

}  // namespace commplan
