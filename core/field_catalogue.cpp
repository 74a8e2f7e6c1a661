// Canonical field tables (transcribed from data-model.md) and alias matching.
#include "core/field_catalogue.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <cctype>

namespace parkatlas {

namespace {

using enum FieldType;
using Q = Quantity;

const std::vector<CanonicalField> kParks = {
    {"park_id", text, Q::none, {"id", "code", "代码", "园区代码", "开发区代码"}},
    {"name", text, Q::none, {"名称", "园区名称", "开发区名称"}},
    {"level", text, Q::none, {"级别", "批准级别", "园区级别"}},
    {"kind", text, Q::none, {"类型", "开发区类型"}},
    {"city", text, Q::none, {"设区市", "市", "所在市"}},
    {"county", text, Q::none, {"县", "县区", "所在县"}},
    {"approved_ha", real, Q::none, {"核准面积", "核准面积_公顷"}},
    {"industries", text, Q::none, {"主导产业"}},
    {"range", text, Q::none, {"评价范围", "KFQPJFW"}},
    // TD/T 1029 evaluation (issue 6 §2): category areas in hm² a bureau may carry per range
    // (domain.md §1.3), and the range's totals (§1.4). Given values replace derived ones.
    {"ha_A", real, Q::none, {"已建成城镇建设用地", "已建成城镇建设用地面积"}},
    {"ha_A1", real, Q::none, {"住宅用地", "住宅用地面积"}},
    {"ha_A2", real, Q::none, {"工矿仓储用地", "工矿仓储用地面积"}},
    {"ha_B", real, Q::none, {"其他可建设土地", "其他可建设土地面积"}},
    {"ha_B21", real, Q::none, {"已达到供地条件的其他土地"}},
    {"ha_C", real, Q::none, {"不可建设土地", "不可建设土地面积"}},
    {"ha_D", real, Q::none, {"已供应国有建设用地", "已供应国有建设用地面积"}},
    {"ha_D22", real, Q::none, {"有偿使用且已到期但未处置土地", "到期未处置面积"}},
    {"ha_E", real, Q::none, {"尚可供应土地", "尚可供应土地面积"}},
    {"ha_E21", real, Q::none, {"尚可供应工矿仓储用地"}},
    {"ha_G", real, Q::none, {"闲置土地", "闲置土地面积"}},
    {"ind_inv_wan", real, Q::none, {"工业企业固定资产投资总额", "GDZCTZZE"}},
    {"ind_tax_wan", real, Q::none, {"工业企业税收总额", "GYSSZE"}},
    {"tax23_wan", real, Q::none, {"二三产业税收总额", "ESCYSSZE"}},
    {"population", real, Q::none, {"常住人口", "CZRK"}},
};

const std::vector<CanonicalField> kParcels = {
    {"parcel_id", text, Q::none, {"宗地号", "宗地编号", "地块编号", "不动产单元号", "电子监管号"}},
    {"park_id", text, Q::none, {}},
    {"land_use", text, Q::none, {"用途", "土地用途", "地类编码", "DLBM", "YDYHFLDM"}},
    {"land_m2", real, Q::area, {"宗地面积", "用地面积", "土地面积"}},
    {"floor_m2", real, Q::area, {"建筑面积", "总建筑面积", "JZMJ"}},
    {"footprint_m2", real, Q::area, {"建筑基底面积", "建筑占地面积", "JZJDMJ"}},
    {"cover_m2", real, Q::area, {"建筑物构筑物堆场面积", "JDZMJ"}},
    {"invest_wan",
     real,
     Q::money,
     {"固定资产投资", "投资额", "投资总额", "累计固定资产投资", "GDZCTZZE"}},
    {"invest_done", real, Q::money, {"已投资额"}},
    {"revenue_wan", real, Q::money, {"主营业务收入", "营业收入", "总收入"}},
    {"tax_wan", real, Q::money, {"税收", "税收总额", "实缴税金"}},
    {"employees", integer, Q::none, {"从业人员", "职工人数"}},
    // Issue 6: provincial-or-higher R&D institutions of the enterprise (研发机构 per 100 firms).
    {"rd_inst", integer, Q::none, {"省级以上研发机构", "研发机构数", "研发机构"}},
    {"enterprise", text, Q::none, {"企业名称", "用地单位", "受让人", "土地使用权人"}},
    {"industry", text, Q::none, {"行业代码"}},
    {"approved", date, Q::none, {"批准日期", "批准时间"}},
    {"supplied", date, Q::none, {"供地日期", "合同签订日期", "划拨日期"}},
    {"start_due", date, Q::none, {"约定动工日期", "约定开工日期"}},
    {"started", date, Q::none, {"实际动工日期", "开工日期"}},
    {"done_due", date, Q::none, {"约定竣工日期"}},
    {"completed", date, Q::none, {"竣工日期"}},
    {"halted", date, Q::none, {"停工日期"}},
    {"dev_m2", real, Q::area, {"已开发面积"}},
    {"land_price", real, Q::money, {"出让价款", "成交价格"}},
    {"exempt", text, Q::none, {"特殊需要", "豁免原因"}},
    {"gov_cause", text, Q::none, {"政府原因"}},
    {"op_status", text, Q::none, {"生产状态", "经营状态", "运营状态", "企业状态"}},
};

const std::vector<CanonicalField> kBuildings = {
    {"floors", integer, Q::none, {"层数", "building:levels", "NumFloors"}},
    {"height_m", real, Q::none, {"高度", "height"}},
    {"storey_m", real, Q::none, {"层高"}},
    {"floor_m2", real, Q::area, {"建筑面积"}},
};

const std::vector<CanonicalField> kBatches = {
    {"batch_id", text, Q::none, {"批次号", "批准文号"}},
    {"approved", date, Q::none, {"批准日期"}},
    {"purpose", text, Q::none, {"用途"}},
};

const std::vector<CanonicalField> kConstraints = {
    {"kind", text, Q::none, {"类型"}},
};

const std::vector<CanonicalField> kDistricts = {
    {"district_id", text, Q::none, {"代码", "区划代码", "行政区划代码", "adcode", "code", "id"}},
    {"name", text, Q::none, {"名称", "区划名称", "县区", "district"}},
};

std::string ascii_lower(std::string_view s) {
  std::string r(s);
  for (auto& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

bool same_name(std::string_view source, std::string_view wanted) {
  return ascii_lower(without_broken_utf8_tail(source)) == ascii_lower(wanted);
}

}  // namespace

const std::vector<CanonicalField>& canonical_fields(LayerKind kind) {
  switch (kind) {
    case LayerKind::parks:
      return kParks;
    case LayerKind::parcels:
      return kParcels;
    case LayerKind::buildings:
      return kBuildings;
    case LayerKind::approval_batches:
      return kBatches;
    case LayerKind::constraints:
      return kConstraints;
    case LayerKind::districts:
      return kDistricts;
  }
  return kParcels;
}

std::optional<LayerKind> parse_layer_kind(std::string_view name) {
  if (name == "parks") return LayerKind::parks;
  if (name == "parcels") return LayerKind::parcels;
  if (name == "buildings") return LayerKind::buildings;
  if (name == "approval_batches") return LayerKind::approval_batches;
  if (name == "constraints") return LayerKind::constraints;
  if (name == "districts") return LayerKind::districts;
  return std::nullopt;
}

std::string_view to_string(LayerKind kind) {
  switch (kind) {
    case LayerKind::parks:
      return "parks";
    case LayerKind::parcels:
      return "parcels";
    case LayerKind::buildings:
      return "buildings";
    case LayerKind::approval_batches:
      return "approval_batches";
    case LayerKind::constraints:
      return "constraints";
    case LayerKind::districts:
      return "districts";
  }
  return "?";
}

std::string_view to_string(FieldType type) {
  switch (type) {
    case FieldType::text:
      return "text";
    case FieldType::real:
      return "real";
    case FieldType::integer:
      return "integer";
    case FieldType::date:
      return "date";
  }
  return "?";
}

std::string_view to_string(MatchedBy how) {
  switch (how) {
    case MatchedBy::none:
      return "not found";
    case MatchedBy::config:
      return "config";
    case MatchedBy::name:
      return "canonical name";
    case MatchedBy::alias:
      return "alias";
    case MatchedBy::cut_alias:
      return "cut alias";
  }
  return "?";
}

int canonical_index(LayerKind kind, std::string_view name) {
  const auto& fields = canonical_fields(kind);
  for (size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == name) return static_cast<int>(i);
  return -1;
}

std::string shapefile_cut_name(std::string_view utf8_name, std::string_view encoding,
                               size_t max_bytes) {
  std::string enc = ascii_lower(encoding);
  const bool gbk = enc == "cp936" || enc == "gbk" || enc == "gb2312" || enc == "gb18030";
  std::string out;
  size_t bytes = 0;
  for (size_t i = 0; i < utf8_name.size();) {
    size_t n = std::min(
        std::max<size_t>(1, utf8_sequence_length(static_cast<unsigned char>(utf8_name[i]))),
        utf8_name.size() - i);
    // In GBK every non-ASCII character we meet in field names (CJK) takes two bytes.
    size_t cost = gbk ? (n == 1 ? 1 : 2) : n;
    if (bytes + cost > max_bytes) break;
    out.append(utf8_name.substr(i, n));
    bytes += cost;
    i += n;
  }
  return out;
}

FieldMapping match_fields(LayerKind kind, const std::vector<std::string>& source_names,
                          const std::map<std::string, std::string>& configured,
                          std::string_view encoding_for_cut_names) {
  const auto& fields = canonical_fields(kind);
  FieldMapping m;
  m.canonical.resize(fields.size());
  std::vector<bool> used(source_names.size(), false);

  auto find_source = [&](std::string_view wanted) -> int {
    for (size_t s = 0; s < source_names.size(); ++s)
      if (!used[s] && same_name(source_names[s], wanted)) return static_cast<int>(s);
    return -1;
  };
  auto take = [&](size_t c, int s, MatchedBy how, std::string alias) {
    m.canonical[c] = FieldMatch{s, how, std::move(alias)};
    used[static_cast<size_t>(s)] = true;
  };

  for (const auto& [canonical, source] : configured) {
    int c = canonical_index(kind, canonical);
    if (c < 0) {
      m.errors.push_back("config maps unknown " + std::string(to_string(kind)) + " field '" +
                         canonical + "'");
      continue;
    }
    int s = find_source(source);
    if (s < 0) {
      m.errors.push_back("config maps " + canonical + " to source field '" + source +
                         "', which the layer does not have");
      continue;
    }
    take(static_cast<size_t>(c), s, MatchedBy::config, source);
  }
  for (size_t c = 0; c < fields.size(); ++c) {
    if (m.canonical[c].how != MatchedBy::none || configured.count(fields[c].name)) continue;
    if (int s = find_source(fields[c].name); s >= 0) take(c, s, MatchedBy::name, fields[c].name);
  }
  for (size_t c = 0; c < fields.size(); ++c) {
    if (m.canonical[c].how != MatchedBy::none || configured.count(fields[c].name)) continue;
    for (const auto& alias : fields[c].aliases)
      if (int s = find_source(alias); s >= 0) {
        take(c, s, MatchedBy::alias, alias);
        break;
      }
  }
  if (!encoding_for_cut_names.empty()) {
    for (size_t c = 0; c < fields.size(); ++c) {
      if (m.canonical[c].how != MatchedBy::none || configured.count(fields[c].name)) continue;
      for (const auto& alias : fields[c].aliases) {
        std::string cut = shapefile_cut_name(alias, encoding_for_cut_names);
        if (cut == alias || cut.empty()) continue;
        if (int s = find_source(cut); s >= 0) {
          take(c, s, MatchedBy::cut_alias, cut);
          break;
        }
      }
    }
  }
  for (size_t s = 0; s < source_names.size(); ++s)
    if (!used[s]) m.unmapped_sources.push_back(static_cast<int>(s));
  return m;
}

}  // namespace parkatlas
