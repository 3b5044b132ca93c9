#include <date/tz.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "template_fixtures.hpp"
#include "util/dates.hpp"
#include "util/read.hpp"
#include "util/zoneinfo.hpp"

namespace commplan {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_days;
using std::chrono::sys_seconds;
using std::chrono::year;

const sys_seconds kFrom = sys_days{year{1800} / 1 / 1};
const sys_seconds kUntil = sys_days{year{2101} / 1 / 1};

/// `y`-`m`-`d` `h`:`min` UTC.
sys_seconds utc(int y, unsigned m, unsigned d, int h, int min = 0) {
  return sys_days{year{y} / m / d} + hours{h} + minutes{min};
}

/// Every zone of the system's zoneinfo folder that is_time_zone() takes and date's database
/// knows.
std::vector<std::string> system_zones() {
  const std::filesystem::path root = "/usr/share/zoneinfo";
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    std::string name = entry.path().lexically_relative(root).string();
    if (!entry.is_regular_file() || !is_time_zone(name)) continue;
    try {
      date::locate_zone(name);
      names.push_back(name);
    } catch (const std::exception&) {
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

/// Wall-clock times around a change from offset `before` to `after` at `change`: the last
/// reading before each of the change's two readings, each of them, and one between.
std::vector<sys_seconds> walls_around(sys_seconds change, seconds before, seconds after) {
  return {change + before - seconds{1}, change + before, change + (before + after) / 2,
          change + after - seconds{1}, change + after};
}

std::string utc_text(sys_seconds utc) { return date::format("%F %T UTC", utc); }

/// Compares `mine` with date's database from 1800 at each change it lists for `zone` (a second
/// either side, and midway to the next) and at wall-clock times around it; counts the instants
/// in `compared`. Date's database reads only the file's table, not its footer: `table_end`
/// gets the start of the table's last period, where that reading stops (1970 at the earliest).
void compare_with_database(const ZoneInfo& mine, const date::time_zone& zone,
                           sys_seconds& table_end, size_t& compared) {
  auto far = sys_seconds{sys_days{year{3000} / 1 / 1}};
  date::sys_info info = zone.get_info(kFrom);
  ASSERT_EQ(mine.offset_at(kFrom), info.offset) << zone.name() << " at " << utc_text(kFrom);
  while (info.end < far) {
    sys_seconds change = info.end;
    date::sys_info next = zone.get_info(change);
    std::vector<sys_seconds> instants = {change - seconds{1}, change, change + seconds{1}};
    if (next.end < far) instants.push_back(change + (next.end - change) / 2);
    for (sys_seconds utc : instants)
      ASSERT_EQ(mine.offset_at(utc), zone.get_info(utc).offset)
          << zone.name() << " at " << utc_text(utc);
    std::vector<sys_seconds> walls = walls_around(change, info.offset, next.offset);
    for (sys_seconds wall : walls)
      ASSERT_EQ(mine.to_utc(wall),
                zone.to_sys(date::local_seconds{wall.time_since_epoch()}, date::choose::earliest))
          << zone.name() << " at wall time " << date::format("%F %T", wall);
    compared += instants.size() + walls.size();
    info = next;
  }
  table_end = std::max(info.begin, sys_seconds{sys_days{year{1970} / 1 / 1}});
}

/// Environment variable `name` set to `value` until restore() or the end of the object's life,
/// then put back as it was.
class ScopedEnv {
 public:
  ScopedEnv(std::string name, const std::string& value) : name_(std::move(name)) {
    if (const char* was = std::getenv(name_.c_str())) was_ = was;
    setenv(name_.c_str(), value.c_str(), 1);
  }
  ~ScopedEnv() { restore(); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

  void restore() {
    if (std::exchange(restored_, true)) return;
    if (was_)
      setenv(name_.c_str(), was_->c_str(), 1);
    else
      unsetenv(name_.c_str());
  }

 private:
  std::string name_;
  std::optional<std::string> was_;
  bool restored_ = false;
};

/// TZ set to a zone for the C library's localtime_r(), and put back after.
class LibcZone {
 public:
  explicit LibcZone(const std::string& name) : tz_("TZ", ":" + name) { tzset(); }
  ~LibcZone() {
    tz_.restore();
    tzset();
  }

  seconds offset_at(sys_seconds utc) const {
    std::time_t time = utc.time_since_epoch().count();
    std::tm local{};
    localtime_r(&time, &local);
    return seconds{local.tm_gmtoff};
  }

  /// The instant in (`from`, `to`] where the offset at `from` gives way to another.
  sys_seconds change_in(sys_seconds from, sys_seconds to) const {
    seconds before = offset_at(from);
    while (to - from > seconds{1}) {
      sys_seconds mid = from + (to - from) / 2;
      (offset_at(mid) == before ? from : to) = mid;
    }
    return to;
  }

  /// The earliest instant whose wall clock reads `wall` near `change`; the change itself when
  /// the change skips `wall`.
  sys_seconds to_utc(sys_seconds wall, sys_seconds change) const {
    std::vector<sys_seconds> candidates = {wall - offset_at(change - seconds{1}),
                                           wall - offset_at(change)};
    std::sort(candidates.begin(), candidates.end());
    for (sys_seconds utc : candidates)
      if (utc + offset_at(utc) == wall) return utc;
    return change;
  }

 private:
  ScopedEnv tz_;
};

/// Compares `mine` with the C library, which follows the file's footer past its table, every
/// eight weeks (less than any zone's daylight saving or standard time lasts) from `from` to
/// 2100 and, as above, around each change found there; counts the instants in `compared`.
void compare_with_libc(const std::string& name, const ZoneInfo& mine, sys_seconds from,
                       size_t& compared) {
  LibcZone libc(name);
  const days step{56};
  seconds offset = libc.offset_at(from);
  for (sys_seconds at = from; at < kUntil; at += step) {
    ASSERT_EQ(mine.offset_at(at), offset) << name << " at " << utc_text(at);
    ++compared;
    seconds next = libc.offset_at(at + step);
    if (next == offset) continue;
    offset = next;
    sys_seconds change = libc.change_in(at, at + step);
    for (sys_seconds utc : {change - seconds{1}, change, change + seconds{1}})
      ASSERT_EQ(mine.offset_at(utc), libc.offset_at(utc)) << name << " at " << utc_text(utc);
    std::vector<sys_seconds> walls =
        walls_around(change, libc.offset_at(change - seconds{1}), libc.offset_at(change));
    for (sys_seconds wall : walls)
      ASSERT_EQ(mine.to_utc(wall), libc.to_utc(wall, change))
          << name << " at wall time " << date::format("%F %T", wall);
    compared += 3 + walls.size();
  }
}

TEST(ZoneInfo, AgreesWithTheTzDatabaseAndTheCLibraryOnEveryZone) {
  size_t zones = 0, compared = 0;
  for (const std::string& name : system_zones()) {
    auto mine = ZoneInfo::load(name);
    ASSERT_TRUE(mine) << name;
    sys_seconds table_end;
    ASSERT_NO_FATAL_FAILURE(
        compare_with_database(*mine, *date::locate_zone(name), table_end, compared));
    ASSERT_NO_FATAL_FAILURE(compare_with_libc(name, *mine, table_end, compared));
    ++zones;
  }
  EXPECT_GT(zones, 400u);
  EXPECT_GT(compared, 400'000u);
}

TEST(ZoneInfo, AnswersInZonesWithoutDaylightSaving) {
  auto noon = utc(2026, 12, 7, 12);
  for (auto [name, offset] :
       {std::pair{"Asia/Shanghai", seconds{8 * 3600}},
        std::pair{"Asia/Kolkata", seconds{5 * 3600 + 1800}}, std::pair{"UTC", seconds{0}}}) {
    auto info = ZoneInfo::load(name);
    ASSERT_TRUE(info) << name;
    EXPECT_EQ(info->offset_at(noon), offset) << name;
    EXPECT_EQ(info->to_utc(noon + offset), noon) << name;
  }
}

TEST(ZoneInfo, FollowsTheFootersRulePastTheTable) {
  auto berlin = ZoneInfo::load("Europe/Berlin");
  ASSERT_TRUE(berlin);
  // March 2050 has four Sundays: the last is the fourth.
  EXPECT_EQ(berlin->offset_at(utc(2050, 3, 27, 1) - seconds{1}), hours{1});
  EXPECT_EQ(berlin->offset_at(utc(2050, 3, 27, 1)), hours{2});
  EXPECT_EQ(berlin->to_utc(utc(2050, 3, 27, 2, 30)), utc(2050, 3, 27, 1));        // skipped
  EXPECT_EQ(berlin->to_utc(utc(2050, 10, 30, 2, 30)), utc(2050, 10, 30, 0, 30));  // repeated
  EXPECT_EQ(berlin->to_utc(utc(2050, 10, 30, 3, 30)), utc(2050, 10, 30, 2, 30));
  auto sydney = ZoneInfo::load("Australia/Sydney");
  ASSERT_TRUE(sydney);
  EXPECT_EQ(sydney->offset_at(utc(2050, 1, 1, 0)), hours{11});
  EXPECT_EQ(sydney->offset_at(utc(2050, 7, 1, 0)), hours{10});
}

TEST(ZoneInfo, ReadsNoFileOutsideTheZoneinfoFolder) {
  for (const char* name : {"", "/etc/passwd", "../../etc/passwd", "Asia/../UTC", "posixrules",
                           "right/UTC", "Factory", "zone.tab", "Mars/Olympus", "Asia"})
    EXPECT_FALSE(ZoneInfo::load(name)) << name;
}

/// A folder of test zones, named by TZDIR for the object's life.
class TzDir {
 public:
  void write(const std::string& name, const std::string& bytes) const { dir_.write(name, bytes); }

 private:
  tmpl::testing::TempDir dir_;
  ScopedEnv tzdir_{"TZDIR", dir_.str()};
};

TEST(ZoneInfo, IsAZoneWhereItsFileReadsAsOneInTheTzdirFolder) {
  std::string berlin = read_file(zoneinfo_file("Europe/Berlin"));
  ASSERT_GT(berlin.size(), 200u);
  TzDir dir;
  dir.write("Test/Berlin", berlin);
  dir.write("Test/Cut", berlin.substr(0, 120));  // the magic, then a table cut short
  dir.write("Test/Text", "TZif2 is not a zone\n");
  dir.write("Test/Huge", "TZif2" + std::string(2 << 20, '\0'));
  EXPECT_TRUE(is_time_zone("Test/Berlin"));
  auto zone = ZoneInfo::load("Test/Berlin");
  ASSERT_TRUE(zone);
  EXPECT_EQ(zone->offset_at(utc(2026, 7, 1, 12)), hours{2});
  for (const char* name : {"Test/Cut", "Test/Text", "Test/Huge", "Test/Missing", "Test"})
    EXPECT_FALSE(is_time_zone(name)) << name;
  EXPECT_FALSE(is_time_zone("Europe/Berlin")) << "read from the system's folder despite TZDIR";
}

/// Whether `rule` changes from offset `before` to `after` (seconds) at `change`.
testing::AssertionResult changes_at(const TzRule& rule, sys_seconds change, seconds before,
                                    seconds after) {
  seconds was = rule.offset_at(change - seconds{1}), is = rule.offset_at(change);
  if (was == before && is == after) return testing::AssertionSuccess();
  return testing::AssertionFailure()
         << "at " << utc_text(change) << ": " << was.count() << " s, then " << is.count() << " s";
}

TEST(TzRule, ReadsStandardTimeAlone) {
  auto at = utc(2030, 7, 1, 0);
  for (auto [text, offset] :
       {std::pair{"EST5", seconds{-5 * 3600}}, std::pair{"UTC0", seconds{0}},
        std::pair{"<+0330>-3:30", seconds{12'600}}, std::pair{"<-0930>9:30", seconds{-34'200}},
        std::pair{"XYZ+4", seconds{-4 * 3600}}, std::pair{"ABC-1:02:03", seconds{3723}},
        std::pair{"<+00>0", seconds{0}}}) {
    auto rule = TzRule::parse(text);
    ASSERT_TRUE(rule) << text;
    EXPECT_EQ(rule->offset_at(at), offset) << text;
    EXPECT_EQ(rule->offset_at(utc(1990, 1, 1, 0)), offset) << text;
  }
}

TEST(TzRule, ChangesOnTheNthWeekdayOfAMonthAtTwoByDefault) {
  auto us = TzRule::parse("EST5EDT,M3.2.0,M11.1.0");
  ASSERT_TRUE(us);
  // 02:00 in standard time, then 02:00 in daylight saving time.
  EXPECT_TRUE(changes_at(*us, utc(2026, 3, 8, 7), hours{-5}, hours{-4}));
  EXPECT_TRUE(changes_at(*us, utc(2026, 11, 1, 6), hours{-4}, hours{-5}));
  // Week 5 is the last such day: October 2026 has four Sundays, March five.
  auto europe = TzRule::parse("CET-1CEST,M3.5.0,M10.5.0/3");
  ASSERT_TRUE(europe);
  EXPECT_TRUE(changes_at(*europe, utc(2026, 3, 29, 1), hours{1}, hours{2}));
  EXPECT_TRUE(changes_at(*europe, utc(2026, 10, 25, 1), hours{2}, hours{1}));
}

TEST(TzRule, CountsJulianDaysWithoutAndZeroBasedDaysWithFebruary29) {
  auto julian = TzRule::parse("XXX3YYY,J60,J300");
  ASSERT_TRUE(julian);
  for (int y : {2027, 2028}) {
    EXPECT_TRUE(changes_at(*julian, utc(y, 3, 1, 5), hours{-3}, hours{-2})) << y;
    EXPECT_TRUE(changes_at(*julian, utc(y, 10, 27, 4), hours{-2}, hours{-3})) << y;
  }
  auto zero_based = TzRule::parse("XXX3YYY,59,299");
  ASSERT_TRUE(zero_based);
  EXPECT_TRUE(changes_at(*zero_based, utc(2027, 3, 1, 5), hours{-3}, hours{-2}));
  EXPECT_TRUE(changes_at(*zero_based, utc(2028, 2, 29, 5), hours{-3}, hours{-2}));
  EXPECT_TRUE(changes_at(*zero_based, utc(2027, 10, 27, 4), hours{-2}, hours{-3}));
  EXPECT_TRUE(changes_at(*zero_based, utc(2028, 10, 26, 4), hours{-2}, hours{-3}));
}

TEST(TzRule, TakesTimesOfDayBeforeMidnightAndPastADay) {
  auto nuuk = TzRule::parse("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
  ASSERT_TRUE(nuuk);
  EXPECT_TRUE(changes_at(*nuuk, utc(2026, 3, 29, 1), hours{-2}, hours{-1}));
  EXPECT_TRUE(changes_at(*nuuk, utc(2026, 10, 25, 1), hours{-1}, hours{-2}));
  // The fourth Thursday plus 50 hours: the Saturday after, at 02:00.
  auto saturday = TzRule::parse("EET-2EEST,M3.4.4/50,M10.4.4/50");
  ASSERT_TRUE(saturday);
  EXPECT_TRUE(changes_at(*saturday, utc(2026, 3, 28, 0), hours{2}, hours{3}));
  EXPECT_TRUE(changes_at(*saturday, utc(2026, 10, 23, 23), hours{3}, hours{2}));
  // RFC 8536's limits: a week less an hour either way.
  auto week = TzRule::parse("AAA0BBB,M3.1.0/167,M10.1.0/-167:00:00");
  ASSERT_TRUE(week);
  EXPECT_TRUE(changes_at(*week, utc(2026, 3, 7, 23), hours{0}, hours{1}));
  EXPECT_TRUE(changes_at(*week, utc(2026, 9, 27, 0), hours{1}, hours{0}));
}

TEST(TzRule, KeepsDaylightSavingTimeAllYear) {
  // Start on January 1 at 00:00, end on December 31 at 25:00 daylight time: the same instant.
  auto rule = TzRule::parse("EST5EDT,0/0,J365/25");
  ASSERT_TRUE(rule);
  for (sys_seconds at = utc(2027, 12, 30, 0); at < utc(2028, 1, 3, 0); at += minutes{30})
    EXPECT_EQ(rule->offset_at(at), hours{-4}) << utc_text(at);
  EXPECT_EQ(rule->offset_at(utc(2028, 1, 1, 5) - seconds{1}), hours{-4});
  EXPECT_EQ(rule->offset_at(utc(2028, 7, 1, 0)), hours{-4});
}

TEST(TzRule, EndsBeforeItStartsInTheSouthAndSavesNegativeTimeInIreland) {
  auto sydney = TzRule::parse("AEST-10AEDT,M10.1.0,M4.1.0/3");
  ASSERT_TRUE(sydney);
  EXPECT_EQ(sydney->offset_at(utc(2026, 1, 15, 0)), hours{11});
  EXPECT_TRUE(changes_at(*sydney, utc(2026, 4, 4, 16), hours{11}, hours{10}));
  EXPECT_TRUE(changes_at(*sydney, utc(2026, 10, 3, 16), hours{10}, hours{11}));
  EXPECT_EQ(sydney->offset_at(utc(2026, 12, 31, 23)), hours{11});
  // Lord Howe Island: half an hour of daylight saving time, given explicitly.
  auto lord_howe = TzRule::parse("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
  ASSERT_TRUE(lord_howe);
  EXPECT_TRUE(changes_at(*lord_howe, utc(2026, 4, 4, 15), hours{11}, hours{10} + minutes{30}));
  // Irish standard time is summer time; its "daylight saving time" is GMT, in winter.
  auto dublin = TzRule::parse("IST-1GMT0,M10.5.0,M3.5.0/1");
  ASSERT_TRUE(dublin);
  EXPECT_TRUE(changes_at(*dublin, utc(2026, 3, 29, 1), hours{0}, hours{1}));
  EXPECT_TRUE(changes_at(*dublin, utc(2026, 10, 25, 1), hours{1}, hours{0}));
}

TEST(TzRule, RefusesWhatIsNoTzString) {
  for (const char* text : {"",
                           "E5",
                           "EST",
                           "5EST",
                           "EST25",
                           "EST-25",
                           "EST5:60",
                           "EST5:30:60",
                           "EST5:",
                           "EST+",
                           "EST5 ",
                           "<+03-3",
                           "<ab>3",
                           "<+0 3>-3",
                           "EST5E,M3.2.0,M11.1.0",
                           "EST5EDT",
                           "EST5EDT,M3.2.0",
                           "EST5EDT,M3.2.0,",
                           "EST5EDT,M13.2.0,M11.1.0",
                           "EST5EDT,M0.2.0,M11.1.0",
                           "EST5EDT,M3.6.0,M11.1.0",
                           "EST5EDT,M3.0.0,M11.1.0",
                           "EST5EDT,M3.2.7,M11.1.0",
                           "EST5EDT,M3.2,M11.1.0",
                           "EST5EDT,J0,J300",
                           "EST5EDT,J366,J300",
                           "EST5EDT,366,300",
                           "EST5EDT,M3.2.0/168,M11.1.0",
                           "EST5EDT,M3.2.0/-168,M11.1.0",
                           "EST5EDT,M3.2.0/,M11.1.0",
                           "EST5EDT,M3.2.0,M11.1.0x",
                           "EST5EDT4,M3.2.0,M11.1.0,J1",
                           "EST5EDT25,M3.2.0,M11.1.0"})
    EXPECT_FALSE(TzRule::parse(text)) << text;
}

/// `value` in `size` bytes, big-endian.
std::string big_endian(std::int64_t value, size_t size) {
  std::string bytes;
  for (size_t i = size; i-- > 0;)
    bytes += static_cast<char>(static_cast<std::uint64_t>(value) >> (8 * i));
  return bytes;
}

/// A TZif file's content: transitions (UTC seconds) to time types, each type's offset from
/// UTC, and the footer of version 2.
struct Tzif {
  std::vector<std::pair<std::int64_t, std::uint8_t>> transitions;
  std::vector<std::int32_t> offsets;
  std::string footer;

  /// The header and data with `time_size`-byte times.
  std::string block(char version, size_t time_size) const {
    std::string out = "TZif" + std::string(1, version) + std::string(15, '\0');
    for (size_t count :
         {size_t{0}, size_t{0}, size_t{0}, transitions.size(), offsets.size(), size_t{4}})
      out += big_endian(static_cast<std::int64_t>(count), 4);
    for (auto [at, type] : transitions) out += big_endian(at, time_size);
    for (auto [at, type] : transitions) out += static_cast<char>(type);
    for (std::int32_t offset : offsets) out += big_endian(offset, 4) + std::string(2, '\0');
    return out + std::string("ZZZ\0", 4);
  }
  std::string version_1() const { return block('\0', 4); }
  std::string version_2() const { return block('2', 4) + block('2', 8) + "\n" + footer + "\n"; }
};

TEST(ZoneInfo, ReadsVersionOneFilesWhereTheLastTypeHolds) {
  Tzif file{{{-1'000'000'000, 1}, {1'000'000'000, 2}}, {1234, 3600, 7200}, ""};
  auto zone = ZoneInfo::parse(file.version_1());
  ASSERT_TRUE(zone);
  EXPECT_EQ(zone->offset_at(utc(1900, 1, 1, 0)), seconds{1234});  // the first type
  EXPECT_EQ(zone->offset_at(sys_seconds{seconds{-1'000'000'000}}), hours{1});
  EXPECT_EQ(zone->offset_at(sys_seconds{seconds{999'999'999}}), hours{1});
  EXPECT_EQ(zone->offset_at(sys_seconds{seconds{1'000'000'000}}), hours{2});
  EXPECT_EQ(zone->offset_at(utc(2100, 7, 1, 0)), hours{2});
  EXPECT_EQ(zone->to_utc(utc(2100, 7, 1, 12)), utc(2100, 7, 1, 10));
  std::string truncated = file.version_1();
  truncated.pop_back();
  EXPECT_FALSE(ZoneInfo::parse(truncated));
  std::string one = file.version_1();
  one[4] = '1';  // no such version
  EXPECT_FALSE(ZoneInfo::parse(one));
}

TEST(ZoneInfo, KeepsTheFirstTypeBeforeTheFirstTransitionAndTheRuleFromTheLast) {
  auto first = utc(2020, 3, 29, 1);
  Tzif file{
      {{first.time_since_epoch().count(), 1}}, {1234, 7200, 3600}, "CET-1CEST,M3.5.0,M10.5.0/3"};
  auto zone = ZoneInfo::parse(file.version_2());
  ASSERT_TRUE(zone);
  EXPECT_EQ(zone->offset_at(first - seconds{1}), seconds{1234});
  EXPECT_EQ(zone->offset_at(utc(2000, 7, 1, 0)), seconds{1234});
  EXPECT_EQ(zone->offset_at(first), hours{2});
  EXPECT_EQ(zone->offset_at(utc(2020, 10, 25, 1) - seconds{1}), hours{2});
  EXPECT_EQ(zone->offset_at(utc(2020, 10, 25, 1)), hours{1});
  EXPECT_EQ(zone->offset_at(utc(2021, 7, 1, 0)), hours{2});
  EXPECT_EQ(zone->to_utc(utc(2021, 3, 28, 2, 30)), utc(2021, 3, 28, 1));
  EXPECT_EQ(zone->to_utc(utc(2021, 10, 31, 2, 30)), utc(2021, 10, 31, 0, 30));
}

TEST(ZoneInfo, HoldsTheLastTypeAfterAnEmptyFooter) {
  Tzif file{{{0, 1}}, {0, -3 * 3600}, ""};
  auto zone = ZoneInfo::parse(file.version_2());
  ASSERT_TRUE(zone);
  EXPECT_EQ(zone->offset_at(utc(2100, 1, 1, 0)), hours{-3});
}

TEST(ZoneInfo, FollowsTheRuleAllAlongInAFileWithoutTransitions) {
  Tzif file{{}, {-5 * 3600}, "EST5EDT,0/0,J365/25"};
  auto zone = ZoneInfo::parse(file.version_2());
  ASSERT_TRUE(zone);
  for (sys_seconds wall = utc(2027, 12, 31, 22); wall < utc(2028, 1, 1, 3); wall += minutes{30})
    EXPECT_EQ(zone->to_utc(wall), wall + hours{4}) << utc_text(wall);
  EXPECT_EQ(zone->offset_at(utc(1900, 1, 1, 0)), hours{-4});
}

TEST(ZoneInfo, RefusesFilesItCannotRead) {
  Tzif good{{{0, 1}}, {0, 3600}, "<+01>-1"};
  ASSERT_TRUE(ZoneInfo::parse(good.version_2()));
  std::vector<std::string> bad;
  for (const char* footer : {"EST5EDT", "+01-1", "<+01>-1,"}) {
    Tzif file = good;
    file.footer = footer;
    bad.push_back(file.version_2());
  }
  std::string text = good.version_2();
  bad.push_back(text.substr(0, text.size() - 1));  // the footer's newline
  bad.push_back(good.block('2', 4) + good.block('2', 8) + "<+01>-1\n");
  Tzif unsorted{{{10, 1}, {0, 0}}, {0, 3600}, ""};
  Tzif untyped{{{0, 2}}, {0, 3600}, ""};
  Tzif far{{{0, 1}}, {0, 3 * 86400}, ""};
  Tzif typeless{{}, {}, ""};
  for (const Tzif& file : {unsorted, untyped, far, typeless}) bad.push_back(file.version_2());
  bad.push_back("TZif2");
  for (size_t i = 0; i < bad.size(); ++i) EXPECT_FALSE(ZoneInfo::parse(bad[i])) << i;
}

}  // namespace
}  // namespace commplan
