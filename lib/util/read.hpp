#pragma once
// Reading inputs whole, bounded by the input size limit.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>

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

/// A file's text in memory: a string of its own, or the file mapped read-only (read_file_text()
/// maps a large file: its pages are the system's cache of the file, neither copied nor
/// cleared first, which a string of its size would be). Move-only; converts from a string.
class FileText {
 public:
  FileText() = default;
  FileText(std::string text) : text_(std::move(text)) {}  // NOLINT: a string is a file text
  FileText(const char* text) : text_(text) {}             // NOLINT
  /// A view of a text that outlives it (another FileText's, read again), with `readable`
  /// bytes readable from its start: nothing is copied, nothing freed.
  static FileText borrow(std::string_view text, size_t readable);
  FileText(FileText&& other) noexcept;
  FileText& operator=(FileText&& other) noexcept;
  FileText(const FileText&) = delete;
  FileText& operator=(const FileText&) = delete;
  ~FileText();

  std::string_view view() const;
  size_t size() const { return view().size(); }
  /// The bytes that can be read from view().data(): the size and any room past it.
  size_t readable() const;
  /// Makes `room` bytes past the end readable too (a string grows its capacity; a mapping
  /// has kReadPadding at least already; a borrowed text has what it was given).
  void reserve_room(size_t room);
  /// Whether the text is the file mapped.
  bool mapped() const { return map_ != nullptr; }
  /// The text as a string of its own (a copy of a mapping).
  std::string release() &&;
  /// For a mapped text read once in order (a parse): lets the system take back the pages
  /// before `at`, a point in the text, in whole pages and a MiB or more at a time, so that what
  /// was read does not stay in memory beside what was made of it. A page touched again is read
  /// again from the file (the system's cache), as it was at first: the text does not change.
  /// Nothing for a text in memory.
  void let_go_before(const char* at) const;

 private:
  friend FileText read_file_text(const std::string& path, size_t max_bytes);
  std::string text_;
  void* map_ = nullptr;             // the mapping: the file's pages, then at least a page of zeros
  const char* borrowed_ = nullptr;  // or the text borrowed
  size_t map_size_ = 0;             // the mapping's length, or the borrowed text's readable bytes
  size_t size_ = 0;                 // the file's size, when mapped or borrowed
  mutable size_t let_go_ = 0;       // the mapping's bytes let go of (let_go_before)
};

/// Files at least this large are mapped by read_file_text(); below it, reading them costs less
/// than a mapping's system calls and page faults.
inline constexpr size_t kMapFilesFrom = 1u << 20;

/// read_file() for a text the program keeps to its end (a project file): a regular file of at
/// least kMapFilesFrom bytes is mapped instead of read. A mapped file cut short while the
/// program runs makes its pages unreadable: on_cut_mapped_file() makes that an error.
FileText read_file_text(const std::string& path, size_t max_bytes = kMaxReadBytes);

/// Makes a fault in a file read_file_text() mapped (the file was cut short by another program,
/// or its disk failed) end the process with "PATH: error: cannot read: the file changed while
/// it was read" on standard error and `exit_code`, instead of a crash (SIGBUS): for a
/// program's main. The handler is installed when a file is first mapped, so a run that maps
/// none makes no system call for it.
void on_cut_mapped_file(int exit_code);

}  // namespace commplan
