#include "views/view.hpp"

#include <gtest/gtest.h>

#include <type_traits>

#include "model/project.hpp"
#include "test_helpers.hpp"
#include "views/five_w2h.hpp"
#include "views/kickoff.hpp"
#include "views/plan.hpp"
#include "views/recap.hpp"

namespace commplan {
namespace {

// Every builder has the one shape (project, common options, its own options, diagnostics ->
// optional view), and none takes a temporary project: a view may refer to its project.

template <typename P>
concept kickoff_from = requires(P&& p, const ViewOptions& o, Diagnostics& d) {
  {
    build_kickoff_view(std::forward<P>(p), o, KickoffOptions{}, d)
    } -> std::same_as<std::optional<View>>;
};
template <typename P>
concept plan_from = requires(P&& p, const ViewOptions& o, Diagnostics& d) {
  { build_plan_view(std::forward<P>(p), o, PlanOptions{}, d) } -> std::same_as<std::optional<View>>;
};
template <typename P>
concept recap_from = requires(P&& p, const ViewOptions& o, Diagnostics& d) {
  {
    build_recap_view(std::forward<P>(p), o, RecapOptions{}, d)
    } -> std::same_as<std::optional<View>>;
};
template <typename P>
concept five_w2h_from = requires(P&& p, const ViewOptions& o, Diagnostics& d) {
  {
    build_five_w2h_view(std::forward<P>(p), o, FiveW2HOptions{}, d)
    } -> std::same_as<std::optional<View>>;
};

TEST(ViewBuilders, TakeAProjectThatOutlivesTheView) {
  EXPECT_TRUE(kickoff_from<const Project&>);
  EXPECT_TRUE(plan_from<const Project&>);
  EXPECT_TRUE(recap_from<const Project&>);
  EXPECT_TRUE(five_w2h_from<const Project&>);
  EXPECT_TRUE(recap_from<Project&>);
}

TEST(ViewBuilders, RefuseATemporaryProject) {
  EXPECT_FALSE(kickoff_from<Project>);
  EXPECT_FALSE(plan_from<Project>);
  EXPECT_FALSE(recap_from<Project>);
  EXPECT_FALSE(five_w2h_from<Project>);
  EXPECT_FALSE(recap_from<const Project>);
  EXPECT_FALSE(five_w2h_from<Project&&>);
}

TEST(ViewBuilders, FiveW2HWithoutProjectTakesTheAnswers) {
  EXPECT_TRUE(five_w2h_from<std::vector<Communication>>);
}

TEST(ViewBuilders, GiveNoViewWhenTheyAddAnError) {
  Diagnostics d;
  auto project = load_project(
      "p.yaml",
      testing::project_head() +
          "phases:\n  - {id: onsite, name: Onsite, start: 2026-12-07, end: 2026-12-18, "
          "activities: [Inspect]}\n",
      d);
  ASSERT_TRUE(project.has_value()) << (d.items().empty() ? "" : d.items()[0].message);
  ViewOptions options{Lang::en, project->project.start};
  Diagnostics found;
  EXPECT_FALSE(build_recap_view(*project, options, {RecapLevel::phase, "onsit"}, found));
  EXPECT_TRUE(build_kickoff_view(*project, options, {}, found).has_value());
  EXPECT_TRUE(build_plan_view(*project, options, {}, found).has_value());
  EXPECT_TRUE(build_five_w2h_view(*project, options, {}, found).has_value());
  EXPECT_FALSE(build_five_w2h_view(*project, options, {"x"}, found).has_value());
  EXPECT_EQ(found.error_count(), 2u);
}

TEST(ViewBuilders, UnknownPhaseAndTopicAreReportedAlike) {
  Diagnostics d;
  unknown_id(d, "--phase", "phase", "onsit", {"prepare", "onsite"});
  unknown_id(d, "--topic", "communication", "cutovr", {"cutover"});
  unknown_id(d, "--topic", "communication", "budget", {"cutover", "training"});
  unknown_id(d, "--phase", "phase", "x", {});
  ASSERT_EQ(d.items().size(), 4u);
  for (const Diagnostic& item : d.items()) EXPECT_EQ(item.source, Source::option);
  EXPECT_EQ(format_headline(d.items()[0]),
            "--phase: error: no phase has the id \"onsit\"; did you mean \"onsite\"?");
  EXPECT_EQ(format_headline(d.items()[1]),
            "--topic: error: no communication has the id \"cutovr\"; did you mean \"cutover\"?");
  EXPECT_EQ(format_headline(d.items()[2]),
            "--topic: error: no communication has the id \"budget\"; the communications are "
            "cutover, training");
  EXPECT_EQ(format_headline(d.items()[3]),
            "--phase: error: no phase has the id \"x\"; the project has no phases");
}

}  // namespace
}  // namespace commplan
