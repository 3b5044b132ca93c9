#include "views/plan_text.hpp"

#include <fmt/format.h>

#include "util/text.hpp"

namespace commplan::plan_text {

namespace {

constexpr Phrase kLabels[] = {
    {"Kick-off meeting", "项目启动会"},
    {"Daily recap", "每日复盘"},
    {"Phase recap", "阶段复盘"},
    {"Final recap", "项目总结汇报"},
};

// A meeting named inside a sentence, when the file gives it no name of its own.
constexpr Phrase kNamesInText[] = {
    {"kick-off meeting", "项目启动会"},
    {"daily recap", "每日复盘"},
    {"phase recap", "阶段复盘"},
    {"final recap", "项目总结汇报"},
};

constexpr Phrase kPurposes[] = {
    {"Confirm the scope and the client's expectations again, agree how we work together, "
     "name the contact person and set up the {daily_text}.",
     "再次确认服务范围和客户期望，商定工作方式和配合事项，明确对接人，约定{daily}。"},
    {"Share today's findings and preliminary suggestions so the client can think and react "
     "early, and ask for the support we need.",
     "沟通当天发现的问题和初步建议，让客户及时思考、尽早反馈，同时提出需要客户配合的事项。"},
    {"Walk through the phase against the standards: the main problems found and the "
     "recommendation we expect to give for each, then listen to the client's feedback.",
     "对照评估依据，讲清本阶段的主要问题和每个问题的整改建议，并听取客户意见。"},
    {"Present the complete results in the structure of the report: the standards, every "
     "finding with its recommendation and owner, the open items; agree the next steps.",
     "按正式报告的结构完整、详细地汇报：评估依据、全部问题及整改建议和责任人、遗留事项；确认后续安"
     "排。"},
};

constexpr Phrase kOutputs[] = {
    {"Confirmed scope and expectations, a named contact person, the agreed plan and the time "
     "of the {daily_text}.",
     "确认的范围和期望、明确的对接人、双方认可的执行计划和{daily}时间。"},
    {"The client knows today's findings; the support needed and the open questions each have "
     "an owner.",
     "客户了解当天发现的问题；需要的支持和待解答的问题都有人跟进。"},
    {"The client's feedback on each main problem and recommendation, to shape how the report "
     "argues.",
     "客户对每个主要问题和整改建议的意见，作为撰写报告时选择表述方式和逻辑的依据。"},
    {"Agreement on the findings, recommendations and owners; the open items and the date of "
     "the final report.",
     "双方对问题、整改建议和责任人达成一致；明确遗留事项和正式报告的提交时间。"},
};

constexpr Phrase kKickoffAgenda[] = {
    {"Introductions: our people and their responsibilities, then the client's",
     "相互介绍：我方人员及各自职责，再请客户介绍参与人员"},
    {"Scope: the needs we are here for; any questions?", "服务范围：本次针对的需求，有没有疑问"},
    {"Expectations, goals and special requirements", "客户的期望、目标和特殊要求"},
    {"Method, and the cooperation we need", "执行方式，以及需要客户配合的事项"},
    {"Execution plan: what happens when; anything to watch for?",
     "执行计划：各时间段的安排，有哪些需要注意的事项"},
    {"The contact person on the client's side", "客户方的对接人"},
    {"A short recap at the end of every day; questions welcome at any time",
     "每天结束前做简短复盘；有任何问题随时沟通"},
};

constexpr Phrase kDailyAgenda[] = {
    {"Today's findings and preliminary suggestions", "当天发现的问题和初步建议"},
    {"Support needed from the client", "需要客户提供的支持"},
    {"Open questions", "待确认的问题"},
    {"The plan for the next workday", "下一个工作日的安排"},
};

constexpr Phrase kPhaseAgenda[] = {
    {"The standards we assess against", "评估依据"},
    {"The main problems found", "主要问题"},
    {"For each problem, the recommendation we expect to give", "逐个问题的整改建议"},
    {"The client's feedback", "听取客户意见"},
};

constexpr Phrase kFinalAgenda[] = {
    {"The standards we assessed against", "评估依据"},
    {"All findings, by phase and severity", "全部问题（按阶段和严重程度）"},
    {"Recommendations and owners", "整改建议和责任人"},
    {"Open items and next steps", "遗留事项和后续安排"},
    {"The client's feedback", "听取客户意见"},
};

constexpr Phrase kQuestions[] = {
    {"How do you normally operate, day to day?", "你们平时是如何开展日常操作的？"},
    {"How are the management rules set, and who sets them?", "管理制度是如何设置的？由谁制定？"},
    {"Which problems do you meet in daily management and operation, and which of them matter "
     "most?",
     "你们认为在日常管理和操作中遇到的问题有哪些？哪些影响比较大？"},
    {"Where do you most urgently want improvement?", "你们希望在哪些地方尽快得到改善？"},
};

constexpr std::string_view kWeekdaysShort[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

template <size_t N>
std::vector<std::string_view> in(const Phrase (&phrases)[N], Lang lang) {
  std::vector<std::string_view> list;
  for (const Phrase& p : phrases) list.push_back(p.in(lang));
  return list;
}

size_t index(TouchpointKind kind) { return static_cast<size_t>(kind); }

}  // namespace

std::string phase_name(const Phase& phase) {
  std::string_view name = trim(phase.name);
  return name.empty() ? phase.id : std::string(name);
}

std::string meeting_name(const Project& project, TouchpointKind kind, Lang lang) {
  std::string_view name = trim(meeting_of(project, kind).name);
  return std::string(name.empty() ? kLabels[index(kind)].in(lang) : name);
}

std::string meeting_name_in_text(const Project& project, TouchpointKind kind, Lang lang) {
  std::string_view name = trim(meeting_of(project, kind).name);
  return std::string(name.empty() ? kNamesInText[index(kind)].in(lang) : name);
}

std::string title(const Touchpoint& touchpoint, const Project& project, Lang lang) {
  std::string label = meeting_name(project, touchpoint.kind, lang);
  if (touchpoint.kind != TouchpointKind::phase || touchpoint.phase == nullptr) return label;
  std::string name = phase_name(*touchpoint.phase);
  return lang == Lang::zh ? fmt::format("{}：{}", label, name) : fmt::format("{}: {}", label, name);
}

std::string with_meeting_names(std::string_view text, const Project& project, Lang lang) {
  auto name = [&](TouchpointKind kind) { return meeting_name(project, kind, lang); };
  auto in_text = [&](TouchpointKind kind) { return meeting_name_in_text(project, kind, lang); };
  return fmt::format(fmt::runtime(text), fmt::arg("kickoff", name(TouchpointKind::kickoff)),
                     fmt::arg("daily", name(TouchpointKind::daily)),
                     fmt::arg("phase", name(TouchpointKind::phase)),
                     fmt::arg("final", name(TouchpointKind::final)),
                     fmt::arg("kickoff_text", in_text(TouchpointKind::kickoff)),
                     fmt::arg("daily_text", in_text(TouchpointKind::daily)),
                     fmt::arg("phase_text", in_text(TouchpointKind::phase)),
                     fmt::arg("final_text", in_text(TouchpointKind::final)));
}

std::string purpose(const Project& project, TouchpointKind kind, Lang lang) {
  return with_meeting_names(kPurposes[index(kind)].in(lang), project, lang);
}

std::string output(const Project& project, TouchpointKind kind, Lang lang) {
  return with_meeting_names(kOutputs[index(kind)].in(lang), project, lang);
}

std::vector<std::string_view> agenda(TouchpointKind kind, Lang lang) {
  switch (kind) {
    case TouchpointKind::kickoff:
      return in(kKickoffAgenda, lang);
    case TouchpointKind::daily:
      return in(kDailyAgenda, lang);
    case TouchpointKind::phase:
      return in(kPhaseAgenda, lang);
    case TouchpointKind::final:
      return in(kFinalAgenda, lang);
  }
  return {};
}

std::string includes_note(const Touchpoint& touchpoint, const Project& project, Lang lang) {
  std::vector<std::string> parts;
  size_t folded = 0;
  for (const std::string& item : touchpoint.includes) {
    if (item == "daily") {
      std::string daily = meeting_name_in_text(project, TouchpointKind::daily, lang);
      parts.push_back(lang == Lang::zh ? "当天的" + daily : "the " + daily);
    } else if (item.rfind("phase:", 0) == 0) {
      std::string name = folded < touchpoint.folded.size()
                             ? phase_name(*touchpoint.folded[folded++])
                             : item.substr(6);
      std::string recap = meeting_name_in_text(project, TouchpointKind::phase, lang);
      parts.push_back(lang == Lang::zh ? fmt::format("“{}”{}", name, recap)
                                       : fmt::format("the {} of {}", recap, name));
    }
  }
  if (parts.empty()) return "";
  if (lang == Lang::zh) return "含" + join(parts, "和");
  std::string last = parts.back();
  parts.pop_back();
  return "includes " + (parts.empty() ? last : join(parts, ", ") + " and " + last);
}

std::string_view weekday_short(Date date, Lang lang) {
  return lang == Lang::zh ? weekday_name(date, lang) : kWeekdaysShort[weekday_index(date)];
}

std::string join_list(const std::vector<std::string>& items, Lang lang) {
  return join(items, lang == Lang::zh ? "、" : ", ");
}

std::string with_role(const std::string& name, const std::string& role, Lang lang) {
  if (role.empty()) return name;
  bool nested = role.find('(') != std::string::npos || role.find("（") != std::string::npos;
  if (lang == Lang::zh)
    return nested ? fmt::format("{}，{}", name, role) : fmt::format("{}（{}）", name, role);
  return nested ? fmt::format("{}, {}", name, role) : fmt::format("{} ({})", name, role);
}

std::string_view to_confirm(Lang lang) { return lang == Lang::zh ? "待确认" : "to confirm"; }

std::vector<std::string_view> method_questions(Lang lang) { return in(kQuestions, lang); }

}  // namespace commplan::plan_text
