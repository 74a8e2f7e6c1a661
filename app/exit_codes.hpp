// Exit codes of the parkatlas command line (documented in docs/user-guide.md and `--help`).
#pragma once

namespace parkatlas {

enum ExitCode : int {
  kExitOk = 0,         // finished; data problems found are in the problems layer
  kExitDataError = 1,  // the inputs, config or rule set stopped the run (message says where)
  kExitUsage = 2,      // the command line is wrong
};

}  // namespace parkatlas
