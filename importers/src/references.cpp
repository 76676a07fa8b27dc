// Choosing the reference reader for a file and decoding it first (BOM, UTF-16, CRLF).
#include "cmoc/importers/references.h"

#include "bytes.h"
#include "cmoc/error.h"
#include "encoding.h"
#include "extension.h"

namespace cmoc::importers {

ReferenceFile loadReferences(const std::filesystem::path& file, const std::string& encoding) {
  const std::string name = displayName(file);
  const std::string text = decodeText(readFileBytes(file), name, encoding);
  if (hasExtension(file, {".ris"})) return parseRis(text, name);
  if (hasExtension(file, {".bib", ".bibtex"})) return parseBibtex(text, name);
  // EndNote saves RIS as .txt; look at the first thing in the file.
  const auto first = text.find_first_not_of(" \t\n");
  if (first != std::string::npos && text.compare(first, 5, "TY  -") == 0)
    return parseRis(text, name);
  if (first != std::string::npos && text[first] == '@') return parseBibtex(text, name);
  throw InputError(
      name, "file",
      "not a reference file (RIS starts 'TY  - ', BibTeX '@article{'; use .ris or .bib)");
}

}  // namespace cmoc::importers
