#pragma once
// Shell completion scripts, generated from the command definitions. Ids that live in the
// project file (communications for --topic, phases for --phase) are asked of commplan itself
// at completion time: `commplan __complete topics|phases PROJECT` prints them one a line.

#include <string>

#include "cli_model.hpp"

namespace commplan::cli {

/// The bash completion script for the command tree `root`.
std::string bash_completion(const CommandInfo& root);

/// The zsh completion script (#compdef) for `root`.
std::string zsh_completion(const CommandInfo& root);

/// The fish completion script for `root`.
std::string fish_completion(const CommandInfo& root);

/// `text` in single quotes for sh-like shells (a quote becomes '\'').
std::string sh_quote(const std::string& text);

}  // namespace commplan::cli
