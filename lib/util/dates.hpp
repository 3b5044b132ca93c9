#pragma once
// Calendar dates and clock times of the project file, on C++20 <chrono>.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace commplan {

using Date = std::chrono::year_month_day;

/// A strict `YYYY-MM-DD` that names a real calendar day; nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);

/// `YYYY-MM-DD`.
std::string format_date(Date date);

/// Minutes after midnight of a strict `HH:MM` (00:00 to 23:59); nullopt otherwise.
std::optional<int> parse_time(std::string_view text);

/// `HH:MM` of minutes after midnight (wrapping past 24:00).
std::string format_time(int minutes);

/// The date `days` after `date`.
Date add_days(Date date, int days);

/// Days from `a` to `b` (negative when b is earlier).
int days_between(Date a, Date b);

/// 0 = Monday … 6 = Sunday.
int weekday_index(Date date);

/// Whether `name` is a zone of the system's tz database whose file in /usr/share/zoneinfo
/// reads as a zone (ZoneInfo::load; only the one file is read): a file that is not one, or is
/// damaged, is no zone, so validation reports it instead of the pages falling back to UTC.
bool is_time_zone(std::string_view name);

/// The day "today" means: `spec` is YYYY-MM-DD, "today" or "yesterday". Today is the current
/// date in `timezone` (IANA name; UTC when empty or unknown), or the UTC date of
/// `source_date_epoch` (seconds) when given. Returns nullopt for a malformed spec.
std::optional<Date> resolve_date(std::string_view spec, std::string_view timezone,
                                 std::optional<long long> source_date_epoch);

}  // namespace commplan
