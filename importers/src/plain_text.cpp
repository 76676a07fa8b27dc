#include "plain_text.h"

#include "bytes.h"
#include "encoding.h"
#include "extension.h"
#include "turn_builder.h"

namespace cmoc::importers {

bool PlainTextImporter::canLoad(const std::filesystem::path& file) const {
  return hasExtension(file, {".txt", ".text"});
}

Transcript PlainTextImporter::load(const std::filesystem::path& file, const Options& options) const {
  const std::string name = displayName(file);
  const std::string text = decodeText(readFileBytes(file), name, options.encoding);
  std::vector<Block> lines;
  std::size_t pos = 0;
  while (true) {
    std::size_t nl = text.find('\n', pos);
    lines.push_back(Block{text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos)});
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return buildTranscript(name, "text", std::move(lines));
}

}  // namespace cmoc::importers
