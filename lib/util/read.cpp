#include "util/read.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <istream>

#include "util/diagnostic.hpp"

namespace commplan {

namespace {

[[noreturn]] void fail(const std::string& path, int error) {
  throw Error(Error::Kind::io, path, std::string("cannot read: ") + std::strerror(error));
}

}  // namespace

std::string read_file(const std::string& path, size_t max_bytes) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) fail(path, EISDIR);
  std::ifstream file(path, std::ios::binary);
  if (!file) fail(path, errno);
  size_t size = S_ISREG(info.st_mode) ? static_cast<size_t>(info.st_size) : 0;
  std::string text = read_stream(file, path, max_bytes, size);
  if (file.bad()) fail(path, errno);
  return text;
}

std::string read_stream(std::istream& in, const std::string& name, size_t max_bytes,
                        size_t size_hint) {
  std::string text;
  // + 1: the read that finds the end; then the room a parser may read past it.
  text.reserve(std::min(size_hint, max_bytes) + 1 + kReadPadding);
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes)
      throw Error(Error::Kind::invalid_input, name,
                  "file is larger than " + std::to_string(max_bytes >> 20) + " MiB (the limit)");
  }
  return text;
}

}  // namespace commplan
