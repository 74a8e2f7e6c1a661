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

// Boundaries b[0] = first < b[1] < … < b.back() = end splitting [first, end) for threads that each
// take the next piece as they come free: pieces shrink as the work runs out (each a 2·threads-th
// of what is left, never under a (2·threads·per_thread)-th of the whole), so the last pieces are
// short and no core waits long for the others. per_thread ≤ 1 gives one equal piece a thread.
inline std::vector<long long> guided_bounds(long long first, long long end, int threads,
                                            int per_thread) {
  std::vector<long long> bounds{first};
  const long long total = std::max(0LL, end - first);
  if (total == 0) {
    bounds.push_back(end);
    return bounds;
  }
  const long long t = std::max(1, threads);
  if (per_thread <= 1) {
    for (long long k = 1; k <= t; ++k)
      if (const long long b = first + total * k / t; b > bounds.back()) bounds.push_back(b);
    return bounds;
  }
  const long long smallest = std::max(1LL, total / (2 * t * per_thread));
  for (long long at = first; at < end;) {
    at = std::min(end, at + std::max(smallest, (end - at) / (2 * t)));
    bounds.push_back(at);
  }
  return bounds;
}

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
