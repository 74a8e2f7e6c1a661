// Progress of long steps, reported by the engine and shown by the CLI (stderr) or the desktop.
#pragma once
#include <string>
#include <string_view>

namespace parkatlas {

class Progress {
 public:
  virtual ~Progress() = default;
  virtual void begin(std::string_view /*stage*/, long long /*total*/) {}
  virtual void advance(long long /*done*/) {}
  virtual void end() {}
};

}  // namespace parkatlas
