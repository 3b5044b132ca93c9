#pragma once
// Notification deadlines: a finding of a severity an escalation level is for must be notified
// (told to the client, `notified` in its history or in a log entry) within that level's
// `within` hours.
//
// Rules (README, "Notification deadlines"):
// - the levels a severity is for: the first escalation level listing it in `severities`; when
//   no level lists any, the first level is for critical and high, the others for none.
// - the clock starts the day the finding reached its most urgent level (the first in the
//   list) up to the day judged: its found date for the severity it was found with, or the date
//   of the history entry that raised it. A later lowering does not lift a deadline already
//   running. A finding with no found date starts no clock from its first severity (only a
//   dated raise does).
// - the model is day-granular (the file has dates, not times), so `within` hours are counted
//   in whole days, rounded down: under 24 hours the same day, 24 to 47 by the next day, 48 to
//   71 by the day after, and so on, calendar days (weekends and holidays count: escalations do
//   not wait for Monday). A level without `within` sets no deadline.
// - a notification counts when it is dated on or after that start and on or before the day
//   judged: the earliest one (a history entry's before a log entry's on the same day).
// - as of day D only: nothing recorded after D changes D's result.
// Cost: O(findings + history entries + log notifications) a call.

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "model/project.hpp"

namespace commplan {

/// Where a finding stands with its notification on a day.
enum class NoticeState {
  in_time,  ///< notified by the deadline
  late,     ///< notified, after the deadline
  due,      ///< not notified yet, the deadline not passed
  overdue,  ///< not notified, the deadline passed
};

/// "in-time", "late", "due" or "overdue", as the view model names them.
std::string_view to_string(NoticeState state);

/// The index in project.escalation of the level `severity` is for, or nullopt.
std::optional<size_t> escalation_level_of(const Project& project, Severity severity);

/// The last day a notification is in time: `since` plus `within_hours` counted in whole days,
/// rounded down (no later than 9999-12-31).
Date notice_deadline(Date since, int within_hours);

/// One finding's notification deadline as it stood at the end of a day.
struct NoticeDeadline {
  const Finding* finding = nullptr;
  std::optional<Severity> severity;         ///< the finding's severity that day
  Severity reached{};                       ///< the severity that brought it to its level
  size_t level = 0;                         ///< index in project.escalation
  Date since;                               ///< the day it reached that level
  const HistoryEntry* raised_by = nullptr;  ///< the entry that raised it; nullptr: found so
  Date deadline;
  std::optional<Date> notified;                ///< the day of the notification counted
  const Notification* notification = nullptr;  ///< that notification
  NoticeState state = NoticeState::due;
};

/// The notification deadline of every finding, as of the end of `day`, that has one: found by
/// `day`, of a severity some level with `within` is for. In the order of project.findings.
std::vector<NoticeDeadline> notification_deadlines(const Project& project, Date day);

/// A warning, located at the finding (or at the history entry that raised it), for each
/// finding notified late or overdue as of `day` (validate: --strict fails on them).
void check_notifications(const Project& project, Date day, Diagnostics& diagnostics);

/// The daily recap's section on `day`: `has_notification_deadlines` and
/// `notification_deadlines`, the findings due or overdue and not notified, and those notified
/// late (overdue first, then due, then late; most severe first within each), written into
/// `view`; a warning for each overdue one.
void add_notification_deadlines(nlohmann::json& view, const Project& project, Date day, Lang lang,
                                Diagnostics& diagnostics);

}  // namespace commplan
