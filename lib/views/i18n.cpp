#include "views/i18n.hpp"

#include <fmt/format.h>

namespace commplan {

namespace {

constexpr Phrase kWeekdays[] = {{"Monday", "周一"},   {"Tuesday", "周二"}, {"Wednesday", "周三"},
                                {"Thursday", "周四"}, {"Friday", "周五"},  {"Saturday", "周六"},
                                {"Sunday", "周日"}};

constexpr std::string_view kWeekdaysLongZh[] = {"星期一", "星期二", "星期三", "星期四",
                                                "星期五", "星期六", "星期日"};

size_t index(Date day) { return static_cast<size_t>(weekday_index(day)); }

}  // namespace

std::string_view weekday_name(Date day, Lang lang) { return kWeekdays[index(day)].in(lang); }

std::string_view weekday_long(Date day, Lang lang) {
  return lang == Lang::zh ? kWeekdaysLongZh[index(day)] : kWeekdays[index(day)].en;
}

std::string long_date(Date day, Lang lang) {
  if (lang == Lang::en) return fmt::format("{} {}", weekday_long(day, lang), format_date(day));
  return fmt::format("{}年{}月{}日（{}）", static_cast<int>(day.year()),
                     static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()),
                     weekday_long(day, lang));
}

std::string short_date(Date day, Lang lang) {
  if (lang == Lang::en) return format_date(day);
  return fmt::format("{}月{}日", static_cast<unsigned>(day.month()),
                     static_cast<unsigned>(day.day()));
}

}  // namespace commplan
