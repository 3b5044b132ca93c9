#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

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
  char room[1 + 13];  // at an odd address: a short text's bytes need no alignment
  static_assert(Text::room_for(13) == 13);
  Text text = Text::keep_in(room + 1, "seen at 09:00");
  EXPECT_EQ(text, "seen at 09:00");
  EXPECT_EQ(text.size(), 13u);
  EXPECT_EQ(text.data(), room + 1);
  Text copy = text;  // a copy borrows too
  EXPECT_EQ(copy.data(), text.data());
  room[1] = 'S';
  EXPECT_EQ(copy, "Seen at 09:00");
  Text moved = std::move(copy);  // and so does a move: nothing is freed twice
  EXPECT_EQ(moved.data(), text.data());
}

TEST(TextValue, ALongKeptTextHasItsSizeBeforeItsBytes) {
  std::string source(Text::kShort, 'a');
  source.back() = 'z';
  static_assert(Text::align_for(Text::kShort) == 2);
  std::vector<char> room(Text::room_for(source.size()));  // aligned for any type
  EXPECT_EQ(room.size(), Text::kHeader + source.size());
  Text text = Text::keep_in(room.data(), source);
  EXPECT_EQ(text.data(), room.data() + Text::kHeader);
  EXPECT_EQ(text.size(), source.size());
  EXPECT_EQ(text, source);
  std::uint32_t header = 0;
  std::memcpy(&header, room.data(), sizeof header);
  EXPECT_EQ(header, source.size());
}

TEST(TextValue, TextsEitherSideOfTheShortSizeKeepTheirBytes) {
  for (size_t size : {Text::kShort - 1, Text::kShort, Text::kShort + 1}) {
    std::string source(size, 'b');
    source.front() = 'a';
    Text owned(source);
    EXPECT_EQ(owned.size(), size);
    EXPECT_EQ(owned, source);
    Text copy = owned;
    EXPECT_EQ(copy, source);
    EXPECT_NE(copy.data(), owned.data());
  }
}

TEST(TextValue, ABorrowedTextReadsNothingWhenCopiedOrDestroyed) {
  // A project's texts may be destroyed after the store they borrow from (the sanitizers'
  // build reports a read of the freed room).
  auto room = std::make_unique<char[]>(Text::room_for(4));
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
