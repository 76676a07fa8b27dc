// Throughput of the `cmoc` search tokenizer on the text shapes it has fast paths for: plain
// English, English with accented names, Greek, Chinese; and text::fold, which it caches.
#include <benchmark/benchmark.h>

#include <string>

#include "cmoc/text.h"
#include "src/backend/sqlite/fts_tokenizer.h"  // core-private: the tokenizer FTS5 calls

namespace {

std::string repeat(const std::string& unit, std::size_t bytes) {
  std::string s;
  while (s.size() < bytes) s += unit;
  return s;
}

int count(void* ctx, int, const char*, int, int, int) {
  ++*static_cast<long*>(ctx);
  return 0;
}

void tokenize(benchmark::State& state, const std::string& text) {
  long tokens = 0;
  for (auto _ : state) {
    cmoc::store::tokenizeText(text, &tokens, count);
    benchmark::DoNotOptimize(tokens);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

const std::size_t kBytes = 64 * 1024;  // one reference transcript

void English(benchmark::State& s) {
  tokenize(
      s, repeat("Well, I think the manager didn't really trust the volunteers at first. ", kBytes));
}
void EnglishWithAccentedNames(benchmark::State& s) {
  tokenize(s, repeat("Zoë said the café near Adebayo-Müller’s office was where we met, you know. ",
                     kBytes));
}
void Greek(benchmark::State& s) {
  tokenize(s, repeat("Η εμπιστοσύνη είναι σημαντική για την ομάδα μας στην Αθήνα. ", kBytes));
}
void Chinese(benchmark::State& s) {
  tokenize(s, repeat("我们之间的信任很重要，信任需要时间。", kBytes));
}
void FoldAccentedWord(benchmark::State& s) {
  for (auto _ : s) benchmark::DoNotOptimize(cmoc::text::fold("Adebayo-Müller"));
}

}  // namespace

BENCHMARK(English);
BENCHMARK(EnglishWithAccentedNames);
BENCHMARK(Greek);
BENCHMARK(Chinese);
BENCHMARK(FoldAccentedWord);
