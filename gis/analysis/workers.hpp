// How many threads the engine uses for the steps it splits (reading, buildings, verdicts).
#pragma once
#include <algorithm>
#include <thread>

namespace parkatlas {

inline int worker_count() {
  return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
}

}  // namespace parkatlas
