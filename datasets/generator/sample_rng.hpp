// Deterministic random numbers for the sample generator. std:: distributions are
// implementation-defined, so the generator draws from splitmix64 with its own mappings: the same
// seed gives byte-identical data with any standard library.
#pragma once
#include <cmath>
#include <cstdint>
#include <vector>

namespace parkatlas::sample {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  int integer(int lo, int hi) {
    return lo + static_cast<int>(uniform() * (hi - lo + 1));
  }  // [lo, hi]
  bool chance(double p) { return uniform() < p; }
  // Log-uniform between lo and hi: realistic spreads of ratios (FAR, 万元/亩).
  double log_uniform(double lo, double hi) { return std::exp(uniform(std::log(lo), std::log(hi))); }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(uniform() * static_cast<double>(v.size()))];
  }

 private:
  std::uint64_t state_;
};

}  // namespace parkatlas::sample
