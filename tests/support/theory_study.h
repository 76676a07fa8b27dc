#pragma once
// A small study for the programme-theory tests: three interviews, a realist codebook, one
// coding per code in each, and helpers to add CMOCs with evidence from chosen interviews.
#include <map>
#include <string>
#include <vector>

#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/project.h"
#include "expect_error.h"
#include "test_support.h"

namespace cmoc::test {

struct TheoryStudy {
  TempDir dir;
  std::filesystem::path file = dir / "s.cmoc";
  Project project = Project::create(file);
  Cmocs cmocs{project};
  std::map<std::string, std::int64_t> coding;  // "Conflict@a.txt" -> id

  TheoryStudy() {
    project.setCoder("ana");
    for (const char* name : {"a.txt", "b.txt", "c.txt"}) {
      // Texts differ in their last character: identical texts would be one source.
      Transcript t{name,
                   "text",
                   std::string("I: Why?\nR: A slow pace bred conflict and trust fell") + name[0],
                   {}};
      t.turns = {{"I", 3, 7, {}, {}}, {"R", 11, 52, {}, {}}};
      project.addTranscript(t);
    }
    Codebook book(project);
    for (const char* c : {"Slow pace", "Mandated", "Proximity"})
      book.add({.name = c, .kind = CodeKind::Context});
    for (const char* m : {"Conflict", "Trust", "Faith"})
      book.add({.name = m, .kind = CodeKind::Mechanism});
    for (const char* o : {"Reduced trust", "Collaboration", "Dissolution"})
      book.add({.name = o, .kind = CodeKind::Outcome});
    Coding c(project);
    for (const char* src : {"a.txt", "b.txt", "c.txt"})
      for (const char* code : {"Slow pace", "Mandated", "Proximity", "Conflict", "Trust", "Faith",
                               "Reduced trust", "Collaboration", "Dissolution"})
        coding[std::string(code) + "@" + src] = c.apply(src, code, 13, 22).id;
  }

  // A CMOC whose context is backed by the codings of its context code in `sources`.
  Cmoc add(const std::string& c, const std::string& m, const std::string& o,
           CmocStatus status = CmocStatus::Novel, const std::vector<std::string>& sources = {}) {
    CmocDraft d{.context = c, .mechanism = m, .outcome = o, .status = status};
    for (const std::string& s : sources)
      d.evidence.push_back({Slot::Context, coding.at(c + "@" + s)});
    return cmocs.add(d);
  }
};

}  // namespace cmoc::test
