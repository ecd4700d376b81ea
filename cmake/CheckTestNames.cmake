# cmake -DTESTS_DIR=<source>/tests -P CheckTestNames.cmake
#
# Fails when a Catch2 test name holds a semicolon. CTest's test list is a
# CMake list, so catch_discover_tests cuts such a name at the semicolon and
# registers a filter that matches no test: it then passes without running
# anything, whatever the test would have found.
file(GLOB_RECURSE sources "${TESTS_DIR}/*.cc")
set(bad "")
foreach(source IN LISTS sources)
  file(STRINGS "${source}" lines REGEX "TEST_CASE\\(\"" ENCODING UTF-8)
  foreach(line IN LISTS lines)
    if(line MATCHES "TEST_CASE\\(\"[^\"]*;")
      file(RELATIVE_PATH relative "${TESTS_DIR}" "${source}")
      string(APPEND bad "\n  ${relative}: ${line}")
    endif()
  endforeach()
endforeach()
if(bad)
  message(FATAL_ERROR "test names with a semicolon (CTest would run nothing for them):${bad}")
endif()
