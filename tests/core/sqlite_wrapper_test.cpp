// The SQLite wrapper of core's backend (src/backend/sqlite/sqlite.h) on in-memory databases:
// transactions roll back unless committed, misuse throws, errors carry SQLite's message.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <stdexcept>
#include <string>

#include "cmoc/error.h"
#include "src/backend/sqlite/sqlite.h"  // white-box: the backend's wrapper

using cmoc::sql::Db;
using cmoc::sql::Stmt;
using cmoc::sql::Transaction;

namespace {

Db memoryDb() {
  Db db(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT UNIQUE, n REAL)");
  return db;
}

std::int64_t rows(const Db& db) {
  Stmt st(db, "SELECT count(*) FROM t");
  return st.step() ? st.i64(0) : -1;
}

}  // namespace

TEST(SqliteWrapper, ACommittedTransactionKeepsItsRows) {
  Db db = memoryDb();
  Transaction tx(db);
  db.exec("INSERT INTO t(name) VALUES ('a')");
  tx.commit();
  EXPECT_EQ(rows(db), 1);
}

TEST(SqliteWrapper, ATransactionLeftByAnExceptionRollsBack) {
  Db db = memoryDb();
  EXPECT_THROW(
      {
        Transaction tx(db);
        db.exec("INSERT INTO t(name) VALUES ('a')");
        throw std::runtime_error("the action failed halfway");
      },
      std::runtime_error);
  EXPECT_EQ(rows(db), 0);
  // The connection is usable again: no transaction was left open.
  Transaction again(db);
  db.exec("INSERT INTO t(name) VALUES ('b')");
  again.commit();
  EXPECT_EQ(rows(db), 1);
}

TEST(SqliteWrapper, ASecondCommitIsRefused) {
  Db db = memoryDb();
  Transaction tx(db);
  db.exec("INSERT INTO t(name) VALUES ('a')");
  tx.commit();
  EXPECT_THROW(tx.commit(), cmoc::Error);
  EXPECT_EQ(rows(db), 1);
}

TEST(SqliteWrapper, ATransactionCannotBeginInsideAnother) {
  Db db = memoryDb();
  Transaction outer(db);
  EXPECT_THROW(Transaction inner(db), cmoc::Error);
}

TEST(SqliteWrapper, AStatementThatDoesNotPrepareThrowsWithSqlitesMessage) {
  Db db = memoryDb();
  try {
    Stmt st(db, "SELECT nope FROM t");
    FAIL() << "prepared a statement naming a missing column";
  } catch (const cmoc::Error& e) {
    EXPECT_NE(std::string(e.what()).find("no such column: nope"), std::string::npos) << e.what();
  }
}

TEST(SqliteWrapper, AConstraintViolationThrowsAndTheStatementCanRunAgain) {
  Db db = memoryDb();
  Stmt ins(db, "INSERT INTO t(name) VALUES (?)");
  ins.bind(1, "a").run();
  EXPECT_THROW(ins.bind(1, "a").run(), cmoc::Error);
  ins.reset();
  ins.bind(1, "b").run();
  EXPECT_EQ(rows(db), 2);
}

TEST(SqliteWrapper, BindsAndReadsEveryKindOfValue) {
  Db db = memoryDb();
  Stmt ins(db, "INSERT INTO t(name, n) VALUES (?, ?)");
  ins.bind(1, std::string("Zoë")).bind(2, 2.5).run();
  ins.bind(1, std::optional<std::string>()).bind(2, std::optional<double>()).run();
  EXPECT_EQ(db.changes(), 1);
  const std::int64_t last = db.lastInsertId();

  Stmt st(db, "SELECT id, name, n FROM t ORDER BY id");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.str(1), "Zoë");
  EXPECT_EQ(st.view(1), "Zoë");
  EXPECT_DOUBLE_EQ(st.f64(2), 2.5);
  EXPECT_FALSE(st.isNull(1));
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.i64(0), last);
  EXPECT_TRUE(st.isNull(1));
  EXPECT_EQ(st.optI64(2), std::nullopt);
  EXPECT_EQ(st.str(1), "");
  EXPECT_FALSE(st.step());
}

TEST(SqliteWrapper, BlobsKeepTheirBytes) {
  Db db = memoryDb();
  db.exec("CREATE TABLE b(x BLOB)");
  const std::string bytes("a\0b\xff", 4);
  Stmt ins(db, "INSERT INTO b VALUES (?)");
  ins.bindBlob(1, bytes.data(), static_cast<int>(bytes.size())).run();
  Stmt st(db, "SELECT x FROM b");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.blob(0), bytes);
}

TEST(SqliteWrapper, ExecNoThrowIgnoresAFailure) {
  Db db = memoryDb();
  EXPECT_NO_THROW(db.execNoThrow("DROP TABLE missing"));
  EXPECT_THROW(db.exec("DROP TABLE missing"), cmoc::Error);
}

TEST(SqliteWrapper, AFileThatCannotBeOpenedIsAProjectError) {
  EXPECT_THROW(Db("/nonexistent-dir/x.cmoc", SQLITE_OPEN_READWRITE), cmoc::ProjectError);
}

TEST(SqliteWrapper, ReadsColumnsByNameAndRefusesANameTheSelectLacks) {
  Db db = memoryDb();
  db.exec("INSERT INTO t(name, n) VALUES ('a', 1.5)");
  Stmt st(db, "SELECT n, ifnull(name, '') AS name, id FROM t");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.str("name"), "a");
  EXPECT_EQ(st.view("name"), "a");
  EXPECT_EQ(st.i64("id"), 1);
  EXPECT_EQ(st.optI64("id"), 1);
  EXPECT_EQ(st.column("n"), 0);
  EXPECT_THROW(st.str("missing"), cmoc::Error);
}
