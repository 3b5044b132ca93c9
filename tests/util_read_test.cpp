#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <utility>

#include "template_fixtures.hpp"
#include "test_helpers.hpp"
#include "util/diagnostic.hpp"
#include "util/read.hpp"

namespace commplan {
namespace {

using tmpl::testing::TempDir;

/// `size` bytes of text: numbered lines.
std::string text_of(size_t size) {
  std::string text;
  for (size_t line = 0; text.size() < size; ++line) text += "line " + std::to_string(line) + "\n";
  text.resize(size);
  return text;
}

TEST(ReadFileText, MapsALargeFileWithZerosPastItsEnd) {
  TempDir dir;
  for (size_t size : {kMapFilesFrom, kMapFilesFrom + 4096 - 10, kMapFilesFrom + 4096}) {
    std::string text = text_of(size);
    FileText read = read_file_text(dir.write("big.yaml", text));
    ASSERT_TRUE(read.mapped()) << size;
    EXPECT_EQ(read.view(), text);
    ASSERT_GE(read.readable(), size + kReadPadding);
    std::string_view past(read.view().data() + size, read.readable() - size);
    EXPECT_EQ(past.find_first_not_of('\0'), std::string_view::npos) << size;
  }
}

TEST(ReadFileText, ReadsASmallFile) {
  TempDir dir;
  std::string text = text_of(kMapFilesFrom - 1);
  FileText read = read_file_text(dir.write("small.yaml", text));
  EXPECT_FALSE(read.mapped());
  EXPECT_EQ(read.view(), text);
  EXPECT_GE(read.readable(), text.size() + kReadPadding);
}

TEST(ReadFileText, ANamedPipeIsReadOnceAProcessWritesIt) {
  TempDir dir;
  std::string fifo = dir.str() + "/project.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&] {
    std::ofstream(fifo) << "commplan: 1\n";  // opens once the reader has
  });
  EXPECT_EQ(read_file(fifo), "commplan: 1\n");
  writer.join();
}

TEST(ReadFileText, ANamedPipeOfManyReadsIsReadWholeWithRoomPastItsEnd) {
  // Past the 64 KiB of one read the text grows while it is read into; its size is not known.
  TempDir dir;
  std::string fifo = dir.str() + "/project.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string text = text_of(300000);
  std::thread writer([&] { std::ofstream(fifo) << text; });
  FileText read = read_file_text(fifo);
  writer.join();
  EXPECT_FALSE(read.mapped());
  EXPECT_EQ(read.view(), text);
  EXPECT_GE(read.readable(), text.size() + kReadPadding);
}

TEST(ReadFileText, ANamedPipeLargerThanTheLimitIsRefused) {
  TempDir dir;
  std::string fifo = dir.str() + "/project.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // The writer's last writes fail once the reader closes the pipe: EPIPE, not SIGPIPE.
  auto* previous = std::signal(SIGPIPE, SIG_IGN);
  std::thread writer([&] { std::ofstream(fifo) << text_of(3 << 20); });
  try {
    read_file(fifo, 2 << 20);
    ADD_FAILURE() << "read past the limit";
  } catch (const Error& e) {
    EXPECT_EQ(format_headline(e.diagnostics().items().front()),
              fifo + ": error: file is larger than 2 MiB (the limit)");
  }
  writer.join();
  std::signal(SIGPIPE, previous);
}

TEST(ReadFileText, ANamedPipeNobodyWritesIsAnIoErrorNotAHang) {
  TempDir dir;
  std::string fifo = dir.str() + "/project.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  try {
    read_file(fifo);
    ADD_FAILURE() << "read a pipe nobody writes";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::io);
    EXPECT_EQ(format_headline(e.diagnostics().items().front()),
              fifo +
                  ": error: cannot read: a named pipe no process opened for writing (waited 10 "
                  "seconds)");
  }
}

TEST(ReadFileText, FailsAsReadFileDoes) {
  TempDir dir;
  auto error_of = [](const std::string& path, size_t limit) {
    try {
      read_file_text(path, limit);
    } catch (const Error& e) {
      return format_headline(e.diagnostics().items().front());
    }
    return std::string("no error");
  };
  EXPECT_EQ(error_of(dir.str(), kMaxReadBytes), dir.str() + ": error: cannot read: Is a directory");
  EXPECT_EQ(error_of(dir.str() + "/none", kMaxReadBytes),
            dir.str() + "/none: error: cannot read: No such file or directory");
  std::string big = dir.write("big.yaml", text_of(kMapFilesFrom + 1));
  EXPECT_EQ(error_of(big, kMapFilesFrom), big + ": error: file is larger than 1 MiB (the limit)");
}

TEST(FileText, MovesItsMappingAndReleasesACopy) {
  TempDir dir;
  std::string text = text_of(kMapFilesFrom);
  FileText read = read_file_text(dir.write("big.yaml", text));
  const char* bytes = read.view().data();
  FileText moved = std::move(read);
  EXPECT_EQ(moved.view().data(), bytes);
  EXPECT_FALSE(read.mapped());  // NOLINT: read after the move on purpose
  EXPECT_TRUE(read.view().empty());
  FileText assigned = FileText("small");
  assigned = std::move(moved);
  EXPECT_EQ(assigned.view().data(), bytes);
  std::string copy = std::move(assigned).release();
  EXPECT_EQ(copy, text);
  EXPECT_FALSE(assigned.mapped());  // NOLINT
}

TEST(FileText, AStringGrowsTheRoomAskedFor) {
  FileText text(std::string("{}"));
  text.reserve_room(64);
  EXPECT_GE(text.readable(), 66u);
  EXPECT_EQ(text.view(), "{}");
}

TEST(FileText, ABorrowedTextIsViewedInPlaceAndCopiedOnlyWhenReleased) {
  std::string owner = "{\"a\": 1}";
  owner.reserve(owner.size() + 64);
  FileText borrowed = FileText::borrow(owner, owner.capacity());
  EXPECT_EQ(borrowed.view().data(), owner.data());
  EXPECT_EQ(borrowed.readable(), owner.capacity());
  borrowed.reserve_room(1000);  // it cannot grow what it does not own
  EXPECT_EQ(borrowed.readable(), owner.capacity());
  FileText moved = std::move(borrowed);
  EXPECT_EQ(moved.view().data(), owner.data());
  EXPECT_TRUE(borrowed.view().empty());  // NOLINT: read after the move on purpose
  std::string copy = std::move(moved).release();
  EXPECT_EQ(copy, owner);
  EXPECT_NE(copy.data(), owner.data());
  EXPECT_EQ(FileText::borrow("ab", 0).readable(), 2u);  // never less than the text
}

/// The kB of the mapping holding `at` that are in memory (Rss in /proc/self/smaps); -1 when
/// no mapping holds it.
long resident_kb(const void* at) {
  std::ifstream smaps("/proc/self/smaps");
  auto address = reinterpret_cast<std::uintptr_t>(at);
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    unsigned long begin = 0, end = 0;
    if (std::sscanf(line.c_str(), "%lx-%lx ", &begin, &end) == 2 && line.find(' ') < 27)
      inside = address >= begin && address < end;
    else if (inside && line.rfind("Rss:", 0) == 0)
      return std::stol(line.substr(4));
  }
  return -1;
}

TEST(FileText, LetsGoOfTheMappedPagesReadAndReadsThemAgainUnchanged) {
  TempDir dir;
  std::string text = text_of(8 * kMapFilesFrom);
  FileText read = read_file_text(dir.write("big.yaml", text));
  ASSERT_TRUE(read.mapped());
  long before = resident_kb(read.view().data());
  ASSERT_GE(before, static_cast<long>(text.size() >> 10));     // mapped whole, populated
  read.let_go_before(read.view().data() + kMapFilesFrom / 2);  // less than a MiB: kept
  EXPECT_EQ(resident_kb(read.view().data()), before);
  read.let_go_before(read.view().data() + 6 * kMapFilesFrom + 100);
  long after = resident_kb(read.view().data());
  EXPECT_LE(after, before - static_cast<long>((6 * kMapFilesFrom) >> 10));
  EXPECT_EQ(read.view(), text);  // read again from the file
  FileText small(std::string("in memory"));
  small.let_go_before(small.view().data() + 5);
  EXPECT_EQ(small.view(), "in memory");
}

TEST(ReadFileText, AMappedProjectsMessagesQuoteItsLinesAfterTheyWereLetGo) {
  // Read as its findings stream, a mapped project's pages are let go (FileText::let_go_before):
  // messages placed in them, found after, quote the lines read again from the file.
  TempDir dir;
  std::string project = testing::project_head() + "findings:\n";
  for (int i = 0; project.size() <= 3 * kMapFilesFrom; ++i)
    project += "  - id: F-" + std::to_string(i) + "\n    title: Gate " + std::to_string(i) +
               (i % 5000 == 0 ? " card 4111 1111 1111 1111" : "") +
               "\n    found: 2026-12-08\n    severity: high\n    status: open\n";
  std::string path = dir.write("big.yaml", project);
  ASSERT_TRUE(read_file_text(path).mapped());
  auto mapped = testing::run_cli({"validate", path, "--date", "2026-12-18"});
  auto read = testing::run_cli({"validate", "-", "--date", "2026-12-18"}, project);
  ASSERT_EQ(mapped.code, 0) << mapped.err;
  std::string expected = read.err;
  for (size_t at = expected.find("<stdin>"); at != std::string::npos;
       at = expected.find("<stdin>", at))
    expected.replace(at, 7, path);
  EXPECT_EQ(mapped.err, expected);
  EXPECT_NE(mapped.err.find(":9:24: warning: findings[0].title: looks like a payment card"),
            std::string::npos)
      << mapped.err;
  EXPECT_NE(mapped.err.find("title: Gate 10000 card 4111 **** **** 1111"), std::string::npos);
}

/// Cut short by another program, a mapped file's pages past its new end fault: the process
/// ends with the I/O error's code and the file named, not with SIGBUS.
TEST(ReadFileTextDeathTest, AFileCutShortWhileMappedIsAnIoError) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  TempDir dir;
  std::string path = dir.write("big.yaml", text_of(2 * kMapFilesFrom));
  EXPECT_EXIT(
      {
        on_cut_mapped_file(3);
        FileText read = read_file_text(path);
        if (::truncate(path.c_str(), 0) != 0) std::_Exit(9);
        volatile char last = read.view().back();
        (void)last;
        std::_Exit(0);
      },
      ::testing::ExitedWithCode(3),
      "big.yaml: error: cannot read: the file changed while it was read \\(it was cut short\\)");
}

TEST(ReadFileTextDeathTest, AnotherBusFaultIsLeftAsItWas) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  TempDir dir;
  std::string path = dir.write("big.yaml", text_of(kMapFilesFrom));
  EXPECT_EXIT(
      {
        on_cut_mapped_file(3);
        FileText read = read_file_text(path);  // the handler is installed with the mapping
        if (!read.mapped()) std::_Exit(9);
        std::raise(SIGBUS);  // at no address of the mapping
        std::_Exit(0);
      },
      ::testing::KilledBySignal(SIGBUS), "");
}

/// A project file large enough to be mapped renders as the same text read from standard input.
TEST(ReadFileText, AMappedProjectRendersAsItsTextRead) {
  TempDir dir;
  std::string project = testing::project_head() + "findings:\n";
  for (int i = 0; project.size() <= kMapFilesFrom; ++i)
    project += "  - id: F-" + std::to_string(i) + "\n    title: Gate " + std::to_string(i) +
               " is open\n    found: 2026-12-08\n    severity: high\n    status: open\n";
  std::string path = dir.write("big.yaml", project);
  auto mapped = testing::run_cli({"recap", path, "--level", "final", "--date", "2026-12-18"});
  auto read = testing::run_cli({"recap", "-", "--level", "final", "--date", "2026-12-18"}, project);
  ASSERT_EQ(mapped.code, 0) << mapped.err;
  EXPECT_EQ(mapped.out, read.out);
  EXPECT_NE(mapped.out.find("Gate 1000 is open"), std::string::npos);
}

}  // namespace
}  // namespace commplan
