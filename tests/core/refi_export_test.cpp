// REFI-QDA export (cmoc/refi_export.h): .qdpx and .qdc files that validate against the official
// schemas (xmllint), hold the text exactly as positions count it, and carry our realist data in
// the standard's extension points. Also defines the demo-like study the round-trip and CLI tests
// share (refi_test::buildDemo).
#include "cmoc/refi_export.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <zip.h>

#include <cstdio>
#include <map>
#include <regex>

#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/importers/importer.h"
#include "cmoc/project.h"
#include "cmoc/refi.h"
#include "cmoc/text.h"
#include "test_support.h"

using namespace cmoc;

namespace refi_test {

void sql(const std::filesystem::path& db, const std::string& statement) {
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  sqlite3_busy_timeout(h, 5000);
  char* err = nullptr;
  const int rc = sqlite3_exec(h, statement.c_str(), nullptr, nullptr, &err);
  EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "") << "\n" << statement;
  sqlite3_free(err);
  sqlite3_close(h);
}

// A small realist study as the demo builds it: two interviews with speakers mapped to
// participants and a case, a C/M/O codebook with kinds, origins, colours, definitions and memos,
// overlapping codings (accents, an emoji, CJK), memos on everything, two CMOCs with evidence, a
// prior and a chain. Returns the project file (dir/demo.cmoc).
std::filesystem::path buildDemo(const std::filesystem::path& dir) {
  const auto file = dir / "demo.cmoc";
  {
    test::writeFile(
        dir / "interview-01.txt",
        "I: Thank you for joining. How did the alliance start?\n"
        "R: Honestly, there was a history of competition between the two trusts.\n"
        "I: And the café meetings?\n"
        "R: The café meetings helped \xF0\x9F\x98\x80 and \xE4\xBF\xA1\xE4\xBB\xBB matters to us.\n"
        "R: But the slow pace of development caused conflict, and faith fell.\n");
    test::writeFile(dir / "interview-02.txt",
                    "I: What changed after the merger?\n"
                    "R: Zoë said trust grew once the quick wins came.\n"
                    "I: Anything else?\n"
                    "R: Collaboration improved across both sites.\n");
    test::writeFile(dir / "participants.csv",
                    "file,participant,speaker,role,case,case_type,region\n"
                    "interview-01.txt,19,R,director,alliance 2,alliance,North\n"
                    "interview-02.txt,23,R,nurse,alliance 2,alliance,South\n"
                    ",INT1,I,interviewer,,,\n");
    Project p = Project::create(file);
    p.setCoder("ana");
    const ParticipantSheet sheet = importers::loadParticipants(dir / "participants.csv");
    for (const char* name : {"interview-01.txt", "interview-02.txt"})
      p.addTranscript(importers::loadTranscript(dir / name), &sheet);

    Codebook book(p);
    book.add({.name = "Contexts", .kind = CodeKind::Context});
    book.add({.name = "History of competition",
              .parent = "Contexts",
              .kind = CodeKind::Context,
              .definition = "Partners competed for patients or funds before the alliance.",
              .inclusion = "Past rivalry, mergers that failed.",
              .exclusion = "Current disputes.",
              .memo = "Seen in most phase-1 interviews.",
              .color = "#E69F00"});
    book.add({.name = "Slow pace",
              .parent = "Contexts",
              .kind = CodeKind::Context,
              .origin = CodeOrigin::Inductive});
    book.add({.name = "Mechanisms", .kind = CodeKind::Mechanism});
    book.add({.name = "Trust",
              .parent = "Mechanisms",
              .kind = CodeKind::Mechanism,
              .definition = "Willingness to accept vulnerability.",
              .color = "#0072B2"});
    book.add({.name = "Faith", .parent = "Mechanisms", .kind = CodeKind::Mechanism});
    book.add({.name = "Outcomes", .kind = CodeKind::Outcome});
    book.add({.name = "Conflict",
              .parent = "Outcomes",
              .kind = CodeKind::Outcome,
              .origin = CodeOrigin::Inductive});
    book.add({.name = "Collaborative behaviour", .parent = "Outcomes", .kind = CodeKind::Outcome});
    book.add({.name = "Café culture",
              .kind = CodeKind::Other,
              .color = "#009E73",
              .origin = CodeOrigin::Inductive});

    Coding coding(p);
    const std::string t1 = p.sourceText(p.source("interview-01.txt").id);
    auto at = [&](const std::string& text, const std::string& what) {
      const std::size_t byte = text.find(what);
      EXPECT_NE(byte, std::string::npos) << what;
      const std::int64_t start = text::codePointCount(std::string_view(text).substr(0, byte));
      return std::make_pair(start, start + text::codePointCount(what));
    };
    auto code = [&](const char* src, const std::string& text, const char* c,
                    const std::string& what, const std::string& memo = "") {
      const auto [a, b] = at(text, what);
      return coding.apply(src, c, a, b, memo);
    };
    const CodingRecord history =
        code("interview-01.txt", t1, "History of competition",
             "a history of competition between the two trusts", "Clear example.");
    const CodingRecord cafe =
        code("interview-01.txt", t1, "Café culture",
             "The café meetings helped \xF0\x9F\x98\x80 and \xE4\xBF\xA1\xE4\xBB\xBB");
    const CodingRecord trust1 =
        code("interview-01.txt", t1, "Trust", "\xE4\xBF\xA1\xE4\xBB\xBB matters to us");
    const CodingRecord slow =
        code("interview-01.txt", t1, "Slow pace", "the slow pace of development");
    const CodingRecord conflict =
        code("interview-01.txt", t1, "Conflict", "the slow pace of development caused conflict");
    const CodingRecord faith = code("interview-01.txt", t1, "Faith", "faith fell");
    const std::string t2 = p.sourceText(p.source("interview-02.txt").id);
    const CodingRecord trust2 =
        code("interview-02.txt", t2, "Trust", "Zoë said trust grew once the quick wins came.");
    const CodingRecord collab = code("interview-02.txt", t2, "Collaborative behaviour",
                                     "Collaboration improved across both sites.");
    (void)cafe;
    (void)collab;

    Cmocs cmocs(p);
    const Cmoc first = cmocs.add({.context = "History of competition",
                                  .mechanism = "Trust",
                                  .outcome = "Conflict",
                                  .status = CmocStatus::Refines,
                                  .label = "Rivalry erodes trust",
                                  .memo = "Two sources.\nCheck phase 2.",
                                  .evidence = {{Slot::Context, history.id},
                                               {Slot::Mechanism, trust1.id},
                                               {Slot::Mechanism, trust2.id},
                                               {Slot::Outcome, conflict.id}}});
    const Cmoc second =
        cmocs.add({.context = "Slow pace",
                   .mechanism = "Faith",
                   .outcome = "Conflict",
                   .status = CmocStatus::Novel,
                   .prior = std::to_string(first.id),
                   .evidence = {{Slot::Context, slow.id}, {Slot::Mechanism, faith.id}}});
    cmocs.link(first.id, second.id, "Conflict feeds the slow pace.");

    const std::string src1 = p.source("interview-01.txt").guid;
    const std::string codeGuid = book.find("Trust").guid;
    sql(file,
        "UPDATE sources SET memo = 'Recorded on Teams; audio was poor.' WHERE guid = '" + src1 +
            "';"
            "INSERT INTO memos(guid, target_kind, target_guid, title, text, coder_id, created_at, "
            "modified_at) VALUES"
            "('6f1d2c3b-0000-4000-8000-000000000001', 'project', NULL, 'Research plan', 'Phase 1: "
            "theory gleaning.', 1, '2026-01-05T10:00:00Z', '2026-01-06T10:00:00Z'),"
            "('6f1d2c3b-0000-4000-8000-000000000002', 'source', '" +
            src1 +
            "', 'Interview note', 'Interviewee arrived late.', 1, '2026-01-05T10:00:00Z', "
            "'2026-01-05T10:00:00Z'),"
            "('6f1d2c3b-0000-4000-8000-000000000003', 'code', '" +
            codeGuid +
            "', 'About trust', 'Trust or confidence?', 1, '2026-01-05T10:00:00Z', "
            "'2026-01-05T10:00:00Z'),"
            "('6f1d2c3b-0000-4000-8000-000000000004', 'coding', '" +
            history.guid +
            "', 'Quote', 'Use in the paper.', 1, '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z'),"
            "('6f1d2c3b-0000-4000-8000-000000000005', 'cmoc', '" +
            first.guid +
            "', 'CMOC note', 'Discuss with Sam.', 1, '2026-01-05T10:00:00Z', "
            "'2026-01-05T10:00:00Z');");
  }
  return file;
}

// Every entry of a zip file, by name.
std::map<std::string, std::string> unzip(const std::filesystem::path& file) {
  std::map<std::string, std::string> out;
  int err = 0;
  zip_t* z = zip_open(file.c_str(), ZIP_RDONLY, &err);
  if (!z) {
    ADD_FAILURE() << file << " is not a zip";
    return out;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
    std::string bytes(st.size, '\0');
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    if (st.size) zip_fread(f, bytes.data(), st.size);
    zip_fclose(f);
    out[st.name] = bytes;
  }
  zip_close(z);
  return out;
}

// xmllint's complaints about `xml` against schemas/refi-qda/`xsd`; empty when it validates.
std::string schemaErrors(const std::filesystem::path& xml, const std::string& xsd) {
  const std::string schema = std::string(CMOC_SOURCE_DIR) + "/schemas/refi-qda/" + xsd;
  const std::string cmd = "xmllint --noout --schema '" + schema + "' '" + xml.string() + "' 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return "cannot run xmllint";
  std::string out;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, pipe)) out += buf;
  const int rc = pclose(pipe);
  if (rc == 0) return "";
  if (out.find("not found") != std::string::npos || WEXITSTATUS(rc) == 127)
    return "xmllint is not installed (Debian package libxml2-utils; ./dev installs it)";
  return out.empty() ? "xmllint failed" : out;
}

// Validates a .qdpx's project.qde against the project schema; returns its entries.
std::map<std::string, std::string> expectValidQdpx(const std::filesystem::path& qdpx) {
  auto entries = unzip(qdpx);
  EXPECT_TRUE(entries.count("project.qde")) << qdpx;
  const auto xml = qdpx.parent_path() / (qdpx.stem().string() + ".project.qde");
  test::writeFile(xml, entries["project.qde"]);
  EXPECT_EQ(schemaErrors(xml, "Project-mrt2019.xsd"), "") << entries["project.qde"];
  return entries;
}

}  // namespace refi_test

namespace {

std::int64_t count(const std::string& s, const std::string& what) {
  std::int64_t n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

std::string attr(const std::string& element, const std::string& name) {
  const std::regex re(" " + name + "=\"([^\"]*)\"");
  std::smatch m;
  return std::regex_search(element, m, re) ? m[1].str() : std::string();
}

}  // namespace

TEST(RefiExport, QdpxValidatesAgainstTheProjectSchema) {
  test::TempDir dir;
  Project p = Project::open(refi_test::buildDemo(dir.path()));
  const refi::ExportSummary s = refi::exportQdpx(p, dir / "demo.qdpx");
  EXPECT_EQ(s.codes, 10);
  EXPECT_EQ(s.sources, 2);
  EXPECT_EQ(s.codings, 8);
  EXPECT_EQ(s.cmocs, 2);
  EXPECT_EQ(s.chains, 1);
  refi_test::expectValidQdpx(dir / "demo.qdpx");
}

TEST(RefiExport, QdcValidatesAgainstTheCodebookSchema) {
  test::TempDir dir;
  Project p = Project::open(refi_test::buildDemo(dir.path()));
  EXPECT_EQ(refi::exportQdc(p, dir / "demo.qdc").codes, 10);
  EXPECT_EQ(refi_test::schemaErrors(dir / "demo.qdc", "Codebook.xsd"), "");
  const std::string xml = test::readFile(dir / "demo.qdc");
  // Kinds and origins are code groups; definitions, rules and memos are in the description.
  EXPECT_NE(xml.find("<Set guid=\"" + refi::derivedGuid("kind-set:mechanism") +
                     "\" name=\"CMOC kind: mechanism\">"),
            std::string::npos);
  EXPECT_NE(xml.find("name=\"CMOC origin: inductive\""), std::string::npos);
  EXPECT_NE(xml.find("<MemberCode guid="), std::string::npos);
  EXPECT_NE(xml.find("<Description>Partners competed for patients or funds before the "
                     "alliance.\n\nInclusion: Past "
                     "rivalry, mergers that failed.\n\nExclusion: Current disputes.\n\nMemo: Seen "
                     "in most phase-1 "
                     "interviews.</Description>"),
            std::string::npos)
      << xml;
}

TEST(RefiExport, SourcesAreUtf8WithoutBomWithLfAndPositionsCountCodePointsOverThem) {
  test::TempDir dir;
  Project p = Project::open(refi_test::buildDemo(dir.path()));
  refi::exportQdpx(p, dir / "demo.qdpx");
  auto entries = refi_test::unzip(dir / "demo.qdpx");
  const std::string& qde = entries["project.qde"];
  int checked = 0;
  for (const SourceSummary& s : p.sources()) {
    const std::string name = "sources/" + s.guid + ".txt";
    ASSERT_TRUE(entries.count(name)) << name;
    const std::string& txt = entries[name];
    EXPECT_EQ(txt, p.sourceText(s.id));
    EXPECT_NE(txt.compare(0, 3, "\xEF\xBB\xBF"), 0) << "no BOM";
    EXPECT_EQ(txt.find('\r'), std::string::npos);
    EXPECT_NE(qde.find("plainTextPath=\"internal://" + s.guid + ".txt\""), std::string::npos);
    // Every selection of this source quotes what its coding covers.
    const std::size_t from = qde.find("<TextSource guid=\"" + s.guid + "\"");
    const std::size_t to = qde.find("</TextSource>", from);
    const std::string block = qde.substr(from, to - from);
    const std::regex sel("<PlainTextSelection [^>]*>");
    for (auto it = std::sregex_iterator(block.begin(), block.end(), sel);
         it != std::sregex_iterator(); ++it) {
      const std::string e = it->str();
      const std::int64_t a = std::stoll(attr(e, "startPosition")),
                         b = std::stoll(attr(e, "endPosition"));
      bool found = false;
      for (const CodingRecord& c : Coding(p).list({.sources = {s.name}}))
        found = found || (c.start == a && c.end == b);
      EXPECT_TRUE(found) << e;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 8);
  // The emoji and the CJK word: code points, not bytes or UTF-16 units.
  const std::string t1 = p.sourceText(p.source("interview-01.txt").id);
  const CodingRecord trust =
      Coding(p).list({.codes = {"Trust"}, .sources = {"interview-01.txt"}}).at(0);
  EXPECT_EQ(text::sliceCodePoints(t1, trust.start, trust.end),
            "\xE4\xBF\xA1\xE4\xBB\xBB matters to us");
  EXPECT_NE(qde.find("startPosition=\"" + std::to_string(trust.start) + "\" endPosition=\"" +
                     std::to_string(trust.end) + "\""),
            std::string::npos);
}

TEST(RefiExport, RealistDataTravelsInSetsLinksAndNotesOtherToolsShow) {
  test::TempDir dir;
  Project p = Project::open(refi_test::buildDemo(dir.path()));
  refi::exportQdpx(p, dir / "demo.qdpx");
  const std::string qde = refi_test::unzip(dir / "demo.qdpx")["project.qde"];
  // Every code, coding, case, variable and memo is a plain standard element.
  EXPECT_EQ(count(qde, "<Code "), 10);
  EXPECT_EQ(count(qde, "<Coding "), 8);
  EXPECT_EQ(count(qde, "<Case "), 4);  // alliance 2, participants 19, 23 and INT1
  EXPECT_NE(qde.find("<Variable guid=\"" + refi::derivedGuid("variable:role") +
                     "\" name=\"role\" typeOfVariable=\"Text\""),
            std::string::npos);
  EXPECT_NE(qde.find("name=\"interviewer\" typeOfVariable=\"Boolean\""), std::string::npos);
  EXPECT_NE(qde.find("<TextValue>I = INT1; R = 19</TextValue>"), std::string::npos);
  EXPECT_NE(qde.find("<PlainTextContent>Phase 1: theory gleaning.</PlainTextContent>"),
            std::string::npos);
  EXPECT_NE(qde.find("<Description>Recorded on Teams; audio was poor.</Description>"),
            std::string::npos);
  EXPECT_NE(qde.find("<Description>Clear example.</Description>"),
            std::string::npos);  // coding memo
  EXPECT_NE(qde.find("<PlainTextContent>Seen in most phase-1 interviews.</PlainTextContent>"),
            std::string::npos);
  // Kinds, origins, CMOCs: sets; evidence, priors and chains: links; the chains: a graph.
  EXPECT_NE(qde.find("name=\"CMOC kind: context\""), std::string::npos);
  EXPECT_NE(qde.find("name=\"CMOC: Rivalry erodes trust\""), std::string::npos);
  EXPECT_NE(
      qde.find(
          "CMOC Workbench configuration\nIf History of competition then Conflict because Trust"),
      std::string::npos);
  EXPECT_EQ(count(qde, "name=\"CMOC evidence: "), 6);
  EXPECT_EQ(count(qde, "name=\"CMOC tests\""), 1);
  EXPECT_EQ(count(qde, "name=\"CMOC chain\""), 1);
  EXPECT_NE(
      qde.find("<Graph guid=\"" + refi::derivedGuid("chain-graph") + "\" name=\"CMOC chains\">"),
      std::string::npos);
  // The same project exports the same bytes: GUIDs we derive are stable.
  refi::exportQdpx(p, dir / "again.qdpx");
  EXPECT_EQ(refi_test::unzip(dir / "again.qdpx")["project.qde"], qde);
}

TEST(RefiExport, ReplacesTheTargetAtomicallyAndRefusesOtherExtensions) {
  test::TempDir dir;
  Project p = Project::open(refi_test::buildDemo(dir.path()));
  test::writeFile(dir / "out.qdpx", "old");
  refi::exportFile(p, dir / "out.qdpx");
  EXPECT_NE(test::readFile(dir / "out.qdpx"), "old");
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
  EXPECT_THROW(refi::exportFile(p, dir / "out.zip"), UsageError);
  EXPECT_THROW(refi::exportFile(p, dir / "no-such-folder" / "out.qdpx"), UsageError);
  Project empty = Project::create(dir / "empty.cmoc");
  EXPECT_THROW(refi::exportQdc(empty, dir / "empty.qdc"), UsageError);
  EXPECT_FALSE(std::filesystem::exists(dir / "empty.qdc"));
  // An empty project is still a valid exchange file.
  refi::exportQdpx(empty, dir / "empty.qdpx");
  refi_test::expectValidQdpx(dir / "empty.qdpx");
}

TEST(RefiExport, ControlCharactersInMemosDoNotBreakTheXml) {
  test::TempDir dir;
  Project p = Project::open(refi_test::buildDemo(dir.path()));
  Codebook(p).edit("Faith", {.definition = std::string("Bell\x07 and form feed\x0C here")});
  refi::exportQdpx(p, dir / "demo.qdpx");
  const auto entries = refi_test::expectValidQdpx(dir / "demo.qdpx");
  EXPECT_NE(entries.at("project.qde").find("Bell\xEF\xBF\xBD and form feed\xEF\xBF\xBD here"),
            std::string::npos);
}

TEST(RefiExport, DerivedGuidsAreVersion5AndStable) {
  EXPECT_EQ(refi::derivedGuid("x"), refi::derivedGuid("x"));
  EXPECT_NE(refi::derivedGuid("x"), refi::derivedGuid("y"));
  const std::string g = refi::derivedGuid("selection:abc");
  EXPECT_TRUE(std::regex_match(
      g, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")))
      << g;
  EXPECT_EQ(refi::normalizeGuid("{AD68FBE7-E1EE-4A82-A279-23CC698C89EB}"),
            "ad68fbe7-e1ee-4a82-a279-23cc698c89eb");
  EXPECT_EQ(refi::normalizeGuid("not-a-guid"), "");
}

TEST(RefiExport, CodeDescriptionsSplitBackIntoTheirParts) {
  const refi::CodeText t{"Def.", "In.", "Out.", "Note."};
  EXPECT_EQ(refi::codeDescription(t, false), "Def.\n\nInclusion: In.\n\nExclusion: Out.");
  const refi::CodeText back = refi::parseCodeDescription(refi::codeDescription(t, true));
  EXPECT_EQ(back.definition, "Def.");
  EXPECT_EQ(back.inclusion, "In.");
  EXPECT_EQ(back.exclusion, "Out.");
  EXPECT_EQ(back.memo, "Note.");
  EXPECT_EQ(refi::parseCodeDescription("Exclusion: only this").exclusion, "only this");
  EXPECT_EQ(refi::parseCodeDescription("the breakfast of champions").definition,
            "the breakfast of champions");
}
