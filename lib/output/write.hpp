#pragma once
// Writing results: whole files replaced atomically, never half-written.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace commplan {

/// Writes `content` to a temporary file beside `path`, then renames it into place, so a
/// failed run leaves `path` as it was. Throws Error(io) naming the path on failure. A symbolic
/// link is followed; a device, pipe or socket (/dev/null, /dev/stdout) is written in place.
void write_file_atomic(const std::string& path, std::string_view content);

/// The most read_file() and read_stream() take in: the input size limit (see load/Limits).
inline constexpr size_t kMaxReadBytes = 128u << 20;

/// The whole content of `path` (Error(io) when it cannot be read). Past `max_bytes` it stops
/// reading and throws Error(invalid_input), so /dev/zero or a huge file cannot exhaust memory.
std::string read_file(const std::string& path, size_t max_bytes = kMaxReadBytes);

/// Everything on `in`, called `name` in messages; bounded like read_file(). `size_hint`, the
/// size expected, is reserved up front instead of growing the text by copies.
std::string read_stream(std::istream& in, const std::string& name, size_t max_bytes = kMaxReadBytes,
                        size_t size_hint = 0);

}  // namespace commplan
