# CPack: `cpack -G DEB` (or the `package` target) in a build dir makes hubshelf_<version>_<arch>.deb
# from the install() rules. Included at the end of the root CMakeLists.txt, after every install().
include_guard(GLOBAL)

# Debian policy: the copyright file is /usr/share/doc/<package>/copyright in the machine-readable
# format; the licence text follows the header as a stand-alone License paragraph, each line indented
# by one space and blank lines written as " .".
file(READ "${PROJECT_SOURCE_DIR}/LICENSE" hubshelf_license_text)
string(REGEX REPLACE "\n+$" "" hubshelf_license_text "${hubshelf_license_text}")
string(REGEX REPLACE "\n[ \t]*\n" "\n.\n" hubshelf_license_text "${hubshelf_license_text}")
# Twice: a regex match consumes the newline that ends one blank line and begins the next.
string(REGEX REPLACE "\n[ \t]*\n" "\n.\n" hubshelf_license_text "${hubshelf_license_text}")
string(REPLACE "\n" "\n " hubshelf_license_text " ${hubshelf_license_text}")
configure_file("${PROJECT_SOURCE_DIR}/packaging/deb/copyright"
    "${PROJECT_BINARY_DIR}/packaging/deb/copyright.header" @ONLY)
file(READ "${PROJECT_BINARY_DIR}/packaging/deb/copyright.header" hubshelf_copyright_header)
file(CONFIGURE OUTPUT "${PROJECT_BINARY_DIR}/packaging/deb/copyright"
    CONTENT "${hubshelf_copyright_header}\nLicense: GPL-3.0+\n${hubshelf_license_text}\n"
    @ONLY)
set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
    "${PROJECT_SOURCE_DIR}/LICENSE")
install(FILES "${PROJECT_BINARY_DIR}/packaging/deb/copyright" DESTINATION share/doc/hubshelf)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hubshelf)
set(CPACK_PACKAGE_VENDOR "Hubshelf developers")
set(CPACK_PACKAGE_CONTACT "Hubshelf developers <hubshelf@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
# Only the generated package; `package_source` is not how Hubshelf ships its sources.
set(CPACK_SOURCE_GENERATOR "")

# Debian's synopsis: project()'s description without its leading article (lintian:
# description-synopsis-starts-with-article), then the long description in paragraphs.
string(REGEX REPLACE "^(A|An|The) " "" CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
"Hubshelf browses users, gists, organizations, repositories and pull requests
on github.com or a GitHub Enterprise Server, in a Qt desktop window or from
the command line.

Every list can be exported to CSV, the rate limit left is always in view, and
an ETag cache makes coming back to anything free of rate-limit cost. Tokens
are kept in the desktop's keychain (Secret Service).")

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# "net" as Debian files hub, the other GitHub client: a program that talks to a network service,
# rather than a tool that builds software ("devel").
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# hubshelf_<version>_<architecture>.deb, the architecture from dpkg --print-architecture.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Depends from the libraries the binary links (Qt 6, QtKeychain, libstdc++...) through dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Plugins Qt loads at run time, which no ELF dependency names: the ETag cache cannot open without
# the SQLite driver; the window icon is an SVG, drawn by the SVG icon engine.
# Qt's own strings (the file dialog, Cancel, OK) come from qt6-translations-l10n: without it a German
# window has English dialogs, and an install without Recommends is common (containers, minimal
# systems), so it is a Depends.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-translations-l10n")
# Recommends, not Depends: the PostgreSQL driver only serves a team cache (--cache-db postgresql://),
# which a desktop never needs; apt installs Recommends by default, a slim container may leave it out,
# and without it Hubshelf says which package to install.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6svg6, libqt6sql6-psql")
# Control files 0644 and the maintainer scripts 0755 whatever the umask, as dpkg-deb wants.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
