#include "views/kickoff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <numeric>

#include "util/text.hpp"
#include "views/calendar.hpp"
#include "views/mail.hpp"
#include "views/method.hpp"
#include "views/plan_text.hpp"
#include "views/schedule.hpp"
#include "words/words.hpp"

namespace commplan {

namespace {

constexpr size_t kItemCount = kKickoffWeights.size();

/// The keys of the method's seven agenda items, in order; their titles and questions are
/// Words::Kickoff's.
constexpr std::array<std::string_view, kItemCount> kAgendaKeys = {
    "introductions",  "scope",   "expectations",  "method",
    "execution_plan", "contact", "daily_feedback"};

/// Where a warning about one field of a meeting points: the meeting when the file has it,
/// else `meetings`, else the file's top level.
struct Place {
  const Origin& origin;
  std::string_view field;
};

Place meeting_place(const Project& project, const Meeting& meeting, std::string_view name,
                    std::string_view field) {
  if (meeting.origin.from_file()) return {meeting.origin, field};
  if (project.meetings.origin.from_file()) return {project.meetings.origin, name};
  return {project.origin, "meetings"};
}

nlohmann::json member_json(const Member& m) {
  return {{"name", m.name},
          {"role", m.role},
          {"role_to_confirm", m.role.empty()},
          {"responsibilities", m.responsibilities},
          {"responsibilities_to_confirm", m.responsibilities.empty()},
          {"email", m.email},
          {"phone", m.phone}};
}

nlohmann::json client_member_json(const ClientMember& m) {
  return {{"name", m.name},
          {"role", m.role},
          {"contact", m.contact},
          {"email", m.email},
          {"phone", m.phone}};
}

nlohmann::json phase_json(const Phase& p, Lang lang) {
  return {{"id", p.id},
          {"name", p.name},
          {"start", format_date(p.start)},
          {"end", format_date(p.end)},
          {"activities", p.activities},
          {"activities_text", join(p.activities, words(lang).separators.clause)},
          {"owner", p.owner}};
}

/// Builds the kick-off view model of one project, warning about every gap on the way.
class KickoffBuilder {
 public:
  KickoffBuilder(const Project& project, const ViewOptions& options, Diagnostics& diagnostics)
      : p_(project), o_(options), w_(words(options.lang)), d_(diagnostics) {}

  nlohmann::json build();

 private:
  void gap(Place place, std::string message) {
    warn(d_, place.origin, place.field, std::move(message));
  }
  void gap(std::string_view field, std::string message) {
    warn(d_, p_.origin, field, std::move(message));
  }
  int start_time();
  int duration();
  Date date();
  nlohmann::json meeting(int start, int minutes);
  nlohmann::json agenda(int start, const std::vector<int>& minutes);
  nlohmann::json section(size_t index, int start, const std::vector<int>& minutes) const;
  nlohmann::json introductions(nlohmann::json s);
  nlohmann::json scope(nlohmann::json s);
  nlohmann::json expectations(nlohmann::json s);
  nlohmann::json method(nlohmann::json s);
  nlohmann::json execution_plan(nlohmann::json s);
  nlohmann::json contact(nlohmann::json s);
  nlohmann::json daily_feedback(nlohmann::json s);

  const Project& p_;
  ViewOptions o_;
  const Words& w_;
  Diagnostics& d_;
};

int KickoffBuilder::start_time() {
  const Meeting& m = p_.meetings.kickoff;
  int start = meeting_time(p_, TouchpointKind::kickoff);
  if (!m.time)
    gap(meeting_place(p_, m, "kickoff", "time"),
        fmt::format("no kick-off time; the agenda assumes {}, to confirm", format_time(start)));
  return start;
}

int KickoffBuilder::duration() { return meeting_duration(p_, TouchpointKind::kickoff, &d_); }

/// The kick-off's day in the plan (the first workday, or the file's date); the file's date or
/// the project's start when nothing can be planned. A file's date off a workday or the engagement
/// is warned about.
Date KickoffBuilder::date() {
  const Meeting& m = p_.meetings.kickoff;
  Diagnostics planning;  // plan's warnings are plan's to give; its errors stop the agenda
  Schedule schedule = build_schedule(p_, planning);
  for (const Diagnostic& d : planning.items())
    if (d.level == Level::error) d_.add(d);
  Date day = m.date.value_or(p_.project.start);
  for (const Touchpoint& t : schedule.touchpoints)
    if (t.kind == TouchpointKind::kickoff) day = t.date;
  if (!m.date) return day;
  Calendar calendar(p_);
  const ProjectInfo& info = p_.project;
  if (*m.date < info.start || *m.date > info.end)
    warn(d_, m.origin, "date",
         fmt::format("the kick-off on {} is outside the engagement ({} to {})",
                     format_date(*m.date), format_date(info.start), format_date(info.end)));
  else if (!calendar.is_workday(*m.date))
    warn(d_, m.origin, "date",
         fmt::format("the kick-off on {} is not on a workday", format_date(*m.date)));
  return day;
}

nlohmann::json KickoffBuilder::meeting(int start, int minutes) {
  const Meeting& m = p_.meetings.kickoff;
  Date day = date();
  if (m.location.empty())
    gap(meeting_place(p_, m, "kickoff", "location"), "no kick-off location; to confirm");
  std::vector<std::string> attendees = m.attendees;
  if (attendees.empty()) {
    for (const auto& member : p_.team) attendees.push_back(member.name);
    for (const auto& member : p_.client_team) attendees.push_back(member.name);
  }
  return {{"name", plan_text::meeting_name(p_, TouchpointKind::kickoff, o_.lang)},
          {"date", format_date(day)},
          {"date_text", long_date(day, o_.lang)},
          {"start", format_time(start)},
          {"end", format_time(start + minutes)},
          {"duration", minutes},
          {"time_to_confirm", !m.time.has_value()},
          {"location", m.location},
          {"location_to_confirm", m.location.empty()},
          {"attendees", attendees},
          {"attendees_text", join(attendees, w_.separators.list)}};
}

nlohmann::json KickoffBuilder::section(size_t index, int start,
                                       const std::vector<int>& minutes) const {
  int begin =
      start + std::accumulate(minutes.begin(), minutes.begin() + static_cast<long>(index), 0);
  return {{"number", index + 1},
          {"key", kAgendaKeys[index]},
          {"title", w_.kickoff.titles[index]},
          {"start", format_time(begin)},
          {"end", format_time(begin + minutes[index])},
          {"minutes", minutes[index]},
          {"question", w_.kickoff.questions[index]}};
}

nlohmann::json KickoffBuilder::agenda(int start, const std::vector<int>& minutes) {
  nlohmann::json items = nlohmann::json::array();
  for (size_t i = 0; i < kItemCount; ++i) {
    nlohmann::json s = section(i, start, minutes);
    s.erase("question");
    items.push_back(std::move(s));
  }
  return items;
}

nlohmann::json KickoffBuilder::introductions(nlohmann::json s) {
  nlohmann::json team = nlohmann::json::array();
  for (const auto& member : p_.team) {
    if (member.role.empty()) warn(d_, member.origin, "role", "no role; to confirm");
    if (member.responsibilities.empty())
      warn(d_, member.origin, "responsibilities", "no responsibilities listed; to confirm");
    team.push_back(member_json(member));
  }
  nlohmann::json client = nlohmann::json::array();
  for (const auto& member : p_.client_team) client.push_back(client_member_json(member));
  if (p_.team.empty()) gap("team", "no team listed; our introductions are to confirm");
  if (p_.client_team.empty())
    gap("client_team", "no client team listed; ask the client to introduce their people");
  s["team"] = std::move(team);
  s["team_to_confirm"] = p_.team.empty();
  s["client_team"] = std::move(client);
  s["client_team_to_confirm"] = p_.client_team.empty();
  s["people"] = p_.team.size() + p_.client_team.size();
  return s;
}

nlohmann::json KickoffBuilder::scope(nlohmann::json s) {
  if (p_.scope.empty()) gap("scope", "no scope listed; to confirm in the kick-off");
  s["items"] = p_.scope;
  s["to_confirm"] = p_.scope.empty();
  if (p_.scope.empty()) s["question"] = w_.kickoff.scope_open_question;
  return s;
}

nlohmann::json KickoffBuilder::expectations(nlohmann::json s) {
  if (p_.expectations.empty())
    gap("expectations", "no expectations listed; to confirm in the kick-off");
  s["items"] = p_.expectations;
  s["to_confirm"] = p_.expectations.empty();
  s["special_requirements"] = p_.special_requirements;
  s["special_question"] = w_.kickoff.special_question;
  return s;
}

nlohmann::json KickoffBuilder::method(nlohmann::json s) {
  const Method& m = p_.method;
  bool method_missing = m.summary.empty() && m.steps.empty();
  if (method_missing) gap("method", "no method described; to confirm");
  if (p_.cooperation.empty())
    gap("cooperation", "nothing listed that we need from the client; to confirm");
  nlohmann::json steps = nlohmann::json::array();
  for (size_t i = 0; i < m.steps.size(); ++i)
    steps.push_back({{"number", i + 1}, {"text", m.steps[i]}});
  s["summary"] = m.summary;
  s["steps"] = std::move(steps);
  s["to_confirm"] = method_missing;
  s["cooperation"] = p_.cooperation;
  s["cooperation_to_confirm"] = p_.cooperation.empty();
  return s;
}

nlohmann::json KickoffBuilder::execution_plan(nlohmann::json s) {
  if (p_.phases.empty()) gap("phases", "no phases planned; the execution plan is to confirm");
  nlohmann::json phases = nlohmann::json::array();
  for (const auto& phase : p_.phases) phases.push_back(phase_json(phase, o_.lang));
  s["phases"] = std::move(phases);
  s["to_confirm"] = p_.phases.empty();
  if (p_.phases.empty()) s["question"] = w_.kickoff.plan_open_question;
  return s;
}

nlohmann::json KickoffBuilder::contact(nlohmann::json s) {
  const ClientMember* person = nullptr;
  for (const auto& member : p_.client_team) {
    if (!member.contact) continue;
    if (person == nullptr)
      person = &member;
    else
      warn(d_, member.origin, "contact",
           fmt::format("more than one contact person; the kick-off names {}", person->name));
  }
  if (person == nullptr)
    gap("client_team", "no contact person (contact: true in client_team); to confirm");
  s["person"] = person ? client_member_json(*person) : nlohmann::json(nullptr);
  s["confirm_question"] = w_.kickoff.contact_confirm_question;
  s["to_confirm"] = person == nullptr;
  return s;
}

nlohmann::json KickoffBuilder::daily_feedback(nlohmann::json s) {
  const Meeting& m = p_.meetings.daily_recap;
  int time = meeting_time(p_, TouchpointKind::daily);
  if (!m.time)
    gap(meeting_place(p_, m, "daily_recap", "time"),
        fmt::format("no daily recap time; the plan assumes {}, to confirm", format_time(time)));
  s["meeting_name"] = plan_text::meeting_name_in_text(p_, TouchpointKind::daily, o_.lang);
  s["time"] = format_time(time);
  s["time_to_confirm"] = !m.time.has_value();
  s["duration"] = meeting_duration(p_, TouchpointKind::daily, &d_);
  s["location"] = m.location;
  return s;
}

nlohmann::json KickoffBuilder::build() {
  nlohmann::json view = view_header("kickoff", p_, o_);
  int start = start_time();
  int total = duration();
  int people = static_cast<int>(p_.team.size() + p_.client_team.size());
  std::vector<int> minutes = kickoff_timeboxes(total, people);
  view["meeting"] = meeting(start, total);
  view["agenda"] = agenda(start, minutes);
  view["introductions"] = introductions(section(0, start, minutes));
  view["scope"] = scope(section(1, start, minutes));
  view["expectations"] = expectations(section(2, start, minutes));
  view["method"] = method(section(3, start, minutes));
  view["execution_plan"] = execution_plan(section(4, start, minutes));
  view["contact"] = contact(section(5, start, minutes));
  view["daily_feedback"] = daily_feedback(section(6, start, minutes));
  return view;
}

}  // namespace

// The timebox rule: every item first gets one minute; the rest of the meeting is shared in
// proportion to the method's weights (kKickoffWeights, the introductions' growing with the
// people: method.hpp). Each share is rounded down, and the minutes left over go one each to the
// largest remainders, the earlier item first on a tie (Hamilton's method), so the sum is exactly
// the duration.
std::vector<int> kickoff_timeboxes(int duration, int people) {
  std::array<int, kItemCount> weights = kKickoffWeights;
  weights[0] =
      kKickoffIntroBase + kKickoffIntroPerPerson * std::clamp(people, 0, kKickoffIntroMaxPeople);
  const int total_weight = std::accumulate(weights.begin(), weights.end(), 0);
  const int spare = std::max(duration, static_cast<int>(kItemCount)) - static_cast<int>(kItemCount);
  std::vector<int> minutes(kItemCount, 1);
  std::array<int, kItemCount> remainder{};
  int left = spare;
  for (size_t i = 0; i < kItemCount; ++i) {
    minutes[i] += spare * weights[i] / total_weight;
    remainder[i] = spare * weights[i] % total_weight;
    left -= spare * weights[i] / total_weight;
  }
  std::array<size_t, kItemCount> order{};
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return remainder[a] > remainder[b]; });
  for (int k = 0; k < left; ++k) ++minutes[order[static_cast<size_t>(k)]];
  return minutes;
}

std::optional<View> build_kickoff_view(const Project& project, const ViewOptions& common,
                                       const KickoffOptions& /*own*/, Diagnostics& diagnostics) {
  size_t errors = diagnostics.error_count();
  nlohmann::json view = KickoffBuilder(project, common, diagnostics).build();
  add_mail(view, project, names_in(view["meeting"]["attendees"]));
  if (common.audience == Audience::client)
    leave_out(view, {"question", "special_question", "confirm_question"});
  diagnostics.sort_by_place();
  return unless_new_errors(std::move(view), diagnostics, errors);
}

}  // namespace commplan
