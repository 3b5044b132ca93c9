#pragma once
// One time zone read straight from its file in the system's zoneinfo (RFC 8536, TZif): its
// table of transitions, and past the table the POSIX TZ rule of the file's footer. Reading the
// one file costs far less than listing the whole database (some 600 files) first.

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commplan {

/// The file of zone `name` in the system's zoneinfo folder (`$TZDIR` when set, as for the C
/// library); "" for a name that cannot be a zone of the tz database (absolute, with . or ..
/// parts, posix*, right/, Factory).
std::string zoneinfo_file(std::string_view name);

/// From `at` (UTC seconds) on, the offset from UTC is `offset` seconds.
struct OffsetChange {
  std::int64_t at;
  std::int32_t offset;
};

/// A POSIX TZ string as a TZif footer gives it (RFC 8536 §3.3): standard time, and perhaps
/// daylight saving time between two days of each year, e.g. "CET-1CEST,M3.5.0,M10.5.0/3".
class TzRule {
 public:
  /// The rule `text` states; nullopt when it is not such a string. Times of day of a change
  /// may run from -167 to 167 hours (RFC 8536 §3.3.1); daylight saving time needs its days.
  static std::optional<TzRule> parse(std::string_view text);

  /// The offset from UTC at `utc`.
  std::chrono::seconds offset_at(std::chrono::sys_seconds utc) const;

  /// Appends the offset at `from` (as a change at `from`), then each change in (from, to].
  void changes(std::int64_t from, std::int64_t to, std::vector<OffsetChange>& out) const;

 private:
  /// A day of change in a year and the local time of day of the change.
  struct When {
    enum Form : char { kJulian, kDayOfYear, kMonthWeek } form;
    int day;            // Jn: 1..365; n: 0..365; Mm.w.d: d, 0 = Sunday
    int month;          // Mm.w.d: 1..12
    int week;           // Mm.w.d: 1..5, 5 = the last
    std::int32_t time;  // seconds after local midnight
  };
  static std::optional<When> parse_when(std::string_view& text);
  /// The local time of `when` in `year`, in seconds as if it were UTC.
  static std::int64_t local_time(const When& when, int year);
  /// The changes of `year`: to daylight saving time, and back to standard time.
  std::array<OffsetChange, 2> year_changes(int year) const;
  /// The offset at `from`; appends the changes in (from, to] to `later`, in no set order.
  std::int32_t scan(std::int64_t from, std::int64_t to, std::vector<OffsetChange>& later) const;

  std::int32_t standard_ = 0;  // offsets from UTC, seconds
  std::int32_t daylight_ = 0;
  bool saves_daylight_ = false;  // then daylight_ holds from start_ to end_
  When start_{}, end_{};
};

/// A zone's transitions and offsets as its TZif file lists them, and its footer's rule.
class ZoneInfo {
 public:
  /// The zone `name` read from its file (zoneinfo_file()), or nullopt when there is none, it
  /// cannot be read, or it holds what this reader does not handle (leap seconds, a footer that
  /// is no TZ rule). is_time_zone() is whether this gives a zone.
  static std::optional<ZoneInfo> load(std::string_view name);

  /// The zone the TZif data `file` describes, as load() reads it.
  static std::optional<ZoneInfo> parse(std::string_view file);

  /// The offset from UTC at `utc`.
  std::chrono::seconds offset_at(std::chrono::sys_seconds utc) const;

  /// The instant of the wall-clock time `local` (given as if it were UTC): a time skipped by a
  /// change maps to the moment of the change, a repeated one to its first occurrence (as
  /// date's choose::earliest).
  std::chrono::sys_seconds to_utc(std::chrono::sys_seconds local) const;

 private:
  std::int32_t offset_after(std::ptrdiff_t transition) const;
  /// Where the footer's rule takes over.
  std::int64_t rule_from() const;
  /// The offset at `from` (as a change at `from`), then each change in (from, to].
  std::vector<OffsetChange> changes(std::int64_t from, std::int64_t to) const;

  std::vector<std::int64_t> transitions_;  // UTC seconds, ascending
  std::vector<std::uint8_t> types_;        // the time type from each transition on
  std::vector<std::int32_t> offsets_;      // each time type's offset from UTC, seconds
  std::optional<TzRule> rule_;  // from the last transition on; without it the last type holds
};

}  // namespace commplan
