// A rule set: the floors a parcel is judged against and the settings behind the indicators.
// Rule sets are data (rules/*.toml); this is their in-memory form, filled by gis/config.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/building_floor.hpp"
#include "core/cluster_targets.hpp"
#include "core/clusters.hpp"
#include "core/digestion.hpp"
#include "core/idle_land.hpp"
#include "core/land_use.hpp"
#include "core/low_efficiency_rules.hpp"
#include "core/mu_evaluation.hpp"
#include "core/park_level.hpp"

namespace parkatlas {

struct LevelFloors {
  std::optional<double> far_min;  // plain ratio
  std::optional<double> inv_min;  // 万元/亩
};

// 批而未供 slivers: pieces left by nearly coinciding boundaries (issue 3 §1).
struct UnsuppliedRules {
  double sliver_area_m2 = 1.0;
  double sliver_width_m = 0.5;
};

struct RuleSet {
  std::string name;  // e.g. jiangxi-2014
  std::string version;
  std::string title;      // the document the floors come from
  std::string text_hash;  // hash of the rule file's text, recorded with results

  // Which land-use codes are industrial land, per scheme (domain.md §6.5).
  std::map<LandUseScheme, std::vector<std::string>> industrial_codes;
  // Floors by park level (jiangxi-2014 §(七)); a level without an entry has no level floor.
  std::map<ParkLevel, LevelFloors> level_floors;
  // FAR minima by GB/T 4754-2017 code prefix (national-2008 table 2 with its crosswalk);
  // when non-empty it replaces the level FAR floor, matched by the longest prefix.
  std::vector<std::pair<std::string, double>> far_by_industry;
  std::optional<double> inv_min_any_park;  // investment floor regardless of park level
  std::optional<double> coverage_min;      // 建筑系数 floor, a fraction
  // Floors also apply to industrial parcels outside every park (national-2008: yes).
  bool applies_outside_parks = false;
  // "除建设和生产特殊需要外": a special-needs reason waives the FAR floor only.
  bool exemption_waives_far = true;

  BuildingSettings buildings;
  IdleRules idle;
  UnsuppliedRules unsupplied;
  LowEfficiencyRules low_efficiency;  // enabled by a [low_efficiency] section
  DigestionRules digestion;
  std::vector<ClusterDef> clusters;  // [clusters.NAME]: codes and keywords
  ClusterTargets cluster_targets;    // [cluster_targets]
  ClusterZoneRules cluster_zones;    // [cluster_zones]
  MuEvaluationRules mu_evaluation;   // [mu_evaluation]; enabled by the section
  // [evaluation]: the TD/T 1029 weights-and-ideals file, and the park score below which an
  // expansion proposal is not eligible (Jiangxi restricts 扩区 of parks with low scores).
  std::string evaluation_model = "tdt1029-2014";
  std::optional<double> expansion_score_min;
};

// Longest-prefix FAR minimum for an industry code, if the table has one.
std::optional<double> far_min_for_industry(const RuleSet& rules, std::string_view industry);

}  // namespace parkatlas
