// Fuzz target: importing a .odt transcript or paper (cmoc import).
#include "cmoc/importers/importer.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cmoc::fuzz::asFile(cmoc::fuzz::bytes(data, size), "odt",
                     [](const std::filesystem::path& f) { (void)cmoc::importers::loadTranscript(f); });
  return 0;
}
