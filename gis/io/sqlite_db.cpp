// SQLite connection and statement handles.
#include "gis/io/sqlite_db.hpp"

#include "gis/gis_error.hpp"

namespace parkatlas {

SqliteDb::SqliteDb(const std::string& path) : path_(path) {
  sqlite3* db = nullptr;
  // One thread uses the connection: no per-call mutex (it showed as 10 % of a bulk insert).
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  db_.reset(db);
  if (rc != SQLITE_OK) fail("cannot open as SQLite");
}

void SqliteDb::exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw GisError("SQLite: " + text + " (in: " + sql.substr(0, 120) + ")", {path_});
  }
}

SqliteStatement SqliteDb::prepare(const std::string& sql) {
  return SqliteStatement(*this, sql);
}

void SqliteDb::fail(const std::string& what) const {
  throw GisError(what + ": " + (db_ ? sqlite3_errmsg(db_.get()) : "out of memory"), {path_});
}

SqliteStatement::SqliteStatement(SqliteDb& db, const std::string& sql) : db_(&db) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size()), &s, nullptr) !=
      SQLITE_OK)
    db.fail("cannot prepare " + sql.substr(0, 120));
  stmt_.reset(s);
}

bool SqliteStatement::step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_->fail("SQLite statement failed");
}

void SqliteStatement::run_and_reset() {
  int rc = sqlite3_step(stmt_.get());
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) db_->fail("cannot write a row");
  sqlite3_reset(stmt_.get());
}

std::string SqliteStatement::column_text(int i) const {
  const unsigned char* t = sqlite3_column_text(stmt_.get(), i);
  return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
}

std::string sql_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace parkatlas
