#include "caption_turns.h"

#include "cmoc/error.h"
#include "cmoc/text.h"
#include "speaker_marks.h"

namespace cmoc::importers {

CaptionTurns::CaptionTurns(std::string fileName, std::string format) {
  t_.fileName = std::move(fileName);
  t_.format = std::move(format);
}

void CaptionTurns::note(const Block& cue) {
  const std::size_t index = noted_++;
  if (!cue.speaker.empty()) {
    voices_.insert(trim(cue.speaker));
    return;
  }
  const Mark mark = recognise(cue.text);
  if (mark.kind != Mark::Label) return;
  const std::string label = trim(mark.speaker);
  auto [it, isNew] = labelIds_.try_emplace(label, labels_.size());
  if (isNew) {
    labels_.push_back(label);
    labelCounts_.push_back(0);
  }
  ++labelCounts_[it->second];
  labelled_.push_back(Labelled{index, it->second, mark.contentStart});
}

// A file with some recognised speakers may have a speaker who talks once (a short interview, a
// focus-group member): a one-off label counts there when it looks like a name.
void CaptionTurns::decideLabels() {
  const auto counted = [&](const std::string& label) {
    const auto it = labelIds_.find(label);
    return knownLabel(label) || (it != labelIds_.end() && labelCounts_[it->second] >= 2);
  };
  bool hasSpeakers = false;
  for (const std::string& v : voices_) hasSpeakers = hasSpeakers || counted(v);
  for (const std::string& l : labels_) hasSpeakers = hasSpeakers || counted(l);
  accepted_.resize(labels_.size());
  for (std::size_t i = 0; i < labels_.size(); ++i)
    accepted_[i] = counted(labels_[i]) || (hasSpeakers && looksLikeName(labels_[i]));
}

void CaptionTurns::append(std::string_view s) {
  t_.text.append(s);
  cp_ += text::codePointCount(s);
}

void CaptionTurns::add(const Block& cue) {
  if (added_ == 0) decideLabels();
  const std::size_t index = added_++;
  std::string speaker = trim(cue.speaker);
  std::int64_t contentStart = 0;
  if (nextLabelled_ < labelled_.size() && labelled_[nextLabelled_].cue == index) {
    const Labelled& l = labelled_[nextLabelled_++];
    if (accepted_[l.label]) {
      speaker = labels_[l.label];
      contentStart = l.contentStart;
    }
  }
  if (cue.text.find_first_not_of(" \t\n") == std::string::npos) return;
  const std::string_view content =
      std::string_view(cue.text).substr(text::sliceCodePoints(cue.text, 0, contentStart).size());
  if (open_ && !speaker.empty() && t_.turns[*open_].speaker == speaker) {
    append(" ");
    append(content);
    t_.turns[*open_].end = cp_;
    if (cue.endMs) t_.turns[*open_].endMs = cue.endMs;
    return;
  }
  if (!t_.text.empty()) append("\n\n");
  if (!speaker.empty()) {
    append(speaker);
    append(": ");
  }
  Turn turn{std::move(speaker), cp_, 0, cue.startMs, cue.endMs};
  append(content);
  turn.end = cp_;
  t_.turns.push_back(std::move(turn));
  open_ = t_.turns.size() - 1;
}

Transcript CaptionTurns::finish() {
  if (added_ != noted_)
    throw Error("internal error: " + std::to_string(noted_) + " caption cues noted, " +
                std::to_string(added_) + " added");
  // A caption turn ends when the next begins, unless its last cue said otherwise.
  for (std::size_t i = 0; i + 1 < t_.turns.size(); ++i)
    if (!t_.turns[i].endMs && t_.turns[i + 1].startMs) t_.turns[i].endMs = t_.turns[i + 1].startMs;
  if (t_.text.find_first_not_of(" \t\n") == std::string::npos)
    throw InputError(t_.fileName, "file", "no text");
  return std::move(t_);
}

}  // namespace cmoc::importers
