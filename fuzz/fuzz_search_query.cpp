// Fuzz target: the search box (cmoc search): the query syntax turned into an FTS5 query, run on a
// small project. Whatever toFtsQuery accepts, FTS5 must accept too; the rest is refused.
#include <algorithm>

#include "cmoc/project.h"
#include "cmoc/transcript.h"
#include "fuzz_input.h"

namespace {

cmoc::Project& project() {
  static cmoc::Project p = [] {
    const auto file = cmoc::fuzz::scratch() / "search.cmoc";
    std::filesystem::remove(file);
    cmoc::Project made = cmoc::Project::create(file);
    made.setCoder("fuzz");
    const std::string text = "Trust grew after the café meetings; Adebayo-Müller didn't agree.";
    // One turn over the whole text: its code points are the bytes that do not continue one.
    const auto length = std::count_if(text.begin(), text.end(),
                                      [](unsigned char c) { return (c & 0xC0) != 0x80; });
    made.addTranscript(cmoc::Transcript{"a.txt", "text", text, {{"", 0, length}}, {}});
    return made;
  }();
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string query(cmoc::fuzz::bytes(data, size));
  cmoc::fuzz::refusalsAllowed([&] { (void)project().search(query); });
  return 0;
}
