#include "views/schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "util/text.hpp"
#include "views/calendar.hpp"
#include "views/method.hpp"
#include "views/view.hpp"

namespace commplan {

namespace {

constexpr MeetingRule kRules[] = {
    {TouchpointKind::kickoff, "kickoff", kKickoffDefaultStart, kKickoffDefaultDuration,
     kKickoffMinDuration, kKickoffMaxDuration},
    {TouchpointKind::daily, "daily_recap", kDailyRecapDefaultStart, kDailyRecapMaxDuration,
     kDailyRecapMinDuration, kDailyRecapMaxDuration},
    {TouchpointKind::phase, "phase_recap", kPhaseRecapDefaultStart, kPhaseRecapMaxDuration,
     kPhaseRecapMinDuration, kPhaseRecapMaxDuration},
    // The final recap's default length is suggested_final_minutes(), not this.
    {TouchpointKind::final, "final_recap", kFinalRecapDefaultStart, kFinalRecapNormalMaxDuration,
     kFinalRecapMinDuration, kFinalRecapMaxDuration},
};

/// The final recap's length when the file sets none: the one `recap --level final` uses,
/// for the findings found by `as_of` (all of them without it).
int default_final_minutes(const Project& project, std::optional<Date> as_of) {
  const ProjectInfo& info = project.project;
  size_t workdays = info.start.ok() && info.end.ok()
                        ? Calendar(project).workdays(info.start, info.end).size()
                        : 0;
  return suggested_final_minutes(findings_known(project, as_of), workdays);
}

std::string_view meeting_label(TouchpointKind kind) {
  switch (kind) {
    case TouchpointKind::kickoff:
      return "kick-off";
    case TouchpointKind::daily:
      return "daily recap";
    case TouchpointKind::phase:
      return "phase recap";
    case TouchpointKind::final:
      return "final recap";
  }
  return "";
}

/// Looks people up by name in both teams, through an index built once: a name found in both
/// (or twice in one) is the first of ours, else the first of theirs.
class People {
 public:
  explicit People(const Project& project) {
    all_.reserve(project.team.size() + project.client_team.size());  // index_ views its names
    for (const Member& m : project.team) add(Attendee{m.name, m.role, m.email, Side::ours});
    for (const ClientMember& m : project.client_team)
      add(Attendee{m.name, m.role, m.email, Side::theirs});
  }

  const Attendee* find(std::string_view name) const {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &all_[it->second];
  }

  /// Every name of both teams, ours first, in the file's order (duplicates included).
  const std::vector<std::string>& names() const { return names_; }
  /// Each person once, ours first, in the file's order.
  const std::vector<Attendee>& all() const { return all_; }

 private:
  using Side = Attendee::Side;

  void add(Attendee person) {
    names_.push_back(person.name);
    if (index_.contains(person.name)) return;
    all_.push_back(std::move(person));
    index_.emplace(all_.back().name, all_.size() - 1);
  }

  std::vector<std::string> names_;
  std::vector<Attendee> all_;
  std::unordered_map<std::string_view, size_t> index_;  // views of the names in all_
};

/// A list of attendees that takes each name once.
class AttendeeList {
 public:
  void add(const Attendee& person) {
    if (seen_.insert(person.name).second) list_.push_back(person);
  }
  std::vector<Attendee> take() { return std::move(list_); }

 private:
  std::vector<Attendee> list_;
  std::unordered_set<std::string> seen_;
};

/// The people `meeting.attendees` names; a name in neither team is a warned-about guest.
std::vector<Attendee> listed_attendees(const Meeting& meeting, const People& people,
                                       Diagnostics& diagnostics) {
  AttendeeList list;
  for (const std::string& name : meeting.attendees) {
    if (const Attendee* person = people.find(name)) {
      list.add(*person);
      continue;
    }
    std::string close = closest_name(name, people.names());
    warn(diagnostics, meeting.origin, "attendees",
         fmt::format("\"{}\" is in neither team nor client_team{}", name,
                     close.empty() ? "" : fmt::format("; did you mean \"{}\"?", close)));
    list.add(Attendee{name, "", "", Attendee::Side::guest});
  }
  return list.take();
}

/// Default attendees: both whole teams (kick-off, final); else `names` of ours plus the
/// client's contact person.
std::vector<Attendee> default_attendees(const Project& project, const People& people,
                                        TouchpointKind kind,
                                        const std::vector<std::string>& names) {
  if (kind == TouchpointKind::kickoff || kind == TouchpointKind::final) return people.all();
  AttendeeList list;
  for (const std::string& name : names) {
    if (name.empty()) continue;
    const Attendee* person = people.find(name);
    list.add(person ? *person : Attendee{name, "", "", Attendee::Side::guest});
  }
  if (const ClientMember* contact = contact_person(project)) list.add(*people.find(contact->name));
  return list.take();
}

/// Plans the touchpoints of one project; each step adds one kind.
class Planner {
 public:
  Planner(const Project& project, Diagnostics& diagnostics, std::optional<Date> as_of)
      : project_(project),
        diagnostics_(diagnostics),
        as_of_(as_of),
        calendar_(project),
        people_(project) {}

  Schedule run();

 private:
  Touchpoint make(TouchpointKind kind, Date date) const;
  std::vector<Attendee> attendees(TouchpointKind kind, const Phase* phase);
  Date meeting_date(TouchpointKind kind, Date planned);
  std::optional<Date> last_workday_of(const Phase& phase) const;
  void plan_phase_recaps(std::map<Date, Touchpoint>& recaps);
  void warn_out_of_order(Date kickoff, Date closing, const std::map<Date, Touchpoint>& recaps);
  void add_daily_recaps(std::map<Date, Touchpoint>& recaps);

  const Project& project_;
  Diagnostics& diagnostics_;
  std::optional<Date> as_of_;  ///< the day the plan is made on
  Calendar calendar_;
  People people_;
  Schedule schedule_;
  std::map<TouchpointKind, std::vector<Attendee>> listed_;  // resolved once per meeting
};

Touchpoint Planner::make(TouchpointKind kind, Date date) const {
  const Meeting& meeting = meeting_of(project_, kind);
  Touchpoint t;
  t.kind = kind;
  t.date = date;
  t.start = meeting_time(project_, kind);
  // The final recap's suggested length counts the findings found by it, or by the plan's day.
  std::optional<Date> counted = as_of_;
  if (kind == TouchpointKind::final) counted = as_of_ ? std::min(*as_of_, date) : date;
  t.duration = meeting_duration(project_, kind, nullptr, counted);
  t.location = meeting.location;
  return t;
}

std::vector<Attendee> Planner::attendees(TouchpointKind kind, const Phase* phase) {
  const Meeting& meeting = meeting_of(project_, kind);
  if (!meeting.attendees.empty()) {
    auto it = listed_.find(kind);
    if (it == listed_.end())
      it = listed_.emplace(kind, listed_attendees(meeting, people_, diagnostics_)).first;
    return it->second;
  }
  const Member* lead = project_lead(project_);
  std::vector<std::string> ours;
  if (phase != nullptr) ours.push_back(phase->owner);
  if (lead != nullptr) ours.push_back(lead->name);
  return default_attendees(project_, people_, kind, ours);
}

/// The file's date for a kick-off or final recap (warned about when it is not a workday in
/// the engagement), else `planned`.
Date Planner::meeting_date(TouchpointKind kind, Date planned) {
  const Meeting& meeting = meeting_of(project_, kind);
  if (!meeting.date) return planned;
  Date date = *meeting.date;
  const ProjectInfo& info = project_.project;
  if (date < info.start || date > info.end)
    warn(diagnostics_, meeting.origin, "date",
         fmt::format("the {} on {} is outside the engagement ({} to {})", meeting_label(kind),
                     format_date(date), format_date(info.start), format_date(info.end)));
  else if (!calendar_.is_workday(date))
    warn(diagnostics_, meeting.origin, "date",
         fmt::format("the {} on {} is not on a workday", meeting_label(kind), format_date(date)));
  return date;
}

std::optional<Date> Planner::last_workday_of(const Phase& phase) const {
  for (Date d = phase.end; d >= phase.start; d = add_days(d, -1))
    if (calendar_.is_workday(d)) return d;
  return std::nullopt;
}

/// Warns where a date the file gives puts the meetings out of their order: the final recap
/// before the kick-off, or before a phase's recap. The plan holds them where the file says.
void Planner::warn_out_of_order(Date kickoff, Date closing,
                                const std::map<Date, Touchpoint>& recaps) {
  const Meeting& final_recap = meeting_of(project_, TouchpointKind::final);
  const Meeting& kickoff_meeting = meeting_of(project_, TouchpointKind::kickoff);
  if (closing < kickoff) {
    const Meeting& dated = final_recap.date ? final_recap : kickoff_meeting;
    warn(diagnostics_, dated.origin, "date",
         fmt::format("the final recap on {} comes before the kick-off on {}", format_date(closing),
                     format_date(kickoff)));
  }
  if (!final_recap.date) return;
  for (const auto& [day, recap] : recaps)
    if (closing < day && recap.phase != nullptr)
      warn(diagnostics_, final_recap.origin, "date",
           fmt::format("the final recap on {} comes before phase \"{}\"'s recap on {}",
                       format_date(closing), recap.phase->id, format_date(day)));
}

/// One recap a day: the first phase ending on a day holds the others ("phase:ID").
void Planner::plan_phase_recaps(std::map<Date, Touchpoint>& recaps) {
  for (const Phase& phase : project_.phases) {
    if (!phase.start.ok() || !phase.end.ok() || phase.end < phase.start) continue;
    auto day = last_workday_of(phase);
    if (!day) {
      diagnostics_.add(phase.origin.problem(
          Level::error, "end",
          fmt::format("phase \"{}\" has no workday ({} to {}), so it cannot have a phase recap",
                      phase.id, format_date(phase.start), format_date(phase.end))));
      continue;
    }
    auto it = recaps.find(*day);
    if (it != recaps.end()) {
      it->second.includes.push_back("phase:" + phase.id);
      it->second.folded.push_back(&phase);
      continue;
    }
    Touchpoint recap = make(TouchpointKind::phase, *day);
    recap.phase = &phase;
    recap.moved = *day != phase.end;
    recap.attendees = attendees(TouchpointKind::phase, &phase);
    recaps.emplace(*day, std::move(recap));
  }
}

/// A daily recap every workday, unless the day's phase or final recap takes it in.
void Planner::add_daily_recaps(std::map<Date, Touchpoint>& recaps) {
  std::vector<Attendee> people = attendees(TouchpointKind::daily, nullptr);
  for (Date day : schedule_.workdays) {
    if (auto it = recaps.find(day); it != recaps.end()) {
      it->second.includes.insert(it->second.includes.begin(), "daily");
      continue;
    }
    Touchpoint daily = make(TouchpointKind::daily, day);
    daily.attendees = people;
    schedule_.touchpoints.push_back(std::move(daily));
  }
}

Schedule Planner::run() {
  const ProjectInfo& info = project_.project;
  if (!info.start.ok() || !info.end.ok() || info.end < info.start) return {};
  schedule_.workdays = calendar_.workdays(info.start, info.end);
  if (schedule_.workdays.empty()) {
    diagnostics_.add(
        info.origin.problem(Level::error, "start",
                            fmt::format("the engagement has no workday from {} to {}",
                                        format_date(info.start), format_date(info.end))));
    return {};
  }
  Touchpoint kickoff = make(TouchpointKind::kickoff,
                            meeting_date(TouchpointKind::kickoff, schedule_.workdays.front()));
  kickoff.attendees = attendees(TouchpointKind::kickoff, nullptr);
  Touchpoint closing =
      make(TouchpointKind::final, meeting_date(TouchpointKind::final, schedule_.workdays.back()));
  closing.attendees = attendees(TouchpointKind::final, nullptr);

  std::map<Date, Touchpoint> recaps;  // the phase recaps, then the final recap, by day
  plan_phase_recaps(recaps);
  warn_out_of_order(kickoff.date, closing.date, recaps);
  if (auto it = recaps.find(closing.date); it != recaps.end()) {
    closing.includes.push_back("phase:" + it->second.phase->id);
    closing.folded.push_back(it->second.phase);
    for (const std::string& held : it->second.includes) closing.includes.push_back(held);
    for (const Phase* held : it->second.folded) closing.folded.push_back(held);
    recaps.erase(it);
  }
  recaps.emplace(closing.date, std::move(closing));
  add_daily_recaps(recaps);
  schedule_.touchpoints.push_back(std::move(kickoff));
  for (auto& [day, recap] : recaps) schedule_.touchpoints.push_back(std::move(recap));
  std::stable_sort(schedule_.touchpoints.begin(), schedule_.touchpoints.end(),
                   [](const Touchpoint& a, const Touchpoint& b) {
                     if (a.date != b.date) return a.date < b.date;
                     if (a.start != b.start) return a.start < b.start;
                     return a.kind < b.kind;
                   });
  return std::move(schedule_);
}

}  // namespace

std::string_view to_string(TouchpointKind kind) {
  switch (kind) {
    case TouchpointKind::kickoff:
      return "kickoff";
    case TouchpointKind::daily:
      return "daily";
    case TouchpointKind::phase:
      return "phase";
    case TouchpointKind::final:
      return "final";
  }
  return "";
}

const MeetingRule& meeting_rule(TouchpointKind kind) { return kRules[static_cast<int>(kind)]; }

const Meeting& meeting_of(const Project& project, TouchpointKind kind) {
  switch (kind) {
    case TouchpointKind::kickoff:
      return project.meetings.kickoff;
    case TouchpointKind::daily:
      return project.meetings.daily_recap;
    case TouchpointKind::phase:
      return project.meetings.phase_recap;
    case TouchpointKind::final:
      return project.meetings.final_recap;
  }
  return project.meetings.kickoff;
}

size_t findings_known(const Project& project, std::optional<Date> as_of) {
  // A good practice is not a problem to walk through: it adds no time.
  return static_cast<size_t>(
      std::count_if(project.findings.begin(), project.findings.end(), [&](const Finding& f) {
        return !f.good_practice && (!as_of || !f.found || *f.found <= *as_of);
      }));
}

int meeting_duration(const Project& project, TouchpointKind kind, Diagnostics* diagnostics,
                     std::optional<Date> as_of) {
  const MeetingRule& rule = meeting_rule(kind);
  const Meeting& meeting = meeting_of(project, kind);
  if (!meeting.duration && kind == TouchpointKind::final)
    return default_final_minutes(project, as_of);
  if (!meeting.duration) return rule.default_duration;
  int asked = *meeting.duration;
  int used = std::clamp(asked, rule.min_duration, rule.max_duration);
  if (used != asked && diagnostics != nullptr)
    warn(*diagnostics, meeting.origin, "duration",
         fmt::format("a {} takes {} to {} minutes, not {}; planned with {}", meeting_label(kind),
                     rule.min_duration, rule.max_duration, asked, used));
  return used;
}

int meeting_time(const Project& project, TouchpointKind kind) {
  const Meeting& meeting = meeting_of(project, kind);
  return meeting.time ? meeting.time->minutes : meeting_rule(kind).default_time;
}

const Member* project_lead(const Project& project) {
  return project.team.empty() ? nullptr : &project.team.front();
}

const ClientMember* contact_person(const Project& project) {
  for (const ClientMember& m : project.client_team)
    if (m.contact) return &m;
  return nullptr;
}

bool holds(const Touchpoint& t, std::string_view item) {
  return std::find(t.includes.begin(), t.includes.end(), item) != t.includes.end();
}

std::vector<std::string> held_phases(const Touchpoint& t) {
  constexpr std::string_view kPrefix = "phase:";
  std::vector<std::string> ids;
  if (t.phase != nullptr) ids.push_back(t.phase->id);
  for (const std::string& item : t.includes)
    if (item.starts_with(kPrefix)) ids.push_back(item.substr(kPrefix.size()));
  return ids;
}

const Touchpoint* daily_recap_on(const Schedule& schedule, Date day) {
  for (const Touchpoint& t : schedule.touchpoints)
    if (t.date == day && (t.kind == TouchpointKind::daily || holds(t, "daily"))) return &t;
  return nullptr;
}

const Touchpoint* recap_of_phase(const Schedule& schedule, std::string_view id) {
  const std::string item = fmt::format("phase:{}", id);
  for (const Touchpoint& t : schedule.touchpoints)
    if ((t.phase != nullptr && t.phase->id == id) || holds(t, item)) return &t;
  return nullptr;
}

const Touchpoint* final_recap(const Schedule& schedule) {
  for (const Touchpoint& t : schedule.touchpoints)
    if (t.kind == TouchpointKind::final) return &t;
  return nullptr;
}

std::vector<PhaseRecap> phase_recaps(const Schedule& schedule) {
  std::vector<PhaseRecap> recaps;
  for (const Touchpoint& t : schedule.touchpoints)
    for (std::string& id : held_phases(t)) recaps.push_back({&t, std::move(id)});
  return recaps;
}

namespace {

/// A meeting ends by 23:59 of its day: its start plus its length stays within the day.
void check_within_day(const Project& project, TouchpointKind kind, std::optional<Date> as_of,
                      Diagnostics& diagnostics) {
  constexpr int kDayEnd = 23 * 60 + 59;
  int start = meeting_time(project, kind),
      minutes = meeting_duration(project, kind, nullptr, as_of);
  if (start + minutes <= kDayEnd) return;
  diagnostics.add(
      meeting_of(project, kind)
          .origin.problem(
              Level::error, "time",
              fmt::format("the {} at {} for {} minutes ends after 23:59; start it by {}",
                          meeting_label(kind), format_time(start), minutes,
                          format_time(kDayEnd - minutes))));
}

}  // namespace

Schedule build_schedule(const Project& project, Diagnostics& diagnostics,
                        std::optional<Date> as_of) {
  for (const MeetingRule& rule : kRules) {
    meeting_duration(project, rule.kind, &diagnostics);
    check_within_day(project, rule.kind, as_of, diagnostics);
  }
  for (TouchpointKind kind : {TouchpointKind::daily, TouchpointKind::phase}) {
    const Meeting& meeting = meeting_of(project, kind);
    if (meeting.date)
      warn(diagnostics, meeting.origin, "date",
           fmt::format(
               "ignored: a {} is held on {}", meeting_label(kind),
               kind == TouchpointKind::daily ? "every workday" : "the last workday of each phase"));
  }
  return Planner(project, diagnostics, as_of).run();
}

}  // namespace commplan
