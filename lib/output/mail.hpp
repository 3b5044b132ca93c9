#pragma once
// An e-mail message (RFC 5322 with MIME, RFC 2045-2049) a mail client opens as a draft: the
// brief as text and as HTML, alternatives of one another, and perhaps a file attached.

#include <optional>
#include <string>
#include <vector>

#include "util/dates.hpp"

namespace commplan::mail {

struct Address {
  std::string name, email;
};

/// A file sent along, e.g. the plan's calendar.
struct Attachment {
  std::string filename;      ///< e.g. plan.ics
  std::string content_type;  ///< e.g. `text/calendar; charset=utf-8`
  std::string data;
};

struct Message {
  Address from;
  std::vector<Address> to, cc;
  std::string subject;
  Date date;         ///< the Date header: this day, 00:00:00 UTC (none when not a valid day)
  std::string text;  ///< the text/plain part
  std::string html;  ///< the text/html part
  std::optional<Attachment> attachment;
};

/// The message as RFC 5322 text with CRLF line ends: `X-Unsent: 1` (a draft to review and
/// send), From, To, Cc (addresses without a usable e-mail left out), a Subject encoded as RFC
/// 2047 words when it is not ASCII, Date, a Message-ID made from the day and the content (the
/// same message on the same day gets the same id), and a multipart/alternative body (text/plain,
/// then text/html, each UTF-8 in base64), inside a multipart/mixed with the attachment when there
/// is one.
std::string write(const Message& message);

/// `text` as a header's value, on one line of its own (line breaks and other control
/// characters each a space) and folded: printable ASCII as it is, folded before spaces into
/// lines of at most 78 characters; else (or where a word is longer than a line) as RFC 2047
/// encoded words (`=?UTF-8?B?…?=`, each at most 75 characters, never splitting a UTF-8
/// character). `used`: what the first line holds before it (`Subject: `).
std::string encode_header_text(std::string_view text, size_t used = 0);

}  // namespace commplan::mail
