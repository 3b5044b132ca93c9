#include <ostream>

#include "cli.hpp"

namespace commplan::cli {

void report(Context& ctx, const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics.items()) ctx.err << format_diagnostic(d) << '\n';
  ctx.err.flush();
}

}  // namespace commplan::cli
