#pragma once
// One coded demo project per test binary, built once; tests that change it work on a copy.
#include <filesystem>
#include <memory>

#include "demo_fixture.h"
#include "test_support.h"

namespace cmoc::test {

// The shared demo project's file (built on first use, removed at exit).
const std::filesystem::path& sharedDemoProject();
// A private copy of it in `dir`, for tests that change data.
std::filesystem::path copyDemoProject(const TempDir& dir);

}  // namespace cmoc::test
