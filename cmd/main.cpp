#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <iostream>

#include "cli.hpp"
#include "output/write.hpp"
#include "util/heap.hpp"
#include "util/read.hpp"

namespace {

/// Holds the place of a closed standard stream with /dev/null opened the other way, so no
/// file the run opens takes its number, and writing (or reading) it still fails.
void hold_closed_standard_streams() {
  for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO})
    if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF)
      ::open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY);
}

}  // namespace

// Whether the address sanitizer's leak check runs at exit: GCC names it one way, clang another.
#if defined(__SANITIZE_ADDRESS__)
#define COMMPLAN_LEAK_CHECK 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define COMMPLAN_LEAK_CHECK 1
#endif
#endif

/// Standard output goes through a buffer that keeps why a write failed; standard error
/// flushes it first, so the two interleave as they are written. SIGPIPE keeps its default:
/// a closed pipe ends the run as it ends any Unix filter; with SIGPIPE ignored, the failed
/// write is reported (exit 3). The process ends with its command, so the command's large
/// data is left to the exit rather than destroyed piece by piece (leave_to_exit). A large
/// project file is mapped, not read: cut short by another program while this one runs, it is
/// an I/O error (exit 3) instead of a crash. The process ends with _exit once the output is
/// flushed (see the end).
int main(int argc, char** argv) {
  commplan::use_huge_pages_for_heap();
  commplan::on_cut_mapped_file(commplan::cli::kIo);
  commplan::end_with_the_command();
  hold_closed_standard_streams();
  commplan::DescriptorBuffer buffer(STDOUT_FILENO);
  std::ostream out(&buffer);
  std::cerr.tie(&out);
  int code = commplan::cli::run({argv + 1, argv + argc}, std::cin, out, std::cerr);
  std::cerr.tie(nullptr);
#ifdef COMMPLAN_LEAK_CHECK
  return code;  // the leak check runs at exit
#else
  // Ends here, its output written, without running the static destructors: they would page in
  // code (libstdc++'s among it) only to free what the kernel takes back at once, 0.2 MB of the
  // 10,000-finding recap's peak.
  out.flush();
  std::fflush(nullptr);
  ::_exit(code);
#endif
}
