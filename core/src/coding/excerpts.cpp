// Coding::excerpts: coded text with its context and the attribution line researchers quote
// ("19; director; alliance 2"). One query finds the codings; each one's turns are looked up by
// position and only the text of those turns is read (source_window.h).
#include <algorithm>
#include <map>
#include <optional>

#include "cmoc/attribution.h"
#include "cmoc/coding.h"
#include "cmoc/project.h"
#include "codebook/code_index.h"
#include "coding_shared.h"
#include "library/study_read.h"
#include "sources/source_pages.h"
#include "sources/source_window.h"

namespace cmoc {

namespace {

struct Person {
  std::string code, role, caseName;
};

// Every participant with the two attributes an attribution needs. Projects hold tens to
// hundreds of participants, so loading them all beats a lookup per excerpt.
std::map<std::int64_t, Person> loadPeople(const sql::Db& db) {
  std::map<std::int64_t, Person> out;
  store::CodingQueries(db).eachAttributed([&out](const store::AttributedRow& p) {
    out[p.participantId] = {p.code, p.role, p.caseName};
  });
  return out;
}

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
  const store::CodingSelection sel = store::selectCodings(db, index, filter, project_.coder());
  const std::map<std::int64_t, Person> people = loadPeople(db);
  const std::int64_t context = std::max(contextChars, 0);

  std::vector<Excerpt> out;
  store::SourceWindows windows(db);
  store::PageLookup pages(db);
  // A paper linked to its study is quoted as the study: "Hartley and Osei 2017, p. 4".
  const auto citations = library::citationsBySource(db);
  // Ordered by source id within a name, so sources sharing a file name never interleave.
  store::CodingQueries(db).each(
      sel, store::CodingOrder::BySourceNameThenId, [&](const store::CodingListRow& row) {
        Excerpt x;
        x.coding = store::toRecord(row, index);
        const CodingRecord& c = x.coding;
        const store::SourceWindows::Around around = windows.around(c.sourceId, c.start, c.end);
        const store::TurnSpan* first = around.first ? &*around.first : nullptr;
        const store::TurnSpan* last = around.last ? &*around.last : nullptr;
        const store::TextWindow& window = *around.text;
        x.text = window.slice(c.start, c.end);

        const std::int64_t floor = first ? first->start : window.paragraphStart(c.start);
        const std::int64_t ceiling = last ? last->end : window.paragraphEnd(c.end);
        const std::int64_t from = std::max(floor, c.start - context);
        const std::int64_t to = std::min(ceiling, c.end + context);
        std::string_view before = window.slice(from, c.start), after = window.slice(c.end, to);
        if (from > floor && !isSpace(window.slice(from - 1, from).front()))
          before = dropPartialWordAtStart(before);
        if (to < ceiling && !isSpace(window.slice(to, to + 1).front()))
          after = dropPartialWordAtEnd(after);
        x.before = before;
        x.after = after;

        // As the participant and attribute filters see it: the speaker of the starting turn,
        // else the source's main participant.
        std::optional<std::int64_t> participant = first ? first->participant : std::nullopt;
        if (!participant) participant = row.sourceParticipantId;
        const Person* person = nullptr;
        if (participant)
          if (auto it = people.find(*participant); it != people.end()) person = &it->second;
        x.speaker = first ? first->speaker : "";
        x.participant = person ? person->code : "";
        x.page = pages.pageOf(c.sourceId, c.start);
        const auto study = citations.find(c.sourceId);
        x.attribution = x.page ? paperAttribution(c.sourceName, *x.page,
                                                  study == citations.end() ? "" : study->second)
                               : attribution(person, c.sourceName);
        out.push_back(std::move(x));
      });
  return out;
}

}  // namespace cmoc
