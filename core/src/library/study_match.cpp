#include "study_match.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "ascii_fold.h"
#include "cmoc/library.h"

namespace cmoc::library {

namespace {

// The DOI handbook's pattern for modern DOIs (Crossref's advice for finding them in text):
// "10." a registrant code of 4 to 9 digits, "/", then a suffix without spaces.
const std::regex& doiPattern() {
  static const std::regex re(R"(10\.[0-9]{4,9}/[^\s"<>]+)", std::regex::icase);
  return re;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Sentence punctuation after a DOI in running text is not part of it.
std::string trimDoiEnd(std::string doi) {
  while (!doi.empty() && std::string_view(".,;:)]}'").find(doi.back()) != std::string_view::npos)
    doi.pop_back();
  return doi;
}

bool containsWords(const std::string& haystack, const std::string& needle) {
  if (needle.empty()) return false;
  return (" " + haystack + " ").find(" " + needle + " ") != std::string::npos;
}

std::string keysOf(const std::vector<const StudyClues*>& studies) {
  std::string out;
  for (const StudyClues* s : studies) out += (out.empty() ? "" : ", ") + s->key;
  return out;
}

}  // namespace

std::string normalDoi(std::string_view text) {
  std::string s = lower(std::string(text));
  std::smatch m;
  if (!std::regex_search(s, m, doiPattern())) return {};
  return trimDoiEnd(m.str());
}

std::vector<std::string> doisIn(std::string_view text) {
  std::vector<std::string> out;
  const auto add = [&out](std::string doi) {
    doi = trimDoiEnd(lower(std::move(doi)));
    if (std::find(out.begin(), out.end(), doi) == out.end()) out.push_back(std::move(doi));
  };
  const std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), doiPattern());
       it != std::sregex_iterator(); ++it) {
    const std::string doi = it->str();
    // Typesetters break a long DOI after a dot or slash ("10.5555/hisr." / "2019.0417"), and a
    // PDF's text joins the lines with a space: the DOI read whole comes first, as it is.
    const std::size_t end = static_cast<std::size_t>(it->position() + it->length());
    if (std::string_view("./-_").find(doi.back()) != std::string_view::npos && end + 1 < s.size() &&
        (s[end] == ' ' || s[end] == '\n') && std::isdigit(static_cast<unsigned char>(s[end + 1]))) {
      const std::size_t stop = s.find_first_of(" \n\t\"<>", end + 1);
      add(doi + s.substr(end + 1, stop == std::string::npos ? std::string::npos : stop - end - 1));
    }
    add(doi);
  }
  return out;
}

MatchOutcome matchPaper(std::string_view fileName, std::string_view text,
                        const std::vector<StudyClues>& studies) {
  for (const std::string& doi : doisIn(text))
    for (const StudyClues& s : studies)
      if (!s.doi.empty() && s.doi == doi) return {s.key, kMatchedByDoi, "DOI " + doi};

  std::string stem(fileName);
  if (const auto dot = stem.rfind('.'); dot != std::string::npos) stem.resize(dot);
  const std::string nameWords = matchWords(stem);
  std::vector<const StudyClues*> byName;
  for (const StudyClues& s : studies)
    if (s.year && containsWords(nameWords, matchWords(s.firstFamily)) &&
        containsWords(nameWords, std::to_string(*s.year)))
      byName.push_back(&s);
  if (byName.size() == 1) return {byName.front()->key, kMatchedByFileName, ""};

  const std::string textWords = matchWords(text);
  std::vector<const StudyClues*> byTitle;
  for (const StudyClues& s : studies) {
    const std::string title = matchWords(s.title);
    // One or two words ("Editorial", "Trust") would be found in many papers.
    if (std::count(title.begin(), title.end(), ' ') >= 2 && containsWords(textWords, title))
      byTitle.push_back(&s);
  }
  if (byTitle.size() == 1) return {byTitle.front()->key, kMatchedByTitle, ""};

  if (byTitle.size() > 1)
    return {"", "", std::to_string(byTitle.size()) + " studies match by title: " + keysOf(byTitle)};
  if (byName.size() > 1)
    return {"", "",
            std::to_string(byName.size()) + " studies match by file name: " + keysOf(byName)};
  return {"", "", "no study's DOI, first author and year, or title"};
}

}  // namespace cmoc::library
