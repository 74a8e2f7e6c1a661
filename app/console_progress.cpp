// Console progress lines.
#include "app/console_progress.hpp"

#include <cstdio>

#include "app/heap_arena.hpp"

namespace parkatlas {

double ConsoleProgress::since(Clock::time_point t) const {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

void ConsoleProgress::begin(std::string_view stage, long long total) {
  stage_ = stage;
  total_ = total;
  start_ = last_print_ = Clock::now();
  printed_ = false;
}

void ConsoleProgress::advance(long long done) {
  if (!enabled_ || since(start_) < 1.0 || since(last_print_) < 1.0) return;
  last_print_ = Clock::now();
  printed_ = true;
  if (total_ > 0)
    std::fprintf(stderr, "  %s: %lld / %lld\n", stage_.c_str(), done, total_);
  else
    std::fprintf(stderr, "  %s: %lld\n", stage_.c_str(), done);
}

void ConsoleProgress::end() {
  double s = since(start_);
  if (enabled_ && (s >= 1.0 || printed_))
    std::fprintf(stderr, "  %s: done in %.1f s\n", stage_.c_str(), s);
}

void ConsoleProgress::layer_opened(std::string_view kind, long long features) {
  if (kind == "parcels") warm_heap(heap_to_warm(features));
}

}  // namespace parkatlas
