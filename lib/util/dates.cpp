#include "util/dates.hpp"

#include <fmt/format.h>

#include "util/zoneinfo.hpp"

namespace commplan {

using namespace std::chrono;

namespace {

std::optional<int> digits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = digits(text.substr(0, 4));
  auto m = digits(text.substr(5, 2));
  auto d = digits(text.substr(8, 2));
  if (!y || !m || !d || *y < 1) return std::nullopt;
  Date date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format_date(Date date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

std::optional<int> parse_time(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  auto h = digits(text.substr(0, 2));
  auto m = digits(text.substr(3, 2));
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  return *h * 60 + *m;
}

std::string format_time(int minutes) {
  minutes = ((minutes % 1440) + 1440) % 1440;
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

Date add_days(Date date, int days) { return Date{sys_days{date} + std::chrono::days{days}}; }

int days_between(Date a, Date b) { return static_cast<int>((sys_days{b} - sys_days{a}).count()); }

int weekday_index(Date date) {
  return static_cast<int>(weekday{sys_days{date}}.iso_encoding()) - 1;
}

bool is_time_zone(std::string_view name) { return ZoneInfo::load(name).has_value(); }

namespace {

/// The day `now` falls on in `timezone` (UTC when it is empty or unknown: validation reported
/// an unknown zone).
sys_days local_day(sys_seconds now, std::string_view timezone) {
  auto zone = timezone.empty() ? std::nullopt : ZoneInfo::load(timezone);
  return floor<std::chrono::days>(zone ? now + zone->offset_at(now) : now);
}

}  // namespace

std::optional<Date> resolve_date(std::string_view spec, std::string_view timezone,
                                 std::optional<long long> source_date_epoch) {
  if (spec != "today" && spec != "yesterday") return parse_date(spec);
  Date today;
  if (source_date_epoch)
    today = Date{floor<std::chrono::days>(sys_seconds{seconds{*source_date_epoch}})};
  else
    today = Date{local_day(floor<seconds>(system_clock::now()), timezone)};
  return spec == "yesterday" ? add_days(today, -1) : today;
}

}  // namespace commplan
