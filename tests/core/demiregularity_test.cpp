// Demiregularities (cmoc/demiregularity.h): CMOCs grouped by mechanism with their contexts,
// outcomes, excerpts, sources, participants and case types, the multiple-sources rule, and the
// order by support. Built by hand on interviews and a focus group with a participants sheet.
#include "cmoc/demiregularity.h"

#include <gtest/gtest.h>

#include <map>
#include <utility>

#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "test_support.h"
#include "transcript_builder.h"

using namespace cmoc;

namespace {

using Lines = test::Said;  // speaker, what they said

// One line per turn.
Transcript transcript(const std::string& file, const Lines& lines) {
  return test::TranscriptBuilder(file).between("\n").turns(lines).build();
}

ParticipantRow person(const std::string& file, const std::string& code, const std::string& speaker,
                      const std::string& caseName, const std::string& caseType) {
  return {file, code, speaker, false, {{"role", "staff"}, {"case", caseName}, {"case_type", caseType}}, 0};
}

// Three interviews (participants 19, 22, 23) and a focus group (30 and 31 with a facilitator),
// across the case types alliance, hospital group and merger.
struct Study {
  test::TempDir dir;
  Project project = Project::create(dir / "d.cmoc");
  Cmocs cmocs{project};
  std::map<std::string, std::string> texts;

  Study() {
    project.setCoder("ana");
    ParticipantSheet sheet{"participants.csv", {}};
    sheet.rows.push_back({"", "INT1", "Interviewer", true, {{"role", "interviewer"}}, 0});
    sheet.rows.push_back(person("i1.txt", "19", "Gwen", "alliance 2", "alliance"));
    sheet.rows.push_back(person("i2.txt", "22", "Raj", "northshore", "hospital group"));
    sheet.rows.push_back(person("i3.txt", "23", "Lee", "alliance 1", "alliance"));
    sheet.rows.push_back(person("fg.txt", "30", "Ann", "alliance 1", "alliance"));
    sheet.rows.push_back(person("fg.txt", "31", "Bob", "merger A", "merger"));
    const std::vector<Transcript> sources = {
        transcript("i1.txt", {{"Interviewer", "How did it go?"},
                              {"Gwen", "The slow pace bred conflict and trust fell away."}}),
        transcript("i2.txt", {{"Interviewer", "And for you?"},
                              {"Raj", "Trust came from quick wins and shared goals."}}),
        transcript("i3.txt", {{"Interviewer", "Anything else?"},
                              {"Lee", "Faith grew once the board met monthly, faith indeed, faith."}}),
        transcript("fg.txt", {{"Interviewer", "Was there conflict here too?"},
                              {"Ann", "Trust fell when the merger stalled."},
                              {"Bob", "We collaborated anyway, trust or not."}}),
    };
    for (const Transcript& t : sources) {
      texts[t.fileName] = t.text;
      project.addTranscript(t, &sheet);
    }
    Codebook book(project);
    for (const char* c : {"Slow pace", "Mandated", "Quick wins"})
      book.add({.name = c, .kind = CodeKind::Context});
    for (const char* m : {"Trust", "Conflict", "Faith"}) book.add({.name = m, .kind = CodeKind::Mechanism});
    for (const char* o : {"Reduced trust", "Collaboration"}) book.add({.name = o, .kind = CodeKind::Outcome});
  }

  // Codes the n-th occurrence of `phrase` in a source.
  std::int64_t code(const std::string& file, const std::string& phrase, const std::string& code,
                    int nth = 0) {
    std::size_t at = texts.at(file).find(phrase);
    for (int i = 0; i < nth; ++i) at = texts.at(file).find(phrase, at + 1);
    EXPECT_NE(at, std::string::npos) << phrase;
    const auto start = static_cast<std::int64_t>(at);
    return Coding(project).apply(file, code, start, start + static_cast<std::int64_t>(phrase.size())).id;
  }

  std::int64_t add(const std::string& c, const std::string& m, const std::string& o,
                   std::vector<std::pair<Slot, std::int64_t>> evidence) {
    return cmocs.add({.context = c, .mechanism = m, .outcome = o, .evidence = std::move(evidence)}).id;
  }
};

// Trust: A (3 sources), B (1 source, 2 participants), C (no evidence).
// Conflict: D (2 sources, one excerpt from the facilitator). Faith: E (1 source, 3 excerpts).
struct Demis : Study {
  std::int64_t a, b, c, d, e;
  Demis() {
    const std::int64_t ann = code("fg.txt", "Trust fell", "Reduced trust");
    a = add("Slow pace", "Trust", "Reduced trust",
            {{Slot::Context, code("i1.txt", "slow pace", "Slow pace")},
             {Slot::Mechanism, code("i2.txt", "Trust came", "Trust")},
             {Slot::Outcome, ann}});
    b = add("Slow pace", "Trust", "Collaboration",
            {{Slot::Outcome, code("fg.txt", "We collaborated", "Collaboration")}, {Slot::Mechanism, ann}});
    c = add("Mandated", "Trust", "Reduced trust", {});
    d = add("Slow pace", "Conflict", "Reduced trust",
            {{Slot::Mechanism, code("i1.txt", "conflict", "Conflict")},
             {Slot::Mechanism, code("fg.txt", "conflict", "Conflict")}});
    e = add("Quick wins", "Faith", "Collaboration",
            {{Slot::Mechanism, code("i3.txt", "Faith", "Faith")},
             {Slot::Mechanism, code("i3.txt", "faith", "Faith")},
             {Slot::Mechanism, code("i3.txt", "faith", "Faith", 1)}});
  }
};

const Demiregularity& find(const std::vector<Demiregularity>& all, const std::string& mechanism) {
  for (const Demiregularity& d : all)
    if (d.mechanism == mechanism) return d;
  throw std::runtime_error("no demiregularity for " + mechanism);
}

std::vector<std::int64_t> ids(const Demiregularity& d) {
  std::vector<std::int64_t> out;
  for (const DemiCmoc& c : d.cmocs) out.push_back(c.cmoc.id);
  return out;
}

}  // namespace

TEST(Demiregularity, OneEntryPerMechanismSortedBySourcesThenExcerpts) {
  Demis s;
  const auto all = demiregularities(s.project);
  ASSERT_EQ(all.size(), 3u);
  // Faith has more excerpts than Conflict but from one source only.
  EXPECT_EQ(all[0].mechanism, "Trust");
  EXPECT_EQ(all[1].mechanism, "Conflict");
  EXPECT_EQ(all[2].mechanism, "Faith");
  EXPECT_EQ(all[2].excerpts, 3);
  EXPECT_EQ(all[1].excerpts, 2);
}

TEST(Demiregularity, CountsExcerptsSourcesParticipantsAndCaseTypes) {
  Demis s;
  const auto all = demiregularities(s.project);
  const Demiregularity& trust = find(all, "Trust");
  EXPECT_EQ(trust.mechanismPath, "Trust");
  EXPECT_EQ(trust.excerpts, 4);  // Ann's excerpt backs A and B: counted once
  EXPECT_EQ(trust.sources, 3);
  EXPECT_EQ(trust.participants, (std::vector<std::string>{"19", "22", "30", "31"}));
  EXPECT_EQ(trust.caseTypes, (std::vector<std::string>{"alliance", "hospital group", "merger"}));
  EXPECT_EQ(ids(trust), (std::vector<std::int64_t>{s.a, s.b, s.c}));
  EXPECT_EQ(trust.cmocs[0].excerpts, 3);
  EXPECT_EQ(trust.cmocs[0].sources, 3);
  EXPECT_EQ(trust.cmocs[0].participants, 3);
  EXPECT_EQ(trust.cmocs[1].sources, 1);
  EXPECT_EQ(trust.cmocs[1].participants, 2);  // two speakers of one focus group
  EXPECT_EQ(trust.cmocs[2].excerpts, 0);
  ASSERT_EQ(trust.cmocs[0].cmoc.outcome.evidence.size(), 1u);  // full CMOCs, ready to quote
}

TEST(Demiregularity, ContextsAndOutcomesAreCountedPerCmoc) {
  Demis s;
  const auto all = demiregularities(s.project);
  const Demiregularity& trust = find(all, "Trust");
  ASSERT_EQ(trust.contexts.size(), 2u);
  EXPECT_EQ(trust.contexts[0].code, "Slow pace");
  EXPECT_EQ(trust.contexts[0].cmocs, 2);
  EXPECT_EQ(trust.contexts[1].code, "Mandated");
  EXPECT_EQ(trust.contexts[1].cmocs, 1);
  ASSERT_EQ(trust.outcomes.size(), 2u);
  EXPECT_EQ(trust.outcomes[0].code, "Reduced trust");
  EXPECT_EQ(trust.outcomes[0].cmocs, 2);
  EXPECT_EQ(trust.outcomes[1].code, "Collaboration");
}

TEST(Demiregularity, InterviewersDoNotCountAsParticipants) {
  Demis s;
  const auto all = demiregularities(s.project);
  const Demiregularity& conflict = find(all, "Conflict");
  EXPECT_EQ(conflict.sources, 2);  // the facilitator's question is still in the focus group
  EXPECT_EQ(conflict.participants, (std::vector<std::string>{"19"}));
  EXPECT_EQ(conflict.caseTypes, (std::vector<std::string>{"alliance"}));
}

TEST(Demiregularity, MultipleSourcesRuleWithThresholdTwo) {
  Demis s;
  const auto all = demiregularities(s.project);
  const Demiregularity& trust = find(all, "Trust");
  EXPECT_EQ(trust.failing, 2);
  EXPECT_FALSE(trust.cmocs[0].failsRule);
  EXPECT_TRUE(trust.cmocs[1].failsRule);
  EXPECT_TRUE(trust.cmocs[2].failsRule);
  EXPECT_EQ(find(all, "Conflict").failing, 0);
  EXPECT_EQ(find(all, "Faith").failing, 1);
}

TEST(Demiregularity, MultipleSourcesRuleWithThresholdThree) {
  Demis s;
  const auto all = demiregularities(s.project, {.threshold = 3});
  EXPECT_EQ(find(all, "Trust").failing, 2);
  EXPECT_FALSE(find(all, "Trust").cmocs[0].failsRule);  // exactly 3 sources passes
  EXPECT_EQ(find(all, "Conflict").failing, 1);
  EXPECT_TRUE(find(all, "Conflict").cmocs[0].failsRule);
}

TEST(Demiregularity, FiltersByMechanismAndStatus) {
  Demis s;
  auto all = demiregularities(s.project, {.filter = {.mechanisms = {"Conflict"}}});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(ids(all[0]), std::vector<std::int64_t>{s.d});
  s.cmocs.edit(s.b, {.status = CmocStatus::Refutes});
  all = demiregularities(s.project, {.filter = {.status = CmocStatus::Refutes}});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(ids(all[0]), std::vector<std::int64_t>{s.b});
  EXPECT_THROW(demiregularities(s.project, {.filter = {.mechanisms = {"Nope"}}}), NotFound);
}

TEST(Demiregularity, AThresholdBelowOneIsRefused) {
  Study s;
  try {
    demiregularities(s.project, {.threshold = 0});
    ADD_FAILURE();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "the multiple-sources threshold must be at least 1 (got 0)");
  }
}

TEST(Demiregularity, NoCmocsNoDemiregularities) {
  Study s;
  EXPECT_TRUE(demiregularities(s.project).empty());
}
