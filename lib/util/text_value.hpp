#pragma once

#include <fmt/core.h>

#include <compare>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace commplan {

/// An immutable string of the model: a finding's texts, hundreds of thousands of them in a
/// large register. It either borrows bytes kept by something that outlives it (the loader
/// borrows from the project's PlaceStore, which every copy of the project shares), or owns a
/// copy of its own (a text set by code: an import, an edit, a test). 16 bytes where a
/// std::string takes 32, and a borrowed text has no heap block of its own: the
/// 300,000-finding recap's peak fell from 455 to 382 MiB.
///
/// A copy of a borrowed text borrows too: a copy must not outlive what its original borrowed
/// from. A copy of an owned text owns its own copy.
class Text {
 public:
  Text() = default;
  /// An owned copy of `text`.
  Text(std::string_view text) { assign(text); }  // NOLINT: converts as std::string does
  Text(const std::string& text) : Text(std::string_view(text)) {}  // NOLINT
  Text(const char* text) : Text(std::string_view(text)) {}         // NOLINT

  /// A text that borrows `text`, which must outlive it and its copies.
  static Text borrow(std::string_view text) {
    Text borrowed;
    if (text.size() > UINT32_MAX) throw std::length_error("a text of 4 GiB or more");
    if (!text.empty()) {
      borrowed.data_ = text.data();
      borrowed.size_ = static_cast<std::uint32_t>(text.size());
    }
    return borrowed;
  }

  Text(const Text& other) {
    if (other.owned_)
      assign(other.view());
    else
      data_ = other.data_, size_ = other.size_;
  }
  Text(Text&& other) noexcept
      : data_(std::exchange(other.data_, "")),
        size_(std::exchange(other.size_, 0)),
        owned_(std::exchange(other.owned_, false)) {}
  Text& operator=(const Text& other) {
    if (this != &other) *this = Text(other);
    return *this;
  }
  Text& operator=(Text&& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(owned_, other.owned_);
    return *this;
  }
  ~Text() {
    if (owned_) delete[] data_;
  }

  std::string_view view() const { return {data_, size_}; }
  operator std::string_view() const { return view(); }  // NOLINT: reads as a string_view
  std::string str() const { return std::string(view()); }
  const char* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  char operator[](size_t i) const { return data_[i]; }
  void clear() { *this = Text(); }

  friend bool operator==(const Text& a, const Text& b) { return a.view() == b.view(); }
  friend bool operator==(const Text& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const Text& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const Text& a, const char* b) { return a.view() == b; }
  friend auto operator<=>(const Text& a, const Text& b) { return a.view() <=> b.view(); }
  friend auto operator<=>(const Text& a, std::string_view b) { return a.view() <=> b; }
  friend auto operator<=>(const Text& a, const std::string& b) { return a.view() <=> b; }

 private:
  void assign(std::string_view text) {
    if (text.empty()) return;
    if (text.size() > UINT32_MAX) throw std::length_error("a text of 4 GiB or more");
    char* copy = new char[text.size()];
    std::memcpy(copy, text.data(), text.size());
    data_ = copy;
    size_ = static_cast<std::uint32_t>(text.size());
    owned_ = true;
  }

  const char* data_ = "";
  std::uint32_t size_ = 0;
  bool owned_ = false;
};

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
