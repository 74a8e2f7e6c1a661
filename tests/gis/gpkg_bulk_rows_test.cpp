// The SQLite paths that replace GDAL 3.6's per-feature GeoPackage writing: the packed R-tree
// (checked by SQLite's own rtreecheck() and by box queries whose answers are worked out by hand
// or by brute force) and the bulk rows (checked against the same rows written through GDAL,
// read back with OGR).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>

#include "geos_wkt.hpp"
#include "gis/gis_error.hpp"
#include "gis/io/csv_writer.hpp"
#include "gis/io/gpkg_bulk_rows.hpp"
#include "gis/io/results_writer.hpp"
#include "gis/io/sqlite_rtree_pack.hpp"
#include "test_paths.hpp"

namespace parkatlas {
namespace {

std::string empty_sqlite_file(const std::string& name) {
  auto path = (test::temp_dir("rtree") / name).string();
  std::ofstream(path).flush();  // a zero-byte file is an empty SQLite database
  return path;
}

std::set<std::int64_t> ids_in_window(SqliteDb& db, double minx, double maxx, double miny,
                                     double maxy) {
  auto q = db.prepare("SELECT id FROM r WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?");
  q.bind(1, minx);
  q.bind(2, maxx);
  q.bind(3, miny);
  q.bind(4, maxy);
  std::set<std::int64_t> ids;
  while (q.step()) ids.insert(q.column_int64(0));
  return ids;
}

std::string single_text(SqliteDb& db, const std::string& sql) {
  auto q = db.prepare(sql);
  EXPECT_TRUE(q.step()) << sql;
  return q.column_text(0);
}

TEST(PackedRtree, FiveBoxesAnswerWindowsWorkedOutByHand) {
  SqliteDb db(empty_sqlite_file("five.sqlite"));
  db.exec("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)");
  // Unit squares at (0,0) (2,0) (4,0) (0,2), and a long thin box along y = 10.
  fill_packed_rtree(db, "r",
                    {{1, 0, 1, 0, 1},
                     {2, 2, 3, 0, 1},
                     {3, 4, 5, 0, 1},
                     {4, 0, 1, 2, 3},
                     {5, -100, 100, 10, 10.5}});
  EXPECT_EQ(single_text(db, "SELECT rtreecheck('r')"), "ok");
  // One leaf holds all five (51 fit a node): the root is that leaf, depth 0.
  EXPECT_EQ(single_text(db, "SELECT rtreedepth(data) FROM r_node WHERE nodeno = 1"), "0");
  EXPECT_EQ(ids_in_window(db, 0.5, 2.5, 0.5, 0.6), (std::set<std::int64_t>{1, 2}));
  EXPECT_EQ(ids_in_window(db, 3.5, 3.9, 0, 1), (std::set<std::int64_t>{}));  // the gap
  EXPECT_EQ(ids_in_window(db, 0, 0.1, 0, 2.5), (std::set<std::int64_t>{1, 4}));
  EXPECT_EQ(ids_in_window(db, 99, 200, 10.2, 10.3), (std::set<std::int64_t>{5}));
}

TEST(PackedRtree, StoredFloatBoxesContainTheDoubleBoxes) {
  SqliteDb db(empty_sqlite_file("round.sqlite"));
  db.exec("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)");
  // Projected metres as parcels have them: not representable as 32-bit floats.
  const double minx = 384351.57933042, maxx = 384379.925113436, miny = 3180401.01455338,
               maxy = 3180431.41089503;
  fill_packed_rtree(db, "r", {{7, minx, maxx, miny, maxy}});
  auto q = db.prepare("SELECT minx, maxx, miny, maxy FROM r WHERE id = 7");
  ASSERT_TRUE(q.step());
  auto value = [&q](int i) { return q.column_double(i); };
  EXPECT_LE(value(0), minx);
  EXPECT_GE(value(1), maxx);
  EXPECT_LE(value(2), miny);
  EXPECT_GE(value(3), maxy);
  // …and by no more than one float step (0.03125 m at 384,000, 0.25 m at 3,180,000).
  EXPECT_GT(value(0), minx - 0.03125);
  EXPECT_LT(value(1), maxx + 0.03125);
  EXPECT_GT(value(2), miny - 0.25);
  EXPECT_LT(value(3), maxy + 0.25);
}

TEST(PackedRtree, TwentyThousandBoxesPassRtreecheckAndMatchBruteForce) {
  SqliteDb db(empty_sqlite_file("many.sqlite"));
  db.exec("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)");
  // Integer coordinates are exact in floats, so the rtree's answers must equal brute force.
  std::vector<RtreeBox> boxes;
  std::uint32_t seed = 12345;
  auto next = [&seed](std::uint32_t mod) {
    seed = seed * 1664525u + 1013904223u;
    return static_cast<double>((seed >> 8) % mod);
  };
  for (std::int64_t id = 1; id <= 20000; ++id) {
    const double x = next(100000), y = next(100000);
    boxes.push_back({id, x, x + 1 + next(300), y, y + 1 + next(300)});
  }
  db.exec("BEGIN");  // as the writer does: one transaction, not one per node
  fill_packed_rtree(db, "r", boxes);
  db.exec("COMMIT");
  EXPECT_EQ(single_text(db, "SELECT rtreecheck('r')"), "ok");
  // 20,000 boxes, 51 a node: 393 leaves, 8 nodes above them, the root (worked out in
  // sqlite_rtree_pack.cpp's slicing: 19 slices of 20 leaves and one of 13; 3 + 3 + 2 above).
  EXPECT_EQ(single_text(db, "SELECT rtreedepth(data) FROM r_node WHERE nodeno = 1"), "2");
  EXPECT_EQ(single_text(db, "SELECT count(*) FROM r_node"), std::to_string(393 + 8 + 1));
  EXPECT_EQ(single_text(db, "SELECT count(*) FROM r_rowid"), "20000");
  for (int w = 0; w < 40; ++w) {
    const double x = next(100000), y = next(100000), size = 1 + next(5000);
    std::set<std::int64_t> expected;
    for (const RtreeBox& b : boxes)
      if (b.maxx >= x && b.minx <= x + size && b.maxy >= y && b.miny <= y + size)
        expected.insert(b.id);
    EXPECT_EQ(ids_in_window(db, x, x + size, y, y + size), expected) << "window " << w;
  }
}

TEST(PackedRtree, RefusesAnIndexThatIsNotEmpty) {
  SqliteDb db(empty_sqlite_file("full.sqlite"));
  db.exec("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)");
  db.exec("INSERT INTO r VALUES (1, 0, 1, 0, 1)");
  EXPECT_THROW(fill_packed_rtree(db, "r", {{2, 0, 1, 0, 1}}), GisError);
}

using test::from_wkt;

TEST(BulkRows, WritesWhatGdalWritesForTheSameRows) {
  GeosContext geos;
  std::vector<GeomPtr> geoms;
  geoms.push_back(from_wkt(geos, "POLYGON ((0 0, 10 0, 10 5, 0 5, 0 0))"));
  geoms.push_back(from_wkt(geos,
                           "MULTIPOLYGON (((20 20, 30 20, 30 30, 20 20)), "
                           "((40 40, 41 40, 41 41, 40 40)))"));
  geoms.push_back(nullptr);
  geoms.push_back(from_wkt(geos, "POLYGON EMPTY"));
  geoms.push_back(from_wkt(geos,
                           "POLYGON ((384351.57933042 3180401.01455338, 384379.925113436 "
                           "3180401.01455338, 384379.925113436 3180431.41089503, "
                           "384351.57933042 3180401.01455338))"));
  const std::vector<std::string> names = {"一号地块", "plain", "", "含,逗号\"引号", "x"};
  using T = FieldType;
  std::vector<TableColumn> cols = {
      {{"name", T::text}, [&names](size_t i) { return text_or_null(names[i]); }},
      {{"land_m2", T::real},
       [](size_t i) { return i == 2 ? Cell{std::monostate{}} : Cell{1234.5678 * double(i)}; }},
      {{"n", T::integer}, [](size_t i) { return Cell{static_cast<std::int64_t>(i) - 2}; }},
      {{"approved", T::date},
       [](size_t i) {
         return i == 1 ? Cell{std::monostate{}}
                       : Cell{CivilDate{2020 + int(i), 2u, 29u - unsigned(i)}};
       }},
      // The same texts handed out without a copy: GDAL's writer reads `value`, the bulk writer
      // `text_view`, and the comparison below holds them to the same result.
      {{"name_view", T::text},
       [&names](size_t i) { return text_or_null(names[i]); },
       [&names](size_t i) -> std::optional<std::string_view> {
         if (names[i].empty()) return std::nullopt;
         return names[i];
       }},
  };
  const auto dir = test::temp_dir("bulk");
  const std::string path = (dir / "both.gpkg").string();
  OGRSpatialReference srs;
  srs.importFromEPSG(4548);
  Progress progress;
  {
    VectorOutput out(path, "GPKG");
    ASSERT_TRUE(out.defers_rows());
    out.begin_batch();
    auto geometry = [&geoms](size_t i) { return geoms[i].get(); };
    OutputLayer& by_gdal = out.add_layer("by_gdal", &srs, wkbMultiPolygon, fields_of(cols));
    write_rows(by_gdal, cols, geoms.size(), geometry, geos, progress, "gdal");
    OutputLayer& bulk = out.add_layer("bulk", &srs, wkbMultiPolygon, fields_of(cols));
    write_table(out, bulk, cols, geoms.size(), geometry, geos, progress, "bulk");
    OutputLayer& table = out.add_layer("bulk_table", nullptr, wkbNone, fields_of(cols));
    write_table(out, table, cols, geoms.size(), nullptr, geos, progress, "bulk table");
    out.end_batch();
    out.commit();
  }
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
  ASSERT_TRUE(ds);
  OGRLayer* a = ds->GetLayerByName("by_gdal");
  OGRLayer* b = ds->GetLayerByName("bulk");
  OGRLayer* t = ds->GetLayerByName("bulk_table");
  ASSERT_TRUE(a && b && t);
  EXPECT_EQ(b->GetFeatureCount(), 5);
  EXPECT_EQ(t->GetFeatureCount(), 5);
  EXPECT_EQ(t->GetGeomType(), wkbNone);
  OGREnvelope ea, eb;
  ASSERT_EQ(a->GetExtent(&ea, FALSE), OGRERR_NONE);
  ASSERT_EQ(b->GetExtent(&eb, FALSE), OGRERR_NONE);
  EXPECT_EQ(eb.MinX, 0);  // worked out from the geometries above
  EXPECT_EQ(eb.MaxX, 384379.925113436);
  EXPECT_EQ(eb.MinY, 0);
  EXPECT_EQ(eb.MaxY, 3180431.41089503);
  EXPECT_EQ(ea.MinX, eb.MinX);
  EXPECT_EQ(ea.MaxY, eb.MaxY);
  for (OGRLayer* other : {b, t}) {
    a->ResetReading();
    other->ResetReading();
    for (int i = 0; i < 5; ++i) {
      OGRFeatureUniquePtr fa(a->GetNextFeature()), fb(other->GetNextFeature());
      ASSERT_TRUE(fa && fb);
      EXPECT_EQ(fa->GetFID(), fb->GetFID());
      for (int f = 0; f < 5; ++f) {
        EXPECT_EQ(fa->IsFieldNull(f), fb->IsFieldNull(f)) << "row " << i << " field " << f;
        EXPECT_STREQ(fa->GetFieldAsString(f), fb->GetFieldAsString(f))
            << "row " << i << " field " << f;
      }
      if (other == t) continue;
      const OGRGeometry* ga = fa->GetGeometryRef();
      const OGRGeometry* gb = fb->GetGeometryRef();
      ASSERT_EQ(ga == nullptr, gb == nullptr) << "row " << i;
      if (!ga) continue;
      EXPECT_EQ(wkbFlatten(gb->getGeometryType()), wkbMultiPolygon) << "row " << i;
      EXPECT_EQ(ga->IsEmpty(), gb->IsEmpty()) << "row " << i;
      EXPECT_TRUE(ga->Equals(gb)) << "row " << i;
    }
  }
  // The CSV writer gives the same bytes whether it reads the texts by value or by view.
  std::vector<TableColumn> by_value = cols;
  for (auto& c : by_value) c.text_view = nullptr;
  write_csv((dir / "view.csv").string(), cols, geoms.size());
  write_csv((dir / "value.csv").string(), by_value, geoms.size());
  std::ifstream view_csv(dir / "view.csv", std::ios::binary),
      value_csv(dir / "value.csv", std::ios::binary);
  const std::string view_text((std::istreambuf_iterator<char>(view_csv)), {});
  const std::string value_text((std::istreambuf_iterator<char>(value_csv)), {});
  EXPECT_EQ(view_text, value_text);
  EXPECT_NE(view_text.find("\"含,逗号\"\"引号\""), std::string::npos);  // quoted as CSV wants
  // Row 0's fields as written above: 一号地块, 0, -2, 2020-02-29.
  b->ResetReading();
  OGRFeatureUniquePtr first(b->GetNextFeature());
  EXPECT_STREQ(first->GetFieldAsString(0), "一号地块");
  EXPECT_STREQ(first->GetFieldAsString(3), "2020/02/29");
  // The spatial index answers as GDAL's does, and GDAL's triggers are back: a feature added by
  // GDAL afterwards is indexed and counted.
  for (OGRLayer* l : {a, b}) l->SetSpatialFilterRect(5, 2, 25, 25);
  EXPECT_EQ(a->GetFeatureCount(), 2);
  EXPECT_EQ(b->GetFeatureCount(), 2);
  b->SetSpatialFilter(nullptr);
  OGRFeature added(b->GetLayerDefn());
  OGRPolygon square;
  OGRLinearRing ring;
  for (auto [x, y] : {std::pair{100.0, 100.0}, {101, 100}, {101, 101}, {100, 100}})
    ring.addPoint(x, y);
  square.addRing(&ring);
  added.SetGeometry(&square);
  ASSERT_EQ(b->CreateFeature(&added), OGRERR_NONE);
  ds.reset();
  SqliteDb db(path);
  EXPECT_EQ(single_text(db, "SELECT rtreecheck('rtree_bulk_geom')"), "ok");
  EXPECT_EQ(
      single_text(db,
                  "SELECT group_concat(id) FROM rtree_bulk_geom WHERE minx >= 99 AND maxx <= 102"),
      "6");
  EXPECT_EQ(single_text(db, "SELECT count(*) FROM rtree_bulk_geom"), "4");  // 3 + the added
  EXPECT_EQ(single_text(db,
                        "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = "
                        "'bulk'"),
            "6");
  EXPECT_EQ(single_text(db,
                        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                        "tbl_name = 'bulk'"),
            single_text(db,
                        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                        "tbl_name = 'by_gdal'"));
}

// With two cores the largest table is filled on the file's own connection while the others are
// filled beside it in a scratch file and copied in as stored records. Both ways must give the same
// file contents: rows, fids, extents, counts, R-trees, triggers, AUTOINCREMENT counters.
TEST(BulkRows, TablesFilledBesideTheLargestEqualTablesFilledInTurn) {
  GeosContext geos;
  // big: 10,000 unit triangles side by side, row i at x = i … i + 1, y = 0 … 1: more than two of
  // the writer's 4,096-row chunks, whose rows must keep their fids and R-tree boxes.
  // small: three right triangles with legs 2, row i at x = 10 + 3i … 12 + 3i, y = 10 … 12 (row 1
  // empty).
  std::vector<GeomPtr> big, small;
  for (int i = 0; i < 10000; ++i) {
    const int x = i;
    big.push_back(from_wkt(geos, "POLYGON ((" + std::to_string(x) + " 0, " + std::to_string(x + 1) +
                                     " 0, " + std::to_string(x + 1) + " 1, " + std::to_string(x) +
                                     " 0))"));
  }
  for (int i = 0; i < 3; ++i) {
    const int x = 10 + 3 * i;
    small.push_back(i == 1 ? from_wkt(geos, "POLYGON EMPTY")
                           : from_wkt(geos, "POLYGON ((" + std::to_string(x) + " 10, " +
                                                std::to_string(x + 2) + " 10, " +
                                                std::to_string(x + 2) + " 12, " +
                                                std::to_string(x) + " 10))"));
  }
  const std::vector<std::string> names = {"甲", "乙", "", "丁,", "戊", "己"};
  using T = FieldType;
  std::vector<TableColumn> cols = {
      {{"name", T::text},
       [&names](size_t i) { return text_or_null(names[i % names.size()]); },
       [&names](size_t i) -> std::optional<std::string_view> {
         if (names[i % names.size()].empty()) return std::nullopt;
         return names[i % names.size()];
       }},
      {{"value", T::real}, [](size_t i) { return Cell{0.5 * double(i)}; }},
      {{"day", T::date},
       [](size_t i) {
         return Cell{CivilDate{2024, 2u, 20u + unsigned(i % 6)}};
       }},
  };
  const auto dir = test::temp_dir("bulk-beside");
  OGRSpatialReference srs;
  srs.importFromEPSG(4548);
  Progress progress;
  const char* before = std::getenv("PARKATLAS_THREADS");
  const std::optional<std::string> saved =
      before ? std::optional<std::string>(before) : std::nullopt;
  auto write = [&](const std::string& path, const char* threads) {
    setenv("PARKATLAS_THREADS", threads, 1);
    VectorOutput out(path, "GPKG");
    out.begin_batch();
    OutputLayer& b = out.add_layer("big", &srs, wkbMultiPolygon, fields_of(cols));
    write_table(
        out, b, cols, big.size(), [&big](size_t i) { return big[i].get(); }, geos, progress, "big");
    OutputLayer& s = out.add_layer("small", &srs, wkbMultiPolygon, fields_of(cols));
    write_table(
        out, s, cols, small.size(), [&small](size_t i) { return small[i].get(); }, geos, progress,
        "small");
    OutputLayer& p = out.add_layer("plain", nullptr, wkbNone, fields_of(cols));
    write_table(out, p, cols, 4, nullptr, geos, progress, "plain");
    out.end_batch();
    out.commit();
  };
  const std::string in_turn = (dir / "in_turn.gpkg").string(),
                    beside = (dir / "beside.gpkg").string();
  write(in_turn, "1");
  write(beside, "2");
  if (saved)
    setenv("PARKATLAS_THREADS", saved->c_str(), 1);
  else
    unsetenv("PARKATLAS_THREADS");

  SqliteDb db(beside);
  db.exec("ATTACH '" + in_turn + "' AS t");
  for (const char* table : {"big", "small", "plain"}) {
    const std::string a = std::string("main.") + table, b = std::string("t.") + table;
    EXPECT_EQ(single_text(db, "SELECT count(*) FROM " + a),
              single_text(db, "SELECT count(*) FROM " + b));
    EXPECT_EQ(
        single_text(db, "SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT SELECT * FROM " + b +
                            ") ,(SELECT * FROM " + b + " EXCEPT SELECT * FROM " + a + ")"),
        "0")
        << table;
    for (const char* meta :
         {"SELECT min_x || ' ' || max_x || ' ' || min_y || ' ' || max_y FROM %.gpkg_contents "
          "WHERE table_name = '$'",
          "SELECT feature_count FROM %.gpkg_ogr_contents WHERE table_name = '$'",
          "SELECT seq FROM %.sqlite_sequence WHERE name = '$'",
          "SELECT count(*) FROM %.sqlite_master WHERE type = 'trigger' AND tbl_name = '$'"}) {
      auto sql = [&](const char* schema) {
        std::string q = meta;
        q.replace(q.find('%'), 1, schema);
        q.replace(q.find('$'), 1, table);
        return q;
      };
      EXPECT_EQ(single_text(db, sql("main")), single_text(db, sql("t"))) << sql("main");
    }
  }
  EXPECT_EQ(
      single_text(db, "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'small'"),
      "3");
  // The squares of rows 0 and 2 span x 10 … 18 and y 10 … 12 (row 1 is empty).
  EXPECT_EQ(single_text(db,
                        "SELECT min_x || ' ' || max_x || ' ' || min_y || ' ' || max_y FROM "
                        "gpkg_contents WHERE table_name = 'small'"),
            "10.0 18.0 10.0 12.0");
  EXPECT_EQ(single_text(db, "SELECT rtreecheck('rtree_small_geom')"), "ok");
  EXPECT_EQ(
      single_text(db, "SELECT group_concat(id) FROM (SELECT id FROM rtree_small_geom ORDER BY id)"),
      "1,3");
  EXPECT_EQ(single_text(db, "SELECT group_concat(id) FROM rtree_small_geom WHERE minx >= 15"), "3");
  for (const char* rtree : {"rtree_big_geom", "rtree_small_geom"})
    EXPECT_EQ(single_text(db, std::string("SELECT count(*) FROM (SELECT * FROM main.") + rtree +
                                  " EXCEPT SELECT * FROM t." + rtree + "), (SELECT * FROM t." +
                                  rtree + " EXCEPT SELECT * FROM main." + rtree + ")"),
              "0")
        << rtree;
  EXPECT_EQ(single_text(db, "SELECT rtreecheck('rtree_big_geom')"), "ok");
  EXPECT_EQ(single_text(db, "SELECT count(*) FROM rtree_big_geom WHERE maxx <= 3"), "3");
  db.exec("DETACH t");
  for (const auto& e : std::filesystem::directory_iterator(dir))
    EXPECT_EQ(e.path().string().find("-rows"), std::string::npos) << e.path();
}

}  // namespace
}  // namespace parkatlas

// RFC 4180: a field is quoted when it holds a comma, a quote, CR or LF, and its quotes doubled;
// any other text (Chinese included) is written as it is.
TEST(CsvWriter, QuotesExactlyTheTextsThatNeedIt) {
  auto text = [](const char* s) { return parkatlas::csv_field(parkatlas::Cell{std::string(s)}); };
  EXPECT_EQ(text("江西达达精密有限公司 0601"), "江西达达精密有限公司 0601");
  EXPECT_EQ(text(""), "");
  EXPECT_EQ(text("1,5"), "\"1,5\"");
  EXPECT_EQ(text("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(text("line\nbreak"), "\"line\nbreak\"");
  EXPECT_EQ(text("carriage\rreturn"), "\"carriage\rreturn\"");
  EXPECT_EQ(text("tab\tand;semicolon"), "tab\tand;semicolon");
  // Each special character at every position of texts longer than the eight bytes looked at
  // together, among Chinese (bytes of 0x80 and above).
  for (const std::string special : {",", "\"", "\r", "\n"}) {
    for (size_t at = 0; at <= 20; ++at) {
      std::string s = "园区企业名称甲乙";  // 24 bytes
      s.insert(at, special);
      std::string quoted = s;
      if (special == "\"") quoted.insert(at, "\"");
      EXPECT_EQ(parkatlas::csv_field(parkatlas::Cell{s}), "\"" + quoted + "\"") << at;
    }
  }
  EXPECT_EQ(text("园区企业名称甲乙丙丁 no specials at all, but one"),
            "\"园区企业名称甲乙丙丁 no specials at all, but one\"");
  EXPECT_EQ(text("园区企业名称甲乙丙丁 no specials at all"),
            "园区企业名称甲乙丙丁 no specials at all");
}
