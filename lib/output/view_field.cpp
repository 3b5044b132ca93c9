#include "output/view_field.hpp"

#include <fmt/format.h>

#include "util/diagnostic.hpp"

namespace commplan {

using nlohmann::json;

namespace {

std::string child(std::string_view path, std::string_view key) {
  return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

}  // namespace

void malformed(std::string path, std::string message) {
  Diagnostics diagnostics;
  diagnostics.error("", {}, std::move(path), std::move(message));
  throw Error(Error::Kind::invalid_input, std::move(diagnostics));
}

Field Field::operator[](std::string_view key) const {
  if (!value_.is_object()) malformed(path_, "expected a mapping");
  auto it = value_.find(std::string(key));
  if (it == value_.end()) malformed(child(path_, key), "missing");
  return {*it, child(path_, key)};
}

bool Field::has(std::string_view key) const {
  return value_.is_object() && value_.contains(std::string(key)) &&
         !value_[std::string(key)].is_null();
}

const Field& Field::mapping() const {
  if (!value_.is_object()) malformed(path_, "expected a mapping");
  return *this;
}

std::vector<Field> Field::items() const {
  if (!value_.is_array()) malformed(path_, "expected a list");
  std::vector<Field> list;
  for (size_t i = 0; i < value_.size(); ++i)
    list.emplace_back(value_[i], fmt::format("{}[{}]", path_, i));
  return list;
}

std::string Field::text() const {
  if (!value_.is_string()) malformed(path_, "expected a string");
  return value_.get<std::string>();
}

bool Field::flag() const {
  if (!value_.is_boolean()) malformed(path_, "expected true or false");
  return value_.get<bool>();
}

int Field::number() const {
  if (!value_.is_number_integer()) malformed(path_, "expected a whole number");
  auto n = value_.get<long long>();
  if (n < 0 || n > 24 * 60) malformed(path_, fmt::format("expected minutes, got {}", n));
  return static_cast<int>(n);
}

Date Field::date() const {
  auto day = parse_date(text());
  if (!day) malformed(path_, fmt::format("expected YYYY-MM-DD, got \"{}\"", text()));
  return *day;
}

int Field::time() const {
  auto minutes = parse_time(text());
  if (!minutes) malformed(path_, fmt::format("expected HH:MM, got \"{}\"", text()));
  return *minutes;
}

Lang lang_of(const Field& view) {
  std::string code = view["lang"].text();
  if (auto lang = language_named(code)) return *lang;
  malformed("lang",
            fmt::format("unknown language \"{}\"; expected {}", code, language_codes_text()));
}

}  // namespace commplan
