#include "output/mail.hpp"

#include <fmt/format.h>

#include <chrono>
#include <iterator>
#include <optional>

#include "util/uid.hpp"

namespace commplan::mail {

namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `data` in base64 (RFC 4648), on one line.
std::string base64(std::string_view data) {
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < data.size(); i += 3) {
    unsigned n = static_cast<unsigned char>(data[i]) << 16 |
                 static_cast<unsigned char>(data[i + 1]) << 8 |
                 static_cast<unsigned char>(data[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += kAlphabet[(n >> shift) & 63];
  }
  if (i < data.size()) {
    unsigned n = static_cast<unsigned char>(data[i]) << 16;
    if (i + 1 < data.size()) n |= static_cast<unsigned char>(data[i + 1]) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < data.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

/// A body in base64, in lines of 76 characters (RFC 2045 §6.8), each ended with CRLF.
std::string base64_body(std::string_view data) {
  std::string encoded = base64(data);
  std::string out;
  for (size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

bool printable_ascii(std::string_view text) {
  for (char c : text)
    if (c < 0x20 || c > 0x7E) return false;
  return true;
}

/// `text` on one line: each run of line breaks, tabs and other control characters one space.
/// A header holds no line break of its own (a name or title written over two lines would end
/// the header, or start another), as the calendar's CN= holds none.
std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool control = false;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      if (!control) out += ' ';
      control = true;
      continue;
    }
    control = false;
    out += c;
  }
  return out;
}

/// Printable ASCII `text` folded before its spaces (RFC 5322 §2.2.3) into lines of at most 78
/// characters, the first of which holds `used` already (the header's name); nullopt when a
/// part without a space is longer than that: encoded words can be cut anywhere.
std::optional<std::string> fold(std::string_view text, size_t used) {
  constexpr size_t kLine = 78;
  std::string out;
  size_t start = 0, width = used;
  while (text.size() - start + width > kLine) {
    size_t space = width < kLine ? text.rfind(' ', start + (kLine - width)) : std::string::npos;
    if (space == std::string_view::npos || space <= start) return std::nullopt;
    out.append(text.substr(start, space - start)).append("\r\n");
    start = space;  // the space begins the next line
    width = 0;
  }
  return out.append(text.substr(start));
}

/// An address a mail system takes: one @, no white space, controls or brackets.
bool usable(std::string_view email) {
  if (email.empty() || email.find('@') == std::string_view::npos) return false;
  for (char c : email) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7F || c == '<' || c == '>' || c == '"' || c == ',' || c == ';')
      return false;
  }
  return true;
}

/// A display name as RFC 5322 writes it, on one line: as is, quoted when it holds a special
/// character, or encoded words when it is not ASCII.
std::string display_name(std::string_view written) {
  std::string name = one_line(written);
  if (!printable_ascii(name)) return encode_header_text(name);
  if (name.find_first_of("()<>[]:;@\\,.\"") == std::string::npos) return name;
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::string address(const Address& a) {
  if (a.name.empty()) return a.email;
  return fmt::format("{} <{}>", display_name(a.name), a.email);
}

/// A header of addresses, one per folded line; empty when none is usable.
std::string address_header(std::string_view name, const std::vector<Address>& list) {
  std::string value;
  for (const Address& a : list) {
    if (!usable(a.email)) continue;
    if (!value.empty()) value += ",\r\n ";
    value += address(a);
  }
  return value.empty() ? std::string() : fmt::format("{}: {}\r\n", name, value);
}

constexpr std::string_view kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/// RFC 5322 §3.3: `Fri, 04 Dec 2026 00:00:00 +0000`.
std::string date_header(Date day) {
  std::chrono::weekday weekday{std::chrono::sys_days{day}};
  return fmt::format("{}, {:02} {} {:04} 00:00:00 +0000", kDays[weekday.c_encoding()],
                     static_cast<unsigned>(day.day()),
                     kMonths[static_cast<unsigned>(day.month()) - 1], static_cast<int>(day.year()));
}

std::string part(std::string_view content_type, std::string_view data,
                 std::string_view disposition = {}) {
  std::string out =
      fmt::format("Content-Type: {}\r\nContent-Transfer-Encoding: base64\r\n", content_type);
  if (!disposition.empty()) out += fmt::format("Content-Disposition: {}\r\n", disposition);
  return out + "\r\n" + base64_body(data);
}

}  // namespace

std::string encode_header_text(std::string_view text, size_t used) {
  std::string line = one_line(text);
  if (printable_ascii(line))
    if (std::optional<std::string> folded = fold(line, used)) return *std::move(folded);
  // 45 bytes make 60 base64 characters: with `=?UTF-8?B?` and `?=`, 72 of the 75 allowed. The
  // first word shares its line with the header's name (`Subject: `), so it takes fewer, for a
  // line of at most 76.
  constexpr size_t kChunk = 45, kWordFrame = 12, kFirstLine = 76;
  size_t first = used + kWordFrame + 4 <= kFirstLine ? (kFirstLine - used - kWordFrame) / 4 * 3 : 3;
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    size_t chunk = out.empty() ? std::min(first, kChunk) : kChunk;
    size_t end = std::min(i + chunk, line.size());
    while (end < line.size() && end > i && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80)
      --end;
    if (end == i) end = std::min(i + chunk, line.size());  // not UTF-8, or a long character
    if (!out.empty()) out += "\r\n ";
    out += fmt::format("=?UTF-8?B?{}?=", base64(std::string_view(line).substr(i, end - i)));
    i = end;
  }
  return out;
}

std::string write(const Message& m) {
  // The day is in the id: a message sent again on another day is a new message, which
  // receiving systems that drop a repeated Message-ID would otherwise hide.
  std::string everything = format_date(m.date) + '\n' + m.subject + '\n' + m.text + '\n' + m.html;
  if (m.attachment) everything += '\n' + m.attachment->data;
  for (const auto* list : {&m.to, &m.cc})
    for (const Address& a : *list) everything += '\n' + a.email;
  std::string id = make_uid(m.from.email, "mail", everything);
  std::string tag = id.substr(0, id.find('@'));
  std::string alternative = "=_commplan_alt_" + tag, mixed = "=_commplan_mixed_" + tag;

  std::string out = "X-Unsent: 1\r\n";
  if (usable(m.from.email)) out += fmt::format("From: {}\r\n", address(m.from));
  out += address_header("To", m.to);
  out += address_header("Cc", m.cc);
  out += fmt::format("Subject: {}\r\n", encode_header_text(m.subject, std::size("Subject: ") - 1));
  if (m.date.ok()) out += fmt::format("Date: {}\r\n", date_header(m.date));
  out += fmt::format("Message-ID: <{}>\r\n", id);
  out += "MIME-Version: 1.0\r\n";
  std::string body = fmt::format("--{0}\r\n{1}--{0}\r\n{2}--{0}--\r\n", alternative,
                                 part("text/plain; charset=utf-8", m.text),
                                 part("text/html; charset=utf-8", m.html));
  std::string alternative_type = fmt::format("multipart/alternative; boundary=\"{}\"", alternative);
  if (!m.attachment) return out + fmt::format("Content-Type: {}\r\n\r\n{}", alternative_type, body);
  const Attachment& a = *m.attachment;
  out += fmt::format("Content-Type: multipart/mixed; boundary=\"{}\"\r\n\r\n", mixed);
  out += fmt::format("--{}\r\nContent-Type: {}\r\n\r\n{}", mixed, alternative_type, body);
  out += fmt::format(
      "--{}\r\n{}", mixed,
      part(a.content_type, a.data, fmt::format("attachment; filename=\"{}\"", a.filename)));
  return out + fmt::format("--{}--\r\n", mixed);
}

}  // namespace commplan::mail
