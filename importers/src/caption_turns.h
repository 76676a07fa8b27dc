#pragma once
// Builds a caption file's transcript cue by cue, so a file of a million cues is never held as a
// list of cues (WebVTT and SRT share it). Cues carry no label in their text, so the builder
// writes "Name: " before each turn, joins one speaker's consecutive cues with a space and
// separates turns by a blank line.
//
// Whether a "Name: text" cue (Zoom writes them) names a speaker depends on the whole file: the
// label counts if it is a known one (I, P19, Interviewer), or starts at least two cues, or looks
// like a name in a file that has other speakers. So the cues pass twice, in the same order:
// note() each one, then add() each one, then finish(). Between the passes the builder keeps one
// small record per labelled cue, not the cue.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cmoc/transcript.h"
#include "turn_builder.h"

namespace cmoc::importers {

class CaptionTurns {
 public:
  CaptionTurns(std::string fileName, std::string format);

  void note(const Block& cue);  // first pass
  void add(const Block& cue);   // second pass: the same cues in the same order
  Transcript finish();

 private:
  struct Labelled {
    std::size_t cue;            // index among the noted cues
    std::size_t label;          // into labels_
    std::int64_t contentStart;  // code points: where the speech starts after "Name: "
  };
  void decideLabels();
  void append(std::string_view s);

  Transcript t_;
  std::size_t noted_ = 0, added_ = 0;
  std::vector<Labelled> labelled_;
  std::vector<std::string> labels_;              // distinct "Name:" labels, in order of first use
  std::map<std::string, std::size_t> labelIds_;  // label -> index into labels_
  std::vector<int> labelCounts_;
  std::set<std::string> voices_;  // <v Name> speakers
  std::vector<bool> accepted_;    // per label, decided before the first add()
  std::size_t nextLabelled_ = 0;
  std::int64_t cp_ = 0;              // code points written so far
  std::optional<std::size_t> open_;  // the turn the next cue of its speaker extends
};

// Runs a format's cue reader twice through a CaptionTurns. `eachCue(visit)` reads the file's
// cues in order and calls visit(const Block&) for each.
template <typename EachCue>
Transcript buildCaptionTranscript(std::string fileName, std::string format, EachCue&& eachCue) {
  CaptionTurns turns(std::move(fileName), std::move(format));
  eachCue([&](const Block& cue) { turns.note(cue); });
  eachCue([&](const Block& cue) { turns.add(cue); });
  return turns.finish();
}

}  // namespace cmoc::importers
