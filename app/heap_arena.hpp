// The command line's heap: mimalloc with transparent huge pages, in one arena it never hands back.
#pragma once

namespace parkatlas {

// Call first thing in main, before any large allocation. Without mimalloc it does nothing; with
// PARKATLAS_HEAP_ARENA=0 in the environment it keeps mimalloc's defaults (huge pages only).
void set_up_heap();

}  // namespace parkatlas
