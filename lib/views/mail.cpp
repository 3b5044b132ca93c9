#include "views/mail.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "words/words.hpp"

namespace commplan {

namespace {

using nlohmann::json;

struct Person {
  std::string_view name, email;
  bool ours = false;
};

/// The people of both teams by name: a name in both (or twice in one) is the first of ours,
/// else the first of theirs, as the plan takes it.
std::unordered_map<std::string_view, Person> people_by_name(const Project& project) {
  std::unordered_map<std::string_view, Person> people;
  for (const Member& m : project.team) people.try_emplace(m.name, Person{m.name, m.email, true});
  for (const ClientMember& m : project.client_team)
    people.try_emplace(m.name, Person{m.name, m.email, false});
  return people;
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// The lists of a mail: each address once, across From, To and Cc.
class Recipients {
 public:
  /// Adds the person to `list` unless it has no address or the address is listed already.
  void add(json& list, std::string_view name, std::string_view email) {
    if (email.empty() || !seen_.insert(lowercase(email)).second) return;
    list.push_back({{"name", name}, {"email", email}});
  }
  /// Takes the address as used (the sender's), listing it nowhere.
  void take(std::string_view email) { seen_.insert(lowercase(email)); }

 private:
  std::unordered_set<std::string> seen_;
};

const Member* mail_sender(const Project& project) {
  for (const Member& m : project.team)
    if (!m.email.empty()) return &m;
  return nullptr;
}

std::string text_at(const json& view, const json::json_pointer& at) {
  if (!view.contains(at)) return "";
  const json& value = view.at(at);
  return value.is_string() ? value.get<std::string>() : "";
}

/// The subject pattern of the view's brief.
std::string_view subject_pattern(const json& view, const Words::Mail& w) {
  std::string kind = text_at(view, json::json_pointer("/kind"));
  if (kind == "commplan/kickoff") return w.kickoff;
  if (kind == "commplan/minutes") return w.minutes;
  if (kind == "commplan/plan") return w.plan;
  if (kind == "commplan/five-w2h") return w.five_w2h;
  std::string level = text_at(view, json::json_pointer("/level"));
  if (level == "phase") return w.phase;
  if (level == "final") return w.final;
  return w.daily;
}

std::string subject(const json& view) {
  Lang lang = language_named(text_at(view, json::json_pointer("/lang"))).value_or(Lang::en);
  std::string date = text_at(view, json::json_pointer("/meeting/date"));
  if (date.empty()) date = text_at(view, json::json_pointer("/date"));
  std::string phase = text_at(view, json::json_pointer("/phase/name"));
  if (phase.empty()) phase = text_at(view, json::json_pointer("/phase/id"));
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  args.push_back(fmt::arg("project", text_at(view, json::json_pointer("/project/name"))));
  args.push_back(fmt::arg("date", date));
  args.push_back(fmt::arg("meeting", text_at(view, json::json_pointer("/meeting/name"))));
  args.push_back(fmt::arg("phase", phase));
  return fmt::vformat(subject_pattern(view, words(lang).mail), args);
}

}  // namespace

std::vector<std::string> attendee_names(const Touchpoint* meeting) {
  std::vector<std::string> names;
  if (meeting != nullptr)
    for (const Attendee& a : meeting->attendees) names.push_back(a.name);
  return names;
}

std::vector<std::string> everyone(const Project& project) {
  std::vector<std::string> names;
  for (const Member& m : project.team) names.push_back(m.name);
  for (const ClientMember& m : project.client_team) names.push_back(m.name);
  return names;
}

std::vector<std::string> names_in(const json& list) {
  std::vector<std::string> names;
  if (!list.is_array()) return names;
  for (const json& item : list) {
    if (item.is_string()) names.push_back(item.get<std::string>());
    if (item.is_object() && item.contains("name") && item["name"].is_string())
      names.push_back(item["name"].get<std::string>());
  }
  return names;
}

json mail_json(const Project& project, const json& view,
               const std::vector<std::string>& attendees) {
  Recipients recipients;
  json from = nullptr, to = json::array(), cc = json::array();
  if (const Member* lead = mail_sender(project)) {
    from = {{"name", lead->name}, {"email", lead->email}};
    recipients.take(lead->email);
  }
  if (const ClientMember* contact = contact_person(project))
    recipients.add(to, contact->name, contact->email);
  auto people = people_by_name(project);
  std::vector<const Person*> ours;
  for (const std::string& name : attendees) {
    auto it = people.find(name);
    if (it == people.end()) continue;  // a guest: no address
    if (it->second.ours)
      ours.push_back(&it->second);
    else
      recipients.add(to, it->second.name, it->second.email);
  }
  for (const Person* p : ours) recipients.add(cc, p->name, p->email);
  return {{"from", std::move(from)},
          {"to", std::move(to)},
          {"cc", std::move(cc)},
          {"subject", subject(view)}};
}

void add_mail(json& view, const Project& project, const std::vector<std::string>& attendees) {
  view["mail"] = mail_json(project, view, attendees);
}

void add_mail(json& view, const Project& project, const Touchpoint* meeting) {
  add_mail(view, project, attendee_names(meeting));
}

}  // namespace commplan
