#pragma once
// Asserting a refusal's exact message: the call throws E, and what() is `message`.
#include <gtest/gtest.h>

#include <string>

namespace cmoc::test {

template <class E, class F>
void expectError(F f, const std::string& message) {
  try {
    f();
    ADD_FAILURE() << "no error; expected: " << message;
  } catch (const E& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
}

}  // namespace cmoc::test
