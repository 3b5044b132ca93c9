#pragma once
// Text a view computes (not a template's), in both languages at once, so neither can be missing.

#include <string>
#include <string_view>

#include "model/project.hpp"

namespace commplan {

/// One phrase in every language commplan speaks.
struct Phrase {
  std::string_view en;
  std::string_view zh;

  std::string_view in(Lang lang) const { return lang == Lang::zh ? zh : en; }
};

/// "Monday" / "周一": the weekday beside a date.
std::string_view weekday_name(Date day, Lang lang);

/// "Monday" / "星期一": the weekday of a date written out in full (long_date).
std::string_view weekday_long(Date day, Lang lang);

/// The day of a meeting in running text: "Monday 2027-03-01" / "2027年3月1日（星期一）".
/// Tables keep the ISO date.
std::string long_date(Date day, Lang lang);

/// A day close to the page's own, in running text: "2027-03-15" / "3月15日".
std::string short_date(Date day, Lang lang);

}  // namespace commplan
