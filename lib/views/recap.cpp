#include "views/recap.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "util/text.hpp"
#include "views/calendar.hpp"
#include "views/i18n.hpp"
#include "views/schedule.hpp"

namespace commplan {

namespace {

using json = nlohmann::json;
using FindingList = std::vector<const Finding*>;

constexpr std::array<Phrase, 5> kSeverityLabels = {
    {{"Critical", "严重"}, {"High", "高"}, {"Medium", "中"}, {"Low", "低"}, {"Info", "提示"}}};
constexpr Phrase kUnrated{"Unrated", "未定级"};

constexpr std::array<Phrase, 5> kStatusLabels = {{{"Open", "待处理"},
                                                  {"Agreed", "已确认"},
                                                  {"In progress", "处理中"},
                                                  {"Resolved", "已解决"},
                                                  {"Won't fix", "暂不处理"}}};
constexpr Phrase kStatusUnset{"Not set", "未设置"};

constexpr std::array<Phrase, 7> kWeekdayLabels = {{{"Monday", "周一"},
                                                   {"Tuesday", "周二"},
                                                   {"Wednesday", "周三"},
                                                   {"Thursday", "周四"},
                                                   {"Friday", "周五"},
                                                   {"Saturday", "周六"},
                                                   {"Sunday", "周日"}}};

constexpr Phrase kNoPhase{"Without a phase", "未归入阶段"};
constexpr Phrase kListSeparator{", ", "、"};

constexpr Phrase kDailyQuestions[] = {
    {"Do today's findings match what you see? Is anything wrong or missing?",
     "今天的发现和您了解的情况一致吗？有没有说错或者漏掉的？"},
    {"Is there anything we should focus on, or stay away from, tomorrow?",
     "明天的工作有没有需要特别关注、或者需要避开的地方？"},
};
constexpr Phrase kDailySupportQuestion{"Who can arrange the support we need, and by when?",
                                       "需要的支持能否安排？由谁对接，什么时候能到位？"};

constexpr Phrase kPhaseQuestions[] = {
    {"Do these findings match what you see day to day? Is anything missing, or rated too high "
     "or too low?",
     "这些问题和您日常掌握的情况一致吗？有没有遗漏，或者严重程度定得偏高、偏低的？"},
    {"Is each recommendation workable for you: budget, timing, and the people who would carry "
     "it out?",
     "每条建议在预算、时间和人手上是否可行？"},
    {"Where would a recommendation be hard to carry out, and what would work better for you?",
     "哪些建议落地会有困难？难在哪里？有没有更适合贵方的做法？"},
    {"What should the report stress, and who will read it?",
     "正式报告里您希望重点讲清楚哪些内容？报告主要给谁看？"},
};

constexpr Phrase kFinalQuestions[] = {
    {"Does this picture of the engagement match yours? Did we miss or overstate anything?",
     "这份总结和您对整个项目的了解一致吗？有没有遗漏或者说重了的地方？"},
    {"Which open items need a decision from management, and who will own them?",
     "哪些未关闭的问题需要管理层拍板？由谁负责跟进？"},
    {"Which recommendations will you act on first, and what could stand in the way?",
     "您打算先落实哪几条建议？可能会遇到什么阻力？"},
    {"What should we change or stress in the final report before we issue it?",
     "正式报告发出之前，还有哪些地方需要我们修改或者重点说明？"},
};

// The final recap's suggested length (meeting times and the other lengths: schedule.hpp).
constexpr int kFinalMin = 30, kFinalMax = 120, kFinalNormalMax = 60;
constexpr size_t kLargeFindings = 20, kLargeWorkdays = 15;

std::string text(std::string_view s) { return std::string(s); }

json optional_date(const std::optional<Date>& day) {
  return day ? json(format_date(*day)) : json();
}

std::string weekday_label(Date day, Lang lang) {
  return text(kWeekdayLabels[static_cast<size_t>(weekday_index(day))].in(lang));
}

std::string severity_label(std::optional<Severity> s, Lang lang) {
  return text(s ? kSeverityLabels[static_cast<size_t>(*s)].in(lang) : kUnrated.in(lang));
}

std::string status_label(std::optional<Status> s, Lang lang) {
  return text(s ? kStatusLabels[static_cast<size_t>(*s)].in(lang) : kStatusUnset.in(lang));
}

bool is_open_status(Status s) { return s != Status::resolved && s != Status::wont_fix; }

/// Still to be dealt with: open, agreed, in progress, or no status at all.
bool is_open(const Finding& f) { return !f.status || is_open_status(*f.status); }

int severity_rank(const Finding& f) {
  return f.severity ? static_cast<int>(*f.severity) : static_cast<int>(kSeverityLabels.size());
}

/// Most severe first, then earliest found (undated last), then by id.
bool more_severe(const Finding* a, const Finding* b) {
  if (severity_rank(*a) != severity_rank(*b)) return severity_rank(*a) < severity_rank(*b);
  if (a->found.has_value() != b->found.has_value()) return a->found.has_value();
  if (a->found && *a->found != *b->found) return *a->found < *b->found;
  return a->id < b->id;
}

void sort_by_severity(FindingList& findings) {
  std::sort(findings.begin(), findings.end(), more_severe);
}

template <size_t N>
json questions_json(const Phrase (&phrases)[N], Lang lang) {
  json list = json::array();
  for (const Phrase& p : phrases) list.push_back(text(p.in(lang)));
  return list;
}

json strings_json(const std::vector<std::string>& items) { return json(items); }

/// The project's phases, standards and calendar, indexed once for every lookup a recap makes.
struct Lookup {
  Lookup(const Project& p, Lang l) : project(p), lang(l), calendar(p) {
    for (const Phase& phase : p.phases) phases.emplace(phase.id, &phase);
    for (const Standard& standard : p.standards) standards.emplace(standard.id, &standard);
  }

  const Phase* phase(std::string_view id) const {
    auto it = phases.find(id);
    return it == phases.end() ? nullptr : it->second;
  }
  const Standard* standard(std::string_view id) const {
    auto it = standards.find(id);
    return it == standards.end() ? nullptr : it->second;
  }

  const Project& project;
  Lang lang;
  Calendar calendar;
  std::unordered_map<std::string_view, const Phase*> phases;
  std::unordered_map<std::string_view, const Standard*> standards;
};

/// Writes an object's members in key order: into a new object, or over the members of an
/// object written before with the same keys, reusing their storage. A lazy list's items are
/// written this way one over the other (View), so 17,000 findings cost few allocations.
class MemberWriter {
 public:
  explicit MemberWriter(json& j) : fresh_(!j.is_object()) {
    if (fresh_) j = json::object();
    object_ = &j.get_ref<json::object_t&>();
    next_ = object_->begin();
  }

  void put(const char* key, std::string_view value) {
    json& slot = at(key);
    if (slot.is_string())
      slot.get_ref<std::string&>().assign(value);
    else
      slot = std::string(value);
  }
  /// The text, or null.
  void put_or_null(const char* key, const std::optional<std::string_view>& value) {
    if (value)
      put(key, *value);
    else
      at(key) = nullptr;
  }
  void put(const char* key, bool value) { at(key) = value; }

 private:
  /// The member `key`: added at the end of a new object, else the next member of the old one,
  /// which must have been written with the same keys in the same (sorted) order.
  json& at(const char* key) {
    if (fresh_) return object_->emplace_hint(object_->end(), key, nullptr)->second;
    assert(next_ != object_->end() && next_->first == key);
    return (next_++)->second;
  }

  bool fresh_;
  json::object_t* object_;
  json::object_t::iterator next_;
};

/// Writes finding `f` into `j` (see MemberWriter), its members in key order.
void write_finding(json& j, const Finding& f, const Lookup& in) {
  const Phase* phase = in.phase(f.phase);
  const Standard* standard = in.standard(f.standard);
  auto name = [](auto value) { return std::optional<std::string_view>(to_string(value)); };
  std::string found = f.found ? format_date(*f.found) : std::string();
  MemberWriter w(j);
  w.put("client_feedback", f.client_feedback);
  w.put("evidence", f.evidence);
  w.put_or_null("found", f.found ? std::optional<std::string_view>(found) : std::nullopt);
  w.put("id", f.id);
  w.put("impact", f.impact);
  w.put("open", is_open(f));
  w.put("owner", f.owner);
  w.put("phase", f.phase);
  w.put("phase_name", phase ? std::string_view(phase->name) : std::string_view());
  w.put("recommendation", f.recommendation);
  w.put_or_null("severity", f.severity ? name(*f.severity) : std::nullopt);
  w.put("severity_label", severity_label(f.severity, in.lang));
  w.put("standard", f.standard);
  w.put("standard_title", standard ? std::string_view(standard->title) : std::string_view());
  w.put_or_null("status", f.status ? name(*f.status) : std::nullopt);
  w.put("status_label", status_label(f.status, in.lang));
  w.put("title", f.title);
}

/// Puts `findings` at `at` (a JSON pointer) in the view, as a list made as it is read.
void add_findings(View& view, std::string at, FindingList findings,
                  const std::shared_ptr<const Lookup>& in) {
  auto list = std::make_shared<const FindingList>(std::move(findings));
  view.add_list(std::move(at), list->size(),
                [list, in](size_t i, json& item) { write_finding(item, *(*list)[i], *in); });
}

/// The recap meeting of `kind` on `day`, timed as the plan times it (schedule.hpp): the file's
/// time or the default one, and its length kept within the method's range (with a warning).
json meeting_json(TouchpointKind kind, Date day, const Lookup& in, Diagnostics& diagnostics) {
  const Meeting& meeting = meeting_of(in.project, kind);
  const MeetingRule& rule = meeting_rule(kind);
  int minutes = meeting_duration(in.project, kind, &diagnostics);
  int start = meeting_time(in.project, kind);
  return {{"date", format_date(day)},
          {"weekday", weekday_label(day, in.lang)},
          {"time", format_time(start)},
          {"end_time", format_time(start + minutes)},
          {"duration", minutes},
          {"duration_from_file", meeting.duration.has_value()},
          {"duration_min", rule.min_duration},
          {"duration_max", rule.max_duration},
          {"location", meeting.location},
          {"attendees", strings_json(meeting.attendees)},
          {"attendees_text", join(meeting.attendees, kListSeparator.in(in.lang))}};
}

json recap_header(const Project& project, const ViewOptions& options, RecapLevel level) {
  json view = view_header("recap", project, options);
  view["level"] = text(to_string(level));
  return view;
}

// ---- daily -------------------------------------------------------------------------------

/// The days a daily recap reports on: after the previous workday (not before the engagement
/// starts) up to and including the recap's day.
struct Window {
  Date from, to;
  std::optional<Date> previous;  ///< the previous workday within the engagement
};

Window recap_window(const Lookup& in, Date day) {
  const Date start = in.project.project.start;
  std::optional<Date> previous = in.calendar.previous_workday(day);
  if (previous && *previous < start) previous.reset();
  Date from = previous ? add_days(*previous, 1) : std::max(start, day);
  return {from, day, previous};
}

json window_json(const Window& w, const Lookup& in) {
  json days_off = json::array();
  for (Date d = w.from; d < w.to; d = add_days(d, 1)) {
    if (in.calendar.is_workday(d)) continue;
    bool holiday = in.calendar.is_holiday(d);
    days_off.push_back(
        {{"date", format_date(d)}, {"weekday", weekday_label(d, in.lang)}, {"holiday", holiday}});
  }
  for (size_t i = 0; i < days_off.size(); ++i) days_off[i]["last"] = i + 1 == days_off.size();
  return {{"from", format_date(w.from)},
          {"to", format_date(w.to)},
          {"days", days_between(w.from, w.to) + 1},
          {"previous_recap", optional_date(w.previous)},
          {"previous_weekday", w.previous ? json(weekday_label(*w.previous, in.lang)) : json()},
          {"has_days_off", !days_off.empty()},
          {"days_off", days_off}};
}

/// The findings found inside the window, and the open ones found before it (or undated).
std::pair<FindingList, FindingList> split_by_window(const Project& project, const Window& w) {
  FindingList fresh, still_open;
  for (const Finding& f : project.findings) {
    if (f.found && w.from <= *f.found && *f.found <= w.to)
      fresh.push_back(&f);
    else if (is_open(f) && (!f.found || *f.found < w.from))
      still_open.push_back(&f);
  }
  sort_by_severity(fresh);
  sort_by_severity(still_open);
  return {fresh, still_open};
}

const LogEntry* log_entry_of(const Project& project, Date day) {
  for (const LogEntry& entry : project.log)
    if (entry.date == day) return &entry;
  return nullptr;
}

json log_json(const LogEntry* entry) {
  static const std::vector<std::string> none;
  return {{"recorded", entry != nullptr},
          {"done", strings_json(entry ? entry->done : none)},
          {"support_needed", strings_json(entry ? entry->support_needed : none)},
          {"questions", strings_json(entry ? entry->questions : none)},
          {"has_questions", entry != nullptr && !entry->questions.empty()}};
}

json active_phases_json(const Project& project, Date day) {
  json list = json::array();
  for (const Phase& phase : project.phases)
    if (phase.start <= day && day <= phase.end)
      list.push_back({{"id", phase.id},
                      {"name", phase.name},
                      {"owner", phase.owner},
                      {"activities", strings_json(phase.activities)}});
  return list;
}

/// Tomorrow's plan: the log entry's `next`, else the phases active on the next workday.
json tomorrow_json(const Lookup& in, Date day, const LogEntry* entry) {
  std::optional<Date> next = in.calendar.next_workday(day);
  if (next && *next > in.project.project.end) next.reset();
  bool from_log = entry != nullptr && !entry->next.empty();
  json phases = from_log || !next ? json::array() : active_phases_json(in.project, *next);
  return {{"date", optional_date(next)},
          {"weekday", next ? json(weekday_label(*next, in.lang)) : json()},
          {"last_workday", !next.has_value()},
          {"from_log", from_log},
          {"items", strings_json(from_log ? entry->next : std::vector<std::string>{})},
          {"from_phases", !phases.empty()},
          {"phases", phases},
          {"nothing_planned", !from_log && phases.empty()}};
}

/// A recap day should be a workday; holidays and days off still render, with a warning.
void warn_if_day_off(const Lookup& in, Date day, Diagnostics& diagnostics) {
  if (in.calendar.is_workday(day)) return;
  const ProjectInfo& info = in.project.project;
  bool holiday = in.calendar.is_holiday(day);
  warn(diagnostics, info.origin, holiday ? "holidays" : "workdays",
       holiday ? fmt::format("{} is a holiday, not a workday", format_date(day))
               : fmt::format("{} is a {}, not a workday", format_date(day),
                             weekday_label(day, Lang::en)));
}

void warn_if_unrecorded(const Project& project, Date day, const LogEntry* entry, bool fresh,
                        Diagnostics& diagnostics) {
  if (entry != nullptr) return;
  warn(diagnostics, project.origin, "log",
       fresh
           ? fmt::format("no log entry for {}: the recap shows only its findings", format_date(day))
           : fmt::format("nothing recorded for {}: no log entry and no finding found",
                         format_date(day)));
}

json daily_questions(const LogEntry* entry, Lang lang) {
  json list = json::array({text(kDailyQuestions[0].in(lang))});
  if (entry != nullptr && !entry->support_needed.empty())
    list.push_back(text(kDailySupportQuestion.in(lang)));
  list.push_back(text(kDailyQuestions[1].in(lang)));
  return list;
}

bool check_in_engagement(const ProjectInfo& info, Date day, Diagnostics& diagnostics) {
  if (info.start <= day && day <= info.end) return true;
  diagnostics.error("--date", {}, {},
                    fmt::format("{} is outside the engagement ({} to {}); pick a day in it",
                                format_date(day), format_date(info.start), format_date(info.end)));
  return false;
}

View build_daily(const Project& project, const ViewOptions& options, Diagnostics& diagnostics) {
  const Date day = options.today;
  if (!check_in_engagement(project.project, day, diagnostics)) return json();
  auto shared = std::make_shared<const Lookup>(project, options.lang);
  const Lookup& in = *shared;
  warn_if_day_off(in, day, diagnostics);
  Window window = recap_window(in, day);
  auto [fresh, still_open] = split_by_window(project, window);
  const LogEntry* entry = log_entry_of(project, day);
  warn_if_unrecorded(project, day, entry, !fresh.empty(), diagnostics);

  View result(recap_header(project, options, RecapLevel::daily));
  json& view = result.data;
  view["meeting"] = meeting_json(TouchpointKind::daily, day, in, diagnostics);
  view["workday"] = in.calendar.is_workday(day);
  view["window"] = window_json(window, in);
  view["has_new_findings"] = !fresh.empty();
  view["has_open_findings"] = !still_open.empty();
  view["nothing_recorded"] = entry == nullptr && fresh.empty();
  add_findings(result, "/new_findings", std::move(fresh), shared);
  add_findings(result, "/open_findings", std::move(still_open), shared);
  view["log"] = log_json(entry);
  view["tomorrow"] = tomorrow_json(in, day, entry);
  view["feedback_questions"] = daily_questions(entry, options.lang);
  return result;
}

// ---- phase -------------------------------------------------------------------------------

std::vector<std::string> phase_ids(const Project& project) {
  std::vector<std::string> ids;
  for (const Phase& phase : project.phases) ids.push_back(phase.id);
  return ids;
}

const Phase* named_phase(const Lookup& in, const std::string& id, Diagnostics& diagnostics) {
  if (const Phase* phase = in.phase(id)) return phase;
  std::vector<std::string> ids = phase_ids(in.project);
  std::string close = closest_name(id, ids);
  std::string hint = close.empty() ? fmt::format("; the phases are {}", join(ids, ", "))
                                   : fmt::format("; did you mean \"{}\"?", close);
  if (ids.empty()) hint = "; the project has no phases";
  diagnostics.error("--phase", {}, {}, fmt::format("no phase has the id \"{}\"{}", id, hint));
  return nullptr;
}

/// The latest phase that ended on or before `day` (the later start wins a tie, then the later
/// one in the file).
const Phase* default_phase(const Project& project, Date day, Diagnostics& diagnostics) {
  const Phase* latest = nullptr;
  const Phase* first_to_end = nullptr;
  for (const Phase& phase : project.phases) {
    if (!first_to_end || phase.end < first_to_end->end) first_to_end = &phase;
    if (phase.end <= day &&
        (!latest || std::pair(latest->end, latest->start) <= std::pair(phase.end, phase.start)))
      latest = &phase;
  }
  if (latest) return latest;
  diagnostics.error(
      "--phase", {}, {},
      first_to_end ? fmt::format("no phase has ended by {}; the first to end is \"{}\" on {} "
                                 "(name it with --phase to recap it early)",
                                 format_date(day), first_to_end->id, format_date(first_to_end->end))
                   : std::string("the project has no phases to recap"));
  return nullptr;
}

/// The day of a phase recap: the phase's last workday (its end when it has none).
Date phase_recap_day(const Lookup& in, const Phase& phase) {
  for (Date d = phase.end; d >= phase.start; d = add_days(d, -1))
    if (in.calendar.is_workday(d)) return d;
  return phase.end;
}

json standard_json(std::string_view id, const Standard* standard, int count, bool referenced) {
  return {{"id", text(id)},
          {"title", standard ? standard->title : ""},
          {"findings", count},
          {"referenced", referenced}};
}

/// Every standard with its number of `findings`: those referred to first (in the file's order,
/// then ids the file does not declare, sorted), then the rest in the file's order.
json standards_json(const Lookup& in, const FindingList& findings, bool referenced_first) {
  std::map<std::string_view, int> counts;
  for (const Finding* f : findings)
    if (!f->standard.empty()) ++counts[f->standard];
  json referenced = json::array(), rest = json::array();
  for (const Standard& s : in.project.standards) {
    auto it = counts.find(s.id);
    int count = it == counts.end() ? 0 : it->second;
    (count > 0 || !referenced_first ? referenced : rest)
        .push_back(standard_json(s.id, &s, count, count > 0));
  }
  for (const auto& [id, count] : counts)
    if (in.standard(id) == nullptr) referenced.push_back(standard_json(id, nullptr, count, true));
  for (auto& s : rest) referenced.push_back(std::move(s));
  return referenced;
}

/// A count per severity, every level present and in order; "unrated" only when there are any.
json severity_counts(const FindingList& findings, Lang lang) {
  std::array<int, kSeverityLabels.size() + 1> counts{};
  for (const Finding* f : findings) ++counts[static_cast<size_t>(severity_rank(*f))];
  json list = json::array();
  for (size_t i = 0; i < counts.size(); ++i) {
    if (i == kSeverityLabels.size() && counts[i] == 0) break;
    bool rated = i < kSeverityLabels.size();
    list.push_back({{"severity", rated ? json(text(to_string(static_cast<Severity>(i)))) : json()},
                    {"label", text(rated ? kSeverityLabels[i].in(lang) : kUnrated.in(lang))},
                    {"count", counts[i]}});
  }
  return list;
}

json phase_json(const Phase& phase) {
  return {{"id", phase.id},
          {"name", phase.name},
          {"owner", phase.owner},
          {"start", format_date(phase.start)},
          {"end", format_date(phase.end)},
          {"one_day", phase.start == phase.end},
          {"activities", strings_json(phase.activities)}};
}

FindingList findings_of_phase(const Project& project, std::string_view id) {
  FindingList list;
  for (const Finding& f : project.findings)
    if (f.phase == id) list.push_back(&f);
  sort_by_severity(list);
  return list;
}

View build_phase(const Project& project, const ViewOptions& options, const std::string& id,
                 Diagnostics& diagnostics) {
  auto shared = std::make_shared<const Lookup>(project, options.lang);
  const Lookup& in = *shared;
  const Phase* phase = id.empty() ? default_phase(project, options.today, diagnostics)
                                  : named_phase(in, id, diagnostics);
  if (phase == nullptr) return json();
  FindingList findings = findings_of_phase(project, phase->id);

  View result(recap_header(project, options, RecapLevel::phase));
  json& view = result.data;
  view["meeting"] =
      meeting_json(TouchpointKind::phase, phase_recap_day(in, *phase), in, diagnostics);
  view["phase"] = phase_json(*phase);
  view["phase_chosen"] = id.empty() ? "latest-ended" : "option";
  view["standards"] = standards_json(in, findings, true);
  view["has_standards"] = !view["standards"].empty();
  view["has_findings"] = !findings.empty();
  view["finding_count"] = findings.size();
  view["by_severity"] = severity_counts(findings, options.lang);
  view["feedback_questions"] = questions_json(kPhaseQuestions, options.lang);
  add_findings(result, "/findings", std::move(findings), shared);
  return result;
}

// ---- final -------------------------------------------------------------------------------

json status_counts(const Project& project, Lang lang) {
  std::array<int, kStatusLabels.size() + 1> counts{};
  for (const Finding& f : project.findings)
    ++counts[f.status ? static_cast<size_t>(*f.status) : kStatusLabels.size()];
  json list = json::array();
  for (size_t i = 0; i < counts.size(); ++i) {
    if (i == kStatusLabels.size() && counts[i] == 0) break;
    bool set = i < kStatusLabels.size();
    list.push_back({{"status", set ? json(text(to_string(static_cast<Status>(i)))) : json()},
                    {"label", text(set ? kStatusLabels[i].in(lang) : kStatusUnset.in(lang))},
                    {"open", !set || is_open_status(static_cast<Status>(i))},
                    {"count", counts[i]}});
  }
  return list;
}

/// The findings of each phase, indexed in one pass; those of no known phase under "".
std::unordered_map<std::string_view, FindingList> findings_by_phase(const Lookup& in) {
  std::unordered_map<std::string_view, FindingList> groups;
  for (const Finding& f : in.project.findings)
    groups[in.phase(f.phase) ? std::string_view(f.phase) : std::string_view()].push_back(&f);
  for (auto& [id, list] : groups) sort_by_severity(list);
  return groups;
}

/// The phases, each with its findings (a list made as it is read), and the findings of no
/// known phase last; at view["phases"].
void add_phase_groups(View& view, const std::shared_ptr<const Lookup>& in) {
  auto groups = findings_by_phase(*in);
  json& list = view.data["phases"] = json::array();
  auto add = [&](json head, FindingList findings) {
    head["has_findings"] = !findings.empty();
    head["finding_count"] = findings.size();
    list.push_back(std::move(head));
    add_findings(view, fmt::format("/phases/{}/findings", list.size() - 1), std::move(findings),
                 in);
  };
  for (const Phase& phase : in->project.phases) {
    auto it = groups.find(phase.id);
    add(phase_json(phase), it == groups.end() ? FindingList() : std::move(it->second));
  }
  if (auto it = groups.find(std::string_view()); it != groups.end())
    add({{"id", nullptr},
         {"name", text(kNoPhase.in(in->lang))},
         {"owner", ""},
         {"start", nullptr},
         {"end", nullptr},
         {"one_day", false},
         {"activities", json::array()}},
        std::move(it->second));
}

View build_final(const Project& project, const ViewOptions& options, Diagnostics& diagnostics) {
  auto shared = std::make_shared<const Lookup>(project, options.lang);
  const Lookup& in = *shared;
  FindingList all, open;
  for (const Finding& f : project.findings) {
    all.push_back(&f);
    if (is_open(f)) open.push_back(&f);
  }
  sort_by_severity(open);
  const ProjectInfo& info = project.project;
  const Meeting& meeting = project.meetings.final_recap;
  Date day = meeting.date.value_or(in.calendar.last_workday().value_or(info.end));
  size_t workdays = in.calendar.workdays(info.start, info.end).size();

  View result(recap_header(project, options, RecapLevel::final));
  json& view = result.data;
  view["meeting"] = meeting_json(TouchpointKind::final, day, in, diagnostics);
  view["engagement"] = {{"workdays", workdays},
                        {"findings", all.size()},
                        {"large", all.size() > kLargeFindings || workdays > kLargeWorkdays},
                        {"suggested_duration", suggested_final_minutes(all.size(), workdays)}};
  view["totals"] = {
      {"findings", all.size()}, {"open", open.size()}, {"closed", all.size() - open.size()}};
  view["by_severity"] = severity_counts(all, options.lang);
  view["by_status"] = status_counts(project, options.lang);
  view["standards"] = standards_json(in, all, false);
  view["has_standards"] = !view["standards"].empty();
  view["has_open_items"] = !open.empty();
  view["feedback_questions"] = questions_json(kFinalQuestions, options.lang);
  add_phase_groups(result, shared);
  add_findings(result, "/open_items", std::move(open), shared);
  return result;
}

}  // namespace

std::string_view to_string(RecapLevel level) {
  switch (level) {
    case RecapLevel::daily:
      return "daily";
    case RecapLevel::phase:
      return "phase";
    case RecapLevel::final:
      return "final";
  }
  return "daily";
}

std::optional<RecapLevel> parse_recap_level(std::string_view text) {
  for (RecapLevel level : {RecapLevel::daily, RecapLevel::phase, RecapLevel::final})
    if (to_string(level) == text) return level;
  return std::nullopt;
}

std::string recap_template(RecapLevel level) { return fmt::format("recap-{}", to_string(level)); }

int suggested_final_minutes(size_t findings, size_t workdays) {
  const bool large = findings > kLargeFindings || workdays > kLargeWorkdays;
  int minutes = kFinalMin + 3 * static_cast<int>(std::min<size_t>(findings, 1000));
  minutes = (minutes + 14) / 15 * 15;
  return std::clamp(minutes, kFinalMin, large ? kFinalMax : kFinalNormalMax);
}

View build_recap(const Project& project, const ViewOptions& options, const RecapOptions& recap,
                 Diagnostics& diagnostics) {
  switch (recap.level) {
    case RecapLevel::daily:
      return build_daily(project, options, diagnostics);
    case RecapLevel::phase:
      return build_phase(project, options, recap.phase, diagnostics);
    case RecapLevel::final:
      return build_final(project, options, diagnostics);
  }
  return json();
}

}  // namespace commplan
