#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>
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

TEST(TextValue, AKeptTextBorrowsTheRoomItWasKeptIn) {
  alignas(Text::kAlign) char room[Text::kHeader + 13];
  Text text = Text::keep_in(room, "seen at 09:00");
  EXPECT_EQ(text, "seen at 09:00");
  EXPECT_EQ(text.size(), 13u);
  EXPECT_EQ(text.data(), room + Text::kHeader);
  Text copy = text;  // a copy borrows too
  EXPECT_EQ(copy.data(), text.data());
  room[Text::kHeader] = 'S';
  EXPECT_EQ(copy, "Seen at 09:00");
  Text moved = std::move(copy);  // and so does a move: nothing is freed twice
  EXPECT_EQ(moved.data(), text.data());
}

TEST(TextValue, ABorrowedTextReadsNothingWhenCopiedOrDestroyed) {
  // A project's texts may be destroyed after the store they borrow from (the sanitizers'
  // build reports a read of the freed room).
  auto room = std::make_unique<char[]>(Text::kHeader + 4);
  Text text = Text::keep_in(room.get(), "gate");
  room.reset();
  Text copy = text;
  Text moved = std::move(copy);
  EXPECT_FALSE(moved.empty());
}

TEST(TextValue, IsOnePointer) {
  EXPECT_EQ(sizeof(Text), sizeof(void*));
  std::string text(70000, 'a');  // past 16 bits: the size is whole
  EXPECT_EQ(Text(text).size(), 70000u);
  EXPECT_EQ(Text(text), text);
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
  EXPECT_EQ(Text::keep_in(nullptr, {}).view(), "");  // an empty text is kept nowhere
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
