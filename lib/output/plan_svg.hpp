#pragma once
// The plan's timeline as an inline SVG, drawn from the plan view model alone: the HTML page
// shows it in any browser and on paper, with no script and no chart library.

#include <nlohmann/json.hpp>
#include <string>

namespace commplan {

/// The timeline of a plan view model (kind "commplan/plan"): a day scale over the engagement
/// (`days`), rest days and holidays shaded across every row, one bar per phase (class
/// "phase"), one marker per touchpoint on a meetings row (class "meeting", its kind as a
/// second class), a legend, and the words of the view's `lang`. Every shape carries a
/// <title> naming what it is. Throws Error(invalid_input) naming a missing or malformed field.
std::string plan_svg(const nlohmann::json& plan_view);

}  // namespace commplan
