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
  int sequence = 0;                 ///< SEQUENCE: how many times it was changed since sent
};

/// An event of an earlier calendar that is no longer planned: written again with
/// STATUS:CANCELLED, its UID, a higher SEQUENCE and the content lines it had (times, summary,
/// place, people), so a calendar program that imported it removes it.
struct Cancelled {
  std::string uid;
  int sequence = 0;
  std::vector<std::string> lines;  ///< unfolded content lines, e.g. `DTSTART:20261207T013000Z`
};

/// A VCALENDAR.
struct Calendar {
  std::string prodid;    ///< e.g. `-//commplan//commplan 0.1.0//EN`
  std::string name;      ///< X-WR-CALNAME, the name calendar clients show; may be empty
  std::string timezone;  ///< IANA name; empty: floating local times
  Date stamp;            ///< DTSTAMP of every event, at 00:00:00 UTC
  std::vector<Event> events;
  std::vector<Cancelled> cancelled;  ///< written after the events
};

/// A VEVENT of a calendar read back (read_events): what an update compares, and the content
/// lines a cancellation repeats.
struct PriorEvent {
  std::string uid;
  int sequence = 0;
  bool cancelled = false;  ///< STATUS:CANCELLED
  /// DTSTART, DTEND, LOCATION and the sorted ATTENDEE lines, as written: the event "changed"
  /// (RFC 5546 §2.1.4) when one of them differs.
  std::string when, where, who;
  std::vector<std::string> lines;  ///< DTSTART, DTEND, SUMMARY, LOCATION, ORGANIZER, ATTENDEE
  int line = 0;                    ///< where BEGIN:VEVENT stands in the file
};

/// The VEVENTs of an iCalendar text (RFC 5545: unfolded, CRLF or LF). Throws
/// Error(invalid_input), located in `file`, for a text that is no calendar, an event without
/// a UID, two events with one UID, or a SEQUENCE that is no whole number or is the largest
/// (2147483647, which no update can raise).
std::vector<PriorEvent> read_events(const std::string& file, std::string_view text);

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
