# Helpers shared by every folder: warnings on our own targets, libraries and tests.

function(hubshelf_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
        -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
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
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;HUBSHELF_SCREENSHOT_DIR=${CMAKE_BINARY_DIR}/screenshots")
endfunction()
