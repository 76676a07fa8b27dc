// The Theory and Contradictions tabs' presenters: versions and the comparison they start with,
// the diff table and the marked web's image, refusing one version against itself; where the
// evidence disagrees, or the plain line saying it does not.
#include <gtest/gtest.h>

#include "cmoc/error.h"
#include "cmoc/theory.h"
#include "model/contradictions_presenter.h"
#include "model/theory_presenter.h"
#include "theory_study.h"

namespace cmoc::gui {
namespace {

TEST(TheoryPresenter, WithoutVersionsSaysHowToTakeOne) {
  test::TheoryStudy s;
  TheoryPresenter t;
  t.reload(s.project);
  EXPECT_TRUE(t.versions().empty());
  EXPECT_EQ(t.choices(), std::vector<std::string>{"current"});
  EXPECT_EQ(t.summary(), "No theory versions yet (cmoc theory snapshot PROJECT NAME takes one)");
  EXPECT_TRUE(t.diff().rows.empty());
  EXPECT_TRUE(t.webPng().empty());
}

TEST(TheoryPresenter, ComparesTheNewestVersionWithTheCurrentCmocsFirst) {
  test::TheoryStudy s;
  const auto a = s.add("Slow pace", "Conflict", "Reduced trust", CmocStatus::Affirms, {"a.txt"});
  Theory(s.project).snapshot("Initial");
  s.add("Mandated", "Trust", "Collaboration");
  Theory(s.project).snapshot("Refined");
  s.cmocs.edit(a.id, {.status = CmocStatus::Refutes});

  TheoryPresenter t;
  t.reload(s.project);
  EXPECT_EQ(t.choices(), (std::vector<std::string>{"Initial", "Refined", "current"}));
  EXPECT_EQ(t.from(), 1u);
  EXPECT_EQ(t.to(), 2u);
  EXPECT_EQ(t.summary(), "2 versions; from 'Refined' to the current CMOCs: 0 CMOCs added, none "
                         "removed, 1 changed; 0 chains added, none removed");
  ASSERT_EQ(t.diff().rows.size(), 1u);
  EXPECT_EQ(t.webPng().substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));

  t.compare(s.project, 0, 1);
  EXPECT_EQ(t.summary(), "2 versions; from 'Initial' to 'Refined': 1 CMOC added, none removed, "
                         "none changed; 0 chains added, none removed");
  ASSERT_EQ(t.diff().rows.size(), 1u);
  EXPECT_EQ(cellText(t.diff().rows[0][1]), "added");

  try {
    t.compare(s.project, 1, 1);
    ADD_FAILURE() << "no error";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()),
              "V1 and V2 are the same version ('Refined'); name two different versions");
  }
  EXPECT_TRUE(t.diff().rows.empty());
  EXPECT_TRUE(t.webPng().empty());
  EXPECT_EQ(t.summary(), "2 versions; choose two different versions to compare");
}

TEST(ContradictionsPresenter, OneRowPerPairOrThePlainNoneLine) {
  test::TheoryStudy s;
  ContradictionsPresenter c;
  c.reload(s.project);
  EXPECT_TRUE(c.table().rows.empty());
  EXPECT_EQ(c.summary(),
            "No contradictions: no CMOC refutes another, and no two CMOCs with the same context "
            "and mechanism differ in outcome.");
  s.add("Slow pace", "Conflict", "Reduced trust", CmocStatus::Affirms, {"a.txt"});
  s.add("Slow pace", "Conflict", "Collaboration", CmocStatus::Novel, {"b.txt"});
  c.reload(s.project);
  ASSERT_EQ(c.table().rows.size(), 1u);
  EXPECT_EQ(c.summary(),
            "1 contradiction under 1 mechanism: 0 refutations, 1 pair with different outcomes");
}

}  // namespace
}  // namespace cmoc::gui
