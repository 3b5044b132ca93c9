#include <gtest/gtest.h>

#include "views/i18n.hpp"

namespace commplan {
namespace {

Date day(const char* text) { return *parse_date(text); }

TEST(I18n, AMeetingDayInRunningTextHasItsWeekday) {
  EXPECT_EQ(long_date(day("2027-03-01"), Lang::en), "Monday 2027-03-01");
  EXPECT_EQ(long_date(day("2027-03-01"), Lang::zh), "2027年3月1日（星期一）");
  EXPECT_EQ(long_date(day("2026-12-20"), Lang::zh), "2026年12月20日（星期日）");
}

TEST(I18n, ANearbyDayDropsTheYearInChinese) {
  EXPECT_EQ(short_date(day("2027-03-15"), Lang::zh), "3月15日");
  EXPECT_EQ(short_date(day("2027-03-15"), Lang::en), "2027-03-15");
}

TEST(I18n, WeekdaysShortAndLong) {
  EXPECT_EQ(weekday_name(day("2027-03-13"), Lang::zh), "周六");
  EXPECT_EQ(weekday_long(day("2027-03-13"), Lang::zh), "星期六");
  EXPECT_EQ(weekday_name(day("2027-03-13"), Lang::en), "Saturday");
  EXPECT_EQ(weekday_long(day("2027-03-13"), Lang::en), "Saturday");
}

}  // namespace
}  // namespace commplan
