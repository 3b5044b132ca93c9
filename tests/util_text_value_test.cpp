#include <fmt/format.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>

#include "util/text_value.hpp"

namespace commplan {
namespace {

TEST(TextValue, AnOwnedTextIsACopyOfItsOwn) {
  std::string source = "a title longer than a short string";
  Text text(source);
  source.assign(source.size(), 'x');
  EXPECT_EQ(text, "a title longer than a short string");
  EXPECT_NE(text.data(), source.data());
  EXPECT_EQ(text.size(), 34u);
  EXPECT_FALSE(text.empty());
}

TEST(TextValue, ABorrowedTextPointsAtWhatItBorrows) {
  std::string source = "seen at 09:00";
  Text text = Text::borrow(source);
  EXPECT_EQ(text.data(), source.data());
  Text copy = text;  // a copy borrows too
  EXPECT_EQ(copy.data(), source.data());
  source[0] = 'S';
  EXPECT_EQ(copy, "Seen at 09:00");
}

TEST(TextValue, ACopyOfAnOwnedTextOwnsAnotherCopy) {
  Text text("gate");
  Text copy = text;
  EXPECT_NE(copy.data(), text.data());
  EXPECT_EQ(copy, text);
  Text assigned;
  assigned = copy;
  EXPECT_NE(assigned.data(), copy.data());
  EXPECT_EQ(assigned, "gate");
  assigned = assigned;  // NOLINT: assigning a text to itself keeps it
  EXPECT_EQ(assigned, "gate");
}

TEST(TextValue, AMovedTextLeavesAnEmptyOne) {
  Text text("gate");
  const char* bytes = text.data();
  Text moved = std::move(text);
  EXPECT_EQ(moved.data(), bytes);
  EXPECT_TRUE(text.empty());  // NOLINT: read after the move on purpose
  EXPECT_EQ(text, "");
  text = std::move(moved);
  EXPECT_EQ(text, "gate");
}

TEST(TextValue, AnEmptyTextOwnsNothing) {
  Text empty("");
  EXPECT_TRUE(empty.empty());
  EXPECT_NE(empty.data(), nullptr);
  EXPECT_EQ(Text::borrow({}).view(), "");
  Text cleared("gate");
  cleared.clear();
  EXPECT_TRUE(cleared.empty());
}

TEST(TextValue, ComparesAndPrintsAsItsBytes) {
  Text b("b");
  EXPECT_TRUE(b == std::string("b"));
  EXPECT_TRUE(b == std::string_view("b"));
  EXPECT_TRUE(std::string("b") == b);
  EXPECT_LT(Text("a"), b);
  EXPECT_GT(b, std::string("a"));
  EXPECT_EQ(fmt::format("[{:>3}]", b), "[  b]");
  std::ostringstream out;
  out << b;
  EXPECT_EQ(out.str(), "b");
  EXPECT_EQ(Text("ab").str(), "ab");
  EXPECT_EQ(Text("ab")[1], 'b');
}

}  // namespace
}  // namespace commplan
