// Progress on stderr for steps that take longer than a second (quiet for quick ones).
#pragma once
#include <chrono>
#include <string>

#include "gis/analysis/progress.hpp"

namespace parkatlas {

class ConsoleProgress : public Progress {
 public:
  explicit ConsoleProgress(bool enabled) : enabled_(enabled) {}
  void begin(std::string_view stage, long long total) override;
  void advance(long long done) override;
  void end() override;
  // Warms the heap (app/heap_arena.hpp) for the parcels about to be read.
  void layer_opened(std::string_view kind, long long features) override;

 private:
  using Clock = std::chrono::steady_clock;
  double since(Clock::time_point t) const;
  bool enabled_;
  std::string stage_;
  long long total_ = 0;
  Clock::time_point start_, last_print_;
  bool printed_ = false;
};

}  // namespace parkatlas
