#include "util/zoneinfo.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "util/diagnostic.hpp"
#include "util/read.hpp"

namespace commplan {

using std::chrono::days;
using std::chrono::seconds;
using std::chrono::sys_days;
using std::chrono::sys_seconds;

namespace {

constexpr size_t kHeader = 44;              // "TZif", version, 15 unused bytes, six counts
constexpr size_t kMaxFile = 1 << 20;        // zoneinfo files are a few kilobytes
constexpr std::int64_t kReach = 2 * 86400;  // more than any offset from UTC
constexpr std::int32_t kHour = 3600;

std::uint64_t big_endian(std::string_view bytes) {
  std::uint64_t value = 0;
  for (char c : bytes) value = value << 8 | static_cast<unsigned char>(c);
  return value;
}

/// A two's complement number of 4 or 8 bytes.
std::int64_t signed_big_endian(std::string_view bytes) {
  auto unused = static_cast<int>(64 - 8 * bytes.size());
  return static_cast<std::int64_t>(big_endian(bytes) << unused) >> unused;
}

/// The counts of a TZif header at `at`: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt.
struct Counts {
  size_t isut, isstd, leap, time, type, chars;

  /// The size of the data block that follows the header, with `time_size`-byte times.
  size_t block(size_t time_size) const {
    return time * time_size + time + type * 6 + chars + leap * (time_size + 4) + isstd + isut;
  }
};

std::optional<Counts> counts_at(std::string_view file, size_t at) {
  if (file.size() < at + kHeader || file.substr(at, 4) != "TZif") return std::nullopt;
  auto count = [&](size_t i) {
    return static_cast<size_t>(big_endian(file.substr(at + 20 + 4 * i, 4)));
  };
  return Counts{count(0), count(1), count(2), count(3), count(4), count(5)};
}

/// Takes `c` off the front of `text`.
bool take(std::string_view& text, char c) {
  if (text.empty() || text.front() != c) return false;
  text.remove_prefix(1);
  return true;
}

/// Takes a number of at most `max` off the front of `text`.
std::optional<int> take_number(std::string_view& text, int max) {
  size_t digits = 0;
  int value = 0;
  for (; digits < text.size() && text[digits] >= '0' && text[digits] <= '9'; ++digits) {
    value = value * 10 + (text[digits] - '0');
    if (value > max) return std::nullopt;
  }
  if (digits == 0) return std::nullopt;
  text.remove_prefix(digits);
  return value;
}

/// Takes `[+-]hh[:mm[:ss]]` off the front of `text`, in seconds, with at most `max_hours`.
std::optional<std::int32_t> take_hms(std::string_view& text, int max_hours) {
  std::int32_t sign = 1;
  if (take(text, '-'))
    sign = -1;
  else
    take(text, '+');
  auto hours = take_number(text, max_hours);
  if (!hours) return std::nullopt;
  std::int32_t value = *hours * kHour;
  for (std::int32_t unit : {60, 1}) {
    if (!take(text, ':')) break;
    auto part = take_number(text, 59);
    if (!part) return std::nullopt;
    value += *part * unit;
  }
  return sign * value;
}

bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

/// Takes a zone abbreviation off the front of `text`: three letters or more, or <...> of three
/// letters, digits, + or - or more (for names like <+0330>).
bool take_name(std::string_view& text) {
  bool quoted = take(text, '<');
  size_t length = 0;
  while (length < text.size() &&
         (is_letter(text[length]) || (quoted && ((text[length] >= '0' && text[length] <= '9') ||
                                                 text[length] == '+' || text[length] == '-'))))
    ++length;
  if (length < 3) return false;
  text.remove_prefix(length);
  return !quoted || take(text, '>');
}

int year_of(std::int64_t utc) {
  auto day = std::chrono::floor<days>(sys_seconds{seconds{utc}});
  return static_cast<int>(std::chrono::year_month_day{day}.year());
}

}  // namespace

std::optional<TzRule> TzRule::parse(std::string_view text) {
  TzRule rule;
  // Offsets count west of Greenwich, the other way from offsets from UTC.
  auto standard = take_name(text) ? take_hms(text, 24) : std::nullopt;
  if (!standard) return std::nullopt;
  rule.standard_ = -*standard;
  if (text.empty()) return rule;
  if (!take_name(text)) return std::nullopt;
  rule.daylight_ = rule.standard_ + kHour;  // an hour ahead unless said
  if (!text.empty() && text.front() != ',') {
    auto daylight = take_hms(text, 24);
    if (!daylight) return std::nullopt;
    rule.daylight_ = -*daylight;
  }
  // The days of change: POSIX leaves them to the system when they are missing, and no zone's
  // footer leaves them out.
  auto start = take(text, ',') ? parse_when(text) : std::nullopt;
  auto end = start && take(text, ',') ? parse_when(text) : std::nullopt;
  if (!end || !text.empty()) return std::nullopt;
  rule.saves_daylight_ = true;
  rule.start_ = *start;
  rule.end_ = *end;
  return rule;
}

std::optional<TzRule::When> TzRule::parse_when(std::string_view& text) {
  When when{};
  std::optional<int> day, month, week;
  if (take(text, 'J')) {
    when.form = When::kJulian;
    day = take_number(text, 365);
    if (day == 0) return std::nullopt;
  } else if (take(text, 'M')) {
    when.form = When::kMonthWeek;
    month = take_number(text, 12);
    week = month && take(text, '.') ? take_number(text, 5) : std::nullopt;
    day = week && take(text, '.') ? take_number(text, 6) : std::nullopt;
    if (month == 0 || week == 0) return std::nullopt;
  } else {
    when.form = When::kDayOfYear;
    day = take_number(text, 365);
  }
  if (!day) return std::nullopt;
  when.day = *day;
  when.month = month.value_or(0);
  when.week = week.value_or(0);
  when.time = 2 * kHour;
  if (take(text, '/')) {
    auto time = take_hms(text, 167);
    if (!time) return std::nullopt;
    when.time = *time;
  }
  return when;
}

std::int64_t TzRule::local_time(const When& when, int year) {
  using std::chrono::month;
  using std::chrono::weekday;
  std::chrono::year y{year};
  sys_days day = sys_days{y / 1 / 1};
  if (when.form == When::kJulian)  // February 29 is never counted
    day += days{when.day - 1 + (y.is_leap() && when.day >= 60 ? 1 : 0)};
  else if (when.form == When::kDayOfYear)
    day += days{when.day};
  else if (when.week == 5)
    day = sys_days{y / month(static_cast<unsigned>(when.month)) /
                   weekday(static_cast<unsigned>(when.day))[std::chrono::last]};
  else
    day = sys_days{y / month(static_cast<unsigned>(when.month)) /
                   weekday(static_cast<unsigned>(when.day))[static_cast<unsigned>(when.week)]};
  return day.time_since_epoch().count() * 86400 + when.time;
}

std::array<OffsetChange, 2> TzRule::year_changes(int year) const {
  // The start is given in standard time, the end in daylight saving time; in southern zones
  // the end comes first.
  return {OffsetChange{local_time(start_, year) - standard_, daylight_},
          OffsetChange{local_time(end_, year) - daylight_, standard_}};
}

std::int32_t TzRule::scan(std::int64_t from, std::int64_t to,
                          std::vector<OffsetChange>& later) const {
  if (!saves_daylight_) return standard_;
  // From two years before `from`: a year's changes may stray a week into the years either side.
  // Of changes at one instant the later in the rule wins: daylight saving time all year ends on
  // December 31 at the moment it starts on January 1.
  OffsetChange last{INT64_MIN, standard_};
  for (int year = year_of(from) - 2; year <= year_of(to) + 1; ++year)
    for (const OffsetChange& change : year_changes(year))
      if (change.at > from && change.at <= to)
        later.push_back(change);
      else if (change.at <= from && change.at >= last.at)
        last = change;
  return last.offset;
}

seconds TzRule::offset_at(sys_seconds utc) const {
  std::vector<OffsetChange> none;
  auto t = utc.time_since_epoch().count();
  return seconds{scan(t, t, none)};
}

void TzRule::changes(std::int64_t from, std::int64_t to, std::vector<OffsetChange>& out) const {
  size_t first = out.size() + 1;
  out.push_back({from, 0});
  std::int32_t offset = scan(from, to, out);
  out[first - 1].offset = offset;
  // In order of time, and of changes at one instant only the later in the rule, as scan().
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                   [](const OffsetChange& a, const OffsetChange& b) { return a.at < b.at; });
  for (size_t i = first; i + 1 < out.size();)
    if (out[i].at == out[i + 1].at)
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(i));
    else
      ++i;
}

std::optional<ZoneInfo> ZoneInfo::load(std::string_view name) {
  std::string path = zoneinfo_file(name);
  if (path.empty()) return std::nullopt;
  try {
    return parse(read_file(path, kMaxFile));
  } catch (const Error&) {  // missing, unreadable, or larger than any zoneinfo file
    return std::nullopt;
  }
}

std::optional<ZoneInfo> ZoneInfo::parse(std::string_view file) {
  auto counts = counts_at(file, 0);
  if (!counts || (file[4] != '\0' && file[4] < '2')) return std::nullopt;
  // Version 1 has 32-bit times only; version 2 and later repeat the data with 64-bit times,
  // then give the footer.
  bool wide = file[4] >= '2';
  size_t time_size = wide ? 8 : 4;
  size_t at = wide ? kHeader + counts->block(4) : 0;
  if (wide) counts = counts_at(file, at);
  if (!counts || counts->leap != 0 || counts->type == 0 || counts->type > 255) return std::nullopt;
  at += kHeader;
  size_t footer_at = at + counts->block(time_size);
  if (file.size() < footer_at + (wide ? 2 : 0)) return std::nullopt;

  ZoneInfo zone;
  for (size_t i = 0; i < counts->time; ++i)
    zone.transitions_.push_back(signed_big_endian(file.substr(at + time_size * i, time_size)));
  at += time_size * counts->time;
  for (size_t i = 0; i < counts->time; ++i)
    zone.types_.push_back(static_cast<std::uint8_t>(file[at + i]));
  at += counts->time;
  for (size_t i = 0; i < counts->type; ++i)
    zone.offsets_.push_back(
        static_cast<std::int32_t>(signed_big_endian(file.substr(at + 6 * i, 4))));
  bool sorted = std::is_sorted(zone.transitions_.begin(), zone.transitions_.end());
  bool typed = std::all_of(zone.types_.begin(), zone.types_.end(),
                           [&](std::uint8_t t) { return t < counts->type; });
  // to_utc() looks for the offsets in effect within kReach of a wall-clock time.
  bool near = std::all_of(zone.offsets_.begin(), zone.offsets_.end(),
                          [](std::int32_t o) { return o > -kReach && o < kReach; });
  if (!sorted || !typed || !near) return std::nullopt;
  if (!wide) return zone;
  // The footer: a POSIX TZ string for the time after the table. An empty one leaves that time
  // unspecified: the last type holds, as in version 1.
  size_t end = file.find('\n', footer_at + 1);
  if (file[footer_at] != '\n' || end == std::string::npos) return std::nullopt;
  std::string_view footer = file.substr(footer_at + 1, end - footer_at - 1);
  if (footer.empty()) return zone;
  zone.rule_ = TzRule::parse(footer);
  if (!zone.rule_) return std::nullopt;
  return zone;
}

std::int32_t ZoneInfo::offset_after(std::ptrdiff_t transition) const {
  // Before the first transition the first time type applies (RFC 8536, 3.2).
  return transition < 0 ? offsets_[0] : offsets_[types_[static_cast<size_t>(transition)]];
}

std::int64_t ZoneInfo::rule_from() const {
  // The rule takes over at the last transition (in a file without any, from the start).
  if (!rule_) return INT64_MAX;
  return transitions_.empty() ? INT64_MIN : transitions_.back();
}

seconds ZoneInfo::offset_at(sys_seconds utc) const {
  auto t = utc.time_since_epoch().count();
  if (t >= rule_from()) return rule_->offset_at(utc);
  auto next = std::upper_bound(transitions_.begin(), transitions_.end(), t);
  return seconds{offset_after(next - transitions_.begin() - 1)};
}

std::vector<OffsetChange> ZoneInfo::changes(std::int64_t from, std::int64_t to) const {
  std::vector<OffsetChange> out;
  std::int64_t rule_start = rule_from();
  if (from < rule_start) {
    auto next = std::upper_bound(transitions_.begin(), transitions_.end(), from);
    out.push_back({from, offset_after(next - transitions_.begin() - 1)});
    for (; next != transitions_.end() && *next <= to && *next < rule_start; ++next)
      out.push_back({*next, offset_after(next - transitions_.begin())});
  }
  if (to >= rule_start) rule_->changes(std::max(from, rule_start), to, out);
  return out;
}

sys_seconds ZoneInfo::to_utc(sys_seconds local) const {
  auto wall = local.time_since_epoch().count();
  // The offsets in effect around every instant `wall` could stand for, in order.
  std::vector<OffsetChange> periods = changes(wall - kReach, wall + kReach);
  for (size_t i = 0; i < periods.size(); ++i) {
    std::int64_t utc = wall - periods[i].offset;
    bool from = i == 0 || periods[i].at <= utc;
    bool until = i + 1 == periods.size() || utc < periods[i + 1].at;
    if (from && until) return sys_seconds{seconds{utc}};  // the earliest period that holds it
  }
  // Skipped by a change (there are two periods or more): the change after which the wall
  // clock first reads past it.
  size_t i = 1;
  while (i + 1 < periods.size() && periods[i].at + periods[i].offset <= wall) ++i;
  return sys_seconds{seconds{periods[i].at}};
}

std::string zoneinfo_file(std::string_view name) {
  if (name.empty() || name.front() == '/') return {};
  // What date's database leaves out: hidden files, posix* and right/, Factory. Its other
  // exclusions (zone.tab, tzdata.zi, ...) are not TZif files.
  for (size_t at = 0; at <= name.size();) {
    size_t slash = std::min(name.find('/', at), name.size());
    std::string_view part = name.substr(at, slash - at);
    if (part.empty() || part.front() == '.' || part.starts_with("posix") || part == "right" ||
        part == "Factory")
      return {};
    at = slash + 1;
  }
  // TZDIR names another folder, as it does for the C library's own time functions.
  if (const char* tzdir = std::getenv("TZDIR"); tzdir != nullptr && *tzdir != '\0')
    return std::string(tzdir) + "/" + std::string(name);
  std::error_code ec;
  std::string dir = std::filesystem::is_directory("/usr/share/zoneinfo/uclibc", ec)
                        ? "/usr/share/zoneinfo/uclibc/"
                        : "/usr/share/zoneinfo/";
  return dir + std::string(name);
}

}  // namespace commplan
