#include <date/tz.h>
#include <gtest/gtest.h>

#include <string>

#include "util/boxed.hpp"
#include "util/dates.hpp"
#include "util/diagnostic.hpp"
#include "util/text.hpp"
#include "util/uid.hpp"

namespace commplan {

TEST(Boxed, IsAnOptionalInThePlaceOfAPointer) {
  static_assert(sizeof(Boxed<std::string>) == sizeof(void*));
  Boxed<std::string> empty;
  EXPECT_FALSE(empty);
  EXPECT_FALSE(empty.has_value());
  Boxed<std::string> given = std::string("a re-test note");
  ASSERT_TRUE(given);
  EXPECT_EQ(*given, "a re-test note");
  EXPECT_EQ(given->size(), 14u);
  given = Boxed<std::string>();
  EXPECT_FALSE(given);
  given = std::string(3, 'x');
  EXPECT_EQ(*given, "xxx");
}

TEST(Boxed, CopiesTheValueNotThePlace) {
  Boxed<std::string> first = std::string("first");
  Boxed<std::string> copy = first;
  ASSERT_TRUE(copy);
  EXPECT_NE(&*copy, &*first);
  *copy += " changed";
  EXPECT_EQ(*first, "first");
  Boxed<std::string> none;
  copy = none;
  EXPECT_FALSE(copy);
  copy = first;
  EXPECT_EQ(*copy, "first");
  Boxed<std::string> moved = std::move(copy);
  EXPECT_EQ(*moved, "first");
  const Boxed<std::string>& self = moved;
  moved = self;
  EXPECT_EQ(*moved, "first");
}

TEST(Dates, ParsesOnlyRealCalendarDays) {
  EXPECT_TRUE(parse_date("2024-02-29"));
  EXPECT_FALSE(parse_date("2026-02-29"));
  EXPECT_FALSE(parse_date("2026-02-30"));
  EXPECT_FALSE(parse_date("0000-00-00"));
  EXPECT_FALSE(parse_date("2026-1-05"));
  EXPECT_FALSE(parse_date("2026-01-05 "));
  EXPECT_EQ(format_date(*parse_date("9999-12-31")), "9999-12-31");
}

TEST(Dates, ParsesClockTimes) {
  EXPECT_EQ(parse_time("17:30"), 17 * 60 + 30);
  EXPECT_EQ(parse_time("00:00"), 0);
  EXPECT_FALSE(parse_time("24:00"));
  EXPECT_FALSE(parse_time("9:30"));
  EXPECT_EQ(format_time(9 * 60 + 5), "09:05");
}

TEST(Dates, CountsWeekdaysFromMonday) {
  EXPECT_EQ(weekday_index(*parse_date("2026-12-07")), 0);  // a Monday
  EXPECT_EQ(weekday_index(*parse_date("2026-12-13")), 6);
  EXPECT_EQ(format_date(add_days(*parse_date("2026-12-31"), 1)), "2027-01-01");
  EXPECT_EQ(days_between(*parse_date("2026-12-07"), *parse_date("2026-12-18")), 11);
}

TEST(Dates, ResolvesTodayFromSourceDateEpoch) {
  // 2026-12-09T23:59:59Z
  EXPECT_EQ(format_date(*resolve_date("today", "", 1796860799LL)), "2026-12-09");
  EXPECT_EQ(format_date(*resolve_date("yesterday", "", 1796860799LL)), "2026-12-08");
  EXPECT_EQ(format_date(*resolve_date("2026-12-01", "", std::nullopt)), "2026-12-01");
  EXPECT_FALSE(resolve_date("tomorrow", "", std::nullopt));
}

TEST(Dates, KnowsTheTimeZonesOfTheSystemDatabase) {
  for (const auto& zone : date::get_tzdb().zones)
    EXPECT_TRUE(is_time_zone(zone.name())) << zone.name();
  for (const char* name : {"Asia/Shanghai", "UTC", "Europe/Berlin", "America/Argentina/Salta"})
    EXPECT_TRUE(is_time_zone(name)) << name;
  for (const char* name : {"", "Mars/Olympus", "Europe/Berln", "Asia", "Asia/", "/etc/localtime",
                           "../zoneinfo/UTC", "Asia/../UTC", "posixrules", "posix/UTC", "right/UTC",
                           "Factory", "zone.tab", "tzdata.zi", "leapseconds"}) {
    EXPECT_FALSE(is_time_zone(name)) << name;
    EXPECT_THROW(date::locate_zone(name), std::exception) << name;
  }
}

TEST(Text, FindsInvalidUtf8) {
  EXPECT_EQ(invalid_utf8_offset("plain ascii"), std::string_view::npos);
  EXPECT_EQ(invalid_utf8_offset("数据中心"), std::string_view::npos);
  EXPECT_EQ(invalid_utf8_offset("ab\xff"), 2u);
  EXPECT_EQ(invalid_utf8_offset("\xc0\x80"), 0u);       // overlong NUL
  EXPECT_EQ(invalid_utf8_offset("x\xed\xa0\x80"), 1u);  // a surrogate
  EXPECT_EQ(invalid_utf8_offset("\xe6\x95"), 0u);       // truncated
}

TEST(Text, FindsInvalidUtf8PastRunsOfAscii) {
  // ASCII is skipped eight bytes at a time: a bad byte at every place in and after such runs,
  // and sequences across their edges.
  for (size_t at = 0; at < 40; ++at) {
    std::string text(48, 'a');
    text[at] = '\xff';
    EXPECT_EQ(invalid_utf8_offset(text), at) << at;
    std::string chinese = std::string(at, 'a') + "数据" + std::string(at % 9, 'b');
    EXPECT_EQ(invalid_utf8_offset(chinese), std::string_view::npos) << at;
    EXPECT_EQ(invalid_utf8_offset(chinese.substr(0, at + 4)), at + 3) << at;  // cut in 据
  }
}

TEST(Text, MeasuresWideCharacters) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("数据"), 4u);
  EXPECT_EQ(caret_padding("\t数a"), "\t   ");
  EXPECT_EQ(column_byte_offset("数据x", 3), 6u);
}

TEST(Text, JoinsBrokenLinesAsTheirWritingDoes) {
  EXPECT_EQ(line_break_joiner("补油", "中期"), "");
  EXPECT_EQ(line_break_joiner("补油。", "Phase"), "");  // CJK punctuation holds its own space
  EXPECT_EQ(line_break_joiner("（第二级）", "x"), "");
  EXPECT_EQ(line_break_joiner("数据", "x"), " ");
  EXPECT_EQ(line_break_joiner("x", "数据"), " ");
  EXPECT_EQ(line_break_joiner("한국어", "문장"), " ");  // Hangul is written with spaces
  EXPECT_EQ(line_break_joiner("a", "b"), " ");
  EXPECT_EQ(line_break_joiner("", "数"), " ");
  EXPECT_EQ(line_break_joiner("数", ""), " ");
  EXPECT_EQ(line_break_joiner("\xE6\x95", "数"), " ");  // a cut character is not CJK
  EXPECT_EQ(line_break_joiner("数", "\xE6\x95"), " ");
  EXPECT_TRUE(ends_with_cjk("严重"));
  EXPECT_TRUE(ends_with_cjk("第二级）"));
  EXPECT_FALSE(ends_with_cjk("严重 High"));
  EXPECT_FALSE(ends_with_cjk("한국어"));
  EXPECT_FALSE(ends_with_cjk(""));
}

TEST(Text, IsBlankWithAsciiAndIdeographicSpacesOnly) {
  for (std::string_view blank : {"", " ", " \t\r\n\v\f", "\u3000", " \u3000 "})
    EXPECT_TRUE(is_blank(blank)) << blank;
  for (std::string_view text : {"x", " x ", "\u3000工作", "\xE3\x80", "\u00a0-"})
    EXPECT_FALSE(is_blank(text)) << text;
}

TEST(Text, KnowsTheControlCharactersThatMustNotReachATerminal) {
  for (char c : {'\0', '\n', '\r', '\x1b', '\x1f', '\x7f'}) EXPECT_TRUE(is_control(c)) << int(c);
  for (char c : {'\t', ' ', 'a', '~', '\x80', '\xe6'}) EXPECT_FALSE(is_control(c)) << int(c);
}

TEST(Diagnostics, FormatsLikeACompilerWithACaret) {
  Diagnostic d{Level::error,
               "p.yaml",
               {12, 7, 0},
               "findings[3].severity",
               "unknown value \"urgent\"",
               {"    severity: urgent", 6}};
  EXPECT_EQ(format_diagnostic(d),
            "p.yaml:12:7: error: findings[3].severity: unknown value \"urgent\"\n"
            "     severity: urgent\n"
            "       ^");
}

TEST(Diagnostics, SuggestsTheClosestName) {
  std::vector<std::string> names{"scope", "expectations", "special_requirements"};
  EXPECT_EQ(closest_name("expectaions", names), "expectations");
  EXPECT_EQ(closest_name("scpoe", names), "scope");
  EXPECT_EQ(closest_name("zzzzzzzz", names), "");
}

TEST(Diagnostics, QuotesTheLineAroundAnOffset) {
  std::string_view text = "a: 1\r\nb: 2\nc: 3";
  EXPECT_EQ(excerpt_at(text, 0).text, "a: 1");
  EXPECT_EQ(excerpt_at(text, 4).text, "a: 1");
  EXPECT_EQ(excerpt_at(text, 6).text, "b: 2");
  EXPECT_EQ(excerpt_at(text, 8).text, "b: 2");
  EXPECT_EQ(excerpt_at(text, 8).caret, 2u);
  EXPECT_EQ(excerpt_at(text, 14).text, "c: 3");

  // A lone CR ends a line too, as it does for the line and column (old Mac files).
  std::string_view cr = "a: 1\rb: 2\rc: 3";
  EXPECT_EQ(excerpt_at(cr, 2).text, "a: 1");
  EXPECT_EQ(excerpt_at(cr, 5).text, "b: 2");
  EXPECT_EQ(excerpt_at(cr, 5).caret, 0u);
  EXPECT_EQ(excerpt_at(cr, 9).text, "b: 2");  // at its line end
  EXPECT_EQ(excerpt_at(cr, 9).caret, 4u);
  EXPECT_EQ(excerpt_at(cr, 12).text, "c: 3");
  EXPECT_EQ(excerpt_at(cr, 12).caret, 2u);
}

/// `text` at `offset` as a diagnostic prints it: the excerpt, then the caret line.
std::string quoted(std::string_view text, size_t offset) {
  Diagnostic d{Level::error, "p.json", {1, 1, offset}, "", "bad", excerpt_at(text, offset)};
  std::string out = format_diagnostic(d);
  return out.substr(out.find('\n') + 1);
}

TEST(Diagnostics, ClipsALongLineAroundTheCaret) {
  std::string line = std::string(1000, 'a') + "X" + std::string(1000, 'b');
  std::string middle = quoted(line, 1000);
  EXPECT_EQ(middle, " …" + std::string(50, 'a') + "X" + std::string(49, 'b') + "…\n" +
                        std::string(52, ' ') + "^");
  EXPECT_EQ(quoted(line, 3), " " + std::string(100, 'a') + "…\n    ^");
  EXPECT_EQ(quoted(line + "\nnext", 2000),
            " …" + std::string(100, 'b') + "\n" + std::string(101, ' ') + "^");
  EXPECT_EQ(quoted(std::string(100, 'c'), 99),
            " " + std::string(100, 'c') + "\n" + std::string(100, ' ') + "^");
}

TEST(Diagnostics, ClipsByDisplayColumnsNotBytes) {
  std::string wide;
  for (int i = 0; i < 200; ++i) wide += "机";
  std::string out = quoted(wide, 300);  // the 101st character
  std::string expected_line = " …";
  for (int i = 0; i < 50; ++i) expected_line += "机";
  expected_line += "…";
  EXPECT_EQ(out.substr(0, out.find('\n')), expected_line);
  EXPECT_EQ(out.substr(out.find('\n') + 1), std::string(1 + 1 + 50, ' ') + "^");
}

TEST(Diagnostics, AnExcerptOfAHugeLineStaysSmall) {
  std::string line(8 << 20, 'x');
  Excerpt e = excerpt_at(line, 4 << 20);
  EXPECT_LE(e.text.size(), kExcerptColumns + 2 * std::string_view("…").size());
}

/// The places of `d`, `file:line:col` a line.
std::string places(const Diagnostics& d) {
  std::string out;
  for (const auto& item : d.items())
    out += item.file + ":" + std::to_string(item.mark.line) + ":" +
           std::to_string(item.mark.column) + " " + item.message + "\n";
  return out;
}

TEST(Diagnostics, SortsTheFirstFileFirstThenTheOthersByName) {
  Diagnostics d;
  // Long names, so that a sort keeping views of names it moves would show (not kept short).
  std::string p(40, 'p'), a = "logs/" + std::string(40, 'a'), b = "logs/" + std::string(40, 'b');
  for (int i = 3; i > 0; --i) {
    d.error(b, {i, 1, 0}, "", "b" + std::to_string(i));
    d.error(p, {i, 2, 0}, "", "p" + std::to_string(i));
    d.error(a, {i, 1, 0}, "", "a" + std::to_string(i));
  }
  d.error(p, {1, 2, 0}, "", "p1 again");
  d.sort_by_place(p);
  EXPECT_EQ(places(d), p + ":1:2 p1\n" + p + ":1:2 p1 again\n" + p + ":2:2 p2\n" + p + ":3:2 p3\n" +
                           a + ":1:1 a1\n" + a + ":2:1 a2\n" + a + ":3:1 a3\n" + b + ":1:1 b1\n" +
                           b + ":2:1 b2\n" + b + ":3:1 b3\n");
}

TEST(Diagnostics, SortsWithoutAFirstFileByTheFirstMentioned) {
  Diagnostics d;
  d.warning("z.yaml", {2, 1, 0}, "", "z2");
  d.warning("b.yaml", {1, 1, 0}, "", "b1");
  d.warning("z.yaml", {1, 1, 0}, "", "z1");
  d.warning("a.yaml", {1, 1, 0}, "", "a1");
  d.sort_by_place();
  EXPECT_EQ(places(d), "z.yaml:1:1 z1\nz.yaml:2:1 z2\na.yaml:1:1 a1\nb.yaml:1:1 b1\n");
}

TEST(Diagnostics, ControlCharactersInFileNamesPrintEscaped) {
  using namespace std::string_literals;
  Diagnostic d{Level::error, "logs/a\x1b[2Jb\nc\0.yaml"s, {1, 1, 0}, "", "bad", {}};
  EXPECT_EQ(format_headline(d), "logs/a\\x1B[2Jb\\nc\\x00.yaml:1:1: error: bad");
}

TEST(Uid, DerivesUidsFromProjectKindAndDateOnly) {
  Date day = *parse_date("2026-12-07");
  std::string uid = make_uid("Audit", "daily", day);
  EXPECT_EQ(uid, "39d9a0f307226894@commplan");  // calendars match events by it: never changes
  EXPECT_NE(uid, make_uid("Audit 2", "daily", day));
  EXPECT_NE(uid, make_uid("Audit", "phase", day));
  EXPECT_NE(uid, make_uid("Audit", "daily", *parse_date("2026-12-08")));
  EXPECT_NE(make_uid("ab", "c", day), make_uid("a", "bc", day));
}

}  // namespace commplan

namespace commplan {

TEST(Diagnostics, AnOptionOrVariableErrorCarriesItsSourceAndPrintsItsName) {
  Error option(Error::Kind::usage, Source::option, "--date", "expected YYYY-MM-DD");
  ASSERT_EQ(option.diagnostics().items().size(), 1u);
  EXPECT_EQ(option.diagnostics().items()[0].source, Source::option);
  EXPECT_EQ(format_diagnostic(option.diagnostics().items()[0]),
            "--date: error: expected YYYY-MM-DD");
  Error variable(Error::Kind::usage, Source::environment, "COMMPLAN_LANG", "unknown language");
  EXPECT_EQ(variable.diagnostics().items()[0].source, Source::environment);
  EXPECT_EQ(format_headline(variable.diagnostics().items()[0]),
            "COMMPLAN_LANG: error: unknown language");
  Error file(Error::Kind::io, "--notes.yaml", "cannot read");
  EXPECT_EQ(file.diagnostics().items()[0].source, Source::file);
  Diagnostics d;
  d.error(Source::option, "--phase", "no phase has the id \"x\"");
  d.error("p.yaml", {3, 1, 20}, "phases[0]", "bad");
  EXPECT_EQ(d.items()[0].source, Source::option);
  EXPECT_EQ(d.items()[1].source, Source::file);
}

TEST(Text, AWebAddressIsHttpOrHttpsInUriCharactersWithSomethingAfterTheSlashes) {
  for (const char* yes : {"https://owasp.org/a_(b)", "HTTP://Example.com/a*b*", "http://x"})
    EXPECT_TRUE(is_web_address(yes)) << yes;
  for (const char* no : {"https://", "https://x.example/<script>", "https://x.example/a b",
                         "https://a.example/{id}", "https://例子.cn/", "javascript:alert(1)",
                         "ftp://files.example/a", "file:///etc/passwd", "CWE-79", ""})
    EXPECT_FALSE(is_web_address(no)) << no;
}

}  // namespace commplan
