#pragma once
// A refusal as a user meets it on the command line: a non-zero exit, exactly `err` on stderr,
// nothing on stdout, and the project as it was (its `.dump`).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sql_peek.h"
#include "test_support.h"

namespace cmoc::test {

inline void expectRefusedUnchanged(const std::filesystem::path& project,
                                   const std::vector<std::string>& args, const std::string& err) {
  const std::string before = sqlDump(project);
  const RunResult r = runCli(args);
  EXPECT_NE(r.exitCode, 0);
  EXPECT_EQ(r.err, err);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(sqlDump(project), before);
}

}  // namespace cmoc::test
