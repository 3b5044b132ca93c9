#include "util/heap.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdlib>  // defines __GLIBC__ on glibc systems
#include <memory>
#include <vector>

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#include <fcntl.h>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#define COMMPLAN_HUGE_PAGE_HEAP 1
#endif

namespace commplan {

#ifdef COMMPLAN_HUGE_PAGE_HEAP

namespace {

constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
/// Address space the heap is grown by at once: the part of a run's memory that gets huge pages.
constexpr int kReserve = 1 << 30;
/// glibc's largest mmap threshold on 64-bit systems: smaller blocks come from the heap.
constexpr int kMmapThreshold = 32 << 20;
/// How the heap grows past the reserve (in address space only, as the reserve).
constexpr int kTopPadAfter = 64 << 20;
/// How much of the heap's top stays in small pages before the huge ones begin.
constexpr uintptr_t kSmallPagesFirst = uintptr_t{16} << 20;
/// How much of the heap past that is marked for huge pages; the rest stays in small ones.
constexpr uintptr_t kHugePages = uintptr_t{64} << 20;
/// malloc's chunk header before the memory it returns, and the size field's own width.
constexpr uintptr_t kChunkHeader = 2 * sizeof(size_t);

uintptr_t address(const void* p) { return reinterpret_cast<uintptr_t>(p); }

/// Whether the system accounts every page of address space as committed memory
/// (vm.overcommit_memory = 2): there the reserve would take 1 GiB from what other programs can
/// allocate, for the length of the run.
bool strict_overcommit() {
  int fd = open("/proc/sys/vm/overcommit_memory", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char mode = 0;
  bool strict = read(fd, &mode, 1) == 1 && mode == '2';
  close(fd);
  return strict;
}

}  // namespace

void use_huge_pages_for_heap() {
  // A block larger than all the free memory of the heap together can only be cut from its
  // top: malloc grows the heap for it, by the top pad on top of the block; freed, the block and
  // the new space are one free top chunk again. Whether the heap can grow that far is asked
  // first (brk there and back), so where it cannot, malloc's settings are left untouched.
  if (strict_overcommit()) return;
  size_t block_size = mallinfo2().fordblks + (64 << 10);
  if (block_size >= static_cast<size_t>(kMmapThreshold)) return;  // not a fresh heap
  auto growth = static_cast<intptr_t>(kReserve + block_size);
  if (sbrk(growth) == reinterpret_cast<void*>(-1)) return;  // no room: `ulimit -d`, ASLR
  sbrk(-growth);

  // Freed memory stays in the heap (it is not trimmed back), and blocks below 32 MiB are cut
  // from it instead of being mapped one by one.
  if (mallopt(M_TRIM_THRESHOLD, INT_MAX) == 0 || mallopt(M_MMAP_THRESHOLD, kMmapThreshold) == 0)
    return;
  mallopt(M_TOP_PAD, kReserve);
  void* block = std::malloc(block_size);
  auto* heap_end = static_cast<char*>(sbrk(0));
  mallopt(M_TOP_PAD, kTopPadAfter);
  if (block == nullptr) return;
  uintptr_t top_start = address(block) - kChunkHeader;
  bool grown = address(heap_end) > address(block) &&
               address(heap_end) - address(block) >= static_cast<uintptr_t>(kReserve);
  std::free(block);
  if (!grown) return;  // refused after all: malloc mapped the block instead

  // Blocks are cut from the top chunk upwards. Its first 16 to 18 MiB stay in small pages: a
  // brief's whole heap fits there, and a huge page would have the kernel clear 2 MiB for a run
  // that touches a few hundred KiB (0.2 ms, a tenth of a kickoff's time); so does a
  // 10,000-finding register's, whose peak the huge page it touched last, in part, raised by up
  // to 2 MiB (1.0 to 1.4 MiB in the medians, for 2 % more time: its 4 KiB faults). From the
  // boundary on, every 2 MiB the run touches is one huge page: nothing above it was touched
  // before the range was marked (the header malloc wrote after the freed block is at the top's
  // start).
  uintptr_t boundary = (top_start + kSmallPagesFirst + kHugePage - 1) & ~(kHugePage - 1);
  uintptr_t end = std::min(address(heap_end) & ~(kHugePage - 1), boundary + kHugePages);
  if (end > boundary) madvise(reinterpret_cast<void*>(boundary), end - boundary, MADV_HUGEPAGE);
}

#else

void use_huge_pages_for_heap() {}

#endif

namespace {

bool ends_with_command = false;

}  // namespace

void end_with_the_command() { ends_with_command = true; }

bool ends_with_the_command() { return ends_with_command; }

void keep_until_exit(std::shared_ptr<void> value) {
  // Never destroyed (a static vector would be, at exit): reached through a global pointer.
  static auto* kept = new std::vector<std::shared_ptr<void>>;
  kept->push_back(std::move(value));
}

}  // namespace commplan
