#include "util/uid.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace commplan {

std::string make_uid(std::string_view project, std::string_view kind, Date date) {
  return make_uid(project, kind, std::string_view(format_date(date)));
}

std::string make_uid(std::string_view project, std::string_view kind, std::string_view key) {
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a, 64 bits
  auto mix = [&hash](std::string_view part) {
    for (char c : part) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
    hash ^= 0x1F;  // a separator no part holds, so ("ab","c") differs from ("a","bc")
    hash *= 1099511628211ULL;
  };
  mix(project);
  mix(kind);
  mix(key);
  return fmt::format("{:016x}@commplan", hash);
}

}  // namespace commplan
