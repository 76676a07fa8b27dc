# Fails when a domain folder (every folder of core/src but backend/, docs/ARCHITECTURE.md, issue
# 16) holds a statement: a string or raw-string line that starts with a SQL verb, a sql::Stmt, or
# a Db::exec. A new concept folder is checked without an edit here.
# Run as: cmake -DCORE=<core dir> -P no_sql_in_domain.cmake
file(GLOB entries LIST_DIRECTORIES true RELATIVE ${CORE}/src ${CORE}/src/*)
set(FOLDERS "")
foreach(entry IN LISTS entries)
  if(IS_DIRECTORY ${CORE}/src/${entry} AND NOT entry STREQUAL "backend")
    list(APPEND FOLDERS ${entry})
  endif()
endforeach()
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
