#pragma once
// Stable identifiers of the meetings a plan holds, the same on every run and in every format.

#include <string>
#include <string_view>

#include "util/dates.hpp"

namespace commplan {

/// A UID that depends only on the three parts: a 64-bit FNV-1a hash in hex, `@commplan`.
std::string make_uid(std::string_view project, std::string_view kind, Date date);

/// The same for a part that is not a date (`kickoff`, a phase's id).
std::string make_uid(std::string_view project, std::string_view kind, std::string_view key);

}  // namespace commplan
