// The plan's touchpoints as an iCalendar file: one event per touchpoint, its agenda in short
// as the description, the attendees with an e-mail address invited, the view's organizer as
// organizer. Everything is read from the plan view model, checked field by field.

#include "output/plan_ics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "output/ics.hpp"
#include "output/view_field.hpp"
#include "util/dates.hpp"
#include "util/diagnostic.hpp"
#include "words/words.hpp"

namespace commplan {

namespace {

using nlohmann::json;

/// Each kind's agenda, from the view's `meetings`.
std::map<std::string, std::vector<std::string>> agendas(const Field& view) {
  std::map<std::string, std::vector<std::string>> by_kind;
  for (const Field& meeting : view["meetings"].items()) {
    std::vector<std::string>& agenda = by_kind[meeting["kind"].text()];
    for (const Field& item : meeting["agenda"].items()) agenda.push_back(item["text"].text());
  }
  return by_kind;
}

/// What a description says besides the touchpoint: the agendas, the project and its client.
struct Context {
  Lang lang;
  std::map<std::string, std::vector<std::string>> agendas;
  std::string project, client;
  std::optional<ics::Person> organizer;
};

const std::vector<std::string>& agenda_of(const Context& c, const Field& kind) {
  auto it = c.agendas.find(kind.text());
  if (it == c.agendas.end())
    malformed("meetings", fmt::format("no meeting of kind \"{}\"", kind.text()));
  return it->second;
}

std::string description(const Field& t, const Context& c) {
  const Words::Calendar& w = words(c.lang).calendar;
  std::string out = t["purpose"].text();
  out += fmt::format("\n\n{}\n", w.agenda);
  int n = 0;
  for (const std::string& item : agenda_of(c, t["kind"])) out += fmt::format("{}. {}\n", ++n, item);
  out += fmt::format("\n{}{}", w.output, t["output"].text());
  if (std::string note = t["note"].text(); !note.empty()) {
    // The note ("includes the daily recap") opens a sentence here.
    if (note[0] >= 'a' && note[0] <= 'z') note[0] = static_cast<char>(note[0] - 'a' + 'A');
    out += fmt::format("\n{}{}", note, words(c.lang).separators.sentence_end);
  }
  std::vector<Field> attendees = t["attendees"].items();
  if (!attendees.empty()) out += fmt::format("\n\n{}\n", w.attendees);
  for (const Field& a : attendees)
    out += fmt::format("- {}\n", with_role(a["name"].text(), a["role"].text(), c.lang));
  out += fmt::format("{}{}{}", attendees.empty() ? "\n\n" : "\n", w.project, c.project);
  if (!c.client.empty()) out += fmt::format("\n{}{}", w.client, c.client);
  return out;
}

ics::Event event(const Field& t, const Context& c) {
  ics::Event e;
  e.uid = t["uid"].text();
  e.date = t["date"].date();
  e.start = t["start"].time();
  e.duration = t["duration"].number();
  e.summary = fmt::format("{} · {}", t["title"].text(), c.project);
  e.description = description(t, c);
  e.location = t["location"].text();
  e.organizer = c.organizer;
  for (const Field& a : t["attendees"].items())
    e.attendees.push_back({a["name"].text(), a["email"].text()});
  return e;
}

/// The view's `organizer`; none when it is null or absent (a view saved before it was added).
std::optional<ics::Person> organizer(const Field& view) {
  if (!view.has("organizer")) return std::nullopt;
  Field who = view["organizer"];
  return ics::Person{who["name"].text(), who["email"].text()};
}

std::string write_calendar(const ics::Calendar& calendar) {
  try {
    return ics::write(calendar);
  } catch (const Error& e) {
    if (e.kind() != Error::Kind::invalid_input) throw;
    malformed("project.timezone", fmt::format("unknown time zone \"{}\"", calendar.timezone));
  }
}

const ics::PriorEvent* find_event(const std::vector<ics::PriorEvent>& events,
                                  const std::string& uid) {
  auto it = std::lower_bound(
      events.begin(), events.end(), uid,
      [](const ics::PriorEvent& e, const std::string& key) { return e.uid < key; });
  return it != events.end() && it->uid == uid ? &*it : nullptr;
}

/// Numbers `calendar`'s events against the calendar sent before and cancels what it no longer
/// holds (PlanIcsOptions). The new events are compared as written, read back by the same
/// reader as the old ones, so only a real change counts.
void update_from(ics::Calendar& calendar, const std::vector<ics::PriorEvent>& previous) {
  std::vector<ics::PriorEvent> now = ics::read_events("", write_calendar(calendar));
  for (ics::Event& event : calendar.events) {
    const ics::PriorEvent* before = find_event(previous, event.uid);
    const ics::PriorEvent* after = find_event(now, event.uid);
    if (before == nullptr || after == nullptr) continue;
    bool changed = before->cancelled || before->when != after->when ||
                   before->where != after->where || before->who != after->who;
    event.sequence = before->sequence + (changed ? 1 : 0);
  }
  for (const ics::PriorEvent& before : previous) {
    if (find_event(now, before.uid) != nullptr) continue;
    calendar.cancelled.push_back(
        {before.uid, before.sequence + (before.cancelled ? 0 : 1), before.lines});
  }
}

}  // namespace

std::string plan_ics(const json& plan_view, const PlanIcsOptions& options) {
  Field view(plan_view, "");
  if (std::string kind = view["kind"].text(); kind != "commplan/plan")
    malformed("kind", fmt::format("expected \"commplan/plan\", got \"{}\"", kind));
  Field project = view["project"];
  Context context{lang_of(view), agendas(view), project["name"].text(), project["client"].text(),
                  organizer(view)};
  ics::Calendar calendar;
  calendar.prodid = fmt::format("-//commplan//commplan {}//EN", COMMPLAN_VERSION);
  calendar.name = context.project;
  calendar.timezone = project["timezone"].text();
  calendar.stamp = view["date"].date();
  if (options.latest_stamp && *options.latest_stamp < calendar.stamp)
    calendar.stamp = *options.latest_stamp;
  for (const Field& t : view["touchpoints"].items()) calendar.events.push_back(event(t, context));
  if (options.previous != nullptr) update_from(calendar, *options.previous);
  return write_calendar(calendar);
}

}  // namespace commplan
