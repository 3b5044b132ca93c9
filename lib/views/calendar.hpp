#pragma once
// The engagement's calendar: which days are workdays, and stepping between them.

#include <optional>
#include <vector>

#include "model/project.hpp"

namespace commplan {

/// Workdays and holidays of one project, for quick questions about days.
class Calendar {
 public:
  explicit Calendar(const Project& project);

  /// A day of the week the team works that is not a holiday (inside or outside the engagement).
  bool is_workday(Date day) const;
  /// One of the file's holidays.
  bool is_holiday(Date day) const;
  /// The last workday before `day`, looking back at most a year; nullopt when none.
  std::optional<Date> previous_workday(Date day) const;
  /// The first workday after `day`, looking ahead at most a year; nullopt when none.
  std::optional<Date> next_workday(Date day) const;
  /// Every workday from `first` to `last`, both included.
  std::vector<Date> workdays(Date first, Date last) const;
  /// The first and last workday of the engagement; nullopt when it has none.
  std::optional<Date> first_workday() const;
  std::optional<Date> last_workday() const;

  Date start() const { return start_; }
  Date end() const { return end_; }

 private:
  bool weekday_on_[7] = {};
  std::vector<Date> holidays_;  // sorted
  Date start_, end_;
};

}  // namespace commplan
