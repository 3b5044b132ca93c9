#include "output/write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <istream>
#include <memory>

#include "util/diagnostic.hpp"

namespace commplan {

namespace {

[[noreturn]] void fail(const std::string& path, std::string_view what, int error) {
  throw Error(Error::Kind::io, path, std::string(what) + ": " + std::strerror(error));
}

bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    content.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

void write_in_place(const std::string& path, std::string_view content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) fail(path, "cannot write", errno);
  int error = write_all(fd, content) ? 0 : errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) fail(path, "cannot write", error);
}

/// The file a symbolic link names (so /dev/stdout or a link into another folder is followed,
/// not replaced), else `path` itself.
std::string link_target(const std::string& path) {
  struct stat link {};
  if (::lstat(path.c_str(), &link) != 0 || !S_ISLNK(link.st_mode)) return path;
  std::unique_ptr<char, decltype(&std::free)> real(::realpath(path.c_str(), nullptr), &std::free);
  return real ? std::string(real.get()) : path;
}

}  // namespace

void write_file_atomic(const std::string& given, std::string_view content) {
  std::string path = link_target(given);
  struct stat existing {};
  bool exists = ::stat(path.c_str(), &existing) == 0;
  if (exists && S_ISDIR(existing.st_mode)) fail(path, "cannot write", EISDIR);
  // A device, pipe or socket (/dev/null, /dev/stdout) is written to, never replaced.
  if (exists && !S_ISREG(existing.st_mode)) return write_in_place(path, content);

  std::string temp = path + ".commplan-XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0) fail(path, "cannot write", errno);
  // Keep the permissions of the file being replaced; a new file gets 0666 less the umask.
  mode_t mode = exists ? (existing.st_mode & 07777) : 0;
  if (!exists) {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  int error = 0;
  if (::fchmod(fd, mode) != 0 || !write_all(fd, content)) error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0 && ::rename(temp.c_str(), path.c_str()) != 0) error = errno;
  if (error == 0) return;
  ::unlink(temp.c_str());
  fail(path, "cannot write", error);
}

std::string read_file(const std::string& path, size_t max_bytes) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) fail(path, "cannot read", EISDIR);
  std::ifstream file(path, std::ios::binary);
  if (!file) fail(path, "cannot read", errno);
  size_t size = S_ISREG(info.st_mode) ? static_cast<size_t>(info.st_size) : 0;
  std::string text = read_stream(file, path, max_bytes, size);
  if (file.bad()) fail(path, "cannot read", errno);
  return text;
}

std::string read_stream(std::istream& in, const std::string& name, size_t max_bytes,
                        size_t size_hint) {
  std::string text;
  text.reserve(std::min(size_hint, max_bytes) + 1);  // + 1: the read that finds the end
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
