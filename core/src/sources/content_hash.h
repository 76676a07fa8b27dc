#pragma once
// Identity of a source's text, to refuse importing the same transcript twice.
#include <string>
#include <string_view>

namespace cmoc::store {
// 64-bit FNV-1a of the normalised text plus its byte length, as hex. Not cryptographic: it
// only has to tell a project's few thousand transcripts apart (collision odds ~1e-13).
std::string contentHash(std::string_view text);
}  // namespace cmoc::store
