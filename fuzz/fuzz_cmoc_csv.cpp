// Fuzz target: cmoc csv parsing (the sheet's bytes as read from the file).
#include "cmoc/importers/cmoc_csv.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(cmoc::fuzz::bytes(data, size));
  cmoc::fuzz::refusalsAllowed([&] { (void)cmoc::importers::parseCmocsCsv(text, "fuzz.csv"); });
  return 0;
}
