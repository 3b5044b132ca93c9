// Notification deadlines of findings, as of a day (rules in deadlines.hpp).

#include "views/deadlines.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <unordered_map>

#include "words/words.hpp"

namespace commplan {

namespace {

using json = nlohmann::json;

constexpr std::array<std::string_view, 4> kStateNames{"in-time", "late", "due", "overdue"};

/// The last day the file format can write.
constexpr Date kLastDay{std::chrono::year{9999}, std::chrono::December, std::chrono::day{31}};

/// The level each severity is for (index in project.escalation), computed once a call.
class LevelIndex {
 public:
  explicit LevelIndex(const Project& project) {
    const auto& levels = project.escalation;
    bool any_listed = std::any_of(levels.begin(), levels.end(),
                                  [](const EscalationLevel& e) { return !e.severities.empty(); });
    if (!any_listed) {
      if (!levels.empty()) {
        of_[static_cast<size_t>(Severity::critical)] = 0;
        of_[static_cast<size_t>(Severity::high)] = 0;
      }
      return;
    }
    for (size_t i = levels.size(); i-- > 0;)  // the first level listing a severity wins
      for (Severity s : levels[i].severities) of_[static_cast<size_t>(s)] = i;
  }

  std::optional<size_t> of(std::optional<Severity> severity) const {
    if (!severity) return std::nullopt;
    return of_[static_cast<size_t>(*severity)];
  }

 private:
  std::array<std::optional<size_t>, 5> of_{};
};

/// A notification recorded for a finding, with its day.
struct Told {
  Date day;
  const Notification* what;
};

/// The log's notifications by finding id, in the log's order.
using LoggedIndex = std::unordered_map<std::string_view, std::vector<Told>>;

LoggedIndex logged_notifications(const Project& project, Date day) {
  LoggedIndex index;
  for (const LogEntry& entry : project.log) {
    if (!entry.date.ok() || day < entry.date) continue;
    for (const LoggedNotification& n : entry.notified) index[n.finding].push_back({entry.date, &n});
  }
  return index;
}

/// Keeps `candidate` when it counts (from `since` on) and is earlier than `best`.
void keep_earliest(std::optional<Told>& best, const Told& candidate, Date since) {
  if (candidate.day < since) return;
  if (!best || candidate.day < best->day) best = candidate;
}

/// The deadline of `f` as of `day`, if it has one.
std::optional<NoticeDeadline> deadline_of(const Project& project, const LevelIndex& levels,
                                          const LoggedIndex& logged, const Finding& f, Date day) {
  std::optional<FindingState> state = finding_as_of(f, day);
  if (!state) return std::nullopt;
  NoticeDeadline d;
  d.finding = &f;
  d.severity = state->severity;
  std::optional<size_t> best;
  if (f.found && f.found->ok())
    if (auto level = levels.of(f.severity)) {
      best = level;
      d.reached = *f.severity;
      d.since = *f.found;
    }
  for (const HistoryEntry* entry : state->applied) {
    auto level = levels.of(entry->severity);
    if (!level || (best && *best <= *level)) continue;
    best = level;
    d.reached = *entry->severity;
    d.since = entry->date;
    d.raised_by = entry;
  }
  if (!best) return std::nullopt;
  const EscalationLevel& level = project.escalation[*best];
  if (!level.within) return std::nullopt;
  d.level = *best;
  d.deadline = notice_deadline(d.since, *level.within);

  std::optional<Told> told;
  for (const HistoryEntry* entry : state->applied)
    if (entry->notified) keep_earliest(told, {entry->date, &*entry->notified}, d.since);
  if (auto it = logged.find(f.id); it != logged.end())
    for (const Told& t : it->second) keep_earliest(told, t, d.since);
  if (told) {
    d.notified = told->day;
    d.notification = told->what;
    d.state = told->day <= d.deadline ? NoticeState::in_time : NoticeState::late;
  } else {
    d.state = day <= d.deadline ? NoticeState::due : NoticeState::overdue;
  }
  return d;
}

/// "level 1": the level's own name, else its place in the list.
std::string level_name(const Project& project, size_t index) {
  const std::string& name = project.escalation[index].level;
  return fmt::format("level {}", name.empty() ? std::to_string(index + 1) : name);
}

/// "high, found on 2027-03-02" or "critical since 2027-03-03".
std::string reached_text(const NoticeDeadline& d) {
  if (d.raised_by == nullptr)
    return fmt::format("{}, found on {}", to_string(d.reached), format_date(d.since));
  return fmt::format("{} since {}", to_string(d.reached), format_date(d.since));
}

std::string within_text(const Project& project, const NoticeDeadline& d) {
  return fmt::format("escalation {} (within {} h)", level_name(project, d.level),
                     *project.escalation[d.level].within);
}

std::string days_text(int days) { return fmt::format("{} day{}", days, days == 1 ? "" : "s"); }

/// The warning of a deadline missed (late or overdue), located at the finding, or at the
/// history entry that raised it.
Diagnostic missed_warning(const Project& project, const NoticeDeadline& d, Date day) {
  std::string message;
  if (d.state == NoticeState::late)
    message = fmt::format("finding {} ({}) was notified on {}, {} after its deadline {} under {}",
                          d.finding->id, reached_text(d), format_date(*d.notified),
                          days_text(days_between(d.deadline, *d.notified)), format_date(d.deadline),
                          within_text(project, d));
  else
    message = fmt::format(
        "finding {} ({}) is not notified as of {}: {} was due by {}; record the notification "
        "(notified in its history or in the log)",
        d.finding->id, reached_text(d), format_date(day), within_text(project, d),
        format_date(d.deadline));
  if (d.raised_by != nullptr)
    return d.raised_by->origin.problem(Level::warning, "severity", std::move(message));
  return d.finding->origin.problem(Level::warning, "id", std::move(message));
}

int state_rank(NoticeState s) {
  switch (s) {
    case NoticeState::overdue:
      return 0;
    case NoticeState::due:
      return 1;
    case NoticeState::late:
      return 2;
    case NoticeState::in_time:
      break;
  }
  return 3;
}

int severity_rank(std::optional<Severity> s) { return s ? static_cast<int>(*s) : 5; }

json optional_text(const std::optional<Date>& day) {
  return day ? json(format_date(*day)) : json();
}

json deadline_json(const Project& project, const NoticeDeadline& d, Date day, Lang lang) {
  const Words::Recap& w = words(lang).recap;
  const EscalationLevel& level = project.escalation[d.level];
  int past = d.state == NoticeState::late      ? days_between(d.deadline, *d.notified)
             : d.state == NoticeState::overdue ? days_between(d.deadline, day)
                                               : 0;
  return {{"id", d.finding->id},
          {"title", d.finding->title},
          {"severity", d.severity ? json(std::string(to_string(*d.severity))) : json()},
          {"severity_label",
           std::string(d.severity ? w.severities[static_cast<size_t>(*d.severity)] : w.unrated)},
          {"since", format_date(d.since)},
          {"raised", d.raised_by != nullptr},
          {"level", level.level},
          {"who", level.who.empty() ? std::string(words(lang).to_confirm) : level.who},
          {"within", *level.within},
          {"deadline", format_date(d.deadline)},
          {"state", std::string(to_string(d.state))},
          {"state_label", std::string(w.notice_states[static_cast<size_t>(d.state)])},
          {"overdue", d.state == NoticeState::overdue},
          {"late", d.state == NoticeState::late},
          {"due", d.state == NoticeState::due},
          {"days_past", past},
          {"notified", optional_text(d.notified)},
          {"notified_to", d.notification ? d.notification->to : ""},
          {"notified_via", d.notification ? d.notification->via : ""}};
}

}  // namespace

std::string_view to_string(NoticeState state) { return kStateNames[static_cast<size_t>(state)]; }

std::optional<size_t> escalation_level_of(const Project& project, Severity severity) {
  return LevelIndex(project).of(severity);
}

Date notice_deadline(Date since, int within_hours) {
  int days = std::max(within_hours, 0) / 24;
  if (days_between(since, kLastDay) <= days) return kLastDay;
  return add_days(since, days);
}

std::vector<NoticeDeadline> notification_deadlines(const Project& project, Date day) {
  std::vector<NoticeDeadline> list;
  if (project.escalation.empty()) return list;
  LevelIndex levels(project);
  LoggedIndex logged = logged_notifications(project, day);
  for (const Finding& f : project.findings) {
    if (f.good_practice) continue;  // nobody is to be told of a good practice
    if (auto d = deadline_of(project, levels, logged, f, day)) list.push_back(std::move(*d));
  }
  return list;
}

void check_notifications(const Project& project, Date day, Diagnostics& diagnostics) {
  for (const NoticeDeadline& d : notification_deadlines(project, day))
    if (d.state == NoticeState::late || d.state == NoticeState::overdue)
      diagnostics.add(missed_warning(project, d, day));
}

void add_notification_deadlines(json& view, const Project& project, Date day, Lang lang,
                                Diagnostics& diagnostics) {
  std::vector<NoticeDeadline> flagged;
  for (NoticeDeadline& d : notification_deadlines(project, day)) {
    if (d.state == NoticeState::in_time) continue;
    if (d.state == NoticeState::overdue) diagnostics.add(missed_warning(project, d, day));
    flagged.push_back(d);
  }
  std::sort(flagged.begin(), flagged.end(), [](const NoticeDeadline& a, const NoticeDeadline& b) {
    if (state_rank(a.state) != state_rank(b.state))
      return state_rank(a.state) < state_rank(b.state);
    if (severity_rank(a.severity) != severity_rank(b.severity))
      return severity_rank(a.severity) < severity_rank(b.severity);
    if (a.deadline != b.deadline) return a.deadline < b.deadline;
    return a.finding->id < b.finding->id;
  });
  json list = json::array();
  for (const NoticeDeadline& d : flagged) list.push_back(deadline_json(project, d, day, lang));
  view["has_notification_deadlines"] = !list.empty();
  view["notification_deadlines"] = std::move(list);
}

}  // namespace commplan
