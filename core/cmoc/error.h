#pragma once
// One exception family for the domain API. The CLI's main and the GUI's event handlers catch
// cmoc::Error once and show what() as a one-line message.
#include <stdexcept>
#include <string>

namespace cmoc {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A problem in a file the user gave us. `where` is the place in the file: "byte 1234",
// "line 7", "word/document.xml:3:14", "cue 12". The message reads "file: where: problem".
class InputError : public Error {
 public:
  InputError(std::string file, std::string where, std::string problem);
  const std::string& file() const { return file_; }
  const std::string& where() const { return where_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string file_, where_, problem_;
};

// The project file itself cannot be used: not a project, newer schema, unreadable.
class ProjectError : public Error {
 public:
  using Error::Error;
};

// The project file could not be read or written: damaged, read-only, busy with another writer,
// a full disk, an I/O error. The action was not saved; the message names the file and what to
// do. The GUI tells "not saved" from these and offers to reopen the project.
class StorageError : public ProjectError {
 public:
  using ProjectError::ProjectError;
};

// A named thing (source, code, coder ...) does not exist in the project.
class NotFound : public Error {
 public:
  using Error::Error;
};

// The user asked for something the data does not allow (duplicate name, wrong code kind ...).
class UsageError : public Error {
 public:
  using Error::Error;
};

// Long work stopped because the user cancelled it through Progress.
class Cancelled : public Error {
 public:
  Cancelled() : Error("cancelled") {}
};

}  // namespace cmoc
