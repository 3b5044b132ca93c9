#pragma once
// Reading inputs whole, bounded by the input size limit.

#include <cstddef>
#include <iosfwd>
#include <string>

namespace commplan {

/// The most read_file() and read_stream() take in: the input size limit (see load/Limits).
inline constexpr size_t kMaxReadBytes = 128u << 20;

/// The room read_file() and read_stream() leave past the text they return (its capacity), so
/// a parser that reads a little past the end (simdjson: load/json_fast.hpp) needs no copy.
inline constexpr size_t kReadPadding = 64;

/// The whole content of `path` (Error(io) when it cannot be read). Past `max_bytes` it stops
/// reading and throws Error(invalid_input), so /dev/zero or a huge file cannot exhaust memory.
std::string read_file(const std::string& path, size_t max_bytes = kMaxReadBytes);

/// Everything on `in`, called `name` in messages; bounded like read_file(). `size_hint`, the
/// size expected, is reserved up front instead of growing the text by copies.
std::string read_stream(std::istream& in, const std::string& name, size_t max_bytes = kMaxReadBytes,
                        size_t size_hint = 0);

}  // namespace commplan
