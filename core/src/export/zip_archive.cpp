#include "export/zip_archive.h"

#include "cmoc/error.h"

namespace cmoc::exporting {

ZipArchive::ZipArchive(const std::filesystem::path& file, std::string shownAs)
    : shownAs_(std::move(shownAs)) {
  int err = 0;
  zip_ = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!zip_) throw Error(shownAs_ + ": cannot create the zip archive");
}

ZipArchive::~ZipArchive() {
  if (zip_) zip_discard(zip_);
}

void ZipArchive::fail(const std::string& what) {
  const std::string msg = shownAs_ + ": cannot write " + what + ": " + zip_strerror(zip_);
  zip_discard(zip_);
  zip_ = nullptr;
  throw Error(msg);
}

void ZipArchive::add(const std::string& name, std::string bytes) {
  const std::string& kept = buffers_.emplace_back(std::move(bytes));
  zip_source_t* src = zip_source_buffer(zip_, kept.data(), kept.size(), 0);
  if (!src) fail(name);
  const zip_int64_t index = zip_file_add(zip_, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
  if (index < 0) {
    zip_source_free(src);
    fail(name);
  }
  zip_set_file_compression(zip_, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0);
}

void ZipArchive::addDirectory(const std::string& name) {
  if (zip_dir_add(zip_, name.c_str(), ZIP_FL_ENC_UTF_8) < 0) fail(name);
}

void ZipArchive::close() {
  if (zip_close(zip_) != 0) fail("the zip archive");
  zip_ = nullptr;
}

}  // namespace cmoc::exporting
