#pragma once
// Pseudonymising exports: the names of participants (and interviewers) become their participant
// codes wherever they appear, including inside quoted speech ("Señora Rosa" -> "Señora [23]").
// Names are matched as whole words, case- and accent-insensitively by the search tokenizer's
// folding (so "Zoe" finds "Zoë"): a name written without its accents is still a name.
//
// What counts as a name: the speaker labels of a participant's turns, except generic ones
// ("Interviewer", "R", "P19": a single letter, any digit, or a role word); and each part of a
// name of three letters or more that is not a title ("Dr", "Prof") and belongs to one
// participant only, matched only where written with a capital (so "Grace" is replaced, "grace"
// is not).
#include <string>
#include <string_view>
#include <vector>

namespace cmoc {

class Project;

class Pseudonymiser {
 public:
  struct Name {
    std::string name;  // as written: "Zoë Adebayo-Müller"
    std::string code;  // "27"
  };
  // Full names; their parts are derived here.
  explicit Pseudonymiser(const std::vector<Name>& names);
  // The speaker labels of every participant in the project.
  static Pseudonymiser forProject(const Project& project);

  // `text` with every name replaced by "[CODE]": brackets mark an editor's change in a quote.
  std::string apply(std::string_view text) const;

  ~Pseudonymiser();
  Pseudonymiser(Pseudonymiser&&) noexcept;
  Pseudonymiser& operator=(Pseudonymiser&&) noexcept;

 private:
  struct Pattern;
  std::vector<Pattern> patterns_;  // whole names first, longest first; then name parts
};

// Whether a speaker label is a person's name rather than a generic label.
bool isPersonalName(std::string_view label);

}  // namespace cmoc
