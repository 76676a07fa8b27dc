// The files a REFI-QDA exchange names: looked up in the archive (or a bare .qde's folder) first,
// and on disk only where the user allowed it.
#include "refi_files.h"

#include <algorithm>
#include <cctype>

#include "bytes.h"
#include "cmoc/error.h"
#include "cmoc/importers/refi_qda.h"
#include "cmoc/report_table.h"
#include "extension.h"

namespace cmoc::importers {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string percentDecode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Whether `real` is `folder` or lies below it; both are real paths (no symlinks, no `..`), so
// comparing their components is enough.
bool under(const std::filesystem::path& real, const std::filesystem::path& folder) {
  if (folder.empty()) return false;
  const auto [f, r] = std::mismatch(folder.begin(), folder.end(), real.begin(), real.end());
  return f == folder.end();
}

std::filesystem::path realPath(const std::filesystem::path& p) {
  std::error_code ec;
  std::filesystem::path real = std::filesystem::weakly_canonical(p, ec);
  return ec ? std::filesystem::path() : real;
}

}  // namespace

RefiFiles::RefiFiles(std::optional<ZipArchive> zip, std::filesystem::path folder,
                     std::filesystem::path bareFolder, std::string basePath,
                     const std::optional<std::filesystem::path>& allowed,
                     refi::ImportReport& report)
    : zip_(std::move(zip)),
      folder_(std::move(folder)),
      bare_(std::move(bareFolder)),
      basePath_(percentDecode(basePath)),
      report_(report) {
  if (!bare_.empty()) inside_ = realPath(bare_);
  if (allowed) {
    std::error_code ec;
    if (!std::filesystem::is_directory(*allowed, ec))
      throw Error(allowed->string() + ": the folder allowed for external files is not a folder");
    allowed_ = realPath(*allowed);
  }
}

FoundFile RefiFiles::read(const std::string& refiPath) {
  outside_.clear();
  std::string p = refiPath;
  auto scheme = [&](std::string_view s) {
    if (lower(p.substr(0, s.size())) != s) return false;
    p = p.substr(s.size());
    return true;
  };
  std::optional<std::string> bytes;
  bool named = false;  // the written path is the file's own absolute path
  if (scheme("internal://")) {
    bytes = internal(p);
  } else if (scheme("relative://")) {
    while (!p.empty() && p.front() == '/') p.erase(p.begin());
    p = percentDecode(p);
    std::filesystem::path base = basePath_.empty() ? folder_ : std::filesystem::path(basePath_);
    if (base.is_relative()) base = folder_ / base;
    bytes = disk(base / p);
    // A copy shipped in the archive is read instead of a file outside it.
    if (!bytes) bytes = internal(std::filesystem::path(p).filename().string());
  } else if (scheme("absolute://") || scheme("file://")) {
    p = percentDecode(p);
    // "absolute:///C:/x" is a Windows drive path; "absolute:///home/x" a POSIX one.
    if (p.size() > 3 && p[0] == '/' && std::isalpha(static_cast<unsigned char>(p[1])) &&
        p[2] == ':')
      p.erase(0, 1);
    named = true;
    bytes = disk(p);
    if (!bytes) bytes = internal(std::filesystem::path(p).filename().string());
  } else {
    // No scheme: a name in the sources folder (qc writes plainTextPath="x.txt").
    bytes = internal(p);
    if (!bytes && !bare_.empty()) bytes = disk(bare_ / p);
  }
  FoundFile found{std::move(bytes), {}};
  if (!found.bytes && !outside_.empty())
    found.refused = named && outside_ == p ? refiPath : refiPath + " -> " + outside_;
  return found;
}

std::optional<std::string> RefiFiles::internal(const std::string& name) {
  if (name.empty()) return std::nullopt;
  if (zip_) {
    if (byName_.empty())
      for (const ZipEntry& e : zip_->entries()) {
        const std::string n = lower(e.name);
        byName_.try_emplace(n, &e);
        byTail_.try_emplace(n, &e);
        for (std::size_t slash = n.find('/'); slash != std::string::npos;
             slash = n.find('/', slash + 1))
          byTail_.try_emplace(n.substr(slash + 1), &e);
      }
    // A file in sources/ first, else the first entry whose name ends in the name asked.
    const std::string want = lower(name);
    if (auto it = byName_.find("sources/" + want); it != byName_.end())
      return zip_->read(*it->second);
    if (auto it = byTail_.find(want); it != byTail_.end()) return zip_->read(*it->second);
    return std::nullopt;
  }
  if (bare_.empty()) return std::nullopt;
  for (const char* dir : {"sources", "Sources"})
    if (auto bytes = disk(bare_ / dir / name)) return bytes;
  return std::nullopt;
}

std::optional<std::string> RefiFiles::disk(const std::filesystem::path& file) {
  // Judged by the real path, after every symlink and `..`: a link in the project's folder or
  // under the allowed folder must not lead out of it. Whether the file exists does not matter,
  // so the outcome is the same on every machine.
  const std::filesystem::path real = realPath(file);
  if (real.empty()) return std::nullopt;
  const bool inside = under(real, inside_);
  if (!inside && !under(real, allowed_)) {
    if (outside_.empty()) outside_ = real.string();
    return std::nullopt;
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(real, ec)) return std::nullopt;
  // Even where reading is allowed, only text and Word files are: not keys or mail that happen
  // to lie there.
  if (!hasExtension(real, {".txt", ".docx"})) {
    report_.notes.push_back("not read: " + real.string() +
                            " (only .txt and .docx files are read from disk)");
    return std::nullopt;
  }
  if (inside)
    report_.notes.push_back("read " + real.string() + " from disk");
  else
    report_.external.push_back(real.string());
  if (std::filesystem::file_size(real, ec) == 0) return std::string();
  // The real path, not `file`: what was checked is what is read.
  return readFileBytes(real);
}

ExternalFilesRefused::ExternalFilesRefused(std::string refusal, std::vector<std::string> paths)
    : Error(refusal + "; " + std::string(kCliHint)),
      refusal_(std::move(refusal)),
      paths_(std::move(paths)) {}

void ExternalRefusals::refuseAny(const std::string& fileName, const RefiFiles& files) const {
  if (sources.empty() && notes.empty()) return;
  const int noteCount = static_cast<int>(notes.size());
  auto count = [](int n, const char* what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
  };
  std::string who;
  if (sourceCount > 0) who = count(sourceCount, "source");
  if (noteCount > 0) who += (who.empty() ? "" : " and ") + count(noteCount, "note");
  std::vector<std::string> paths = sources;
  paths.insert(paths.end(), notes.begin(), notes.end());
  const bool one = sourceCount + noteCount == 1;
  std::string refusal = fileName + ": " + who + (one ? " names a file" : " name files") +
                        " outside " + files.container();
  if (!files.allowed().empty()) refusal += " and outside " + files.allowed().string();
  refusal += " (" + joined(paths, ", ") + ")";
  throw ExternalFilesRefused(std::move(refusal), std::move(paths));
}

}  // namespace cmoc::importers
