// The command line's heap: mimalloc with transparent huge pages, in one arena it never hands back,
// warmed ahead of use on an otherwise idle core.
#pragma once
#include <cstddef>

namespace parkatlas {

// Call first thing in main, before any large allocation. Without mimalloc it does nothing; with
// PARKATLAS_HEAP_ARENA=0 in the environment it keeps mimalloc's defaults (huge pages only).
void set_up_heap();

// Faults in the first `bytes` of the arena ahead of use, on a thread of the idle scheduling
// class: memory the run will need anyway is zeroed on a core that would otherwise wait (at
// startup, and where reading or the buildings leave a core partly idle) instead of by the threads
// that set the pace. Pages keep their contents (MADV_POPULATE_WRITE): racing mimalloc is safe.
// Once per process; does nothing without the arena or with PARKATLAS_HEAP_WARM=0.
void warm_heap(std::size_t bytes);

// What to warm for a run over `parcels` parcels: 1 KiB each. A province's million parcels peak
// at about 2.1 GB, and the first gigabyte of the arena is in use by the end of the verdicts;
// warming 1.5 GB and more raised the peak by 50–100 MB.
constexpr std::size_t heap_to_warm(long long parcels) {
  return parcels > 0 ? static_cast<std::size_t>(parcels) * 1024 : 0;
}

}  // namespace parkatlas
