#pragma once
// What the two halves of the REFI-QDA reader (refi_parse.cpp reads the XML, refi_qda.cpp the
// container and texts) share about exchange values: their short names, and one walk over the
// code tree, so both visit codes in the same order.
#include <vector>

#include "cmoc/refi.h"

namespace cmoc::importers {

using refi::Case;
using refi::Chain;
using refi::Cmoc;
using refi::Code;
using refi::Coding;
using refi::derivedGuid;
using refi::Direction;
using refi::Edge;
using refi::Exchange;
using refi::Graph;
using refi::ImportReport;
using refi::kChainGraphName;
using refi::kChainLinkName;
using refi::kCmocHeader;
using refi::kEvidenceLinkPrefix;
using refi::kKindSetPrefix;
using refi::kOriginSetPrefix;
using refi::kPriorLinkName;
using refi::Link;
using refi::normalizeGuid;
using refi::Note;
using refi::parseCodeDescription;
using refi::Selection;
using refi::Set;
using refi::Source;
using refi::Stamp;
using refi::User;
using refi::Variable;
using refi::VariableType;
using refi::VariableValue;
using refi::Vertex;

// Calls `f` on every code of `codes` (a const or mutable tree), parents before their children,
// without recursion: codes nest as deep as a file makes them. The order is fixed (each sibling
// list is visited last to first) because reports list what they find in it.
template <class Codes, class F>
void walkCodes(Codes& codes, F f) {
  std::vector<decltype(&*codes.begin())> stack;
  for (auto& c : codes) stack.push_back(&c);
  while (!stack.empty()) {
    auto* c = stack.back();
    stack.pop_back();
    f(*c);
    for (auto& k : c->children) stack.push_back(&k);
  }
}

}  // namespace cmoc::importers
