#pragma once
// How long a name may be: codes, sources, categories (code sets), cases and coders. Names are
// shown in trees, lists and one-line errors; a 100 MB code name grew a project to 315 MB
// (issue 21). The limit is generous for any real name, a sentence-long code included.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cmoc {

inline constexpr std::size_t kMaxNameLength = 1000;  // characters (code points)

// "a code name can be at most 1000 characters; this one has 1234", or nullopt when `name` is
// within the limit. `what` says whose name it is ("code", "source").
std::optional<std::string> nameLengthProblem(std::string_view what, std::string_view name);

}  // namespace cmoc
