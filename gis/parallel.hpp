// The engine's one way of using all cores: a fixed number of threads, each given its index,
// the first exception rethrown after all have joined. PARKATLAS_THREADS overrides the core count
// (tests compare 1 thread with several).
#pragma once
#include <algorithm>
#include <cstdlib>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

#include "core/problem.hpp"
#include "gis/geos/geos_context.hpp"

namespace parkatlas {

inline int worker_count() {
  if (const char* env = std::getenv("PARKATLAS_THREADS"); env && std::atoi(env) > 0)
    return std::clamp(std::atoi(env), 1, 64);
  return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
}

// Runs task(k) for k in [0, parts) on `parts` threads (inline when parts == 1).
inline void run_parallel(size_t parts, const std::function<void(size_t)>& task) {
  if (parts <= 1) {
    task(0);
    return;
  }
  std::vector<std::exception_ptr> errors(parts);
  std::vector<std::thread> threads;
  for (size_t k = 0; k < parts; ++k)
    threads.emplace_back([&, k] {
      try {
        task(k);
      } catch (...) {
        errors[k] = std::current_exception();
      }
    });
  for (auto& t : threads) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

// Runs body(begin, end, geos, problems) over `n` items in contiguous chunks, on all cores when
// there are at least `min_items`; each chunk has its own GEOS context and problem list, appended
// in chunk order, so the result does not depend on thread timing.
inline void in_chunks(
    size_t n, size_t min_items, ProblemList& problems,
    const std::function<void(size_t, size_t, const GeosContext&, ProblemList&)>& body) {
  const size_t parts = n < min_items ? 1 : static_cast<size_t>(worker_count());
  std::vector<ProblemList> found(parts);
  run_parallel(parts, [&](size_t k) {
    GeosContext geos;
    body(n * k / parts, n * (k + 1) / parts, geos, found[k]);
  });
  for (auto& f : found) problems.insert(problems.end(), f.begin(), f.end());
}

}  // namespace parkatlas
