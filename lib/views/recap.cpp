#include "views/recap.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "util/text.hpp"
#include "views/actions.hpp"
#include "views/calendar.hpp"
#include "views/deadlines.hpp"
#include "views/finding_json.hpp"
#include "views/mail.hpp"
#include "views/method.hpp"
#include "views/plan_text.hpp"
#include "views/schedule.hpp"
#include "words/words.hpp"

namespace commplan {

namespace {

using json = nlohmann::json;
using FindingList = std::vector<const Finding*>;

// How many severities and statuses there are: Words::Recap has a label for each.
constexpr size_t kSeverityCount = std::tuple_size_v<decltype(Words::Recap::severities)>;
constexpr size_t kStatusCount = std::tuple_size_v<decltype(Words::Recap::statuses)>;

std::string text(std::string_view s) { return std::string(s); }

json optional_date(const std::optional<Date>& day) {
  return day ? json(format_date(*day)) : json();
}

std::string weekday_label(Date day, Lang lang) { return text(weekday_name(day, lang)); }

/// Closed because the client fixed it (resolved) or we re-tested the fix (verified).
bool is_fixed_status(std::optional<Status> s) {
  return s == Status::resolved || s == Status::verified;
}

int severity_rank(std::optional<Severity> s) {
  return s ? static_cast<int>(*s) : static_cast<int>(kSeverityCount);
}

/// The findings as they stood at the end of one day (finding_fields_as_of): worked out once
/// for a page, in one pass over the findings and their histories, and indexed like
/// project.findings. Every list, count and order of the page reads them here, so a page of a
/// past day stays as it was when later changes are recorded.
class Standing {
 public:
  Standing(const Project& project, Date day) : day_(day), first_(project.findings.data()) {
    states_.reserve(project.findings.size());
    for (const Finding& f : project.findings) {
      std::optional<FindingFields> fields = finding_fields_as_of(f, day);
      states_.emplace_back(fields.has_value() && !f.good_practice, fields.has_value(),
                           fields ? fields->status : std::nullopt,
                           fields ? fields->severity : std::nullopt,
                           fields ? fields->client_feedback : std::string_view(f.client_feedback));
    }
  }

  /// The day the findings stand as of.
  Date day() const { return day_; }
  /// Whether `f` (a finding of the project) is a problem found by the day, or with no found
  /// date: every list and count of problems reads this; a good practice is never one.
  bool known(const Finding& f) const { return at(f).known; }
  /// Whether `f` is a good practice seen by the day (listed apart from the problems).
  bool good_practice(const Finding& f) const { return f.good_practice && at(f).seen; }
  std::optional<Status> status(const Finding& f) const { return at(f).status(); }
  std::optional<Severity> severity(const Finding& f) const { return at(f).severity(); }
  /// What the client had said of `f` by the day: the last feedback recorded, else its own.
  std::string_view client_feedback(const Finding& f) const { return at(f).client_feedback(); }
  bool open(const Finding& f) const { return is_open_status(at(f).status()); }
  int rank(const Finding& f) const { return severity_rank(at(f).severity()); }

  /// Sorts `findings` most severe first (as of the day), then earliest found (undated last),
  /// then by id. The keys are read once into an array of their own, so the comparisons read it
  /// instead of the findings, which lie far apart in memory (a 100,000-finding final recap
  /// sorts them twice). Findings of one day and severity tie until their ids, and a large
  /// register has hundreds of them a day: the ids' first 8 bytes are compared as a number, the
  /// whole ids (read from the findings) only when those are equal.
  void sort_by_severity(FindingList& findings) const {
    struct Key {             // 16 bytes
      std::uint64_t prefix;  ///< the id's first 8 bytes, big-endian, zero-padded
      std::uint32_t group;   ///< the rank, undated or not, the day found: one number
      std::uint32_t index;   ///< the finding's in the project
    };
    std::vector<Key> keys;
    keys.reserve(findings.size());
    for (const Finding* f : findings) {
      // Days from 1970 of a day in the years 1 to 9999, made positive in 23 bits.
      auto day =
          f->found ? std::chrono::sys_days(*f->found).time_since_epoch().count() + (1 << 22) : 0;
      std::uint32_t group = static_cast<std::uint32_t>(rank(*f)) << 24 |
                            static_cast<std::uint32_t>(!f->found) << 23 |
                            static_cast<std::uint32_t>(day);
      std::uint64_t prefix = 0;
      for (size_t i = 0; i < 8; ++i)
        prefix = prefix << 8 | (i < f->id.size() ? static_cast<unsigned char>(f->id[i]) : 0u);
      keys.push_back({prefix, group, static_cast<std::uint32_t>(f - first_)});
    }
    std::sort(keys.begin(), keys.end(), [this](const Key& a, const Key& b) {
      if (a.group != b.group) return a.group < b.group;
      if (a.prefix != b.prefix) return a.prefix < b.prefix;
      return first_[a.index].id < first_[b.index].id;
    });
    for (size_t i = 0; i < keys.size(); ++i) findings[i] = first_ + keys[i].index;
  }

 private:
  /// A finding's state on the day, 16 bytes (a large register holds one for each finding).
  struct State {
    State(bool is_known, bool is_seen, std::optional<Status> status,
          std::optional<Severity> severity, std::string_view client_feedback)
        : feedback(client_feedback.data()),
          feedback_size(static_cast<std::uint32_t>(client_feedback.size())),
          status_(status ? static_cast<std::uint8_t>(*status) : kNone),
          severity_(severity ? static_cast<std::uint8_t>(*severity) : kNone),
          known(is_known),
          seen(is_seen) {}

    std::optional<Status> status() const {
      if (status_ == kNone) return std::nullopt;
      return static_cast<Status>(status_);
    }
    std::optional<Severity> severity() const {
      if (severity_ == kNone) return std::nullopt;
      return static_cast<Severity>(severity_);
    }
    std::string_view client_feedback() const { return {feedback, feedback_size}; }

    static constexpr std::uint8_t kNone = 0xFF;
    const char* feedback;
    std::uint32_t feedback_size;  // a text is less than 4 GiB (Text)
    std::uint8_t status_, severity_;
    bool known;
    bool seen;  ///< found by the day, a problem or a good practice
  };
  static_assert(sizeof(State) == 16);
  const State& at(const Finding& f) const { return states_[static_cast<size_t>(&f - first_)]; }

  Date day_;
  const Finding* first_;
  std::vector<State> states_;
};

using StandingPtr = std::shared_ptr<const Standing>;

json questions_json(std::span<const std::string_view> questions) {
  json list = json::array();
  for (std::string_view q : questions) list.push_back(text(q));
  return list;
}

json strings_json(const std::vector<std::string>& items) { return json(items); }

/// The project's phases, standards, calendar and plan, indexed once for every lookup a recap
/// makes.
struct Lookup {
  Lookup(const Project& p, Lang l, Schedule s)
      : project(p), lang(l), calendar(p), schedule(std::move(s)), standards(p.standards) {
    for (const Phase& phase : p.phases) phases.emplace(phase.id, &phase);
  }

  const Phase* phase(std::string_view id) const {
    auto it = phases.find(id);
    return it == phases.end() ? nullptr : it->second;
  }
  /// The standard and clause a finding's `standard` names.
  StandardRef standard(std::string_view text) const { return standards.find(text); }

  const Project& project;
  Lang lang;
  Calendar calendar;
  Schedule schedule;
  std::unordered_map<std::string_view, const Phase*> phases;
  StandardIndex standards;
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
  void put_json(const char* key, json value) { at(key) = std::move(value); }

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

/// The lines of a text, without the line break it ends with (a YAML block text's).
std::vector<std::string_view> lines_of(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back(text.substr(start, i - start));
    if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  return lines;
}

/// A code fence longer than any run of backticks in `lines`, so none of them can close it.
std::string code_fence(const std::vector<std::string_view>& lines) {
  size_t longest = 0;
  for (std::string_view line : lines)
    for (size_t i = 0, run = 0; i < line.size(); ++i) {
      run = line[i] == '`' ? run + 1 : 0;
      longest = std::max(longest, run);
    }
  return std::string(std::max<size_t>(3, longest + 1), '`');
}

/// A multi-line evidence (a log excerpt, a configuration) keeps its line breaks and
/// indentation: the templates show it as a fenced code block of `evidence_lines`, fenced by
/// `evidence_fence`; a one-line evidence stays in the text (`evidence_block` false).
void write_evidence(MemberWriter& w, std::string_view evidence) {
  std::vector<std::string_view> lines = lines_of(evidence);
  bool block = lines.size() > 1;
  w.put("evidence_block", block);
  w.put("evidence_fence", block ? code_fence(lines) : std::string());
  w.put_json("evidence_lines", block ? json(lines) : json::array());
}

/// Writes finding `f` into `j` (see MemberWriter), its members in key order, with its status
/// and severity as they stood on the page's day.
void write_finding(json& j, const Finding& f, const Lookup& in, const Standing& as_of) {
  const std::optional<Severity> severity = as_of.severity(f);
  const std::optional<Status> status = as_of.status(f);
  const Phase* phase = in.phase(f.phase);
  StandardRef standard = in.standard(f.standard);
  auto name = [](auto value) { return std::optional<std::string_view>(to_string(value)); };
  std::string found = f.found ? format_date(*f.found) : std::string();
  MemberWriter w(j);
  w.put_json("affected", strings_json(f.affected()));
  w.put("affected_text", join(f.affected(), words(in.lang).separators.list));
  w.put("client_feedback", as_of.client_feedback(f));
  w.put_json("cvss", cvss_json(f, in.lang));
  w.put("cwe", f.cwe());
  w.put_json("due", optional_date(f.due));
  w.put("evidence", f.evidence);
  write_evidence(w, f.evidence);
  w.put_or_null("found", f.found ? std::optional<std::string_view>(found) : std::nullopt);
  w.put("id", f.id);
  w.put("impact", f.impact);
  w.put("open", is_open_status(status));
  // Still open after its remediation deadline, on the page's day.
  w.put("overdue", is_open_status(status) && f.due && *f.due < as_of.day());
  w.put("owner", f.owner);
  w.put("phase", f.phase);
  w.put("phase_name", phase ? std::string_view(phase->name) : std::string_view());
  w.put("recommendation", f.recommendation);
  w.put_json("reference_links", reference_links(f));
  w.put_json("references", strings_json(f.references()));
  w.put("references_text", join(f.references(), " "));
  w.put_json("retest", retest_json(f, in.lang, as_of.day()));
  w.put_or_null("severity", severity ? name(*severity) : std::nullopt);
  w.put("severity_label", severity_label(severity, in.lang));
  w.put("standard", f.standard);
  w.put("standard_clause", standard.clause);
  w.put("standard_id",
        standard.standard ? std::string_view(standard.standard->id) : std::string_view(f.standard));
  w.put("standard_title",
        standard.standard ? std::string_view(standard.standard->title) : std::string_view());
  w.put_or_null("status", status ? name(*status) : std::nullopt);
  w.put("status_label", status_label(status, in.lang));
  w.put("title", f.title);
}

/// Puts `findings` at `at` (a JSON pointer) in the view, as a list made as it is read.
void add_findings(View& view, std::string at, FindingList findings,
                  const std::shared_ptr<const Lookup>& in, const StandingPtr& as_of) {
  auto list = std::make_shared<const FindingList>(std::move(findings));
  view.add_list(std::move(at), list->size(), [list, in, as_of](size_t i, json& item) {
    write_finding(item, *(*list)[i], *in, *as_of);
  });
}

/// Puts `good` at "/good_practices", with `has_good_practices`.
void add_good_practices(View& view, FindingList good, const std::shared_ptr<const Lookup>& in,
                        const StandingPtr& as_of) {
  view.data["has_good_practices"] = !good.empty();
  add_findings(view, "/good_practices", std::move(good), in, as_of);
}

/// The project's lookups with its plan, as `plan` makes it. The plan's errors (a phase or an
/// engagement without a workday) stop the recap too; its warnings are `plan`'s to give.
std::shared_ptr<const Lookup> make_lookup(const Project& project, const ViewOptions& options,
                                          Diagnostics& diagnostics) {
  Diagnostics planning;
  Schedule schedule = build_schedule(project, planning, options.today);
  if (!planning.has_errors())
    return std::make_shared<const Lookup>(project, options.lang, std::move(schedule));
  for (const Diagnostic& d : planning.items())
    if (d.level == Level::error) diagnostics.add(d);
  return nullptr;
}

/// A meeting of `kind` on `day`: its settings in the file and the method's range of lengths.
json meeting_json(TouchpointKind kind, Date day, int minutes, const Lookup& in) {
  const Meeting& meeting = meeting_of(in.project, kind);
  const MeetingRule& rule = meeting_rule(kind);
  return {{"kind", text(to_string(kind))},
          {"name", plan_text::meeting_name(in.project, kind, in.lang)},
          {"date", format_date(day)},
          {"date_text", long_date(day, in.lang)},
          {"weekday", weekday_label(day, in.lang)},
          {"duration", minutes},
          {"duration_from_file", meeting.duration.has_value()},
          {"duration_min", rule.min_duration},
          {"duration_max", rule.max_duration},
          {"location", meeting.location},
          {"attendees", strings_json(meeting.attendees)},
          {"attendees_text", join(meeting.attendees, words(in.lang).separators.list)}};
}

/// The meeting `t` as the plan holds it (schedule.hpp): its day, time, length and what it
/// takes in. A length the file asks for outside the method's range is warned about.
json meeting_json(const Touchpoint& t, const Lookup& in, Diagnostics& diagnostics) {
  meeting_duration(in.project, t.kind, &diagnostics);
  json meeting = meeting_json(t.kind, t.date, t.duration, in);
  meeting["planned"] = true;
  meeting["time"] = format_time(t.start);
  meeting["end_time"] = format_time(t.start + t.duration);
  meeting["location"] = t.location;
  meeting["includes"] = strings_json(t.includes);
  return meeting;
}

/// A day the plan holds no daily recap on (not a workday): no time, the usual length.
json unplanned_daily_json(Date day, const Lookup& in, Diagnostics& diagnostics) {
  json meeting =
      meeting_json(TouchpointKind::daily, day,
                   meeting_duration(in.project, TouchpointKind::daily, &diagnostics), in);
  meeting["planned"] = false;
  meeting["time"] = nullptr;
  meeting["end_time"] = nullptr;
  meeting["includes"] = json::array();
  return meeting;
}

std::string phase_name(const Phase& phase) { return phase.name.empty() ? phase.id : phase.name; }

/// The phases `t` recaps, as "Name" or "Name, Other" (zh: 、).
std::string held_phases_text(const Touchpoint& t, const Lookup& in) {
  std::vector<std::string> names;
  for (const std::string& id : held_phases(t))
    names.push_back(in.phase(id) ? phase_name(*in.phase(id)) : id);
  return join(names, words(in.lang).separators.list);
}

/// The bigger meeting `t` a recap is held inside, for the page: its kind, time and the phases
/// it recaps.
json held_in_json(const Touchpoint& t, const Lookup& in) {
  return {{"kind", text(to_string(t.kind))},
          {"name", plan_text::meeting_name_in_text(in.project, t.kind, in.lang)},
          {"final", t.kind == TouchpointKind::final},
          {"phases_text", held_phases_text(t, in)},
          {"time", format_time(t.start)},
          {"end_time", format_time(t.start + t.duration)}};
}

/// "the phase recap of "id"" or "the final recap", for notes on stderr.
std::string meeting_words(const Touchpoint& t) {
  if (t.kind == TouchpointKind::final) return "the final recap";
  return fmt::format("the phase recap of \"{}\"", join(held_phases(t), "\", \""));
}

/// A note on stderr with no place: the recap's choices are not the file's fault.
void note(Diagnostics& diagnostics, std::string message) {
  diagnostics.note("", {}, {}, std::move(message));
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
  // The first recap's window starts with the engagement, also on a weekend or a holiday.
  Date from = previous ? add_days(*previous, 1) : std::min(start, day);
  return {from, day, previous};
}

/// Whether `day` is a weekday the team works on (a holiday on one is a day off of its own).
bool on_workweek(const Project& project, Date day) {
  auto workdays = project.workdays();
  return std::find(workdays.begin(), workdays.end(), static_cast<Weekday>(weekday_index(day))) !=
         workdays.end();
}

json window_json(const Window& w, const Lookup& in) {
  json days_off = json::array();
  for (Date d = w.from; d < w.to; d = add_days(d, 1)) {
    if (in.calendar.is_workday(d)) continue;
    bool holiday = on_workweek(in.project, d) && in.calendar.is_holiday(d);
    days_off.push_back({{"date", format_date(d)},
                        {"short_date", short_date(d, in.lang)},
                        {"weekday", weekday_label(d, in.lang)},
                        {"holiday", holiday}});
  }
  for (size_t i = 0; i < days_off.size(); ++i) days_off[i]["last"] = i + 1 == days_off.size();
  return {{"from", format_date(w.from)},
          {"to", format_date(w.to)},
          {"days", days_between(w.from, w.to) + 1},
          {"previous_recap", optional_date(w.previous)},
          {"previous_weekday", w.previous ? json(weekday_label(*w.previous, in.lang)) : json()},
          {"previous_text", w.previous ? json(day_with_weekday(*w.previous, in.lang)) : json()},
          {"has_days_off", !days_off.empty()},
          {"days_off", days_off}};
}

/// The findings found inside the window (and by the page's day), most severe first.
FindingList found_in(const Project& project, const Window& w, const Standing& as_of) {
  FindingList fresh;
  for (const Finding& f : project.findings)
    if (f.found && w.from <= *f.found && *f.found <= w.to && as_of.known(f)) fresh.push_back(&f);
  as_of.sort_by_severity(fresh);
  return fresh;
}

/// The good practices seen by the page's day of the findings `in` (all when empty, or those
/// found inside the window `w` when given, or those of phase `phase`), by id order of the file.
FindingList good_practices(const Project& project, const Standing& as_of, const Window* w = nullptr,
                           std::string_view phase = {}) {
  FindingList list;
  for (const Finding& f : project.findings) {
    if (!as_of.good_practice(f)) continue;
    if (w != nullptr && (!f.found || *f.found < w->from || w->to < *f.found)) continue;
    if (!phase.empty() && f.phase != phase) continue;
    list.push_back(&f);
  }
  return list;
}

/// The findings open on the page's day found before the window (or undated), most severe
/// first.
FindingList open_before(const Project& project, const Window& w, const Standing& as_of) {
  FindingList still_open;
  for (const Finding& f : project.findings)
    if (as_of.known(f) && as_of.open(f) && (!f.found || *f.found < w.from))
      still_open.push_back(&f);
  as_of.sort_by_severity(still_open);
  return still_open;
}

/// A change recorded in a daily recap's window: a history entry that moved a finding's status
/// or severity, with the finding's state before and after it.
struct Move {
  const Finding* finding = nullptr;
  const HistoryEntry* entry = nullptr;
  FindingFields before, after;
};
using MoveList = std::vector<Move>;

/// What moved in a window: the findings fixed (an entry that took the status to resolved or
/// verified from another) and every other change of status or severity.
struct Movement {
  MoveList fixed, changed;
};

/// Most severe first (as of the page's day), then by the change's date, then by id; changes
/// of one finding on one day stay in their history's order.
void sort_moves(MoveList& moves, const Standing& as_of) {
  std::stable_sort(moves.begin(), moves.end(), [&as_of](const Move& a, const Move& b) {
    int ra = as_of.rank(*a.finding), rb = as_of.rank(*b.finding);
    if (ra != rb) return ra < rb;
    if (a.entry->date != b.entry->date) return a.entry->date < b.entry->date;
    return a.finding->id < b.finding->id;
  });
}

/// The movement of the window's days (up to the page's day), in one pass over the findings
/// and their histories.
Movement movement_in(const Project& project, const Window& w, const Standing& as_of) {
  Movement moved;
  const Date last = std::min(w.to, as_of.day());
  for (const Finding& f : project.findings) {
    if (f.history.empty() || !as_of.known(f)) continue;
    FindingFields state = finding_first_recorded(f);
    for (const HistoryEntry& entry : f.history) {
      FindingFields before = state;
      state = apply_entry(state, entry);
      if (!entry.date.ok() || entry.date < w.from || last < entry.date) continue;
      if (states_found_status(f, entry, project.project.start)) continue;
      bool status_moved = state.status != before.status;
      if (!status_moved && state.severity == before.severity) continue;
      (status_moved && is_fixed_status(state.status) ? moved.fixed : moved.changed)
          .push_back({&f, &entry, before, state});
    }
  }
  sort_moves(moved.fixed, as_of);
  sort_moves(moved.changed, as_of);
  return moved;
}

/// Writes change `m` into `j` (see MemberWriter), its members in key order: the finding (its
/// severity as of the page's day), the entry's date, note and author, and the status and
/// severity before and after it.
void write_move(json& j, const Move& m, const Lookup& in, const Standing& as_of) {
  const Finding& f = *m.finding;
  auto name = [](auto value) {
    return value ? std::optional<std::string_view>(to_string(*value)) : std::nullopt;
  };
  const std::optional<Severity> severity = as_of.severity(f);
  MemberWriter w(j);
  w.put("by", m.entry->by);
  w.put("date", format_date(m.entry->date));
  w.put("id", f.id);
  w.put("note", m.entry->note);
  w.put_or_null("severity", name(severity));
  w.put("severity_changed", m.before.severity != m.after.severity);
  w.put_or_null("severity_from", name(m.before.severity));
  w.put("severity_from_label", severity_label(m.before.severity, in.lang));
  w.put("severity_label", severity_label(severity, in.lang));
  w.put_or_null("severity_to", name(m.after.severity));
  w.put("severity_to_label", severity_label(m.after.severity, in.lang));
  w.put("status_changed", m.before.status != m.after.status);
  w.put_or_null("status_from", name(m.before.status));
  w.put("status_from_label", status_label(m.before.status, in.lang));
  w.put_or_null("status_to", name(m.after.status));
  w.put("status_to_label", status_label(m.after.status, in.lang));
  w.put("title", f.title);
}

/// Puts `moves` at `at` (a JSON pointer) in the view, as a list made as it is read.
void add_moves(View& view, std::string at, MoveList moves, const std::shared_ptr<const Lookup>& in,
               const StandingPtr& as_of) {
  auto list = std::make_shared<const MoveList>(std::move(moves));
  view.add_list(std::move(at), list->size(), [list, in, as_of](size_t i, json& item) {
    write_move(item, (*list)[i], *in, *as_of);
  });
}

/// Every log entry of a day, one per author, ordered by author (entries without one first), so
/// a day reads the same wherever its entries are kept (the project file or log_dir's files).
/// Their items are merged in the recaps.
struct DayLog {
  std::vector<const LogEntry*> entries;
  bool attributed = false;  ///< more than one author: each item names its own

  bool recorded() const { return !entries.empty(); }
  bool any(std::vector<std::string> LogEntry::*field) const {
    return std::any_of(entries.begin(), entries.end(),
                       [field](const LogEntry* e) { return !(e->*field).empty(); });
  }
};

DayLog log_of(const Project& project, Date day) {
  DayLog log;
  for (const LogEntry& entry : project.log) {
    if (entry.date != day) continue;
    if (!log.entries.empty() && entry.by != log.entries.front()->by) log.attributed = true;
    log.entries.push_back(&entry);
  }
  std::stable_sort(log.entries.begin(), log.entries.end(),
                   [](const LogEntry* a, const LogEntry* b) { return a->by < b->by; });
  return log;
}

/// An item of the day's log with its author; `attributed` when the page names them.
json log_item_json(std::string_view item, const LogEntry& entry, const DayLog& log) {
  return {
      {"text", text(item)}, {"by", entry.by}, {"attributed", log.attributed && !entry.by.empty()}};
}

/// The items of `field` of every entry of the day, entry by entry.
json log_items_json(const DayLog& log, std::vector<std::string> LogEntry::*field) {
  json list = json::array();
  for (const LogEntry* entry : log.entries)
    for (const std::string& item : entry->*field) list.push_back(log_item_json(item, *entry, log));
  return list;
}

/// The questions we put to the client (plain texts; those the client put to us are owed).
json questions_for_client_json(const DayLog& log) {
  json list = json::array();
  for (const LogEntry* entry : log.entries)
    for (const Question& q : entry->questions)
      if (!q.from_client) list.push_back(log_item_json(q.text, *entry, log));
  return list;
}

json log_json(const DayLog& log) {
  json authors = json::array();
  for (const LogEntry* entry : log.entries)
    if (!entry->by.empty()) authors.push_back(entry->by);
  json questions = questions_for_client_json(log);
  bool has_questions = !questions.empty();
  return {{"recorded", log.recorded()},
          {"authors", std::move(authors)},
          {"attributed", log.attributed},
          {"done", log_items_json(log, &LogEntry::done)},
          {"support_needed", log_items_json(log, &LogEntry::support_needed)},
          {"questions", std::move(questions)},
          {"has_questions", has_questions}};
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

/// The next workday within the engagement, if any.
std::optional<Date> next_workday(const Lookup& in, Date day) {
  std::optional<Date> next = in.calendar.next_workday(day);
  if (next && *next > in.project.project.end) next.reset();
  return next;
}

/// The next workday's plan: the day's log entries' `next`, else the phases active on that day.
/// `is_tomorrow` tells whether it is the day after `day` (else it is after a weekend or a
/// holiday, and the page says "next workday", never "tomorrow").
json tomorrow_json(const Lookup& in, Date day, const DayLog& log) {
  std::optional<Date> next = next_workday(in, day);
  bool from_log = log.any(&LogEntry::next);
  json phases = from_log || !next ? json::array() : active_phases_json(in.project, *next);
  return {{"date", optional_date(next)},
          {"is_tomorrow", next && *next == add_days(day, 1)},
          {"day_text", next ? json(day_with_weekday(*next, in.lang)) : json()},
          {"weekday", next ? json(weekday_label(*next, in.lang)) : json()},
          {"last_workday", !next.has_value()},
          {"from_log", from_log},
          {"items", log_items_json(log, &LogEntry::next)},
          {"from_phases", !phases.empty()},
          {"phases", phases},
          {"nothing_planned", !from_log && phases.empty()}};
}

/// A recap day should be a workday; holidays and days off still render, with a warning.
/// A holiday is warned about at its item of `holidays`; a day of the week not worked at --date,
/// which asked for it (the file has no line that makes it a day off).
void warn_if_day_off(const Lookup& in, Date day, Diagnostics& diagnostics) {
  if (in.calendar.is_workday(day)) return;
  const ProjectInfo& info = in.project.project;
  if (!in.calendar.is_holiday(day)) {
    diagnostics.add(
        {Level::warning,
         "--date",
         {},
         "",
         fmt::format("{} is a {}, not a workday", format_date(day), weekday_label(day, Lang::en)),
         {},
         Source::option});
    return;
  }
  auto at = std::find(info.holidays.begin(), info.holidays.end(), day);
  diagnostics.add(info.origin.item_problem(
      Level::warning, "holidays", static_cast<size_t>(at - info.holidays.begin()),
      fmt::format("{} is a holiday, not a workday", format_date(day))));
}

void warn_if_unrecorded(const Project& project, Date day, const DayLog& log, bool findings,
                        Diagnostics& diagnostics) {
  if (log.recorded()) return;
  warn(diagnostics, project.origin, "log",
       findings
           ? fmt::format("no log entry for {}: the recap shows only its findings", format_date(day))
           : fmt::format("nothing recorded for {}: no log entry and no finding found",
                         format_date(day)));
}

/// What a daily recap reports on `day`: its window, the findings new in it, what moved in it
/// and the day's log entries (the daily recap's page adds those still open from before), as
/// they stood on the page's day (a page preparing a later meeting shows no later record).
struct Day {
  Date date;
  Window window;
  FindingList fresh;
  FindingList good;  ///< good practices found in the window
  Movement moved;
  DayLog log;

  /// Whether a finding was found, or fixed or changed, in the window: a record of the day.
  bool has_findings() const {
    return !fresh.empty() || !good.empty() || !moved.fixed.empty() || !moved.changed.empty();
  }
};

Day day_of(const Lookup& in, Date date, const Standing& as_of) {
  Window window = recap_window(in, date);
  return {date,
          window,
          found_in(in.project, window, as_of),
          good_practices(in.project, as_of, &window),
          movement_in(in.project, window, as_of),
          date <= as_of.day() ? log_of(in.project, date) : DayLog{}};
}

/// The day's new findings and movement, as lists at `at` + "/new_findings", "/fixed_findings"
/// and "/finding_changes".
void add_day_lists(View& result, const std::string& at, Day& day,
                   const std::shared_ptr<const Lookup>& in, const StandingPtr& as_of) {
  add_findings(result, at + "/new_findings", std::move(day.fresh), in, as_of);
  add_findings(result, at + "/good_practices", std::move(day.good), in, as_of);
  add_moves(result, at + "/fixed_findings", std::move(day.moved.fixed), in, as_of);
  add_moves(result, at + "/finding_changes", std::move(day.moved.changed), in, as_of);
}

/// The team's own notes of the day (`notes` and `internal_notes` of its log entries and of the
/// findings new in its window), each with what it is about: the author or the finding's id.
/// For the client the project holds none (load_project() empties them).
json team_notes_json(const Day& day) {
  json list = json::array();
  auto add = [&list](std::string_view about, std::string_view note) {
    if (!note.empty()) list.push_back({{"about", about}, {"text", note}});
  };
  for (const LogEntry* entry : day.log.entries) {
    add(entry->by, entry->notes);
    add(entry->by, entry->internal_notes);
  }
  for (const Finding* f : day.fresh) {
    add(f->id, f->notes());
    add(f->id, f->internal_notes());
  }
  return list;
}

/// The day's window, log and next workday's plan, as the daily recap and the daily section of
/// a bigger recap show them (the findings are lists, added apart).
json day_json(const Day& day, const Lookup& in) {
  json notes = team_notes_json(day);
  return {{"window", window_json(day.window, in)},
          {"has_new_findings", !day.fresh.empty()},
          {"has_good_practices", !day.good.empty()},
          {"has_fixed_findings", !day.moved.fixed.empty()},
          {"has_finding_changes", !day.moved.changed.empty()},
          {"nothing_recorded", !day.log.recorded() && !day.has_findings()},
          {"log", log_json(day.log)},
          {"team_notes", notes},
          {"has_team_notes", !notes.empty()},
          {"tomorrow", tomorrow_json(in, day.date, day.log)}};
}

/// The daily recap a bigger recap `t` takes in, at `at` in the view ("/folded/daily"), or null.
void add_folded_daily(View& result, const std::string& at, const Touchpoint& t,
                      const std::shared_ptr<const Lookup>& in, const StandingPtr& as_of) {
  json& slot = result.data[json::json_pointer(at)];
  if (!holds(t, "daily")) {
    slot = nullptr;
    return;
  }
  Day day = day_of(*in, t.date, *as_of);
  slot = day_json(day, *in);
  slot["date"] = format_date(day.date);
  slot["date_text"] = long_date(day.date, in->lang);
  slot["weekday"] = weekday_label(day.date, in->lang);
  add_day_lists(result, at, day, in, as_of);
}

/// The question on the next workday: tomorrow, a later day named, or after the engagement.
std::string next_day_question(const Lookup& in, Date day) {
  std::optional<Date> next = next_workday(in, day);
  const Words::Recap& w = words(in.lang).recap;
  if (!next) return text(w.last_workday_question);
  if (*next == add_days(day, 1)) return text(w.daily_questions[1]);
  return fmt::format(fmt::runtime(w.next_workday_question), day_with_weekday(*next, in.lang));
}

json daily_questions(const Lookup& in, Date day, const DayLog& log) {
  const Words::Recap& w = words(in.lang).recap;
  json list = json::array({text(w.daily_questions[0])});
  if (log.any(&LogEntry::support_needed)) list.push_back(text(w.daily_support_question));
  list.push_back(next_day_question(in, day));
  return list;
}

/// A question the client put to us (a mapping in a log entry), with its entry.
struct ClientQuestion {
  const Question* question;
  const LogEntry* entry;
  std::optional<Date> answered;  ///< answered_on()
};

/// The questions the client asked us up to the window's last day: those still owed at its end
/// (an answer promised before that day is overdue, and warned about at the question) and those
/// answered inside the window. Only what is dated up to that day counts, so recording answers
/// later never changes the page.
json client_questions_json(const Project& project, const Window& w, Diagnostics& diagnostics) {
  std::vector<ClientQuestion> owed, answered;
  for (const LogEntry& entry : project.log) {
    if (!entry.date.ok() || w.to < entry.date) continue;
    for (const Question& q : entry.questions) {
      if (!q.from_client) continue;
      ClientQuestion item{&q, &entry, answered_on(q, entry.date)};
      if (!item.answered || w.to < *item.answered)
        owed.push_back(item);
      else if (w.from <= *item.answered)
        answered.push_back(item);
    }
  }
  auto by_day = [](auto day) {
    return [day](const ClientQuestion& a, const ClientQuestion& b) { return day(a) < day(b); };
  };
  std::stable_sort(owed.begin(), owed.end(),
                   by_day([](const ClientQuestion& q) { return q.entry->date; }));
  std::stable_sort(answered.begin(), answered.end(),
                   by_day([](const ClientQuestion& q) { return *q.answered; }));
  json owed_list = json::array(), answered_list = json::array();
  for (const ClientQuestion& item : owed) {
    const Question& q = *item.question;
    bool overdue = q.answer_by && *q.answer_by < w.to;
    if (overdue)
      warn(diagnostics, q.origin, "answer_by",
           fmt::format("the answer to \"{}\" was promised by {} and is still owed on {}", q.text,
                       format_date(*q.answer_by), format_date(w.to)));
    owed_list.push_back({{"question", q.text},
                         {"asked", format_date(item.entry->date)},
                         {"by", item.entry->by},
                         {"answer_by", optional_date(q.answer_by)},
                         {"overdue", overdue}});
  }
  for (const ClientQuestion& item : answered)
    answered_list.push_back({{"question", item.question->text},
                             {"answer", item.question->answer},
                             {"asked", format_date(item.entry->date)},
                             {"by", item.entry->by},
                             {"answered", format_date(*item.answered)}});
  bool shown = !owed_list.empty() || !answered_list.empty();
  bool has_owed = !owed_list.empty(), has_answered = !answered_list.empty();
  return {{"shown", shown},
          {"has_owed", has_owed},
          {"owed", std::move(owed_list)},
          {"has_answered", has_answered},
          {"answered", std::move(answered_list)}};
}

bool check_in_engagement(const ProjectInfo& info, Date day, Diagnostics& diagnostics) {
  if (info.start <= day && day <= info.end) return true;
  diagnostics.error(Source::option, "--date",
                    fmt::format("{} is outside the engagement ({} to {}); pick a day in it",
                                format_date(day), format_date(info.start), format_date(info.end)));
  return false;
}

/// The plan's meeting for the daily recap of `day` (its own, or the bigger recap that takes it
/// in, with a note), in the view; a day without one has no time.
void add_daily_meeting(json& view, Date day, const Lookup& in, Diagnostics& diagnostics) {
  const Touchpoint* meeting = daily_recap_on(in.schedule, day);
  view["meeting"] = meeting ? meeting_json(*meeting, in, diagnostics)
                            : unplanned_daily_json(day, in, diagnostics);
  view["held_in"] = nullptr;
  if (meeting == nullptr || meeting->kind == TouchpointKind::daily) return;
  // The page is the daily section of the bigger meeting: it keeps the daily recap's name.
  view["meeting"]["name"] = plan_text::meeting_name(in.project, TouchpointKind::daily, in.lang);
  view["held_in"] = held_in_json(*meeting, in);
  note(diagnostics,
       fmt::format("the daily recap of {} is held inside {} at {}; this page is its "
                   "daily section",
                   format_date(day), meeting_words(*meeting), format_time(meeting->start)));
}

json severity_counts(const FindingList& findings, const Standing& as_of, Lang lang);

/// For the client's daily recap, which lists the open critical and high findings in full and
/// counts the others: `still_open` (most severe first) keeps those in full, and the others are
/// counted at view["open_counted"] (`count`, and `by_severity`: each severity's `label`, `in_text`
/// and `count`, the `last` one marked). For our team every one is listed (a count of 0).
void count_the_less_severe(json& view, FindingList& still_open, const Standing& as_of,
                           const ViewOptions& options) {
  auto in_full = [&](const Finding* f) { return as_of.rank(*f) <= int(Severity::high); };
  auto first_counted = options.audience == Audience::client
                           ? std::find_if_not(still_open.begin(), still_open.end(), in_full)
                           : still_open.end();
  FindingList counted(first_counted, still_open.end());
  still_open.erase(first_counted, still_open.end());
  json by_severity = json::array();
  for (json& entry : severity_counts(counted, as_of, options.lang))
    if (entry["count"] != 0) by_severity.push_back(std::move(entry));
  for (size_t i = 0; i < by_severity.size(); ++i)
    by_severity[i]["last"] = i + 1 == by_severity.size();
  view["open_counted"] = {{"count", counted.size()}, {"by_severity", std::move(by_severity)}};
  view["has_open_in_full"] = !still_open.empty();
}

View build_daily(const Project& project, const ViewOptions& options, Diagnostics& diagnostics) {
  const Date date = options.today;
  if (!check_in_engagement(project.project, date, diagnostics)) return json();
  auto shared = make_lookup(project, options, diagnostics);
  if (shared == nullptr) return json();
  const Lookup& in = *shared;
  warn_if_day_off(in, date, diagnostics);
  auto as_of = std::make_shared<const Standing>(project, date);
  Day day = day_of(in, date, *as_of);
  warn_if_unrecorded(project, date, day.log, day.has_findings(), diagnostics);

  View result(recap_header(project, options, RecapLevel::daily));
  json& view = result.data;
  add_daily_meeting(view, date, in, diagnostics);
  view["workday"] = in.calendar.is_workday(date);
  view.update(day_json(day, in));
  FindingList still_open = open_before(project, day.window, *as_of);
  view["has_open_findings"] = !still_open.empty();
  count_the_less_severe(view, still_open, *as_of, options);
  add_day_lists(result, "", day, shared, as_of);
  add_findings(result, "/open_findings", std::move(still_open), shared, as_of);
  add_notification_deadlines(view, project, date, options.lang, diagnostics);
  view["client_questions"] = client_questions_json(project, day.window, diagnostics);
  // The actions agreed in meetings up to today and not done yet (views/actions.hpp).
  view.update(open_actions_json(project, date, options.lang, diagnostics));
  view["feedback_questions"] = daily_questions(in, date, day.log);
  add_mail(view, project, daily_recap_on(in.schedule, date));
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
  unknown_id(diagnostics, "--phase", "phase", id, phase_ids(in.project));
  return nullptr;
}

/// The phase recap a page is about, and how it was chosen.
struct ChosenRecap {
  PhaseRecap recap;
  std::string_view how;  ///< "option", "on-date", "latest" or "upcoming"
};

/// The phase recap the plan holds on `day`; else the latest one before it; else the first one
/// (a page to prepare it, with a note). Two phases in one meeting: the meeting's own first.
std::optional<ChosenRecap> scheduled_phase(const Lookup& in, Date day, Diagnostics& diagnostics) {
  std::vector<PhaseRecap> recaps = phase_recaps(in.schedule);
  if (recaps.empty()) {
    // No --phase was given (scheduled_phase() is what stands in for it): --level asked.
    diagnostics.error(Source::option, "--level", "the project has no phases to recap");
    return std::nullopt;
  }
  const PhaseRecap* latest = nullptr;
  for (const PhaseRecap& r : recaps) {
    if (r.meeting->date == day) return ChosenRecap{r, "on-date"};
    if (r.meeting->date < day && (!latest || latest->meeting->date < r.meeting->date)) latest = &r;
  }
  if (latest != nullptr) return ChosenRecap{*latest, "latest"};
  const PhaseRecap& first = recaps.front();
  note(diagnostics, fmt::format("no phase recap is held by {}; the first is that of \"{}\" on {} "
                                "at {}: this page prepares it",
                                format_date(day), first.phase, format_date(first.meeting->date),
                                format_time(first.meeting->start)));
  return ChosenRecap{first, "upcoming"};
}

/// The recap of phase `id`, named with --phase.
std::optional<ChosenRecap> named_recap(const Lookup& in, const std::string& id,
                                       Diagnostics& diagnostics) {
  if (named_phase(in, id, diagnostics) == nullptr) return std::nullopt;
  const Touchpoint* meeting = recap_of_phase(in.schedule, id);
  if (meeting != nullptr) return ChosenRecap{{meeting, id}, "option"};
  diagnostics.error(Source::option, "--phase",
                    fmt::format("phase \"{}\" has no recap in the plan", id));
  return std::nullopt;
}

/// Notes what else the chosen recap's meeting holds: the final recap it is part of, or the
/// other phases recapped with it.
void note_shared_meeting(const ChosenRecap& chosen, Diagnostics& diagnostics) {
  const Touchpoint& meeting = *chosen.recap.meeting;
  if (meeting.kind == TouchpointKind::final) {
    note(diagnostics,
         fmt::format("the recap of phase \"{}\" is held inside the final recap on {} "
                     "at {}",
                     chosen.recap.phase, format_date(meeting.date), format_time(meeting.start)));
    return;
  }
  std::vector<std::string> others;
  for (const std::string& id : held_phases(meeting))
    if (id != chosen.recap.phase) others.push_back(fmt::format("\"{}\"", id));
  if (!others.empty())
    note(diagnostics, fmt::format("the phase recap on {} also recaps {}; this page carries them "
                                  "after its own",
                                  format_date(meeting.date), join(others, ", ")));
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
  for (const Finding* f : findings) {
    const Standard* s = in.standard(f->standard).standard;
    if (!f->standard.empty()) ++counts[s ? std::string_view(s->id) : std::string_view(f->standard)];
  }
  json referenced = json::array(), rest = json::array();
  for (const Standard& s : in.project.standards) {
    auto it = counts.find(s.id);
    int count = it == counts.end() ? 0 : it->second;
    (count > 0 || !referenced_first ? referenced : rest)
        .push_back(standard_json(s.id, &s, count, count > 0));
  }
  for (const auto& [id, count] : counts)
    if (!in.standard(id).standard) referenced.push_back(standard_json(id, nullptr, count, true));
  for (auto& s : rest) referenced.push_back(std::move(s));
  return referenced;
}

/// A count per severity, every level present and in order; "unrated" only when there are any.
json severity_counts(const FindingList& findings, const Standing& as_of, Lang lang) {
  std::array<int, kSeverityCount + 1> counts{};
  for (const Finding* f : findings) ++counts[static_cast<size_t>(as_of.rank(*f))];
  json list = json::array();
  for (size_t i = 0; i < counts.size(); ++i) {
    if (i == kSeverityCount && counts[i] == 0) break;
    bool rated = i < kSeverityCount;
    list.push_back(
        {{"severity", rated ? json(text(to_string(static_cast<Severity>(i)))) : json()},
         {"label", text(rated ? words(lang).recap.severities[i] : words(lang).recap.unrated)},
         {"in_text", text(rated ? words(lang).recap.severities_in_text[i]
                                : words(lang).recap.unrated_in_text)},
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

/// The findings of phase `id` known on the page's day, most severe first.
FindingList findings_of_phase(const Project& project, std::string_view id, const Standing& as_of) {
  FindingList list;
  for (const Finding& f : project.findings)
    if (f.phase == id && as_of.known(f)) list.push_back(&f);
  as_of.sort_by_severity(list);
  return list;
}

/// The day a phase or final recap's page counts its findings on: the meeting's, or --date
/// when that is earlier (a page preparing the meeting shows nothing recorded after its day).
StandingPtr standing_for(const Project& project, const Touchpoint& meeting, Date today) {
  return std::make_shared<const Standing>(project, std::min(meeting.date, today));
}

/// What a phase recap's meeting takes in besides its phase: the other phases ending that day
/// (each with its findings) and the day's daily recap, at view["folded"]. A phase recap held
/// inside the final recap leaves them to the final recap's page.
void add_folded_into_phase(View& result, const ChosenRecap& chosen,
                           const std::shared_ptr<const Lookup>& in, const StandingPtr& as_of) {
  const Touchpoint& meeting = *chosen.recap.meeting;
  result.data["folded"] = {{"has_phases", false}, {"phases", json::array()}, {"daily", nullptr}};
  if (meeting.kind != TouchpointKind::phase) return;
  for (const std::string& id : held_phases(meeting)) {
    const Phase* phase = in->phase(id);
    if (id == chosen.recap.phase || phase == nullptr) continue;
    FindingList findings = findings_of_phase(in->project, id, *as_of);
    json head = phase_json(*phase);
    head["has_findings"] = !findings.empty();
    head["finding_count"] = findings.size();
    json& list = result.data["folded"]["phases"];
    list.push_back(std::move(head));
    add_findings(result, fmt::format("/folded/phases/{}/findings", list.size() - 1),
                 std::move(findings), in, as_of);
  }
  result.data["folded"]["has_phases"] = !result.data["folded"]["phases"].empty();
  add_folded_daily(result, "/folded/daily", meeting, in, as_of);
}

/// The phase recap of phase `id` (empty: the one the plan holds on options.today), on the
/// plan of `shared`.
View build_phase(const std::shared_ptr<const Lookup>& shared, const ViewOptions& options,
                 const std::string& id, Diagnostics& diagnostics) {
  const Lookup& in = *shared;
  const Project& project = in.project;
  auto chosen = id.empty() ? scheduled_phase(in, options.today, diagnostics)
                           : named_recap(in, id, diagnostics);
  if (!chosen) return json();
  const Phase* phase = in.phase(chosen->recap.phase);
  const Touchpoint& meeting = *chosen->recap.meeting;
  note_shared_meeting(*chosen, diagnostics);
  StandingPtr as_of = standing_for(project, meeting, options.today);
  FindingList findings = findings_of_phase(project, phase->id, *as_of);

  View result(recap_header(project, options, RecapLevel::phase));
  json& view = result.data;
  view["meeting"] = meeting_json(meeting, in, diagnostics);
  view["held_in"] =
      meeting.kind == TouchpointKind::final ? held_in_json(meeting, in) : json(nullptr);
  // Held inside the final recap, the page is still that meeting's phase section.
  view["meeting"]["name"] = plan_text::meeting_name(in.project, TouchpointKind::phase, in.lang);
  view["phase"] = phase_json(*phase);
  view["phase_chosen"] = text(chosen->how);
  view["standards"] = standards_json(in, findings, true);
  view["has_standards"] = !view["standards"].empty();
  view["has_findings"] = !findings.empty();
  view["finding_count"] = findings.size();
  view["by_severity"] = severity_counts(findings, *as_of, options.lang);
  view["feedback_questions"] = questions_json(words(options.lang).recap.phase_questions);
  add_findings(result, "/findings", std::move(findings), shared, as_of);
  add_good_practices(result, good_practices(project, *as_of, nullptr, phase->id), shared, as_of);
  add_folded_into_phase(result, *chosen, shared, as_of);
  add_mail(view, project, &meeting);
  return result;
}

// ---- final -------------------------------------------------------------------------------

json status_counts(const FindingList& findings, const Standing& as_of, Lang lang) {
  std::array<int, kStatusCount + 1> counts{};
  for (const Finding* f : findings) {
    std::optional<Status> status = as_of.status(*f);
    ++counts[status ? static_cast<size_t>(*status) : kStatusCount];
  }
  json list = json::array();
  for (size_t i = 0; i < counts.size(); ++i) {
    if (i == kStatusCount && counts[i] == 0) break;
    bool set = i < kStatusCount;
    list.push_back(
        {{"status", set ? json(text(to_string(static_cast<Status>(i)))) : json()},
         {"label", text(set ? words(lang).recap.statuses[i] : words(lang).recap.status_unset)},
         {"open", !set || is_open_status(static_cast<Status>(i))},
         {"count", counts[i]}});
  }
  return list;
}

/// The findings of each phase, indexed in one pass; those of no known phase under "".
std::unordered_map<std::string_view, FindingList> findings_by_phase(const Lookup& in,
                                                                    const Standing& as_of) {
  std::unordered_map<std::string_view, FindingList> groups;
  for (const Finding& f : in.project.findings)
    if (as_of.known(f))
      groups[in.phase(f.phase) ? std::string_view(f.phase) : std::string_view()].push_back(&f);
  for (auto& [id, list] : groups) as_of.sort_by_severity(list);
  return groups;
}

/// The phases, each with its findings (a list made as it is read), and the findings of no
/// known phase last; at view["phases"].
void add_phase_groups(View& view, const std::shared_ptr<const Lookup>& in,
                      const StandingPtr& as_of) {
  auto groups = findings_by_phase(*in, *as_of);
  json& list = view.data["phases"] = json::array();
  auto add = [&](json head, FindingList findings) {
    head["has_findings"] = !findings.empty();
    head["finding_count"] = findings.size();
    list.push_back(std::move(head));
    add_findings(view, fmt::format("/phases/{}/findings", list.size() - 1), std::move(findings), in,
                 as_of);
  };
  for (const Phase& phase : in->project.phases) {
    auto it = groups.find(phase.id);
    add(phase_json(phase), it == groups.end() ? FindingList() : std::move(it->second));
  }
  if (auto it = groups.find(std::string_view()); it != groups.end())
    add({{"id", nullptr},
         {"name", text(words(in->lang).recap.no_phase)},
         {"owner", ""},
         {"start", nullptr},
         {"end", nullptr},
         {"one_day", false},
         {"activities", json::array()}},
        std::move(it->second));
}

/// What the final recap takes in: the phases ending on its day (their findings are in the
/// page's phase groups) and the day's daily recap, at view["folded"].
void add_folded_into_final(View& result, const Touchpoint& meeting,
                           const std::shared_ptr<const Lookup>& in, const StandingPtr& as_of) {
  json phases = json::array();
  for (const std::string& id : held_phases(meeting)) {
    const Phase* phase = in->phase(id);
    if (phase == nullptr) continue;
    json head = phase_json(*phase);
    size_t count = findings_of_phase(in->project, id, *as_of).size();
    head["finding_count"] = count;
    head["has_findings"] = count > 0;
    phases.push_back(std::move(head));
  }
  result.data["folded"] = {{"has_phases", !phases.empty()}, {"phases", std::move(phases)}};
  add_folded_daily(result, "/folded/daily", meeting, in, as_of);
}

/// The plan's final recap; a page made before its day prepares it, and says so.
const Touchpoint* planned_final(const Lookup& in, Date today, Diagnostics& diagnostics) {
  const Touchpoint* meeting = final_recap(in.schedule);
  if (meeting != nullptr && today < meeting->date)
    note(diagnostics, fmt::format("the final recap is held on {} at {}: this page prepares it",
                                  format_date(meeting->date), format_time(meeting->start)));
  return meeting;
}

/// The final recap, on the plan of `shared`.
View build_final(const std::shared_ptr<const Lookup>& shared, const ViewOptions& options,
                 Diagnostics& diagnostics) {
  const Lookup& in = *shared;
  const Project& project = in.project;
  const Touchpoint* meeting = planned_final(in, options.today, diagnostics);
  if (meeting == nullptr) return json();
  StandingPtr as_of = standing_for(project, *meeting, options.today);
  FindingList all, open;
  all.reserve(project.findings.size());
  open.reserve(project.findings.size());
  for (const Finding& f : project.findings) {
    if (!as_of->known(f)) continue;
    all.push_back(&f);
    if (as_of->open(f)) open.push_back(&f);
  }
  as_of->sort_by_severity(open);
  size_t workdays = in.schedule.workdays.size();

  View result(recap_header(project, options, RecapLevel::final));
  json& view = result.data;
  view["meeting"] = meeting_json(*meeting, in, diagnostics);
  view["engagement"] = {{"workdays", workdays},
                        {"findings", all.size()},
                        {"large", all.size() > kLargeFindings || workdays > kLargeWorkdays},
                        {"suggested_duration", suggested_final_minutes(all.size(), workdays)}};
  view["totals"] = {
      {"findings", all.size()}, {"open", open.size()}, {"closed", all.size() - open.size()}};
  view["by_severity"] = severity_counts(all, *as_of, options.lang);
  view["by_status"] = status_counts(all, *as_of, options.lang);
  view["standards"] = standards_json(in, all, false);
  view["has_standards"] = !view["standards"].empty();
  view["has_open_items"] = !open.empty();
  view["feedback_questions"] = questions_json(words(options.lang).recap.final_questions);
  add_phase_groups(result, shared, as_of);
  add_findings(result, "/open_items", std::move(open), shared, as_of);
  add_good_practices(result, good_practices(project, *as_of), shared, as_of);
  add_folded_into_final(result, *meeting, shared, as_of);
  add_mail(view, project, meeting);
  return result;
}

}  // namespace

std::optional<std::string> why_no_daily_recap(const Project& project, Date day) {
  const ProjectInfo& info = project.project;
  Calendar calendar(project);
  std::string what;
  if (day < info.start || day > info.end)
    what = fmt::format("outside the engagement ({} to {})", format_date(info.start),
                       format_date(info.end));
  else if (calendar.is_workday(day))
    return std::nullopt;
  else if (calendar.is_holiday(day))
    what = "a holiday";
  else
    what = fmt::format("a {}, not a workday", weekday_long(day, Lang::en));
  return fmt::format("{} is {}: no daily recap (--skip-off-days)", format_date(day), what);
}

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

namespace {

View build_level(const Project& project, const ViewOptions& options, const RecapOptions& recap,
                 Diagnostics& diagnostics) {
  switch (recap.level) {
    case RecapLevel::daily:
      return build_daily(project, options, diagnostics);
    case RecapLevel::phase:
    case RecapLevel::final: {
      auto shared = make_lookup(project, options, diagnostics);
      if (shared == nullptr) return json();
      return recap.level == RecapLevel::phase
                 ? build_phase(shared, options, recap.phase, diagnostics)
                 : build_final(shared, options, diagnostics);
    }
  }
  return json();
}

}  // namespace

std::optional<View> build_recap_view(const Project& project, const ViewOptions& common,
                                     const RecapOptions& own, Diagnostics& diagnostics) {
  size_t errors = diagnostics.error_count();
  View view = build_level(project, common, own, diagnostics);
  if (common.audience == Audience::client)
    leave_out(view.data, {"feedback_questions", "notification_deadlines",
                          "has_notification_deadlines", "team_notes", "has_team_notes"});
  return unless_new_errors(std::move(view), diagnostics, errors);
}

void check_recaps(const Project& project, const ViewOptions& options, Diagnostics& diagnostics) {
  auto shared = make_lookup(project, options, diagnostics);
  if (shared == nullptr) return;
  for (const Phase& phase : project.phases) build_phase(shared, options, phase.id, diagnostics);
  build_final(shared, options, diagnostics);
}

}  // namespace commplan
