// Building the bureau's idle-land lists from the evaluated parcels.
#include "gis/io/idle_lists.hpp"

#include <algorithm>

#include "core/units.hpp"

namespace parkatlas {

namespace {

int severity(IdleClass c) {
  switch (c) {
    case IdleClass::idle_2y:
      return 0;
    case IdleClass::idle:
      return 1;
    case IdleClass::halted_idle:
      return 2;
    case IdleClass::gov_delay:
      return 3;
    default:
      return -1;
  }
}

const char* class_zh(IdleClass c) {
  switch (c) {
    case IdleClass::idle_2y:
      return "满两年未动工";
    case IdleClass::idle:
      return "满一年未动工";
    case IdleClass::halted_idle:
      return "中止开发满一年";
    case IdleClass::gov_delay:
      return "政府原因闲置";
    case IdleClass::overdue:
      return "逾期未动工";
    case IdleClass::pending:
      return "待动工";
    case IdleClass::low_eff:
      return "低效用地";
    case IdleClass::unsupplied:
      return "批而未供";
    default:
      return "";
  }
}

Cell opt_date(const std::optional<CivilDate>& d) {
  return d ? Cell{*d} : Cell{std::monostate{}};
}

}  // namespace

std::vector<size_t> idle_list_rows(const ParcelEvaluation& ev) {
  std::vector<size_t> rows;
  for (size_t i = 0; i < ev.idle.size(); ++i)
    if (severity(ev.idle[i].cls) >= 0) rows.push_back(i);
  std::stable_sort(rows.begin(), rows.end(), [&ev](size_t a, size_t b) {
    int sa = severity(ev.idle[a].cls), sb = severity(ev.idle[b].cls);
    if (sa != sb) return sa < sb;
    return ev.ind[a].land_m2 > ev.ind[b].land_m2;
  });
  return rows;
}

std::vector<size_t> low_efficiency_rows(const ParcelEvaluation& ev) {
  std::vector<size_t> rows;
  for (size_t i = 0; i < ev.idle.size(); ++i)
    if (ev.idle[i].cls == IdleClass::low_eff) rows.push_back(i);
  std::stable_sort(rows.begin(), rows.end(),
                   [&ev](size_t a, size_t b) { return ev.ind[a].land_m2 > ev.ind[b].land_m2; });
  return rows;
}

std::vector<size_t> idle_warning_rows(const ParcelEvaluation& ev) {
  std::vector<size_t> rows;
  for (size_t i = 0; i < ev.idle.size(); ++i)
    if (ev.idle[i].warning) rows.push_back(i);
  std::stable_sort(rows.begin(), rows.end(), [&ev](size_t a, size_t b) {
    return *ev.idle[a].becomes_idle < *ev.idle[b].becomes_idle;
  });
  return rows;
}

std::vector<TableColumn> idle_list_columns(const ProjectInputs& in, const ParcelEvaluation& ev,
                                           const std::vector<size_t>& rows) {
  using T = FieldType;
  using View = std::optional<std::string_view>;
  const LayerData& p = in.parcels;
  const Column &id = p.field("parcel_id"), &enterprise = p.field("enterprise"),
               &due = p.field("start_due"), &halted = p.field("halted");
  const std::vector<size_t>* r = &rows;
  // Texts are lent to the writers (text_view) rather than copied into a Cell per row: the
  // low-efficiency list of a province has 400,000 rows, written on the thread beside 批而未供.
  auto parcel_text = [r](const char* name, const Column& column) {
    const Column* c = &column;
    TableColumn t{{name, T::text}, [c, r](size_t k) { return c->cell((*r)[k]); }};
    if (c->type() == T::text)
      t.text_view = [c, r](size_t k) -> View { return c->text_view((*r)[k]); };
    return t;
  };
  // The park's column is looked up once, not per row (a million-row list calls this a million
  // times).
  auto park_attr = [&in, &ev, r](const char* name, const char* field) {
    const Column* column = in.parks ? &in.parks->field(field) : nullptr;
    TableColumn t{{name, T::text}, [&ev, r, column](size_t k) -> Cell {
                    int park = ev.park[(*r)[k]];
                    if (park < 0 || !column) return std::monostate{};
                    return column->cell(static_cast<size_t>(park));
                  }};
    if (!column || column->type() == T::text)
      t.text_view = [&ev, r, column](size_t k) -> View {
        int park = ev.park[(*r)[k]];
        if (park < 0 || !column) return std::nullopt;
        return column->text_view(static_cast<size_t>(park));
      };
    return t;
  };
  return {
      parcel_text("parcel_id", id),
      parcel_text("enterprise", enterprise),
      {{"park_id", T::text},
       [&ev, r](size_t k) { return Cell{ev.park_id[(*r)[k]]}; },
       [&ev, r](size_t k) -> View { return ev.park_id[(*r)[k]]; }},
      park_attr("park_name", "name"),
      park_attr("county", "county"),
      {{"idle_cls", T::text},
       [&ev, r](size_t k) { return Cell{std::string(to_string(ev.idle[(*r)[k]].cls))}; },
       [&ev, r](size_t k) -> View { return to_string(ev.idle[(*r)[k]].cls); }},
      {{"class_zh", T::text},
       [&ev, r](size_t k) { return Cell{std::string(class_zh(ev.idle[(*r)[k]].cls))}; },
       [&ev, r](size_t k) -> View { return class_zh(ev.idle[(*r)[k]].cls); }},
      {{"idle_days", T::integer},
       [&ev, r](size_t k) { return Cell{static_cast<std::int64_t>(ev.idle[(*r)[k]].idle_days)}; }},
      {{"land_mu", T::real}, [&ev, r](size_t k) { return Cell{ev.ind[(*r)[k]].land_mu}; }},
      {{"idle_fee", T::real},
       [&ev, r](size_t k) {
         const auto& f = ev.idle[(*r)[k]].fee;
         return f ? Cell{*f} : Cell{std::monostate{}};
       }},
      {{"start_due", T::date}, [&due, r](size_t k) { return due.cell((*r)[k]); }},
      {{"halted", T::date}, [&halted, r](size_t k) { return halted.cell((*r)[k]); }},
      {{"becomes_idle", T::date},
       [&ev, r](size_t k) { return opt_date(ev.idle[(*r)[k]].becomes_idle); }},
      {{"basis", T::text},
       [&ev, r](size_t k) { return Cell{ev.idle[(*r)[k]].basis}; },
       [&ev, r](size_t k) -> View { return ev.idle[(*r)[k]].basis; }},
  };
}

}  // namespace parkatlas
