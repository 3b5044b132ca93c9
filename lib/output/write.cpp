#include "output/write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

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

/// The folder part of `path` with its slash ("a/b/" of "a/b/c"), "" for a bare name.
std::string folder_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

/// Where a chain of symbolic links from `given` ends, for a file that does not exist yet: a
/// dangling link's target is created, the link stays.
std::string follow_links(const std::string& given) {
  std::string path = given;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return path;
    std::vector<char> target(PATH_MAX);
    ssize_t size = ::readlink(path.c_str(), target.data(), target.size());
    if (size <= 0) fail(given, "cannot write", size < 0 ? errno : ENOENT);
    std::string next(target.data(), static_cast<size_t>(size));
    path = next.front() == '/' ? next : folder_of(path) + next;
  }
  fail(given, "cannot write", ELOOP);
}

/// The file an existing link names (so /dev/stdout or a link into another folder is followed,
/// not replaced), else `path` itself.
std::string real_target(const std::string& path) {
  struct stat link {};
  if (::lstat(path.c_str(), &link) != 0 || !S_ISLNK(link.st_mode)) return path;
  std::unique_ptr<char, decltype(&std::free)> real(::realpath(path.c_str(), nullptr), &std::free);
  return real ? std::string(real.get()) : path;
}

mode_t new_file_mode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

/// A file about to be replaced: its content is in a temporary file beside its target, to be
/// renamed into place; or, for a device, pipe or socket, it is to be written in place.
struct Staged {
  std::string given;   ///< the path as given, for messages
  std::string target;  ///< where the content goes (links followed)
  std::string temp;    ///< the temporary file; empty when written in place
  std::string_view content;

  std::string what() const { return target == given ? "cannot write" : "cannot write " + target; }
};

/// Writes `content` to a temporary file in `path`'s folder, with `mode`. The temporary name
/// does not grow with the target's, so any legal name can be written.
Staged write_temporary(const std::string& given, const std::string& path, std::string_view content,
                       mode_t mode) {
  Staged staged{given, path, folder_of(path) + ".commplan-XXXXXX", content};
  int fd = ::mkstemp(staged.temp.data());
  if (fd < 0) fail(given, staged.what(), errno);
  int error = 0;
  if (::fchmod(fd, mode) != 0 || !write_all(fd, content)) error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0) return staged;
  ::unlink(staged.temp.c_str());
  fail(given, staged.what(), error);
}

/// Checks `path` and stages `content` for it (see write_file_atomic).
Staged stage(const std::string& path, std::string_view content) {
  struct stat existing {};
  if (::stat(path.c_str(), &existing) != 0) {
    if (errno != ENOENT) fail(path, "cannot write", errno);
    return write_temporary(path, follow_links(path), content, new_file_mode());
  }
  if (S_ISDIR(existing.st_mode)) fail(path, "cannot write", EISDIR);
  // A device, pipe or socket (/dev/null, /dev/stdout) is written to, never replaced.
  if (!S_ISREG(existing.st_mode)) return Staged{path, path, "", content};
  // rename() needs only the folder writable: a file the user may not write stays as it is.
  if (::faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS) != 0) fail(path, "cannot write", errno);
  return write_temporary(path, real_target(path), content, existing.st_mode & 07777);
}

/// Puts a staged file in place; on failure its temporary file is removed.
void put_in_place(const Staged& staged) {
  if (staged.temp.empty()) return write_in_place(staged.given, staged.content);
  if (::rename(staged.temp.c_str(), staged.target.c_str()) == 0) return;
  int error = errno;
  ::unlink(staged.temp.c_str());
  fail(staged.given, staged.what(), error);
}

}  // namespace

void write_file_atomic(const std::string& path, std::string_view content) {
  put_in_place(stage(path, content));
}

void write_files_atomic(std::span<const FileContent> files) {
  std::vector<Staged> staged;
  staged.reserve(files.size());
  size_t left = 0;  // the first staged file whose temporary file is still there
  try {
    for (const FileContent& file : files) staged.push_back(stage(file.path, file.content));
    while (left < staged.size()) put_in_place(staged[left++]);  // a failed one removes its own
  } catch (const Error&) {
    for (size_t i = left; i < staged.size(); ++i)
      if (!staged[i].temp.empty()) ::unlink(staged[i].temp.c_str());
    throw;
  }
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat first {
  }, second{};
  return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 &&
         S_ISREG(first.st_mode) && first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

bool entry_exists(const std::string& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0;
}

namespace {
constexpr size_t kDescriptorBufferSize = 1 << 16;
}

DescriptorBuffer::DescriptorBuffer(int fd) : fd_(fd), buffer_(new char[kDescriptorBufferSize]) {
  setp(buffer_.get(), buffer_.get() + kDescriptorBufferSize);
}

DescriptorBuffer::~DescriptorBuffer() { drain(); }

bool DescriptorBuffer::drain() {
  std::string_view pending(pbase(), static_cast<size_t>(pptr() - pbase()));
  setp(buffer_.get(), buffer_.get() + kDescriptorBufferSize);
  if (error_ != 0) return false;
  if (write_all(fd_, pending)) return true;
  error_ = errno;
  return false;
}

DescriptorBuffer::int_type DescriptorBuffer::overflow(int_type c) {
  if (!drain()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

std::streamsize DescriptorBuffer::xsputn(const char* text, std::streamsize size) {
  auto count = static_cast<size_t>(size);
  if (count <= static_cast<size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), text, count);
    pbump(static_cast<int>(count));
    return size;
  }
  if (!drain()) return 0;
  if (write_all(fd_, {text, count})) return size;
  error_ = errno;
  return 0;
}

int DescriptorBuffer::sync() { return drain() ? 0 : -1; }

}  // namespace commplan
