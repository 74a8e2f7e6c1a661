// An open project (or results GeoPackage) as the desktop holds it: the source, the layers loaded
// for drawing, and the tables the panels show. Loading runs off the UI thread.
#pragma once
#include <QString>
#include <functional>
#include <memory>

#include "app/desktop/map_scene.hpp"
#include "gis/map/map_source.hpp"

namespace parkatlas::desktop {

struct ProjectDocument {
  std::unique_ptr<MapSource> source;
  MapScene scene;            // every layer of the source, styled from styles/
  PlainTable parks;          // the parks layer's attributes (roll-ups), one row per park
  PlainTable idle_list;      // idle_parcels: the bureau's list
  PlainTable evaluation;     // TD/T 1029 indicator rows (empty for results without it)
  PlainTable cluster_stats;  // cluster statistics at every level
  double load_seconds = 0;

  // Opens and loads `path` (a project file or results.gpkg); `progress(text)` reports each layer.
  // Throws GisError with the file and what is wrong.
  static std::shared_ptr<ProjectDocument> load(const QString& path,
                                               const std::function<void(const QString&)>& progress);
  const MapLayerData* parcels() const;
  const MapLayerData* parks_layer() const;
};

}  // namespace parkatlas::desktop
