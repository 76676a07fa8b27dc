#include "demo_fixture.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/importers/importer.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "test_support.h"

namespace cmoc::test {

namespace {

struct CodeSpec {
  const char* name;
  const char* parent;
  CodeKind kind;
  const char* color;
  CodeOrigin origin = CodeOrigin::Deductive;
  const char* definition = "";
};

const CodeSpec kCodes[] = {
    {"Mechanisms", nullptr, CodeKind::Mechanism, "#555555"},
    {"Trust", "Mechanisms", CodeKind::Mechanism, "#2E7D32", CodeOrigin::Deductive,
     "Willingness to accept vulnerability, expecting good intentions from the partner."},
    {"Initial trust", "Mechanisms/Trust", CodeKind::Mechanism, "#66BB6A"},
    {"Faith", "Mechanisms", CodeKind::Mechanism, "#1565C0", CodeOrigin::Deductive,
     "Belief the collaboration is worthwhile; motivation to work on it."},
    {"Perception of progress", "Mechanisms", CodeKind::Mechanism, "#42A5F5"},
    {"Conflict", "Mechanisms", CodeKind::Mechanism, "#C62828"},
    {"Confidence", "Mechanisms", CodeKind::Mechanism, "#00897B"},
    {"Contexts", nullptr, CodeKind::Context, "#555555"},
    {"History of competition", "Contexts", CodeKind::Context, "#8E24AA"},
    {"Mandated collaboration", "Contexts", CodeKind::Context, "#AB47BC"},
    {"Quick wins", "Contexts", CodeKind::Context, "#CE93D8", CodeOrigin::Inductive},
    {"Interoperable IT", "Contexts", CodeKind::Context, "#7E57C2"},
    {"COVID-19", "Contexts", CodeKind::Context, "#5E35B1"},
    {"Slow pace of development", "Contexts", CodeKind::Context, "#BA68C8"},
    {"Outcomes", nullptr, CodeKind::Outcome, "#555555"},
    {"Collaborative behaviour", "Outcomes", CodeKind::Outcome, "#EF6C00"},
    {"Reduced faith", "Outcomes", CodeKind::Outcome, "#FFA726"},
    {"Cost savings", "Outcomes", CodeKind::Outcome, "#F4511E"},
};

// Codes each search hit's sentence, at most `limit` hits.
std::vector<CodingRecord> codeHits(Project& p, const std::string& query, const std::string& code,
                                   std::size_t limit, std::size_t skipEvery = 0) {
  std::vector<CodingRecord> out;
  std::map<std::int64_t, std::string> texts;
  std::map<std::int64_t, std::vector<std::int64_t>> bounds;
  std::set<std::pair<std::int64_t, std::int64_t>> done;
  std::size_t n = 0;
  for (const SearchHit& h : p.search(query, {.limit = 400, .contextChars = 10})) {
    ++n;
    if (skipEvery && n % skipEvery == 0) continue;
    if (out.size() >= limit) break;
    auto& text = texts[h.sourceId];
    if (text.empty()) {
      text = p.sourceText(h.sourceId);
      bounds[h.sourceId] = text::sentenceBoundaries(text);
    }
    const auto& b = bounds[h.sourceId];
    auto hi = std::upper_bound(b.begin(), b.end(), h.start);
    const std::int64_t start = hi == b.begin() ? 0 : *(hi - 1);
    const std::int64_t end = hi == b.end() ? h.end : *hi;
    // Sentence breaks keep the trailing space and line break; codings should not.
    std::int64_t e = end;
    const std::string_view s = text::sliceCodePoints(text, start, end);
    std::size_t trim = s.size();
    while (trim > 0 && (s[trim - 1] == ' ' || s[trim - 1] == '\n')) --trim, --e;
    if (e <= start || !done.insert({h.sourceId, start}).second) continue;
    out.push_back(Coding(p).apply(std::to_string(h.sourceId), code, start, e));
  }
  return out;
}

std::vector<std::filesystem::path> sampleFiles() {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(samplesDir())) {
    if (!e.is_regular_file()) continue;
    for (const auto& imp : importers::transcriptImporters())
      if (imp->canLoad(e.path())) {
        files.push_back(e.path());
        break;
      }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int buildDemoProject(const std::filesystem::path& file, const DemoOptions& options) {
  Project p = Project::create(file);
  const ParticipantSheet sheet = importers::loadParticipants(samplesDir() / "participants.csv");
  for (const auto& f : sampleFiles()) p.addTranscript(importers::loadTranscript(f), &sheet);
  if (!options.codings) return 0;

  p.setCoder("AJ");
  Codebook book(p);
  for (const CodeSpec& c : kCodes) {
    CodeDraft d;
    d.name = c.name;
    if (c.parent) d.parent = c.parent;
    d.kind = c.kind;
    d.color = c.color;
    d.origin = c.origin;
    d.definition = c.definition;
    book.add(d);
  }
  auto quick = codeHits(p, "\"quick win\" OR \"early win\" OR \"got a win\"", "Quick wins", 12);
  auto trust = codeHits(p, "trust OR trusted", "Trust", 40);
  auto competition = codeHits(p, "competing OR competitive OR competition", "History of competition", 16);
  auto mandate = codeHits(p, "mandate OR mandated OR imposed", "Mandated collaboration", 12);
  auto faith = codeHits(p, "faith", "Faith", 14);
  auto progress = codeHits(p, "progress", "Perception of progress", 10);
  auto slow = codeHits(p, "slow OR stalled", "Slow pace of development", 10);
  auto conflict = codeHits(p, "conflict OR row OR \"walked out\"", "Conflict", 14);
  auto it = codeHits(p, "EPR OR interoperable OR \"shared care record\"", "Interoperable IT", 12);
  auto covid = codeHits(p, "COVID", "COVID-19", 12);
  auto collab = codeHits(p, "together OR collaborative OR attend", "Collaborative behaviour", 20);
  auto savings = codeHits(p, "saved OR savings OR million", "Cost savings", 10);
  auto reduced = codeHits(p, "cynical OR cynicism OR \"gave up\" OR \"lost faith\"", "Reduced faith", 8);
  int count = 0;
  for (const auto* v : {&quick, &trust, &competition, &mandate, &faith, &progress, &conflict, &it,
                        &covid, &collab, &savings, &reduced, &slow})
    count += static_cast<int>(v->size());

  // The second coder codes the trust passages again, reading some as confidence.
  p.setCoder("RM");
  count += static_cast<int>(codeHits(p, "trust OR trusted", "Trust", 30, 4).size());
  count += static_cast<int>(codeHits(p, "contract OR agreement", "Confidence", 8).size());
  count += static_cast<int>(codeHits(p, "\"quick win\" OR \"early win\"", "Quick wins", 6).size());

  p.setCoder("AJ");
  Cmocs cmocs(p);
  auto draft = [](const char* c, const char* m, const char* o, CmocStatus s,
                  std::vector<std::pair<Slot, std::int64_t>> ev) {
    CmocDraft d;
    d.context = c;
    d.mechanism = m;
    d.outcome = o;
    d.status = s;
    d.evidence = std::move(ev);
    return d;
  };
  auto ev = [](Slot s, const std::vector<CodingRecord>& v, std::size_t from, std::size_t n) {
    std::vector<std::pair<Slot, std::int64_t>> out;
    for (std::size_t i = from; i < std::min(v.size(), from + n); ++i) out.emplace_back(s, v[i].id);
    return out;
  };
  auto join = [](std::vector<std::pair<Slot, std::int64_t>> a,
                 const std::vector<std::pair<Slot, std::int64_t>>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  const Cmoc c1 = cmocs.add(draft("Quick wins", "Trust", "Collaborative behaviour", CmocStatus::Affirms,
                                  join(join(ev(Slot::Context, quick, 0, 4), ev(Slot::Mechanism, trust, 0, 5)),
                                       ev(Slot::Outcome, collab, 0, 3))));
  const Cmoc c2 = cmocs.add(draft("Slow pace of development", "Conflict", "Reduced faith", CmocStatus::Refines,
                                  join(join(ev(Slot::Context, slow, 0, 3), ev(Slot::Mechanism, conflict, 0, 4)),
                                       ev(Slot::Outcome, reduced, 0, 2))));
  cmocs.add(draft("History of competition", "Trust", "Collaborative behaviour", CmocStatus::Novel,
                  join(ev(Slot::Context, competition, 0, 3), ev(Slot::Mechanism, trust, 5, 3))));
  cmocs.add(draft("Mandated collaboration", "Faith", "Reduced faith", CmocStatus::Refutes,
                  join(ev(Slot::Context, mandate, 0, 3), ev(Slot::Mechanism, faith, 0, 3))));
  const Cmoc c5 = cmocs.add(draft("COVID-19", "Trust", "Collaborative behaviour", CmocStatus::Affirms,
                                  join(ev(Slot::Context, covid, 0, 4), ev(Slot::Mechanism, trust, 8, 4))));
  cmocs.add(draft("Interoperable IT", "Perception of progress", "Cost savings", CmocStatus::Novel,
                  join(join(ev(Slot::Context, it, 0, 1), ev(Slot::Mechanism, progress, 0, 1)),
                       ev(Slot::Outcome, savings, 0, 1))));
  cmocs.link(c1.id, c2.id);
  cmocs.link(c5.id, c1.id);
  return count;
}

}  // namespace cmoc::test
