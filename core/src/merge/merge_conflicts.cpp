// Same GUID, different content: what each kind of entity is compared on. Times and sort order
// are left out (copying a project keeps them; they say nothing about content). Foreign keys are
// compared through the id map, so a coder matched by name is not a difference; attributes and
// evidence are compared as sorted lists.
#include <vector>

#include "merge_run.h"

namespace cmoc::store::merge {

namespace {

struct Field {
  std::string label;
  std::string expr;     // over row alias {t} in schema {s}; empty: the column `label`
  std::string refKind;  // set: `expr` is a foreign key column compared through the id map
};

struct Entity {
  std::string kind, label, table;  // map kind, report label, table
  std::string name;                // display name expression (local row)
  std::vector<Field> fields;
};

std::string attributes(const std::string& table, const std::string& idColumn) {
  return "(SELECT group_concat(a, char(10)) FROM (SELECT name || '=' || value AS a FROM {s}." +
         table + " WHERE " + idColumn + " = {t}.id ORDER BY name))";
}

const std::vector<Entity>& entities() {
  static const std::vector<Entity> all = {
      {"coder", "coders", "coders", "{t}.name", {{"name", "", ""}}},
      {"code",
       "codes",
       "codes",
       "{t}.name",
       {{"name", "", ""},
        {"parent", "parent_id", "code"},
        {"kind", "", ""},
        {"definition", "", ""},
        {"inclusion", "", ""},
        {"exclusion", "", ""},
        {"color", "", ""},
        {"origin", "", ""},
        {"memo", "", ""}}},
      {"case",
       "cases",
       "cases",
       "{t}.name",
       {{"name", "", ""},
        {"case type", "{t}.case_type", ""},
        {"memo", "", ""},
        {"attributes", attributes("case_attributes", "case_id"), ""}}},
      {"participant",
       "participants",
       "participants",
       "{t}.code",
       {{"code", "", ""},
        {"interviewer", "{t}.is_interviewer", ""},
        {"case", "case_id", "case"},
        {"memo", "", ""},
        {"attributes", attributes("participant_attributes", "participant_id"), ""}}},
      {"source",
       "sources",
       "sources",
       "{t}.name",
       {{"name", "", ""},
        {"format", "", ""},
        {"text", "(SELECT text FROM {s}.source_text WHERE source_id = {t}.id)", ""},
        {"participant", "participant_id", "participant"},
        {"memo", "", ""},
        {"attributes", attributes("source_attributes", "source_id"), ""}}},
      {"coding",
       "codings",
       "codings",
       "(SELECT name FROM main.codes WHERE id = {t}.code_id) || ' in ' || (SELECT name FROM "
       "main.sources WHERE id = {t}.source_id) || ' [' || {t}.start || ', ' || {t}.end || ')'",
       {{"source", "source_id", "source"},
        {"code", "code_id", "code"},
        {"coder", "coder_id", "coder"},
        {"start", "", ""},
        {"end", "", ""},
        {"memo", "", ""}}},
      {"memo",
       "memos",
       "memos",
       "CASE WHEN {t}.title <> '' THEN {t}.title ELSE 'memo on ' || {t}.target_kind END",
       {{"target", "{t}.target_kind || ' ' || ifnull({t}.target_guid, '')", ""},
        {"title", "", ""},
        {"text", "", ""},
        {"coder", "coder_id", "coder"}}},
      {"cmoc",
       "CMOCs",
       "cmocs",
       "CASE WHEN {t}.label <> '' THEN {t}.label ELSE (SELECT c.name || ' -> ' || m.name || ' -> ' "
       "|| o.name FROM main.codes c, main.codes m, main.codes o WHERE c.id = {t}.context_code_id "
       "AND m.id = {t}.mechanism_code_id AND o.id = {t}.outcome_code_id) END",
       {{"context", "context_code_id", "code"},
        {"mechanism", "mechanism_code_id", "code"},
        {"outcome", "outcome_code_id", "code"},
        {"status", "", ""},
        {"prior", "prior_cmoc_id", "cmoc"},
        {"label", "", ""},
        {"memo", "", ""},
        {"coder", "coder_id", "coder"},
        {"evidence",
         "(SELECT group_concat(x, ' ') FROM (SELECT e.slot || ':' || d.guid AS x FROM "
         "{s}.cmoc_evidence e JOIN {s}.codings d ON d.id = e.coding_id WHERE e.cmoc_id = {t}.id "
         "ORDER BY x))",
         ""}}},
      {"cmoc-link",
       "CMOC chains",
       "cmoc_links",
       "'chain ' || {t}.from_cmoc_id || ' -> ' || {t}.to_cmoc_id",
       {{"from", "from_cmoc_id", "cmoc"}, {"to", "to_cmoc_id", "cmoc"}, {"memo", "", ""}}},
      {"set",
       "sets",
       "entity_sets",
       "{t}.name",
       {{"name", "", ""},
        {"description", "", ""},
        {"members",
         "(SELECT group_concat(x, ' ') FROM (SELECT member_kind || ':' || member_guid AS x FROM "
         "{s}.entity_set_members WHERE set_id = {t}.id ORDER BY x))",
         ""}}},
      {"link",
       "links",
       "entity_links",
       "CASE WHEN {t}.name <> '' THEN {t}.name ELSE 'link' END",
       {{"name", "", ""},
        {"direction", "", ""},
        {"color", "", ""},
        {"origin", "{t}.origin_guid", ""},
        {"target", "{t}.target_guid", ""},
        {"memo", "", ""}}},
  };
  return all;
}

std::string fill(std::string expr, const std::string& schema, const std::string& alias) {
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"{s}", schema}, {"{t}", alias}})
    for (std::size_t at = expr.find(from); at != std::string::npos; at = expr.find(from, at))
      expr.replace(at, from.size(), to);
  return expr;
}

// "o.x IS NOT m.x" for one field: NULL-safe, so NULL against NULL is no difference.
std::string differs(const Field& f) {
  if (!f.refKind.empty()) return localOf(f.refKind, "o." + f.expr) + " IS NOT m." + f.expr;
  if (f.expr.empty()) return "o." + f.label + " IS NOT m." + f.label;
  return fill(f.expr, kOther, "o") + " IS NOT " + fill(f.expr, "main", "m");
}

}  // namespace

void findConflicts(Run& run) {
  MergeReport& report = run.report();
  for (const Entity& e : entities()) {
    std::string sql = "SELECT o.guid, " + fill(e.name, "main", "m");
    for (const Field& f : e.fields) sql += ", " + differs(f);
    sql += " FROM temp.merge_map mm JOIN " + other(e.table) + " o ON o.id = mm.other_id JOIN main." +
           e.table + " m ON m.id = mm.local_id WHERE mm.kind = ? AND mm.how <> 'added' ORDER BY o.id";
    sql::Stmt st(run.db(), sql);
    st.bind(1, e.kind);
    std::int64_t present = 0;
    while (st.step()) {
      MergeConflict c{e.kind == "cmoc" ? "CMOC" : e.kind == "cmoc-link" ? "CMOC chain" : e.kind,
                      st.str(0), st.str(1), {}};
      for (std::size_t i = 0; i < e.fields.size(); ++i)
        if (st.i64(static_cast<int>(i) + 2) != 0) c.fields.push_back(e.fields[i].label);
      if (c.fields.empty()) {
        ++present;
      } else {
        report.conflicts.push_back(std::move(c));
        ++report.conflicted[e.label];
      }
    }
    report.present[e.label] += present;
  }
}

std::vector<std::string> mergeKinds() {
  std::vector<std::string> out;
  for (const Entity& e : entities()) {
    out.push_back(e.label);
    if (e.kind == "cmoc") out.push_back("CMOC evidence");
  }
  return out;
}

}  // namespace cmoc::store::merge
