#include "views/calendar.hpp"

#include <algorithm>

namespace commplan {

namespace {
constexpr int kSearchDays = 366;
}

Calendar::Calendar(const Project& project)
    : holidays_(project.project.holidays),
      start_(project.project.start),
      end_(project.project.end) {
  for (Weekday day : project.workdays()) weekday_on_[static_cast<int>(day)] = true;
  std::sort(holidays_.begin(), holidays_.end());
}

bool Calendar::is_workday(Date day) const {
  return weekday_on_[weekday_index(day)] && !is_holiday(day);
}

bool Calendar::is_holiday(Date day) const {
  return std::binary_search(holidays_.begin(), holidays_.end(), day);
}

std::optional<Date> Calendar::previous_workday(Date day) const {
  for (int i = 1; i <= kSearchDays; ++i)
    if (Date d = add_days(day, -i); is_workday(d)) return d;
  return std::nullopt;
}

std::optional<Date> Calendar::next_workday(Date day) const {
  for (int i = 1; i <= kSearchDays; ++i)
    if (Date d = add_days(day, i); is_workday(d)) return d;
  return std::nullopt;
}

std::vector<Date> Calendar::workdays(Date first, Date last) const {
  std::vector<Date> days;
  for (Date d = first; d <= last; d = add_days(d, 1))
    if (is_workday(d)) days.push_back(d);
  return days;
}

std::optional<Date> Calendar::first_workday() const {
  for (Date d = start_; d <= end_; d = add_days(d, 1))
    if (is_workday(d)) return d;
  return std::nullopt;
}

std::optional<Date> Calendar::last_workday() const {
  for (Date d = end_; d >= start_; d = add_days(d, -1))
    if (is_workday(d)) return d;
  return std::nullopt;
}

}  // namespace commplan
