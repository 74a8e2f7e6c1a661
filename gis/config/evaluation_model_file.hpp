// Reading a weights-and-ideals file (core/rules/evaluation/*.toml) into core's EvaluationModel,
// strictly: unknown keys, weights outside [0, 1], sibling weights not summing to 1, indicators
// without an ideal value are errors naming the file and line.
#pragma once
#include <string>

#include "core/park_evaluation.hpp"

namespace parkatlas {

// `name_or_path`: "tdt1029-2014" (looked up in the rule-set folders' evaluation/ subfolder) or a
// path to a .toml file. Throws GisError.
EvaluationModel load_evaluation_model(const std::string& name_or_path);
EvaluationModel parse_evaluation_model(const std::string& text, const std::string& file);
std::string evaluation_model_file(const std::string& name_or_path);

}  // namespace parkatlas
