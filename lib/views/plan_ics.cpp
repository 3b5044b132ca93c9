// The plan's touchpoints as an iCalendar file: one event per touchpoint, its agenda in short
// as the description, the attendees with an e-mail address invited, the lead as organizer.

#include <fmt/format.h>

#include "output/ics.hpp"
#include "util/text.hpp"
#include "util/uid.hpp"
#include "views/plan.hpp"
#include "views/plan_text.hpp"

namespace commplan {

namespace {

struct Labels {
  std::string_view agenda, output, attendees, project, client;
};

constexpr Labels kEnglish{"Agenda:", "Expected output: ", "Attendees:", "Project: ", "Client: "};
constexpr Labels kChinese{"议程：", "预期成果：", "参会人：", "项目：", "客户："};

std::string description(const Touchpoint& t, const Project& project, Lang lang) {
  const Labels& l = lang == Lang::zh ? kChinese : kEnglish;
  std::string out = plan_text::purpose(project, t.kind, lang);
  out += fmt::format("\n\n{}\n", l.agenda);
  int n = 0;
  for (std::string_view item : plan_text::agenda(t.kind, lang))
    out += fmt::format("{}. {}\n", ++n, item);
  out += fmt::format("\n{}{}", l.output, plan_text::output(project, t.kind, lang));
  if (std::string note = plan_text::includes_note(t, project, lang); !note.empty()) {
    if (lang == Lang::en) note[0] = 'I';  // "includes …" opens a sentence here
    out += fmt::format("\n{}{}", note, lang == Lang::zh ? "。" : ".");
  }
  if (!t.attendees.empty()) out += fmt::format("\n\n{}\n", l.attendees);
  for (const Attendee& a : t.attendees)
    out += fmt::format("- {}\n", plan_text::with_role(a.name, a.role, lang));
  const ProjectInfo& info = project.project;
  out += fmt::format("{}{}{}", t.attendees.empty() ? "\n\n" : "\n", l.project, info.name);
  if (!info.client.empty()) out += fmt::format("\n{}{}", l.client, info.client);
  return out;
}

/// The lead, or else the first of our team with an e-mail address.
std::optional<ics::Person> organizer(const Project& project) {
  for (const Member& m : project.team)
    if (!m.email.empty()) return ics::Person{m.name, m.email};
  return std::nullopt;
}

ics::Event event(const Touchpoint& t, const Project& project, Lang lang,
                 const std::optional<ics::Person>& organizer) {
  ics::Event e;
  e.uid = make_uid(project.project.name, to_string(t.kind), t.date);
  e.date = t.date;
  e.start = t.start;
  e.duration = t.duration;
  e.summary = fmt::format("{} · {}", plan_text::title(t, project, lang), project.project.name);
  e.description = description(t, project, lang);
  e.location = t.location;
  e.organizer = organizer;
  for (const Attendee& a : t.attendees) e.attendees.push_back({a.name, a.email});
  return e;
}

}  // namespace

std::string plan_ics(const Project& project, const ViewOptions& options) {
  Diagnostics reported_already;
  Schedule schedule = build_schedule(project, reported_already);
  ics::Calendar calendar;
  calendar.prodid = fmt::format("-//commplan//commplan {}//EN", COMMPLAN_VERSION);
  calendar.name = project.project.name;
  calendar.timezone = project.project.timezone;
  calendar.stamp = options.today;
  std::optional<ics::Person> from = organizer(project);
  for (const Touchpoint& t : schedule.touchpoints)
    calendar.events.push_back(event(t, project, options.lang, from));
  return ics::write(calendar);
}

}  // namespace commplan
