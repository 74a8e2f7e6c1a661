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
  // A layer was opened and holds `features` features (`kind`: "parcels", "buildings", …), before
  // any is read: the command line sizes its heap warm-up by the parcels (app/heap_arena.hpp).
  virtual void layer_opened(std::string_view /*kind*/, long long /*features*/) {}
};

}  // namespace parkatlas
