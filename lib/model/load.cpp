// Loading a project: parse, read into the model, merge log_dir, check what spans fields.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <new>
#include <optional>
#include <set>
#include <unordered_map>

#include "model/email.hpp"
#include "model/mask.hpp"
#include "model/reader.hpp"
#include "util/read.hpp"
#include "util/text.hpp"

namespace commplan {

namespace fs = std::filesystem;

namespace {

constexpr std::uint32_t kNarrowNull = 0x8000;  // on a field's distance in 16 bits: a null value

}  // namespace

std::uint32_t Places::field(std::string_view name) const {
  for (size_t i = 0; i < names->size(); ++i) {
    if ((*names)[i] != name) continue;
    std::uint32_t bit = 1u << i;
    if ((written & bit) == 0) return kAbsent;
    auto index = static_cast<size_t>(std::popcount(written & (bit - 1)));
    const char* fields = reinterpret_cast<const char*>(this + 1);
    if (wide) {
      std::uint32_t offset = 0;
      std::memcpy(&offset, fields + index * sizeof offset, sizeof offset);
      return offset;
    }
    std::uint16_t distance = 0;
    std::memcpy(&distance, fields + index * sizeof distance, sizeof distance);
    std::uint32_t offset = object + (distance & ~kNarrowNull);
    return (distance & kNarrowNull) != 0 ? offset | kNull : offset;
  }
  return kAbsent;
}

const Places* PlaceStore::keep(const FieldNames& names, std::uint32_t object,
                               std::span<const std::uint32_t> fields) {
  std::array<std::uint32_t, kMostFields> offsets;  // of the fields written, in order
  std::uint32_t written = 0;
  size_t count = 0;
  bool wide = false;
  for (size_t i = 0; i < fields.size() && i < offsets.size(); ++i) {
    if (fields[i] == Places::kAbsent) continue;
    written |= 1u << i;
    offsets[count++] = fields[i];
    std::uint32_t at = fields[i] & ~Places::kNull;
    wide = wide || at < object || at - object >= kNarrowNull;
  }
  size_t each = wide ? sizeof(std::uint32_t) : sizeof(std::uint16_t);
  char* room = places_.bytes(sizeof(Places) + count * each, alignof(Places));
  auto* kept = new (room) Places{&names, object & 0x7FFFFFFFu, wide, written};
  char* at = room + sizeof(Places);
  for (size_t i = 0; i < count; ++i, at += each) {
    if (wide) {
      std::memcpy(at, &offsets[i], each);
      continue;
    }
    auto distance = static_cast<std::uint16_t>((offsets[i] & ~Places::kNull) - object);
    if ((offsets[i] & Places::kNull) != 0) distance |= kNarrowNull;
    std::memcpy(at, &distance, each);
  }
  return kept;
}

namespace {

std::uint32_t hash_of(std::string_view text) {
  return static_cast<std::uint32_t>(std::hash<std::string_view>{}(text));
}

}  // namespace

const Text* SharedTexts::find(std::string_view text, std::uint32_t hash) const {
  if (texts_.empty()) return nullptr;
  size_t mask = texts_.size() - 1;
  size_t i = hash & mask;
  for (size_t probe = 0; probe < kMostProbes && !texts_[i].empty(); ++probe, i = (i + 1) & mask)
    if (hashes_[i] == hash && texts_[i].view() == text) return &texts_[i];
  return nullptr;
}

/// The first free slot of `texts` (a power of two of them) from `hash`'s, among the `most`
/// looked through; texts.size() where they are all taken.
size_t SharedTexts::free_slot(const std::vector<Text>& texts, std::uint32_t hash, size_t most) {
  size_t mask = texts.size() - 1;
  size_t i = hash & mask;
  for (size_t probe = 0; probe < most; ++probe, i = (i + 1) & mask)
    if (texts[i].empty()) return i;
  return texts.size();
}

void SharedTexts::add(const Text& kept, std::uint32_t hash) {
  if (2 * (count_ + 1) > texts_.size()) grow();
  size_t i = free_slot(texts_, hash, kMostProbes);
  if (i == texts_.size()) return;  // a crowded run of slots: the text is not shared
  texts_[i] = kept;
  hashes_[i] = hash;
  ++count_;
}

void SharedTexts::grow() {
  std::vector<Text> texts(std::max<size_t>(64, 2 * texts_.size()));
  std::vector<std::uint32_t> hashes(texts.size());
  for (size_t j = 0; j < texts_.size(); ++j) {
    if (texts_[j].empty()) continue;
    size_t i = free_slot(texts, hashes_[j], texts.size());  // at most half full: one is free
    texts[i] = std::move(texts_[j]);
    hashes[i] = hashes_[j];
  }
  texts_ = std::move(texts);
  hashes_ = std::move(hashes);
}

Text PlaceStore::keep_name(std::string_view text) {
  if (text.empty() || text.size() > kLongestName) return keep_text(text);
  std::uint32_t hash = hash_of(text);
  if (const Text* kept = shared_.find(text, hash)) return *kept;
  Text kept = keep_text(text);
  if (names_ < kMostNames) {
    shared_.add(kept, hash);
    ++names_;
  }
  return kept;
}

PlaceStore::Sharing* PlaceStore::sharing_of(const std::string_view* field) {
  // A type's field names lie side by side, 16 bytes apart: its fields take consecutive slots.
  size_t start = reinterpret_cast<std::uintptr_t>(field) / sizeof(std::string_view);
  for (size_t n = 0; n < kFields; ++n) {
    Sharing& s = sharing_[(start + n) % kFields];
    if (s.field == field) return &s;
    if (s.field == nullptr) {
      s.field = field;
      return &s;
    }
  }
  return nullptr;
}

Text PlaceStore::keep_shared(const std::string_view* field, std::string_view text) {
  if (text.empty()) return {};
  Sharing* s = sharing_of(field);
  if (s == nullptr || s->off) return keep_text(text);
  std::uint32_t hash = hash_of(text);
  ++s->looked;
  if (const Text* kept = shared_.find(text, hash)) {
    ++s->found;
    return *kept;
  }
  Text kept = keep_text(text);
  shared_.add(kept, hash);
  if (s->looked >= kTrial && 8 * std::uint64_t{s->found} < s->looked) s->off = true;
  return kept;
}

const Node* Origin::tree_node() const { return doc != nullptr && doc->released ? nullptr : node(); }

bool Origin::has(std::string_view name) const {
  if (doc == nullptr || doc->released) return false;
  if (const Node* n = node()) return n->find(name) != nullptr;
  const Places* p = places();
  return p != nullptr && p->field(name) != Places::kAbsent;
}

bool Origin::has_value(std::string_view name) const {
  if (doc == nullptr || doc->released) return false;
  if (const Node* n = node()) {
    const Node* value = n->find(name);
    return value != nullptr && !value->is_null();
  }
  const Places* p = places();
  return p != nullptr && (p->field(name) & Places::kNull) == 0;
}

Mark Origin::mark_of(std::string_view name) const {
  if (doc == nullptr || doc->released) return {};
  if (const Node* n = node()) {
    if (!name.empty())
      for (const auto& entry : n->entries())
        if (entry.key() == name) return entry.value.mark();
    return n->mark();
  }
  const Places* p = places();
  if (p == nullptr) return {};
  std::uint32_t at = name.empty() ? Places::kAbsent : p->field(name);
  if (at == Places::kAbsent) return doc->mark_at(p->object);
  // A value never starts a file: offset 0 is an empty value, which the parser gives no place.
  at &= ~Places::kNull;
  return at == 0 ? Mark{} : doc->mark_at(at);
}

Diagnostic Origin::problem(Level level, std::string_view name, std::string message) const {
  Diagnostic d{
      level, doc != nullptr ? doc->file : "", mark_of(name), std::string(path), std::move(message),
      {}};
  if (!name.empty() && has(name))
    d.path = path.empty() ? std::string(name) : fmt::format("{}.{}", path, name);
  if (doc != nullptr) d.excerpt = doc->line(d.mark);
  return d;
}

Diagnostic Origin::item_problem(Level level, std::string_view name, size_t index,
                                std::string message) const {
  Diagnostic d = problem(level, name, std::move(message));
  const Node* node = tree_node();
  const Node* list = node != nullptr ? node->find(name) : nullptr;
  if (list != nullptr && list->is_sequence() && index < list->items().size()) {
    d.mark = list->items()[index].mark();
    d.path += fmt::format("[{}]", index);
    if (doc != nullptr) d.excerpt = doc->line(d.mark);
  }
  return d;
}

void Project::release_documents() {
  for (const auto& doc : documents) doc->release();
  if (places) places->forget_places();
}

std::vector<Weekday> Project::workdays() const {
  if (!project.workdays.empty()) return project.workdays;
  return {Weekday::mon, Weekday::tue, Weekday::wed, Weekday::thu, Weekday::fri};
}

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

/// The objects of a list by id, the first of each id kept: a flat table of pointers (open
/// addressing), so indexing a 100,000-finding register takes 2 MB and no allocation per
/// finding, where a node-based map took 6 MB in 100,000 allocations. `T` may be const.
template <class T>
class IdIndex {
 public:
  /// A table for `count` objects.
  explicit IdIndex(size_t count) : slots_(std::bit_ceil(std::max<size_t>(2 * count, 16))) {}

  /// Adds `item`, or gives the object of its id indexed before it (then `item` is not added).
  T* add(T& item) {
    T*& slot = slot_of(item.id);
    if (slot == nullptr) slot = &item;
    return slot == &item ? nullptr : slot;
  }
  /// The object of `id`, or nullptr.
  T* find(std::string_view id) { return slot_of(id); }

 private:
  /// The slot holding the object of `id`, else the empty slot where it would go. At most half
  /// the slots are filled, so a probe ends.
  T*& slot_of(std::string_view id) {
    size_t mask = slots_.size() - 1;
    size_t i = std::hash<std::string_view>{}(id)&mask;
    while (slots_[i] != nullptr && slots_[i]->id != id) i = (i + 1) & mask;
    return slots_[i];
  }

  std::vector<T*> slots_;
};

/// Ids of more words than this are not looked for before a clause, so a hostile file costs
/// a bounded number of lookups per finding.
constexpr size_t kMaxIdWords = 16;

}  // namespace

StandardIndex::StandardIndex(const std::vector<Standard>& standards) {
  for (const Standard& s : standards) {
    by_id_.emplace(s.id, &s);
    longest_ = std::max(longest_, s.id.size());
  }
}

StandardRef StandardIndex::find(std::string_view text) const {
  if (auto it = by_id_.find(text); it != by_id_.end()) return {it->second, {}};
  // The ends of the words an id could be made of, tried longest first.
  std::vector<size_t> ends;
  for (size_t i = 1; i < text.size() && i <= longest_; ++i)
    if (is_blank(text[i]) && !is_blank(text[i - 1])) ends.push_back(i);
  size_t tried = 0;
  for (auto end = ends.rbegin(); end != ends.rend() && tried < kMaxIdWords; ++end, ++tried) {
    auto it = by_id_.find(text.substr(0, *end));
    std::string_view clause = trim(text.substr(*end));
    if (it != by_id_.end() && !clause.empty()) return {it->second, clause};
  }
  return {};
}

namespace {

/// `CWE-` and 1 to 7 digits.
bool is_cwe_id(std::string_view text) {
  if (!text.starts_with("CWE-") || text.size() == 4 || text.size() > 11) return false;
  return std::all_of(text.begin() + 4, text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The severity word a CVSS rating stands for (None is info).
std::string_view rating_word(cvss::Rating rating) {
  switch (rating) {
    case cvss::Rating::critical:
      return "critical";
    case cvss::Rating::high:
      return "high";
    case cvss::Rating::medium:
      return "medium";
    case cvss::Rating::low:
      return "low";
    case cvss::Rating::none:
      break;
  }
  return "info";
}

/// The longest engagement planned day by day (ten years): a longer one is an error, so no file
/// can make the calendar and its touchpoints exhaust memory.
constexpr int kMaxEngagementDays = 3653;

/// Cross-field checks, each pointing at the field that is wrong.
class Checker {
 public:
  Checker(const Project& p, Diagnostics& d) : p_(p), d_(d) {}
  void run();

 private:
  void error(const Origin& o, std::string_view field, std::string message);
  void warning(const Origin& o, std::string_view field, std::string message);
  void item_warning(const Origin& o, std::string_view field, size_t index, std::string message);
  void item_problem(Level level, const Origin& o, std::string_view field, size_t index,
                    std::string message);
  /// Whether `date` falls within the engagement; true while its dates are wrong (an error says
  /// so), so that one wrong end date does not make every dated item "outside the engagement".
  bool in_engagement(Date date) const {
    const Date& start = p_.project.start;
    const Date& end = p_.project.end;
    if (!start.ok() || !end.ok() || end < start) return true;
    return date >= start && date <= end;
  }

  void check_dates();
  void check_timezone();
  void check_workdays();
  void check_extra_workdays();
  template <class T>
  void check_unique_ids(const std::vector<T>& items, std::string_view what);
  void check_findings();
  void check_unique_fingerprints();
  void check_history(const Finding& f);
  void check_latest_status(const Finding& f);
  void check_register_fields(const Finding& f);
  void check_log();
  void check_logged_notifications();
  void check_minutes();
  void check_minutes_items(const Minutes& m, const std::vector<std::string>& people);
  void check_person(const Origin& o, std::string_view field, const std::string& name,
                    const std::vector<std::string>& people);
  void check_contacts();
  void check_holidays();
  void check_email(const Origin& o, const std::string& email);
  void check_emails();

  const Project& p_;
  Diagnostics& d_;
};

void Checker::error(const Origin& o, std::string_view field, std::string message) {
  d_.add(o.problem(Level::error, field, std::move(message)));
}

void Checker::warning(const Origin& o, std::string_view field, std::string message) {
  d_.add(o.problem(Level::warning, field, std::move(message)));
}

/// A warning at item `index` of the list `field` (at the field when it has no such item).
void Checker::item_warning(const Origin& o, std::string_view field, size_t index,
                           std::string message) {
  item_problem(Level::warning, o, field, index, std::move(message));
}

void Checker::item_problem(Level level, const Origin& o, std::string_view field, size_t index,
                           std::string message) {
  d_.add(o.item_problem(level, field, index, std::move(message)));
}

void Checker::run() {
  if (p_.format && *p_.format != kFileFormat)
    error(p_.origin, "commplan",
          fmt::format("unsupported format version {}; this commplan reads version {}", *p_.format,
                      kFileFormat));
  check_dates();
  check_timezone();
  check_workdays();
  check_extra_workdays();
  check_unique_ids(p_.phases, "phase");
  check_unique_ids(p_.standards, "standard");
  check_unique_ids(p_.findings, "finding");
  check_unique_ids(p_.communications, "communication");
  check_findings();
  check_unique_fingerprints();
  check_log();
  check_logged_notifications();
  check_minutes();
  check_contacts();
  check_holidays();
  check_emails();
}

void Checker::check_dates() {
  const ProjectInfo& info = p_.project;
  if (!info.origin.from_file() || !info.start.ok() || !info.end.ok()) return;
  if (info.end < info.start)
    error(info.origin, "end",
          fmt::format("the engagement ends ({}) before it starts ({})", format_date(info.end),
                      format_date(info.start)));
  else if (int days = days_between(info.start, info.end) + 1; days > kMaxEngagementDays)
    error(info.origin, "end",
          fmt::format("the engagement runs {} days; commplan plans at most {} (ten years)", days,
                      kMaxEngagementDays));
  for (const Phase& phase : p_.phases) {
    if (!phase.start.ok() || !phase.end.ok()) continue;
    if (phase.end < phase.start)
      error(phase.origin, "end",
            fmt::format("phase \"{}\" ends ({}) before it starts ({})", phase.id,
                        format_date(phase.end), format_date(phase.start)));
    else if (!in_engagement(phase.start) || !in_engagement(phase.end))
      warning(phase.origin, in_engagement(phase.start) ? "end" : "start",
              fmt::format("phase \"{}\" runs outside the engagement ({} to {})", phase.id,
                          format_date(info.start), format_date(info.end)));
  }
}

void Checker::check_timezone() {
  const std::string& zone = p_.project.timezone;
  if (zone.empty()) return;
  if (!is_time_zone(zone))
    error(
        p_.project.origin, "timezone",
        fmt::format("unknown time zone \"{}\"; expected an IANA name such as Asia/Shanghai", zone));
}

void Checker::check_workdays() {
  const ProjectInfo& info = p_.project;
  const auto& days = info.workdays;
  const Node* node = info.origin.tree_node();
  const Node* written = node != nullptr ? node->find("workdays") : nullptr;
  if (written != nullptr && written->is_sequence() && written->items().empty())
    error(info.origin, "workdays",
          "an empty list: no day of the week would be worked; leave it out for Monday to Friday");
  for (size_t i = 0; i < days.size(); ++i) {
    if (std::find(days.begin(), days.begin() + static_cast<long>(i), days[i]) ==
        days.begin() + static_cast<long>(i))
      continue;
    // As written, with the day it names where that differs: "周一" (mon).
    std::string day(to_string(days[i]));
    std::string what = fmt::format("\"{}\"", day);
    if (written != nullptr && written->is_sequence() && i < written->items().size() &&
        written->items()[i].is_scalar() && written->items()[i].text() != day)
      what = fmt::format("\"{}\" ({})", written->items()[i].text(), day);
    item_problem(Level::error, info.origin, "workdays", i, what + " is listed twice");
  }
}

/// An extra workday is a rest day worked in lieu: one inside the engagement, on a day of the
/// week not worked, and not a holiday. Anything else is harmless but likely a slip.
void Checker::check_extra_workdays() {
  const ProjectInfo& info = p_.project;
  std::vector<Weekday> week = p_.workdays();
  for (size_t i = 0; i < info.extra_workdays.size(); ++i) {
    Date day = info.extra_workdays[i];
    if (!day.ok()) continue;  // reported as it was read
    std::string problem;
    if (info.start.ok() && info.end.ok() && !in_engagement(day))
      problem = fmt::format("is outside the engagement ({} to {})", format_date(info.start),
                            format_date(info.end));
    else if (std::find(week.begin(), week.end(), static_cast<Weekday>(weekday_index(day))) !=
             week.end())
      problem = "is already a workday";
    else if (std::find(info.holidays.begin(), info.holidays.end(), day) != info.holidays.end())
      problem = "is also a holiday, which wins";
    if (!problem.empty())
      item_warning(info.origin, "extra_workdays", i,
                   fmt::format("extra workday {} {}", format_date(day), problem));
  }
}

template <class T>
void Checker::check_unique_ids(const std::vector<T>& items, std::string_view what) {
  IdIndex<const T> seen(items.size());
  for (const T& item : items) {
    if (item.id.empty()) continue;
    if (std::string_view(item.id) != trim(item.id))
      warning(item.origin, "id",
              fmt::format("{} id \"{}\" has blanks around it: the register's importers and every "
                          "reader of a table trim them, and then take it for \"{}\"",
                          what, item.id, trim(item.id)));
    const T* earlier = seen.add(item);
    if (earlier == nullptr) continue;
    Mark first = earlier->origin.mark_of("id");
    const Document* doc = earlier->origin.doc;
    error(item.origin, "id",
          fmt::format("duplicate {} id \"{}\" (first used at {}:{}:{})", what, item.id,
                      doc ? doc->file : "", first.line, first.column));
  }
}

/// A fingerprint names one finding: `findings import` finds the finding a scanner's result or an
/// exported row updates by it, so two findings with one could not be told apart (and our own
/// export of them would not import).
void Checker::check_unique_fingerprints() {
  std::unordered_map<std::string_view, const Finding*> seen;
  for (const Finding& f : p_.findings) {
    std::string_view fingerprint = f.fingerprint();
    if (fingerprint.empty()) continue;
    auto [at, added] = seen.emplace(fingerprint, &f);
    if (added) continue;
    Mark first = at->second->origin.mark_of("fingerprint");
    const Document* doc = at->second->origin.doc;
    error(f.origin, "fingerprint",
          fmt::format("duplicate fingerprint \"{}\" (first used at {}:{}:{}): findings import "
                      "could not tell the two findings apart",
                      fingerprint, doc ? doc->file : "", first.line, first.column));
  }
}

void Checker::check_findings() {
  std::vector<std::string> phase_ids, standard_ids;
  StandardIndex standards(p_.standards);
  for (const Phase& phase : p_.phases) phase_ids.push_back(phase.id);
  for (const Standard& standard : p_.standards) standard_ids.push_back(standard.id);
  std::sort(phase_ids.begin(), phase_ids.end());
  std::sort(standard_ids.begin(), standard_ids.end());
  auto known = [](const std::vector<std::string>& ids, std::string_view id) {
    return std::binary_search(ids.begin(), ids.end(), id);
  };
  for (const Finding& f : p_.findings) {
    if (!f.phase.empty() && !known(phase_ids, f.phase)) {
      std::string close = closest_name(f.phase, phase_ids);
      error(f.origin, "phase",
            fmt::format("no phase has the id \"{}\"{}", f.phase,
                        close.empty() ? "" : fmt::format("; did you mean \"{}\"?", close)));
    }
    if (!f.standard.empty() && !standard_ids.empty() && !standards.find(f.standard).standard) {
      std::string close = closest_name(f.standard, standard_ids);
      warning(f.origin, "standard",
              fmt::format("no standard has the id \"{}\"{}", f.standard,
                          close.empty() ? "" : fmt::format("; did you mean \"{}\"?", close)));
    }
    if (f.found && p_.project.start.ok() && !in_engagement(*f.found))
      warning(f.origin, "found",
              fmt::format("found on {}, outside the engagement", format_date(*f.found)));
    check_history(f);
    check_register_fields(f);
  }
}

/// History entries come in date order, none before the finding was found.
void Checker::check_history(const Finding& f) {
  const HistoryEntry* previous = nullptr;
  for (const HistoryEntry& entry : f.history) {
    if (!entry.date.ok()) continue;  // reported as it was read
    if (f.found && entry.date < *f.found)
      error(entry.origin, "date",
            fmt::format("history entry dated {}, before the finding was found ({})",
                        format_date(entry.date), format_date(*f.found)));
    else if (previous != nullptr && entry.date < previous->date)
      error(entry.origin, "date",
            fmt::format("history entry dated {}, before the entry above it ({}): list them "
                        "oldest first",
                        format_date(entry.date), format_date(previous->date)));
    previous = &entry;
  }
  if (!f.history.empty()) check_latest_status(f);
}

/// A CWE id is `CWE-` and a number; a due date or a re-test comes after the finding was found.
void Checker::check_register_fields(const Finding& f) {
  if (!f.cwe().empty() && !is_cwe_id(f.cwe()))
    error(f.origin, "cwe",
          fmt::format("\"{}\" is not a CWE id; write CWE- and its number, e.g. CWE-79", f.cwe()));
  if (f.due && f.found && f.due->ok() && *f.due < *f.found)
    error(f.origin, "due",
          fmt::format("due on {}, before the finding was found ({})", format_date(*f.due),
                      format_date(*f.found)));
  if (f.retest() && f.retest()->date.ok() && f.found && f.retest()->date < *f.found)
    error(f.retest()->origin, "date",
          fmt::format("re-tested on {}, before the finding was found ({})",
                      format_date(f.retest()->date), format_date(*f.found)));
}

/// Whether `entry` has a status in the file that could not be read (reported as it was read).
bool has_unread_status(const HistoryEntry& entry) {
  return entry.origin.has_value("status") && !entry.status;
}

/// Where byte `column` of the text at `mark` (a scalar's place) is in its file: past the
/// opening quote of a quoted scalar (the texts this is asked of, CVSS vectors, hold no
/// escapes; a plain scalar cannot start with a quote).
Mark mark_in_scalar(const Document& doc, Mark mark, size_t column) {
  size_t skip = 0;
  if (mark.offset < doc.text.size() &&
      (doc.text[mark.offset] == '"' || doc.text[mark.offset] == '\''))
    skip = 1;
  mark.column += static_cast<int>(skip + column);
  mark.offset += skip + column;
  return mark;
}

/// The rating a severity word stands for on CVSS's scale (info is None).
cvss::Rating rating_of(Severity severity) {
  switch (severity) {
    case Severity::critical:
      return cvss::Rating::critical;
    case Severity::high:
      return cvss::Rating::high;
    case Severity::medium:
      return cvss::Rating::medium;
    case Severity::low:
      return cvss::Rating::low;
    case Severity::info:
      break;
  }
  return cvss::Rating::none;
}

/// Scores each finding's `cvss` vector (Finding::cvss_score); every problem of a vector is an
/// error at its place in the string. A severity other than the computed rating's is a warning
/// naming both: the vector and the severity were written apart, one of them is likely wrong.
void score_findings(Project& project, Diagnostics& diagnostics) {
  for (Finding& f : project.findings) {
    if (f.cvss().empty()) continue;
    cvss::Result result = cvss::evaluate(f.cvss());
    bool placed = f.origin.has_value("cvss");  // a text, since it was read into f.cvss()
    for (const cvss::Problem& problem : result.problems) {
      Diagnostic d = f.origin.problem(Level::error, "cvss", problem.message);
      if (placed) {
        d.mark = mark_in_scalar(*f.origin.doc, d.mark, problem.column);
        d.excerpt = f.origin.doc->line(d.mark);
      }
      diagnostics.add(std::move(d));
    }
    if (!result.scores) continue;
    int score = cvss::overall(*result.scores);
    f.details_to_set().cvss_score = CvssScore{*result.scores, score, cvss::rating_of(score)};
    std::optional<Severity> severity = f.history.empty() ? f.severity : finding_latest(f).severity;
    if (severity && rating_of(*severity) != f.cvss_score()->rating && !f.good_practice)
      diagnostics.add(f.origin.problem(
          Level::warning, f.history.empty() ? "severity" : "cvss",
          fmt::format("severity {} disagrees with the CVSS {} score {} ({}); the score's rating "
                      "would be {}",
                      to_string(*severity), cvss::version_name(result.scores->version),
                      cvss::format_tenths(score), cvss::rating_name(f.cvss_score()->rating),
                      rating_word(f.cvss_score()->rating))));
  }
}

/// The status each finding's history starts from (Finding::recorded_status): open when its
/// own file gives it a history, else its top-level status.
void record_statuses(Project& project) {
  for (Finding& f : project.findings)
    f.recorded_status = f.history.empty() ? f.status : std::optional(Status::open);
}

/// Adds the changes log_dir's files record to their findings' histories, each at its date
/// (after the entries of the same day already there). A change to no finding, or dated before
/// its finding was found, is an error.
void merge_changes(Project& project, std::vector<RecordedChange>& changes,
                   Diagnostics& diagnostics) {
  if (changes.empty()) return;
  IdIndex<Finding> by_id(project.findings.size());
  std::vector<std::string> ids;
  for (Finding& f : project.findings) {
    by_id.add(f);
    ids.push_back(f.id.str());
  }
  std::vector<Finding*> changed;
  for (RecordedChange& change : changes) {
    Finding* found = by_id.find(change.finding);
    if (found == nullptr) {
      std::string close = closest_name(change.finding, ids);
      diagnostics.add(change.origin.problem(
          Level::error, "finding",
          fmt::format("no finding has the id \"{}\"{}", change.finding,
                      close.empty() ? "" : fmt::format("; did you mean \"{}\"?", close))));
      continue;
    }
    Finding& f = *found;
    if (change.date.ok() && f.found && change.date < *f.found) {
      diagnostics.add(
          change.origin.problem(Level::error, "date",
                                fmt::format("change to {} dated {}, before it was found ({})", f.id,
                                            format_date(change.date), format_date(*f.found))));
      continue;
    }
    changed.push_back(&f);
    f.history.push_back(static_cast<HistoryEntry&&>(std::move(change)));
  }
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  for (Finding* f : changed)
    std::stable_sort(f->history.begin(), f->history.end(),
                     [](const HistoryEntry& a, const HistoryEntry& b) { return a.date < b.date; });
}

/// A finding with a history has the status its last entry leaves (the one history starts from
/// when no entry sets one), as a reader of the file and its log_dir would take it. Its
/// client_feedback stays the one first recorded: the pages read the feedback of their day
/// (FindingFields::client_feedback).
void settle_statuses(Project& project) {
  for (Finding& f : project.findings)
    if (!f.history.empty()) f.status = finding_latest(f).status;
}

/// A top-level status beside a history is the status after the history's last entry.
void Checker::check_latest_status(const Finding& f) {
  FindingState latest = finding_latest(f);
  if (!f.status || f.status == latest.status) return;
  if (std::any_of(f.history.begin(), f.history.end(), has_unread_status)) return;
  const HistoryEntry* says = nullptr;
  for (const HistoryEntry& entry : f.history)
    if (entry.status) says = &entry;
  std::string stated = fmt::format("status is \"{}\"", to_string(*f.status));
  if (says == nullptr)
    error(f.origin, "status",
          fmt::format("{} but no history entry changes it from \"open\"", stated));
  else
    error(f.origin, "status",
          fmt::format("{} but the history's last {} ({}) says \"{}\"", stated,
                      says == &f.history.back() ? "entry" : "change of status",
                      format_date(says->date), to_string(*says->status)));
}

/// One entry a day per author: entries of one day by different people are merged in the
/// recaps; the same author twice on a day is an error.
void Checker::check_log() {
  std::map<std::pair<Date, std::string_view>, const LogEntry*> seen;
  for (const LogEntry& entry : p_.log) {
    if (!entry.date.ok()) continue;
    auto [it, inserted] = seen.emplace(std::pair{entry.date, std::string_view(entry.by)}, &entry);
    if (!inserted) {
      Mark first = it->second->origin.mark_of("date");
      std::string author = entry.by.empty() ? std::string() : fmt::format(" by {}", entry.by);
      error(entry.origin, "date",
            fmt::format("a second log entry for {}{} (the first is at {}:{}:{}); add to that "
                        "one",
                        format_date(entry.date), author, it->second->origin.doc->file, first.line,
                        first.column));
    } else if (p_.project.start.ok() && !in_engagement(entry.date)) {
      warning(entry.origin, "date",
              fmt::format("log entry for {}, outside the engagement", format_date(entry.date)));
    }
    for (const Question& q : entry.questions)
      if (q.answered && *q.answered < entry.date)
        error(q.origin, "answered",
              fmt::format("answered on {}, before it was asked ({})", format_date(*q.answered),
                          format_date(entry.date)));
  }
}

/// A log entry's `notified` names a finding of the project, found on or before the entry's day.
void Checker::check_logged_notifications() {
  std::optional<IdIndex<const Finding>> by_id;  // made at the first notification
  std::vector<std::string> ids;
  for (const LogEntry& entry : p_.log)
    for (const LoggedNotification& n : entry.notified) {
      if (!by_id) {
        by_id.emplace(p_.findings.size());
        for (const Finding& f : p_.findings)
          if (by_id->add(f) == nullptr) ids.push_back(f.id.str());
      }
      const Finding* found = by_id->find(n.finding);
      if (found == nullptr) {
        std::string close = closest_name(n.finding, ids);
        error(n.origin, "finding",
              fmt::format("no finding has the id \"{}\"{}", n.finding,
                          close.empty() ? "" : fmt::format("; did you mean \"{}\"?", close)));
      } else if (const Finding& f = *found; entry.date.ok() && f.found && entry.date < *f.found) {
        error(n.origin, "finding",
              fmt::format("{} is notified on {}, before it was found ({})", f.id,
                          format_date(entry.date), format_date(*f.found)));
      }
    }
}

/// A person minutes name (an action's owner, who confirmed something) belongs to one of the
/// teams; anyone else is warned about, with the closest name.
void Checker::check_person(const Origin& o, std::string_view field, const std::string& name,
                           const std::vector<std::string>& people) {
  // A file with no teams yet names no one wrongly (as standards are checked only once listed).
  if (name.empty() || people.empty() || std::binary_search(people.begin(), people.end(), name))
    return;
  std::string close = closest_name(name, people);
  warning(o, field,
          fmt::format("\"{}\" is in neither team nor client_team{}", name,
                      close.empty() ? "" : fmt::format("; did you mean \"{}\"?", close)));
}

/// An action agreed in a meeting is due, and done, on the meeting's day or later; the client
/// confirms on that day or later; its owner and whoever confirmed are people of the teams.
void Checker::check_minutes_items(const Minutes& m, const std::vector<std::string>& people) {
  bool dated = m.date.ok();
  for (const Action& a : m.actions) {
    check_person(a.origin, "owner", a.owner, people);
    if (dated && a.due && a.due->ok() && *a.due < m.date)
      warning(a.origin, "due",
              fmt::format("action due on {}, before the meeting that agreed it ({})",
                          format_date(*a.due), format_date(m.date)));
    if (dated && a.done && a.done->ok() && *a.done < m.date)
      warning(a.origin, "done",
              fmt::format("action done on {}, before the meeting that agreed it ({})",
                          format_date(*a.done), format_date(m.date)));
  }
  for (const Confirmation& c : m.confirmations) {
    check_person(c.origin, "by", c.by, people);
    if (dated && c.date && c.date->ok() && *c.date < m.date)
      warning(c.origin, "date",
              fmt::format("confirmed on {}, before the meeting ({})", format_date(*c.date),
                          format_date(m.date)));
  }
}

/// Minutes name a phase of the project and a day of the engagement.
void Checker::check_minutes() {
  std::vector<std::string> phase_ids, people;
  for (const Phase& phase : p_.phases) phase_ids.push_back(phase.id);
  for (const Member& member : p_.team) people.push_back(member.name);
  for (const ClientMember& member : p_.client_team) people.push_back(member.name);
  std::sort(people.begin(), people.end());
  for (const Minutes& m : p_.minutes) {
    check_minutes_items(m, people);
    if (!m.phase.empty() &&
        std::find(phase_ids.begin(), phase_ids.end(), m.phase) == phase_ids.end()) {
      std::string close = closest_name(m.phase, phase_ids);
      error(m.origin, "phase",
            fmt::format("no phase has the id \"{}\"{}", m.phase,
                        close.empty() ? "" : fmt::format("; did you mean \"{}\"?", close)));
    }
    if (m.date.ok() && p_.project.start.ok() && !in_engagement(m.date))
      warning(m.origin, "date",
              fmt::format("minutes of {}, outside the engagement", format_date(m.date)));
  }
}

void Checker::check_contacts() {
  const ClientMember* first = nullptr;
  for (const ClientMember& m : p_.client_team) {
    if (!m.contact) continue;
    if (first != nullptr)
      warning(m.origin, "contact",
              fmt::format("\"{}\" is a second contact person (\"{}\" is one already)", m.name,
                          first->name));
    else
      first = &m;
  }
}

constexpr std::string_view kDayNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                          "Friday", "Saturday", "Sunday"};

/// Holidays matter only on workdays of the engagement; any other is likely a wrong date.
void Checker::check_holidays() {
  const ProjectInfo& info = p_.project;
  if (!info.start.ok() || !info.end.ok()) return;
  std::vector<Weekday> workdays = p_.workdays();
  for (size_t i = 0; i < info.holidays.size(); ++i) {
    Date day = info.holidays[i];
    if (!day.ok()) continue;
    auto weekday = static_cast<Weekday>(weekday_index(day));
    if (!in_engagement(day))
      item_warning(info.origin, "holidays", i,
                   fmt::format("holiday {} is outside the engagement ({} to {})", format_date(day),
                               format_date(info.start), format_date(info.end)));
    else if (std::find(workdays.begin(), workdays.end(), weekday) == workdays.end() &&
             std::find(info.extra_workdays.begin(), info.extra_workdays.end(), day) ==
                 info.extra_workdays.end())
      item_warning(info.origin, "holidays", i,
                   fmt::format("holiday {} is a {}, not a workday anyway", format_date(day),
                               kDayNames[static_cast<int>(weekday)]));
  }
}

void Checker::check_email(const Origin& o, const std::string& email) {
  if (email.empty()) return;
  if (std::string problem = email_problem(email); !problem.empty()) error(o, "email", problem);
}

void Checker::check_emails() {
  for (const Member& m : p_.team) check_email(m.origin, m.email);
  for (const ClientMember& m : p_.client_team) check_email(m.origin, m.email);
}

/// Reads a file's findings as they are parsed (ItemSink), so that they are never held as a
/// tree: each finding's subtree is freed once read, and its Origins keep Places instead.
class FindingReader {
 public:
  FindingReader(PlaceStore& places, Audience audience) : places_(places), audience_(audience) {}

  /// The sink that reads the findings into `findings`.
  ItemSink sink() {
    return {"findings",
            [this](const Document& doc, const Node& item, size_t index, bool kept) {
              take(doc, item, index, kept);
            },
            [this] {  // what the Places and paths of the findings forgotten took stays unused
              findings_.clear();
              problems_ = Diagnostics();
            }};
  }

  /// Moves the findings read into `out`, which the file's tree gave none (the tree keeps the
  /// list whole where it is not streamed: then this read none), and their problems into
  /// `diagnostics`.
  void finish(std::vector<Finding>& out, Diagnostics& diagnostics) {
    if (out.empty()) out = std::move(findings_);
    diagnostics.append(problems_);
  }

 private:
  /// Reads one finding. Its Origin keeps Places, unless its nodes are `kept` with the document:
  /// then it keeps its node, as a finding read from a whole tree does, and costs no Places.
  void take(const Document& doc, const Node& item, size_t index, bool kept) {
    size_t offset = item.mark().offset;
    if (index == 0) first_ = offset;
    if (findings_.size() == findings_.capacity() && index >= kMeasured && offset > first_) {
      // Room for as many more as the rest of the file would hold at the same size each, so
      // that the list is not copied again and again as it grows.
      size_t each = (offset - first_) / index + 1;
      size_t more = (doc.text.size() - std::min(offset, doc.text.size())) / each;
      findings_.reserve(index + more + more / 8 + kMeasured);
    }
    ReadContext ctx{&doc, problems_, places_, audience_, !kept};
    path_.clear();
    fmt::format_to(std::back_inserter(path_), "findings[{}]", index);
    read_value(ctx, item, path_, findings_.emplace_back());
  }

  static constexpr size_t kMeasured = 64;  // findings read before the list's size is guessed
  PlaceStore& places_;
  Audience audience_;
  std::vector<Finding> findings_;
  Diagnostics problems_;
  std::string path_;
  size_t first_ = 0;  // the offset of the first finding
};

std::shared_ptr<Document> parse(const std::string& file, FileText text, Diagnostics& diagnostics,
                                const Limits& limits, const ItemSink& sink) {
  Format format = detect_format(file, text.view());
  auto doc = std::make_shared<Document>();
  parse_document(*doc, file, std::move(text), format, diagnostics, limits, sink);
  if (!diagnostics.has_errors() && doc->root.is_null())
    diagnostics.error(doc->file, {}, {}, "the file is empty: expected a project mapping");
  else if (!diagnostics.has_errors() && !doc->root.is_mapping())
    diagnostics.error(doc->file, doc->root.mark(), {},
                      "expected a mapping of fields at the top level", doc->line(doc->root.mark()));
  return doc;
}

/// Sub-folders more than this many levels below log_dir are not read (an error says so), so no
/// tree of folders, however it is made, keeps the walk going.
constexpr int kMaxLogDirDepth = 16;

/// Hidden folders (`.git`, `.github`) hold no log files.
bool is_hidden(const fs::path& path) {
  std::string name = path.filename().string();
  return !name.empty() && name.front() == '.' && name != "." && name != "..";
}

bool is_log_file_name(const fs::path& path) {
  auto ext = path.extension();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

/// The folder log_dir names, relative to the project file `file`'s folder.
fs::path log_dir_path(const Project& project, const std::string& file) {
  fs::path base = file == "-" ? fs::path(".") : fs::path(file).parent_path();
  return base / project.log_dir;
}

bool same_entry(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return fs::equivalent(a, b, ec) && !ec;
}

/// Reads log_dir's files into the project; a file that cannot be read is reported by name,
/// whatever the state of the file system (loops of links, dangling links, no permission).
class LogDirReader {
 public:
  LogDirReader(Project& project, const std::string& file, Diagnostics& diagnostics,
               const Limits& limits, const FileOverrides* overrides, Audience audience)
      : project_(project),
        file_(file),
        diagnostics_(diagnostics),
        limits_(limits),
        overrides_(overrides),
        audience_(audience) {}

  /// The changes to findings the files recorded (LogFile::history), in file order.
  std::vector<RecordedChange> changes;

  /// Reads every log file; returns false when one could not be read (an I/O error).
  bool run();

 private:
  void walk(const fs::path& dir, int depth, std::set<fs::path>& walked,
            std::vector<fs::path>& files);
  bool is_project_file(const fs::path& path) const;
  void read(const fs::path& path);
  void fail(const std::string& name, const std::string& reason);
  void log_dir_error(std::string message);
  const std::string* overridden(const fs::path& path) const;
  std::vector<fs::path> with_overrides(const fs::path& dir, std::vector<fs::path> files) const;

  Project& project_;
  const std::string& file_;
  Diagnostics& diagnostics_;
  const Limits& limits_;
  const FileOverrides* overrides_;
  Audience audience_;
  bool io_failed_ = false;
  bool too_many_folders_ = false;
};

bool LogDirReader::run() {
  fs::path dir = log_dir_path(project_, file_);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    log_dir_error(fmt::format("\"{}\" is not a folder", dir.string()));
    return true;
  }
  std::set<fs::path> walked;
  std::vector<fs::path> files;
  walk(dir, 0, walked, files);
  std::sort(files.begin(), files.end());
  for (const fs::path& path : with_overrides(dir, std::move(files))) read(path);
  return !io_failed_;
}

/// The text that replaces the content of `path`, or nullptr.
const std::string* LogDirReader::overridden(const fs::path& path) const {
  if (overrides_ == nullptr) return nullptr;
  auto it = overrides_->find(path.lexically_normal().string());
  return it != overrides_->end() ? &it->second : nullptr;
}

/// `files` with the overridden files of `dir` that do not exist yet, in name order.
std::vector<fs::path> LogDirReader::with_overrides(const fs::path& dir,
                                                   std::vector<fs::path> files) const {
  if (overrides_ == nullptr) return files;
  fs::path folder = (dir / "file").lexically_normal().parent_path();  // no trailing slash
  for (const auto& [name, text] : *overrides_) {
    fs::path path(name);
    bool listed = std::any_of(files.begin(), files.end(), [&](const fs::path& file) {
      return file.lexically_normal() == path;
    });
    if (!listed && path.parent_path() == folder) files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  return files;
}

/// Adds the *.yaml, *.yml and *.json files of `dir` and of its sub-folders to `files`. A folder
/// is walked once whatever links lead to it again (`walked` holds them, resolved), its
/// sub-folders in name order so the first path to it wins; hidden folders are not walked.
void LogDirReader::walk(const fs::path& dir, int depth, std::set<fs::path>& walked,
                        std::vector<fs::path>& files) {
  std::error_code ec;
  fs::path resolved = fs::canonical(dir, ec);
  if (ec) {
    io_failed_ = true;
    return log_dir_error(fmt::format("cannot read \"{}\": {}", dir.string(), ec.message()));
  }
  if (walked.count(resolved) != 0) return;
  // At most limits_.max_log_dir_folders are walked, so `log_dir: /` ends at once, with an error.
  if (walked.size() == limits_.max_log_dir_folders) {
    if (!too_many_folders_)
      log_dir_error(
          fmt::format("more than {} folders in log_dir; \"{}\" and those after it are "
                      "not read",
                      limits_.max_log_dir_folders, dir.string()));
    too_many_folders_ = true;
    return;
  }
  walked.insert(resolved);
  if (depth > kMaxLogDirDepth)
    return log_dir_error(fmt::format("\"{}\" is more than {} folders below log_dir; it is not read",
                                     dir.string(), kMaxLogDirDepth));
  std::vector<fs::path> folders;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_directory(type_ec)) {
      if (!is_hidden(it->path())) folders.push_back(it->path());
    } else if (is_log_file_name(it->path()) && !is_project_file(it->path())) {
      files.push_back(it->path());
    }
  }
  if (ec) {
    io_failed_ = true;
    log_dir_error(fmt::format("cannot list \"{}\": {}", dir.string(), ec.message()));
  }
  std::sort(folders.begin(), folders.end());
  for (const fs::path& folder : folders) walk(folder, depth + 1, walked, files);
}

/// True when `path` is the project file itself (`log_dir: .`), under any name.
bool LogDirReader::is_project_file(const fs::path& path) const {
  return file_ != "-" && same_entry(path, file_);
}

void LogDirReader::read(const fs::path& path) {
  std::string name = path.string();
  const std::string* text = overridden(path);
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (text == nullptr && ec) return fail(name, ec.message());
  if (text == nullptr && !fs::is_regular_file(status)) return fail(name, "not a regular file");
  Diagnostics local;
  try {
    FindingReader findings(*project_.places, audience_);
    auto doc = parse(name, text != nullptr ? *text : read_file(name, limits_.max_bytes), local,
                     limits_, findings.sink());
    if (!local.has_errors()) {
      ReadContext ctx{doc.get(), local, *project_.places, audience_};
      LogFile extra;
      read_value(ctx, doc->root, "", extra);
      findings.finish(extra.findings, local);
      for (auto& entry : extra.log) project_.log.push_back(std::move(entry));
      for (auto& finding : extra.findings) project_.findings.push_back(std::move(finding));
      for (auto& change : extra.history) changes.push_back(std::move(change));
      for (auto& minutes : extra.minutes) project_.minutes.push_back(std::move(minutes));
      project_.documents.push_back(doc);
    }
  } catch (const Error& e) {
    io_failed_ = io_failed_ || e.kind() == Error::Kind::io;
    local.append(e.diagnostics());
  }
  diagnostics_.append(local);
}

void LogDirReader::fail(const std::string& name, const std::string& reason) {
  io_failed_ = true;
  diagnostics_.error(name, {}, {}, "cannot read: " + reason);
}

void LogDirReader::log_dir_error(std::string message) {
  diagnostics_.add(project_.origin.problem(Level::error, "log_dir", std::move(message)));
}

}  // namespace

namespace {

template <class T>
void erase_internal(std::vector<T>& items) {
  std::erase_if(items, [](const T& item) { return item.internal; });
}

template <class T>
void clear_notes(T& object) {
  object.notes.clear();
  object.internal_notes.clear();
}

void clear_notes(Finding& finding) {
  if (!finding.details) return;
  finding.details->notes.clear();
  finding.details->internal_notes.clear();
}

/// Leaves out of `project` what its client may not read (see load_project()).
void keep_for_client(Project& project) {
  std::set<std::string, std::less<>> left_out;
  for (const Finding& finding : project.findings)
    if (finding.internal) left_out.insert(finding.id.str());
  erase_internal(project.findings);
  for (Finding& finding : project.findings) clear_notes(finding);
  for (Phase& phase : project.phases) clear_notes(phase);
  erase_internal(project.log);
  for (LogEntry& entry : project.log) {
    clear_notes(entry);
    erase_internal(entry.questions);
    std::erase_if(entry.notified, [&](const LoggedNotification& notification) {
      return left_out.contains(notification.finding);
    });
  }
  erase_internal(project.minutes);
  for (Minutes& minutes : project.minutes) {
    clear_notes(minutes);
    erase_internal(minutes.actions);
    erase_internal(minutes.confirmations);
  }
}

}  // namespace

bool is_project_input(const std::string& file, const std::string& project_file,
                      const Project* project) {
  if (same_entry(file, project_file)) return true;
  if (project == nullptr || project->log_dir.empty() || !is_log_file_name(file)) return false;
  // In log_dir or in one of its sub-folders that the walk reads (not hidden, not too deep).
  fs::path log_dir = log_dir_path(*project, project_file);
  std::error_code ec;
  fs::path folder = fs::absolute(file, ec).lexically_normal().parent_path();
  for (int depth = 0; !ec && depth <= kMaxLogDirDepth + 1; ++depth) {
    if (same_entry(folder, log_dir)) return true;
    if (is_hidden(folder) || folder == folder.parent_path()) return false;
    folder = folder.parent_path();
  }
  return false;
}

std::string log_dir_folder(const Project& project, const std::string& project_file) {
  return (log_dir_path(project, project_file) / "file").lexically_normal().parent_path().string();
}

std::optional<Project> load_project(const std::string& file, FileText text,
                                    Diagnostics& diagnostics, const Limits& limits,
                                    const FileOverrides* overrides, Audience audience,
                                    Masking masking) {
  std::string name = file == "-" ? "<stdin>" : file;
  Project project;
  project.places = std::make_shared<PlaceStore>();
  FindingReader findings(*project.places, audience);
  Diagnostics local;
  auto doc = parse(name, std::move(text), local, limits, findings.sink());
  diagnostics.append(local);
  // A duplicate key is reported and its value left out, and the tree is whole: the model is
  // read and checked too, so every problem of the file is reported at once.
  if (local.has_errors() && !doc->root.is_mapping()) return std::nullopt;

  project.documents.push_back(doc);
  ReadContext ctx{doc.get(), diagnostics, *project.places, audience};
  read_value(ctx, doc->root, "", project);
  findings.finish(project.findings, diagnostics);
  bool logs_read = true;
  std::vector<RecordedChange> changes;
  if (!project.log_dir.empty()) {
    LogDirReader reader(project, file, diagnostics, limits, overrides, audience);
    logs_read = reader.run();
    changes = std::move(reader.changes);
  }
  record_statuses(project);
  Checker(project, diagnostics).run();
  merge_changes(project, changes, diagnostics);
  settle_statuses(project);
  score_findings(project, diagnostics);
  if (audience == Audience::client) keep_for_client(project);
  if (audience == Audience::client && masking == Masking::on) mask_project(project);
  diagnostics.sort_by_place(name);
  if (!logs_read) throw Error(Error::Kind::io, diagnostics);
  return project;
}

}  // namespace commplan
