// `run_analysis` on the bundled sample as of 2025-12-31 into a fresh temporary folder, with the
// caller's other options (for the tests of what RunOptions change).
#pragma once
#include <string>

#include "gis/analysis/run_analysis.hpp"
#include "gis/config/project_config.hpp"
#include "gis/config/rule_set_file.hpp"
#include "gis/gdal/gdal_setup.hpp"
#include "test_paths.hpp"

namespace parkatlas::test {

inline RunResult run_sample(RunOptions options, const std::string& folder) {
  ensure_gdal_registered();
  const ProjectConfig config = load_project_config(sample("parkatlas.toml"));
  const RuleSet rules = load_rule_set(config.rules);
  options.out_dir = temp_dir(folder).string();
  options.as_of = CivilDate{2025, 12, 31};
  Progress quiet;
  return run_analysis(config, rules, options, quiet);
}

}  // namespace parkatlas::test
