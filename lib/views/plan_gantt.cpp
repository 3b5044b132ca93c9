// The plan's Mermaid gantt chart (https://mermaid.js.org/syntax/gantt.html): the phases as
// bars with inclusive end dates, the kick-off, phase and final recaps as milestones.

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "util/text.hpp"
#include "views/calendar.hpp"
#include "views/plan.hpp"
#include "views/plan_text.hpp"
#include "words/words.hpp"

namespace commplan {

namespace {

/// Words Mermaid's gantt lexer takes as a statement when a line starts with them.
constexpr std::string_view kKeywords[] = {
    "accdescr",   "acctitle",    "axisformat",   "call",  "click",
    "dateformat", "displaymode", "excludes",     "gantt", "inclusiveenddates",
    "includes",   "section",     "tickinterval", "title", "todaymarker",
    "topaxis",    "weekday",     "weekend"};

bool starts_with_keyword(std::string_view text) {
  std::string lower;
  for (char c : text) {
    if (!std::isalpha(static_cast<unsigned char>(c))) break;
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (std::string_view keyword : kKeywords)
    if (lower == keyword) return true;
  return false;
}

/// `excludes` of the chart: "weekends", or the days off by name, then the holidays.
std::string excludes(const Project& project) {
  constexpr std::string_view kNames[] = {"monday", "tuesday",  "wednesday", "thursday",
                                         "friday", "saturday", "sunday"};
  bool on[7] = {};
  for (Weekday day : project.workdays()) on[static_cast<int>(day)] = true;
  std::vector<std::string> items;
  bool weekends = !on[5] && !on[6];
  if (weekends) items.emplace_back("weekends");
  for (int d = 0; d < 7; ++d)
    if (!on[d] && !(weekends && d >= 5)) items.emplace_back(kNames[d]);
  const ProjectInfo& info = project.project;
  for (Date day : info.holidays)
    if (day >= info.start && day <= info.end) items.push_back(format_date(day));
  return join(items, ", ");
}

/// `includes` of the chart: the extra workdays (rest days worked in lieu), which it excludes
/// otherwise.
std::string includes(const Project& project) {
  const ProjectInfo& info = project.project;
  Calendar calendar(project);
  std::vector<std::string> items;
  for (Date day : info.extra_workdays)
    if (day >= info.start && day <= info.end && calendar.is_workday(day))
      items.push_back(format_date(day));
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  return join(items, ", ");
}

std::string milestone_name(const Touchpoint& t, const Project& project, Lang lang) {
  if (t.kind != TouchpointKind::phase || t.phase == nullptr)
    return plan_text::meeting_name(project, t.kind, lang);
  std::string name = plan_text::phase_name(*t.phase);
  std::string recap = plan_text::meeting_name_in_text(project, t.kind, lang);
  return fmt::format(fmt::runtime(words(lang).plan.gantt_milestone), name, recap);
}

void add_phases(std::string& out, const Project& project, Lang lang) {
  if (project.phases.empty()) return;
  out += fmt::format("    section {}\n", words(lang).plan.gantt_phases);
  int n = 0;
  for (const Phase& phase : project.phases) {
    std::string name = mermaid_text(plan_text::phase_name(phase));
    out += fmt::format("    {} :phase{}, {}, {}\n", name, ++n, format_date(phase.start),
                       format_date(phase.end));
  }
}

void add_milestones(std::string& out, const Project& project, const Schedule& schedule, Lang lang) {
  out += fmt::format("    section {}\n", words(lang).plan.gantt_meetings);
  int recaps = 0;
  for (const Touchpoint& t : schedule.touchpoints) {
    if (t.kind == TouchpointKind::daily) continue;
    std::string id = t.kind == TouchpointKind::phase ? fmt::format("recap{}", ++recaps)
                                                     : std::string(to_string(t.kind));
    out += fmt::format("    {} :milestone, {}, {}, 0d\n",
                       mermaid_text(milestone_name(t, project, lang)), id, format_date(t.date));
  }
}

}  // namespace

std::string mermaid_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool gap = c == ':' || c == ';' || c == '#' || c == '\n' || c == '\r' || c == '\t' ||
               c == ' ' || (c == '%' && out.empty());  // "%%" starts a comment line
    if (!gap)
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.empty()) return "-";
  return starts_with_keyword(out) ? "· " + out : out;
}

std::string plan_gantt(const Project& project, const Schedule& schedule, Lang lang) {
  std::string out = "gantt\n";
  out += fmt::format("    title {}\n", mermaid_text(project.project.name));
  out += "    dateFormat YYYY-MM-DD\n    axisFormat %m-%d\n";
  out += "    inclusiveEndDates\n    todayMarker off\n";
  if (std::string days = excludes(project); !days.empty())
    out += fmt::format("    excludes {}\n", days);
  if (std::string days = includes(project); !days.empty())
    out += fmt::format("    includes {}\n", days);
  add_phases(out, project, lang);
  add_milestones(out, project, schedule, lang);
  out.pop_back();  // the template's fence line ends the last line
  return out;
}

}  // namespace commplan
