#pragma once
// Merging another project into this one (DESIGN.md decision 4: entities match by GUID), e.g.
// a second coder's copy of the study coming back. Everything the other project has and this
// one lacks is added: coders, codes with their hierarchy, cases, participants, sources (text,
// turns, speakers, attributes), codings, memos, CMOCs with evidence, priors and chains, and the
// sets and links REFI-QDA exchanges bring.
// Nothing is duplicated and nothing local is overwritten: an entity with the same GUID but
// different content is reported as a conflict and the local version kept. A coder, code, case,
// participant or source that matches under another GUID (same name, same code path, same
// participant code, same text) is taken as the same entity, and the report says so.
//
// The whole merge is one undoable Action; the other file is opened read-only and never changed.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace cmoc {

class Project;

struct MergeConflict {
  std::string kind;  // "code", "coding", "CMOC" ...
  std::string guid;
  std::string name;                 // what a researcher recognises it by
  std::vector<std::string> fields;  // the fields whose values differ
};

struct MergeReport {
  std::string other;  // the other project's file, as given
  // Per kind ("codes", "CMOC evidence" ...), in merge order: how many were added, and how many
  // were already here alike (same GUID or matched, same content), and how many conflict.
  std::vector<std::string> kinds;
  std::map<std::string, std::int64_t> added, present, conflicted;
  std::vector<MergeConflict> conflicts;  // local version kept
  std::vector<std::string> notes;        // matches under another GUID, what was left out
  std::int64_t totalAdded() const;
};

// Throws ProjectError when `other` is missing, not a project, from a newer (or an older, not
// yet upgraded) version, or this project's own file under any path; nothing is changed then.
MergeReport mergeProject(Project& project, const std::filesystem::path& other);

}  // namespace cmoc
