#include <date/tz.h>
#include <gtest/gtest.h>

#include "util/zoneinfo.hpp"

namespace commplan {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_seconds;

/// The instants worth checking in a zone: around each change since 1970 and a few plain days.
std::vector<sys_seconds> instants(const date::time_zone& zone) {
  std::vector<sys_seconds> out;
  auto at = sys_seconds{std::chrono::sys_days{std::chrono::year{1970} / 1 / 1}};
  auto stop = sys_seconds{std::chrono::sys_days{std::chrono::year{2037} / 12 / 1}};
  while (at < stop) {
    date::sys_info info = zone.get_info(at);
    for (auto delta : {hours{-1}, hours{0}, hours{1}}) out.push_back(info.begin + delta);
    at = std::max(info.end, at + hours{24 * 90});
  }
  return out;
}

TEST(ZoneInfo, AgreesWithTheTzDatabaseOnEveryZone) {
  size_t answered = 0, asked = 0;
  for (const auto& zone : date::get_tzdb().zones) {
    auto info = ZoneInfo::load(zone.name());
    if (!info) continue;
    for (sys_seconds utc : instants(zone)) {
      ++asked;
      if (auto offset = info->offset_at(utc)) {
        ++answered;
        ASSERT_EQ(offset->count(), zone.get_info(utc).offset.count()) << zone.name();
      }
      // Wall-clock times near each change, including skipped and repeated ones.
      for (auto shift : {minutes{-90}, minutes{-30}, minutes{0}, minutes{30}, minutes{90}}) {
        auto wall = utc + zone.get_info(utc).offset + shift;
        if (auto mine = info->to_utc(wall)) {
          date::local_seconds local{wall.time_since_epoch()};
          ASSERT_EQ(*mine, zone.to_sys(local, date::choose::earliest))
              << zone.name() << " at " << date::format("%F %T", wall);
        }
      }
    }
  }
  // Debian's files list changes up to 2037: nearly everything is answered from them.
  EXPECT_GT(answered, asked / 2);
}

TEST(ZoneInfo, AnswersForTodayInZonesWithoutDaylightSaving) {
  auto now = sys_seconds{std::chrono::sys_days{std::chrono::year{2026} / 12 / 7}} + hours{12};
  for (const char* name : {"Asia/Shanghai", "Asia/Kolkata", "UTC"}) {
    auto info = ZoneInfo::load(name);
    ASSERT_TRUE(info) << name;
    EXPECT_TRUE(info->offset_at(now)) << name;
    EXPECT_TRUE(info->to_utc(now)) << name;
  }
}

TEST(ZoneInfo, ReadsNoFileOutsideTheZoneinfoFolder) {
  for (const char* name : {"", "/etc/passwd", "../../etc/passwd", "Asia/../UTC", "posixrules",
                           "right/UTC", "Factory", "zone.tab", "Mars/Olympus", "Asia"})
    EXPECT_FALSE(ZoneInfo::load(name)) << name;
}

}  // namespace
}  // namespace commplan
