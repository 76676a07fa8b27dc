// CMOCs (cmoc/cmocs.h): slots, kinds, status, prior, evidence, listing, undo, deletion, chains,
// suggested links and cycles; and their sentence and action-statement renderings.
#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include "cmoc/cmoc_text.h"
#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "expect_error.h"
#include "test_support.h"

using namespace cmoc;
using cmoc::test::expectError;

namespace {

// Two interviews; a small realist codebook; one coding per code in each interview.
struct Study {
  test::TempDir dir;
  Project project = Project::create(dir / "s.cmoc");
  Cmocs cmocs{project};
  std::map<std::string, std::int64_t> coding;  // "Conflict@a.txt" -> id

  Study() {
    project.setCoder("ana");
    for (const char* name : {"a.txt", "b.txt"}) {
      // Texts differ in their last character: identical texts would be one source.
      Transcript t{name, "text", std::string("I: Why?\nR: A slow pace bred conflict and trust fell") + (name[0] == 'a' ? "." : "!"), {}};
      t.turns = {{"I", 3, 7, {}, {}}, {"R", 11, 52, {}, {}}};
      project.addTranscript(t);
    }
    Codebook book(project);
    book.add({.name = "Slow pace", .kind = CodeKind::Context});
    book.add({.name = "Conflict", .kind = CodeKind::Mechanism});
    book.add({.name = "Trust", .kind = CodeKind::Mechanism});
    book.add({.name = "Initial trust", .parent = "Trust", .kind = CodeKind::Mechanism});
    book.add({.name = "Reduced trust", .kind = CodeKind::Outcome});
    book.add({.name = "Quick wins", .kind = CodeKind::Other});
    Coding c(project);
    for (const char* src : {"a.txt", "b.txt"}) {
      coding[std::string("Slow pace@") + src] = c.apply(src, "Slow pace", 13, 22).id;
      coding[std::string("Conflict@") + src] = c.apply(src, "Conflict", 28, 36).id;
      coding[std::string("Initial trust@") + src] = c.apply(src, "Initial trust", 41, 46).id;
      coding[std::string("Reduced trust@") + src] = c.apply(src, "Reduced trust", 41, 51).id;
    }
  }

  Cmoc add(const std::string& c, const std::string& m, const std::string& o,
           CmocStatus status = CmocStatus::Novel) {
    return cmocs.add({.context = c, .mechanism = m, .outcome = o, .status = status});
  }
};

}  // namespace

TEST(Cmocs, AddStoresSlotsStatusLabelMemoCoderAndTimes) {
  Study s;
  const Cmoc c = s.cmocs.add({.context = "Slow pace",
                              .mechanism = "Conflict",
                              .outcome = "Reduced trust",
                              .status = CmocStatus::Affirms,
                              .label = "C1",
                              .memo = "from the alliance interviews"});
  EXPECT_GT(c.id, 0);
  EXPECT_EQ(c.guid.size(), 36u);
  EXPECT_EQ(c.context.code, "Slow pace");
  EXPECT_EQ(c.context.kind, CodeKind::Context);
  EXPECT_EQ(c.mechanism.code, "Conflict");
  EXPECT_EQ(c.outcome.codePath, "Reduced trust");
  EXPECT_EQ(c.status, CmocStatus::Affirms);
  EXPECT_EQ(c.label, "C1");
  EXPECT_EQ(c.memo, "from the alliance interviews");
  EXPECT_EQ(c.coder, "ana");
  EXPECT_FALSE(c.priorId);
  EXPECT_EQ(c.createdAt.size(), 20u);
  EXPECT_EQ(c.modifiedAt, c.createdAt);
  EXPECT_EQ(s.cmocs.get(c.id).guid, c.guid);
}

TEST(Cmocs, AWrongKindSlotIsRefusedUnlessForced) {
  Study s;
  expectError<UsageError>([&] { s.add("Trust", "Conflict", "Reduced trust"); },
                          "'Trust' is a mechanism code, not a context code (use --force to allow)");
  expectError<UsageError>([&] { s.add("Slow pace", "Reduced trust", "Conflict"); },
                          "'Reduced trust' is an outcome code, not a mechanism code (use --force "
                          "to allow)");
  expectError<UsageError>([&] { s.add("Slow pace", "Trust/Initial trust", "Slow pace"); },
                          "'Slow pace' is a context code, not an outcome code (use --force to allow)");
  EXPECT_TRUE(s.cmocs.list().empty());
  const Cmoc forced = s.cmocs.add({.context = "Trust", .mechanism = "Conflict", .outcome = "Reduced trust"},
                                  KindCheck::Force);
  EXPECT_EQ(forced.context.code, "Trust");
}

TEST(Cmocs, CodesOfKindOtherFitAnySlot) {
  Study s;
  EXPECT_NO_THROW(s.add("Quick wins", "Quick wins", "Quick wins"));
}

TEST(Cmocs, UnknownAndMissingCodesAreErrors) {
  Study s;
  expectError<NotFound>([&] { s.add("Nope", "Conflict", "Reduced trust"); }, "no code named 'Nope'");
  expectError<UsageError>([&] { s.add("", "Conflict", "Reduced trust"); },
                          "a CMOC needs a context code");
}

TEST(Cmocs, EvidenceIsKeptPerSlotAndCountsExcerptsAndSources) {
  Study s;
  const Cmoc c = s.cmocs.add({.context = "Slow pace",
                              .mechanism = "Trust",
                              .outcome = "Reduced trust",
                              .evidence = {{Slot::Context, s.coding["Slow pace@a.txt"]},
                                           {Slot::Mechanism, s.coding["Initial trust@b.txt"]},
                                           {Slot::Outcome, s.coding["Conflict@a.txt"]},
                                           {Slot::Outcome, s.coding["Slow pace@a.txt"]}}});
  ASSERT_EQ(c.context.evidence.size(), 1u);
  EXPECT_EQ(c.context.evidence[0].codingId, s.coding["Slow pace@a.txt"]);
  EXPECT_TRUE(c.context.evidence[0].fitsSlot);
  EXPECT_EQ(c.context.evidence[0].start, 13);
  // A sub-code's coding backs its parent's slot; another code's is allowed but marked.
  ASSERT_EQ(c.mechanism.evidence.size(), 1u);
  EXPECT_TRUE(c.mechanism.evidence[0].fitsSlot);
  ASSERT_EQ(c.outcome.evidence.size(), 2u);
  EXPECT_FALSE(c.outcome.evidence[0].fitsSlot);
  EXPECT_EQ(c.excerptCount(), 3u);  // the slow-pace passage backs two slots, counted once
  EXPECT_EQ(c.sourceCount(), 2u);
}

TEST(Cmocs, EvidenceExcerptsQuoteEachEvidenceCodingOnly) {
  Study s;
  const Cmoc c = s.cmocs.add({.context = "Slow pace",
                              .mechanism = "Conflict",
                              .outcome = "Reduced trust",
                              .evidence = {{Slot::Context, s.coding["Slow pace@a.txt"]},
                                           {Slot::Outcome, s.coding["Reduced trust@b.txt"]}}});
  const auto quotes = s.cmocs.evidenceExcerpts({c}, 5);
  ASSERT_EQ(quotes.size(), 2u);  // not the other codings of those codes and sources
  const Excerpt& slow = quotes.at(s.coding["Slow pace@a.txt"]);
  EXPECT_EQ(slow.text, "slow pace");
  EXPECT_EQ(slow.before, "A ");
  EXPECT_EQ(slow.attribution, "a.txt");  // no participants sheet: the source names it
  EXPECT_EQ(quotes.at(s.coding["Reduced trust@b.txt"]).text, "trust fell");
  EXPECT_TRUE(s.cmocs.evidenceExcerpts({}).empty());
}

TEST(Cmocs, UnknownCodingAsEvidenceIsRefusedAndNothingIsAdded) {
  Study s;
  expectError<NotFound>(
      [&] {
        s.cmocs.add({.context = "Slow pace", .mechanism = "Conflict", .outcome = "Reduced trust",
                     .evidence = {{Slot::Context, 999}}});
      },
      "no coding with id 999");
  EXPECT_TRUE(s.cmocs.list().empty());
}

TEST(Cmocs, AddingAndRemovingEvidence) {
  Study s;
  const std::int64_t id = s.add("Slow pace", "Conflict", "Reduced trust").id;
  const std::int64_t coding = s.coding["Slow pace@b.txt"];
  EXPECT_EQ(s.cmocs.addEvidence(id, Slot::Context, coding).context.evidence.size(), 1u);
  expectError<UsageError>([&] { s.cmocs.addEvidence(id, Slot::Context, coding); },
                          "coding " + std::to_string(coding) + " already supports the context of CMOC " +
                              std::to_string(id));
  expectError<NotFound>([&] { s.cmocs.addEvidence(id, Slot::Context, 999); }, "no coding with id 999");
  expectError<NotFound>([&] { s.cmocs.addEvidence(77, Slot::Context, coding); }, "no CMOC with id 77");
  expectError<NotFound>([&] { s.cmocs.removeEvidence(id, Slot::Outcome, coding); },
                        "coding " + std::to_string(coding) + " is not evidence for the outcome of CMOC " +
                            std::to_string(id));
  EXPECT_TRUE(s.cmocs.removeEvidence(id, Slot::Context, coding).context.evidence.empty());
}

TEST(Cmocs, PriorIsFoundByIdOrGuidAndMustExist) {
  Study s;
  const Cmoc first = s.add("Slow pace", "Conflict", "Reduced trust");
  Cmoc second = s.cmocs.add({.context = "Slow pace", .mechanism = "Trust", .outcome = "Reduced trust",
                             .status = CmocStatus::Refines, .prior = std::to_string(first.id)});
  EXPECT_EQ(second.priorId, first.id);
  EXPECT_EQ(second.priorGuid, first.guid);
  second = s.cmocs.add({.context = "Slow pace", .mechanism = "Trust", .outcome = "Reduced trust",
                        .prior = first.guid});
  EXPECT_EQ(second.priorId, first.id);
  expectError<NotFound>(
      [&] {
        s.cmocs.add({.context = "Slow pace", .mechanism = "Trust", .outcome = "Reduced trust",
                     .prior = "99"});
      },
      "no CMOC with id 99");
  expectError<NotFound>([&] { s.cmocs.resolve("not-a-guid"); },
                        "no CMOC with id or GUID 'not-a-guid'");
  EXPECT_EQ(s.cmocs.resolve(first.guid), first.id);
}

TEST(Cmocs, APriorCannotBeTheCmocItselfNorBuildOnIt) {
  Study s;
  const std::int64_t a = s.add("Slow pace", "Conflict", "Reduced trust").id;
  const std::int64_t b = s.cmocs.add({.context = "Slow pace", .mechanism = "Trust",
                                      .outcome = "Reduced trust", .prior = std::to_string(a)}).id;
  expectError<UsageError>([&] { s.cmocs.edit(a, {.prior = std::to_string(a)}); },
                          "CMOC " + std::to_string(a) + " cannot test itself");
  expectError<UsageError>([&] { s.cmocs.edit(a, {.prior = std::to_string(b)}); },
                          "CMOC " + std::to_string(a) + " cannot test CMOC " + std::to_string(b) +
                              ", which already builds on it");
  EXPECT_FALSE(s.cmocs.edit(b, {.prior = ""}).priorId);
}

TEST(Cmocs, EditChangesAnyFieldAndChecksOnlyChangedSlots) {
  Study s;
  const Cmoc forced = s.cmocs.add({.context = "Trust", .mechanism = "Conflict", .outcome = "Reduced trust"},
                                  KindCheck::Force);
  Cmoc c = s.cmocs.edit(forced.id, {.status = CmocStatus::Refutes, .label = "L", .memo = "M"});
  EXPECT_EQ(c.status, CmocStatus::Refutes);
  EXPECT_EQ(c.label, "L");
  EXPECT_EQ(c.memo, "M");
  EXPECT_EQ(c.context.code, "Trust");  // forced once, kept through other edits
  c = s.cmocs.edit(forced.id, {.context = "Slow pace", .mechanism = "Trust/Initial trust",
                               .outcome = "Quick wins"});
  EXPECT_EQ(c.context.code, "Slow pace");
  EXPECT_EQ(c.mechanism.codePath, "Trust/Initial trust");
  EXPECT_EQ(c.outcome.code, "Quick wins");
  expectError<UsageError>([&] { s.cmocs.edit(forced.id, {.outcome = "Conflict"}); },
                          "'Conflict' is a mechanism code, not an outcome code (use --force to allow)");
  expectError<NotFound>([&] { s.cmocs.edit(42, {.label = "x"}); }, "no CMOC with id 42");
}

TEST(Cmocs, ListAndCountFilterByMechanismStatusCoderAndCode) {
  Study s;
  const std::int64_t a = s.add("Slow pace", "Conflict", "Reduced trust", CmocStatus::Affirms).id;
  const std::int64_t b = s.add("Slow pace", "Trust", "Reduced trust", CmocStatus::Refutes).id;
  s.project.setCoder("ben");
  const std::int64_t c = s.add("Quick wins", "Trust/Initial trust", "Quick wins").id;
  auto ids = [&](const CmocFilter& f) {
    std::vector<std::int64_t> out;
    for (const Cmoc& x : s.cmocs.list(f)) out.push_back(x.id);
    EXPECT_EQ(s.cmocs.count(f), static_cast<std::int64_t>(out.size()));  // the same filter
    return out;
  };
  EXPECT_EQ(ids({}), (std::vector<std::int64_t>{a, b, c}));
  EXPECT_EQ(ids({.mechanisms = {"Trust"}}), (std::vector<std::int64_t>{b}));
  EXPECT_EQ(ids({.mechanisms = {"Trust"}, .withChildCodes = true}), (std::vector<std::int64_t>{b, c}));
  EXPECT_EQ(ids({.status = CmocStatus::Affirms}), (std::vector<std::int64_t>{a}));
  EXPECT_EQ(ids({.coders = {"ben"}}), (std::vector<std::int64_t>{c}));
  EXPECT_EQ(ids({.codes = {"Quick wins"}}), (std::vector<std::int64_t>{c}));
  EXPECT_EQ(ids({.codes = {"Reduced trust", "Conflict"}}), (std::vector<std::int64_t>{a, b}));
  EXPECT_EQ(ids({.mechanisms = {"Trust"}, .status = CmocStatus::Affirms}), std::vector<std::int64_t>{});
  expectError<NotFound>([&] { s.cmocs.list({.coders = {"zed"}}); }, "no coder named 'zed'");
  expectError<NotFound>([&] { s.cmocs.list({.mechanisms = {"Nope"}}); }, "no code named 'Nope'");
  expectError<NotFound>([&] { s.cmocs.count({.coders = {"zed"}}); }, "no coder named 'zed'");
}

TEST(Cmocs, RemoveIsAuditedAndTakesEvidenceAndLinksWithIt) {
  Study s;
  const Cmoc a = s.cmocs.add({.context = "Slow pace", .mechanism = "Conflict", .outcome = "Reduced trust",
                              .evidence = {{Slot::Context, s.coding["Slow pace@a.txt"]}}});
  const Cmoc b = s.cmocs.add({.context = "Reduced trust", .mechanism = "Trust", .outcome = "Quick wins",
                              .prior = std::to_string(a.id)},
                             KindCheck::Force);
  s.cmocs.link(a.id, b.id);
  s.cmocs.remove(a.id);
  expectError<NotFound>([&] { s.cmocs.get(a.id); }, "no CMOC with id " + std::to_string(a.id));
  EXPECT_TRUE(s.cmocs.links().empty());
  EXPECT_FALSE(s.cmocs.get(b.id).priorId);
  const auto log = s.project.auditLog();
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log[0].action, "delete-cmoc");
  EXPECT_EQ(log[0].entityGuid, a.guid);
  EXPECT_NE(log[0].detail.find("\"mechanism\""), std::string::npos);
  expectError<NotFound>([&] { s.cmocs.remove(a.id); }, "no CMOC with id " + std::to_string(a.id));

  // Undo brings back the CMOC with its evidence, link and the prior that pointed to it.
  EXPECT_EQ(s.project.undo(), "delete CMOC " + std::to_string(a.id));
  EXPECT_EQ(s.cmocs.get(a.id).context.evidence.size(), 1u);
  EXPECT_EQ(s.cmocs.links().size(), 1u);
  EXPECT_EQ(s.cmocs.get(b.id).priorId, a.id);

  // Redo deletes it again, cascades included, without tripping over them.
  EXPECT_EQ(s.project.redo(), "delete CMOC " + std::to_string(a.id));
  expectError<NotFound>([&] { s.cmocs.get(a.id); }, "no CMOC with id " + std::to_string(a.id));
  EXPECT_TRUE(s.cmocs.links().empty());
  EXPECT_FALSE(s.cmocs.get(b.id).priorId);
}

TEST(Cmocs, AddWithEvidenceIsUndoneAndRedoneWhole) {
  Study s;
  const Cmoc a = s.cmocs.add({.context = "Slow pace", .mechanism = "Conflict", .outcome = "Reduced trust",
                              .evidence = {{Slot::Context, s.coding["Slow pace@a.txt"]},
                                           {Slot::Outcome, s.coding["Reduced trust@b.txt"]}}});
  EXPECT_EQ(s.project.undo(), "add CMOC Slow pace -> Conflict -> Reduced trust");
  EXPECT_TRUE(s.cmocs.list().empty());
  EXPECT_EQ(s.project.redo(), "add CMOC Slow pace -> Conflict -> Reduced trust");
  const Cmoc again = s.cmocs.get(a.id);
  EXPECT_EQ(again.guid, a.guid);
  EXPECT_EQ(again.excerptCount(), 2u);
  const Cmoc b = s.add("Quick wins", "Trust", "Reduced trust");
  s.cmocs.link(a.id, b.id);
  s.cmocs.remove(a.id);
  EXPECT_EQ(s.project.undo(), "delete CMOC " + std::to_string(a.id));
  EXPECT_EQ(s.cmocs.links().size(), 1u);
  EXPECT_EQ(s.project.redo(), "delete CMOC " + std::to_string(a.id));
  EXPECT_TRUE(s.cmocs.links().empty());
  EXPECT_EQ(s.project.undo(), "delete CMOC " + std::to_string(a.id));
  EXPECT_EQ(s.project.undo(), "link CMOC " + std::to_string(a.id) + " to CMOC " + std::to_string(b.id));
  EXPECT_EQ(s.project.undo(), "add CMOC Quick wins -> Trust -> Reduced trust");
  EXPECT_EQ(s.project.undo(), "add CMOC Slow pace -> Conflict -> Reduced trust");
  EXPECT_TRUE(s.cmocs.list().empty());
}

TEST(Cmocs, AddEditAndLinkAreUndoable) {
  Study s;
  const Cmoc a = s.add("Slow pace", "Conflict", "Reduced trust");
  const Cmoc b = s.add("Slow pace", "Trust", "Reduced trust");
  s.cmocs.edit(a.id, {.status = CmocStatus::Refutes});
  s.cmocs.link(a.id, b.id);
  s.cmocs.addEvidence(b.id, Slot::Outcome, s.coding["Reduced trust@b.txt"]);

  EXPECT_EQ(s.project.undo(), "add evidence to CMOC " + std::to_string(b.id));
  EXPECT_TRUE(s.cmocs.get(b.id).outcome.evidence.empty());
  EXPECT_EQ(s.project.undo(), "link CMOC " + std::to_string(a.id) + " to CMOC " + std::to_string(b.id));
  EXPECT_TRUE(s.cmocs.links().empty());
  EXPECT_EQ(s.project.undo(), "edit CMOC " + std::to_string(a.id));
  EXPECT_EQ(s.cmocs.get(a.id).status, CmocStatus::Novel);
  EXPECT_EQ(s.project.undo(), "add CMOC Slow pace -> Trust -> Reduced trust");
  EXPECT_EQ(s.cmocs.list().size(), 1u);
  EXPECT_EQ(s.project.redo(), "add CMOC Slow pace -> Trust -> Reduced trust");
  EXPECT_EQ(s.cmocs.get(b.id).guid, b.guid);
}

// Chains ------------------------------------------------------------------------------------

TEST(CmocChains, LinkAndUnlink) {
  Study s;
  const std::int64_t a = s.add("Slow pace", "Conflict", "Reduced trust").id;
  const std::int64_t b = s.add("Slow pace", "Trust", "Quick wins").id;
  const CmocLink l = s.cmocs.link(a, b, "via trust");
  EXPECT_EQ(l.from, a);
  EXPECT_EQ(l.to, b);
  EXPECT_EQ(l.fromOutcome, "Reduced trust");
  EXPECT_EQ(l.toContext, "Slow pace");
  EXPECT_EQ(l.memo, "via trust");
  ASSERT_EQ(s.cmocs.links().size(), 1u);
  EXPECT_EQ(s.cmocs.links()[0].guid, l.guid);
  s.cmocs.unlink(a, b);
  EXPECT_TRUE(s.cmocs.links().empty());
  EXPECT_EQ(s.project.auditLog()[0].action, "delete-cmoc-link");
}

TEST(CmocChains, MisusedLinksAreRefused) {
  Study s;
  const std::int64_t a = s.add("Slow pace", "Conflict", "Reduced trust").id;
  const std::int64_t b = s.add("Slow pace", "Trust", "Quick wins").id;
  expectError<UsageError>([&] { s.cmocs.link(a, a); }, "cannot link CMOC " + std::to_string(a) + " to itself");
  s.cmocs.link(a, b);
  expectError<UsageError>([&] { s.cmocs.link(a, b); },
                          "CMOC " + std::to_string(a) + " is already linked to CMOC " + std::to_string(b));
  expectError<NotFound>([&] { s.cmocs.link(a, 50); }, "no CMOC with id 50");
  expectError<NotFound>([&] { s.cmocs.unlink(b, a); },
                        "CMOC " + std::to_string(b) + " is not linked to CMOC " + std::to_string(a));
  EXPECT_NO_THROW(s.cmocs.link(b, a));  // the reverse is a different link: a cycle
}

TEST(CmocChains, SuggestedLinksPairAnOutcomeWithTheSameContextCodeNotYetLinked) {
  Study s;
  const std::int64_t a = s.cmocs.add({.context = "Quick wins", .mechanism = "Conflict", .outcome = "Reduced trust"}).id;
  const std::int64_t b = s.cmocs.add({.context = "Reduced trust", .mechanism = "Trust", .outcome = "Quick wins"},
                                     KindCheck::Force).id;
  const std::int64_t c = s.cmocs.add({.context = "Reduced trust", .mechanism = "Trust", .outcome = "Slow pace"},
                                     KindCheck::Force).id;
  const std::int64_t d = s.cmocs.add({.context = "Quick wins", .mechanism = "Trust", .outcome = "Quick wins"}).id;
  s.cmocs.link(a, c);
  std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> got;
  for (const SuggestedLink& l : s.cmocs.suggestedLinks()) got.emplace_back(l.from, l.to, l.code);
  // d's outcome is its own context: no link to itself is suggested.
  const std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> want = {
      {a, b, "Reduced trust"}, {b, a, "Quick wins"}, {b, d, "Quick wins"}, {d, a, "Quick wins"}};
  EXPECT_EQ(got, want);
}

TEST(CmocChains, CyclesReportsEachElementaryCycleOnceFromItsSmallestCmoc) {
  Study s;
  std::vector<std::int64_t> id;
  for (int i = 0; i < 5; ++i) id.push_back(s.add("Slow pace", "Conflict", "Reduced trust").id);
  EXPECT_TRUE(s.cmocs.cycles().empty());
  // conflict -> trust -> conflict: a 2-cycle; and a 3-cycle sharing a CMOC with it.
  s.cmocs.link(id[0], id[1]);
  s.cmocs.link(id[1], id[0]);
  s.cmocs.link(id[1], id[2]);
  s.cmocs.link(id[2], id[3]);
  s.cmocs.link(id[3], id[1]);
  s.cmocs.link(id[3], id[4]);  // leads out of the cycles: no new one
  const std::vector<std::vector<std::int64_t>> want = {{id[0], id[1]}, {id[1], id[2], id[3]}};
  EXPECT_EQ(s.cmocs.cycles(), want);
}

TEST(CmocChains, CyclesFindsEveryCircuitThroughSharedCmocs) {
  Study s;
  std::vector<std::int64_t> id;
  for (int i = 0; i < 3; ++i) id.push_back(s.add("Slow pace", "Conflict", "Reduced trust").id);
  s.cmocs.link(id[0], id[1]);
  s.cmocs.link(id[1], id[2]);
  s.cmocs.link(id[2], id[0]);
  s.cmocs.link(id[0], id[2]);
  s.cmocs.link(id[2], id[1]);
  const std::vector<std::vector<std::int64_t>> want = {
      {id[0], id[1], id[2]}, {id[0], id[2]}, {id[1], id[2]}};
  EXPECT_EQ(s.cmocs.cycles(), want);
}

// Rendering ---------------------------------------------------------------------------------

TEST(CmocText, SentenceAndActionStatementUseTheCodeNamesInSentenceCase) {
  Study s;
  const Cmoc c = s.add("Slow pace", "Conflict", "Reduced trust");
  EXPECT_EQ(cmocSentence(c),
            "Slow pace (context) triggers conflict (mechanism), leading to reduced trust (outcome)");
  EXPECT_EQ(actionStatement(c), "If slow pace, then reduced trust, because conflict");
}

TEST(CmocText, AcronymsAndMixedCaseKeepTheirCapitals) {
  EXPECT_EQ(cmocSentence("mandated collaboration", "Perception of progress", "COVID-19 delays"),
            "Mandated collaboration (context) triggers perception of progress (mechanism), leading "
            "to COVID-19 delays (outcome)");
  EXPECT_EQ(actionStatement("Interoperable IT systems", "Trust", "NHS savings"),
            "If interoperable IT systems, then NHS savings, because trust");
  EXPECT_EQ(midSentence("IT systems"), "IT systems");
  EXPECT_EQ(midSentence("iPad use"), "iPad use");
  EXPECT_EQ(sentenceStart("iPad use"), "iPad use");
  EXPECT_EQ(midSentence("A slow pace"), "a slow pace");
  EXPECT_EQ(midSentence("Économies d'échelle"), "économies d'échelle");
  EXPECT_EQ(sentenceStart("économies"), "Économies");
  EXPECT_EQ(midSentence(""), "");
}
