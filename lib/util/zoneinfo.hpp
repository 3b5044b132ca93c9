#pragma once
// One time zone read straight from its file in the system's zoneinfo (RFC 8536, TZif):
// date::locate_zone() first lists the whole database (some 600 files), which costs more than
// the rest of a brief. Answers only what the file's table of transitions covers.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commplan {

/// The file of zone `name` in the system's zoneinfo folder; "" for a name that cannot be a zone
/// of date's database (absolute, with . or .. parts, posix*, right/, Factory).
std::string zoneinfo_file(std::string_view name);

/// A zone's transitions and offsets as its TZif file lists them.
class ZoneInfo {
 public:
  /// The zone `name` (a name is_time_zone() takes), or nullopt when its file cannot be read
  /// or holds what this reader does not handle (leap seconds, version 1 only).
  static std::optional<ZoneInfo> load(std::string_view name);

  /// The offset from UTC at `utc`; nullopt past the table when the file's rule (its POSIX TZ
  /// footer) brings daylight saving time.
  std::optional<std::chrono::seconds> offset_at(std::chrono::sys_seconds utc) const;

  /// The instant of the wall-clock time `local` (given as if it were UTC): a time skipped by a
  /// change maps to the moment of the change, a repeated one to its first occurrence, as
  /// date's choose::earliest; nullopt where offset_at() has no answer.
  std::optional<std::chrono::sys_seconds> to_utc(std::chrono::sys_seconds local) const;

 private:
  std::int32_t offset_after(std::ptrdiff_t transition) const;

  std::vector<std::int64_t> transitions_;  // UTC seconds, ascending
  std::vector<std::uint8_t> types_;        // the time type from each transition on
  std::vector<std::int32_t> offsets_;      // each time type's offset from UTC, seconds
  bool rule_after_ = false;                // past the last transition a DST rule applies
};

}  // namespace commplan
