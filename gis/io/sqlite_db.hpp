// RAII handles for a SQLite connection and its prepared statements, with errors that name the
// file: used where GDAL 3.6 has no fast path (bulk GeoPackage rows, packed R-trees).
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace parkatlas {

class SqliteStatement;

class SqliteDb {
 public:
  explicit SqliteDb(const std::string& path);  // opens an existing file read-write
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;
  void exec(const std::string& sql);
  SqliteStatement prepare(const std::string& sql);
  // Throws a GisError naming the file and `what`, with SQLite's message.
  [[noreturn]] void fail(const std::string& what) const;
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_.get(); }

 private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  std::string path_;
  std::unique_ptr<sqlite3, Closer> db_;
};

class SqliteStatement {
 public:
  SqliteStatement(SqliteDb& db, const std::string& sql);
  // Binding by 1-based position; texts and blobs must outlive step().
  void bind_null(int i) { check(sqlite3_bind_null(stmt_.get(), i)); }
  void bind(int i, double v) { check(sqlite3_bind_double(stmt_.get(), i, v)); }
  void bind(int i, std::int64_t v) { check(sqlite3_bind_int64(stmt_.get(), i, v)); }
  void bind_text(int i, std::string_view v) {
    check(sqlite3_bind_text(stmt_.get(), i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC));
  }
  void bind_blob(int i, const void* data, size_t n) {
    check(sqlite3_bind_blob(stmt_.get(), i, data, static_cast<int>(n), SQLITE_STATIC));
  }
  bool step();           // true while a row is available
  void run_and_reset();  // one step of a statement that returns no rows, then reset
  std::int64_t column_int64(int i) const { return sqlite3_column_int64(stmt_.get(), i); }
  double column_double(int i) const { return sqlite3_column_double(stmt_.get(), i); }
  std::string column_text(int i) const;

 private:
  void check(int rc) const {
    if (rc != SQLITE_OK) db_->fail("binding a value");
  }
  struct Finalizer {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  SqliteDb* db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

// "name" with embedded quotes doubled, for identifiers in SQL text.
std::string sql_identifier(std::string_view name);

}  // namespace parkatlas
