// Fuzz target: a REFI-QDA codebook (.qdc XML).
#include "cmoc/importers/refi_qda.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cmoc::fuzz::refusalsAllowed(
      [&] { (void)cmoc::importers::parseRefi(std::string(cmoc::fuzz::bytes(data, size)), "fuzz.qdc"); });
  return 0;
}
