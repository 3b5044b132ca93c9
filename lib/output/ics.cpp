#include "output/ics.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>

#include "util/diagnostic.hpp"
#include "util/text.hpp"
#include "util/zoneinfo.hpp"

namespace commplan::ics {

namespace {

using std::chrono::minutes;
using std::chrono::sys_days;
using std::chrono::sys_seconds;

constexpr size_t kMaxOctets = 75;

std::string utc_text(sys_seconds time) { return date::format("%Y%m%dT%H%M%SZ", time); }

std::string local_text(sys_seconds wall_clock) { return date::format("%Y%m%dT%H%M%S", wall_clock); }

/// A calendar's time zone, read from its one zoneinfo file; none for floating times.
class Zone {
 public:
  explicit Zone(std::string_view name) {
    if (name.empty()) return;
    info_ = ZoneInfo::load(name);
    if (!info_)  // no file, or none in TZif: an unknown zone is an error here
      throw Error(Error::Kind::invalid_input, "",
                  fmt::format("unknown time zone \"{}\" in project.timezone", name));
  }

  bool floating() const { return !info_; }

  /// The instant local `day` + `offset` stands for.
  sys_seconds to_utc(Date day, minutes offset) const {
    return info_->to_utc(sys_seconds{sys_days{day} + offset});
  }

 private:
  std::optional<ZoneInfo> info_;
};

/// A parameter value (RFC 5545 §3.1): quoted when it holds `:` `;` or `,`; `"` and control
/// characters, which no parameter value may hold, become `'` and spaces.
std::string param_value(std::string_view text) {
  std::string value;
  bool quote = false;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"')
      c = '\'';
    else if (byte < 0x20 || byte == 0x7F)
      c = ' ';
    quote = quote || c == ':' || c == ';' || c == ',';
    value += c;
  }
  return quote ? "\"" + value + "\"" : value;
}

/// An e-mail address usable in a mailto: URI (no white space, controls or brackets).
bool usable_email(std::string_view email) {
  if (email.empty() || email.find('@') == std::string_view::npos) return false;
  for (char c : email) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F || c == '<' || c == '>' || c == '"') return false;
  }
  return true;
}

std::string address_line(std::string_view property, const Person& person) {
  return fmt::format("{};CN={}:mailto:{}", property, param_value(person.name), person.email);
}

class Writer {
 public:
  explicit Writer(const Calendar& calendar) : calendar_(calendar), zone_(calendar.timezone) {}

  std::string run() {
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:" + calendar_.prodid);
    line("CALSCALE:GREGORIAN");
    if (!calendar_.name.empty()) line("X-WR-CALNAME:" + escape_text(calendar_.name));
    for (const Event& event : calendar_.events) write_event(event);
    for (const Cancelled& event : calendar_.cancelled) write_cancelled(event);
    line("END:VCALENDAR");
    return std::move(out_);
  }

 private:
  void line(std::string_view text) { out_ += fold(text); }

  std::string time_of(Date day, int offset) const {
    if (zone_.floating()) return local_text(sys_days{day} + minutes{offset});
    return utc_text(zone_.to_utc(day, minutes{offset}));
  }

  void write_times(const Event& event) {
    std::string start = time_of(event.date, event.start);
    std::string end;
    if (zone_.floating())
      end = time_of(event.date, event.start + event.duration);
    else
      end = utc_text(zone_.to_utc(event.date, minutes{event.start}) + minutes{event.duration});
    line("DTSTART:" + start);
    line("DTEND:" + end);
  }

  void write_people(const Event& event) {
    bool organizer = event.organizer && usable_email(event.organizer->email);
    if (!organizer) return;  // RFC 5545 §3.8.4.3: attendees need an organizer
    line(address_line("ORGANIZER", *event.organizer));
    for (const Person& person : event.attendees)
      if (usable_email(person.email)) line(address_line("ATTENDEE", person));
  }

  void write_event(const Event& event) {
    line("BEGIN:VEVENT");
    line("UID:" + event.uid);
    line("DTSTAMP:" + utc_text(sys_days{calendar_.stamp}));
    line(fmt::format("SEQUENCE:{}", event.sequence));
    write_times(event);
    line("SUMMARY:" + escape_text(event.summary));
    if (!event.description.empty()) line("DESCRIPTION:" + escape_text(event.description));
    if (!event.location.empty()) line("LOCATION:" + escape_text(event.location));
    write_people(event);
    line("END:VEVENT");
  }

  void write_cancelled(const Cancelled& event) {
    line("BEGIN:VEVENT");
    line("UID:" + event.uid);
    line("DTSTAMP:" + utc_text(sys_days{calendar_.stamp}));
    line(fmt::format("SEQUENCE:{}", event.sequence));
    line("STATUS:CANCELLED");
    for (const std::string& kept : event.lines) line(kept);
    line("END:VEVENT");
  }

  const Calendar& calendar_;
  Zone zone_;
  std::string out_;
};

/// Length of the UTF-8 sequence a lead byte starts (1 for stray continuation bytes).
size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

/// A content line of a calendar read back: its name (upper case), its value, where it starts.
struct ContentLine {
  std::string name, value, text;
  int line = 0;
};

/// The content lines of `text`, unfolded (a line starting with a space or a tab continues the
/// one before, RFC 5545 §3.1).
std::vector<ContentLine> content_lines(std::string_view text) {
  std::vector<ContentLine> lines;
  int number = 0;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(at, end - at);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    ++number;
    at = end + 1;
    if (!raw.empty() && (raw[0] == ' ' || raw[0] == '\t') && !lines.empty()) {
      lines.back().text.append(raw.substr(1));
      continue;
    }
    if (raw.empty()) continue;
    lines.push_back({{}, {}, std::string(raw), number});
  }
  for (ContentLine& l : lines) {
    // The name ends at the first `;` or `:`; the value after the first `:` outside quotes.
    size_t name_end = l.text.find_first_of(";:");
    l.name = l.text.substr(0, name_end);
    for (char& c : l.name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    bool quoted = false;
    for (size_t i = name_end == std::string::npos ? l.text.size() : name_end; i < l.text.size();
         ++i) {
      if (l.text[i] == '"') quoted = !quoted;
      if (l.text[i] == ':' && !quoted) {
        l.value = l.text.substr(i + 1);
        break;
      }
    }
  }
  return lines;
}

[[noreturn]] void unreadable(const std::string& file, int line, std::string message) {
  Diagnostics diagnostics;
  diagnostics.error(file, Mark{line, 1, 0}, "", std::move(message));
  throw Error(Error::Kind::invalid_input, std::move(diagnostics));
}

}  // namespace

std::vector<PriorEvent> read_events(const std::string& file, std::string_view text) {
  std::vector<ContentLine> lines = content_lines(text);
  if (lines.empty() || lines.front().name != "BEGIN" || lines.front().value != "VCALENDAR")
    unreadable(file, lines.empty() ? 1 : lines.front().line,
               "not an iCalendar file: expected BEGIN:VCALENDAR first");
  std::vector<PriorEvent> events;
  std::vector<std::string> attendees;
  bool in_event = false;
  int depth = 0;  // components nested in the event (VALARM)
  for (const ContentLine& l : lines) {
    if (!in_event) {
      if (l.name == "BEGIN" && l.value == "VEVENT") {
        in_event = true;
        events.push_back({});
        events.back().line = l.line;
        attendees.clear();
      }
      continue;
    }
    PriorEvent& event = events.back();
    if (l.name == "BEGIN") ++depth;
    if (depth > 0) {
      if (l.name == "END") --depth;
      continue;
    }
    if (l.name == "END" && l.value == "VEVENT") {
      in_event = false;
      if (event.uid.empty()) unreadable(file, event.line, "an event without a UID");
      std::sort(attendees.begin(), attendees.end());
      for (const std::string& a : attendees) event.who += a + "\n";
      continue;
    }
    if (l.name == "UID") event.uid = l.value;
    if (l.name == "SEQUENCE") {
      int n = 0;
      auto [end, ec] = std::from_chars(l.value.data(), l.value.data() + l.value.size(), n);
      if (ec != std::errc() || end != l.value.data() + l.value.size() || n < 0)
        unreadable(file, l.line, fmt::format("SEQUENCE \"{}\" is not a whole number", l.value));
      // RFC 5545's integers end at 2^31 - 1: an update could not number the event after it.
      if (n == std::numeric_limits<int>::max())
        unreadable(file, l.line,
                   fmt::format("SEQUENCE {} is the largest a calendar holds: the event cannot be "
                               "numbered again",
                               n));
      event.sequence = n;
    }
    if (l.name == "STATUS") event.cancelled = l.value == "CANCELLED";
    if (l.name == "DTSTART" || l.name == "DTEND") event.when += l.text + "\n";
    if (l.name == "LOCATION") event.where = l.text;
    if (l.name == "ATTENDEE") attendees.push_back(l.text);
    if (l.name == "DTSTART" || l.name == "DTEND" || l.name == "SUMMARY" || l.name == "LOCATION" ||
        l.name == "ORGANIZER" || l.name == "ATTENDEE")
      event.lines.push_back(l.text);
  }
  if (in_event) unreadable(file, events.back().line, "an event without END:VEVENT");
  std::sort(events.begin(), events.end(),
            [](const PriorEvent& a, const PriorEvent& b) { return a.uid < b.uid; });
  for (size_t i = 1; i < events.size(); ++i)
    if (events[i].uid == events[i - 1].uid)
      unreadable(file, std::max(events[i].line, events[i - 1].line),
                 fmt::format("a second event with UID {}", events[i].uid));
  return events;
}

std::string write(const Calendar& calendar) { return Writer(calendar).run(); }

std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      out += "\\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      out += "\\n";
    } else if (is_control(c)) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string fold(std::string_view line) {
  std::string out;
  size_t room = kMaxOctets;  // octets left on the current output line
  for (size_t i = 0; i < line.size();) {
    size_t length = std::min(sequence_length(static_cast<unsigned char>(line[i])), line.size() - i);
    if (length > room) {
      out += "\r\n ";
      room = kMaxOctets - 1;
    }
    out.append(line.substr(i, length));
    room -= length;
    i += length;
  }
  out += "\r\n";
  return out;
}

std::string date_time(Date date, int minutes_after_midnight, std::string_view timezone) {
  Zone zone(timezone);
  if (zone.floating()) return local_text(sys_days{date} + minutes{minutes_after_midnight});
  return utc_text(zone.to_utc(date, minutes{minutes_after_midnight}));
}

}  // namespace commplan::ics
