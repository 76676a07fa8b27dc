#pragma once
// Hand-built programme-theory versions for the diff and theory-web tests: CMOCs and links with
// GUIDs "g<id>" and codes whose GUID is "code-" + path, so tests can name everything by path.
#include <string>

#include "cmoc/theory.h"

namespace cmoc::test {

inline TheoryCmoc cmocOf(std::int64_t id, const std::string& c, const std::string& m,
                         const std::string& o, CmocStatus status = CmocStatus::Novel,
                         std::int64_t excerpts = 0, std::int64_t sources = 0) {
  TheoryCmoc t;
  t.cmocId = id;
  t.guid = "g" + std::to_string(id);
  t.status = status;
  t.context = {"code-" + c, c};
  t.mechanism = {"code-" + m, m};
  t.outcome = {"code-" + o, o};
  t.excerpts = excerpts;
  t.sources = sources;
  return t;
}

inline TheoryLink linkOf(std::int64_t from, std::int64_t to) {
  return {"g" + std::to_string(from), "g" + std::to_string(to), from, to};
}

}  // namespace cmoc::test
