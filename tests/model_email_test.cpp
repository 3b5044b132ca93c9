#include <gtest/gtest.h>

#include "model/email.hpp"
#include "model/project.hpp"
#include "test_helpers.hpp"

namespace commplan {
namespace {

TEST(Email, AcceptsBareAddrSpecs) {
  for (const char* address :
       {"a@b", "first.last+tag@example.com", "o'neil@example.ie", "\"two words\"@example.org",
        "ops@[192.0.2.1]", "张伟@例子.中国", "x_y-z@sub.example.co.uk"})
    EXPECT_EQ(email_problem(address), "") << address;
}

TEST(Email, SuggestsTheAddressInsideANameAddr) {
  EXPECT_EQ(email_problem("Zhou Min <zhou.min@example.com>"),
            "write the bare address: did you mean \"zhou.min@example.com\"? (put the name "
            "\"Zhou Min\" in the name field)");
  EXPECT_EQ(email_problem("\"Min, Zhou\" <zm@example.com>"),
            "write the bare address: did you mean \"zm@example.com\"? (put the name \"Min, "
            "Zhou\" in the name field)");
  EXPECT_EQ(email_problem("<zm@example.com>"),
            "write the address without <>: did you mean \"zm@example.com\"?");
}

TEST(Email, SuggestsTheAddressInOtherCommonMistakes) {
  EXPECT_EQ(email_problem("mailto:zm@example.com"),
            "write the address without mailto: did you mean \"zm@example.com\"?");
  EXPECT_EQ(email_problem("a@example.com, b@example.com"),
            "one address per person: did you mean \"a@example.com\"?");
  EXPECT_EQ(email_problem(" a@example.com"),
            "white space around the address: did you mean \"a@example.com\"?");
  // A YAML block text (`email: |`) ends with a line break.
  EXPECT_EQ(email_problem("a@example.com\n"),
            "white space around the address: did you mean \"a@example.com\"?");
}

TEST(Email, RejectsWhatIsNoAddress) {
  EXPECT_EQ(email_problem("zhou.min"), "\"zhou.min\" is not an e-mail address: no @");
  for (const char* text : {"a@", "@b", "a..b@c", ".a@b", "a@b.", "a b@c", "a@b@c@", "a@[b"})
    EXPECT_NE(email_problem(text), "") << text;
  EXPECT_EQ(email_problem("Zhou <not an address>"),
            "\"not an address\" is not an e-mail address; write only local@domain");
}

TEST(ProjectLoader, RejectsAnEmailThatIsNotABareAddress) {
  Diagnostics d;
  load_project("p.yaml",
               testing::project_head() +
                   "team:\n  - {name: Ann, email: \"Ann Lee <ann@example.com>\"}\n"
                   "client_team:\n  - {name: Bo, email: bo@example.com}\n",
               d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(format_headline(d.items()[0]),
            "p.yaml:8:25: error: team[0].email: write the bare address: did you mean "
            "\"ann@example.com\"? (put the name \"Ann Lee\" in the name field)");
}

TEST(ProjectLoader, WarnsAboutHolidaysOutsideTheEngagementOrOnADayOff) {
  Diagnostics d;
  load_project("p.yaml",
               testing::project_head("2026-12-07", "2026-12-18",
                                     "  holidays: [2026-12-15, 2026-12-12, 2027-01-01]\n"),
               d);
  std::string out;
  for (const auto& item : d.items()) out += format_headline(item) + "\n";
  EXPECT_EQ(out,
            "p.yaml:7:26: warning: project.holidays[1]: holiday 2026-12-12 is a Saturday, not a "
            "workday anyway\n"
            "p.yaml:7:38: warning: project.holidays[2]: holiday 2027-01-01 is outside the "
            "engagement (2026-12-07 to 2026-12-18)\n");
}

}  // namespace
}  // namespace commplan
