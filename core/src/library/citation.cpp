// How a quote names the study it comes from, in the author-date form realist reviews use.
#include "cmoc/library.h"

namespace cmoc {

std::string studyCitation(const std::vector<StudyAuthor>& authors, std::optional<int> year,
                          std::string_view title) {
  std::string who;
  if (authors.empty())
    who = std::string(title);
  else if (authors.size() == 1)
    who = authors[0].family;
  else if (authors.size() == 2)
    who = authors[0].family + " and " + authors[1].family;
  else
    who = authors[0].family + " et al.";
  return who + " " + (year ? std::to_string(*year) : std::string("n.d."));
}

}  // namespace cmoc
