#include "views/minutes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "util/text.hpp"
#include "views/actions.hpp"
#include "views/mail.hpp"
#include "views/plan_text.hpp"
#include "words/words.hpp"

namespace commplan {

namespace {

using json = nlohmann::json;

constexpr MeetingKind kKinds[] = {MeetingKind::kickoff, MeetingKind::daily, MeetingKind::phase,
                                  MeetingKind::final};

/// The meeting as English messages name it.
std::string_view label(MeetingKind kind) {
  switch (kind) {
    case MeetingKind::kickoff:
      return "kick-off meeting";
    case MeetingKind::daily:
      return "daily recap";
    case MeetingKind::phase:
      return "phase recap";
    case MeetingKind::final:
      return "final recap";
  }
  return "";
}

/// The touchpoints of `day` (the schedule lists them by date).
std::span<const Touchpoint> touchpoints_on(const Schedule& schedule, Date day) {
  // std::equal_range rather than std::ranges': clang 14 cannot compile the latter with
  // libstdc++ 12's ranges (the fuzz preset builds with clang).
  struct ByDate {
    bool operator()(const Touchpoint& t, Date d) const { return t.date < d; }
    bool operator()(Date d, const Touchpoint& t) const { return d < t.date; }
  };
  auto [first, last] =
      std::equal_range(schedule.touchpoints.begin(), schedule.touchpoints.end(), day, ByDate{});
  return {first, last};
}

bool records(const Touchpoint& t, MeetingKind kind, std::string_view phase) {
  switch (kind) {
    case MeetingKind::kickoff:
      return t.kind == TouchpointKind::kickoff;
    case MeetingKind::daily:
      return t.kind == TouchpointKind::daily || holds(t, "daily");
    case MeetingKind::phase: {
      std::vector<std::string> phases = held_phases(t);
      if (phase.empty()) return !phases.empty();
      return std::find(phases.begin(), phases.end(), phase) != phases.end();
    }
    case MeetingKind::final:
      return t.kind == TouchpointKind::final;
  }
  return false;
}

/// Where the plan holds the meeting minutes of `kind` (of `phase`) record, on any day.
const Touchpoint* planned_elsewhere(const Schedule& schedule, MeetingKind kind,
                                    std::string_view phase) {
  if (kind == MeetingKind::daily || (kind == MeetingKind::phase && phase.empty())) return nullptr;
  if (kind == MeetingKind::phase) return recap_of_phase(schedule, phase);
  for (const Touchpoint& t : schedule.touchpoints)
    if (records(t, kind, phase)) return &t;
  return nullptr;
}

// ---- people -------------------------------------------------------------------------------

/// The people of both teams by name: ours first, the first of a name winning.
class People {
 public:
  explicit People(const Project& project) {
    for (const Member& m : project.team) by_name_.try_emplace(m.name, Attendee::Side::ours, m.role);
    for (const ClientMember& m : project.client_team)
      by_name_.try_emplace(m.name, Attendee::Side::theirs, m.role);
  }
  std::pair<Attendee::Side, std::string_view> find(std::string_view name) const {
    auto it = by_name_.find(name);
    if (it == by_name_.end()) return {Attendee::Side::guest, {}};
    return it->second;
  }

 private:
  std::unordered_map<std::string_view, std::pair<Attendee::Side, std::string_view>> by_name_;
};

json person_json(std::string_view name, Attendee::Side side, std::string_view role, Lang lang) {
  return {{"name", std::string(name)},
          {"side", side == Attendee::Side::ours     ? "ours"
                   : side == Attendee::Side::theirs ? "client"
                                                    : "guest"},
          {"side_label", std::string(words(lang).minutes.sides[static_cast<size_t>(side)])},
          {"role", std::string(role)}};
}

// ---- the meeting's records ------------------------------------------------------------------

/// The minutes of one meeting, from one record or several.
struct Record {
  MeetingKind kind = MeetingKind::daily;
  std::vector<const Minutes*> parts;
};

std::vector<std::string> unique(std::vector<std::string> items) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (std::string& item : items)
    if (!item.empty() && seen.insert(item).second) out.push_back(std::move(item));
  return out;
}

/// The days that have minutes, for the error of a day that has none.
std::string days_with_minutes(const Project& project) {
  std::set<Date> days;
  for (const Minutes& m : project.minutes)
    if (m.date.ok()) days.insert(m.date);
  constexpr size_t kShown = 20;
  std::vector<std::string> shown;
  for (Date day : days) {
    if (shown.size() == kShown) break;
    shown.push_back(format_date(day));
  }
  std::string text = join(shown, ", ");
  if (days.size() > kShown) text += fmt::format(" and {} more", days.size() - kShown);
  return text;
}

std::vector<std::string> kinds_text(const std::vector<MeetingKind>& kinds) {
  std::vector<std::string> names;
  for (MeetingKind kind : kinds) names.emplace_back(to_string(kind));
  return names;
}

/// The minutes of the meeting on `day` (of kind `wanted`, when given); an error from --date or
/// --meeting when there are none, or several meetings' and no --meeting.
std::optional<Record> choose(const Project& project, Date day, std::optional<MeetingKind> wanted,
                             Diagnostics& diagnostics) {
  std::vector<const Minutes*> of_day;
  std::vector<MeetingKind> kinds;
  for (const Minutes& m : project.minutes)
    if (m.date == day) {
      of_day.push_back(&m);
      if (std::find(kinds.begin(), kinds.end(), m.meeting) == kinds.end())
        kinds.push_back(m.meeting);
    }
  std::sort(kinds.begin(), kinds.end());
  if (of_day.empty()) {
    if (project.minutes.empty())
      diagnostics.error(Source::option, "--date",
                        fmt::format("no minutes dated {}: the project has no minutes yet "
                                    "(record them with `commplan minutes add`)",
                                    format_date(day)));
    else
      diagnostics.error(Source::option, "--date",
                        fmt::format("no minutes dated {}; minutes are recorded for {}",
                                    format_date(day), days_with_minutes(project)));
    return std::nullopt;
  }
  if (!wanted && kinds.size() > 1) {
    diagnostics.error(Source::option, "--meeting",
                      fmt::format("{} has the minutes of {} meetings ({}); choose one with "
                                  "--meeting",
                                  format_date(day), kinds.size(), join(kinds_text(kinds), ", ")));
    return std::nullopt;
  }
  MeetingKind kind = wanted.value_or(kinds.front());
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
    diagnostics.error(Source::option, "--meeting",
                      fmt::format("no minutes of the {} dated {}; that day has minutes of {}",
                                  label(kind), format_date(day), join(kinds_text(kinds), ", ")));
    return std::nullopt;
  }
  Record record{kind, {}};
  for (const Minutes* m : of_day)
    if (m->meeting == kind) record.parts.push_back(m);
  return record;
}

// ---- the page -----------------------------------------------------------------------------

const Phase* phase_named(const Project& project, std::string_view id) {
  for (const Phase& p : project.phases)
    if (p.id == id) return &p;
  return nullptr;
}

/// The phases the minutes name, else those the planned meeting recaps (phase minutes only).
std::vector<std::string> phases_of(const Record& record, const Touchpoint* meeting) {
  std::vector<std::string> ids;
  for (const Minutes* m : record.parts) ids.push_back(m->phase);
  ids = unique(std::move(ids));
  if (ids.empty() && meeting != nullptr && record.kind == MeetingKind::phase)
    ids = held_phases(*meeting);
  return ids;
}

json meeting_json(const Project& project, const Record& record, Date day, const Touchpoint* meeting,
                  const std::vector<std::string>& phases, Lang lang) {
  TouchpointKind kind = touchpoint_kind(record.kind);
  json phase_list = json::array();
  std::vector<std::string> names;
  for (const std::string& id : phases) {
    const Phase* p = phase_named(project, id);
    names.push_back(p != nullptr ? plan_text::phase_name(*p) : id);
    phase_list.push_back({{"id", id}, {"name", names.back()}});
  }
  json j = {{"kind", std::string(to_string(record.kind))},
            {"name", plan_text::meeting_name(project, kind, lang)},
            {"name_in_text", plan_text::meeting_name_in_text(project, kind, lang)},
            {"phases", std::move(phase_list)},
            {"phases_text", plan_text::join_list(names, lang)},
            {"date", format_date(day)},
            {"date_text", long_date(day, lang)},
            {"weekday", std::string(weekday_name(day, lang))},
            {"planned", meeting != nullptr}};
  if (meeting != nullptr) {
    j["time"] = format_time(meeting->start);
    j["end_time"] = format_time(meeting->start + meeting->duration);
    j["duration"] = meeting->duration;
    j["location"] = meeting->location;
    j["held_in"] =
        meeting->kind == kind
            ? json()
            : json{{"kind", std::string(to_string(meeting->kind))},
                   {"name", plan_text::meeting_name_in_text(project, meeting->kind, lang)}};
  } else {
    j["time"] = nullptr;
    j["end_time"] = nullptr;
    j["duration"] = nullptr;
    j["location"] = meeting_of(project, kind).location;
    j["held_in"] = nullptr;
  }
  return j;
}

/// The people present, else those the plan invites; each once.
json attendance_json(const Record& record, const Touchpoint* meeting, const People& people,
                     Lang lang, bool& from_plan) {
  std::vector<std::string> present;
  for (const Minutes* m : record.parts)
    present.insert(present.end(), m->present.begin(), m->present.end());
  present = unique(std::move(present));
  json list = json::array();
  from_plan = present.empty() && meeting != nullptr;
  if (from_plan) {
    for (const Attendee& a : meeting->attendees)
      list.push_back(person_json(a.name, a.side, a.role, lang));
    return list;
  }
  for (const std::string& name : present) {
    auto [side, role] = people.find(name);
    list.push_back(person_json(name, side, role, lang));
  }
  return list;
}

json numbered(json list) {
  for (size_t i = 0; i < list.size(); ++i) list[i]["number"] = i + 1;
  return list;
}

json contents_json(const Record& record, Date day, const People& people, Lang lang) {
  json decisions = json::array(), actions = json::array(), confirmations = json::array();
  for (const Minutes* m : record.parts) {
    for (const std::string& d : m->decisions) decisions.push_back({{"text", d}});
    for (const Action& a : m->actions)
      actions.push_back({{"what", a.what},
                         {"owner", a.owner},
                         {"owner_side", person_json(a.owner, people.find(a.owner).first,
                                                    people.find(a.owner).second, lang)["side"]},
                         {"due", a.due ? json(format_date(*a.due)) : json()},
                         {"done", done_by(a, day) ? json(format_date(*a.done)) : json()}});
    for (const Confirmation& c : m->confirmations) {
      auto [side, role] = people.find(c.by);
      Date when = c.date.value_or(m->date);
      confirmations.push_back({{"what", c.what},
                               {"by", c.by},
                               {"by_role", std::string(role)},
                               {"by_text", with_role(c.by, std::string(role), lang)},
                               {"by_side", person_json(c.by, side, role, lang)["side"]},
                               {"date", format_date(when)}});
    }
  }
  std::vector<std::string> takers;
  for (const Minutes* m : record.parts) takers.push_back(m->by);
  takers = unique(std::move(takers));
  return {{"has_decisions", !decisions.empty()},
          {"has_actions", !actions.empty()},
          {"has_confirmations", !confirmations.empty()},
          {"decisions", numbered(decisions)},
          {"actions", numbered(actions)},
          {"confirmations", numbered(confirmations)},
          {"taken_by", takers},
          {"taken_by_text", plan_text::join_list(takers, lang)}};
}

std::string unplanned_message(const Schedule& schedule, const Minutes& m) {
  std::string what = m.meeting == MeetingKind::phase && !m.phase.empty()
                         ? fmt::format("{} minutes of \"{}\"", label(m.meeting), m.phase)
                         : fmt::format("{} minutes", label(m.meeting));
  if (const Touchpoint* t = planned_elsewhere(schedule, m.meeting, m.phase))
    return fmt::format("{} dated {}, but the plan holds that meeting on {}", what,
                       format_date(m.date), format_date(t->date));
  return fmt::format("{} dated {}, a day the plan holds no {}", what, format_date(m.date),
                     label(m.meeting));
}

}  // namespace

std::optional<MeetingKind> parse_meeting_kind(std::string_view text) {
  for (MeetingKind kind : kKinds)
    if (to_string(kind) == text) return kind;
  return std::nullopt;
}

const Touchpoint* planned_meeting(const Schedule& schedule, MeetingKind kind, Date day,
                                  std::string_view phase) {
  for (const Touchpoint& t : touchpoints_on(schedule, day))
    if (records(t, kind, phase)) return &t;
  return nullptr;
}

void check_minutes_plan(const Project& project, const Schedule& schedule,
                        Diagnostics& diagnostics) {
  for (const Minutes& m : project.minutes) {
    if (!m.date.ok() || m.date < project.project.start || project.project.end < m.date)
      continue;  // outside the engagement: the model says so
    if (planned_meeting(schedule, m.meeting, m.date, m.phase) == nullptr)
      warn(diagnostics, m.origin, "date", unplanned_message(schedule, m));
  }
}

std::optional<View> build_minutes_view(const Project& project, const ViewOptions& common,
                                       const MinutesOptions& own, Diagnostics& diagnostics) {
  size_t errors = diagnostics.error_count();
  auto record = choose(project, common.today, own.meeting, diagnostics);
  if (!record) return std::nullopt;
  Diagnostics planning;
  Schedule schedule = build_schedule(project, planning);
  for (const Diagnostic& d : planning.items())
    if (d.level == Level::error) diagnostics.add(d);
  if (diagnostics.error_count() > errors) return std::nullopt;

  std::string phase = record->parts.front()->phase;
  const Touchpoint* meeting = planned_meeting(schedule, record->kind, common.today, phase);
  if (meeting == nullptr)
    warn(diagnostics, record->parts.front()->origin, "date",
         unplanned_message(schedule, *record->parts.front()));
  People people(project);
  json view = view_header("minutes", project, common);
  view["meeting"] = meeting_json(project, *record, common.today, meeting,
                                 phases_of(*record, meeting), common.lang);
  bool from_plan = false;
  view["attendance"] = attendance_json(*record, meeting, people, common.lang, from_plan);
  view["attendance_from_plan"] = from_plan;
  view["has_attendance"] = !view["attendance"].empty();
  view.update(contents_json(*record, common.today, people, common.lang));
  add_mail(view, project, names_in(view["attendance"]));
  return unless_new_errors(View(std::move(view)), diagnostics, errors);
}

}  // namespace commplan
