#pragma once
// Inter-coder agreement: how far two or more coders who coded the same sources independently
// agree, per code and overall, at the character level (each code point coded or not, as NVivo
// reports it) or per unit (a sentence, paragraph or speaker turn counts as coded when any part
// of it is, as MAXQDA and ATLAS.ti offer). With a group, the parent's child codes are the
// categories of one nominal variable (ATLAS.ti's semantic domains).
//
// The statistics (namespace agreement) are pure and usable on their own; computeAgreement()
// loads the coders' codings from a project and feeds them through the same functions.
//
// Extension point: agreement on CMOCs (matching coders' CMOCs by their context, mechanism and
// outcome codes with overlapping evidence) belongs in its own header beside this one. It can
// report through agreement::PairCounts (matched = both, unmatched = one coder only; neither is
// 0) with percentAgreement(counts) and positiveAgreement(counts), and the CLI's `agree` prints
// it as one more section.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cmoc {

class Project;

namespace agreement {

// A coder's value for a unit when the coder gave none.
inline constexpr int kMissing = -1;

// A coefficient, or why the data do not define it ("no variation: ..."); never NaN.
struct Coefficient {
  std::optional<double> value;
  std::string reason;  // set when value is empty
  static Coefficient of(double v) { return {v, {}}; }
  static Coefficient undefined(std::string why) { return {std::nullopt, std::move(why)}; }
};

// Units rated by a fixed set of coders: per unit, each coder's value (a category >= 0, or
// kMissing). Units with identical values are kept once with a weight, so a run of characters
// coded alike is one entry weighing its length and texts of any size stay small.
class Ratings {
 public:
  explicit Ratings(int coders);
  int coders() const { return coders_; }
  void add(std::span<const int> values, double weight = 1);
  void add(const Ratings& other);  // pools units; same number of coders
  // The same units seen by two of the coders only.
  Ratings pair(int a, int b) const;
  const std::map<std::vector<int>, double>& patterns() const { return patterns_; }
  double units() const;  // total weight
  // The one value every non-missing rating has, when there is exactly one such value.
  std::optional<int> onlyValue() const;

 private:
  int coders_;
  std::map<std::vector<int>, double> patterns_;
  std::vector<int> scratch_;
};

// The share of agreeing coder pairs within each unit, averaged over units that at least two
// coders rated. For two coders: units rated alike / units both rated.
Coefficient percentAgreement(const Ratings& r);
// Cohen (1960) over the units both coders rated.
Coefficient cohenKappa(const Ratings& r, int a = 0, int b = 1);
// Fleiss (1971) over the units every coder rated.
Coefficient fleissKappa(const Ratings& r);
// Krippendorff's alpha, nominal metric; missing values allowed (units with one value are
// unpairable and left out, as in Krippendorff's "Computing Krippendorff's Alpha-Reliability").
Coefficient krippendorffAlpha(const Ratings& r);

// Coded / not coded (values 1 / 0) for one pair of coders, over units both rated.
struct PairCounts {
  double units = 0, both = 0, aOnly = 0, bOnly = 0, neither = 0;
};
PairCounts pairCounts(const Ratings& r, int a, int b);
Coefficient percentAgreement(const PairCounts& c);  // (both + neither) / units
// 2 * both / (2 * both + aOnly + bOnly): agreement on what was coded, ignoring `neither`.
Coefficient positiveAgreement(const PairCounts& c);

}  // namespace agreement

enum class AgreementUnit { Character, Sentence, Paragraph, Turn };
std::string_view toString(AgreementUnit unit);  // "char", "sentence", "paragraph", "turn"
AgreementUnit parseAgreementUnit(std::string_view s);  // throws UsageError

// The most coders one comparison takes.
inline constexpr std::size_t kMaxAgreementCoders = 16;

struct AgreementOptions {
  std::vector<std::string> coders;   // two or more
  std::vector<std::string> codes;    // names or paths; empty: every code the coders applied
  std::optional<std::string> group;  // a parent whose children are categories (not with codes)
  std::vector<std::string> sources;  // ids or names; empty: all
  AgreementUnit unit = AgreementUnit::Character;
  // Count only units that at least one coder coded with any of the compared codes.
  bool codedOnly = false;
  // Compare sources that only one coder coded too (the other then coded nothing there).
  bool includeSingleCoderSources = false;
  // Also Krippendorff's unitized alpha (unitized_alpha.h) per code and overall: character level
  // only, not with a group or codedOnly (it needs the whole continuum and its gaps).
  bool unitized = false;
};

struct PairAgreement {
  std::string coderA, coderB;
  agreement::PairCounts counts;  // coded / not coded; for a group's nominal row only units
  agreement::Coefficient percent, cohenKappa, alpha;
};

struct CodeAgreement {
  std::string code;  // code path; for the overall row a label such as "All codes (pooled)"
  bool nominal = false;  // the group's categories rather than one code coded or not
  double units = 0;      // units compared (characters at the character level)
  std::vector<PairAgreement> pairs;  // each pair of coders, in the order given
  agreement::Coefficient percent, cohenKappa, fleissKappa, alpha;
  agreement::Coefficient unitizedAlpha;  // with AgreementOptions::unitized
};

// A source that not every coder coded.
struct SourceCoverage {
  std::string source;
  std::vector<std::string> codedBy, notCodedBy;
  bool compared = false;  // false: left out of the figures
};

struct AgreementReport {
  std::vector<std::string> coders;
  AgreementUnit unit = AgreementUnit::Character;
  bool codedOnly = false, includeSingleCoderSources = false;
  bool unitized = false;
  std::int64_t sourcesUnitized = 0;  // sources every coder coded, the continuum of alpha-u
  std::optional<std::string> group;  // its path
  std::vector<CodeAgreement> codes;  // per code; with a group, per category (coded or not)
  CodeAgreement overall;  // codes pooled (each unit x code one decision), or the group variable
  std::int64_t sourcesCompared = 0;
  std::int64_t sourcesUncoded = 0;  // in scope but coded by none of the coders
  std::vector<SourceCoverage> partialSources;
  // How the figures were computed, as sentences for a methods section.
  std::string method() const;
};

// Throws NotFound for an unknown coder, code, group or source; UsageError for fewer than two
// coders, a coder with no codings in scope, a group with fewer than two children, or a coder
// who applied two of a group's categories to one unit (the message names the source and unit),
// or unitized with a --unit, a group or codedOnly.
AgreementReport computeAgreement(const Project& project, const AgreementOptions& options);

}  // namespace cmoc
