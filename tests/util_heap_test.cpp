#include <gtest/gtest.h>
#include <malloc.h>
#include <sys/resource.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "util/heap.hpp"

namespace commplan {
namespace {

/// The mapping holding an address, as /proc/self/smaps gives it.
struct Mapping {
  std::string header;  ///< its first line: range, permissions, ..., name such as [heap]
  std::string flags;   ///< its VmFlags line
};

/// The mapping holding `p`; empty when none does.
Mapping mapping_holding(const void* p) {
  auto at = reinterpret_cast<uintptr_t>(p);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  Mapping found;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream fields(line);
    if (fields >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= at && at < end;
      if (inside) found.header = line;
    } else if (inside && line.starts_with("VmFlags:")) {
      found.flags = line;
      return found;
    }
  }
  return {};
}

/// Whether the system gives huge pages to a mapping that asks (the kernel's THP setting).
bool huge_pages_on_request() {
  std::ifstream setting("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string text((std::istreambuf_iterator<char>(setting)), std::istreambuf_iterator<char>());
  return text.find("[always]") != std::string::npos || text.find("[madvise]") != std::string::npos;
}

/// Fills and checks a few blocks of every size class malloc has, freeing half as it goes.
bool heap_still_works() {
  std::vector<std::vector<unsigned char>> blocks;
  for (size_t size = 1; size < (size_t{40} << 20); size = size * 3 + 7) {
    blocks.emplace_back(size, static_cast<unsigned char>(size));
    if (blocks.size() % 2 == 0) blocks.erase(blocks.begin());
  }
  for (const auto& block : blocks)
    for (unsigned char c : block)
      if (c != static_cast<unsigned char>(block.size())) return false;
  return true;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

// Each case runs in a child process (a death test): the heap it changes is the child's.

TEST(HeapTest, BlocksBelow32MiBComeFromHugePages) {
  if (kSanitized) GTEST_SKIP() << "the sanitizers bring their own allocator";
  if (!huge_pages_on_request()) GTEST_SKIP() << "transparent huge pages are off here";
  // It is meant to run first in main: a heap that already holds 32 MiB free is left alone.
  if (mallinfo2().fordblks + (64 << 10) >= (32 << 20))
    GTEST_SKIP() << "this process's heap already holds 32 MiB of free memory";
  EXPECT_EXIT(
      {
        // A block larger than all the heap's free memory is cut from its top, which the reserve
        // grows: the first such block starts where the reserve does.
        size_t first_size = mallinfo2().fordblks + (64 << 10);
        use_huge_pages_for_heap();
        // The reserve's first 16 to 18 MiB stay in small pages, so a small run never has the
        // kernel clear a huge page: the first block starts in them.
        void* small = std::malloc(first_size);
        std::string small_flags = mapping_holding(small).flags;
        // A 24 MiB block would be mapped on its own by default (above 128 KiB); now it is cut
        // from the heap just above, so its end is in the part marked for huge pages.
        constexpr size_t kBlock = size_t{24} << 20;
        void* block = std::malloc(kBlock);
        std::memset(block, 1, kBlock);
        std::string flags = mapping_holding(static_cast<char*>(block) + kBlock - 1).flags;
        // 12 MiB past where the reserve starts is still in small pages (a 10,000-finding
        // register's heap).
        std::string middle_flags =
            mapping_holding(static_cast<char*>(small) + (size_t{12} << 20)).flags;
        std::free(block);
        std::free(small);
        bool layout = small_flags.find(" hg") == std::string::npos && !small_flags.empty() &&
                      middle_flags.find(" hg") == std::string::npos && !middle_flags.empty() &&
                      flags.find(" hg") != std::string::npos;
        std::exit(layout && heap_still_works() ? 0 : 1);
      },
      testing::ExitedWithCode(0), "");
}

TEST(HeapTest, ARefusedReserveLeavesTheHeapWorking) {
  if (kSanitized) GTEST_SKIP() << "the sanitizers bring their own allocator";
  EXPECT_EXIT(
      {
        // No room to grow the data segment by the reserve: malloc is left as it was, so an
        // 8 MiB block is mapped on its own (above its 128 KiB threshold), not cut from the heap.
        rlimit limit{};
        getrlimit(RLIMIT_DATA, &limit);
        limit.rlim_cur = size_t{256} << 20;
        setrlimit(RLIMIT_DATA, &limit);
        use_huge_pages_for_heap();
        void* block = std::malloc(size_t{8} << 20);
        Mapping mapping = mapping_holding(block);
        std::free(block);
        bool left_alone = mapping.header.find("[heap]") == std::string::npos &&
                          mapping.flags.find(" hg") == std::string::npos;
        std::exit(left_alone && heap_still_works() ? 0 : 1);
      },
      testing::ExitedWithCode(0), "");
}

/// Counts the destructions of the instance that owns the value (not of moved-from ones).
struct Owned {
  static inline int destroyed = 0;
  bool owner = true;
  Owned() = default;
  Owned(Owned&& other) noexcept { other.owner = false; }
  Owned& operator=(Owned&&) = delete;
  ~Owned() {
    if (owner) ++destroyed;
  }
};

TEST(LeaveToExitTest, WithoutTheProcessEndingWithTheCommandTheOwnerDestroysTheValue) {
  // The test suite never calls end_with_the_command(): many commands run in this process.
  ASSERT_FALSE(ends_with_the_command());
  Owned::destroyed = 0;
  std::vector<int> numbers{1, 2, 3};
  {
    Owned value;
    leave_to_exit(value);
    leave_to_exit(numbers);
    EXPECT_TRUE(value.owner);
  }
  EXPECT_EQ(Owned::destroyed, 1);
  EXPECT_EQ(numbers.size(), 3u);
}

TEST(LeaveToExitTest, WhenTheProcessEndsWithTheCommandTheValueIsKeptUntilTheExit) {
  EXPECT_EXIT(
      {
        end_with_the_command();
        Owned::destroyed = 0;
        std::vector<int> numbers(1000, 7);
        {
          Owned value;
          leave_to_exit(value);
          leave_to_exit(numbers);
          if (value.owner) std::exit(2);  // not moved
        }
        // Kept, not destroyed, even once its first owner is gone.
        std::exit(Owned::destroyed == 0 && numbers.empty() && ends_with_the_command() ? 0 : 1);
      },
      testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace commplan
