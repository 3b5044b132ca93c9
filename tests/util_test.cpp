#include <date/tz.h>
#include <gtest/gtest.h>

#include "util/dates.hpp"
#include "util/diagnostic.hpp"
#include "util/text.hpp"

namespace commplan {

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

TEST(Text, MeasuresWideCharacters) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("数据"), 4u);
  EXPECT_EQ(caret_padding("\t数a"), "\t   ");
  EXPECT_EQ(column_byte_offset("数据x", 3), 6u);
}

TEST(Diagnostics, FormatsLikeACompilerWithACaret) {
  Diagnostic d{Level::error,
               "p.yaml",
               {12, 7, 0},
               "findings[3].severity",
               "unknown value \"urgent\"",
               "    severity: urgent"};
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
  EXPECT_EQ(line_at(text, 0), "a: 1");
  EXPECT_EQ(line_at(text, 6), "b: 2");
  EXPECT_EQ(line_at(text, 8), "b: 2");
  EXPECT_EQ(line_at(text, 14), "c: 3");
}

}  // namespace commplan
