# Finds every library tinhgon uses. Each failure names the Debian package to
# install, because `scripts/setup` is the supported way to get them and a
# bare "not found" from CMake does not say which package is missing.

find_package(PkgConfig)
if(NOT PKG_CONFIG_FOUND)
  message(FATAL_ERROR "pkg-config is missing: apt-get install pkg-config (or run scripts/setup)")
endif()

function(tinhgon_require_pkg target module debian_package)
  pkg_check_modules(${target} IMPORTED_TARGET GLOBAL ${module})
  if(NOT ${target}_FOUND)
    message(FATAL_ERROR "${module} not found: apt-get install ${debian_package} (or run scripts/setup)")
  endif()
endfunction()

tinhgon_require_pkg(ICU "icu-uc;icu-i18n" libicu-dev)
tinhgon_require_pkg(XAPIAN xapian-core libxapian-dev)

find_package(Catch2 2 QUIET CONFIG)
if(TINHGON_BUILD_TESTS AND NOT Catch2_FOUND)
  message(FATAL_ERROR "Catch2 v2 not found: apt-get install catch2 (or run scripts/setup)")
endif()

find_package(CLI11 QUIET CONFIG)
if(NOT CLI11_FOUND)
  message(FATAL_ERROR "CLI11 not found: apt-get install libcli11-dev (or run scripts/setup)")
endif()

find_package(Threads REQUIRED)

find_package(nlohmann_json 3 QUIET CONFIG)
if(NOT nlohmann_json_FOUND)
  message(FATAL_ERROR "nlohmann/json not found: apt-get install nlohmann-json3-dev (or run scripts/setup)")
endif()

tinhgon_require_pkg(GUMBO gumbo libgumbo-dev)
tinhgon_require_pkg(UCHARDET uchardet libuchardet-dev)
tinhgon_require_pkg(HTTPLIB cpp-httplib libcpp-httplib-dev)
tinhgon_require_pkg(CRYPTO libcrypto libssl-dev)
tinhgon_require_pkg(LIBXML2 libxml-2.0 libxml2-dev)

find_package(spdlog QUIET CONFIG)
if(NOT spdlog_FOUND)
  message(FATAL_ERROR "spdlog not found: apt-get install libspdlog-dev (or run scripts/setup)")
endif()

find_path(KAINJOW_MUSTACHE_INCLUDE kainjow/mustache.hpp)
if(NOT KAINJOW_MUSTACHE_INCLUDE)
  message(FATAL_ERROR "kainjow mustache not found: apt-get install libkainjow-mustache-dev (or run scripts/setup)")
endif()
