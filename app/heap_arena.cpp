// The command line's heap (see heap_arena.hpp).
//
// Why an arena: on a virtual machine whose host takes back the pages a guest frees (free page
// reporting), touching memory the process has not touched before is dear — 0.4 to 2.8 s per GB on
// the project's machine, against 0.05 s for memory touched already. By default mimalloc hands
// freed segments back to the system, and a later stage touches fresh pages again: a province run
// touched about 3.0 GB for a 2.1 GB peak. In one arena that mimalloc never decommits, memory freed
// by one stage serves the next (2.4 GB touched), in 2 MiB pages.
#include "app/heap_arena.hpp"

#ifdef PARKATLAS_MIMALLOC
#include <mimalloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string_view>
#include <thread>

#include <pthread.h>
#include <sched.h>
#endif

namespace parkatlas {

#ifdef PARKATLAS_MIMALLOC
namespace {

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14; older kernels refuse it and nothing is warmed
#endif

// The arena set_up_heap gave mimalloc (null without one).
char* arena_start = nullptr;
std::size_t arena_size = 0;

// The warming thread, stopped and joined when the process ends normally (a finished run ends
// with std::_Exit instead, which simply takes the thread away).
struct HeapWarmer {
  std::atomic<bool> stop{false};
  std::thread thread;
  ~HeapWarmer() {
    stop = true;
    if (thread.joinable()) thread.join();
  }
};
HeapWarmer warmer;

}  // namespace
#endif

void warm_heap([[maybe_unused]] std::size_t bytes) {
#ifdef PARKATLAS_MIMALLOC
  if (!arena_start || bytes == 0 || warmer.thread.joinable()) return;
  if (const char* setting = std::getenv("PARKATLAS_HEAP_WARM");
      setting && std::string_view(setting) == "0")
    return;
  const std::size_t limit = std::min(bytes, arena_size);
  warmer.thread = std::thread([limit] {
    // SCHED_IDLE: runs only on a core nothing else wants, so the pace-setting threads lose no
    // time to it.
    sched_param param{};
    pthread_setschedparam(pthread_self(), SCHED_IDLE, &param);
    // One 2 MiB page a call: the mmap lock is held only briefly (thread stacks wait for it).
    constexpr std::size_t kStep = std::size_t{2} << 20;
    for (std::size_t at = 0; at < limit && !warmer.stop; at += kStep)
      if (madvise(arena_start + at, std::min(kStep, limit - at), MADV_POPULATE_WRITE) != 0) break;
  });
#endif
}

void set_up_heap() {
#ifdef PARKATLAS_MIMALLOC
  // Transparent huge pages for the heap: far fewer page faults for millions of geometries.
  mi_option_enable(mi_option_large_os_pages);
  if (const char* setting = std::getenv("PARKATLAS_HEAP_ARENA");
      setting && std::string_view(setting) == "0")
    return;
  // Under strict overcommit accounting (vm.overcommit_memory = 2) the whole mapping would be
  // charged against the machine's commit limit, touched or not: keep mimalloc's defaults there.
  if (std::ifstream policy("/proc/sys/vm/overcommit_memory"); policy) {
    int mode = 0;
    if (policy >> mode && mode == 2) return;
  }
  // Address space only: pages count as resident once touched. Half the machine's memory, at most
  // 4 GiB (a province run peaks at about 2.3 GB); beyond it mimalloc asks the system as usual.
  constexpr std::size_t kAlign = std::size_t{64} << 20;  // whole mimalloc segments, 2 MiB pages
  const long pages = sysconf(_SC_PHYS_PAGES), page_size = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return;
  const std::size_t half_memory =
      static_cast<std::size_t>(pages) * static_cast<std::size_t>(page_size) / 2;
  const std::size_t size = std::min(std::size_t{4} << 30, half_memory) / kAlign * kAlign;
  if (size < (std::size_t{256} << 20)) return;
  void* mapped = mmap(nullptr, size + kAlign, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mapped == MAP_FAILED) return;  // mimalloc's defaults then
  const std::uintptr_t start =
      (reinterpret_cast<std::uintptr_t>(mapped) + kAlign - 1) & ~(kAlign - 1);
  void* arena = reinterpret_cast<void*>(start);
  madvise(arena, size, MADV_HUGEPAGE);
  // The mapping belongs to mimalloc from here until the process ends (the system reclaims it).
  if (mi_manage_os_memory(arena, size, /*is_committed=*/true, /*is_large=*/false,
                          /*is_zero=*/true, /*numa_node=*/-1)) {
    mi_option_disable(mi_option_allow_decommit);
    arena_start = static_cast<char*>(arena);
    arena_size = size;
  } else
    munmap(mapped, size + kAlign);
#endif
}

}  // namespace parkatlas
