#include "agreement_query.h"

namespace cmoc::store {

void AgreementQueries::eachSource(const std::function<void(const SourceLength&)>& f) {
  eachRow(
      st_("SELECT id, name, char_count FROM sources ORDER BY name, id"),
      [](const sql::Stmt& s) {
        return SourceLength{s.i64("id"), s.str("name"), s.i64("char_count")};
      },
      f);
}

void AgreementQueries::eachTurn(const std::function<void(const TurnUnit&)>& f) {
  eachRow(
      st_("SELECT source_id, seq, start, end FROM turns WHERE end > start "
          "ORDER BY source_id, start"),
      [](const sql::Stmt& s) {
        return TurnUnit{s.i64("source_id"), s.i64("seq"), s.i64("start"), s.i64("end")};
      },
      f);
}

}  // namespace cmoc::store
