#include "cmoc_table_fixture.h"

#include <string>

#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "transcript_builder.h"

namespace cmoc::test {

using text::codePointCount;

namespace {

// Code point offsets of `part` in `text`, so the fixture's texts can change freely.
std::pair<std::int64_t, std::int64_t> spanOf(const std::string& text, const std::string& part) {
  const std::size_t at = text.find(part);
  const std::int64_t start = codePointCount(std::string_view(text).substr(0, at));
  return {start, start + codePointCount(part)};
}

}  // namespace

void buildCmocTableStudy(const std::filesystem::path& file) {
  Project p = Project::create(file);
  p.setCoder("AJ");
  ParticipantSheet sheet{"participants.csv", {}};
  sheet.rows.push_back({"",
                        "19",
                        "Gwen Pritchard",
                        false,
                        {{"role", "director"}, {"case", "alliance 2"}, {"case_type", "alliance"}},
                        0});
  sheet.rows.push_back(
      {"",
       "27",
       "Zoë Adebayo-Müller",
       false,
       {{"role", "nurse"}, {"case", "northshore group"}, {"case_type", "hospital group"}},
       0});
  const Transcript a = interview(
      "a.txt",
      {{"Gwen Pritchard", "The slow pace <&> bred conflict, and Gwen felt trust fall away."}});
  const Transcript b = interview(
      "b.txt", {{"Zoë Adebayo-Müller", "Conflict again, Zoe told me, and trust went too."}});
  p.addTranscript(a, &sheet);
  p.addTranscript(b, &sheet);
  Codebook book(p);
  book.add({.name = "Slow pace", .kind = CodeKind::Context});
  book.add({.name = "Conflict", .kind = CodeKind::Mechanism});
  book.add({.name = "Trust", .kind = CodeKind::Mechanism});
  book.add({.name = "Reduced trust", .kind = CodeKind::Outcome});
  Coding c(p);
  auto code = [&](const Transcript& t, const std::string& part, const std::string& codeName) {
    const auto [start, end] = spanOf(t.text, part);
    return c.apply(t.fileName, codeName, start, end).id;
  };
  const auto slow = code(a, "slow pace <&>", "Slow pace");
  const auto bred = code(a, "bred conflict, and Gwen", "Conflict");
  const auto fell = code(a, "Gwen felt trust fall away", "Reduced trust");
  const auto again = code(b, "Conflict again, Zoe told me", "Conflict");
  const auto went = code(b, "trust went too", "Reduced trust");
  Cmocs cmocs(p);
  cmocs.add({.context = "Slow pace",
             .mechanism = "Conflict",
             .outcome = "Reduced trust",
             .status = CmocStatus::Affirms,
             .evidence = {{Slot::Context, slow},
                          {Slot::Mechanism, bred},
                          {Slot::Mechanism, again},
                          {Slot::Outcome, fell},
                          {Slot::Outcome, went}}});
  cmocs.add({.context = "Slow pace",
             .mechanism = "Trust",
             .outcome = "Reduced trust",
             .status = CmocStatus::Refines,
             .prior = "1",
             .evidence = {{Slot::Outcome, fell}}});
}

}  // namespace cmoc::test
