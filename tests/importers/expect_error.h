#pragma once
// The exact message an importer gives, so tables of malformed inputs can compare it whole.
#include <exception>
#include <string>

#include "cmoc/error.h"

namespace cmoc::test {

// what() of the cmoc::InputError that `f` throws; "no error" or "other error: ..." otherwise,
// so a failing comparison shows what happened instead.
template <class F>
std::string inputErrorOf(F&& f) {
  try {
    f();
  } catch (const cmoc::InputError& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("other error: ") + e.what();
  }
  return "no error";
}

}  // namespace cmoc::test
