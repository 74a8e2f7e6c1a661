// Loading a project's layers for the map.
#include "app/desktop/project_document.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <set>

namespace parkatlas::desktop {

namespace {

MapLayerRequest request_for(const std::string& layer) {
  if (layer == "parcels")
    return {{"verdict", "idle_cls", "park_id", "cluster", "low_eff"},
            {"far", "inv_mu", "land_mu"},
            "parcel_id"};
  if (layer == "parks") return {{"park_id", "city", "county", "level"}, {}, "name"};
  if (layer == "clusters") return {{"cluster"}, {}, "cluster"};
  if (layer == "constraints") return {{"kind"}, {}, ""};
  if (layer == "proposals") return {{"park_id"}, {}, "park_id"};
  if (layer == "unsupplied" || layer == "approval_batches") return {{"park_id"}, {}, ""};
  return {};
}

}  // namespace

std::shared_ptr<ProjectDocument> ProjectDocument::load(
    const QString& path, const std::function<void(const QString&)>& progress) {
  QElapsedTimer timer;
  timer.start();
  auto doc = std::make_shared<ProjectDocument>();
  doc->source = std::make_unique<MapSource>(path.toStdString());
  doc->scene.styles = std::make_shared<StyleBook>(load_style_book());
  for (const auto& [logical, table] : doc->source->layers()) {
    if (progress)
      progress(QCoreApplication::translate("ProjectDocument", "Loading %1 (%2)…")
                   .arg(QString::fromStdString(logical), QString::fromStdString(table)));
    LayerView view;
    view.data = std::make_shared<MapLayerData>(doc->source->load(logical, request_for(logical)));
    // Shown at first: what a planner looks at. Approval batches (outlines over everything) and
    // cluster zones (busy over the verdict colours) are a click away in the layers panel;
    // buildings only matter close up and at province size would only slow the first frames.
    view.visible = logical != "approval_batches" && logical != "clusters" &&
                   !(logical == "buildings" && view.data->size() >= 200000);

    doc->scene.layers.push_back(std::move(view));
  }
  std::set<std::string> clusters;
  for (const LayerView& l : doc->scene.layers)
    if (const auto* c = l.data->category("cluster"))
      for (size_t k = 1; k < c->values.size(); ++k) clusters.insert(c->values[k]);
  doc->scene.cluster_order.assign(clusters.begin(), clusters.end());
  if (progress) progress(QCoreApplication::translate("ProjectDocument", "Reading tables…"));
  doc->parks = doc->source->table("parks");
  doc->idle_list = doc->source->table("idle_parcels");
  doc->evaluation = doc->source->table("evaluation");
  doc->cluster_stats = doc->source->table("cluster_stats");
  doc->load_seconds = timer.elapsed() / 1000.0;
  return doc;
}

const MapLayerData* ProjectDocument::parcels() const {
  const LayerView* l = scene.layer("parcels");
  return l ? l->data.get() : nullptr;
}

const MapLayerData* ProjectDocument::parks_layer() const {
  const LayerView* l = scene.layer("parks");
  return l ? l->data.get() : nullptr;
}

}  // namespace parkatlas::desktop
