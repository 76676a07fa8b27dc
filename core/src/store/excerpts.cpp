// Coding::excerpts: coded text with its context and the attribution line researchers quote
// ("19; director; alliance 2"). One query finds the codings, ordered by source, so each
// source's text and turns are read once however many of its codings match.
#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include "cmoc/coding.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "code_index.h"
#include "coding_rows.h"

namespace cmoc {

namespace {

struct Person {
  std::string code, role, caseName;
};

// Every participant with the two attributes an attribution needs. Projects hold tens to
// hundreds of participants, so loading them all beats a lookup per excerpt.
std::map<std::int64_t, Person> loadPeople(const sql::Db& db) {
  sql::Stmt st(db, R"(
    SELECT p.id, p.code,
           ifnull((SELECT value FROM participant_attributes a
                   WHERE a.participant_id = p.id AND a.name = 'role'), ''),
           coalesce(cs.name, (SELECT value FROM participant_attributes a
                              WHERE a.participant_id = p.id AND a.name = 'case'), '')
    FROM participants p LEFT JOIN cases cs ON cs.id = p.case_id)");
  std::map<std::int64_t, Person> out;
  while (st.step()) out[st.i64(0)] = {st.str(1), st.str(2), st.str(3)};
  return out;
}

struct TurnSpan {
  std::int64_t start = 0, end = 0;
  std::string speaker;
  std::optional<std::int64_t> participant;
};

// One source's text and turns, held while its codings are turned into excerpts. Not movable:
// the index points into the text.
class SourceView {
 public:
  SourceView(sql::Stmt& textQuery, sql::Stmt& turnQuery, std::int64_t sourceId) {
    textQuery.bind(1, sourceId);
    if (textQuery.step()) text_ = textQuery.str(0);
    textQuery.reset();
    index_.emplace(text_);
    turnQuery.bind(1, sourceId);
    while (turnQuery.step())
      turns_.push_back({turnQuery.i64(0), turnQuery.i64(1), turnQuery.str(2), turnQuery.optI64(3)});
    turnQuery.reset();
  }
  SourceView(const SourceView&) = delete;
  SourceView& operator=(const SourceView&) = delete;

  // The turn holding code point `pos`, if any (text between turns, such as speaker labels,
  // belongs to none).
  const TurnSpan* turnAt(std::int64_t pos) const {
    auto it = std::upper_bound(turns_.begin(), turns_.end(), pos,
                               [](std::int64_t p, const TurnSpan& t) { return p < t.start; });
    if (it == turns_.begin()) return nullptr;
    --it;
    return pos < it->end ? &*it : nullptr;
  }

  std::string_view slice(std::int64_t start, std::int64_t end) const {
    const std::int64_t b = index_->byteOfCodePoint(start), e = index_->byteOfCodePoint(end);
    return std::string_view(text_).substr(
        static_cast<std::size_t>(b), static_cast<std::size_t>(std::max<std::int64_t>(e - b, 0)));
  }

  // Paragraph bounds around a position, for text outside any turn: from after the previous
  // line break to the next one.
  std::int64_t paragraphStart(std::int64_t pos) const {
    const std::size_t b = static_cast<std::size_t>(index_->byteOfCodePoint(pos));
    const std::size_t nl = b == 0 ? std::string::npos : text_.rfind('\n', b - 1);
    return nl == std::string::npos ? 0 : index_->codePointOfByte(static_cast<std::int64_t>(nl) + 1);
  }
  std::int64_t paragraphEnd(std::int64_t pos) const {
    const std::size_t nl = text_.find('\n', static_cast<std::size_t>(index_->byteOfCodePoint(pos)));
    return nl == std::string::npos ? index_->codePoints()
                                   : index_->codePointOfByte(static_cast<std::int64_t>(nl));
  }

 private:
  std::string text_;
  std::optional<text::TextIndex> index_;
  std::vector<TurnSpan> turns_;
};

bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// Context cut short by the character limit would otherwise begin or end inside a word.
std::string_view dropPartialWordAtStart(std::string_view s) {
  const std::size_t space = std::find_if(s.begin(), s.end(), isSpace) - s.begin();
  return space < s.size() ? s.substr(space + 1) : s;
}
std::string_view dropPartialWordAtEnd(std::string_view s) {
  const auto it = std::find_if(s.rbegin(), s.rend(), isSpace);
  return it == s.rend() ? s : s.substr(0, static_cast<std::size_t>(s.rend() - it - 1));
}

std::string attribution(const Person* person, const std::string& sourceName) {
  if (!person) return sourceName;
  std::string out;
  for (const std::string* part : {&person->code, &person->role, &person->caseName})
    if (!part->empty()) out += (out.empty() ? "" : "; ") + *part;
  return out.empty() ? sourceName : out;
}

}  // namespace

std::vector<Excerpt> Coding::excerpts(const CodingFilter& filter, int contextChars) const {
  const sql::Db& db = project_.impl().db;
  const store::CodeIndex index(db);
  store::CodingQuery q = store::buildCodingQuery(db, index, filter);
  // Ordered by source id within a name, so sources sharing a file name never interleave.
  sql::Stmt st(db, std::string("SELECT ") + store::kCodingColumns + ", s.participant_id" +
                       store::kCodingJoins + q.where +
                       " ORDER BY s.name, c.source_id, c.start, c.end, c.id");
  q.bind(st);
  sql::Stmt textQuery(db, "SELECT text FROM source_text WHERE source_id = ?");
  sql::Stmt turnQuery(db, R"(
    SELECT t.start, t.end, ifnull(k.label, ''), k.participant_id
    FROM turns t LEFT JOIN speakers k ON k.id = t.speaker_id
    WHERE t.source_id = ? ORDER BY t.start)");
  const std::map<std::int64_t, Person> people = loadPeople(db);
  const std::int64_t context = std::max(contextChars, 0);

  std::vector<Excerpt> out;
  std::unique_ptr<SourceView> view;
  std::int64_t viewSource = -1;
  while (st.step()) {
    Excerpt x;
    x.coding = store::readCoding(st, index);
    const CodingRecord& c = x.coding;
    if (c.sourceId != viewSource) {
      view = std::make_unique<SourceView>(textQuery, turnQuery, c.sourceId);
      viewSource = c.sourceId;
    }
    x.text = view->slice(c.start, c.end);

    const TurnSpan* first = view->turnAt(c.start);
    const TurnSpan* last = view->turnAt(c.end - 1);
    const std::int64_t floor = first ? first->start : view->paragraphStart(c.start);
    const std::int64_t ceiling = last ? last->end : view->paragraphEnd(c.end);
    const std::int64_t from = std::max(floor, c.start - context);
    const std::int64_t to = std::min(ceiling, c.end + context);
    std::string_view before = view->slice(from, c.start), after = view->slice(c.end, to);
    if (from > floor && !isSpace(view->slice(from - 1, from).front()))
      before = dropPartialWordAtStart(before);
    if (to < ceiling && !isSpace(view->slice(to, to + 1).front()))
      after = dropPartialWordAtEnd(after);
    x.before = before;
    x.after = after;

    // As the participant and attribute filters see it: the speaker of the starting turn,
    // else the source's main participant.
    std::optional<std::int64_t> participant = first ? first->participant : std::nullopt;
    if (!participant) participant = st.optI64(11);
    const Person* person = nullptr;
    if (participant)
      if (auto it = people.find(*participant); it != people.end()) person = &it->second;
    x.speaker = first ? first->speaker : "";
    x.participant = person ? person->code : "";
    x.attribution = attribution(person, c.sourceName);
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace cmoc
