#include "model/contradictions_presenter.h"

#include "cmoc/project.h"

namespace cmoc::gui {

void ContradictionsPresenter::reload(Project& project) {
  const Contradictions found = findContradictions(project);
  table_ = contradictionsTable(found);
  summary_ = found.mechanisms.empty() ? contradictionsReport(found).none : found.summary();
}

}  // namespace cmoc::gui
