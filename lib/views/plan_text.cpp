#include "views/plan_text.hpp"

#include <fmt/format.h>

#include "util/text.hpp"
#include "words/words.hpp"

namespace commplan::plan_text {

namespace {

std::vector<std::string_view> in(std::span<const std::string_view> texts) {
  return {texts.begin(), texts.end()};
}

size_t index(TouchpointKind kind) { return static_cast<size_t>(kind); }

}  // namespace

std::string phase_name(const Phase& phase) {
  std::string_view name = trim(phase.name);
  return name.empty() ? phase.id : std::string(name);
}

std::string meeting_name(const Project& project, TouchpointKind kind, Lang lang) {
  std::string_view name = trim(meeting_of(project, kind).name);
  return std::string(name.empty() ? words(lang).plan.meeting_names[index(kind)] : name);
}

std::string meeting_name_in_text(const Project& project, TouchpointKind kind, Lang lang) {
  std::string_view name = trim(meeting_of(project, kind).name);
  return std::string(name.empty() ? words(lang).plan.meeting_names_in_text[index(kind)] : name);
}

std::string title(const Touchpoint& touchpoint, const Project& project, Lang lang) {
  std::string label = meeting_name(project, touchpoint.kind, lang);
  if (touchpoint.kind != TouchpointKind::phase || touchpoint.phase == nullptr) return label;
  std::string name = phase_name(*touchpoint.phase);
  return fmt::format("{}{}{}", label, words(lang).separators.colon, name);
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
  return with_meeting_names(words(lang).plan.purposes[index(kind)], project, lang);
}

std::string output(const Project& project, TouchpointKind kind, Lang lang) {
  return with_meeting_names(words(lang).plan.outputs[index(kind)], project, lang);
}

std::vector<std::string_view> agenda(TouchpointKind kind, Lang lang) {
  const Words::Plan& w = words(lang).plan;
  switch (kind) {
    case TouchpointKind::kickoff:
      return in(w.kickoff_agenda);
    case TouchpointKind::daily:
      return in(w.daily_agenda);
    case TouchpointKind::phase:
      return in(w.phase_agenda);
    case TouchpointKind::final:
      return in(w.final_agenda);
  }
  return {};
}

std::string includes_note(const Touchpoint& touchpoint, const Project& project, Lang lang) {
  const Words& w = words(lang);
  std::vector<std::string> parts;
  size_t folded = 0;
  for (const std::string& item : touchpoint.includes) {
    if (item == "daily") {
      std::string daily = meeting_name_in_text(project, TouchpointKind::daily, lang);
      parts.push_back(fmt::format(fmt::runtime(w.plan.includes_daily), daily));
    } else if (item.rfind("phase:", 0) == 0) {
      std::string name = folded < touchpoint.folded.size()
                             ? phase_name(*touchpoint.folded[folded++])
                             : item.substr(6);
      std::string recap = meeting_name_in_text(project, TouchpointKind::phase, lang);
      parts.push_back(fmt::format(fmt::runtime(w.plan.includes_phase), fmt::arg("phase", name),
                                  fmt::arg("recap", recap)));
    }
  }
  if (parts.empty()) return "";
  std::string last = parts.back();
  parts.pop_back();
  std::string list = parts.empty() ? last
                                   : join(parts, w.separators.and_list) +
                                         std::string(w.separators.and_last) + last;
  return fmt::format(fmt::runtime(w.plan.includes), list);
}

std::string join_list(const std::vector<std::string>& items, Lang lang) {
  return join(items, words(lang).separators.list);
}

std::string_view to_confirm(Lang lang) { return words(lang).to_confirm; }

std::vector<std::string_view> method_questions(Lang lang) {
  return in(words(lang).plan.method_questions);
}

}  // namespace commplan::plan_text
