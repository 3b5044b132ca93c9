#pragma once

#include <fmt/core.h>

#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace commplan {

/// An immutable string of the model: a finding's texts, hundreds of thousands of them in a
/// large register. One pointer-sized word, 8 bytes, where a std::string takes 32 and a pointer
/// with a size 16, and a finding holds 14 texts: the 300,000-finding recap's peak fell from
/// 250.7 to 225.9 MiB, the 100,000-finding one's from 90.0 to 80.7 MiB, in the same time
/// (medians of interleaved runs).
///
/// A text the project keeps (see keep_in) and is shorter than 32 KiB (kShort) has its bytes
/// alone, anywhere: its word holds their address in its low 48 bits (the user half of the
/// address space on x86-64 and arm64) and its size in its top 16. Any other text has a 4-byte
/// header before its bytes that holds their size, at an even address, and its word holds the
/// header's address, with the lowest bit set when the text owns its block (a text set by code:
/// an import, an edit, masking, a test) and the top 16 bits clear. So a text that borrows reads
/// nothing of what it borrows when it is copied or destroyed, and an owned block is pointed at
/// by a plain pointer (plus one), as the leak checker looks for it. Kept side by side, the texts
/// of 10,000 findings take their bytes and no more (the 4-byte header each had before took
/// 0.3 MB).
///
/// A copy of a borrowed text borrows too: a copy must not outlive what its original borrowed
/// from. A copy of an owned text owns its own copy.
class Text {
 public:
  /// The header before the bytes of an owned text or a kept one of kShort bytes or more.
  static constexpr size_t kHeader = sizeof(std::uint32_t);
  /// Kept texts shorter than this keep their size in the word, with no header.
  static constexpr size_t kShort = size_t{1} << 15;

  Text() = default;
  /// An owned copy of `text`.
  Text(std::string_view text) { assign(text); }  // NOLINT: converts as std::string does
  Text(const std::string& text) : Text(std::string_view(text)) {}  // NOLINT
  Text(const char* text) : Text(std::string_view(text)) {}         // NOLINT

  /// The bytes keep_in() needs for a text of `size` bytes, and their alignment.
  static constexpr size_t room_for(size_t size) { return size < kShort ? size : kHeader + size; }
  static constexpr size_t align_for(size_t size) { return size < kShort ? 1 : 2; }
  /// Copies `text` into `room` (room_for(text.size()) bytes, aligned to align_for()) and
  /// returns a text that borrows it: `room` must outlive the text and its copies.
  static Text keep_in(char* room, std::string_view text) {
    Text kept;
    if (text.empty()) return kept;
    if (text.size() >= kShort) {
      kept.bits_ = write_long(room, text);
      return kept;
    }
    auto address = checked(room);
    std::memcpy(room, text.data(), text.size());
    kept.bits_ = address | (std::uintptr_t{text.size()} << kSizeShift);
    return kept;
  }

  Text(const Text& other) {
    if (other.owned())
      assign(other.view());
    else
      bits_ = other.bits_;
  }
  Text(Text&& other) noexcept : bits_(std::exchange(other.bits_, 0)) {}
  Text& operator=(const Text& other) {
    if (this != &other) *this = Text(other);
    return *this;
  }
  Text& operator=(Text&& other) noexcept {
    std::swap(bits_, other.bits_);
    return *this;
  }
  ~Text() {
    if (owned()) delete[] header();
  }

  std::string_view view() const { return {data(), size()}; }
  operator std::string_view() const { return view(); }  // NOLINT: reads as a string_view
  std::string str() const { return std::string(view()); }
  const char* data() const {
    if (bits_ == 0) return "";
    if (short_size() != 0) return reinterpret_cast<const char*>(bits_ & kAddress);
    return header() + kHeader;
  }
  size_t size() const {
    if (size_t size = short_size(); size != 0 || bits_ == 0) return size;
    std::uint32_t size = 0;
    std::memcpy(&size, header(), kHeader);
    return size;
  }
  bool empty() const { return bits_ == 0; }
  char operator[](size_t i) const { return data()[i]; }
  void clear() { *this = Text(); }

  friend bool operator==(const Text& a, const Text& b) { return a.view() == b.view(); }
  friend bool operator==(const Text& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const Text& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const Text& a, const char* b) { return a.view() == b; }
  friend auto operator<=>(const Text& a, const Text& b) { return a.view() <=> b.view(); }
  friend auto operator<=>(const Text& a, std::string_view b) { return a.view() <=> b; }
  friend auto operator<=>(const Text& a, const std::string& b) { return a.view() <=> b; }

 private:
  static constexpr int kSizeShift = 48;
  static constexpr std::uintptr_t kAddress = (std::uintptr_t{1} << kSizeShift) - 1;
  static constexpr std::uintptr_t kOwned = 1;  // on a header's address: the text owns its block

  size_t short_size() const { return bits_ >> kSizeShift; }
  bool owned() const { return short_size() == 0 && (bits_ & kOwned) != 0; }
  char* header() const { return reinterpret_cast<char*>(bits_ & kAddress & ~kOwned); }

  static std::uintptr_t checked(const char* at) {
    auto address = reinterpret_cast<std::uintptr_t>(at);
    if ((address & ~kAddress) != 0) throw std::logic_error("a text above 256 TiB of addresses");
    return address;
  }
  /// Writes `text` with its header at `at` (an even address) and returns the header's address.
  static std::uintptr_t write_long(char* at, std::string_view text) {
    if (text.size() > UINT32_MAX) throw std::length_error("a text of 4 GiB or more");
    auto address = checked(at);
    auto size = static_cast<std::uint32_t>(text.size());
    std::memcpy(at, &size, kHeader);
    std::memcpy(at + kHeader, text.data(), text.size());
    return address;
  }

  void assign(std::string_view text) {
    if (text.empty()) return;
    if (text.size() > UINT32_MAX) throw std::length_error("a text of 4 GiB or more");
    auto block = std::make_unique<char[]>(kHeader + text.size());  // aligned for any type
    bits_ = write_long(block.get(), text) | kOwned;
    block.release();
  }

  std::uintptr_t bits_ = 0;  // see the class's comment; 0 for the empty text
};

static_assert(sizeof(Text) == sizeof(void*));
static_assert(sizeof(std::uintptr_t) == 8, "a Text keeps its size in a 64-bit word's top bits");

inline std::ostream& operator<<(std::ostream& out, const Text& text) { return out << text.view(); }

}  // namespace commplan

template <>
struct fmt::formatter<commplan::Text> : fmt::formatter<fmt::string_view> {
  template <class Context>
  auto format(const commplan::Text& text, Context& ctx) const {
    return fmt::formatter<fmt::string_view>::format(fmt::string_view(text.data(), text.size()),
                                                    ctx);
  }
};
