# Installing and packaging: the binary, commplan(1), the bash, zsh and fish completions and the
# project file's JSON Schema. Everything but the binary is generated at build time by running
# the built commplan (through CMAKE_CROSSCOMPILING_EMULATOR when cross-compiling), so it always
# matches the command line it ships with.
#   cmake --install BUILD [--prefix /usr/local]       install
#   cpack -G DEB --config BUILD/CPackConfig.cmake     a .deb (scripts/package does both steps)
include(GNUInstallDirs)

set(COMMPLAN_SHARE ${CMAKE_CURRENT_BINARY_DIR}/share)
set(COMMPLAN_SHARE_FILES
  ${COMMPLAN_SHARE}/commplan.1
  ${COMMPLAN_SHARE}/commplan.bash
  ${COMMPLAN_SHARE}/_commplan
  ${COMMPLAN_SHARE}/commplan.fish
  ${COMMPLAN_SHARE}/commplan.schema.json)
add_custom_command(
  OUTPUT ${COMMPLAN_SHARE_FILES}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${COMMPLAN_SHARE}
  COMMAND commplan man -o ${COMMPLAN_SHARE}/commplan.1
  COMMAND commplan completion bash -o ${COMMPLAN_SHARE}/commplan.bash
  COMMAND commplan completion zsh -o ${COMMPLAN_SHARE}/_commplan
  COMMAND commplan completion fish -o ${COMMPLAN_SHARE}/commplan.fish
  COMMAND commplan schema -o ${COMMPLAN_SHARE}/commplan.schema.json
  DEPENDS commplan
  COMMENT "Generating the man page, shell completions and schema from commplan"
  VERBATIM)

# Debian ships man pages compressed (gzip -n: no name or time stamp, so builds reproduce).
find_program(COMMPLAN_GZIP gzip REQUIRED)
set(COMMPLAN_MAN_PAGE ${COMMPLAN_SHARE}/commplan.1.gz)
add_custom_command(
  OUTPUT ${COMMPLAN_MAN_PAGE}
  COMMAND ${COMMPLAN_GZIP} -9 -n -k -f ${COMMPLAN_SHARE}/commplan.1
  DEPENDS ${COMMPLAN_SHARE}/commplan.1
  VERBATIM)
# Debian's documents of the package: packaging/debian/changelog (its first entry must be this
# version), compressed, and the copyright in Debian's machine-readable format, made from LICENSE.
set(COMMPLAN_DEBIAN ${CMAKE_CURRENT_SOURCE_DIR}/packaging/debian)
set(COMMPLAN_DEBIAN_VERSION ${PROJECT_VERSION}-1)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/LICENSE ${COMMPLAN_DEBIAN}/changelog)
file(STRINGS ${COMMPLAN_DEBIAN}/changelog COMMPLAN_CHANGELOG_TOP LIMIT_COUNT 1)
string(FIND "${COMMPLAN_CHANGELOG_TOP}" "commplan (${COMMPLAN_DEBIAN_VERSION}) " COMMPLAN_AT)
if(NOT COMMPLAN_AT EQUAL 0)
  message(FATAL_ERROR "packaging/debian/changelog: the first entry must be for "
                      "${COMMPLAN_DEBIAN_VERSION}, not \"${COMMPLAN_CHANGELOG_TOP}\"")
endif()
file(READ ${CMAKE_CURRENT_SOURCE_DIR}/LICENSE COMMPLAN_LICENSE)
string(REGEX MATCH "Copyright \\(c\\) ([^\n]*)" COMMPLAN_AT "${COMMPLAN_LICENSE}")
set(COMMPLAN_COPYRIGHT ${CMAKE_MATCH_1})
string(FIND "${COMMPLAN_LICENSE}" "Permission" COMMPLAN_AT)
string(SUBSTRING "${COMMPLAN_LICENSE}" ${COMMPLAN_AT} -1 COMMPLAN_LICENSE_TEXT)
string(STRIP "${COMMPLAN_LICENSE_TEXT}" COMMPLAN_LICENSE_TEXT)
string(REPLACE "\n\n" "\n.\n" COMMPLAN_LICENSE_TEXT "${COMMPLAN_LICENSE_TEXT}")
string(REPLACE "\n" "\n " COMMPLAN_LICENSE_TEXT " ${COMMPLAN_LICENSE_TEXT}")
configure_file(${COMMPLAN_DEBIAN}/copyright.in ${COMMPLAN_SHARE}/copyright @ONLY)
add_custom_command(
  OUTPUT ${COMMPLAN_SHARE}/changelog.Debian.gz
  COMMAND ${CMAKE_COMMAND} -E copy ${COMMPLAN_DEBIAN}/changelog ${COMMPLAN_SHARE}/changelog.Debian
  COMMAND ${COMMPLAN_GZIP} -9 -n -f ${COMMPLAN_SHARE}/changelog.Debian
  DEPENDS ${COMMPLAN_DEBIAN}/changelog
  VERBATIM)

add_custom_target(commplan_share ALL
  DEPENDS ${COMMPLAN_SHARE_FILES} ${COMMPLAN_MAN_PAGE} ${COMMPLAN_SHARE}/changelog.Debian.gz)

# zsh: Debian's packages use vendor-completions; a local install uses site-functions, which
# Debian's zsh also searches.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(COMMPLAN_ZSH_DIR_DEFAULT ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
else()
  set(COMMPLAN_ZSH_DIR_DEFAULT ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
endif()
set(COMMPLAN_ZSH_COMPLETION_DIR ${COMMPLAN_ZSH_DIR_DEFAULT} CACHE STRING
  "Where the zsh completion is installed, relative to the prefix")

install(TARGETS commplan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The JSON fast path's plugin, where the program looks for it (COMMPLAN_INSTALLED_PLUGIN_DIR).
install(TARGETS commplan_json LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/commplan)
install(FILES ${COMMPLAN_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${COMMPLAN_SHARE}/commplan.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME commplan)
install(FILES ${COMMPLAN_SHARE}/_commplan DESTINATION ${COMMPLAN_ZSH_COMPLETION_DIR})
install(FILES ${COMMPLAN_SHARE}/commplan.fish
  DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES ${COMMPLAN_SHARE}/commplan.schema.json DESTINATION ${CMAKE_INSTALL_DATADIR}/commplan)
install(FILES ${COMMPLAN_SHARE}/copyright ${COMMPLAN_SHARE}/changelog.Debian.gz
  ${CMAKE_CURRENT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${COMMPLAN_DEBIAN}/lintian-overrides
  DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME commplan)

# The .deb: Depends is computed by dpkg-shlibdeps from the libraries the binary links.
set(COMMPLAN_PACKAGE_MAINTAINER
  "commplan maintainers <maintainers@users.noreply.r-seed-e494b083.example>"
  CACHE STRING "Maintainer field of the .deb")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME commplan)
set(CPACK_PACKAGE_VENDOR "The commplan authors")
set(CPACK_PACKAGE_CONTACT ${COMMPLAN_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "communication plans and briefs for on-site engagements")
# Lines under 80 columns, as Debian wants them.
set(CPACK_PACKAGE_DESCRIPTION
  "commplan turns one YAML or JSON project file (the team, the client's contacts,
scope, phases, standards, findings and a daily log) into the briefs of an
on-site engagement: the kick-off agenda, daily, phase and final recaps, the
communication plan with an iCalendar export, and 5W2H checklists, in Markdown
or JSON, English or Chinese.")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_CURRENT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)  # as COMMPLAN_DEBIAN_VERSION
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${COMMPLAN_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time (lib/output/xlsx.cpp), so dpkg-shlibdeps cannot see it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libxlsxwriter4 (>= 1.1.4)")
# Packed relative relocations (CMakeLists.txt) need glibc 2.36: the binary asks for the version
# GLIBC_ABI_DT_RELR, which names no symbol, so dpkg-shlibdeps does not count it (it gives the
# highest version of the symbols used, 2.35 on Debian 12).
if(COMMPLAN_HAS_PACKED_RELOCATIONS)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libc6 (>= 2.36)")
endif()
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
include(CPack)
