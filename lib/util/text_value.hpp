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
/// large register. Its bytes follow a 4-byte header that holds their size. A text either
/// borrows a header and bytes kept by something that outlives it (the loader's texts, kept in
/// the project's PlaceStore, which every copy of the project shares: see keep_in), or owns a
/// block of its own (a text set by code: an import, an edit, a test); the pointer's lowest bit
/// says which (kept headers are aligned to 2 bytes), so a text that borrows reads nothing of
/// what it borrows when it is copied or destroyed. One pointer, 8 bytes, where a std::string
/// takes 32 and a pointer with a size 16, and a finding holds 14 texts: the 300,000-finding
/// recap's peak fell from 250.7 to 225.9 MiB, the 100,000-finding one's from 90.0 to 80.7 MiB,
/// in the same time (medians of interleaved runs).
///
/// A copy of a borrowed text borrows too: a copy must not outlive what its original borrowed
/// from. A copy of an owned text owns its own copy.
class Text {
 public:
  /// The header before a text's bytes: their size.
  static constexpr size_t kHeader = sizeof(std::uint32_t);
  /// The alignment a kept header needs (keep_in).
  static constexpr size_t kAlign = 2;

  Text() = default;
  /// An owned copy of `text`.
  Text(std::string_view text) { assign(text); }  // NOLINT: converts as std::string does
  Text(const std::string& text) : Text(std::string_view(text)) {}  // NOLINT
  Text(const char* text) : Text(std::string_view(text)) {}         // NOLINT

  /// Copies `text` into `room` (kHeader + text.size() bytes, aligned to kAlign) and returns a
  /// text that borrows it: `room` must outlive the text and its copies.
  static Text keep_in(char* room, std::string_view text) {
    Text kept;
    if (!text.empty()) {
      write(room, text);
      kept.bits_ = reinterpret_cast<std::uintptr_t>(room);
    }
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
  const char* data() const { return bits_ != 0 ? header() + kHeader : ""; }
  size_t size() const {
    if (bits_ == 0) return 0;
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
  static constexpr std::uintptr_t kOwned = 1;  // on the pointer: the text owns its block

  /// Writes `text`, with its header, at `at`.
  static void write(char* at, std::string_view text) {
    if (text.size() > UINT32_MAX) throw std::length_error("a text of 4 GiB or more");
    auto size = static_cast<std::uint32_t>(text.size());
    std::memcpy(at, &size, kHeader);
    std::memcpy(at + kHeader, text.data(), text.size());
  }
  char* header() const { return reinterpret_cast<char*>(bits_ & ~kOwned); }
  bool owned() const { return (bits_ & kOwned) != 0; }

  void assign(std::string_view text) {
    if (text.empty()) return;
    if (text.size() > UINT32_MAX) throw std::length_error("a text of 4 GiB or more");
    auto block = std::make_unique<char[]>(kHeader + text.size());  // aligned for any type
    write(block.get(), text);
    bits_ = reinterpret_cast<std::uintptr_t>(block.release()) | kOwned;
  }

  std::uintptr_t bits_ = 0;  // the header's address, and kOwned; 0 for the empty text
};

static_assert(sizeof(Text) == sizeof(void*));

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
