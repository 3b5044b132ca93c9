#pragma once

#include <memory>
#include <utility>

namespace commplan {

/// An optional value kept on the heap: the part of std::optional's interface the model uses,
/// in the size of a pointer. For the fields most records leave out and that are large when
/// given: a finding's re-test and CVSS score, a history entry's notification. Inline they
/// took 168 of a finding's 776 bytes and 120 of a history entry's 288, on every finding of a
/// 100,000-finding register. A copy copies the value.
template <class T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(T value)  // NOLINT(google-explicit-constructor): as optional's
      : value_(std::make_unique<T>(std::move(value))) {}
  Boxed(const Boxed& other) : value_(copy(other)) {}
  Boxed(Boxed&&) noexcept = default;
  ~Boxed() = default;

  Boxed& operator=(const Boxed& other) {
    if (this != &other) value_ = copy(other);
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(T value) {
    value_ = std::make_unique<T>(std::move(value));
    return *this;
  }

  bool has_value() const { return value_ != nullptr; }
  explicit operator bool() const { return has_value(); }

  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return value_.get(); }
  const T* operator->() const { return value_.get(); }

 private:
  static std::unique_ptr<T> copy(const Boxed& other) {
    return other ? std::make_unique<T>(*other) : nullptr;
  }

  std::unique_ptr<T> value_;
};

}  // namespace commplan
