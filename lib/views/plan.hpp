#pragma once
// The `plan` view: every touchpoint of the engagement, the communication matrix, the
// escalation path, the execution-stage interview questions and a Mermaid gantt chart.

#include <string>

#include "views/schedule.hpp"
#include "views/view.hpp"

namespace commplan {

/// What the plan is told besides the common view options: nothing yet.
struct PlanOptions {};

/// The view model of `commplan plan` (kind "commplan/plan"); nullopt when the builder added
/// an error (a plan that cannot be made).
std::optional<View> build_plan_view(const Project& project, const ViewOptions& common,
                                    const PlanOptions& own, Diagnostics& diagnostics);
std::optional<View> build_plan_view(const Project&& project, const ViewOptions& common,
                                    const PlanOptions& own, Diagnostics& diagnostics) = delete;

/// The communication matrix: for each audience what they get, why, how, how often, from
/// whom and the backup (the PMBOK columns), derived from the teams, schedule and escalation.
/// A row about meetings names the client's side of their attendees in `schedule`, and lists
/// them per meeting kind under `meetings`, so the matrix and the calendar never disagree.
/// For the client, our team's own row (how we agree among ourselves before we speak to the
/// client) is left out: it is our tactics, as HOW and HOW MUCH are on the client's 5W2H.
nlohmann::json plan_matrix(const Project& project, const Schedule& schedule, Lang lang,
                           Audience audience);

/// The Mermaid `gantt` text of the schedule: phases as bars, kick-off, phase and final recaps
/// as milestones; names cleaned of what Mermaid would read as syntax. No final newline.
std::string plan_gantt(const Project& project, const Schedule& schedule, Lang lang);

/// A name Mermaid reads as plain text: no `:` `;` `#`, line breaks or leading keyword.
std::string mermaid_text(std::string_view text);

}  // namespace commplan
