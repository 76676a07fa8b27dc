// MainFrame's analysis side: the CMOC builder and chain links, and the bottom pages
// (demiregularities, causal web, agreement, search, audit), each computed when shown and
// stale; the causal web and agreement on worker threads with their own connections.
#include <wx/choicdlg.h>
#include <wx/msgdlg.h>

#include <memory>
#include <thread>

#include "cmoc/codebook.h"
#include "cmoc/error.h"
#include "codebook_panel.h"
#include "cursor_panel.h"
#include "frame_helpers.h"
#include "main_frame.h"
#include "model/chain_links.h"
#include "model/history_presenter.h"
#include "realist_panels.h"
#include "search_panel.h"
#include "sources_panel.h"
#include "theory_panels.h"
#include "transcript_view.h"

namespace cmoc::gui {

namespace {

const char* kPages[] = {"demiregularities", "causal-web", "agreement", "search",
                        "audit",            "theory",     "contradictions"};

}  // namespace

void MainFrame::onSuggestedLinks() {
  guarded(
      [&] {
        const ChainChoices suggested = suggestedChains(*project_);
        if (suggested.labels.empty())
          return message("No suggested chains: no CMOC's outcome code is another's context code");
        const auto chosen = chooseChains(
            suggested,
            "Link these CMOCs (one's outcome feeds the other's context):", "Suggested chains");
        if (!chosen) return;
        const std::size_t linked = linkChosen(*project_, suggested, *chosen);
        markAnalysesStale();
        refreshBottom();
        message(wxString::Format("Linked %zu chains", linked));
      },
      "Cannot link");
}

void MainFrame::onUnlink() {
  guarded(
      [&] {
        const ChainChoices links = existingChains(*project_);
        if (links.labels.empty()) return message("No chain links yet");
        const auto chosen = chooseChains(links, "Remove these chain links:", "Chain links");
        if (!chosen) return;
        const std::size_t removed = unlinkChosen(*project_, links, *chosen);
        markAnalysesStale();
        refreshBottom();
        message(wxString::Format("Removed %zu chain links", removed));
      },
      "Cannot unlink");
}

std::optional<std::vector<std::size_t>> MainFrame::chooseChains(const ChainChoices& choices,
                                                                const wxString& prompt,
                                                                const wxString& title) {
  wxArrayString labels;
  for (const std::string& l : choices.labels) labels.Add(U(l));
  wxMultiChoiceDialog dlg(this, prompt, title, labels);
  if (showModal(dlg) != wxID_OK) return std::nullopt;
  std::vector<std::size_t> chosen;
  for (const int i : dlg.GetSelections()) chosen.push_back(static_cast<std::size_t>(i));
  return chosen;
}

void MainFrame::fillSlot(Slot slot) {
  cursorPanel_->Scroll(0, 0);  // the builder is at the top; Ctrl+1/2/3 should show it filling
  guarded([&] {
    Codebook book(*project_);
    if (transcript_ && chosenCoding_ && !pickedCode_) {
      if (const CodingStripe* s = transcript_->stripe(chosenCoding_)) {
        builder_.addEvidence(slot, book.get(s->codeId), s->codingId);
        cursorPanel_->showBuilder(builder_);
        return;
      }
    }
    const auto code = codebookPanel_->selectedCode();
    if (!code)
      return message("Choose a coding at the cursor, or a code in the codebook, first", true);
    builder_.setCode(slot, book.get(*code));
    cursorPanel_->showBuilder(builder_);
  });
}

void MainFrame::saveCmoc(bool chain) {
  guarded(
      [&] {
        if (!builder_.complete())
          return message("To save the CMOC, " + U(builder_.missing()), true);
        KindCheck check = KindCheck::Strict;
        if (!builder_.wrongKind().empty()) {
          if (!options_.scripted &&
              wxMessageBox("A slot holds a code of another kind (for example an outcome code as "
                           "context). Save anyway?",
                           "Save CMOC", wxYES_NO | wxICON_QUESTION, this) != wxYES)
            return;
          check = KindCheck::Force;
        }
        const Cmoc saved = builder_.save(*project_, check);
        cmocCount_.reset();
        if (chain)
          builder_.chainNext(saved);
        else
          builder_.clear();
        cursorPanel_->showBuilder(builder_);
        markAnalysesStale();
        refreshBottom();
        refreshStatus();
        message(wxString::Format("Saved CMOC %lld", static_cast<long long>(saved.id)) +
                (chain ? ": now build the next one, its context is this one's outcome" : ""));
      },
      "Cannot save the CMOC");
}

AgreementOptions MainFrame::agreementOptions() const {
  AgreementOptions o;
  o.coders = {agreementPanel_->coderA(), agreementPanel_->coderB()};
  o.unit = static_cast<AgreementUnit>(agreementPanel_->unit());
  o.codedOnly = agreementPanel_->codedOnly();
  return o;
}

void MainFrame::onComputeAgreement() {
  if (!project_) return;
  const AgreementOptions o = agreementOptions();
  if (o.coders[0].empty() || o.coders[1].empty() || o.coders[0] == o.coders[1])
    return message("Choose two different coders to compare", true);
  if (busy_ > 0) return message("Still comparing; wait for the result", true);
  if (agreementWorker_.joinable()) agreementWorker_.join();
  agreementPanel_->setBusy(wxString::FromUTF8("Comparing\xE2\x80\xA6"));
  ++busy_;
  // Agreement over a large project takes seconds: a worker with its own connection computes
  // it and hands the report back to the UI thread.
  agreementWorker_ = std::thread([this, file = project_->file(), o] {
    std::optional<AgreementReport> report;
    std::string error;
    try {
      report = AgreementPresenter::compute(file, o);
    } catch (const std::exception& e) {
      error = e.what();
    }
    CallAfter([this, report = std::move(report), error, o] {
      --busy_;
      if (!report) {
        agreementPanel_->setBusy("");
        message("Agreement: " + U(error), true);
        return;
      }
      agreement_.show(*report);
      agreementPanel_->show(agreement_);
      guarded(
          [&] {
            DisagreementOptions d;
            d.coders = o.coders;
            d.unit = o.unit;
            agreement_.loadDisagreements(*project_, d);
            agreementPanel_->showDisagreements(agreement_);
          },
          "Disagreements");
    });
  });
}

void MainFrame::refreshBottom(bool force) {
  if (!project_) return;
  const int page = bottom_->GetSelection();
  BusyScope busy(busy_);
  if (page == 0 && (demiStale_ || force)) {
    guarded(
        [&] {
          DemiOptions o;
          o.threshold = demiPanel_->threshold();
          if (onlyMine_) o.filter.coders = {project_->coder()};
          demi_.reload(*project_, o);
          demiPanel_->show(demi_);
          demiStale_ = false;
        },
        "Demiregularities");
  } else if (page == 1 && (webStale_ || force) && !webBusy_) {
    // Graphviz lays out a large web in seconds: a worker renders it on its own connection.
    CmocFilter f;
    if (onlyMine_) f.coders = {project_->coder()};
    webStale_ = false;
    webBusy_ = true;
    ++busy_;
    if (webWorker_.joinable()) webWorker_.join();
    webWorker_ = std::thread([this, file = project_->file(), f] {
      auto web = std::make_shared<CausalWebPresenter>();
      std::string error;
      try {
        Project p = Project::open(file);
        web->reload(p, f);
      } catch (const std::exception& e) {
        error = e.what();
      }
      CallAfter([this, web, error] {
        --busy_;
        webBusy_ = false;
        if (!error.empty()) return message("Causal web: " + U(error), true);
        web_ = std::move(*web);
        webPanel_->show(web_);
        if (webStale_) refreshBottom();  // changed again meanwhile
      });
    });
  } else if (page == 2 && (agreementStale_ || force)) {
    agreementPanel_->setBlind(onlyMine_);
    agreementPanel_->setCoders(coders_);
    agreementStale_ = false;
  } else if (page == 4 && (auditStale_ || force)) {
    guarded([&] {
      auditPanel_->show(auditRows(*project_, 500));
      auditStale_ = false;
    });
  } else if (page == 5 && (theoryStale_ || force)) {
    guarded(
        [&] {
          theory_.reload(*project_);
          theoryPanel_->show(theory_);
          theoryStale_ = false;
        },
        "Theory");
  } else if (page == 6 && (contradictionsStale_ || force)) {
    guarded(
        [&] {
          contradictions_.reload(*project_);
          contradictionsPanel_->show(contradictions_);
          contradictionsStale_ = false;
        },
        "Contradictions");
  }
}

void MainFrame::onCompareTheory(std::size_t from, std::size_t to) {
  if (!project_) return;
  BusyScope busy(busy_);
  guarded(
      [&] {
        try {
          theory_.compare(*project_, from, to);
        } catch (const UsageError&) {
          // Both pickers on one version is a passing state while the user moves the other
          // one: the summary asks for two versions, no error dialog.
        }
        theoryPanel_->show(theory_);
      },
      "Theory");
}

bool MainFrame::showPage(const std::string& name) {
  for (std::size_t i = 0; i < std::size(kPages); ++i)
    if (name == kPages[i]) {
      if (bottom_->GetSelection() != static_cast<int>(i))
        bottom_->SetSelection(i);
      else
        refreshBottom();
      return true;
    }
  return false;
}

void MainFrame::runSearch(const std::string& query) {
  if (!project_) return;
  showPage("search");
  searchPanel_->setQuery(U(query));
  guarded(
      [&] {
        search_.run(*project_, query);
        searchPanel_->show(search_);
      },
      "Search");
}

bool MainFrame::drillDemi(std::size_t row) {
  if (!project_ || row >= demi_.rows().size()) return false;
  return guarded(
      [&] { demiPanel_->showDrill(U(demi_.rows()[row].mechanism), demi_.drill(*project_, row)); });
}

bool MainFrame::clickWebNode(const std::string& code) {
  if (!project_) return false;
  const auto c = Codebook(*project_).tryFind(code);
  if (!c) return false;
  for (const NodeBox& b : web_.boxes())
    if (b.codeId == c->id) {
      webPanel_->onClick((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2);
      return true;
    }
  return false;
}

void MainFrame::computeAgreementNow() { onComputeAgreement(); }

wxWindow* MainFrame::pageWindow(const std::string& name) const {
  for (std::size_t i = 0; i < std::size(kPages); ++i)
    if (name == kPages[i]) return bottom_->GetPage(i);
  if (name == "transcript") return transcriptView_;
  if (name == "codebook") return codebookPanel_;
  if (name == "sources") return sourcesPanel_;
  if (name == "cursor") return cursorPanel_;
  return nullptr;
}

}  // namespace cmoc::gui
