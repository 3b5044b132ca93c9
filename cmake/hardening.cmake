# Debian's hardening flags, as dpkg-buildflags gives them with
# DEB_BUILD_MAINT_OPTIONS=hardening=+all: _FORTIFY_SOURCE, the strong stack protector, format
# checks, RELRO with BIND_NOW; and a position-independent executable. The build type keeps
# deciding optimisation and debug information, so dpkg's -O2 and -g are left out.
#   cmake -DCOMMPLAN_HARDEN=ON ...    (the release preset and scripts/package do)
find_program(COMMPLAN_DPKG_BUILDFLAGS dpkg-buildflags REQUIRED)

# The flags of `kind` (CPPFLAGS, CXXFLAGS, LDFLAGS) as a list, into `out`.
function(commplan_buildflags kind out)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env DEB_BUILD_MAINT_OPTIONS=hardening=+all
            ${COMMPLAN_DPKG_BUILDFLAGS} --get ${kind}
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    OUTPUT_VARIABLE flags
    OUTPUT_STRIP_TRAILING_WHITESPACE
    COMMAND_ERROR_IS_FATAL ANY)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  list(FILTER flags EXCLUDE REGEX "^-g$|^-O[0-9sg]?$")
  set(${out} ${flags} PARENT_SCOPE)
endfunction()

commplan_buildflags(CPPFLAGS COMMPLAN_HARDEN_CPPFLAGS)
commplan_buildflags(CXXFLAGS COMMPLAN_HARDEN_CXXFLAGS)
commplan_buildflags(LDFLAGS COMMPLAN_HARDEN_LDFLAGS)
add_compile_options(${COMMPLAN_HARDEN_CPPFLAGS} ${COMMPLAN_HARDEN_CXXFLAGS})
add_link_options(${COMMPLAN_HARDEN_LDFLAGS})
list(JOIN COMMPLAN_HARDEN_CPPFLAGS " " COMMPLAN_SHOWN_CPPFLAGS)
list(JOIN COMMPLAN_HARDEN_CXXFLAGS " " COMMPLAN_SHOWN_CXXFLAGS)
list(JOIN COMMPLAN_HARDEN_LDFLAGS " " COMMPLAN_SHOWN_LDFLAGS)
message(STATUS "Hardening: ${COMMPLAN_SHOWN_CPPFLAGS} ${COMMPLAN_SHOWN_CXXFLAGS} "
               "${COMMPLAN_SHOWN_LDFLAGS} -fPIE -pie")

include(CheckPIESupported)
check_pie_supported(LANGUAGES CXX)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
