// The one check of each kind of value that commands and importers share.
#include "cmoc/validators.h"

#include <gtest/gtest.h>

using namespace cmoc::validate;

TEST(Validators, ColoursOfSixDigitsAreWhatTheStoreKeeps) {
  EXPECT_TRUE(isSixDigitColour("#1A2b3C"));
  for (const char* bad : {"", "#", "1A2B3C", "#1A2B3", "#1A2B3C4", "#1A2B3G", "#abc", " #1A2B3C"})
    EXPECT_FALSE(isSixDigitColour(bad)) << bad;
}

TEST(Validators, RefiColoursMayHaveThreeDigitsAndWiden) {
  EXPECT_TRUE(isColour("#abc"));
  EXPECT_TRUE(isColour("#AABBCC"));
  EXPECT_FALSE(isColour("#abcd"));
  EXPECT_FALSE(isColour("red"));
  EXPECT_EQ(sixDigitColour("#aBc"), "#aaBBcc");
  EXPECT_EQ(sixDigitColour("#123456"), "#123456");
  EXPECT_EQ(sixDigitColour("#12345"), "");
  EXPECT_EQ(sixDigitColour(""), "");
}

TEST(Validators, UtcTimesHaveSecondsAndAZ) {
  EXPECT_TRUE(isIsoUtc("2026-11-26T07:05:00Z"));
  for (const char* bad :
       {"", "2026-11-26", "2026-11-26T07:05Z", "2026-11-26T07:05:00", "2026-11-26T07:05:00.5Z",
        "2026-11-26 07:05:00Z", "2026-11-26T07:05:00+01:00", "20x6-11-26T07:05:00Z"})
    EXPECT_FALSE(isIsoUtc(bad)) << bad;
}
