// The engine's one way of using all cores: a fixed number of threads, each given its index,
// the first exception rethrown after all have joined. PARKATLAS_THREADS overrides the core count
// (tests compare 1 thread with several).
#pragma once
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <functional>
#include <mutex>
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

// Joins a thread on every way out of a scope (an exception included), so it never outlives what it
// refers to.
struct JoinOnExit {
  std::thread& thread;
  ~JoinOnExit() {
    if (thread.joinable()) thread.join();
  }
};

// Runs each task once, on all cores: independent set-up steps such as sizing several large
// vectors, whose fresh pages the kernel zeroes at well under a gigabyte a second here. Threads take
// the next task as they finish one.
inline void run_tasks(const std::vector<std::function<void()>>& tasks) {
  std::atomic<size_t> next{0};
  run_parallel(std::min(tasks.size(), static_cast<size_t>(worker_count())), [&](size_t) {
    for (size_t t = next++; t < tasks.size(); t = next++) tasks[t]();
  });
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

// in_chunks for items whose cost varies along the list and that need no per-thread set-up (the
// approval batches): threads take the next of about 32 chunks a thread as they finish one, so a
// costly stretch does not leave a core idle; problems are still appended in chunk order.
// `done(items)` is called, one call at a time, after each chunk with the items finished so far.
inline void in_balanced_chunks(
    size_t n, size_t min_items, ProblemList& problems,
    const std::function<void(size_t, size_t, const GeosContext&, ProblemList&)>& body,
    const std::function<void(size_t)>& done = {}) {
  const size_t parts = n < min_items ? 1 : static_cast<size_t>(worker_count());
  const size_t chunks = parts == 1 ? 1 : std::min(n, parts * 32);
  std::vector<ProblemList> found(chunks);
  std::atomic<size_t> next{0};
  std::mutex report;
  size_t finished = 0;
  run_parallel(parts, [&](size_t) {
    GeosContext geos;
    for (size_t c = next++; c < chunks; c = next++) {
      const size_t begin = n * c / chunks, end = n * (c + 1) / chunks;
      body(begin, end, geos, found[c]);
      std::lock_guard lock(report);
      finished += end - begin;
      if (done) done(finished);
    }
  });
  for (auto& f : found) problems.insert(problems.end(), f.begin(), f.end());
}

}  // namespace parkatlas
