#pragma once
// What the plan says about each kind of touchpoint: titles, purposes, agendas, expected
// outputs, in the words of lib/words. Shared by the plan view, its chart and its calendar export.

#include <string>
#include <string_view>
#include <vector>

#include "views/schedule.hpp"

namespace commplan::plan_text {

/// The name every page and the calendar give a kind of meeting: `meetings.<kind>.name`, else
/// the method's ("Daily recap" / "每日复盘").
std::string meeting_name(const Project& project, TouchpointKind kind, Lang lang);

/// The meeting's name inside a sentence: `meetings.<kind>.name` as written, else the default
/// in lower case ("the daily recap" / "每日复盘").
std::string meeting_name_in_text(const Project& project, TouchpointKind kind, Lang lang);

/// The phase's name, or its id when the name is blank.
std::string phase_name(const Phase& phase);

/// The touchpoint's title: the meeting's name, and the phase a phase recap closes.
std::string title(const Touchpoint& touchpoint, const Project& project, Lang lang);

/// `text` with the project's meeting names in place of {kickoff}, {daily}, {phase}, {final}
/// (meeting_name) and {kickoff_text}, {daily_text}, {phase_text}, {final_text}
/// (meeting_name_in_text).
std::string with_meeting_names(std::string_view text, const Project& project, Lang lang);

/// Why the meeting is held (the method's goal for it).
std::string purpose(const Project& project, TouchpointKind kind, Lang lang);

/// What the meeting should leave behind.
std::string output(const Project& project, TouchpointKind kind, Lang lang);

/// The meeting's agenda in short.
std::vector<std::string_view> agenda(TouchpointKind kind, Lang lang);

/// What the touchpoint folded in ("includes the daily recap"), or "" when nothing.
std::string includes_note(const Touchpoint& touchpoint, const Project& project, Lang lang);

/// Names joined as the language lists them ("A, B" / "A、B").
std::string join_list(const std::vector<std::string>& items, Lang lang);

/// "to confirm" / "待确认".
std::string_view to_confirm(Lang lang);

/// The four execution-stage interview questions of the method.
std::vector<std::string_view> method_questions(Lang lang);

}  // namespace commplan::plan_text
