// How many threads the engine uses for the steps it splits (reading, parks, buildings, verdicts).
// PARKATLAS_THREADS overrides the core count (tests compare 1 thread with several).
#pragma once
#include <algorithm>
#include <cstdlib>
#include <thread>

namespace parkatlas {

inline int worker_count() {
  if (const char* env = std::getenv("PARKATLAS_THREADS"); env && std::atoi(env) > 0)
    return std::clamp(std::atoi(env), 1, 64);
  return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
}

}  // namespace parkatlas
