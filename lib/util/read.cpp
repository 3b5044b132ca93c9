#include "util/read.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <istream>
#include <string>
#include <utility>

#include "util/diagnostic.hpp"

namespace commplan {

namespace {

/// How long opening a named pipe waits for a process to open it for writing.
constexpr unsigned kPipeWriterWait = 10;

[[noreturn]] void fail(const std::string& path, int error) {
  if (error == ETIMEDOUT)
    throw Error(Error::Kind::io, path,
                "cannot read: a named pipe no process opened for writing (waited " +
                    std::to_string(kPipeWriterWait) + " seconds)");
  throw Error(Error::Kind::io, path, std::string("cannot read: ") + std::strerror(error));
}

[[noreturn]] void too_large(const std::string& name, size_t max_bytes) {
  throw Error(Error::Kind::invalid_input, name,
              "file is larger than " + std::to_string(max_bytes >> 20) + " MiB (the limit)");
}

void on_alarm(int) {}

/// open() for reading. A named pipe (FIFO) opens only once a process opens it for writing: past
/// kPipeWriterWait seconds without one the open fails with ETIMEDOUT, so a pipe nobody feeds is
/// reported by name rather than waited on for ever. Once a writer is there, reading it takes
/// as long as the writer does (a slow `<(ssh host cat project.yaml)` is fine).
int open_for_reading(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISFIFO(info.st_mode))
    return ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct sigaction wake {
  }, before{};
  wake.sa_handler = on_alarm;  // no SA_RESTART: the alarm interrupts the open
  sigemptyset(&wake.sa_mask);
  ::sigaction(SIGALRM, &wake, &before);
  unsigned pending = ::alarm(kPipeWriterWait);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  int error = errno;
  ::alarm(0);
  ::sigaction(SIGALRM, &before, nullptr);
  if (pending != 0) ::alarm(pending);
  errno = fd < 0 && error == EINTR ? ETIMEDOUT : error;
  return fd;
}

/// A file opened to be read whole, once, whether it is then mapped or read; closed when it
/// goes. Error(io) when it cannot be opened, or is a folder.
class OpenFile {
 public:
  explicit OpenFile(const std::string& path) : path_(path), fd_(open_for_reading(path)) {
    int error = fd_ < 0                     ? errno
                : ::fstat(fd_, &info_) != 0 ? errno
                : S_ISDIR(info_.st_mode)    ? EISDIR
                                            : 0;
    if (error != 0) {
      if (fd_ >= 0) ::close(fd_);
      fail(path, error);
    }
  }
  ~OpenFile() { ::close(fd_); }
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;

  int fd() const { return fd_; }
  /// Its size when it is a regular file; 0 for a pipe or a device, whose size is not known.
  size_t size() const { return S_ISREG(info_.st_mode) ? static_cast<size_t>(info_.st_size) : 0; }

  /// Everything left to read, bounded by `max_bytes` as read_file() is. Read straight into the
  /// text, at most 64 KiB a call: a buffer between them had each read touch fresh stack pages
  /// (7 for a 25 KB project) only to copy them into the text's.
  std::string read(size_t max_bytes) {
    constexpr size_t kMostAtOnce = 1 << 16;
    std::string text;
    // + 1: the read that finds the end; then the room a parser may read past it. A pipe or a
    // device, whose size is not known, starts with the most one call reads.
    size_t expected = size() > 0 ? std::min(size(), max_bytes) + 1 : kMostAtOnce;
    text.reserve(expected + kReadPadding);
    size_t used = 0;
    for (;;) {
      if (text.capacity() < used + 1 + kReadPadding) text.reserve(2 * text.capacity());
      size_t room = std::min(text.capacity() - kReadPadding - used, kMostAtOnce);
      text.resize(used + room);
      ssize_t got = ::read(fd_, text.data() + used, room);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) fail(path_, errno);
      if (got == 0) break;
      used += static_cast<size_t>(got);
      if (used > max_bytes) too_large(path_, max_bytes);
    }
    text.resize(used);
    return text;
  }

 private:
  const std::string& path_;
  int fd_;
  struct stat info_ {};
};

/// The files mapped now, for the fault handler to name: a fixed table, as a signal handler may
/// not allocate. A mapping past its 32 slots is unnamed in the message.
struct MappedFile {
  std::uintptr_t begin = 0, end = 0;
  std::array<char, 256> path{};  // cut short past 255 bytes
};
std::array<MappedFile, 32> mapped_files;
volatile sig_atomic_t cut_exit_code = -1;  // -1: on_cut_mapped_file() was not called
bool handling_faults = false;              // the handler is installed

void remember_mapping(const void* at, size_t size, const std::string& path) {
  for (MappedFile& slot : mapped_files)
    if (slot.begin == 0) {
      size_t length = std::min(path.size(), slot.path.size() - 1);
      std::memcpy(slot.path.data(), path.data(), length);
      slot.path[length] = '\0';
      slot.end = reinterpret_cast<std::uintptr_t>(at) + size;
      slot.begin = reinterpret_cast<std::uintptr_t>(at);
      return;
    }
}

void forget_mapping(const void* at) {
  for (MappedFile& slot : mapped_files)
    if (slot.begin == reinterpret_cast<std::uintptr_t>(at)) slot = MappedFile{};
}

void write_all(const char* text, size_t size) {
  while (size > 0) {
    ssize_t written = ::write(STDERR_FILENO, text, size);
    if (written <= 0) return;
    text += written;
    size -= static_cast<size_t>(written);
  }
}

/// SIGBUS: a page of a mapped file that is no longer there. Only async-signal-safe calls.
void on_bus_fault(int /*signal*/, siginfo_t* info, void* /*context*/) {
  auto at = reinterpret_cast<std::uintptr_t>(info->si_addr);
  for (const MappedFile& slot : mapped_files)
    if (slot.begin != 0 && at >= slot.begin && at < slot.end) {
      write_all(slot.path.data(), std::strlen(slot.path.data()));
      static constexpr char kMessage[] =
          ": error: cannot read: the file changed while it was read (it was cut short)\n";
      write_all(kMessage, sizeof kMessage - 1);
      ::_exit(cut_exit_code);
    }
  // Not a file of ours: the fault is what it would have been without the handler (raised
  // again, it is delivered once this handler returns).
  ::signal(SIGBUS, SIG_DFL);
  ::raise(SIGBUS);
}

}  // namespace

FileText FileText::borrow(std::string_view text, size_t readable) {
  FileText borrowed;
  borrowed.borrowed_ = text.data();
  borrowed.size_ = text.size();
  borrowed.map_size_ = std::max(readable, text.size());
  return borrowed;
}

FileText::FileText(FileText&& other) noexcept
    : text_(std::move(other.text_)),
      map_(std::exchange(other.map_, nullptr)),
      borrowed_(std::exchange(other.borrowed_, nullptr)),
      map_size_(std::exchange(other.map_size_, 0)),
      size_(std::exchange(other.size_, 0)),
      let_go_(std::exchange(other.let_go_, 0)) {}

FileText& FileText::operator=(FileText&& other) noexcept {
  // `other` takes what this held, and unmaps it when it goes.
  std::swap(text_, other.text_);
  std::swap(map_, other.map_);
  std::swap(borrowed_, other.borrowed_);
  std::swap(map_size_, other.map_size_);
  std::swap(size_, other.size_);
  std::swap(let_go_, other.let_go_);
  return *this;
}

FileText::~FileText() {
  if (map_ == nullptr) return;
  forget_mapping(map_);
  ::munmap(map_, map_size_);
}

std::string_view FileText::view() const {
  if (map_) return {static_cast<const char*>(map_), size_};
  if (borrowed_) return {borrowed_, size_};
  return text_;
}

size_t FileText::readable() const { return map_ || borrowed_ ? map_size_ : text_.capacity(); }

void FileText::reserve_room(size_t room) {
  if (!map_ && !borrowed_) text_.reserve(text_.size() + room);
}

std::string FileText::release() && {
  std::string text = map_ || borrowed_ ? std::string(view()) : std::move(text_);
  *this = FileText();
  return text;
}

void FileText::let_go_before(const char* at) const {
  constexpr size_t kAtOnce = size_t{1} << 20;  // a system call per MiB at most
  if (map_ == nullptr) return;
  const auto* begin = static_cast<const char*>(map_);
  if (at < begin || at > begin + size_) return;
  static const auto page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  size_t upto = static_cast<size_t>(at - begin) / page * page;
  if (upto < let_go_ + kAtOnce) return;
  // Clean pages of a private mapping of a file: dropped, they are read from the file again.
  ::madvise(static_cast<char*>(map_) + let_go_, upto - let_go_, MADV_DONTNEED);
  let_go_ = upto;
}

FileText read_file_text(const std::string& path, size_t max_bytes) {
  OpenFile file(path);
  size_t size = file.size();
  if (size < kMapFilesFrom || size > max_bytes) return file.read(max_bytes);
  auto page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  // The file's pages, then at least a page of zeros (kReadPadding and more) in address space
  // reserved first, so nothing else is mapped right after the file.
  size_t length = (size + page - 1) / page * page + page;
  void* area = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (area == MAP_FAILED) return file.read(max_bytes);
  if (::mmap(area, size, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, file.fd(), 0) ==
      MAP_FAILED) {
    ::munmap(area, length);
    return file.read(max_bytes);  // a file system that cannot map
  }
  FileText text;
  text.map_ = area;
  text.map_size_ = length;
  text.size_ = size;
  remember_mapping(area, length, path);
  if (cut_exit_code >= 0 && !handling_faults) {  // at the first mapping: no cost to a brief
    struct sigaction action {};
    action.sa_sigaction = on_bus_fault;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    handling_faults = ::sigaction(SIGBUS, &action, nullptr) == 0;
  }
  return text;
}

void on_cut_mapped_file(int exit_code) { cut_exit_code = exit_code; }

std::string read_file(const std::string& path, size_t max_bytes) {
  return OpenFile(path).read(max_bytes);
}

std::string read_stream(std::istream& in, const std::string& name, size_t max_bytes,
                        size_t size_hint) {
  std::string text;
  // + 1: the read that finds the end; then the room a parser may read past it.
  text.reserve(std::min(size_hint, max_bytes) + 1 + kReadPadding);
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes) too_large(name, max_bytes);
  }
  return text;
}

}  // namespace commplan
