#include "cmoc/error.h"

namespace cmoc {
InputError::InputError(std::string file, std::string where, std::string problem)
    : Error(file + ": " + where + ": " + problem),
      file_(std::move(file)), where_(std::move(where)), problem_(std::move(problem)) {}
}  // namespace cmoc
