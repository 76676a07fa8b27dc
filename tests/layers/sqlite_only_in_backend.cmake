# Fails when core code outside src/backend/ includes sqlite3.h or calls SQLite's C API
# (docs/ARCHITECTURE.md). The header is a system header, so the include path cannot stop it;
# this check does. Run as: cmake -DCORE=<core dir> -P sqlite_only_in_backend.cmake
file(GLOB_RECURSE files ${CORE}/cmoc/*.h ${CORE}/src/*.h ${CORE}/src/*.cpp)
set(offenders "")
foreach(f IN LISTS files)
  if(f MATCHES "/src/backend/")
    continue()
  endif()
  file(STRINGS ${f} hits REGEX "#include <sqlite3\\.h>|sqlite3_[a-z_]+\\(|SQLITE_[A-Z_]+")
  if(hits)
    list(APPEND offenders "${f}: ${hits}")
  endif()
endforeach()
if(offenders)
  list(JOIN offenders "\n" text)
  message(FATAL_ERROR "SQLite used outside core/src/backend:\n${text}")
endif()
