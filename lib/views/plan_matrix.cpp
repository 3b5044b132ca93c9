// The communication matrix of the plan: one row per audience, PMBOK columns.

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <unordered_set>

#include "util/text.hpp"
#include "views/plan.hpp"
#include "views/plan_text.hpp"

namespace commplan {

namespace {

using nlohmann::json;
using plan_text::join_list;
using plan_text::to_confirm;

/// The fixed wording of one row; `what` and `how` name meetings as {kickoff}, {daily},
/// {phase}, {final} (their names) or {kickoff_text}, {daily_text}, {phase_text}, {final_text}
/// (the same inside a sentence).
struct Row {
  std::string_view id;
  Phrase audience, what, why, how;
};

constexpr Row kContact{
    "contact",
    {"Client contact person", "客户对接人"},
    {"Today's findings and preliminary suggestions, the support we need, open questions",
     "当天发现的问题和初步建议、需要的支持、待确认的问题"},
    {"So the client can think and react early, and nothing in the report comes as a surprise",
     "让客户及时思考和反馈，报告里不出现意外"},
    {"{daily}; a call at once for anything urgent", "{daily}；紧急问题随时电话沟通"}};

constexpr Row kManagement{
    "management",
    {"Client management and sponsors", "客户管理层和项目发起人"},
    {"Phase results: the standards, the main problems and our recommendations; at the end, "
     "the complete results",
     "阶段成果：评估依据、主要问题和整改建议；项目结束时的完整结果"},
    {"Their feedback and decisions on the recommendations before the report is written",
     "在撰写报告前听取他们对整改建议的意见和决定"},
    {"Each {phase_text}, then the {final_text}", "{phase}和{final}"}};

constexpr Row kClientTeam{
    "client_team",
    {"Client team", "客户团队"},
    {"At the {kickoff_text}: scope, plan and whom to ask; during execution: interviews on how "
     "they work and where they want improvement",
     "{kickoff}上：范围、计划和什么事找谁；执行中：访谈日常运作方式和希望改善之处"},
    {"Everyone knows whom to ask and whom a risk affects; we learn how the site really "
     "operates",
     "让每个人知道什么问题找谁、风险影响到谁；了解现场真实的运作方式"},
    {"{kickoff}; interviews and walk-downs on site", "{kickoff}；现场访谈和走查"}};

constexpr Row kOurTeam{
    "our_team",
    {"Our team", "我方团队"},
    {"The day's findings, the client's feedback and the plan for the next workday",
     "当天发现的问题、客户的意见和下一个工作日的安排"},
    {"One voice towards the client; every finding raised on the day it is found",
     "对客户口径一致；发现的问题当天提出"},
    {"Short internal check-in before each {daily_text}", "{daily}前的内部碰头"}};

constexpr Row kEscalation{
    "escalation",
    {"Escalation contacts", "升级联系人"},
    {"Risks and incidents that need a decision beyond the contact person",
     "超出对接人决策范围的风险和突发问题"},
    {"Serious problems reach the people who can act, in time", "重大问题及时送达能够决策的人"},
    {"A call first, then a short written summary", "先电话沟通，再发简短的书面说明"}};

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

/// A phrase of a row with the project's meeting names in place.
std::string with_names(const Phrase& phrase, const Project& project, Lang lang) {
  return plan_text::with_meeting_names(phrase.in(lang), project, lang);
}

json row(const Row& fixed, const Project& project, Lang lang, std::string who,
         std::string frequency, const std::string& from, const std::string& backup) {
  return {{"id", fixed.id},
          {"audience", fixed.audience.in(lang)},
          {"who", who.empty() ? std::string(to_confirm(lang)) : std::move(who)},
          {"what", with_names(fixed.what, project, lang)},
          {"why", fixed.why.in(lang)},
          {"how", with_names(fixed.how, project, lang)},
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
struct Audience {
  TouchpointKind kind;
  std::vector<const Attendee*> people;
};

/// The audience of each of `kinds` that the schedule holds.
std::vector<Audience> audiences(const Schedule& schedule,
                                std::initializer_list<TouchpointKind> kinds) {
  std::vector<Audience> list;
  for (TouchpointKind kind : kinds) {
    if (first_of(schedule, kind) == nullptr) continue;
    Audience audience{kind, {}};
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

std::vector<std::string> names_of(const Audience& audience, Lang lang, bool roles) {
  std::vector<std::string> names;
  for (const Attendee* a : audience.people)
    names.push_back(roles ? plan_text::with_role(a->name, a->role, lang) : a->name);
  return names;
}

/// The Who column: the names, once when every meeting of the row has the same people, else
/// per meeting by its name ("Phase recap: A; Final recap: A, B"); empty when nobody is named.
std::string who_text(const std::vector<Audience>& list, const Project& project, Lang lang,
                     bool roles) {
  bool same = std::all_of(list.begin(), list.end(), [&](const Audience& a) {
    return names_of(a, lang, false) == names_of(list.front(), lang, false);
  });
  if (list.empty() || (same && list.front().people.empty())) return "";
  if (same) return join_list(names_of(list.front(), lang, roles), lang);
  std::vector<std::string> parts;
  for (const Audience& a : list) {
    std::string names = a.people.empty() ? std::string(to_confirm(lang))
                                         : join_list(names_of(a, lang, roles), lang);
    parts.push_back(fmt::format("{}{}{}", plan_text::meeting_name(project, a.kind, lang),
                                lang == Lang::zh ? "：" : ": ", names));
  }
  return join(parts, lang == Lang::zh ? "；" : "; ");
}

/// The meetings a row speaks of, each with the names of its audience.
json meetings_of(const std::vector<Audience>& list) {
  json meetings = json::array();
  for (const Audience& a : list) {
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
  std::vector<Audience> list = audiences(schedule, kinds);
  json r = row(fixed, project, lang, who_text(list, project, lang, roles), std::move(frequency),
               from, backup);
  r["meetings"] = meetings_of(list);
  return r;
}

json contact_row(const Project& project, const Schedule& schedule, Lang lang, const Senders& s) {
  std::string time = format_time(meeting_time(project, TouchpointKind::daily));
  int minutes = meeting_duration(project, TouchpointKind::daily);
  std::string often = lang == Lang::zh ? fmt::format("每个工作日 {}，{} 分钟", time, minutes)
                                       : fmt::format("Every workday at {}, {} min", time, minutes);
  return meeting_row(kContact, project, lang, schedule, {TouchpointKind::daily}, true, often,
                     s.lead, s.backup);
}

json management_row(const Project& project, const Schedule& schedule, Lang lang, const Senders& s) {
  int phases = count_of(schedule, TouchpointKind::phase);
  const Touchpoint* closing = first_of(schedule, TouchpointKind::final);
  std::string day = closing ? format_date(closing->date) : std::string(to_confirm(lang));
  std::string recap = plan_text::meeting_name_in_text(project, TouchpointKind::phase, lang);
  std::string final_name = plan_text::meeting_name_in_text(project, TouchpointKind::final, lang);
  std::string often =
      lang == Lang::zh
          ? fmt::format("每个阶段结束时（共 {} 次{}），{} {}", phases, recap, day, final_name)
          : fmt::format("At the end of each phase ({} in all); {} on {}", phases, final_name, day);
  return meeting_row(kManagement, project, lang, schedule,
                     {TouchpointKind::phase, TouchpointKind::final}, false, often, s.lead,
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
  std::string often =
      lang == Lang::zh
          ? fmt::format("{} {}；执行阶段按需访谈", day, kickoff_name)
          : fmt::format("{} on {}; interviews during the execution stage", kickoff_name, day);
  std::initializer_list<TouchpointKind> kinds = {TouchpointKind::kickoff};
  if (owners.empty())
    return meeting_row(kClientTeam, project, lang, schedule, kinds, false, often, s.lead, s.backup);
  std::string backup(lang == Lang::zh ? "互为备岗" : "one another");
  for (const Member& m : project.team)
    if (!is_owner.contains(m.name)) {
      backup = m.name;
      break;
    }
  return meeting_row(kClientTeam, project, lang, schedule, kinds, false, often,
                     join_list(owners, lang), backup);
}

json our_team_row(const Project& project, Lang lang, const Senders& s) {
  std::vector<std::string> names;
  for (const Member& m : project.team) names.push_back(m.name);
  return row(kOurTeam, project, lang, join_list(names, lang),
             lang == Lang::zh ? "每个工作日" : "Every workday", s.lead, s.backup);
}

json escalation_row(const Project& project, Lang lang, const Senders& s) {
  std::vector<std::string> who, levels;
  for (const EscalationLevel& e : project.escalation) {
    if (!e.who.empty()) who.push_back(e.who);
    if (lang == Lang::zh)
      levels.push_back(e.within ? fmt::format("{} 级 {} 小时内", e.level, *e.within)
                                : fmt::format("{} 级（时限待确认）", e.level));
    else
      levels.push_back(e.within ? fmt::format("level {} within {} h", e.level, *e.within)
                                : fmt::format("level {} (time to confirm)", e.level));
  }
  std::string often = lang == Lang::zh ? "出现问题时：" + join(levels, "，")
                                       : "When a problem arises: " + join(levels, ", ");
  return row(kEscalation, project, lang, join(who, lang == Lang::zh ? "；" : "; "), often, s.lead,
             s.backup);
}

}  // namespace

json plan_matrix(const Project& project, const Schedule& schedule, Lang lang) {
  Senders s = senders(project, lang);
  json rows = json::array(
      {contact_row(project, schedule, lang, s), management_row(project, schedule, lang, s),
       client_team_row(project, schedule, lang, s), our_team_row(project, lang, s)});
  if (!project.escalation.empty()) rows.push_back(escalation_row(project, lang, s));
  return rows;
}

}  // namespace commplan
