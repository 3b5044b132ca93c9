#pragma once
// E-mail addresses as the project file must write them: one bare addr-spec (RFC 5322 3.4.1),
// `local@domain`, the person's name in its own `name` field.

#include <string>
#include <string_view>

namespace commplan {

/// What is wrong with `text` as an e-mail address, with a did-you-mean when the address is
/// inside (`Name <a@b>`, `mailto:a@b`, `a@b, c@d`); "" when it is a bare addr-spec.
std::string email_problem(std::string_view text);

}  // namespace commplan
