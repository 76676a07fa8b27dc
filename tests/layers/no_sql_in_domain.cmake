# Fails when a domain folder that holds no SQL any more (docs/ARCHITECTURE.md, issue 16) gains a
# statement again: a string or raw-string line that starts with a SQL verb, a sql::Stmt, or a
# Db::exec. The list only grows as folders move their SQL into src/backend/.
# Run as: cmake -DCORE=<core dir> -DFOLDERS="cmocs;refi;..." -P no_sql_in_domain.cmake
set(offenders "")
foreach(folder IN LISTS FOLDERS)
  file(GLOB_RECURSE files ${CORE}/src/${folder}/*.h ${CORE}/src/${folder}/*.cpp)
  foreach(f IN LISTS files)
    file(STRINGS ${f} hits REGEX
         "sql::Stmt|\\.exec\\(|\"[ \t]*(SELECT|INSERT|UPDATE|DELETE|PRAGMA)[ \t]|^[ \t]*(SELECT|INSERT|UPDATE|DELETE|WITH RECURSIVE)[ \t]")
    if(hits)
      list(APPEND offenders "${f}: ${hits}")
    endif()
  endforeach()
endforeach()
if(offenders)
  list(JOIN offenders "\n" text)
  message(FATAL_ERROR "SQL outside core/src/backend:\n${text}")
endif()
