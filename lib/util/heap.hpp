#pragma once

#include <memory>
#include <type_traits>
#include <utility>

namespace commplan {

/// Backs the heap with transparent huge pages where the system offers them on request
/// (/sys/kernel/mm/transparent_hugepage/enabled at "madvise" or "always"), for the run of a
/// program: call it first thing in main.
///
/// Why: a run's time is mostly the first touch of the memory it allocates. The 100,000-finding
/// recap touches about 300 MiB, 4 KiB at a time, and on a virtual machine each first touch
/// costs a trap to the hypervisor (10 µs here); a 2 MiB page takes one. So malloc's heap is
/// grown once by a reserve of address space (not memory: pages are made only when touched),
/// marked MADV_HUGEPAGE from the first 2 MiB boundary at least 16 MiB above where the next
/// blocks will be cut (a brief's heap stays below it, in small pages, so no run clears a huge
/// page it barely uses, and a 10,000-finding register's too, so its memory is not rounded up
/// to the next 2 MiB); blocks up to 32 MiB come from it instead of from mmap, and freed
/// memory is kept for reuse instead of being handed back. Only the first 64 MiB past the
/// boundary are marked: a huge page the kernel must find and clear costs more, once a run
/// has touched that much (on this machine, the 300,000-finding recap took 2.10 s with the whole
/// reserve marked and 1.89 s with 64 MiB, the 100,000-finding one 0.66 and 0.59 s; the
/// 10,000-finding one, whose heap fits, 55 ms either way). Past the reserve the heap grows as
/// usual, in small pages. Nothing changes but speed. Where the heap cannot grow by the reserve
/// (`ulimit -d`), or address space counts as memory taken from other programs (vm.overcommit_memory
/// = 2), malloc is left as it was; where the kernel gives no huge pages, the reserve is used in
/// small pages. Under the sanitizers it does nothing (they bring their own allocator).
void use_huge_pages_for_heap();

/// Says that this process ends when its command does, so what leave_to_exit() is given may
/// stay until the exit instead of being destroyed: for a program's main. Test suites, which run
/// many commands in one process, do not call it, and everything is destroyed as usual there.
void end_with_the_command();

/// Whether end_with_the_command() was called.
bool ends_with_the_command();

/// Keeps `value` (type-erased) until the process exits, never destroyed: its memory goes back
/// with the process's. It stays reachable, so leak checkers do not report it.
void keep_until_exit(std::shared_ptr<void> value);

/// Moves `value`, which the run no longer needs, to stay until the exit when the process ends
/// with the command (end_with_the_command()); otherwise leaves it to its owner to destroy.
/// Why: destroying a large project piece by piece (100,000 findings, their texts, the tree,
/// the view) costs about a tenth of the run, while at exit the kernel takes the pages back at
/// once. `value` is left moved-from, cheap to destroy.
template <class T>
void leave_to_exit(T& value) {
  static_assert(std::is_move_constructible_v<T>);
  if (ends_with_the_command()) keep_until_exit(std::make_shared<T>(std::move(value)));
}

}  // namespace commplan
