// The words of the views in English.

#include "words/tables.hpp"

namespace commplan {

extern const Words kEnglish{
    .weekdays = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
    .weekdays_short = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
    .weekdays_long = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
    .dates =
        {
            .long_date = "{weekday_long} {iso}",
            .short_date = "{iso}",
            .day_with_weekday = "{weekday} {iso}",
        },
    .separators =
        {
            .list = ", ",
            .clause = "; ",
            .comma = ", ",
            .colon = ": ",
            .sentence_end = ".",
            .and_list = ", ",
            .and_last = " and ",
        },
    .to_confirm = "to confirm",
    .plan =
        {
            .meeting_names = {"Kick-off meeting", "Daily recap", "Phase recap", "Final recap"},
            .meeting_names_in_text = {"kick-off meeting", "daily recap", "phase recap",
                                      "final recap"},
            .purposes =
                {
                    "Confirm the scope and the client's expectations again, agree how we work "
                    "together, name the contact person and set up the {daily_text}.",
                    "Share today's findings and preliminary suggestions so the client can think "
                    "and react early, and ask for the support we need.",
                    "Walk through the phase against the standards: the main problems found and "
                    "the recommendation we expect to give for each, then listen to the client's "
                    "feedback.",
                    "Present the complete results in the structure of the report: the standards, "
                    "every finding with its recommendation and owner, the open items; agree the "
                    "next steps.",
                },
            .outputs =
                {
                    "Confirmed scope and expectations, a named contact person, the agreed plan "
                    "and the time of the {daily_text}.",
                    "The client knows today's findings; the support needed and the open "
                    "questions each have an owner.",
                    "The client's feedback on each main problem and recommendation, to shape how "
                    "the report argues.",
                    "Agreement on the findings, recommendations and owners; the open items and "
                    "the date of the final report.",
                },
            .kickoff_agenda =
                {
                    "Introductions: our people and their responsibilities, then the client's",
                    "Scope: the needs we are here for; any questions?",
                    "Expectations, goals and special requirements",
                    "Method, and the cooperation we need",
                    "Execution plan: what happens when; anything to watch for?",
                    "The contact person on the client's side",
                    "A short recap at the end of every day; questions welcome at any time",
                },
            .daily_agenda =
                {
                    "Today's findings and preliminary suggestions",
                    "Support needed from the client",
                    "Open questions",
                    "The plan for the next workday",
                },
            .phase_agenda =
                {
                    "The standards we assess against",
                    "The main problems found",
                    "For each problem, the recommendation we expect to give",
                    "The client's feedback",
                },
            .final_agenda =
                {
                    "The standards we assessed against",
                    "All findings, by phase and severity",
                    "Recommendations and owners",
                    "Open items and next steps",
                    "The client's feedback",
                },
            .method_questions =
                {
                    "How do you normally operate, day to day?",
                    "How are the management rules set, and who sets them?",
                    "Which problems do you meet in daily management and operation, and which of "
                    "them matter most?",
                    "Where do you most urgently want improvement?",
                },
            .every_day = "every day",
            .day_range = "{} to {}",
            .every_workday = "Every workday",
            .last_workday_of_each_phase = "The last workday of each phase",
            .within_hours = "within {} h",
            .with_role = "{} ({})",
            .includes = "includes {}",
            .includes_daily = "the {}",
            .includes_phase = "the {recap} of {phase}",
            .gantt_phases = "Phases",
            .gantt_meetings = "Meetings",
            .gantt_milestone = "{} {}",
        },
    .calendar =
        {
            .agenda = "Agenda:",
            .output = "Expected output: ",
            .attendees = "Attendees:",
            .project = "Project: ",
            .client = "Client: ",
        },
    .timeline =
        {
            .title = "Timeline: {project}",
            .phases = "Phases",
            .meetings = "Meetings",
            .rest_day = "Rest day",
            .holiday = "Holiday",
        },
    .matrix =
        {
            .contact =
                {
                    .audience = "Client contact person",
                    .what = "Today's findings and preliminary suggestions, the support we need, "
                            "open questions",
                    .why = "So the client can think and react early, and nothing in the report "
                           "comes as a surprise",
                    .how = "{daily}; a call at once for anything urgent",
                },
            .management =
                {
                    .audience = "Client management and sponsors",
                    .what = "Phase results: the standards, the main problems and our "
                            "recommendations; at the end, the complete results",
                    .why = "Their feedback and decisions on the recommendations before the "
                           "report is written",
                    .how = "Each {phase_text}, then the {final_text}",
                },
            .client_team =
                {
                    .audience = "Client team",
                    .what = "At the {kickoff_text}: scope, plan and whom to ask; during "
                            "execution: interviews on how they work and where they want "
                            "improvement",
                    .why = "Everyone knows whom to ask and whom a risk affects; we learn how the "
                           "site really operates",
                    .how = "{kickoff}; interviews and walk-downs on site",
                },
            .our_team =
                {
                    .audience = "Our team",
                    .what = "The day's findings, the client's feedback and the plan for the next "
                            "workday",
                    .why = "One voice towards the client; every finding raised on the day it is "
                           "found",
                    .how = "Short internal check-in before each {daily_text}",
                },
            .escalation =
                {
                    .audience = "Escalation contacts",
                    .what = "Risks and incidents that need a decision beyond the contact person",
                    .why = "Serious problems reach the people who can act, in time",
                    .how = "A call first, then a short written summary",
                },
            .contact_often = "Every workday at {time}, {minutes} min",
            .management_often = "At the end of each phase ({phases} in all); {final} on {day}",
            .client_team_often = "{kickoff} on {day}; interviews during the execution stage",
            .one_another = "one another",
            .level_within = "level {level} within {hours} h",
            .level_untimed = "level {level} (time to confirm)",
            .escalation_often = "When a problem arises: {}",
        },
    .kickoff =
        {
            .titles =
                {
                    "Introductions",
                    "Scope: what we are here for",
                    "Expectations and special requirements",
                    "How we work and what we need from you",
                    "Execution plan",
                    "Contact person",
                    "Daily feedback",
                },
            .questions =
                {
                    "Could you introduce your team: who is who, and whom should we go to for "
                    "what?",
                    "Do you have any questions on these?",
                    "What do you expect from this engagement, and which goals should it reach?",
                    "Any questions on how we will work, or on what we need from you?",
                    "Any questions on this plan? Is there anything we should watch out for while "
                    "we carry it out?",
                    "Who is our contact person on your side for requests, access and the daily "
                    "feedback?",
                    "Does this time suit you, and who should join?",
                },
            .contact_confirm_question =
                "Will requests, access questions and the daily feedback go through this "
                "contact? Who stands in when they are away?",
            .scope_open_question = "Which needs should this engagement cover, exactly?",
            .plan_open_question = "Which days and times suit you for each part of the work? Is "
                                  "there anything we should watch out for?",
            .special_question = "Are there any special requirements we should know about?",
        },
    .recap =
        {
            .severities = {"Critical", "High", "Medium", "Low", "Info"},
            .unrated = "Unrated",
            .severities_in_text = {"critical", "high", "medium", "low", "informational"},
            .unrated_in_text = "unrated",
            .statuses = {"Open", "Agreed", "In progress", "Resolved", "Verified", "Won't fix"},
            .status_unset = "Not set",
            .no_phase = "Without a phase",
            .daily_questions =
                {
                    "Do today's findings match what you see? Is anything wrong or missing?",
                    "Is there anything we should focus on, or stay away from, tomorrow?",
                },
            .next_workday_question = "Is there anything we should focus on, or stay away from, "
                                     "on the next workday ({})?",
            .last_workday_question =
                "Is there anything we should follow up on once the engagement is over?",
            .daily_support_question = "Who can arrange the support we need, and by when?",
            .phase_questions =
                {
                    "Do these findings match what you see day to day? Is anything missing, or "
                    "rated too high or too low?",
                    "Is each recommendation workable for you: budget, timing, and the people "
                    "who would carry it out?",
                    "Where would a recommendation be hard to carry out, and what would work "
                    "better for you?",
                    "What should the report stress, and who will read it?",
                },
            .final_questions =
                {
                    "Does this picture of the engagement match yours? Did we miss or overstate "
                    "anything?",
                    "Which open items need a decision from management, and who will own them?",
                    "Which recommendations will you act on first, and what could stand in the "
                    "way?",
                    "What should we change or stress in the final report before we issue it?",
                },
            .notice_states = {"Notified in time", "Notified late", "Due", "Overdue, not notified"},
        },
    .five_w2h =
        {
            .labels = {"Purpose", "Content", "Counterpart", "Timing", "Place", "Manner", "Depth"},
            .questions =
                {
                    "Why are we talking? What is the purpose?",
                    "What must be made clear? What is the key point?",
                    "Who are we talking to, and what is their role?",
                    "When do we talk? Which times suit, and which do not?",
                    "Where do we talk? Which places suit, and which do not?",
                    "How do we put it: firmly, tactfully, or some other way?",
                    "How far do we take it? What outcome is enough this time?",
                },
            .intro = "Answer each question on one line; an empty line leaves it open.",
            .topic_prompt = "Topic: what is the conversation about?",
            .yaml_note = "Paste the entries below into the communications list of a project file.",
        },
    .minutes = {.sides = {"Our team", "Client", "Guest"}},
    .mail =
        {
            .kickoff = "{meeting}: {project}, {date}",
            .daily = "{meeting}: {project}, {date}",
            .phase = "{meeting}: {project}, {phase}, {date}",
            .final = "{meeting}: {project}, {date}",
            .minutes = "Minutes: {meeting}, {project}, {date}",
            .plan = "Communication plan: {project}",
            .five_w2h = "5W2H checklist: {project}",
        },
    .register_ =
        {
            .columns = {"ID",          "Title",
                        "Severity",    "Status",
                        "CVSS vector", "CVSS score",
                        "CWE",         "Phase",
                        "Found",       "Due",
                        "Owner",       "Affected",
                        "Standard",    "Evidence",
                        "Impact",      "Recommendation",
                        "References",  "Client feedback",
                        "Retest date", "Retest result",
                        "Retest note", "Fingerprint"},
            .retest_results = {"Passed", "Failed", "Partly fixed"},
            .cvss_ratings = {"None", "Low", "Medium", "High", "Critical"},
            .sheet_findings = "Findings",
            .sheet_summary = "Summary",
            .total = "Total",
            .summary_open = "Open",
            .summary_closed = "Closed",
            .summary_count = "Findings",
            .truncated = "Cut at the spreadsheet's limit of 32,767 characters: the full text is in "
                         "the project file.",
        },
};

}  // namespace commplan
