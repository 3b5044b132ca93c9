#pragma once
// Writing results: whole files replaced atomically, never half-written.

#include <string>
#include <string_view>

namespace commplan {

/// Writes `content` to a temporary file beside `path`, then renames it into place, so a
/// failed run leaves `path` as it was. Throws Error(io) naming the path on failure.
void write_file_atomic(const std::string& path, std::string_view content);

/// The whole content of `path` (Error(io) when it cannot be read).
std::string read_file(const std::string& path);

}  // namespace commplan
