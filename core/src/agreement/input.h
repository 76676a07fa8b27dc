#pragma once
// What one comparison works on, loaded from the project in a handful of queries
// (agreement_data.cpp): the coders, the codes compared ("channels"), and per source each
// coder's coverage of each code, plus the units when comparing by sentence, paragraph or turn.
#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cmoc/agreement.h"
#include "spans.h"
#include "units.h"

namespace cmoc::agreement {

// One code compared as coded / not coded; with a group, one category (a child code, whose
// descendants' codings count as the child's).
struct Channel {
  std::int64_t codeId = 0;
  std::string path;
  std::vector<std::int64_t> codeIds;
};

struct ChannelSpans {
  std::size_t channel = 0;
  std::vector<Spans> byCoder;  // normalized, one per coder
};

struct SourceData {
  std::int64_t id = 0;
  std::string name;
  std::string label;  // the name, or the id when several sources share the name
  std::int64_t length = 0;  // code points
  std::uint32_t codedBy = 0;  // coders with any coding here, of any code (bit i = coder i)
  std::vector<ChannelSpans> channels;  // only channels someone coded here, by channel index
  std::vector<Unit> units;             // unit level only
};

struct LoadRequest {
  std::vector<std::string> coders;
  std::vector<std::string> codes;  // empty: every code the coders applied in scope
  std::optional<std::string> group;
  std::vector<std::string> sources;
  AgreementUnit unit = AgreementUnit::Character;
};

struct Loaded {
  std::vector<std::string> coders;
  std::vector<Channel> channels;
  std::optional<std::string> groupPath;
  std::vector<SourceData> sources;  // in scope and coded by at least one coder, by name
  std::int64_t uncodedSources = 0;  // in scope and coded by none of the coders
};

// Throws what computeAgreement() documents for unknown or too few coders, unknown codes,
// groups and sources, and coders with nothing coded in scope.
Loaded loadCodings(const Project& project, const LoadRequest& request);

// The coders whose values count in a source, or 0 when it is left out. A coder who coded
// nothing in a source did not read it, so their values there are missing, and a source needs
// two coders; with includeSingle every coder counts, absent ones as having coded nothing.
inline std::uint32_t comparedCoders(const SourceData& s, std::size_t coders, bool includeSingle) {
  const std::uint32_t all = coders >= 32 ? ~0u : (1u << coders) - 1;
  if (includeSingle) return all;
  return std::popcount(s.codedBy) >= 2 ? s.codedBy : 0;
}

// Each coder's spans of a channel, with nothing for coders outside `compared`.
inline std::vector<const Spans*> comparedSpans(const ChannelSpans& cs, std::uint32_t compared) {
  static const Spans nothing;
  std::vector<const Spans*> out(cs.byCoder.size());
  for (std::size_t c = 0; c < out.size(); ++c)
    out[c] = compared >> c & 1u ? &cs.byCoder[c] : &nothing;
  return out;
}

}  // namespace cmoc::agreement
