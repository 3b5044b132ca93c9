#include "output/write.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
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

/// What writes a file's content to a descriptor: false, with errno set, on failure.
using Writer = std::function<bool(int fd)>;

Writer writer_of(std::string_view content) {
  return [content](int fd) { return write_all(fd, content); };
}

void write_in_place(const std::string& path, const Writer& write) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) fail(path, "cannot write", errno);
  int error = write(fd) ? 0 : errno;
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

/// The temporary files being written, removed when the process is interrupted (SIGINT, SIGTERM,
/// SIGHUP) before they are renamed into place, so that Ctrl-C leaves no `.commplan-XXXXXX` beside
/// the file (git add -A would take it). The handlers are installed when the first one is made,
/// and only for a signal whose action is the default one (nohup's ignored SIGHUP stays ignored);
/// they remove the files, then end the process by the signal, as it would have ended.
namespace pending {

constexpr int kSlots = 16;  // files written together (write_files_atomic); more are not tracked
char names[kSlots][PATH_MAX];
volatile std::sig_atomic_t used[kSlots];
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

void remove_and_end(int signal_number) {
  for (int i = 0; i < kSlots; ++i)
    if (used[i] != 0) ::unlink(names[i]);
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

/// Holds the signals back while a temporary file is made or renamed and the slots change.
class Held {
 public:
  Held() {
    sigset_t set;
    sigemptyset(&set);
    for (int signal_number : kSignals) sigaddset(&set, signal_number);
    ::pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~Held() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  Held(const Held&) = delete;
  Held& operator=(const Held&) = delete;

 private:
  sigset_t old_;
};

/// Tracks `name` (with the signals held): its slot, or -1 when none is free or it is too long.
int track(const std::string& name) {
  static bool installed = false;
  if (!installed) {
    installed = true;
    for (int signal_number : kSignals) {
      struct sigaction current {};
      if (::sigaction(signal_number, nullptr, &current) != 0 || current.sa_handler != SIG_DFL)
        continue;
      struct sigaction action {};
      action.sa_handler = remove_and_end;
      sigemptyset(&action.sa_mask);
      ::sigaction(signal_number, &action, nullptr);
    }
  }
  if (name.size() >= PATH_MAX) return -1;
  for (int i = 0; i < kSlots; ++i)
    if (used[i] == 0) {
      std::memcpy(names[i], name.c_str(), name.size() + 1);
      used[i] = 1;
      return i;
    }
  return -1;
}

/// Stops tracking slot `slot` (with the signals held; -1 is none).
void untrack(int slot) {
  if (slot >= 0) used[slot] = 0;
}

}  // namespace pending

/// A file about to be replaced: its content is in a temporary file beside its target, to be
/// renamed into place; or, for a device, pipe or socket, it is to be written in place.
struct Staged {
  std::string given;   ///< the path as given, for messages
  std::string target;  ///< where the content goes (links followed)
  std::string temp;    ///< the temporary file; empty when written in place
  Writer write;
  int slot = -1;  ///< its slot in `pending`, removed on an interrupt until renamed

  std::string what() const { return target == given ? "cannot write" : "cannot write " + target; }
};

/// Removes a staged file's temporary file, and stops tracking it.
void remove_temporary(Staged& staged) {
  pending::Held held;
  ::unlink(staged.temp.c_str());
  pending::untrack(staged.slot);
  staged.slot = -1;
}

/// The owner and group a file replaced keeps, where the writer may give them (root, whose CI job
/// records into a user's project file; a user in the file's group): else the writer's, as any
/// editor that replaces a file leaves it.
struct Owner {
  uid_t user = static_cast<uid_t>(-1);  // -1: left as it is
  gid_t group = static_cast<gid_t>(-1);
};

void give_owner(int fd, Owner owner) {
  if (owner.user == static_cast<uid_t>(-1)) return;
  if (::fchown(fd, owner.user, owner.group) == 0) return;
  // The group alone, or nothing: the file is written either way, as the writer's.
  if (::fchown(fd, static_cast<uid_t>(-1), owner.group) != 0) return;
}

/// Writes the content to a temporary file in `path`'s folder, with `mode` and `owner`. The
/// temporary name does not grow with the target's, so any legal name can be written.
Staged write_temporary(const std::string& given, const std::string& path, Writer write, mode_t mode,
                       Owner owner = {}) {
  Staged staged{given, path, folder_of(path) + ".commplan-XXXXXX", std::move(write)};
  int fd = -1;
  int error = 0;
  {
    pending::Held held;
    fd = ::mkstemp(staged.temp.data());
    if (fd >= 0)
      staged.slot = pending::track(staged.temp);
    else
      error = errno;  // before the signal mask is restored
  }
  if (fd < 0) fail(given, staged.what(), error);
  give_owner(fd, owner);
  if (::fchmod(fd, mode) != 0 || !staged.write(fd)) error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0) return staged;
  remove_temporary(staged);
  fail(given, staged.what(), error);
}

/// Checks `path` and stages `content` for it (see write_file_atomic).
Staged stage(const std::string& path, Writer write) {
  struct stat existing {};
  if (::stat(path.c_str(), &existing) != 0) {
    if (errno != ENOENT) fail(path, "cannot write", errno);
    return write_temporary(path, follow_links(path), std::move(write), new_file_mode());
  }
  if (S_ISDIR(existing.st_mode)) fail(path, "cannot write", EISDIR);
  // A device, pipe or socket (/dev/null, /dev/stdout) is written to, never replaced.
  if (!S_ISREG(existing.st_mode)) return Staged{path, path, "", std::move(write)};
  // rename() needs only the folder writable: a file the user may not write stays as it is.
  if (::faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS) != 0) fail(path, "cannot write", errno);
  // Replaced by a rename: the owner and mode are kept; another hard link to the file keeps the
  // old text, as with any tool that replaces a file whole (README, "Under bad input").
  return write_temporary(path, real_target(path), std::move(write), existing.st_mode & 07777,
                         {existing.st_uid, existing.st_gid});
}

/// Puts a staged file in place; on failure its temporary file is removed.
void put_in_place(Staged& staged) {
  if (staged.temp.empty()) return write_in_place(staged.given, staged.write);
  int error = 0;
  {
    pending::Held held;
    if (::rename(staged.temp.c_str(), staged.target.c_str()) == 0) {
      pending::untrack(staged.slot);  // its name is the target's now
      staged.slot = -1;
    } else {
      error = errno;
    }
  }
  if (error == 0) return;
  remove_temporary(staged);
  fail(staged.given, staged.what(), error);
}

}  // namespace

void write_file_atomic(const std::string& path, std::string_view content) {
  Staged staged = stage(path, writer_of(content));
  put_in_place(staged);
}

void write_file_atomic(const std::string& path, const Spool& content) {
  Staged staged = stage(path, [&content](int fd) {
    try {
      return content.write([fd](std::string_view piece) { return write_all(fd, piece); });
    } catch (const Error&) {  // the spool's file could not be read: no temporary file is left
      errno = EIO;
      return false;
    }
  });
  put_in_place(staged);
}

Spool::~Spool() {
  if (fd_ >= 0) ::close(fd_);
}

namespace {

/// An unnamed file in $TMPDIR (else /tmp), gone when closed; -1 where none can be made.
int unnamed_temporary_file() {
  const char* dir = std::getenv("TMPDIR");
  std::string folder = dir != nullptr && *dir != '\0' ? dir : "/tmp";
  int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  std::string name = folder + "/.commplan-XXXXXX";  // a file system without O_TMPFILE
  fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd >= 0) ::unlink(name.c_str());
  return fd;
}

}  // namespace

bool Spool::spill(std::string_view piece) {
  if (fd_ < 0 && (fd_ = unnamed_temporary_file()) < 0) return false;
  if (write_all(fd_, memory_) && write_all(fd_, piece)) {
    in_file_ += memory_.size() + piece.size();
    memory_ = std::string();
    return true;
  }
  // A full or failing disk: what the file holds comes back into memory, and stays there.
  std::string back(in_file_, '\0');
  bool read = ::pread(fd_, back.data(), back.size(), 0) == static_cast<ssize_t>(back.size());
  ::close(fd_);
  fd_ = -1;
  in_file_ = 0;
  if (!read) throw Error(Error::Kind::io, "", "cannot read back a temporary file");
  memory_.insert(0, back);
  spill_at_ = SIZE_MAX;
  return false;
}

void Spool::take(std::string& piece) {
  if (memory_.size() + piece.size() < spill_at_ || !spill(piece)) memory_ += piece;
  piece.clear();
}

void Spool::finish(std::string last) {
  if (fd_ < 0 && memory_.empty())
    memory_ = std::move(last);
  else if (fd_ < 0 || !spill(last))
    memory_ += last;
}

std::string Spool::text() && {
  if (fd_ < 0) return std::move(memory_);
  std::string whole;
  whole.reserve(size());
  write([&whole](std::string_view piece) {
    whole += piece;
    return true;
  });
  return whole;
}

bool Spool::write(const std::function<bool(std::string_view)>& write) const {
  if (fd_ >= 0) {
    std::unique_ptr<char[]> buffer(new char[kSpillAt]);
    for (size_t at = 0; at < in_file_;) {
      ssize_t n =
          ::pread(fd_, buffer.get(), std::min(kSpillAt, in_file_ - at), static_cast<off_t>(at));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw Error(Error::Kind::io, "", "cannot read back a temporary file");
      if (!write(std::string_view(buffer.get(), static_cast<size_t>(n)))) return false;
      at += static_cast<size_t>(n);
    }
  }
  return memory_.empty() || write(memory_);
}

void write_files_atomic(std::span<const FileContent> files) {
  std::vector<Staged> staged;
  staged.reserve(files.size());
  size_t left = 0;  // the first staged file whose temporary file is still there
  try {
    for (const FileContent& file : files)
      staged.push_back(stage(file.path, writer_of(file.content)));
    while (left < staged.size()) put_in_place(staged[left++]);  // a failed one removes its own
  } catch (const Error&) {
    for (size_t i = left; i < staged.size(); ++i)
      if (!staged[i].temp.empty()) remove_temporary(staged[i]);
    throw;
  }
}

namespace {

/// stat() of `path`, or of the standard input for "-".
bool stat_of(const std::string& path, struct stat& info) {
  return path == "-" ? ::fstat(STDIN_FILENO, &info) == 0 : ::stat(path.c_str(), &info) == 0;
}

}  // namespace

bool same_file(const std::string& a, const std::string& b) {
  struct stat first {
  }, second{};
  return stat_of(a, first) && stat_of(b, second) && S_ISREG(first.st_mode) &&
         first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

bool entry_exists(const std::string& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0;
}

FileLock::FileLock(const std::string& path, const std::function<void()>& on_wait) {
  // The file replaced while this one waited for its lock is locked again, at most this many
  // times (each a process that wrote it meanwhile).
  constexpr int kTries = 1000;
  for (int i = 0; i < kTries; ++i) {
    // O_NONBLOCK: a FIFO's open does not wait for a writer (it is not locked).
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return;
    struct stat opened {
    }, named{};
    int locked = -1;
    if (::fstat(fd, &opened) == 0 && S_ISREG(opened.st_mode)) {
      locked = ::flock(fd, LOCK_EX | LOCK_NB);
      if (locked != 0 && errno == EWOULDBLOCK) {
        if (on_wait && i == 0) on_wait();
        while ((locked = ::flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
        }
      }
    }
    if (locked != 0) {
      ::close(fd);
      return;
    }
    if (::stat(path.c_str(), &named) == 0 && named.st_dev == opened.st_dev &&
        named.st_ino == opened.st_ino) {
      fd_ = fd;
      return;
    }
    ::close(fd);  // replaced while waiting: lock the file that holds its name now
  }
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);
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
