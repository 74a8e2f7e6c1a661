// GeoPackage rows through SQLite: the geometry blob is the GeoPackage binary header (OGC 12-128r18
// §2.1.3: "GP", version 0, flags, srs_id, envelope minx maxx miny maxy) followed by GEOS's WKB.
#include "gis/io/gpkg_bulk_rows.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <limits>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>

#include "core/civil_date.hpp"
#include "gis/geos/polygon_wkb.hpp"
#include "gis/gis_error.hpp"
#include "gis/io/sqlite_rtree_pack.hpp"
#include "gis/parallel.hpp"

namespace parkatlas {

namespace {

struct WkbWriterDeleter {
  GEOSContextHandle_t h;
  void operator()(GEOSWKBWriter* w) const { GEOSWKBWriter_destroy_r(h, w); }
};

struct GeometryColumn {
  std::string name;
  std::string type;  // gpkg_geometry_columns.geometry_type_name, e.g. MULTIPOLYGON
  std::int32_t srs_id = 0;
};

std::optional<GeometryColumn> geometry_column(SqliteDb& db, const std::string& table) {
  auto q = db.prepare(
      "SELECT column_name, upper(geometry_type_name), srs_id FROM gpkg_geometry_columns WHERE "
      "lower(table_name) = lower(?)");
  q.bind_text(1, table);
  if (!q.step()) return std::nullopt;
  return GeometryColumn{q.column_text(0), q.column_text(1),
                        static_cast<std::int32_t>(q.column_int64(2))};
}

void append_le32(std::string& out, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) out += static_cast<char>((v >> (8 * k)) & 0xFF);
}
void append_le_double(std::string& out, double d) {
  char b[8];
  std::memcpy(b, &d, 8);  // little-endian hosts only (checked at compile time below)
  out.append(b, 8);
}
static_assert(std::endian::native == std::endian::little, "GeoPackage blobs are written LE");

// Builds the GeoPackage blob of g into `out`; adds its box to `box` (false when empty).
bool gpkg_blob(const GeosContext& geos, GEOSWKBWriter* writer, const GEOSGeometry* g,
               const GeometryColumn& column, std::string& out, RtreeBox& box) {
  GEOSContextHandle_t h = geos.handle();
  const bool empty = GEOSisEmpty_r(h, g) == 1;
  out.assign("GP");
  out += '\0';                                    // version 1.0
  out += static_cast<char>(empty ? 0x11 : 0x03);  // little-endian; envelope xy, or empty
  append_le32(out, static_cast<std::uint32_t>(column.srs_id));
  if (!empty) {
    const GeomBox b = box_of(geos, g);
    box.minx = b.x0;
    box.maxx = b.x1;
    box.miny = b.y0;
    box.maxy = b.y1;
    append_le_double(out, box.minx);
    append_le_double(out, box.maxx);
    append_le_double(out, box.miny);
    append_le_double(out, box.maxy);
  }
  // A polygon in a MULTIPOLYGON column becomes a multipolygon of one (what OGR's
  // forceToMultiPolygon gives): the multipolygon's WKB header, then the polygon's WKB.
  if (GEOSGeomTypeId_r(h, g) == GEOS_POLYGON && column.type == "MULTIPOLYGON") {
    out += '\x01';
    append_le32(out, 6);
    append_le32(out, empty ? 0 : 1);
    if (empty) return false;
  }
  if (append_polygonal_wkb(geos, g, out)) return !empty;  // the same bytes, much faster
  size_t n = 0;
  unsigned char* wkb = GEOSWKBWriter_write_r(h, writer, g, &n);
  if (!wkb) throw GisError("cannot encode a geometry as WKB: " + geos.take_error());
  out.append(reinterpret_cast<const char*>(wkb), n);
  GEOSFree_r(h, wkb);
  return !empty;
}

constexpr size_t kChunkRows = 4096;

// Rows encoded by the second thread: cells row-major (dates already as ISO text; lent texts as
// views, which stay valid until the rows are inserted), geometry blobs, and the boxes of
// non-empty geometries. The inserting thread only binds: it is the one that sets the pace.
struct EncodedChunk {
  size_t first = 0, n = 0;
  std::vector<Cell> cells;
  std::vector<std::optional<std::string_view>> views;
  std::vector<std::string> blobs;
  std::vector<char> geometry_null;
  std::vector<RtreeBox> boxes;
};

// Two chunks circulate: one being encoded while the other is inserted.
class ChunkQueue {
 public:
  ChunkQueue() {
    for (int k = 0; k < 2; ++k) free_.push_back(std::make_unique<EncodedChunk>());
  }
  std::unique_ptr<EncodedChunk> take_free() { return take(free_); }
  std::unique_ptr<EncodedChunk> take_filled() { return take(filled_); }
  void put_free(std::unique_ptr<EncodedChunk> c) { put(free_, std::move(c)); }
  void put_filled(std::unique_ptr<EncodedChunk> c) { put(filled_, std::move(c)); }
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
  }

 private:
  using List = std::deque<std::unique_ptr<EncodedChunk>>;
  std::unique_ptr<EncodedChunk> take(List& list) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || !list.empty(); });
    if (stopped_ || list.empty()) return nullptr;
    auto c = std::move(list.front());
    list.pop_front();
    return c;
  }
  void put(List& list, std::unique_ptr<EncodedChunk> c) {
    std::lock_guard lock(mutex_);
    list.push_back(std::move(c));
    changed_.notify_all();
  }
  std::mutex mutex_;
  std::condition_variable changed_;
  List free_, filled_;
  bool stopped_ = false;
};

}  // namespace

namespace {

// GDAL's R-tree triggers call GDAL's SQL functions (ST_MinX …), which this connection does not
// have, and the feature-count triggers would count row by row: they are lifted while the rows go
// in (the index is packed at the end instead) and put back unchanged afterwards.
using Triggers = std::vector<std::pair<std::string, std::string>>;

Triggers lift_triggers(SqliteDb& db, const std::string& table) {
  Triggers triggers;
  {
    auto q = db.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND lower(tbl_name) = "
        "lower(?)");
    q.bind_text(1, table);
    while (q.step()) triggers.emplace_back(q.column_text(0), q.column_text(1));
  }
  for (const auto& [name, sql] : triggers) db.exec("DROP TRIGGER " + sql_identifier(name));
  return triggers;
}

void put_back(SqliteDb& db, const Triggers& triggers) {
  for (const auto& [name, sql] : triggers) db.exec(sql);
}

bool has_table(SqliteDb& db, const std::string& name) {
  auto q = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = ?");
  q.bind_text(1, name);
  q.step();
  return q.column_int64(0) > 0;
}

std::int64_t row_count(SqliteDb& db, const std::string& table) {
  auto q = db.prepare("SELECT count(*) FROM " + table);
  q.step();
  return q.column_int64(0);
}

// The name GDAL gives a table's spatial index.
std::string rtree_of(const std::string& table, const GeometryColumn& geom) {
  return "rtree_" + table + "_" + geom.name;
}

// The boxes of the rows' non-empty geometries (R-tree entries) and their extent.
struct InsertedRows {
  std::vector<RtreeBox> boxes;
  RtreeBox extent{0, std::numeric_limits<double>::infinity(),
                  -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
                  -std::numeric_limits<double>::infinity()};
};

// Inserts the rows into the empty table `table` of `db` (whose triggers are lifted), fid i + 1
// for row i; `geom` is the table's geometry column as the GeoPackage registers it.
InsertedRows insert_rows(SqliteDb& db, const std::string& table, const BulkRows& rows,
                         const std::optional<GeometryColumn>& geom, const GeosContext& geos,
                         Progress& progress, const std::string& stage) {
  const std::vector<TableColumn>& columns = *rows.columns;
  if (row_count(db, sql_identifier(table)) != 0)
    throw GisError("bulk rows need an empty table", {db.path(), table});
  std::string sql = "INSERT INTO " + sql_identifier(table) + " (";
  std::string values;
  if (geom) {
    sql += sql_identifier(geom->name);
    values = "?";
  }
  for (const TableColumn& c : columns) {
    sql += (values.empty() ? "" : ", ") + sql_identifier(c.field.name);
    values += values.empty() ? "?" : ", ?";
  }
  auto insert = db.prepare(sql + ") VALUES (" + values + ")");

  // Rows are encoded (cells evaluated, geometry blobs built) on a second thread while this one
  // inserts the previous chunk: the two halves cost about the same.
  InsertedRows inserted;
  std::vector<RtreeBox>& boxes = inserted.boxes;
  RtreeBox& extent = inserted.extent;
  if (geom) boxes.reserve(rows.rows);
  ChunkQueue queue;
  std::exception_ptr encode_error;
  std::thread encoder([&] {
    try {
      std::unique_ptr<GEOSWKBWriter, WkbWriterDeleter> writer(GEOSWKBWriter_create_r(geos.handle()),
                                                              {geos.handle()});
      GEOSWKBWriter_setByteOrder_r(geos.handle(), writer.get(), GEOS_WKB_NDR);
      GEOSWKBWriter_setOutputDimension_r(geos.handle(), writer.get(), 2);
      for (size_t first = 0; first < rows.rows; first += kChunkRows) {
        std::unique_ptr<EncodedChunk> chunk = queue.take_free();
        if (!chunk) return;  // the inserter gave up
        chunk->first = first;
        chunk->n = std::min(kChunkRows, rows.rows - first);
        chunk->cells.resize(chunk->n * columns.size());
        chunk->views.resize(chunk->n * columns.size());
        chunk->blobs.resize(chunk->n);
        chunk->geometry_null.assign(chunk->n, 1);
        chunk->boxes.clear();
        for (size_t r = 0; r < chunk->n; ++r) {
          const size_t i = first + r;
          if (geom) {
            if (const GEOSGeometry* g = rows.geometry(i)) {
              RtreeBox box{static_cast<std::int64_t>(i) + 1, 0, 0, 0, 0};  // fid of row i
              if (gpkg_blob(geos, writer.get(), g, *geom, chunk->blobs[r], box))
                chunk->boxes.push_back(box);
              chunk->geometry_null[r] = 0;
            }
          }
          Cell* cells = &chunk->cells[r * columns.size()];
          std::optional<std::string_view>* views = &chunk->views[r * columns.size()];
          for (size_t c = 0; c < columns.size(); ++c) {
            if (columns[c].text_view) {  // bound straight from its text by the inserter
              views[c] = columns[c].text_view(i);
              continue;
            }
            cells[c] = columns[c].value(i);
            if (auto dt = std::get_if<CivilDate>(&cells[c])) cells[c] = to_iso(*dt);
          }
        }
        queue.put_filled(std::move(chunk));
      }
    } catch (...) {
      encode_error = std::current_exception();
    }
    queue.put_filled(nullptr);  // end of rows
  });
  struct StopEncoder {
    ChunkQueue& queue;
    std::thread& encoder;
    ~StopEncoder() {
      queue.stop();
      if (encoder.joinable()) encoder.join();
    }
  } stop_encoder{queue, encoder};

  const int first_field = geom ? 2 : 1;
  progress.begin(stage, static_cast<long long>(rows.rows));
  while (std::unique_ptr<EncodedChunk> chunk = queue.take_filled()) {
    progress.advance(static_cast<long long>(chunk->first));
    for (size_t r = 0; r < chunk->n; ++r) {
      const size_t i = chunk->first + r;
      count_feature_for_crash_test();
      if (geom) {
        if (chunk->geometry_null[r])
          insert.bind_null(1);
        else
          insert.bind_blob(1, chunk->blobs[r].data(), chunk->blobs[r].size());
      }
      const Cell* cells = &chunk->cells[r * columns.size()];
      const std::optional<std::string_view>* views = &chunk->views[r * columns.size()];
      for (size_t c = 0; c < columns.size(); ++c) {
        const int at = first_field + static_cast<int>(c);
        if (columns[c].text_view) {
          if (const std::optional<std::string_view>& t = views[c])
            insert.bind_text(at, *t);
          else
            insert.bind_null(at);
          continue;
        }
        const Cell& v = cells[c];
        if (auto d = std::get_if<double>(&v))
          insert.bind(at, *d);
        else if (auto n = std::get_if<std::int64_t>(&v))
          insert.bind(at, *n);
        else if (auto t = std::get_if<std::string>(&v))
          insert.bind_text(at, *t);
        else
          insert.bind_null(at);
      }
      insert.run_and_reset();
      if (sqlite3_last_insert_rowid(db.handle()) != static_cast<std::int64_t>(i) + 1)
        throw GisError("unexpected feature id after a bulk insert", {db.path(), table});
    }
    for (const RtreeBox& box : chunk->boxes) {
      boxes.push_back(box);
      extent.minx = std::min(extent.minx, box.minx);
      extent.maxx = std::max(extent.maxx, box.maxx);
      extent.miny = std::min(extent.miny, box.miny);
      extent.maxy = std::max(extent.maxy, box.maxy);
    }
    queue.put_free(std::move(chunk));
  }
  if (encode_error) std::rethrow_exception(encode_error);
  progress.end();

  return inserted;
}

// The GeoPackage's bookkeeping of a table filled by insert_rows: its extent in gpkg_contents, its
// count in gpkg_ogr_contents and its packed R-tree.
void finish_table(SqliteDb& db, const std::string& table, size_t rows,
                  const std::optional<GeometryColumn>& geom, InsertedRows inserted,
                  bool pack_rtree = true) {
  const RtreeBox& extent = inserted.extent;
  if (geom && !inserted.boxes.empty()) {
    auto q = db.prepare(
        "UPDATE gpkg_contents SET min_x = ?, max_x = ?, min_y = ?, max_y = ?, last_change = "
        "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE lower(table_name) = lower(?)");
    q.bind(1, extent.minx);
    q.bind(2, extent.maxx);
    q.bind(3, extent.miny);
    q.bind(4, extent.maxy);
    q.bind_text(5, table);
    q.run_and_reset();
  }
  {
    auto q = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'gpkg_ogr_contents'");
    q.step();
    if (q.column_int64(0) > 0) {
      auto u = db.prepare(
          "UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)");
      u.bind(1, static_cast<std::int64_t>(rows));
      u.bind_text(2, table);
      u.run_and_reset();
    }
  }
  if (geom && pack_rtree) {
    const std::string rtree = rtree_of(table, *geom);
    if (has_table(db, rtree)) fill_packed_rtree(db, rtree, std::move(inserted.boxes));
  }
}

// The R-tree entries of the rows, as insert_rows finds them: fid i + 1 for each non-empty geometry.
std::vector<RtreeBox> boxes_of(const BulkRows& rows, const GeosContext& geos) {
  std::vector<RtreeBox> boxes;
  boxes.reserve(rows.rows);
  for (size_t i = 0; i < rows.rows; ++i) {
    const GEOSGeometry* g = rows.geometry(i);
    if (!g || GEOSisEmpty_r(geos.handle(), g) == 1) continue;
    const GeomBox b = box_of(geos, g);
    boxes.push_back({static_cast<std::int64_t>(i) + 1, b.x0, b.x1, b.y0, b.y1});
  }
  return boxes;
}

// Makes table `name` of the main database again in the attached `scratch` one, declared alike.
void declare_in_scratch(SqliteDb& db, const std::string& name) {
  auto q = db.prepare("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?");
  q.bind_text(1, name);
  const std::string prefix = "CREATE TABLE ";
  const std::string create = q.step() ? q.column_text(0) : "";
  if (create.rfind(prefix, 0) != 0)
    throw GisError("unexpected table definition", {db.path(), name});
  db.exec(prefix + "scratch." + create.substr(prefix.size()));
}

std::optional<GeometryColumn> checked_geometry_column(SqliteDb& db, const std::string& table,
                                                      const BulkRows& rows) {
  const auto geom = rows.geometry ? geometry_column(db, table) : std::nullopt;
  if (rows.geometry && !geom)
    throw GisError("no geometry column registered for the table", {db.path(), table});
  return geom;
}

// Removes the scratch file however the writing ends.
struct ScratchFile {
  std::string path;
  ~ScratchFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

}  // namespace

void append_gpkg_rows(SqliteDb& db, const std::string& table, const BulkRows& rows,
                      const GeosContext& geos, Progress& progress, const std::string& stage) {
  const auto geom = checked_geometry_column(db, table, rows);
  const Triggers triggers = lift_triggers(db, table);
  InsertedRows inserted = insert_rows(db, table, rows, geom, geos, progress, stage);
  finish_table(db, table, rows.rows, geom, std::move(inserted));
  put_back(db, triggers);
}

void write_gpkg_tables(SqliteDb& db, const std::vector<BulkTable>& tables, const GeosContext& geos,
                       Progress& progress) {
  // The file is a temporary one renamed only on success: no journal needed.
  db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF");
  if (tables.size() < 2 || worker_count() < 2) {
    db.exec("BEGIN");
    for (const BulkTable& t : tables)
      append_gpkg_rows(db, t.table, t.rows, geos, progress, t.stage);
    db.exec("COMMIT");
    return;
  }
  // SQLite has one writer per file, and the inserting thread sets the pace (a province's parcels:
  // 3 s, with the encoder beside it half idle). The largest table goes in here; the others go
  // meanwhile, on a thread of their own, into a scratch file holding the same tables, and are
  // then copied in as stored records (SQLite's transfer optimisation, for INSERT … SELECT * of
  // tables declared alike: no row is decoded).
  size_t largest = 0;
  for (size_t k = 1; k < tables.size(); ++k)
    if (tables[k].rows.rows > tables[largest].rows.rows) largest = k;
  std::vector<std::optional<GeometryColumn>> geoms;
  for (const BulkTable& t : tables) geoms.push_back(checked_geometry_column(db, t.table, t.rows));
  ScratchFile scratch{db.path() + "-rows"};
  auto attach_scratch = [&] {
    auto attach = db.prepare("ATTACH ? AS scratch");
    attach.bind_text(1, scratch.path);
    attach.run_and_reset();
  };
  {
    // An empty file is an empty database (ATTACH does not create files for this connection).
    std::ofstream empty(scratch.path, std::ios::binary | std::ios::trunc);
    if (!empty) throw GisError("cannot create a scratch file", {scratch.path});
  }
  attach_scratch();
  db.exec("PRAGMA scratch.page_size = 65536; PRAGMA scratch.journal_mode = OFF");
  for (size_t k = 0; k < tables.size(); ++k)
    if (k != largest) declare_in_scratch(db, tables[k].table);
  // The largest table's R-tree is packed beside it as well (half a second for a million parcels),
  // into copies of the index's own tables, its empty root node included.
  const BulkTable& big = tables[largest];
  std::string big_rtree;
  if (geoms[largest] && has_table(db, rtree_of(big.table, *geoms[largest]))) {
    big_rtree = rtree_of(big.table, *geoms[largest]);
    for (const char* part : {"_node", "_rowid", "_parent"})
      declare_in_scratch(db, big_rtree + part);
    db.exec("INSERT INTO scratch." + sql_identifier(big_rtree + "_node") + " SELECT * FROM main." +
            sql_identifier(big_rtree + "_node") + " WHERE nodeno = 1");
  }
  db.exec("DETACH scratch");

  std::vector<InsertedRows> inserted(tables.size());
  std::exception_ptr side_error;
  std::thread side([&] {
    // Mostly on the core the largest table leaves idle: beside it at the same priority, this
    // thread slowed the inserting thread that sets the pace by as much as it saved. A lower
    // priority (nice 10, about a tenth of a normal thread's share; its encoder inherits it), not
    // SCHED_IDLE: on a machine kept busy by other programs an idle-class thread hardly runs, and
    // an unprivileged one cannot be raised again.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
    try {
      SqliteDb side_db(scratch.path);
      side_db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN");
      GeosContext own;  // GEOS contexts are not shared between threads
      Progress quiet;   // the console shows the largest table's progress
      for (size_t k = 0; k < tables.size(); ++k)
        if (k != largest)
          inserted[k] = insert_rows(side_db, tables[k].table, tables[k].rows, geoms[k], own, quiet,
                                    tables[k].stage);
      if (!big_rtree.empty()) fill_packed_rtree(side_db, big_rtree, boxes_of(big.rows, own));
      side_db.exec("COMMIT");
    } catch (...) {
      side_error = std::current_exception();
    }
  });
  JoinOnExit joiner{side};
  db.exec("BEGIN");
  {
    const Triggers triggers = lift_triggers(db, big.table);
    InsertedRows rows =
        insert_rows(db, big.table, big.rows, geoms[largest], geos, progress, big.stage);
    finish_table(db, big.table, big.rows.rows, geoms[largest], std::move(rows),
                 /*pack_rtree=*/big_rtree.empty());
    put_back(db, triggers);
  }
  db.exec("COMMIT");
  side.join();
  if (side_error) std::rethrow_exception(side_error);

  attach_scratch();
  db.exec("BEGIN");
  for (size_t k = 0; k < tables.size(); ++k) {
    if (k == largest) continue;
    const std::string& table = tables[k].table;
    const Triggers triggers = lift_triggers(db, table);
    if (row_count(db, "main." + sql_identifier(table)) != 0)
      throw GisError("bulk rows need an empty table", {db.path(), table});
    db.exec("INSERT INTO main." + sql_identifier(table) + " SELECT * FROM scratch." +
            sql_identifier(table));
    finish_table(db, table, tables[k].rows.rows, geoms[k], std::move(inserted[k]));
    put_back(db, triggers);
  }
  if (!big_rtree.empty()) {
    if (row_count(db, "main." + sql_identifier(big_rtree + "_rowid")) != 0)
      throw GisError("the spatial index " + big_rtree + " is not empty", {db.path()});
    db.exec("DELETE FROM main." + sql_identifier(big_rtree + "_node"));
    for (const char* part : {"_node", "_rowid", "_parent"})
      db.exec("INSERT INTO main." + sql_identifier(big_rtree + part) + " SELECT * FROM scratch." +
              sql_identifier(big_rtree + part));
  }
  db.exec("COMMIT");
  db.exec("DETACH scratch");
}

}  // namespace parkatlas
