#include "undo_order.h"

#include <string>

namespace cmoc::store {

void orderTablesForUndo(sql::Db& db) {
  db.exec("PRAGMA defer_foreign_keys = ON");
  static const char* const kTouch[][2] = {
      {"cmoc_evidence(cmoc_id, slot, coding_id) VALUES (-1, 'context', -1)",
       "cmoc_evidence WHERE cmoc_id = -1"},
      {"cmoc_links(id, guid, from_cmoc_id, to_cmoc_id, created_at) VALUES (-1, 'refi-touch', -1, "
       "-1, '')",
       "cmoc_links WHERE id = -1"},
      {"entity_set_members(set_id, member_kind, member_guid) VALUES (-1, 'code', '')",
       "entity_set_members WHERE set_id = -1"},
      {"source_attributes(source_id, name, value) VALUES (-1, '', '')",
       "source_attributes WHERE source_id = -1"},
      {"case_sources(case_id, source_id) VALUES (-1, -1)", "case_sources WHERE case_id = -1"},
      {"case_attributes(case_id, name, value) VALUES (-1, '', '')",
       "case_attributes WHERE case_id = -1"},
      {"participant_attributes(participant_id, name, value) VALUES (-1, '', '')",
       "participant_attributes WHERE participant_id = -1"},
      {"memos(id, guid, target_kind, text, created_at, modified_at) VALUES (-1, 'refi-touch', "
       "'', '', '', '')",
       "memos WHERE id = -1"},
      {"codings(id, guid, source_id, code_id, coder_id, start, end, created_at, modified_at) "
       "VALUES (-1, 'refi-touch', -1, -1, -1, 0, 1, '', '')",
       "codings WHERE id = -1"},
      {"turns(id, source_id, seq, start, end) VALUES (-1, -1, -1, 0, 0)", "turns WHERE id = -1"},
      {"speakers(id, guid, source_id, label) VALUES (-1, 'refi-touch', -1, '')",
       "speakers WHERE id = -1"},
      {"source_text(source_id, text) VALUES (-1, '')", "source_text WHERE source_id = -1"},
      {"cmocs(id, guid, context_code_id, mechanism_code_id, outcome_code_id, coder_id, "
       "created_at, modified_at) "
       "VALUES (-1, 'refi-touch', -1, -1, -1, -1, '', '')",
       "cmocs WHERE id = -1"},
      {"sources(id, guid, name, format, content_hash, char_count, imported_at, modified_at) "
       "VALUES (-1, 'refi-touch', '', '', 'refi-touch', 0, '', '')",
       "sources WHERE id = -1"},
      {"participants(id, guid, code, created_at) VALUES (-1, 'refi-touch', 'refi-touch', '')",
       "participants WHERE id = -1"},
      {"cases(id, guid, name, created_at) VALUES (-1, 'refi-touch', 'refi-touch', '')",
       "cases WHERE id = -1"},
      {"entity_sets(id, guid, name, created_at) VALUES (-1, 'refi-touch', '', '')",
       "entity_sets WHERE id = -1"},
      {"entity_links(id, guid, origin_guid, target_guid, created_at) VALUES (-1, 'refi-touch', "
       "'', '', '')",
       "entity_links WHERE id = -1"},
      {"codes(id, guid, name, created_at, modified_at) VALUES (-1, 'refi-touch', 'refi-touch', "
       "'', '')",
       "codes WHERE id = -1"},
      {"coders(id, guid, name, created_at) VALUES (-1, 'refi-touch', 'refi-touch', '')",
       "coders WHERE id = -1"},
  };
  for (const auto& [insert, remove] : kTouch) {
    db.exec(std::string("INSERT INTO ") + insert);
    db.exec(std::string("DELETE FROM ") + remove);
  }
}

}  // namespace cmoc::store
