#include "util/zoneinfo.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

namespace commplan {

using std::chrono::seconds;
using std::chrono::sys_seconds;

namespace {

constexpr size_t kHeader = 44;              // "TZif", version, 15 unused bytes, six counts
constexpr size_t kMaxFile = 1 << 20;        // zoneinfo files are a few kilobytes
constexpr std::int64_t kReach = 2 * 86400;  // more than any offset from UTC

std::uint64_t big_endian(std::string_view bytes) {
  std::uint64_t value = 0;
  for (char c : bytes) value = value << 8 | static_cast<unsigned char>(c);
  return value;
}

/// The counts of a TZif header at `at`: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt.
struct Counts {
  size_t isut, isstd, leap, time, type, chars;

  /// The size of the data block that follows the header, with `time_size`-byte times.
  size_t block(size_t time_size) const {
    return time * time_size + time + type * 6 + chars + leap * (time_size + 4) + isstd + isut;
  }
};

std::optional<Counts> counts_at(std::string_view file, size_t at) {
  if (file.size() < at + kHeader || file.substr(at, 4) != "TZif") return std::nullopt;
  auto count = [&](size_t i) {
    return static_cast<size_t>(big_endian(file.substr(at + 20 + 4 * i, 4)));
  };
  return Counts{count(0), count(1), count(2), count(3), count(4), count(5)};
}

}  // namespace

std::optional<ZoneInfo> ZoneInfo::load(std::string_view name) {
  std::string path = zoneinfo_file(name);
  if (path.empty()) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  std::string file;
  char buffer[4096];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    file.append(buffer, static_cast<size_t>(in.gcount()));
    if (file.size() > kMaxFile) return std::nullopt;
  }
  auto v1 = counts_at(file, 0);
  if (!v1 || file.size() <= 4 || file[4] < '2') return std::nullopt;  // version 1: no 64-bit table
  size_t second = kHeader + v1->block(4);
  auto v2 = counts_at(file, second);
  if (!v2 || v2->leap != 0 || v2->type == 0 || v2->type > 255) return std::nullopt;
  size_t at = second + kHeader;
  if (file.size() < at + v2->block(8) + 2) return std::nullopt;

  ZoneInfo zone;
  for (size_t i = 0; i < v2->time; ++i)
    zone.transitions_.push_back(static_cast<std::int64_t>(big_endian(file.substr(at + 8 * i, 8))));
  at += 8 * v2->time;
  for (size_t i = 0; i < v2->time; ++i)
    zone.types_.push_back(static_cast<std::uint8_t>(file[at + i]));
  at += v2->time;
  for (size_t i = 0; i < v2->type; ++i)
    zone.offsets_.push_back(static_cast<std::int32_t>(big_endian(file.substr(at + 6 * i, 4))));
  at = second + kHeader + v2->block(8);
  bool sorted = std::is_sorted(zone.transitions_.begin(), zone.transitions_.end());
  bool typed = std::all_of(zone.types_.begin(), zone.types_.end(),
                           [&](std::uint8_t t) { return t < v2->type; });
  if (!sorted || !typed || file[at] != '\n') return std::nullopt;
  // The footer: a POSIX TZ string for the time after the table. A rule (a comma) means daylight
  // saving time this reader does not compute; an empty one leaves that time unspecified.
  size_t end = file.find('\n', at + 1);
  if (end == std::string::npos) return std::nullopt;
  std::string_view footer = std::string_view(file).substr(at + 1, end - at - 1);
  zone.rule_after_ = footer.empty() || footer.find(',') != std::string_view::npos;
  return zone;
}

std::int32_t ZoneInfo::offset_after(std::ptrdiff_t transition) const {
  // Before the first transition the first time type applies (RFC 8536, 3.2).
  return transition < 0 ? offsets_[0] : offsets_[types_[static_cast<size_t>(transition)]];
}

std::optional<seconds> ZoneInfo::offset_at(sys_seconds utc) const {
  auto t = utc.time_since_epoch().count();
  auto after = std::upper_bound(transitions_.begin(), transitions_.end(), t);
  std::ptrdiff_t last = after - transitions_.begin() - 1;
  if (rule_after_ && last == static_cast<std::ptrdiff_t>(transitions_.size()) - 1)
    return std::nullopt;
  return seconds{offset_after(last)};
}

std::optional<sys_seconds> ZoneInfo::to_utc(sys_seconds local) const {
  auto wall = local.time_since_epoch().count();
  auto n = static_cast<std::ptrdiff_t>(transitions_.size());
  // The periods between transitions that could hold `wall`, first one before them.
  std::ptrdiff_t k = std::upper_bound(transitions_.begin(), transitions_.end(), wall - kReach) -
                     transitions_.begin() - 1;
  for (; k < n && (k < 0 || transitions_[k] <= wall + kReach); ++k) {
    std::int64_t utc = wall - offset_after(k);
    bool from = k < 0 || transitions_[k] <= utc;
    bool until = k + 1 >= n || utc < transitions_[k + 1];
    if (!from || !until) continue;
    if (rule_after_ && k == n - 1) return std::nullopt;
    return sys_seconds{seconds{utc}};  // the earliest period that holds it
  }
  // Skipped by a change: the change itself.
  for (k = std::max<std::ptrdiff_t>(k, 0) - 1; k >= 0; --k) {
    if (transitions_[k] + offset_after(k - 1) <= wall && wall < transitions_[k] + offset_after(k))
      return rule_after_ && k == n - 1 ? std::nullopt
                                       : std::optional(sys_seconds{seconds{transitions_[k]}});
    if (transitions_[k] + kReach < wall) break;
  }
  return std::nullopt;
}

std::string zoneinfo_file(std::string_view name) {
  if (name.empty() || name.front() == '/') return {};
  // What date's database leaves out: hidden files, posix* and right/, Factory. Its other
  // exclusions (zone.tab, tzdata.zi, ...) are not TZif files.
  for (size_t at = 0; at <= name.size();) {
    size_t slash = std::min(name.find('/', at), name.size());
    std::string_view part = name.substr(at, slash - at);
    if (part.empty() || part.front() == '.' || part.starts_with("posix") || part == "right" ||
        part == "Factory")
      return {};
    at = slash + 1;
  }
  std::error_code ec;
  std::string dir = std::filesystem::is_directory("/usr/share/zoneinfo/uclibc", ec)
                        ? "/usr/share/zoneinfo/uclibc/"
                        : "/usr/share/zoneinfo/";
  return dir + std::string(name);
}

}  // namespace commplan
