#pragma once
// iCalendar (RFC 5545) output: a calendar of events written with CRLF line ends, lines folded
// at 75 octets, TEXT values escaped, and start and end times in UTC converted from the
// calendar's IANA time zone with the system tz database (floating local times without one).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/dates.hpp"

namespace commplan::ics {

/// Someone with a name and (perhaps) an e-mail address.
struct Person {
  std::string name, email;
};

/// One VEVENT. Times are local wall-clock times of the calendar's zone.
struct Event {
  std::string uid;
  Date date;
  int start = 0;     ///< minutes after midnight
  int duration = 0;  ///< minutes
  std::string summary, description, location;
  std::optional<Person> organizer;  ///< written only with an e-mail address
  std::vector<Person> attendees;    ///< those with an e-mail address are written
};

/// A VCALENDAR.
struct Calendar {
  std::string prodid;    ///< e.g. `-//commplan//commplan 0.1.0//EN`
  std::string name;      ///< X-WR-CALNAME, the name calendar clients show; may be empty
  std::string timezone;  ///< IANA name; empty: floating local times
  Date stamp;            ///< DTSTAMP of every event, at 00:00:00 UTC
  std::vector<Event> events;
};

/// The calendar as RFC 5545 text. Throws Error(invalid_input) for an unknown time zone.
std::string write(const Calendar& calendar);

/// A TEXT value escaped (RFC 5545 §3.3.11): `\` `;` `,` and line breaks; other control
/// characters become spaces.
std::string escape_text(std::string_view text);

/// One content line folded to at most 75 octets a line (RFC 5545 §3.1), never inside a UTF-8
/// character, each line ended with CRLF and each continuation started with one space.
std::string fold(std::string_view line);

/// `YYYYMMDDTHHMMSSZ`: local `minutes` after midnight of `date` in `timezone` as UTC, or the
/// floating `YYYYMMDDTHHMMSS` when `timezone` is empty. A local time skipped by a DST change
/// maps to the moment of the change; a repeated one to its first occurrence.
std::string date_time(Date date, int minutes, std::string_view timezone);

}  // namespace commplan::ics
