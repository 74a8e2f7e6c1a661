// One function per `parkatlas` verb (osmium-tool style): setup parses and validates with no I/O,
// run does the work and returns an exit code.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>

namespace parkatlas {

// Registers the verb on `app`; the returned function runs it after parsing.
std::function<int()> setup_run_command(CLI::App& app);
std::function<int()> setup_idle_command(CLI::App& app);
std::function<int()> setup_check_command(CLI::App& app);
std::function<int()> setup_export_command(CLI::App& app);
std::function<int()> setup_init_command(CLI::App& app);
std::function<int()> setup_analyze_command(CLI::App& app);
std::function<int()> setup_evaluate_command(CLI::App& app);
std::function<int()> setup_redistrict_command(CLI::App& app);
std::function<int()> setup_rules_command(CLI::App& app);

}  // namespace parkatlas
