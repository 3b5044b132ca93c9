// Regression tests for problems the fuzzers and the adversarial corpus found (see also
// tests/fuzz/regressions/, replayed by fuzz_regressions_test.cpp).

#include <gtest/gtest.h>

#include "util/diagnostic.hpp"

namespace commplan {
namespace {

TEST(Diagnostics, HeadlineShowsControlCharactersAsEscapes) {
  Diagnostic d{
      Level::warning,        "p.yaml", {3, 2, 0}, "sc\nope\x1b", "unknown field \"sc\nope\x1b\"",
      "\"sc\\nope\\e\": [a]"};
  EXPECT_EQ(format_headline(d),
            "p.yaml:3:2: warning: sc\\nope\\x1B: unknown field \"sc\\nope\\x1B\"");
}

TEST(Diagnostics, QuotedLineShowsControlCharactersAsQuestionMarks) {
  Diagnostic d{Level::error, "p.yaml", {1, 4, 0}, "", "bad", "a\rb\x1b: x"};
  EXPECT_EQ(format_diagnostic(d), "p.yaml:1:4: error: bad\n a?b?: x\n    ^");
}

}  // namespace
}  // namespace commplan
