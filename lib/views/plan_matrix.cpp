// The communication matrix of the plan: one row per audience, PMBOK columns.

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <unordered_set>

#include "util/text.hpp"
#include "views/plan.hpp"
#include "views/plan_text.hpp"
#include "words/words.hpp"

namespace commplan {

namespace {

using nlohmann::json;
using plan_text::join_list;
using plan_text::to_confirm;

/// One row: its id and its fixed wording (Words::Matrix).
struct Row {
  std::string_view id;
  MatrixRowWords Words::Matrix::*text;
};

constexpr Row kContact{"contact", &Words::Matrix::contact};
constexpr Row kManagement{"management", &Words::Matrix::management};
constexpr Row kClientTeam{"client_team", &Words::Matrix::client_team};
constexpr Row kOurTeam{"our_team", &Words::Matrix::our_team};
constexpr Row kEscalation{"escalation", &Words::Matrix::escalation};

/// Who speaks for us: the lead, and the second team member as the backup.
struct Senders {
  std::string lead, backup;
};

Senders senders(const Project& project, Lang lang) {
  Senders s{std::string(to_confirm(lang)), std::string(to_confirm(lang))};
  if (!project.team.empty()) s.lead = project.team[0].name;
  if (project.team.size() > 1) s.backup = project.team[1].name;
  return s;
}

/// The pattern `pattern` of `lang`'s matrix words filled with `args`.
template <typename... Args>
std::string matrix_text(std::string_view Words::Matrix::*pattern, Lang lang, const Args&... args) {
  return fmt::format(fmt::runtime(words(lang).matrix.*pattern), args...);
}

json row(const Row& r, const Project& project, Lang lang, std::string who, std::string frequency,
         const std::string& from, const std::string& backup) {
  const MatrixRowWords& fixed = words(lang).matrix.*r.text;
  return {{"id", r.id},
          {"audience", fixed.audience},
          {"who", who.empty() ? std::string(to_confirm(lang)) : std::move(who)},
          {"what", plan_text::with_meeting_names(fixed.what, project, lang)},
          {"why", fixed.why},
          {"how", plan_text::with_meeting_names(fixed.how, project, lang)},
          {"frequency", std::move(frequency)},
          {"from", from},
          {"backup", backup},
          {"meetings", json::array()}};
}

const Touchpoint* first_of(const Schedule& schedule, TouchpointKind kind) {
  for (const Touchpoint& t : schedule.touchpoints)
    if (t.kind == kind) return &t;
  return nullptr;
}

int count_of(const Schedule& schedule, TouchpointKind kind) {
  int n = 0;
  for (const Touchpoint& t : schedule.touchpoints) n += t.kind == kind ? 1 : 0;
  return n;
}

/// The client's side of the meetings of one kind: every attendee not on our team, as the
/// schedule lists them (the matrix's one source for who attends what).
struct MeetingAudience {
  TouchpointKind kind;
  std::vector<const Attendee*> people;
};

/// The audience of each of `kinds` that the schedule holds.
std::vector<MeetingAudience> audiences(const Schedule& schedule,
                                       std::initializer_list<TouchpointKind> kinds) {
  std::vector<MeetingAudience> list;
  for (TouchpointKind kind : kinds) {
    if (first_of(schedule, kind) == nullptr) continue;
    MeetingAudience audience{kind, {}};
    std::unordered_set<std::string_view> named;
    for (const Touchpoint& t : schedule.touchpoints) {
      if (t.kind != kind) continue;
      for (const Attendee& a : t.attendees)
        if (a.side != Attendee::Side::ours && named.insert(a.name).second)
          audience.people.push_back(&a);
    }
    list.push_back(std::move(audience));
  }
  return list;
}

std::vector<std::string> names_of(const MeetingAudience& audience, Lang lang, bool roles) {
  std::vector<std::string> names;
  for (const Attendee* a : audience.people)
    names.push_back(roles ? with_role(a->name, a->role, lang) : a->name);
  return names;
}

/// The Who column: the names, once when every meeting of the row has the same people, else
/// per meeting by its name ("Phase recap: A; Final recap: A, B"); empty when nobody is named.
std::string who_text(const std::vector<MeetingAudience>& list, const Project& project, Lang lang,
                     bool roles) {
  bool same = std::all_of(list.begin(), list.end(), [&](const MeetingAudience& a) {
    return names_of(a, lang, false) == names_of(list.front(), lang, false);
  });
  if (list.empty() || (same && list.front().people.empty())) return "";
  if (same) return join_list(names_of(list.front(), lang, roles), lang);
  std::vector<std::string> parts;
  for (const MeetingAudience& a : list) {
    std::string names = a.people.empty() ? std::string(to_confirm(lang))
                                         : join_list(names_of(a, lang, roles), lang);
    parts.push_back(fmt::format("{}{}{}", plan_text::meeting_name(project, a.kind, lang),
                                words(lang).separators.colon, names));
  }
  return join(parts, words(lang).separators.clause);
}

/// The meetings a row speaks of, each with the names of its audience.
json meetings_of(const std::vector<MeetingAudience>& list) {
  json meetings = json::array();
  for (const MeetingAudience& a : list) {
    json people = json::array();
    for (const Attendee* p : a.people) people.push_back(p->name);
    meetings.push_back({{"kind", to_string(a.kind)}, {"people", std::move(people)}});
  }
  return meetings;
}

/// A row about meetings of `kinds`: its Who and its `meetings` read from the schedule.
json meeting_row(const Row& fixed, const Project& project, Lang lang, const Schedule& schedule,
                 std::initializer_list<TouchpointKind> kinds, bool roles, std::string frequency,
                 const std::string& from, const std::string& backup) {
  std::vector<MeetingAudience> list = audiences(schedule, kinds);
  json r = row(fixed, project, lang, who_text(list, project, lang, roles), std::move(frequency),
               from, backup);
  r["meetings"] = meetings_of(list);
  return r;
}

json contact_row(const Project& project, const Schedule& schedule, Lang lang, const Senders& s) {
  std::string time = format_time(meeting_time(project, TouchpointKind::daily));
  int minutes = meeting_duration(project, TouchpointKind::daily);
  std::string frequency = matrix_text(&Words::Matrix::contact_often, lang, fmt::arg("time", time),
                                      fmt::arg("minutes", minutes));
  return meeting_row(kContact, project, lang, schedule, {TouchpointKind::daily}, true, frequency,
                     s.lead, s.backup);
}

json management_row(const Project& project, const Schedule& schedule, Lang lang, const Senders& s) {
  int phases = count_of(schedule, TouchpointKind::phase);
  const Touchpoint* closing = first_of(schedule, TouchpointKind::final);
  std::string day = closing ? format_date(closing->date) : std::string(to_confirm(lang));
  std::string recap = plan_text::meeting_name_in_text(project, TouchpointKind::phase, lang);
  std::string final_name = plan_text::meeting_name_in_text(project, TouchpointKind::final, lang);
  std::string frequency =
      matrix_text(&Words::Matrix::management_often, lang, fmt::arg("phases", phases),
                  fmt::arg("recap", recap), fmt::arg("day", day), fmt::arg("final", final_name));
  return meeting_row(kManagement, project, lang, schedule,
                     {TouchpointKind::phase, TouchpointKind::final}, false, frequency, s.lead,
                     s.backup);
}

json client_team_row(const Project& project, const Schedule& schedule, Lang lang,
                     const Senders& s) {
  std::vector<std::string> owners;
  std::unordered_set<std::string_view> is_owner;
  for (const Phase& p : project.phases)
    if (!p.owner.empty() && is_owner.insert(p.owner).second) owners.push_back(p.owner);
  const Touchpoint* kickoff = first_of(schedule, TouchpointKind::kickoff);
  std::string day = kickoff ? format_date(kickoff->date) : std::string(to_confirm(lang));
  std::string kickoff_name = plan_text::meeting_name(project, TouchpointKind::kickoff, lang);
  std::string frequency = matrix_text(&Words::Matrix::client_team_often, lang,
                                      fmt::arg("kickoff", kickoff_name), fmt::arg("day", day));
  std::initializer_list<TouchpointKind> kinds = {TouchpointKind::kickoff};
  if (owners.empty())
    return meeting_row(kClientTeam, project, lang, schedule, kinds, false, frequency, s.lead,
                       s.backup);
  std::string backup(words(lang).matrix.one_another);
  for (const Member& m : project.team)
    if (!is_owner.contains(m.name)) {
      backup = m.name;
      break;
    }
  return meeting_row(kClientTeam, project, lang, schedule, kinds, false, frequency,
                     join_list(owners, lang), backup);
}

json our_team_row(const Project& project, Lang lang, const Senders& s) {
  std::vector<std::string> names;
  for (const Member& m : project.team) names.push_back(m.name);
  return row(kOurTeam, project, lang, join_list(names, lang),
             std::string(words(lang).plan.every_workday), s.lead, s.backup);
}

json escalation_row(const Project& project, Lang lang, const Senders& s) {
  const Words& w = words(lang);
  std::vector<std::string> who, levels;
  for (const EscalationLevel& e : project.escalation) {
    if (!e.who.empty()) who.push_back(e.who);
    levels.push_back(
        e.within ? matrix_text(&Words::Matrix::level_within, lang, fmt::arg("level", e.level),
                               fmt::arg("hours", *e.within))
                 : matrix_text(&Words::Matrix::level_untimed, lang, fmt::arg("level", e.level)));
  }
  std::string frequency =
      matrix_text(&Words::Matrix::escalation_often, lang, join(levels, w.separators.comma));
  return row(kEscalation, project, lang, join(who, w.separators.clause), frequency, s.lead,
             s.backup);
}

}  // namespace

json plan_matrix(const Project& project, const Schedule& schedule, Lang lang, Audience audience) {
  Senders s = senders(project, lang);
  json rows = json::array({contact_row(project, schedule, lang, s),
                           management_row(project, schedule, lang, s),
                           client_team_row(project, schedule, lang, s)});
  if (audience == Audience::team) rows.push_back(our_team_row(project, lang, s));
  if (!project.escalation.empty()) rows.push_back(escalation_row(project, lang, s));
  return rows;
}

}  // namespace commplan
