#include "views/method.hpp"

#include <algorithm>

namespace commplan {

int suggested_final_minutes(size_t findings, size_t workdays) {
  const bool large = findings > kLargeFindings || workdays > kLargeWorkdays;
  int minutes = kFinalRecapMinDuration + 3 * static_cast<int>(std::min<size_t>(findings, 1000));
  minutes = (minutes + 14) / 15 * 15;
  return std::clamp(minutes, kFinalRecapMinDuration,
                    large ? kFinalRecapMaxDuration : kFinalRecapNormalMaxDuration);
}

}  // namespace commplan
