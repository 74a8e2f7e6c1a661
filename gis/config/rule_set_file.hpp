// Loading rule sets (core/rules/*.toml) by name or path, strictly validated.
#pragma once
#include <string>
#include <vector>

#include "core/rule_set.hpp"

namespace parkatlas {

// Folders searched for rule sets by name: $PARKATLAS_RULES_DIR, then the installed and the
// source-tree folders compiled in.
std::vector<std::string> rule_set_dirs();
std::vector<std::string> available_rule_sets();

// `name_or_path`: "jiangxi-2014" or a path to a .toml file. Throws GisError with file:line.
RuleSet load_rule_set(const std::string& name_or_path);
// The file a name or path stands for (throws like load_rule_set).
std::string rule_set_file(const std::string& name_or_path);
// FNV-1a 64 of a text as 16 hex digits: the fingerprint recorded with results.
std::string text_hash(const std::string& text);
RuleSet parse_rule_set(const std::string& text, const std::string& source_name);

}  // namespace parkatlas
