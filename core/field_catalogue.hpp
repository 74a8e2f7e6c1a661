// The canonical fields of every input layer and the aliases by which they are found
// (data-model.md "Input layers"), plus the matching of a layer's source fields to them.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parkatlas {

enum class LayerKind { parks, parcels, buildings, approval_batches, constraints, districts };
enum class FieldType { text, real, integer, date };
enum class Quantity { none, area, money };  // what a declared unit converts

struct CanonicalField {
  std::string name;
  FieldType type;
  Quantity quantity;
  std::vector<std::string> aliases;
};

const std::vector<CanonicalField>& canonical_fields(LayerKind kind);
std::optional<LayerKind> parse_layer_kind(std::string_view name);
std::string_view to_string(LayerKind kind);
std::string_view to_string(FieldType type);
// Index of `name` in canonical_fields(kind), or -1.
int canonical_index(LayerKind kind, std::string_view name);

enum class MatchedBy { none, config, name, alias, cut_alias };
std::string_view to_string(MatchedBy how);

struct FieldMatch {
  int source_index = -1;  // index into the source field list, -1 = not found
  MatchedBy how = MatchedBy::none;
  std::string matched_alias;  // the alias (or its cut form) that matched
};

struct FieldMapping {
  std::vector<FieldMatch> canonical;  // one per canonical field, same order
  std::vector<int> unmapped_sources;  // source indices no canonical field took
  std::vector<std::string> errors;    // e.g. a configured source field that does not exist
};

// The first `max_bytes` bytes of `name` in `encoding` ("UTF-8" or "CP936"/"GBK"/"GB18030"), cut
// at a character boundary, as the Shapefile driver cuts long field names.
std::string shapefile_cut_name(std::string_view utf8_name, std::string_view encoding,
                               size_t max_bytes = 10);

// Matches source field names (UTF-8) to the canonical fields of `kind`: configured names first,
// then canonical names, aliases, and (for Shapefiles) aliases as the driver would have cut them.
// Case-insensitive for ASCII; each source field feeds at most one canonical field.
FieldMapping match_fields(LayerKind kind, const std::vector<std::string>& source_names,
                          const std::map<std::string, std::string>& configured,
                          std::string_view encoding_for_cut_names);

}  // namespace parkatlas
