// The communication matrix of the plan: one row per audience, PMBOK columns.

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "util/text.hpp"
#include "views/plan.hpp"
#include "views/plan_text.hpp"

namespace commplan {

namespace {

using nlohmann::json;
using plan_text::join_list;
using plan_text::to_confirm;

/// The fixed wording of one row.
struct Row {
  std::string_view id;
  Phrase audience, what, why, how;
};

constexpr Row kContact{
    "contact",
    {"Client contact person", "客户对接人"},
    {"Today's findings and preliminary suggestions, the support we need, open questions",
     "当天的发现和初步建议、需要的支持、待确认的问题"},
    {"So the client can think and react early, and nothing in the report comes as a surprise",
     "让客户及时思考和反馈，报告里不出现意外"},
    {"Daily recap; a call at once for anything urgent", "每日复盘；紧急问题随时电话沟通"}};

constexpr Row kManagement{
    "management",
    {"Client management and sponsors", "客户管理层和项目发起人"},
    {"Phase results: the standards, the main problems and our recommendations; at the end, "
     "the complete results",
     "阶段成果：依据的标准、主要问题和建议；项目结束时的完整结果"},
    {"Their feedback and decisions on the recommendations before the report is written",
     "在撰写报告前听取他们对建议的反馈和决定"},
    {"Phase recaps and the final recap", "阶段复盘和最终汇报"}};

constexpr Row kClientTeam{
    "client_team",
    {"Client team", "客户团队"},
    {"At the kick-off: scope, plan and whom to ask; during execution: interviews on how they "
     "work and where they want improvement",
     "启动会上：范围、计划和什么事找谁；执行中：访谈日常运作方式和希望改善之处"},
    {"Everyone knows whom to ask and whom a risk affects; we learn how the site really "
     "operates",
     "让每个人知道什么问题找谁、风险影响到谁；了解现场真实的运作方式"},
    {"Kick-off meeting; interviews and walk-downs on site", "启动会；现场访谈和走查"}};

constexpr Row kOurTeam{
    "our_team",
    {"Our team", "我方团队"},
    {"The day's findings, the client's feedback and the plan for the next workday",
     "当天的发现、客户的反馈和下一个工作日的安排"},
    {"One voice towards the client; every finding raised on the day it is found",
     "对客户口径一致；发现的问题当天提出"},
    {"Short internal check-in before the daily recap", "每日复盘前的内部碰头"}};

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

json row(const Row& fixed, Lang lang, std::string who, std::string frequency,
         const std::string& from, const std::string& backup) {
  return {{"id", fixed.id},
          {"audience", fixed.audience.in(lang)},
          {"who", who.empty() ? std::string(to_confirm(lang)) : std::move(who)},
          {"what", fixed.what.in(lang)},
          {"why", fixed.why.in(lang)},
          {"how", fixed.how.in(lang)},
          {"frequency", std::move(frequency)},
          {"from", from},
          {"backup", backup}};
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

json contact_row(const Project& project, Lang lang, const Senders& s) {
  const ClientMember* contact = contact_person(project);
  std::string who = contact ? plan_text::with_role(contact->name, contact->role, lang) : "";
  std::string time = format_time(meeting_time(project, TouchpointKind::daily));
  int minutes = meeting_duration(project, TouchpointKind::daily);
  std::string often = lang == Lang::zh ? fmt::format("每个工作日 {}，{} 分钟", time, minutes)
                                       : fmt::format("Every workday at {}, {} min", time, minutes);
  return row(kContact, lang, who, often, s.lead, s.backup);
}

/// The client's people at the phase recaps (else at the final recap), the contact excepted.
std::vector<std::string> management(const Project& project, const Schedule& schedule) {
  const ClientMember* contact = contact_person(project);
  std::vector<std::string> names;
  std::unordered_set<std::string_view> seen;
  for (TouchpointKind kind : {TouchpointKind::phase, TouchpointKind::final}) {
    for (const Touchpoint& t : schedule.touchpoints) {
      if (t.kind != kind) continue;
      for (const Attendee& a : t.attendees)
        if (a.side == Attendee::Side::theirs && (!contact || a.name != contact->name) &&
            seen.insert(a.name).second)
          names.push_back(a.name);
    }
    if (!names.empty()) break;
  }
  return names;
}

json management_row(const Project& project, const Schedule& schedule, Lang lang, const Senders& s) {
  int phases = count_of(schedule, TouchpointKind::phase);
  const Touchpoint* closing = first_of(schedule, TouchpointKind::final);
  std::string day = closing ? format_date(closing->date) : std::string(to_confirm(lang));
  std::string often =
      lang == Lang::zh
          ? fmt::format("每个阶段结束时（{} 次阶段复盘），{} 最终汇报", phases, day)
          : fmt::format("At the end of each phase ({} phase recaps); final recap on {}", phases,
                        day);
  return row(kManagement, lang, join_list(management(project, schedule), lang), often, s.lead,
             s.backup);
}

json client_team_row(const Project& project, const Schedule& schedule, Lang lang,
                     const Senders& s) {
  std::vector<std::string> names, owners;
  std::unordered_set<std::string_view> is_owner;
  for (const ClientMember& m : project.client_team) names.push_back(m.name);
  for (const Phase& p : project.phases)
    if (!p.owner.empty() && is_owner.insert(p.owner).second) owners.push_back(p.owner);
  const Touchpoint* kickoff = first_of(schedule, TouchpointKind::kickoff);
  std::string day = kickoff ? format_date(kickoff->date) : std::string(to_confirm(lang));
  std::string often = lang == Lang::zh ? fmt::format("{} 启动会；执行阶段按需访谈", day)
                                       : fmt::format(
                                             "Kick-off on {}; interviews during the "
                                             "execution stage",
                                             day);
  if (owners.empty())
    return row(kClientTeam, lang, join_list(names, lang), often, s.lead, s.backup);
  std::string backup(lang == Lang::zh ? "互为备岗" : "one another");
  for (const Member& m : project.team)
    if (!is_owner.contains(m.name)) {
      backup = m.name;
      break;
    }
  return row(kClientTeam, lang, join_list(names, lang), often, join_list(owners, lang), backup);
}

json our_team_row(const Project& project, Lang lang, const Senders& s) {
  std::vector<std::string> names;
  for (const Member& m : project.team) names.push_back(m.name);
  return row(kOurTeam, lang, join_list(names, lang),
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
  return row(kEscalation, lang, join(who, lang == Lang::zh ? "；" : "; "), often, s.lead, s.backup);
}

}  // namespace

json plan_matrix(const Project& project, const Schedule& schedule, Lang lang) {
  Senders s = senders(project, lang);
  json rows =
      json::array({contact_row(project, lang, s), management_row(project, schedule, lang, s),
                   client_team_row(project, schedule, lang, s), our_team_row(project, lang, s)});
  if (!project.escalation.empty()) rows.push_back(escalation_row(project, lang, s));
  return rows;
}

}  // namespace commplan
