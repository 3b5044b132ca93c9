#include <gtest/gtest.h>

#include "test_helpers.hpp"
#include "views/validate.hpp"

namespace commplan {
namespace {

const std::string kTeams =
    "team:\n  - {name: Ann, role: Lead, responsibilities: [All]}\n"
    "client_team:\n  - {name: Bo, role: CIO, contact: true}\n";

/// Every problem check_briefs() finds in `text` (after loading it without errors), headline
/// by headline.
std::string checked(const std::string& text) {
  Diagnostics loaded;
  auto project = load_project("p.yaml", text, loaded);
  EXPECT_TRUE(project && !loaded.has_errors());
  Diagnostics d;
  if (project) check_briefs(*project, d);
  std::string out;
  for (const auto& item : d.items()) out += format_headline(item) + "\n";
  return out;
}

TEST(CheckBriefs, RejectsAPhaseWithoutAWorkdayAsPlanDoes) {
  std::string out = checked(testing::project_head() + kTeams +
                            "phases:\n  - {id: w, name: W, start: 2026-12-12, end: 2026-12-13}\n");
  EXPECT_NE(out.find("p.yaml:12:46: error: phases[0].end: phase \"w\" has no workday (2026-12-12 "
                     "to 2026-12-13), so it cannot have a phase recap\n"),
            std::string::npos)
      << out;
}

TEST(CheckBriefs, RejectsAMeetingThatEndsAfterMidnight) {
  std::string out = checked(testing::project_head() + kTeams +
                            "meetings:\n  daily_recap: {time: \"23:55\", duration: 10}\n");
  EXPECT_NE(out.find("error: meetings.daily_recap.time: the daily recap at 23:55 for 10 minutes "
                     "ends after 23:59; start it by 23:49\n"),
            std::string::npos)
      << out;
  EXPECT_EQ(checked(testing::project_head() + kTeams +
                    "meetings:\n  daily_recap: {time: \"23:49\", duration: 10}\n")
                .find("error"),
            std::string::npos);
}

TEST(CheckBriefs, ReportsAClampedDurationOnceThoughEveryViewClampsIt) {
  std::string out = checked(testing::project_head() + kTeams +
                            "meetings:\n  phase_recap: {duration: 90}\n"
                            "phases:\n  - {id: a, name: A, start: 2026-12-07, end: 2026-12-11}\n"
                            "  - {id: b, name: B, start: 2026-12-14, end: 2026-12-16}\n");
  const std::string clamp = "phase_recap.duration: a phase recap takes 20 to 30 minutes, not 90";
  size_t first = out.find(clamp);
  ASSERT_NE(first, std::string::npos) << out;
  EXPECT_EQ(out.find(clamp, first + 1), std::string::npos) << out;
}

TEST(CheckBriefs, MakesTheKickoffsAndThePlansChecks) {
  std::string out = checked(testing::project_head());
  EXPECT_NE(out.find("no kick-off time"), std::string::npos) << out;
  EXPECT_NE(out.find("no escalation path"), std::string::npos) << out;
}

}  // namespace
}  // namespace commplan
