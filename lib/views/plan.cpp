#include "views/plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "util/text.hpp"
#include "util/uid.hpp"
#include "views/calendar.hpp"
#include "views/mail.hpp"
#include "views/plan_text.hpp"
#include "words/words.hpp"

namespace commplan {

namespace {

using nlohmann::json;
using plan_text::join_list;
using plan_text::to_confirm;

constexpr TouchpointKind kKinds[] = {TouchpointKind::kickoff, TouchpointKind::daily,
                                     TouchpointKind::phase, TouchpointKind::final};

std::string_view side_name(Attendee::Side side) {
  switch (side) {
    case Attendee::Side::ours:
      return "ours";
    case Attendee::Side::theirs:
      return "theirs";
    case Attendee::Side::guest:
      return "guest";
  }
  return "";
}

/// "Monday to Friday", "Sunday to Thursday", "Monday, Wednesday" (zh: 周一至周五 …).
std::string workweek_text(const Project& project, Lang lang) {
  const Words& w = words(lang);
  bool on[7] = {};
  for (Weekday day : project.workdays()) on[static_cast<int>(day)] = true;
  int count = static_cast<int>(std::count(std::begin(on), std::end(on), true));
  if (count == 7) return std::string(w.plan.every_day);
  for (int first = 0; first < 7; ++first) {
    if (!on[first] || on[(first + 6) % 7]) continue;
    int run = 0;
    while (run < 7 && on[(first + run) % 7]) ++run;
    if (run != count) break;
    std::string_view from = w.weekdays[static_cast<size_t>(first)];
    if (count == 1) return std::string(from);
    std::string_view to = w.weekdays[static_cast<size_t>((first + count - 1) % 7)];
    return fmt::format(fmt::runtime(w.plan.day_range), from, to);
  }
  std::vector<std::string> names;
  for (int d = 0; d < 7; ++d)
    if (on[d]) names.emplace_back(w.weekdays[static_cast<size_t>(d)]);
  return join_list(names, lang);
}

std::vector<std::string> names_on(const std::vector<Attendee>& people, bool ours) {
  std::vector<std::string> names;
  for (const Attendee& a : people)
    if ((a.side == Attendee::Side::ours) == ours) names.push_back(a.name);
  return names;
}

json attendee_json(const Attendee& a) {
  return {{"name", a.name}, {"role", a.role}, {"email", a.email}, {"side", side_name(a.side)}};
}

/// What a touchpoint's UID names: the kick-off and the final recap (one each), the daily
/// recap of its day, the recap of its phase. Moving a phase or final recap to another day
/// keeps its UID, so a calendar program updates the event.
std::string touchpoint_uid(const Touchpoint& t, const Project& project) {
  std::string_view kind = to_string(t.kind);
  switch (t.kind) {
    case TouchpointKind::daily:
      return make_uid(project.project.name, kind, t.date);
    case TouchpointKind::phase:
      if (t.phase != nullptr) return make_uid(project.project.name, kind, t.phase->id);
      return make_uid(project.project.name, kind, t.date);
    case TouchpointKind::kickoff:
    case TouchpointKind::final:
      break;
  }
  return make_uid(project.project.name, kind, kind);
}

/// Every day of the engagement with what kind of day it is, for a timeline to shade rest days
/// and holidays: {date, weekday, workday, holiday}.
json days_json(const Project& project, Lang lang) {
  json days = json::array();
  const ProjectInfo& info = project.project;
  if (!info.start.ok() || !info.end.ok() || info.end < info.start) return days;
  Calendar calendar(project);
  for (Date day = info.start; day <= info.end; day = add_days(day, 1))
    days.push_back({{"date", format_date(day)},
                    {"weekday", weekday_short(day, lang)},
                    {"workday", calendar.is_workday(day)},
                    {"holiday", calendar.is_holiday(day)}});
  return days;
}

json touchpoint_json(const Touchpoint& t, const Project& project, Lang lang) {
  json attendees = json::array();
  for (const Attendee& a : t.attendees) attendees.push_back(attendee_json(a));
  std::string note = plan_text::includes_note(t, project, lang);
  json j = {{"uid", touchpoint_uid(t, project)},
            {"date", format_date(t.date)},
            {"weekday", weekday_short(t.date, lang)},
            {"start", format_time(t.start)},
            {"end", format_time(t.start + t.duration)},
            {"duration", t.duration},
            {"kind", to_string(t.kind)},
            {"kind_label", plan_text::meeting_name(project, t.kind, lang)},
            {"title", plan_text::title(t, project, lang)},
            {"phase", nullptr},
            {"moved", t.moved},
            {"includes", t.includes},
            {"note", note},
            {"has_note", !note.empty()},
            {"attendees", std::move(attendees)},
            {"ours", join_list(names_on(t.attendees, true), lang)},
            {"theirs", join_list(names_on(t.attendees, false), lang)},
            {"location", t.location},
            {"purpose", plan_text::purpose(project, t.kind, lang)},
            {"output", plan_text::output(project, t.kind, lang)}};
  if (t.phase != nullptr)
    j["phase"] = {{"id", t.phase->id}, {"name", plan_text::phase_name(*t.phase)}};
  return j;
}

/// When a kind of meeting happens, in words: its dates as a table gives them (ISO), or in
/// running text (`running`: "Monday 2026-12-07" / "2026年12月7日（星期一）").
std::string when_text(TouchpointKind kind, const Schedule& schedule, Lang lang, bool running) {
  std::vector<std::string> dates;
  for (const Touchpoint& t : schedule.touchpoints)
    if (t.kind == kind) dates.push_back(running ? long_date(t.date, lang) : format_date(t.date));
  switch (kind) {
    case TouchpointKind::daily:
      return std::string(words(lang).plan.every_workday);
    case TouchpointKind::phase:
      return std::string(words(lang).plan.last_workday_of_each_phase);
    default:
      return join_list(dates, lang);
  }
}

json meetings_json(const Project& project, const Schedule& schedule, Lang lang) {
  json list = json::array();
  for (TouchpointKind kind : kKinds) {
    int count = 0;
    const Touchpoint* sample = nullptr;
    for (const Touchpoint& t : schedule.touchpoints)
      if (t.kind == kind && count++ == 0) sample = &t;
    json agenda = json::array();
    for (std::string_view item : plan_text::agenda(kind, lang))
      agenda.push_back({{"number", agenda.size() + 1}, {"text", item}});
    json entry = {{"kind", to_string(kind)},
                  {"label", plan_text::meeting_name(project, kind, lang)},
                  {"name_in_text", plan_text::meeting_name_in_text(project, kind, lang)},
                  {"count", count},
                  {"when", when_text(kind, schedule, lang, false)},
                  {"when_text", when_text(kind, schedule, lang, true)},
                  {"time", format_time(meeting_time(project, kind))},
                  {"duration", sample ? sample->duration : meeting_duration(project, kind)},
                  {"location", meeting_of(project, kind).location},
                  {"ours", sample ? join_list(names_on(sample->attendees, true), lang) : ""},
                  {"theirs", sample ? join_list(names_on(sample->attendees, false), lang) : ""},
                  {"purpose", plan_text::purpose(project, kind, lang)},
                  {"agenda", std::move(agenda)},
                  {"output", plan_text::output(project, kind, lang)}};
    list.push_back(std::move(entry));
  }
  return list;
}

json summary_json(const Project& project, const Schedule& schedule, Lang lang) {
  std::map<TouchpointKind, int> counts;
  int minutes = 0;
  for (const Touchpoint& t : schedule.touchpoints) {
    ++counts[t.kind];
    minutes += t.duration;
  }
  const ProjectInfo& info = project.project;
  std::vector<std::string> holidays;
  for (Date day : info.holidays)
    if (day >= info.start && day <= info.end) holidays.push_back(format_date(day));
  return {{"start", format_date(info.start)},
          {"end", format_date(info.end)},
          {"days", days_between(info.start, info.end) + 1},
          {"workdays", schedule.workdays.size()},
          {"workweek", workweek_text(project, lang)},
          {"holidays", holidays},
          {"holidays_text", join_list(holidays, lang)},
          {"timezone", info.timezone},
          {"counts",
           {{"kickoff", counts[TouchpointKind::kickoff]},
            {"daily", counts[TouchpointKind::daily]},
            {"phase", counts[TouchpointKind::phase]},
            {"final", counts[TouchpointKind::final]},
            {"total", schedule.touchpoints.size()}}},
          {"minutes", minutes},
          {"hours", fmt::format("{:.1f}", minutes / 60.0)}};
}

json phases_json(const Project& project, const Schedule& schedule, Lang lang) {
  std::map<std::string, const Touchpoint*> recap_of;  // phase id -> the touchpoint holding it
  for (const Touchpoint& t : schedule.touchpoints) {
    if (t.phase != nullptr) recap_of[t.phase->id] = &t;
    for (const std::string& item : t.includes)
      if (item.rfind("phase:", 0) == 0) recap_of[item.substr(6)] = &t;
  }
  const std::vector<Date>& days = schedule.workdays;  // sorted, so a phase counts its own fast
  json list = json::array();
  for (const Phase& phase : project.phases) {
    auto it = recap_of.find(phase.id);
    const Touchpoint* recap = it == recap_of.end() ? nullptr : it->second;
    auto first = std::lower_bound(days.begin(), days.end(), phase.start);
    auto last = std::upper_bound(first, days.end(), phase.end);
    list.push_back({{"id", phase.id},
                    {"name", plan_text::phase_name(phase)},
                    {"owner", phase.owner},
                    {"start", format_date(phase.start)},
                    {"end", format_date(phase.end)},
                    {"workdays", last - first},
                    {"recap_date", recap ? format_date(recap->date) : ""},
                    {"recap", recap ? plan_text::title(*recap, project, lang) : ""}});
  }
  return list;
}

json escalation_json(const Project& project, Lang lang) {
  json list = json::array();
  for (const EscalationLevel& e : project.escalation) {
    std::string within = std::string(to_confirm(lang));
    if (e.within) within = fmt::format(fmt::runtime(words(lang).plan.within_hours), *e.within);
    list.push_back({{"level", e.level},
                    {"who", e.who.empty() ? std::string(to_confirm(lang)) : e.who},
                    {"within", e.within ? json(*e.within) : json(nullptr)},
                    {"within_text", within}});
  }
  return list;
}

/// Who sends the calendar's invitations: the first of our team with an e-mail address.
json organizer_json(const Project& project) {
  for (const Member& m : project.team)
    if (!m.email.empty()) return {{"name", m.name}, {"email", m.email}};
  return nullptr;
}

json questions_json(const Project& project, Lang lang) {
  json list = json::array();
  for (std::string_view q : plan_text::method_questions(lang))
    list.push_back({{"number", list.size() + 1}, {"text", q}, {"source", "method"}});
  for (const std::string& q : project.questions)
    list.push_back({{"number", list.size() + 1}, {"text", q}, {"source", "project"}});
  return list;
}

}  // namespace

std::optional<View> build_plan_view(const Project& project, const ViewOptions& options,
                                    const PlanOptions& /*own*/, Diagnostics& diagnostics) {
  size_t errors = diagnostics.error_count();
  Schedule schedule = build_schedule(project, diagnostics, options.today);
  Lang lang = options.lang;
  if (project.escalation.empty())
    warn(diagnostics, project.origin, "escalation",
         "no escalation path: the plan shows it as to confirm");
  json view = view_header("plan", project, options);
  json touchpoints = json::array();
  for (const Touchpoint& t : schedule.touchpoints)
    touchpoints.push_back(touchpoint_json(t, project, lang));
  view["summary"] = summary_json(project, schedule, lang);
  view["touchpoints"] = std::move(touchpoints);
  view["meetings"] = meetings_json(project, schedule, lang);
  view["phases"] = phases_json(project, schedule, lang);
  view["has_phases"] = !project.phases.empty();
  view["matrix"] = plan_matrix(project, schedule, lang, options.audience);
  view["escalation"] = escalation_json(project, lang);
  view["has_escalation"] = !project.escalation.empty();
  // The interview questions are ours to ask: the client's plan has none.
  view["questions"] =
      options.audience == Audience::team ? questions_json(project, lang) : json::array();
  view["organizer"] = organizer_json(project);
  view["mermaid"] = plan_gantt(project, schedule, lang);
  view["days"] = days_json(project, lang);
  add_mail(view, project, everyone(project));
  diagnostics.sort_by_place();
  return unless_new_errors(std::move(view), diagnostics, errors);
}

}  // namespace commplan
