# cmake -DCOMPILE_COMMANDS=<build>/compile_commands.json -DSOURCE_DIR=<source> -P CheckLayers.cmake
#
# The layer rule, checked on what the build really does: every source of a
# folder is compiled with the include roots (cmake/Layers.cmake) of that
# folder and of the folders it may use, and no others; and no source climbs
# out of its folder with "../". Fails with the offending files named.

cmake_minimum_required(VERSION 3.22)

set(allowed_corpus corpus)
set(allowed_analyzers analyzers corpus)
set(allowed_index index analyzers corpus)
set(allowed_indexer indexer index analyzers corpus)
set(allowed_search search index analyzers corpus)
set(allowed_server server search indexer index analyzers corpus)
set(layers corpus analyzers index indexer search server)

file(READ ${COMPILE_COMMANDS} json)
string(JSON count LENGTH "${json}")
math(EXPR last "${count} - 1")
set(errors "")
set(checked 0)
foreach(i RANGE ${last})
  string(JSON file GET "${json}" ${i} file)
  string(JSON command GET "${json}" ${i} command)
  file(RELATIVE_PATH rel ${SOURCE_DIR} ${file})
  string(REGEX MATCH "^[a-z]+" folder "${rel}")
  if(NOT folder IN_LIST layers)
    continue()
  endif()
  math(EXPR checked "${checked} + 1")
  string(REGEX MATCHALL "layers/[a-z]+" roots "${command}")
  foreach(root IN LISTS roots)
    string(REPLACE "layers/" "" used ${root})
    if(NOT used IN_LIST allowed_${folder})
      string(APPEND errors "  ${rel} (${folder}) is compiled seeing ${used}/\n")
    endif()
  endforeach()
endforeach()

foreach(folder IN LISTS layers)
  file(GLOB_RECURSE sources ${SOURCE_DIR}/${folder}/*.cc ${SOURCE_DIR}/${folder}/*.h)
  foreach(source IN LISTS sources)
    file(STRINGS ${source} climbs REGEX "#include \"\\.\\./")
    if(climbs)
      file(RELATIVE_PATH rel ${SOURCE_DIR} ${source})
      string(APPEND errors "  ${rel} includes by \"../\": ${climbs}\n")
    endif()
  endforeach()
endforeach()

if(checked EQUAL 0)
  message(FATAL_ERROR "no source of a layer found in ${COMPILE_COMMANDS}")
endif()
if(errors)
  message(FATAL_ERROR "layer rule broken:\n${errors}")
endif()
message(STATUS "${checked} sources checked: each sees only its own layer and those it may use")
