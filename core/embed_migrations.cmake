# Writes the numbered schemas/NNN_name.sql files into a C++ table (run at build time).
file(GLOB files ${DIR}/[0-9][0-9][0-9]_*.sql)
list(SORT files)
set(body "")
set(count 0)
foreach(f IN LISTS files)
  get_filename_component(name ${f} NAME)
  string(SUBSTRING ${name} 0 3 num)
  math(EXPR version "${num}")
  file(READ ${f} sql)
  string(APPEND body "  {${version}, \"${name}\", R\"cmocsql(${sql})cmocsql\"},\n")
  math(EXPR count "${count} + 1")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from schemas/ by core/embed_migrations.cmake; do not edit.\n"
  "#include \"backend/sqlite/project_impl.h\"\nnamespace cmoc::store {\n"
  "const Migration kMigrations[] = {\n${body}};\nconst int kMigrationCount = ${count};\n}\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
