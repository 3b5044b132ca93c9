#include "views/actions.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "views/plan_text.hpp"
#include "words/words.hpp"

namespace commplan {

TouchpointKind touchpoint_kind(MeetingKind kind) {
  switch (kind) {
    case MeetingKind::kickoff:
      return TouchpointKind::kickoff;
    case MeetingKind::daily:
      return TouchpointKind::daily;
    case MeetingKind::phase:
      return TouchpointKind::phase;
    case MeetingKind::final:
      return TouchpointKind::final;
  }
  return TouchpointKind::daily;
}

bool done_by(const Action& action, Date day) { return action.done && *action.done <= day; }

std::vector<OpenAction> open_actions(const Project& project, Date day) {
  std::vector<OpenAction> open;
  for (const Minutes& m : project.minutes) {
    if (!m.date.ok() || day < m.date) continue;
    for (const Action& a : m.actions)
      if (!done_by(a, day)) open.push_back({&m, &a, a.due && *a.due < day, a.due && *a.due == day});
  }
  std::stable_sort(open.begin(), open.end(), [](const OpenAction& x, const OpenAction& y) {
    const auto& a = x.action->due;
    const auto& b = y.action->due;
    if (a.has_value() != b.has_value()) return a.has_value();
    if (a && *a != *b) return *a < *b;
    return x.minutes->date < y.minutes->date;
  });
  return open;
}

namespace {

void warn_overdue(const OpenAction& open, Date day, Diagnostics& diagnostics) {
  const Action& a = *open.action;
  std::string owner = a.owner.empty() ? std::string() : fmt::format(" ({})", a.owner);
  diagnostics.add(
      a.origin.problem(Level::warning, "due",
                       fmt::format("action \"{}\"{} was due on {} and is still open on {}", a.what,
                                   owner, format_date(*a.due), format_date(day))));
}

}  // namespace

nlohmann::json open_actions_json(const Project& project, Date day, Lang lang,
                                 Diagnostics& diagnostics) {
  nlohmann::json list = nlohmann::json::array();
  size_t overdue = 0;
  for (const OpenAction& open : open_actions(project, day)) {
    const Action& a = *open.action;
    const Minutes& m = *open.minutes;
    if (open.overdue) {
      ++overdue;
      warn_overdue(open, day, diagnostics);
    }
    list.push_back({{"what", a.what},
                    {"owner", a.owner},
                    {"due", a.due ? nlohmann::json(format_date(*a.due)) : nlohmann::json()},
                    {"overdue", open.overdue},
                    {"due_today", open.due_today},
                    {"days_overdue", open.overdue ? days_between(*a.due, day) : 0},
                    {"meeting",
                     {{"kind", std::string(to_string(m.meeting))},
                      {"name", plan_text::meeting_name(project, touchpoint_kind(m.meeting), lang)},
                      {"date", format_date(m.date)},
                      {"short_date", short_date(m.date, lang)}}}});
  }
  return {{"has_open_actions", !list.empty()},
          {"overdue_actions", overdue},
          {"open_actions", std::move(list)}};
}

}  // namespace commplan
