// Running the parkatlas binary from tests and capturing what it prints.
#pragma once
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace parkatlas::test {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

// The binary with environment settings ("A=1 B=2", or none) for this one command, killed after
// 120 s so that a hang fails the test instead of the whole suite.
inline CommandResult run_command_with_env(const std::string& env, const std::string& args) {
  std::string cmd =
      "env " + env + " timeout -s KILL 120 " + std::string(PARKATLAS_BIN) + " " + args + " 2>&1";
  CommandResult r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  while (size_t n = fread(buf.data(), 1, buf.size(), pipe)) r.output.append(buf.data(), n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

inline CommandResult run_command(const std::string& args) {
  return run_command_with_env("", args);
}

// A whole file's bytes.
inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace parkatlas::test
