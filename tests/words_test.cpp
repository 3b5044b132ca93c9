#include "words/words.hpp"

#include <fmt/args.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace commplan {
namespace {

Date day(const char* text) { return *parse_date(text); }

TEST(Words, AMeetingDayInRunningTextHasItsWeekday) {
  EXPECT_EQ(long_date(day("2027-03-01"), Lang::en), "Monday 2027-03-01");
  EXPECT_EQ(long_date(day("2027-03-01"), Lang::zh), "2027年3月1日（周一）");
  EXPECT_EQ(long_date(day("2026-12-20"), Lang::zh), "2026年12月20日（周日）");
}

TEST(Words, ANearbyDayDropsTheYearInChinese) {
  EXPECT_EQ(short_date(day("2027-03-15"), Lang::zh), "3月15日");
  EXPECT_EQ(short_date(day("2027-03-15"), Lang::en), "2027-03-15");
  EXPECT_EQ(day_with_weekday(day("2027-03-15"), Lang::zh), "3月15日，周一");
  EXPECT_EQ(day_with_weekday(day("2027-03-15"), Lang::en), "Monday 2027-03-15");
}

TEST(Words, WeekdaysShortAndLong) {
  EXPECT_EQ(weekday_name(day("2027-03-13"), Lang::zh), "周六");
  EXPECT_EQ(weekday_long(day("2027-03-13"), Lang::zh), "星期六");
  EXPECT_EQ(weekday_short(day("2027-03-13"), Lang::zh), "周六");
  EXPECT_EQ(weekday_name(day("2027-03-13"), Lang::en), "Saturday");
  EXPECT_EQ(weekday_long(day("2027-03-13"), Lang::en), "Saturday");
  EXPECT_EQ(weekday_short(day("2027-03-13"), Lang::en), "Sat");
}

TEST(Words, EachLanguageHasItsOwnTable) {
  ASSERT_EQ(languages().front(), Lang::en);
  for (Lang lang : languages()) EXPECT_EQ(words(lang).to_confirm.empty(), false);
  EXPECT_EQ(words(Lang::en).separators.list, ", ");
  EXPECT_EQ(words(Lang::zh).separators.list, "、");
}

/// The value names of a format string, in order: "" for `{}`, "0" for `{0}`, "day" for `{day}`.
std::vector<std::string> placeholders(std::string_view pattern) {
  std::vector<std::string> found;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') continue;
    if (i + 1 < pattern.size() && pattern[i + 1] == '{') {
      ++i;
      continue;
    }
    size_t end = pattern.find_first_of(":}", i);
    found.emplace_back(pattern.substr(i + 1, end - i - 1));
    i = end;
  }
  return found;
}

std::vector<std::string> split(std::string_view names) {
  std::istringstream in{std::string(names)};
  std::vector<std::string> list;
  for (std::string name; in >> name;) list.push_back(name);
  return list;
}

/// `pattern` formatted with `count` values in order and a value for each of `names`.
std::string format_with(std::string_view pattern, size_t count,
                        const std::vector<std::string>& names) {
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  for (size_t i = 0; i < count; ++i) args.push_back("x");
  for (const std::string& name : names) args.push_back(fmt::arg(name.c_str(), "x"));
  return fmt::vformat(pattern, args);
}

const std::vector<std::string> kMeetingNames =
    split("kickoff daily phase final kickoff_text daily_text phase_text final_text");

TEST(Words, EveryFieldIsListedOnce) {
  std::set<std::string_view> names;
  size_t texts = 0;
  for (const WordField& field : word_fields()) {
    EXPECT_TRUE(names.insert(field.name).second) << field.name;
    texts += field.texts(words(Lang::en)).size();
  }
  EXPECT_EQ(texts * sizeof(std::string_view), sizeof(Words))
      << "a field of Words is missing from word_fields()";
}

// A language's table must say everything English says: every text there, every list as long,
// every pattern with as many values (or only the named values its field offers), each usable.
TEST(Words, EveryLanguageSaysEverythingEnglishSays) {
  const Words& english = words(Lang::en);
  for (Lang lang : languages()) {
    const Words& w = words(lang);
    for (const WordField& field : word_fields()) {
      auto ours = field.texts(w);
      auto theirs = field.texts(english);
      std::string where = fmt::format("{}.{}", to_string(lang), field.name);
      ASSERT_EQ(ours.size(), theirs.size()) << where;
      for (size_t i = 0; i < ours.size(); ++i) {
        std::string at = ours.size() > 1 ? fmt::format("{}[{}]", where, i) : where;
        std::string_view text = ours[i];
        EXPECT_FALSE(text.empty()) << at << " is missing";
        size_t values = placeholders(text).size();
        switch (field.kind) {
          case WordField::Kind::text:
            EXPECT_EQ(values, placeholders(theirs[i]).size()) << at << ": " << text;
            EXPECT_NO_THROW(format_with(text, 0, kMeetingNames)) << at << ": " << text;
            break;
          case WordField::Kind::pattern:
            EXPECT_EQ(values, placeholders(theirs[i]).size()) << at << ": " << text;
            EXPECT_NO_THROW(format_with(text, values, {})) << at << ": " << text;
            break;
          case WordField::Kind::named:
            EXPECT_GT(values, 0u) << at << ": " << text;
            EXPECT_NO_THROW(format_with(text, 0, split(field.names))) << at << ": " << text;
            break;
        }
      }
    }
  }
}

TEST(Words, PlaceholdersAreCountedAsFmtReadsThem) {
  EXPECT_EQ(placeholders("{} to {}").size(), 2u);
  EXPECT_EQ(placeholders("{{literal}} {day} {0:>3}"), (std::vector<std::string>{"day", "0"}));
  EXPECT_THROW(format_with("{weekday_lang}", 0, split("weekday weekday_long")), fmt::format_error);
}

}  // namespace
}  // namespace commplan

namespace commplan {
namespace {

TEST(Languages, AreNamedByTheirCodes) {
  EXPECT_EQ(language_codes(), (std::vector<std::string>{"en", "zh"}));
  EXPECT_EQ(language_codes_text(), "en or zh");
  for (Lang lang : languages()) EXPECT_EQ(language_named(to_string(lang)), lang);
  EXPECT_EQ(language_named("fr"), std::nullopt);
  EXPECT_EQ(language_named(""), std::nullopt);
}

TEST(Languages, WithRoleBracketsARoleUnlessItHasBracketsOfItsOwn) {
  EXPECT_EQ(with_role("Ann", "Lead", Lang::en), "Ann (Lead)");
  EXPECT_EQ(with_role("Ann", "Lead", Lang::zh), "Ann（Lead）");
  EXPECT_EQ(with_role("Bo", "CISO (acting)", Lang::en), "Bo, CISO (acting)");
  EXPECT_EQ(with_role("Bo", "代理（CISO）", Lang::zh), "Bo，代理（CISO）");
  EXPECT_EQ(with_role("Cy", "", Lang::zh), "Cy");
}

}  // namespace
}  // namespace commplan
