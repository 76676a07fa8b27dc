#pragma once
// Undo applies an Action's inverse changeset table by table, in the order the Action first
// wrote each table. An import that deletes nothing but writes children and parents in one go
// (REFI-QDA) must therefore have touched the children's tables first: undoing it deletes a
// source before its turns and codings otherwise, the cascade removes them, and the changeset's
// own deletes of those rows then find them gone and abort the undo.
#include "sqlite.h"

namespace cmoc::store {

// Inserts and deletes again a row in every table an import writes, children before parents,
// which leaves no change but fixes the order; defers foreign keys for the rest of the
// transaction (the touch rows point nowhere).
void orderTablesForUndo(sql::Db& db);

}  // namespace cmoc::store
