# Every third-party dependency is found here, once, and wrapped in an imported
# target. All of them are Debian packages (see README.md, "Dependencies").
find_package(PkgConfig REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Threads REQUIRED)

# Xapian 1.4 installs a variables-only xapian-config.cmake; wrap it.
find_package(Xapian REQUIRED)
if(NOT TARGET Xapian::Xapian)
  add_library(Xapian::Xapian INTERFACE IMPORTED)
  set_target_properties(Xapian::Xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()

# Gumbo (Google's HTML5 parser) ships a pkg-config file only.
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
add_library(Gumbo::Gumbo ALIAS PkgConfig::GUMBO)

# zstd: stored articles compressed against a dictionary of the database's own
# (common/stored_codec.h); its pkg-config file is the one Debian installs.
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
add_library(zstd::zstd ALIAS PkgConfig::ZSTD)

# cpp-httplib (news-server's HTTP server; the test suite's HTTP and WebDriver
# client). Debian builds it as a shared library whose header layout depends on
# the feature macros in its pkg-config file, so they come from there.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
add_library(httplib::httplib ALIAS PkgConfig::HTTPLIB)

# jemalloc: the tools allocate many small strings (Xapian's per-document term maps,
# the entity recogniser's features, JSON output), where glibc's malloc spent 14% of
# news-index's time (docs/benchmarks.md, "Memory allocator"). Sanitizer and fuzz builds
# keep the system allocator, which the sanitizers replace.
add_library(news_allocator INTERFACE)
if(NEWS_JEMALLOC AND NOT NEWS_SANITIZE AND NOT NEWS_SANITIZE_THREAD AND NOT NEWS_FUZZ)
  pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc)
  target_link_libraries(news_allocator INTERFACE PkgConfig::JEMALLOC)
endif()
