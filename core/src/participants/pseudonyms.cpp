// The names Pseudonymiser::forProject replaces: every speaker label tied to a participant.
#include "backend/sqlite/project_impl.h"
#include "backend/sqlite/speaker_links.h"
#include "cmoc/pseudonymise.h"

namespace cmoc {

Pseudonymiser Pseudonymiser::forProject(const Project& project) {
  std::vector<Name> names;
  store::SpeakerLinks(project.impl().db)
      .eachLabelOfParticipant([&](const std::string& label, const std::string& code) {
        names.push_back({label, code});
      });
  return Pseudonymiser(names);
}

}  // namespace cmoc
