// REFI-QDA import: saving an imported exchange into a project in one Action (apply). Reading a
// project into an exchange for export is refi_snapshot.cpp. How our model maps onto the
// standard's elements is described in docs/refi-qda.md.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "backend/sqlite/action.h"
#include "backend/sqlite/attribute_rows.h"
#include "backend/sqlite/cmoc_rows.h"
#include "backend/sqlite/coder_rows.h"
#include "backend/sqlite/coding_rows.h"
#include "backend/sqlite/entity_set_rows.h"
#include "backend/sqlite/memo_rows.h"
#include "backend/sqlite/page_cache.h"
#include "backend/sqlite/participant_rows.h"
#include "backend/sqlite/project_meta_rows.h"
#include "backend/sqlite/source_rows.h"
#include "backend/sqlite/speaker_links.h"
#include "backend/sqlite/turn_bytes.h"
#include "backend/sqlite/undo_order.h"
#include "cmoc/error.h"
#include "cmoc/progress.h"
#include "cmoc/project.h"
#include "cmoc/refi.h"
#include "cmoc/text.h"
#include "cmoc/validators.h"
#include "codebook/code_index.h"
#include "codebook/codebook_rows.h"
#include "coding/coding_shared.h"
#include "participants/participants.h"
#include "sources/content_hash.h"

namespace cmoc::refi {

namespace {

// ---------------------------------------------------------------------------------------------
// Shared helpers

std::string timeOr(const std::string& t, const std::string& fallback) {
  return validate::isIsoUtc(t) ? t : fallback;
}

// An optional column's value: none for "" (stored as NULL).
std::optional<std::string> orNone(const std::string& v) {
  return v.empty() ? std::nullopt : std::optional<std::string>(v);
}

std::optional<std::int64_t> lookup(const std::unordered_map<std::string, std::int64_t>& m,
                                   const std::string& k) {
  auto it = m.find(k);
  if (it == m.end()) return std::nullopt;
  return it->second;
}

// ---------------------------------------------------------------------------------------------
// apply

class Applier {
 public:
  Applier(Project& project, store::Action& action, const Exchange& x, ImportReport& report,
          Progress& progress)
      : project_(project),
        action_(action),
        db_(action.db()),
        x_(x),
        report_(report),
        progress_(progress),
        now_(nowUtc()) {
    // Progress counts sources and codings, the two things an exchange has many of.
    total_ = x_.sources.size();
    for (const Source& s : x_.sources) total_ += codingsIn(s);
  }

  void run() {
    wasEmpty_ = !sources_.any() && !codes_.any();
    store::orderTablesForUndo(db_);
    users();
    codes();
    sources();
    cases();
    sourceSets();
    codings();
    notes();
    cmocs();
    sets();
    links();
    graphs();
    projectMeta();
    advance(0, "");  // a cancel during the last source's codings still saves nothing
  }

 private:
  Project& project_;
  store::Action& action_;
  sql::Db& db_;
  const Exchange& x_;
  ImportReport& report_;
  Progress& progress_;
  const std::string now_;
  bool wasEmpty_ = false;
  std::size_t done_ = 0, total_ = 0;

  // Hash maps: at 200,000 codings and 20,000 codes, ordered maps of GUIDs spent more time
  // comparing strings than SQLite spent storing the rows (issue 21, finding 5).
  using GuidMap = std::unordered_map<std::string, std::int64_t>;
  GuidMap coderOf_;                                          // user GUID -> coder id
  GuidMap codeOf_;                                           // code GUID -> code id
  std::unordered_map<std::string, std::string> codeGuidOf_;  // file's code GUID -> stored GUID
  GuidMap sourceOf_;                                         // source GUID -> source id
  std::unordered_set<std::string> newSources_;               // GUIDs of sources this import adds
  GuidMap codingOf_;                                         // coding GUID -> coding id
  std::unordered_map<std::string, std::vector<std::int64_t>> selectionCodings_;  // -> codings
  std::unordered_map<std::int64_t, std::int64_t> codingCode_;  // coding id -> code id
  GuidMap participantOf_;                                      // participant code -> id
  GuidMap caseOf_;                                             // case GUID -> id
  GuidMap memoOf_;                                             // note GUID -> memo id
  std::unordered_set<std::string> attributeSets_;  // set GUIDs read as source attributes
  std::vector<std::int64_t> reindex_;
  store::SortOrders sortOrders_{db_};  // parent -> next sibling's, read in one pass
  // The gateways the normal commands write through. Each keeps its statements for the import:
  // preparing one for each of 200,000 codings cost more than running it (issue 21).
  store::CoderRows coders_{db_};
  store::CodeRows codes_{db_};
  store::SourceRows sources_{db_};
  store::SpeakerLinks speakerLinks_{db_};
  store::CaseRows cases_{db_};
  store::ParticipantRows participants_{db_};
  store::AttributeRows sourceAttributes_{db_, store::AttributeOwner::Source};
  store::AttributeRows caseAttributes_{db_, store::AttributeOwner::Case};
  store::AttributeRows participantAttributes_{db_, store::AttributeOwner::Participant};
  store::CodingRows codings_{db_};
  store::MemoRows memos_{db_};
  store::CmocRows cmocRows_{db_};
  store::EntitySetRows entitySets_{db_};

  static std::size_t codingsIn(const Source& s) {
    std::size_t n = s.codings.size();
    for (const Selection& sel : s.selections) n += sel.codings.size();
    return n;
  }

  // Reports `label` as under way, with `n` sources or codings to save, and stops if the user
  // cancelled: Cancelled leaves the Action uncommitted, so its destructor rolls back all saved.
  void advance(std::size_t n, const std::string& label) {
    progress_.update(done_, total_, label);
    if (progress_.cancelled()) throw Cancelled();
    done_ += n;
  }

  void imported(const std::string& kind, std::int64_t n = 1) {
    report_.add(report_.imported, kind, n);
  }
  void matched(const std::string& kind) {
    report_.add(report_.imported, kind + " already present", 1);
  }
  [[noreturn]] void fail(const std::string& where, const std::string& problem) const {
    throw InputError(report_.file, where, problem);
  }

  std::int64_t actingCoder() {
    return store::coderId(db_,
                          project_.coder().empty() ? std::string("researcher") : project_.coder());
  }

  std::int64_t coderFor(const std::string& userGuid, const std::string& where) {
    if (userGuid.empty()) return actingCoder();
    if (auto id = lookup(coderOf_, userGuid)) return *id;
    fail(where, "refers to unknown user " + userGuid);
  }

  // Users -> coders, by GUID, else by name.
  void users() {
    for (const User& u : x_.users) {
      if (auto id = coders_.idOfGuid(u.guid)) {
        coderOf_[u.guid] = *id;
        matched("users");
        continue;
      }
      std::string name = !u.name.empty() ? u.name
                         : !u.id.empty() ? u.id
                                         : "user " + u.guid.substr(0, 8);
      if (auto id = coders_.idOfName(name)) {
        coderOf_[u.guid] = *id;
        report_.notes.push_back("user '" + name + "' is the project's coder of that name");
        matched("users");
        continue;
      }
      coderOf_[u.guid] = coders_.insert({0, u.guid, name, now_});
      imported("users");
    }
  }

  // Codes, parents first. ATLAS.ti writes its hierarchy as "A::B" names on top-level codes.
  void codes() {
    struct Item {
      const Code* code;
      std::optional<std::string> parentGuid;  // file GUID of the parent
      std::string name;
    };
    std::vector<Item> items;
    std::map<std::string, std::string> topByName;  // top-level name -> GUID
    for (const Code& c : x_.codes) topByName.emplace(c.name, c.guid);
    std::map<std::string, std::string> groups;  // "A" or "A::B" -> GUID of a made-up parent
    std::vector<std::pair<std::string, std::string>> madeUp;  // guid, name; parent in groupParent
    std::map<std::string, std::optional<std::string>> groupParent;
    std::map<std::string, std::string> madeUpName;  // guid -> leaf name
    // Resolves "A::B::C" to the GUID of the code for "A::B", creating grouping codes as needed.
    std::function<std::string(const std::string&)> groupFor = [&](const std::string& path) {
      if (auto it = topByName.find(path); it != topByName.end()) return it->second;
      if (auto it = groups.find(path); it != groups.end()) return it->second;
      const std::size_t cut = path.rfind("::");
      std::optional<std::string> parent;
      std::string leaf = path;
      if (cut != std::string::npos) {
        parent = groupFor(path.substr(0, cut));
        leaf = path.substr(cut + 2);
      }
      const std::string guid = derivedGuid("code-group:" + path);
      groups[path] = guid;
      groupParent[guid] = parent;
      madeUp.emplace_back(guid, leaf);
      madeUpName.emplace(guid, leaf);
      return guid;
    };
    std::vector<std::pair<const Code*, std::optional<std::string>>> stack;
    for (auto it = x_.codes.rbegin(); it != x_.codes.rend(); ++it)
      stack.emplace_back(&*it, std::nullopt);
    while (!stack.empty()) {
      auto [c, parent] = stack.back();
      stack.pop_back();
      std::string name = c->name;
      if (!parent) {
        const std::size_t cut = name.rfind("::");
        if (cut != std::string::npos && cut > 0 && cut + 2 < name.size()) {
          parent = groupFor(name.substr(0, cut));
          name = name.substr(cut + 2);
        }
      }
      items.push_back({c, parent, name});
      for (auto it = c->children.rbegin(); it != c->children.rend(); ++it)
        stack.emplace_back(&*it, c->guid);
    }
    if (!madeUp.empty())
      report_.notes.push_back("ATLAS.ti-style code names \"A::B\" were read as a hierarchy (" +
                              std::to_string(madeUp.size()) + " grouping codes added)");
    // Made-up groups first (their parents are groups or earlier), then the file's codes, whose
    // parents come before them in depth-first order, except a group's named top-level code.
    std::map<std::string, const Item*> byGuid;
    for (const Item& i : items) byGuid[i.code->guid] = &i;
    std::set<std::string> done;
    std::function<void(const std::string&)> ensure = [&](const std::string& guid) {
      if (done.count(guid)) return;
      done.insert(guid);
      if (auto it = byGuid.find(guid); it != byGuid.end()) {
        const Item& i = *it->second;
        if (i.parentGuid) ensure(*i.parentGuid);
        storeCode(i.code->guid, i.parentGuid, i.name, i.code, i.code->where);
        return;
      }
      if (auto it = madeUpName.find(guid); it != madeUpName.end()) {
        if (groupParent[guid]) ensure(*groupParent[guid]);
        storeCode(guid, groupParent[guid], it->second, nullptr, "");
      }
    };
    for (const auto& [g, name] : madeUp) ensure(g);
    for (const Item& i : items) ensure(i.code->guid);
  }

  void storeCode(const std::string& guid, const std::optional<std::string>& parentGuid,
                 std::string name, const Code* c, const std::string& where) {
    if (auto id = codes_.idOfGuid(guid)) {
      codeOf_[guid] = *id;
      codeGuidOf_[guid] = guid;
      if (c) matched("codes");
      return;
    }
    std::optional<std::int64_t> parent;
    if (parentGuid) parent = codeOf_.at(*parentGuid);
    for (char& ch : name)
      if (ch == '\n' || ch == '\r') ch = ' ';
    if (name.find_first_not_of(" \t") == std::string::npos) name = "(unnamed code)";
    if (auto same = codes_.siblingNamed(parent, name)) {
      // The project has this code under another GUID (e.g. from the starter codebook).
      codeOf_[guid] = same->id;
      codeGuidOf_[guid] = same->guid;
      if (c) {
        matched("codes");
        report_.notes.push_back("code '" + name + "' merged into the project's code of that name");
      }
      return;
    }
    const CodeText t = c ? c->text : CodeText{};
    store::CodeRow row;
    row.color = c ? validate::sixDigitColour(c->color) : std::string();
    if (c && !c->color.empty() && row.color.empty())
      report_.notes.push_back(where + ": colour '" + c->color +
                              "' is not #RGB or #RRGGBB; left out");
    row.guid = guid;
    row.parentId = parent;
    row.name = name;
    row.kind = toString(c && c->kind ? *c->kind : CodeKind::Other);
    row.definition = t.definition;
    row.inclusion = t.inclusion;
    row.exclusion = t.exclusion;
    row.origin = toString(c && c->origin ? *c->origin : CodeOrigin::Deductive);
    row.memo = t.memo;
    row.sortOrder = sortOrders_.next(parent);
    row.createdAt = now_;
    row.modifiedAt = now_;
    codeOf_[guid] = codes_.insert(row);
    codeGuidOf_[guid] = guid;
    imported("codes");
  }

  void sources() {
    for (const Source& s : x_.sources) {
      advance(1, s.name);
      if (auto id = sources_.idOfGuid(s.guid)) {
        sourceOf_[s.guid] = *id;
        matched("sources");
        continue;
      }
      if (auto bad = text::firstInvalidUtf8(s.text))
        fail(s.where, "invalid UTF-8 at byte " + std::to_string(*bad));
      const std::int64_t length = text::codePointCount(s.text);
      std::string hash = store::contentHash(s.text);
      if (auto dup = sources_.withContentHash(hash)) {
        // Exchange files identify sources by GUID; two may hold the same text (NVivo writes an
        // empty .txt for every source it keeps as .docx), so the text alone does not decide.
        report_.notes.push_back("source '" + s.name + "' has the same text as '" + dup->name + "'");
        hash += "#" + s.guid;
      }
      const std::string created = timeOr(s.stamp.created, now_);
      const std::int64_t id =
          sources_.insert({0, s.guid, s.name, "refi", hash, length, std::nullopt, s.description,
                           created, timeOr(s.stamp.modified, created)},
                          s.text);
      sourceOf_[s.guid] = id;
      newSources_.insert(s.guid);
      std::map<std::string, std::int64_t> speakerIds;
      std::int64_t seq = 0;
      for (const Turn& turn : s.turns) {
        if (turn.start < 0 || turn.end < turn.start || turn.end > length) continue;
        std::optional<std::int64_t> speakerId;
        if (!turn.speaker.empty()) {
          auto [it, fresh] = speakerIds.try_emplace(turn.speaker, 0);
          if (fresh)
            it->second = sources_.insertSpeaker(newGuid(), id, turn.speaker,
                                                store::isInterviewerLabel(turn.speaker));
          speakerId = it->second;
        }
        // Bytes are left unknown here and filled for the whole source below.
        sources_.insertTurn({id, ++seq, speakerId, turn.start, turn.end, turn.startMs, turn.endMs,
                             std::nullopt, std::nullopt});
      }
      store::fillTurnBytes(db_, id);
      reindex_.push_back(id);
      imported("sources");
      for (const VariableValue& v : s.values) {
        const std::string name = variableName(v.variable);
        if (name.empty() || name == kSpeakersVariable) continue;
        sourceAttributes_.put(id, name, v.value);
        imported("source attributes");
      }
    }
    store::reindexSources(db_, reindex_);
  }

  std::string variableName(const std::string& guid) const {
    for (const Variable& v : x_.variables)
      if (v.guid == guid) return v.name;
    return {};
  }

  const VariableValue* valueOf(const std::vector<VariableValue>& values,
                               std::string_view name) const {
    for (const VariableValue& v : values)
      if (variableName(v.variable) == name) return &v;
    return nullptr;
  }

  static bool truthy(const std::string& v) { return v == "true" || v == "1"; }

  // Cases: those with an `interviewer` value are participants (how we export them), the rest
  // are cases with attributes and the sources they cover.
  void cases() {
    for (const Case& c : x_.cases) {
      if (valueOf(c.values, kInterviewerVariable)) continue;
      std::optional<std::int64_t> id = cases_.idOfGuid(c.guid);
      const std::string name = c.name.empty() ? "case " + c.guid.substr(0, 8) : c.name;
      if (!id) {
        id = cases_.idOfName(name);
        if (id) {
          report_.notes.push_back("case '" + name +
                                  "' merged into the project's case of that name");
        }
      }
      if (id) {
        caseOf_[c.guid] = *id;
        matched("cases");
        continue;
      }
      const VariableValue* type = valueOf(c.values, kCaseTypeVariable);
      const std::int64_t caseId = cases_.insert(
          {0, c.guid, name, type ? std::optional<std::string>(type->value) : std::nullopt,
           orNone(c.description), now_});
      caseOf_[c.guid] = caseId;
      imported("cases");
      for (const VariableValue& v : c.values) {
        const std::string n = variableName(v.variable);
        if (n.empty() || n == kCaseTypeVariable) continue;
        caseAttributes_.put(caseId, n, v.value);
      }
      for (const std::string& s : c.sourceRefs)
        if (auto sid = lookup(sourceOf_, s)) sources_.addToCase(caseId, *sid);
      if (!c.codeRefs.empty() || !c.selectionRefs.empty())
        report_.skipped.push_back(
            {c.where, "Case CodeRef/SelectionRef",
             "cases are kept with their attributes and sources, not codes or selections"});
    }
    for (const Case& c : x_.cases) {
      const VariableValue* interviewer = valueOf(c.values, kInterviewerVariable);
      if (!interviewer) continue;
      const std::string code = c.name.empty() ? "participant " + c.guid.substr(0, 8) : c.name;
      std::optional<std::int64_t> id = participants_.idOfGuid(c.guid);
      if (!id) id = participants_.idOfCode(code);
      if (id) {
        participantOf_[code] = *id;
        matched("participants");
        continue;
      }
      std::optional<std::int64_t> caseId;
      if (const VariableValue* caseName = valueOf(c.values, "case"))
        caseId = cases_.idOfName(caseName->value);
      const std::int64_t pid = participants_.insert({0, c.guid, code, truthy(interviewer->value),
                                                     caseId, orNone(c.description), now_});
      participantOf_[code] = pid;
      imported("participants");
      for (const VariableValue& v : c.values) {
        const std::string n = variableName(v.variable);
        if (n.empty() || n == kInterviewerVariable) continue;
        participantAttributes_.put(pid, n, v.value);
      }
      // A participant's sources without speaker labels still name them as their interviewee.
      if (!truthy(interviewer->value))
        for (const std::string& s : c.sourceRefs)
          if (newSources_.count(s)) speakerLinks_.setMainParticipantIfNone(sourceOf_.at(s), pid);
    }
    // Speaker labels -> participants, from each new source's `speakers` value.
    for (const Source& s : x_.sources) {
      if (!newSources_.count(s.guid)) continue;
      const VariableValue* speakers = valueOf(s.values, kSpeakersVariable);
      if (!speakers) continue;
      const std::int64_t sid = sourceOf_.at(s.guid);
      const std::vector<store::SpeakerRow> labelled = speakerLinks_.speakersOf(sid);
      for (const auto& [label, code] : parseSpeakers(speakers->value)) {
        auto pid = lookup(participantOf_, code);
        if (!pid) pid = participants_.idOfCode(code);
        if (!pid) {
          report_.dangling.push_back({s.where, "speaker " + label, code});
          continue;
        }
        // A speaker is an interviewer when its label says so or its participant is one.
        const bool interviewer = participants_.byId(*pid)->isInterviewer;
        for (const store::SpeakerRow& k : labelled)
          if (k.label == label) speakerLinks_.link(k.id, *pid, k.isInterviewer || interviewer);
      }
      // The store's rule: the first non-interviewer speaker's participant, else the participant
      // the source has if that is no interviewer. The only one a new source can have here is the
      // non-interviewer set from its Case above, so the fallback keeps it, as it always did.
      speakerLinks_.refreshMainParticipant(sid);
    }
  }

  static std::vector<std::pair<std::string, std::string>> parseSpeakers(const std::string& v) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t pos = 0;
    auto trim = [](std::string s) {
      while (!s.empty() && s.back() == ' ') s.pop_back();
      while (!s.empty() && s.front() == ' ') s.erase(s.begin());
      return s;
    };
    while (pos <= v.size()) {
      std::size_t end = v.find("; ", pos);
      if (end == std::string::npos) end = v.size();
      const std::string item = v.substr(pos, end - pos);
      const std::size_t eq = item.rfind(" = ");
      if (eq != std::string::npos)
        out.emplace_back(trim(item.substr(0, eq)), trim(item.substr(eq + 3)));
      pos = end + 2;
    }
    return out;
  }

  // ATLAS.ti exports document variables as groups of sources named "name: value".
  void sourceSets() {
    static const std::regex variable(R"(^([^:]{1,60}):\s*(.+)$)");
    for (const Set& s : x_.sets) {
      std::smatch m;
      if (!s.memberCodes.empty() || !s.memberNotes.empty() || s.memberSources.empty() ||
          !std::regex_match(s.name, m, variable))
        continue;
      attributeSets_.insert(s.guid);
      for (const std::string& g : s.memberSources) {
        auto sid = lookup(sourceOf_, g);
        if (!sid || !newSources_.count(g)) continue;
        sourceAttributes_.put(*sid, m[1].str(), m[2].str());
        imported("source attributes");
      }
      report_.notes.push_back("set '" + s.name + "' read as the source attribute " + m[1].str());
    }
  }

  // A project that had no sources had no codings: 200,000 lookups saved in a large import.
  std::optional<std::int64_t> existingCoding(const std::string& guid) {
    return wasEmpty_ ? std::nullopt : codings_.idOfGuid(guid);
  }

  void insertCoding(const Source& s, const Selection* sel, const Coding& c, std::int64_t start,
                    std::int64_t end) {
    const std::int64_t sid = sourceOf_.at(s.guid);
    auto code = lookup(codeOf_, c.code);
    if (!code) fail(c.where, "Coding refers to unknown code " + c.code);
    std::string guid = c.guid;
    if (codingOf_.count(guid)) {
      report_.notes.push_back(c.where + ": coding GUID " + guid +
                              " is used twice; given a new one");
      guid = newGuid();
    } else if (auto existing = existingCoding(guid)) {
      codingOf_[guid] = *existing;
      if (sel) selectionCodings_[sel->guid].push_back(*existing);
      matched("codings");
      return;
    }
    const std::int64_t coder = coderFor(c.stamp.creatingUser, c.where);
    const std::string created =
        timeOr(c.stamp.created, sel ? timeOr(sel->stamp.created, now_) : now_);
    const std::string modified = sel ? timeOr(sel->stamp.modified, created) : created;
    const std::int64_t id =
        codings_.insert({0, guid, sid, *code, coder, start, end,
                         sel ? sel->description : std::string(), created, modified});
    codingOf_[guid] = id;
    codingCode_[id] = *code;
    if (sel) selectionCodings_[sel->guid].push_back(id);
    imported("codings");
  }

  void codings() {
    for (const Source& s : x_.sources) {
      advance(codingsIn(s), s.name);
      const bool fresh = newSources_.count(s.guid) > 0;
      bool sameText = fresh;
      if (!fresh) {
        sameText = project_.sourceText(sourceOf_.at(s.guid)) == s.text;
        if (!sameText && (!s.selections.empty() || !s.codings.empty()))
          report_.skipped.push_back({s.where, "codings of an existing source",
                                     "the project's text of this source differs from the file's"});
      }
      if (!sameText) continue;
      const std::int64_t length = text::codePointCount(s.text);
      for (const Selection& sel : s.selections) {
        if (sel.start < 0 || sel.end > length || sel.end < sel.start)
          fail(sel.where, "selection [" + std::to_string(sel.start) + ", " +
                              std::to_string(sel.end) + ") lies outside the text (0 to " +
                              std::to_string(length) + ")");
        if (sel.codings.empty()) {
          if (!sel.description.empty()) {
            keepSelectionMemo(s, sel);
          } else {
            report_.skipped.push_back(
                {sel.where, "PlainTextSelection", "no coding and no description"});
          }
          continue;
        }
        if (sel.end == sel.start) {
          report_.skipped.push_back(
              {sel.where, "PlainTextSelection", "empty span: nothing to code"});
          continue;
        }
        for (const Coding& c : sel.codings) insertCoding(s, &sel, c, sel.start, sel.end);
      }
      for (const Coding& c : s.codings) {
        if (length == 0) {
          report_.skipped.push_back({c.where, "Coding", "whole-source coding of an empty text"});
          continue;
        }
        insertCoding(s, nullptr, c, 0, length);
      }
    }
  }

  // A selection with a comment but no code: our codings are coded spans, so the comment becomes
  // a memo on the source that quotes where it was.
  void keepSelectionMemo(const Source& s, const Selection& sel) {
    const std::string guid = sel.guid;
    if (memos_.idOfGuid(guid)) return;
    const std::string title = "Selection [" + std::to_string(sel.start) + ", " +
                              std::to_string(sel.end) + ")" +
                              (sel.name.empty() ? "" : ": " + sel.name);
    const std::string created = timeOr(sel.stamp.created, now_);
    std::optional<std::int64_t> coder;
    if (!sel.stamp.creatingUser.empty()) coder = coderFor(sel.stamp.creatingUser, sel.where);
    memoOf_[guid] = memos_.insert({0, guid, "source", s.guid, title, sel.description, coder,
                                   created, timeOr(sel.stamp.modified, created)});
    report_.skipped.push_back({sel.where, "PlainTextSelection without coding",
                               "kept as a memo on the source (our codings need a code)"});
    imported("memos");
  }

  // Notes -> memos, attached to the first element that refers to them.
  void notes() {
    std::map<std::string, std::pair<std::string, std::string>> target;  // note -> kind, guid
    auto claim = [&](const std::vector<std::string>& refs, const std::string& kind,
                     const std::string& guid) {
      for (const std::string& r : refs) target.try_emplace(r, kind, guid);
    };
    claim(x_.noteRefs, "project", "");
    std::vector<const Code*> stack;
    for (const Code& c : x_.codes) stack.push_back(&c);
    while (!stack.empty()) {
      const Code* c = stack.back();
      stack.pop_back();
      claim(c->noteRefs, "code", codeGuidOf_.count(c->guid) ? codeGuidOf_.at(c->guid) : c->guid);
      for (const Code& k : c->children) stack.push_back(&k);
    }
    for (const Source& s : x_.sources) {
      claim(s.noteRefs, "source", s.guid);
      for (const Selection& sel : s.selections) {
        for (const Coding& c : sel.codings) claim(c.noteRefs, "coding", c.guid);
        if (!sel.codings.empty())
          claim(sel.noteRefs, "coding", sel.codings.front().guid);
        else
          claim(sel.noteRefs, "source", s.guid);
      }
      for (const Coding& c : s.codings) claim(c.noteRefs, "coding", c.guid);
    }
    for (const Cmoc& m : x_.cmocs) claim(m.noteRefs, "cmoc", m.guid);
    for (const Link& l : x_.links) claim(l.noteRefs, "link", l.guid);
    for (const Set& s : x_.sets) claim(s.memberNotes, "set", s.guid);
    for (const Note& n : x_.notes) {
      if (auto id = memos_.idOfGuid(n.guid)) {
        memoOf_[n.guid] = *id;
        matched("memos");
        continue;
      }
      auto [kind, guid] = target.count(n.guid)
                              ? target.at(n.guid)
                              : std::make_pair(std::string("project"), std::string());
      std::string body = n.text;
      if (!n.description.empty())
        body = body.empty() ? n.description : n.description + "\n\n" + body;
      std::optional<std::int64_t> coder;
      if (!n.stamp.creatingUser.empty()) coder = coderFor(n.stamp.creatingUser, n.where);
      const std::string created = timeOr(n.stamp.created, now_);
      memoOf_[n.guid] = memos_.insert({0, n.guid, kind, orNone(guid), n.name, body, coder, created,
                                       timeOr(n.stamp.modified, created)});
      imported("memos");
    }
  }

  std::optional<std::int64_t> evidenceCoding(const std::string& target, std::int64_t slotCode) {
    if (auto it = selectionCodings_.find(target);
        it != selectionCodings_.end() && !it->second.empty()) {
      for (std::int64_t id : it->second)
        if (codingCode_.count(id) && codingCode_.at(id) == slotCode) return id;
      return it->second.front();
    }
    if (auto id = lookup(codingOf_, target)) return id;
    return codings_.idOfGuid(target);
  }

  void cmocs() {
    GuidMap cmocOf;
    for (const Cmoc& m : x_.cmocs) {
      if (auto id = cmocRows_.idOfGuid(m.guid)) {
        cmocOf[m.guid] = *id;
        matched("CMOCs");
        continue;
      }
      auto c = lookup(codeOf_, m.context), mech = lookup(codeOf_, m.mechanism),
           o = lookup(codeOf_, m.outcome);
      if (!c || !mech || !o) {
        report_.skipped.push_back({m.where, "CMOC", "one of its codes is not in the file"});
        continue;
      }
      const std::int64_t coder = m.coder.empty() ? actingCoder() : store::coderId(db_, m.coder);
      const std::string created = timeOr(m.created, now_);
      // The prior is set below, once every CMOC it may name is in.
      const std::int64_t id =
          cmocRows_.insert({0, m.guid, *c, *mech, *o, std::string(toString(m.status)), std::nullopt,
                            m.label, m.memo, coder, created, timeOr(m.modified, created)});
      cmocOf[m.guid] = id;
      imported("CMOCs");
      for (const auto& [slot, target] : m.evidence) {
        const std::int64_t slotCode = slot == Slot::Context     ? *c
                                      : slot == Slot::Mechanism ? *mech
                                                                : *o;
        auto coding = evidenceCoding(target, slotCode);
        if (!coding) {
          report_.dangling.push_back({m.where, "CMOC evidence", target});
          continue;
        }
        cmocRows_.addEvidence(id, {std::string(toString(slot)), *coding});
        imported("CMOC evidence");
      }
    }
    for (const Cmoc& m : x_.cmocs) {
      if (m.prior.empty() || !cmocOf.count(m.guid)) continue;
      auto p = lookup(cmocOf, m.prior);
      if (!p) p = cmocRows_.idOfGuid(m.prior);
      if (!p) {
        report_.dangling.push_back({m.where, "CMOC prior", m.prior});
        continue;
      }
      if (*p != cmocOf.at(m.guid)) cmocRows_.setPriorIfNone(cmocOf.at(m.guid), *p);
    }
    for (const Chain& ch : x_.chains) {
      if (cmocRows_.linkIdOfGuid(ch.guid)) {
        matched("CMOC chains");
        continue;
      }
      auto from = lookup(cmocOf, ch.from), to = lookup(cmocOf, ch.to);
      if (!from) from = cmocRows_.idOfGuid(ch.from);
      if (!to) to = cmocRows_.idOfGuid(ch.to);
      if (!from || !to) {
        report_.dangling.push_back({"Link " + ch.guid, "CMOC chain", !from ? ch.from : ch.to});
        continue;
      }
      // A chain between the same two CMOCs under another GUID is already there.
      if (cmocRows_.insertLinkIfNew({0, ch.guid, *from, *to, ch.memo, now_}))
        imported("CMOC chains");
    }
  }

  bool knownGuid(const std::string& g) {
    if (codeOf_.count(g) || sourceOf_.count(g) || memoOf_.count(g) || codingOf_.count(g) ||
        selectionCodings_.count(g) || caseOf_.count(g))
      return true;
    return codes_.idOfGuid(g) || sources_.idOfGuid(g) || memos_.idOfGuid(g) ||
           codings_.idOfGuid(g) || cmocRows_.idOfGuid(g) || cases_.idOfGuid(g) ||
           participants_.idOfGuid(g);
  }

  void sets() {
    for (const Set& s : x_.sets) {
      if (attributeSets_.count(s.guid)) continue;
      if (entitySets_.setIdOfGuid(s.guid)) {
        matched("sets");
        continue;
      }
      const std::int64_t id = entitySets_.insertSet({0, s.guid, s.name, s.description, now_});
      imported("sets");
      std::int64_t seq = 0, left = 0;
      auto add = [&](const std::vector<std::string>& guids, const char* kind) {
        for (const std::string& g : guids) {
          std::string stored = g;
          if (std::string(kind) == "code" && codeGuidOf_.count(g)) stored = codeGuidOf_.at(g);
          if (!knownGuid(g)) {
            ++left;
            continue;
          }
          entitySets_.addMember(id, {kind, stored, seq++});
        }
      };
      add(s.memberCodes, "code");
      add(s.memberSources, "source");
      add(s.memberNotes, "memo");
      if (left)
        report_.skipped.push_back({s.where, "Set '" + s.name + "' members",
                                   std::to_string(left) + " of its members were not imported"});
    }
  }

  void links() {
    for (const Link& l : x_.links) {
      if (entitySets_.linkIdOfGuid(l.guid)) {
        matched("links");
        continue;
      }
      auto stored = [&](const std::string& g) {
        return codeGuidOf_.count(g) ? codeGuidOf_.at(g) : g;
      };
      if (l.origin.empty() || l.target.empty() || !knownGuid(l.origin) || !knownGuid(l.target)) {
        report_.skipped.push_back(
            {l.where, "Link '" + l.name + "'", "one of its ends was not imported"});
        continue;
      }
      // The link's notes are memos on it (notes()), so its own memo column stays empty.
      entitySets_.insertLink({0, l.guid, l.name, std::string(toString(l.direction)),
                              orNone(validate::sixDigitColour(l.color)), stored(l.origin),
                              stored(l.target), "", now_});
      imported("links");
    }
  }

  void graphs() {
    for (const Graph& g : x_.graphs)
      report_.skipped.push_back({g.where, "Graph '" + g.name + "'",
                                 "diagrams are not kept (" + std::to_string(g.vertices.size()) +
                                     " vertices, " + std::to_string(g.edges.size()) +
                                     " edges); the links they draw are"});
  }

  void projectMeta() {
    // Only a project made from the file takes its name and description (project_meta is not
    // undoable, and importing into a study must not rename it).
    if (!wasEmpty_) return;
    store::ProjectMetaRows meta(db_);
    if (!x_.name.empty() && !x_.codebookOnly) meta.insertIfAbsent("name", x_.name);
    if (!x_.description.empty()) meta.insertIfAbsent("description", x_.description);
  }
};

}  // namespace

void apply(Project& project, const Exchange& exchange, ImportReport& report, Progress* progress) {
  NoProgress silent;
  const std::string what = exchange.codebookOnly ? "import codebook " : "import REFI-QDA ";
  store::Action action(project.impl(), what + report.file);
  // An exchange of 200,000 codings writes random GUIDs into indexes larger than SQLite's default
  // 2 MB page cache, which then spills pages to the WAL and reads them back. A larger cache for
  // the import's transaction, its commit included, took a fifth off its time (issue 21).
  store::LargerPageCache cache(action.db(), 64);
  Applier(project, action, exchange, report, progress ? *progress : silent).run();
  std::string counts;
  for (const auto& [k, v] : report.imported)
    counts += (counts.empty() ? "" : ", ") + jsonString(k) + ": " + std::to_string(v);
  action.audit("import-refi", "project", "",
               "{\"file\": " + jsonString(report.file) + ", \"imported\": {" + counts + "}}");
  action.commit();
}

}  // namespace cmoc::refi
