#pragma once
// Every word a view computes (a template's own words live in the template): one table of Words
// per language, lib/words/en.cpp and lib/words/zh.cpp. A third language is a new table file
// (its line in words.cpp's list, its name in Lang) plus its templates,
// templates/*.<lang>.md.mustache; tests/words_test.cpp then checks that the table says
// everything English says.
//
// A text marked "pattern" is an fmt format string: `{}` for each value in order, or `{name}`
// for the named values its comment lists (a language may leave a named value out). Texts that
// name meetings use {kickoff}, {daily}, {phase}, {final} (their names) or {kickoff_text} ...
// (the same inside a sentence), filled in by plan_text::with_meeting_names.

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/project.hpp"
#include "util/dates.hpp"

namespace commplan {

/// A fixed number of texts: one per weekday, severity, kind of meeting, agenda item...
template <size_t N>
using Texts = std::array<std::string_view, N>;

/// The fixed wording of one row of the plan's communication matrix.
struct MatrixRowWords {
  std::string_view audience, what, why, how;  ///< `what` and `how` name meetings
};

/// Every word the views compute, in one language.
struct Words {
  /// Weekdays, Monday first: "Monday" / "周一" beside a date, "Mon" / "周一" in a table,
  /// "Monday" / "星期一" in a date written out.
  Texts<7> weekdays, weekdays_short, weekdays_long;

  /// Dates in running text, patterns of {iso} {year} {month} {day} {weekday} {weekday_long}.
  struct Dates {
    std::string_view long_date;         ///< "Monday 2027-03-01" / "2027年3月1日（星期一）"
    std::string_view short_date;        ///< "2027-03-15" / "3月15日"
    std::string_view day_with_weekday;  ///< "Monday 2027-03-15" / "3月15日，周一"
  } dates;

  /// What joins words and sentences.
  struct Separators {
    std::string_view list;          ///< ", " / "、" between names
    std::string_view clause;        ///< "; " / "；" between clauses
    std::string_view comma;         ///< ", " / "，" a pause inside a sentence
    std::string_view colon;         ///< ": " / "：" after a label
    std::string_view sentence_end;  ///< "." / "。"
    std::string_view and_list;      ///< ", " / "和" between items of an "and" list but the last
    std::string_view and_last;      ///< " and " / "和" before the last item of an "and" list
  } separators;

  std::string_view to_confirm;  ///< "to confirm" / "待确认" in place of what the file lacks

  /// The plan: its meetings, their goals and agendas, its summary.
  struct Plan {
    Texts<4> meeting_names;          ///< per TouchpointKind: "Daily recap" / "每日复盘"
    Texts<4> meeting_names_in_text;  ///< "daily recap" / "每日复盘" inside a sentence
    Texts<4> purposes;               ///< why each kind of meeting is held; names meetings
    Texts<4> outputs;                ///< what each kind of meeting leaves behind; names meetings
    Texts<7> kickoff_agenda;
    Texts<4> daily_agenda;
    Texts<4> phase_agenda;
    Texts<5> final_agenda;
    Texts<4> method_questions;  ///< the execution stage's interview questions
    std::string_view every_day;
    std::string_view day_range;  ///< pattern: "{} to {}" / "{}至{}" (first day, last day)
    std::string_view every_workday;
    std::string_view last_workday_of_each_phase;
    std::string_view within_hours;     ///< pattern: "within {} h" / "{} 小时内"
    std::string_view with_role;        ///< pattern: "{} ({})" / "{}（{}）" (name, role)
    std::string_view includes;         ///< pattern: "includes {}" / "含{}" (an "and" list)
    std::string_view includes_daily;   ///< pattern: "the {}" / "当天的{}" (the daily recap)
    std::string_view includes_phase;   ///< pattern of {phase} {recap}: "the {recap} of {phase}"
    std::string_view gantt_phases;     ///< the chart's section of phases
    std::string_view gantt_meetings;   ///< the chart's section of meetings
    std::string_view gantt_milestone;  ///< pattern: "{} {}" / "{}{}" (phase, phase recap)
  } plan;

  /// The labels of a calendar event's description (plan --format ics).
  struct Calendar {
    std::string_view agenda;     ///< "Agenda:" / "议程："
    std::string_view output;     ///< "Expected output: " / "预期成果："
    std::string_view attendees;  ///< "Attendees:" / "参会人："
    std::string_view project;    ///< "Project: " / "项目："
    std::string_view client;     ///< "Client: " / "客户："
  } calendar;

  /// The plan's timeline (an SVG in the HTML page): its title and legend.
  struct Timeline {
    std::string_view title;     ///< pattern of {project}: "Timeline: {project}"
    std::string_view phases;    ///< "Phases" / "阶段"
    std::string_view meetings;  ///< "Meetings" / "会议"
    std::string_view rest_day;  ///< "Rest day" / "休息日"
    std::string_view holiday;   ///< "Holiday" / "节假日"
  } timeline;

  /// The plan's communication matrix.
  struct Matrix {
    MatrixRowWords contact, management, client_team, our_team, escalation;
    std::string_view contact_often;      ///< pattern of {time} {minutes}
    std::string_view management_often;   ///< pattern of {phases} {recap} {day} {final}
    std::string_view client_team_often;  ///< pattern of {kickoff} {day}
    std::string_view one_another;        ///< the backup when every member owns a phase
    std::string_view level_within;       ///< pattern of {level} {hours}
    std::string_view level_untimed;      ///< pattern of {level}, no time given
    std::string_view escalation_often;   ///< pattern: "When a problem arises: {}" (the levels)
  } matrix;

  /// The kick-off's seven agenda items, the question each asks, and the questions asked
  /// instead when the file lists nothing yet.
  struct Kickoff {
    Texts<7> titles;
    Texts<7> questions;
    std::string_view contact_confirm_question;
    std::string_view scope_open_question;
    std::string_view plan_open_question;
    std::string_view special_question;
  } kickoff;

  /// The recaps: severities and statuses (in enum order), the questions to the client.
  struct Recap {
    Texts<5> severities;
    std::string_view unrated;
    /// The severities and unrated as running text counts them ("2 medium", "中危 2 项"), where
    /// a label of a table cell ("Medium", "中") would read oddly.
    Texts<5> severities_in_text;
    std::string_view unrated_in_text;
    Texts<6> statuses;
    std::string_view status_unset;
    std::string_view no_phase;
    Texts<2> daily_questions;                ///< today's findings; tomorrow
    std::string_view next_workday_question;  ///< pattern: asked instead of tomorrow's ({}: day)
    std::string_view last_workday_question;  ///< asked instead of tomorrow's on the last day
    std::string_view daily_support_question;
    Texts<4> phase_questions;
    Texts<4> final_questions;
    /// Per NoticeState (in time, late, due, overdue): a finding's notification deadline.
    Texts<4> notice_states;
  } recap;

  /// The 5W2H checklist: a label and a question per dimension, in five_w2h_dimensions() order.
  struct FiveW2H {
    Texts<7> labels;
    Texts<7> questions;
    std::string_view intro;         ///< before the interactive questions
    std::string_view topic_prompt;  ///< the interactive prompt for the topic
    std::string_view yaml_note;     ///< the comment atop `five-w2h --format yaml`
  } five_w2h;

  /// Meeting minutes: the attendance table's side of each person (ours, the client's, a guest
  /// named in neither team).
  struct Minutes {
    Texts<3> sides;
  } minutes;

  /// The subject of a brief sent as e-mail (--format eml), one per brief: patterns of
  /// {project} (its name), {date} (the meeting's day, ISO), {meeting} (the meeting's name as
  /// the page has it) and {phase} (the phase recap's phase).
  struct Mail {
    std::string_view kickoff, daily, phase, final, minutes, plan, five_w2h;
  } mail;

  /// The findings register (findings export, and the register fields on the recaps).
  struct Register {
    /// The header of each column, in register_columns order.
    Texts<22> columns;
    /// The outcome of a re-test, in RetestResult order.
    Texts<3> retest_results;
    /// CVSS's qualitative ratings, in cvss::Rating order (None to Critical).
    Texts<5> cvss_ratings;
    std::string_view sheet_findings, sheet_summary;  ///< the workbook's sheet names
    std::string_view total;                          ///< the summary's row and column of totals
    std::string_view summary_open, summary_closed;   ///< the summary's columns of counts
    std::string_view summary_count;                  ///< the column of counts by status
    std::string_view truncated;  ///< the note on a cell cut at the spreadsheet's limit
  } register_;
};

/// The columns of the findings register, by the key its JSON view, CSV and XLSX use, in the
/// order of Words::Register::columns. affected and references hold one item per line.
inline constexpr Texts<22> register_columns{"id",          "title",
                                            "severity",    "status",
                                            "cvss",        "cvss_score",
                                            "cwe",         "phase",
                                            "found",       "due",
                                            "owner",       "affected",
                                            "standard",    "evidence",
                                            "impact",      "recommendation",
                                            "references",  "client_feedback",
                                            "retest_date", "retest_result",
                                            "retest_note", "fingerprint"};

/// The words of `lang`.
const Words& words(Lang lang);

/// Every language that has a table, English first.
std::span<const Lang> languages();

/// The codes of every language that has a table ("en", "zh"), in languages()' order.
std::vector<std::string> language_codes();

/// The codes for a message: "en or zh".
std::string language_codes_text();

/// The language whose code (`to_string(Lang)`: "en", "zh") is `code`, if it has a table.
std::optional<Lang> language_named(std::string_view code);

/// "Name (role)" / "Name（role）"; "Name, role" when the role has brackets of its own; the
/// name alone without a role.
std::string with_role(const std::string& name, const std::string& role, Lang lang);

/// One field of Words, for checks that reach every text of every language.
struct WordField {
  enum class Kind {
    text,     ///< plain text, or text naming meetings ({daily}, {daily_text}...)
    pattern,  ///< a format string of `{}` values, as many in every language
    named,    ///< a format string of named values, any of `names`
  };
  std::string_view name;  ///< "plan.day_range"
  Kind kind;
  std::span<const std::string_view> (*texts)(const Words&);
  std::string_view names = {};  ///< Kind::named: the values it may use, space-separated
};

/// Every field of Words, each once.
std::span<const WordField> word_fields();

/// "Monday" / "周一": the weekday beside a date.
std::string_view weekday_name(Date day, Lang lang);

/// "Monday" / "星期一": the weekday of a date written out in full (long_date).
std::string_view weekday_long(Date day, Lang lang);

/// "Mon" / "周一": the weekday in a table.
std::string_view weekday_short(Date day, Lang lang);

/// `day` in one of the Dates patterns of `lang`.
std::string format_day(std::string_view pattern, Date day, Lang lang);

/// The day of a meeting in running text: "Monday 2027-03-01" / "2027年3月1日（星期一）".
/// Tables keep the ISO date.
std::string long_date(Date day, Lang lang);

/// A day close to the page's own, in running text: "2027-03-15" / "3月15日".
std::string short_date(Date day, Lang lang);

/// A nearby day beside its weekday: "Monday 2027-03-15" / "3月15日，周一".
std::string day_with_weekday(Date day, Lang lang);

}  // namespace commplan
