// Fuzz target: a participants sheet (cmoc import --participants).
#include "cmoc/importers/importer.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cmoc::fuzz::asFile(cmoc::fuzz::bytes(data, size), "csv", [](const std::filesystem::path& f) {
    (void)cmoc::importers::loadParticipants(f);
  });
  return 0;
}
