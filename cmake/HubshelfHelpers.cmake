# Helpers shared by every folder: warnings on our own targets, libraries and tests.

# The fuzzers (HUBSHELF_BUILD_FUZZERS) need clang. Everything is compiled with libFuzzer's coverage
# instrumentation (fuzzer-no-link: the libraries a fuzz target links must be, or libFuzzer mutates
# blind) and the sanitizers; only the fuzz targets link libFuzzer itself (tests/fuzz).
set(HUBSHELF_FUZZ_SANITIZERS "address,undefined" CACHE STRING
    "The -fsanitize= list of the fuzz build (the fuzz-bench preset keeps undefined only)")
if(HUBSHELF_BUILD_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "HUBSHELF_BUILD_FUZZERS needs clang++ (the fuzz preset sets it)")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link,${HUBSHELF_FUZZ_SANITIZERS} -fno-sanitize-recover=undefined
        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=${HUBSHELF_FUZZ_SANITIZERS})
endif()

# hubshelf_set_sanitizers("address,undefined" | "thread" | "")
# Compiles and links everything after it with those sanitizers. UBSan stops at its first report, so
# that a test fails rather than prints and passes.
function(hubshelf_set_sanitizers sanitizers)
    if(NOT sanitizers) # empty, or OFF as in build folders made before it took a list
        set(HUBSHELF_SANITIZER_ENVIRONMENT "" CACHE INTERNAL "The sanitizers' options for tests")
        return()
    endif()
    if(NOT sanitizers MATCHES "^(address,undefined|address|undefined|thread)$")
        message(FATAL_ERROR "HUBSHELF_SANITIZE is '${sanitizers}': use address,undefined or thread")
    endif()
    add_compile_options(-fsanitize=${sanitizers} -fno-omit-frame-pointer)
    if(sanitizers MATCHES "undefined")
        add_compile_options(-fno-sanitize-recover=undefined)
    endif()
    add_link_options(-fsanitize=${sanitizers})
    # The tests read this to know that the binaries they time or weigh carry a sanitizer.
    add_compile_definitions(HUBSHELF_SANITIZED="${sanitizers}")
    # What every test (and every program a test starts) runs with: stop at the first report. Leaks are
    # not looked for: Qt, GLib and libsecret keep their singletons until exit on purpose. Debian's Qt
    # is not built with TSan, so races inside its own threads are left out by the suppressions.
    if(sanitizers MATCHES "thread")
        set(environment "TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:suppressions=${PROJECT_SOURCE_DIR}/tests/sanitizers/tsan.supp")
    else()
        set(environment "ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=1"
            "UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1")
    endif()
    set(HUBSHELF_SANITIZER_ENVIRONMENT "${environment}" CACHE INTERNAL "The sanitizers' options for tests")
endfunction()

# hubshelf_set_test_environment(test ...)
# Qt's offscreen platform, the screenshots' folder and the sanitizers' options, so that a test runs
# the same from a preset, from a plain ctest and from an IDE.
function(hubshelf_set_test_environment)
    set_property(TEST ${ARGN} APPEND PROPERTY ENVIRONMENT "QT_QPA_PLATFORM=offscreen"
        "HUBSHELF_SCREENSHOT_DIR=${CMAKE_BINARY_DIR}/screenshots" ${HUBSHELF_SANITIZER_ENVIRONMENT})
endfunction()

function(hubshelf_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
        -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
    # Qt's logging macros (qCDebug(category) << ...) are variadic macros called without their variadic
    # part, which clang's -Wpedantic reports and GCC's does not: off for clang (the fuzz build) only.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        target_compile_options(${target} PRIVATE -Wno-gnu-zero-variadic-macro-arguments)
    endif()
    if(HUBSHELF_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# hubshelf_add_library(name SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
# A static library of one folder; the folder's parent is on the include path so that headers
# are included as "github/client.h", "cache/etagcache.h" and so on.
function(hubshelf_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    get_filename_component(parent "${CMAKE_CURRENT_SOURCE_DIR}" DIRECTORY)
    target_include_directories(${name} PUBLIC "${parent}")
    target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    hubshelf_set_warnings(${name})
endfunction()

# hubshelf_add_test(name SOURCES ... [LIBS ...] [LABELS ...] [TIMEOUT seconds])
# One Qt Test executable registered with CTest, on the offscreen platform. Hermetic settings and
# caches are each test's own business: it switches on QStandardPaths' test mode, or points the
# XDG folders of a child process at a QTemporaryDir.
function(hubshelf_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    hubshelf_set_warnings(${name})
    add_test(NAME ${name} COMMAND ${name})
    # hubshelf_tests_<label> builds the suites of one label only (the tsan preset builds a few).
    foreach(label IN LISTS ARG_LABELS)
        if(NOT TARGET hubshelf_tests_${label})
            add_custom_target(hubshelf_tests_${label})
        endif()
        add_dependencies(hubshelf_tests_${label} ${name})
    endforeach()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT} LABELS "${ARG_LABELS}")
    hubshelf_set_test_environment(${name})
endfunction()

# hubshelf_add_translations(TARGET lib TS_FILES ... TRANSLATED_TARGETS ...)
# The .ts files hold the translations of every source of TRANSLATED_TARGETS; lrelease runs in
# every build and the .qm files are compiled into TARGET under :/i18n, so the application and the
# tests find them without an install. lupdate never runs in a normal build: refresh the .ts files
# with `cmake --build <build> --target update_translations`. Call it once every listed target
# exists (from the root CMakeLists.txt, after the add_subdirectory() calls).
# TARGET is a static library: Qt puts the resources in object libraries that reach the executable
# only through TARGET's link interface, so whoever uses the translations links TARGET itself.
function(hubshelf_add_translations)
    cmake_parse_arguments(ARG "" "TARGET" "TS_FILES;TRANSLATED_TARGETS" ${ARGN})
    set(translated_sources "")
    foreach(translated_target IN LISTS ARG_TRANSLATED_TARGETS)
        get_target_property(target_dir ${translated_target} SOURCE_DIR)
        get_target_property(target_sources ${translated_target} SOURCES)
        foreach(source IN LISTS target_sources)
            if(source MATCHES "\\.(cpp|h)$")
                get_filename_component(source "${source}" ABSOLUTE BASE_DIR "${target_dir}")
                list(APPEND translated_sources "${source}")
            endif()
        endforeach()
    endforeach()
    qt_add_translations(${ARG_TARGET}
        TS_FILES ${ARG_TS_FILES}
        SOURCES ${translated_sources}
        # Our includes are "ui/x.h", "github/y.h": lupdate must find the headers to know which
        # class (and namespace) a tr() belongs to, or it files the strings under bare class names.
        INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/app ${Qt6Core_INCLUDE_DIRS}
            ${Qt6Widgets_INCLUDE_DIRS}
        RESOURCE_PREFIX /i18n
        # Relative locations keep the committed .ts readable in Linguist without absolute paths.
        LUPDATE_OPTIONS -locations relative)
endfunction()
