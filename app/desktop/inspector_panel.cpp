// Inspector texts. Formulas follow docs/indicators.md.
#include "app/desktop/inspector_panel.hpp"

#include <QLocale>

namespace parkatlas::desktop {

namespace {

QString value_of(const Attributes& a, const char* key) {
  for (const auto& [k, v] : a)
    if (k == key) return QString::fromStdString(v);
  return {};
}

bool number_of(const Attributes& a, const char* key, double& out) {
  bool ok = false;
  out = value_of(a, key).toDouble(&ok);
  return ok;
}

QString num(double v, int decimals) {
  return QLocale(QLocale::English).toString(v, 'f', decimals);
}

QString esc(const QString& s) {
  return s.toHtmlEscaped();
}

QString category_label(const std::vector<StyleCategory>& cats, const QString& value, bool zh) {
  for (const auto& c : cats)
    if (QString::fromStdString(c.value) == value)
      return QString::fromStdString(zh ? c.zh : c.en) + " (" + value + ")";
  return value;
}

// Park levels of the parks layer (national, provincial) in the UI language.
QString level_text(const Attributes& a) {
  const QString level = value_of(a, "park_lvl");
  if (level == "national") return InspectorPanel::tr("national");
  if (level == "provincial") return InspectorPanel::tr("provincial");
  return level.isEmpty() ? InspectorPanel::tr("unknown") : level;
}

}  // namespace

InspectorPanel::InspectorPanel(QWidget* parent) : QTextBrowser(parent) {
  setOpenLinks(false);
  show_nothing();
}

void InspectorPanel::set_styles(std::shared_ptr<const StyleBook> styles, bool chinese) {
  styles_ = std::move(styles);
  chinese_ = chinese;
}

void InspectorPanel::retranslate() {
  switch (showing_) {
    case Showing::nothing:
      show_nothing();
      break;
    case Showing::parcel:
      show_parcel(last_);
      break;
    case Showing::feature:
      show_feature(last_layer_, last_, last_layer_name_);
      break;
  }
}

void InspectorPanel::show_nothing() {
  showing_ = Showing::nothing;
  setHtml("<p><i>" + esc(tr("Click a parcel on the map to explain it.")) + "</i></p>");
}

QString InspectorPanel::explain_proposal(const Attributes& a) const {
  double area = 0, demand = 0, reach = 0, compact = 0, shared = 0;
  number_of(a, "area_mu", area);
  number_of(a, "demand_mu", demand);
  number_of(a, "reach_m", reach);
  number_of(a, "compact", compact);
  number_of(a, "shared", shared);
  QString h = "<p><b>" +
              esc(tr("Expansion of park %1, alternative %2")
                      .arg(value_of(a, "park_id"),
                           value_of(a, "alt").isEmpty() ? QString("1") : value_of(a, "alt"))) +
              "</b></p><ul>";
  h += "<li>" +
       esc((value_of(a, "met") == "1" ? tr("%1 mu for a demand of %2 mu (met within 5 %)")
                                      : tr("%1 mu for a demand of %2 mu (not met: too little "
                                           "free land within reach)"))
               .arg(num(area, 1), num(demand, 1))) +
       "</li>";
  h += "<li>" +
       esc(tr("Grown from a point of the park boundary as a disc of radius %1 m, minus the land "
              "it may not take")
               .arg(num(reach, 0))) +
       "</li>";
  h += "<li>" +
       esc(tr("Compactness %1 (Polsby–Popper 4πA/P², 1 for a disc); %2 % of its outline is the "
              "park's")
               .arg(num(compact, 2), num(shared * 100, 0))) +
       "</li>";
  h += "<li>" + esc(value_of(a, "eligible") == "0" ? tr("Not eligible") : tr("Eligible")) + ": " +
       esc(value_of(a, "reason")) + "</li>";
  const QString excluded = value_of(a, "excluded");
  if (!excluded.isEmpty()) {
    // "farmland 120.5 亩; parcel 30.7 亩": each kind named for a planner.
    QString named;
    for (const QString& part : excluded.split("; ")) {
      const QString kind = part.section(' ', 0, 0), rest = part.section(' ', 1);
      QString name = kind;
      if (kind == "farmland") name = tr("permanent basic farmland (永久基本农田)");
      if (kind == "eco_redline") name = tr("ecological red line (生态保护红线)");
      if (kind == "water") name = tr("water");
      if (kind == "parcel") name = tr("land already supplied (parcels)");
      if (kind == "park") name = tr("other parks");
      if (kind == "built") name = tr("built-up land");
      named += (named.isEmpty() ? "" : "; ") + name + " " + rest;
    }
    h += "<li>" + esc(tr("Excluded within reach: %1").arg(named)) + "</li>";
  }
  return h + "</ul>";
}

QString InspectorPanel::explain_zone(const Attributes& a) const {
  double rev = 0, land = 0, zone = 0, lq = 0;
  number_of(a, "rev_wan", rev);
  number_of(a, "land_mu", land);
  number_of(a, "zone_mu", zone);
  QString h =
      "<p><b>" +
      esc(tr("Cluster zone %1 in park %2").arg(value_of(a, "cluster"), value_of(a, "park_id"))) +
      "</b></p><ul>";
  h += "<li>" +
       esc(tr("%1 member parcels of %2 firms, %3 mu of parcel land; the zone covers %4 mu")
               .arg(value_of(a, "n_parcels"), value_of(a, "n_firms"), num(land, 1), num(zone, 1))) +
       "</li>";
  h += "<li>" +
       esc(tr("Revenue %1 ten-thousand yuan (%2 hundred million yuan)")
               .arg(num(rev, 0), num(rev / 10000, 2))) +
       "</li>";
  if (number_of(a, "lq", lq))
    h += "<li>" +
         esc(tr("Location quotient %1: the cluster's share of the park's revenue against its "
                "share of the province's")
                 .arg(num(lq, 2))) +
         "</li>";
  h += "<li>" +
       esc(tr("Drawn by closing the member parcels (buffer out, union, buffer back in; rule set "
              "[cluster_zones]); zones of different clusters may overlap")) +
       "</li>";
  return h + "</ul>";
}

void InspectorPanel::show_feature(const QString& layer_title, const Attributes& a,
                                  const std::string& layer) {
  showing_ = Showing::feature;
  last_ = a;
  last_layer_ = layer_title;
  last_layer_name_ = layer;
  QString h = "<h3>" + esc(layer_title) + "</h3>";
  if (layer == "proposals") h += explain_proposal(a);
  if (layer == "clusters") h += explain_zone(a);
  h += "<table cellspacing=2>";
  for (const auto& [k, v] : a)
    h += "<tr><td><b>" + esc(QString::fromStdString(k)) + "</b></td><td>" +
         esc(QString::fromStdString(v)) + "</td></tr>";
  setHtml(h + "</table>");
}

void InspectorPanel::show_parcel(const Attributes& a) {
  showing_ = Showing::parcel;
  last_ = a;
  const QString id = value_of(a, "parcel_id");
  QString h = "<h3>" + esc(tr("Parcel %1").arg(id)) + "</h3>";
  const QString firm = value_of(a, "enterprise");
  if (!firm.isEmpty()) h += "<p>" + esc(firm) + "</p>";
  h += "<p>" + esc(tr("Park: %1 (%2 level)").arg(value_of(a, "park_id"), level_text(a))) + "</p>";

  h += "<h4>" + esc(tr("Indicators")) + "</h4><ul>";
  double far = 0, floor = 0, land = 0, mu = 0, inv = 0, inv_mu = 0, cov = 0;
  const bool has_land = number_of(a, "land_m2", land);
  number_of(a, "land_mu", mu);
  if (number_of(a, "far", far) && number_of(a, "floor_m2", floor) && has_land)
    h += "<li>" +
         esc(tr("FAR %1 = %2 m² / %3 m² (floor area from %4)")
                 .arg(num(far, 2), num(floor, 0), num(land, 0), value_of(a, "floor_src"))) +
         "</li>";
  else
    h += "<li>" + esc(tr("FAR: not computed (floor area or land area missing)")) + "</li>";
  if (number_of(a, "coverage", cov) && has_land)
    h += "<li>" +
         esc(tr("Building coverage %1 = %2 m² of footprints / %3 m²")
                 .arg(num(cov, 2), num(cov * land, 0), num(land, 0))) +
         "</li>";
  if (number_of(a, "inv_mu", inv_mu) && number_of(a, "invest_wan", inv))
    h += "<li>" +
         esc(tr("Investment intensity %1 = %2 ten-thousand yuan / %3 mu")
                 .arg(num(inv_mu, 1), num(inv, 1), num(mu, 2))) +
         "</li>";
  else
    h += "<li>" + esc(tr("Investment intensity: not computed (no investment figure)")) + "</li>";
  double v = 0, t = 0;
  if (number_of(a, "tax_mu", v) && number_of(a, "tax_wan", t))
    h += "<li>" + esc(tr("Tax per mu %1 = %2 / %3 mu").arg(num(v, 1), num(t, 1), num(mu, 2))) +
         "</li>";
  if (number_of(a, "rev_mu", v) && number_of(a, "revenue_wan", t))
    h += "<li>" + esc(tr("Revenue per mu %1 = %2 / %3 mu").arg(num(v, 1), num(t, 1), num(mu, 2))) +
         "</li>";
  h += "<li>" +
       esc(tr("Land area %1 m² = %2 mu (1 mu = 10000/15 m²)").arg(num(land, 0), num(mu, 2))) +
       "</li></ul>";

  h += "<h4>" + esc(tr("Floors and verdict")) + "</h4><ul>";
  double fmin = 0, imin = 0;
  if (number_of(a, "far_min", fmin))
    h += "<li>" + esc(tr("FAR floor %1 for a %2-level park").arg(num(fmin, 2), level_text(a))) +
         "</li>";
  if (number_of(a, "inv_min", imin))
    h += "<li>" + esc(tr("Investment floor %1 ten-thousand yuan per mu").arg(num(imin, 0))) +
         "</li>";
  if (!value_of(a, "exempt").isEmpty())
    h += "<li>" + esc(tr("FAR exemption: %1").arg(value_of(a, "exempt"))) + "</li>";
  const QString verdict = value_of(a, "verdict");
  h += "<li><b>" +
       esc(tr("Verdict: %1")
               .arg(styles_ ? category_label(styles_->verdict, verdict, chinese_) : verdict)) +
       "</b></li>";
  h += "<li>" + esc(tr("Why: %1").arg(value_of(a, "reason"))) + "</li></ul>";

  h += "<h4>" + esc(tr("Idle land")) + "</h4><ul>";
  const QString idle = value_of(a, "idle_cls");
  h += "<li><b>" +
       esc(tr("Idle class: %1")
               .arg(styles_ ? category_label(styles_->idle_cls, idle, chinese_) : idle)) +
       "</b></li>";
  h += "<li>" + esc(tr("Days idle: %1").arg(value_of(a, "idle_days"))) + "</li>";
  const std::pair<const char*, const char*> dates[] = {
      {"approved", QT_TR_NOOP("Approved")},   {"supplied", QT_TR_NOOP("Supplied")},
      {"start_due", QT_TR_NOOP("Start due")}, {"started", QT_TR_NOOP("Started")},
      {"completed", QT_TR_NOOP("Completed")}, {"halted", QT_TR_NOOP("Halted")}};
  for (const auto& [key, label] : dates) {
    const QString d = value_of(a, key);
    h += "<li>" + esc(tr(label)) + ": " + esc(d.isEmpty() ? tr("(none)") : d) + "</li>";
  }
  if (!value_of(a, "idle_fee").isEmpty())
    h += "<li>" + esc(tr("Idle fee: %1 ten-thousand yuan").arg(value_of(a, "idle_fee"))) + "</li>";
  if (!value_of(a, "low_eff").isEmpty())
    h += "<li>" + esc(tr("Low efficiency: %1").arg(value_of(a, "low_eff"))) + "</li>";
  if (!value_of(a, "cluster").isEmpty())
    h += "<li>" + esc(tr("Industry cluster: %1").arg(value_of(a, "cluster"))) + "</li>";
  h += "</ul>";

  h += "<h4>" + esc(tr("Data problems")) + "</h4><p>" +
       esc(value_of(a, "problems").isEmpty() ? tr("None recorded.") : value_of(a, "problems")) +
       "</p>";
  h += "<h4>" + esc(tr("All fields")) + "</h4><table cellspacing=1>";
  for (const auto& [k, val] : a)
    h += "<tr><td>" + esc(QString::fromStdString(k)) + "</td><td>" +
         esc(QString::fromStdString(val)) + "</td></tr>";
  setHtml(h + "</table>");
}

}  // namespace parkatlas::desktop
