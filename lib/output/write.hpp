#pragma once
// Writing results: whole files replaced atomically, never half-written.

#include <functional>
#include <memory>
#include <span>
#include <streambuf>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace commplan {

/// Writes `content` to a temporary file beside `path`, then renames it into place, so a
/// failed run leaves `path` as it was. Throws Error(io) naming the path on failure. A symbolic
/// link is followed, dangling or not (the file it names is written, the link stays); a device,
/// pipe or socket (/dev/null, /dev/stdout) is written in place; an existing file the user
/// cannot write (access(2): root can write any) is refused.
void write_file_atomic(const std::string& path, std::string_view content);

/// A result made in pieces (a rendered page), held in memory up to `spill_at` bytes and past
/// that in an unnamed temporary file (O_TMPFILE in $TMPDIR, else /tmp), so that a page of tens
/// of megabytes is not held whole in memory while it is made and written. Where no temporary
/// file can be made or written, it stays in memory: a result is never lost to the spool.
class Spool {
 public:
  /// 32 KiB: the page's part in memory while it is made, and the piece read back from the
  /// file. (A MiB cost the 10,000-finding recap 1.5 MB more at its peak than 256 KiB, which
  /// cost 0.3 MB more than 64 KiB, and that 0.2 more than 32; none was faster. A 2.4 MB page
  /// is 75 writes.)
  static constexpr size_t kSpillAt = 32u << 10;

  explicit Spool(size_t spill_at = kSpillAt) : spill_at_(spill_at) {}
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  ~Spool();

  /// Appends `piece`, leaving it empty.
  void take(std::string& piece);
  /// Appends the last piece: kept in memory, unless the spool is already in its file.
  void finish(std::string last);
  /// Bytes taken.
  size_t size() const { return in_file_ + memory_.size(); }
  /// Whether part of it is in the temporary file.
  bool spilled() const { return fd_ >= 0; }
  /// The text held in memory: the whole text when it has not spilled.
  std::string_view held() const { return memory_; }
  /// The whole text, read back from the file when spilled.
  std::string text() &&;
  /// Gives the text in order, in pieces of at most kSpillAt bytes; stops at the first false `write`
  /// returns and returns false. Throws Error(io) when the temporary file cannot be read.
  bool write(const std::function<bool(std::string_view)>& write) const;

 private:
  bool spill(std::string_view piece);

  size_t spill_at_;
  std::string memory_;  // what is not in the file, after it
  int fd_ = -1;
  size_t in_file_ = 0;
};

/// write_file_atomic() of a spool's text.
void write_file_atomic(const std::string& path, const Spool& content);

/// A file to write and its content.
struct FileContent {
  std::string path;
  std::string_view content;
};

/// Writes several files as write_file_atomic() does, together: every one is checked and written
/// to its temporary file before any is renamed into place, so a file that cannot be written (a
/// folder, a full disk, a folder without write permission) leaves all of them as they were.
/// Only a rename failing midway, which a temporary file beside its target makes unlikely, can
/// leave the first renamed and the rest not.
void write_files_atomic(std::span<const FileContent> files);

/// Whether `a` and `b` name the same existing regular file (device and inode, links followed);
/// "-" names the standard input (`plan - -o p.yaml < p.yaml` reads the file it would replace).
bool same_file(const std::string& a, const std::string& b);

/// Whether anything exists at `path`, a dangling symbolic link included.
bool entry_exists(const std::string& path);

/// An exclusive lock (flock) on the regular file at `path`, for a read, change and replace
/// (write_file_atomic) of it that must not lose what another process replaces it with meanwhile:
/// a second taker waits until the first lets go (its destructor, or the process's end), then
/// finds the file replaced and locks the new one, whose text it reads after. Processes that take
/// no lock (an editor) are not held back. Where `path` is not a regular file, cannot be opened,
/// or its file system has no locks, nothing is locked: reading it reports what is wrong.
class FileLock {
 public:
  FileLock() = default;
  /// Locks `path`; where another process holds its lock, calls `on_wait` (when given) once,
  /// before it waits.
  explicit FileLock(const std::string& path, const std::function<void()>& on_wait = {});
  FileLock(FileLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  FileLock& operator=(FileLock&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock();

  /// Whether the file is locked.
  bool locked() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

/// An output stream buffer over a file descriptor (standard output) that keeps the errno of
/// the first failed write; after a failure it drops what it holds. (The CLI ties standard
/// error to it, so what both print interleaves in the order written.)
class DescriptorBuffer : public std::streambuf {
 public:
  explicit DescriptorBuffer(int fd);
  DescriptorBuffer(const DescriptorBuffer&) = delete;
  DescriptorBuffer& operator=(const DescriptorBuffer&) = delete;
  ~DescriptorBuffer() override;

  /// errno of the first write that failed; 0 while none has.
  int error() const { return error_; }
  /// The file descriptor written to.
  int fd() const { return fd_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* text, std::streamsize size) override;
  int sync() override;

 private:
  bool drain();

  int fd_;
  int error_ = 0;
  /// Left uninitialised (`new char[]`, not a vector): zeroing it would touch its 16 pages
  /// before anything is written, a cost every run paid at startup.
  std::unique_ptr<char[]> buffer_;
};

}  // namespace commplan
