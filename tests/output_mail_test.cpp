#include <gtest/gtest.h>

#include <algorithm>
#include <string_view>

#include "output/mail.hpp"

namespace commplan {
namespace {

mail::Message message() {
  mail::Message m;
  m.from = {"Aoife Brennan", "aoife@example.com"};
  m.to = {{"王静", "wang@example.com"}, {"No Address", ""}, {"Doe, Jane", "jane@example.com"}};
  m.cc = {{"Rahul", "rahul@example.com"}};
  m.subject = "日总结：门户渗透测试 2027-05-12";
  m.date = *parse_date("2027-05-12");
  m.text = "Daily recap\n\n- PT-03 · Medium\n";
  m.html = "<p>Daily recap</p>\n";
  return m;
}

/// The length of the longest line of `text`, whose lines end at `end`.
size_t longest_line(std::string_view text, std::string_view end = "\r\n") {
  size_t longest = 0;
  for (size_t start = 0; start <= text.size();) {
    size_t stop = std::min(text.find(end, start), text.size());
    longest = std::max(longest, stop - start);
    start = stop + end.size();
  }
  return longest;
}

TEST(Mail, WritesADraftWithAddressesSubjectAndDateAsRfc5322Says) {
  std::string text = mail::write(message());
  EXPECT_EQ(text.rfind("X-Unsent: 1\r\nFrom: Aoife Brennan <aoife@example.com>\r\n"
                       "To: =?UTF-8?B?546L6Z2Z?= <wang@example.com>,\r\n"
                       " \"Doe, Jane\" <jane@example.com>\r\nCc: Rahul <rahul@example.com>\r\n"
                       "Subject: =?UTF-8?B?",
                       0),
            0u)
      << text;
  EXPECT_NE(text.find("Date: Wed, 12 May 2027 00:00:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(text.find("Content-Type: multipart/alternative; boundary="), std::string::npos);
  EXPECT_EQ(text.find("multipart/mixed"), std::string::npos);
  EXPECT_EQ(text, mail::write(message()));  // the same message, the same bytes and id
  mail::Message other = message();
  other.text += "more\n";
  auto id = [](const std::string& t) { return t.substr(t.find("Message-ID:"), 40); };
  EXPECT_NE(id(mail::write(other)), id(text));
  mail::Message next_day = message();  // the same message sent again the next day is new
  next_day.date = *parse_date("2027-05-13");
  EXPECT_NE(id(mail::write(next_day)), id(text));
  mail::Message undated = message();
  undated.date = {};
  EXPECT_EQ(mail::write(undated).find("Date:"), std::string::npos);
}

TEST(Mail, EncodesHeaderTextInWordsThatNeverSplitACharacter) {
  EXPECT_EQ(mail::encode_header_text("Daily recap: Portal"), "Daily recap: Portal");
  std::string long_text;
  for (int i = 0; i < 40; ++i) long_text += "汉";
  std::string encoded = mail::encode_header_text(long_text);
  size_t words = 0;
  for (size_t at = 0; (at = encoded.find("=?UTF-8?B?", at)) != std::string::npos; ++at) ++words;
  EXPECT_EQ(words, 3u);  // 120 bytes in chunks of whole characters of at most 45 bytes
  EXPECT_LE(longest_line(encoded, "\r\n "), 75u);
}

TEST(Mail, FoldsALongAsciiSubjectBeforeItsSpaces) {
  mail::Message m = message();
  std::string subject;
  for (int i = 0; i < 150; ++i) subject += "word ";
  subject += "end";
  m.subject = subject;
  std::string text = mail::write(m);
  size_t begin = text.find("Subject: "), end = text.find("\r\nDate:");
  std::string header = text.substr(begin, end - begin);
  EXPECT_LE(longest_line(header), 78u) << header;
  EXPECT_GT(std::count(header.begin(), header.end(), '\n'), 5);
  std::string unfolded;  // unfolding (RFC 5322 §2.2.3) gives the subject back
  for (size_t i = 0; i < header.size(); ++i)
    if (header.compare(i, 2, "\r\n") == 0)
      ++i;
    else
      unfolded += header[i];
  EXPECT_EQ(unfolded, "Subject: " + subject);
  // A word longer than a line cannot fold: encoded words can be cut anywhere.
  m.subject = std::string(1000, 'x');
  text = mail::write(m);
  EXPECT_NE(text.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_LE(longest_line(text), 998u);
}

TEST(Mail, TheFirstEncodedWordFitsBesideTheHeadersName) {
  mail::Message m = message();
  m.subject = std::string(30, 'a') + "：" + std::string(60, 'b');
  std::string text = mail::write(m);
  std::string_view subject = std::string_view(text).substr(text.find("Subject: "));
  EXPECT_LE(subject.find("\r\n"), 76u) << subject.substr(0, 200);
}

TEST(Mail, ALineBreakInANameOrTitleIsASpaceInTheHeader) {
  mail::Message m = message();
  m.from = {"Ann\nLead", "ann@example.com"};
  m.to = {{"Doe,\r\nJane", "jane@example.com"}};
  m.subject = "Proj\nBcc: evil@example.com";
  std::string text = mail::write(m);
  EXPECT_NE(text.find("From: Ann Lead <ann@example.com>\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("To: \"Doe, Jane\" <jane@example.com>\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Subject: Proj Bcc: evil@example.com\r\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("\nBcc"), std::string::npos) << text;
}

TEST(Mail, AttachesAFileInAMixedMessage) {
  mail::Message m = message();
  m.attachment =
      mail::Attachment{"plan.ics", "text/calendar; charset=utf-8", "BEGIN:VCALENDAR\r\n"};
  std::string text = mail::write(m);
  EXPECT_NE(text.find("Content-Type: multipart/mixed; boundary="), std::string::npos);
  EXPECT_NE(text.find("Content-Disposition: attachment; filename=\"plan.ics\"\r\n"),
            std::string::npos);
  EXPECT_NE(text.find("QkVHSU46VkNBTEVOREFSDQo=\r\n"), std::string::npos);  // base64 of the file
}

}  // namespace
}  // namespace commplan
