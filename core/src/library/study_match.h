#pragma once
// Which study a PDF paper is: the study whose DOI the paper's text gives (the earliest, since a
// paper's reference list cites other studies' DOIs after its own), else the one whose first
// author and year are words of the file name ("paper-05-lovas-2021-..."), else the one whose
// title is in the text. A tie at a step falls through to the next; a tie at the last says who.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cmoc::library {

struct StudyClues {
  std::string key;
  std::string doi;          // normalised; empty when none
  std::string firstFamily;  // the first author's family name; empty when none
  std::optional<int> year;
  std::string title;
};

struct MatchOutcome {
  std::string key;        // empty: not matched
  std::string matchedBy;  // kMatchedBy...
  std::string detail;     // the DOI matched, or why nothing was
};

// "https://doi.org/10.5555/X." -> "10.5555/x"; "" when the text is no DOI.
std::string normalDoi(std::string_view text);
// Every DOI in the text, normalised, in the order they first appear.
std::vector<std::string> doisIn(std::string_view text);

MatchOutcome matchPaper(std::string_view fileName, std::string_view text,
                        const std::vector<StudyClues>& studies);

}  // namespace cmoc::library
