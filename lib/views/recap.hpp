#pragma once
// The recap view: the closing stage of the method at its three levels. Each level has its own
// template (recap-daily, recap-phase, recap-final) and the view model kind "commplan/recap"
// with a `level` field.
//
// Rules (README, "Recaps"):
// - every level reads its meeting from the plan (schedule.hpp): day, time, length and place are
//   those of its touchpoint, never decided here; a plan that cannot be made stops the recap.
// - daily: "new" findings are those found after the previous workday and up to --date, so a
//   Monday recap covers the weekend and a recap after a holiday covers the holiday; findings
//   still open are those of an open status (open, agreed, in-progress or none) found earlier
//   or on no recorded date. 5-10 minutes, default 10. On a day the plan folds the daily recap
//   into a phase or final recap, the page is that meeting's daily section (`held_in`, its time,
//   a note); a day that is not a workday has no meeting time.
// - phase: without --phase, the phase recap the plan holds on --date (moved to the phase's last
//   workday), else the latest held before it, else the first (a page preparing it, a note).
//   All standards are listed, those the phase's findings refer to first. 20-30 minutes,
//   default 30; a phase recap the final recap takes in has the final recap's time (a note).
// - final: 30-120 minutes; without a duration in the file, suggested_final_minutes().
// - a phase or final recap carries what its meeting takes in (`folded`): the day's daily recap
//   (new findings, log, next workday's plan) and the other phases it recaps.
// - as of the page's day: the daily recap's --date, a phase or final recap's meeting day (or
//   --date when earlier). A finding found after it is not on the page; status and severity are
//   finding_as_of()'s, worked out once per page (Standing) for every list, count and order; a
//   later day's log entry is not shown. Rendering a day, recording later changes and rendering
//   it again gives the same bytes.
// - daily movement: the history entries of the window that took a status to resolved or
//   verified (fixed_findings), and every other change of status or severity (finding_changes).
// Findings are always ordered most severe first (critical, high, medium, low, info, unrated),
// then by found date (undated last), then by id.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "views/view.hpp"

namespace commplan {

enum class RecapLevel { daily, phase, final };

/// What `recap` is told besides the common view options.
struct RecapOptions {
  RecapLevel level = RecapLevel::daily;
  std::string phase;  ///< the phase to recap (phase level); empty: the one the plan holds
};

/// "daily", "phase" or "final".
std::string_view to_string(RecapLevel level);

/// The level named `text`; nullopt for anything else.
std::optional<RecapLevel> parse_recap_level(std::string_view text);

/// The template base name of a level: "recap-daily", "recap-phase" or "recap-final".
std::string recap_template(RecapLevel level);

/// The recap view model of `own.level`. A problem that stops the recap (a daily date outside
/// the engagement, an unknown phase, a plan that cannot be made) is an error in `diagnostics`,
/// and the result is then nullopt; anything worth knowing but not fatal is a warning (notes
/// such as "held inside the phase recap" too). The findings are lists made as they are read
/// (View): the view refers to `project`, which must outlive it.
std::optional<View> build_recap_view(const Project& project, const ViewOptions& common,
                                     const RecapOptions& own, Diagnostics& diagnostics);
std::optional<View> build_recap_view(const Project&& project, const ViewOptions& common,
                                     const RecapOptions& own, Diagnostics& diagnostics) = delete;

/// Builds every phase recap and the final recap of `project` on one plan, as validate checks
/// them: their errors, warnings and notes go to `diagnostics`, nothing is rendered.
void check_recaps(const Project& project, const ViewOptions& options, Diagnostics& diagnostics);

/// Why `day` has no daily recap (outside the engagement, a holiday, a weekly day off), in one
/// line for `--skip-off-days`, or nullopt on a workday of the engagement.
std::optional<std::string> why_no_daily_recap(const Project& project, Date day);

}  // namespace commplan
