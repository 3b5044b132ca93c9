#pragma once
// Sensitive data in a project (util/sensitive.hpp finds it): masked on the client's pages,
// warned about by validate.

#include "model/project.hpp"

namespace commplan {

/// Masks what find_sensitive() finds in every text of `project`: every std::string and list
/// of texts that describe() lists, in nested objects, lists and optional fields too. Origins,
/// dates, numbers and enums are no texts and stay as they are.
void mask_project(Project& project);

/// A warning for each piece of sensitive data in the texts (scalars, keys aside) of the
/// project's documents, the file and its log_dir files: at the match itself when the scalar's
/// source shows its text as it is (plain, quoted, and the first line of a block text), else
/// at the scalar. The quoted source line is masked. In the documents' order, and linear in
/// their size: it parses their kept texts again (kept until Project::release_documents()), without
/// a copy, and walks the findings one at a time as they are parsed, as load_project() reads them.
void warn_sensitive(const Project& project, Diagnostics& diagnostics);

}  // namespace commplan
