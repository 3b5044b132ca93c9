#include "cli.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "sink.hpp"

namespace commplan::cli {

namespace {

int exit_code_for(Error::Kind kind) {
  switch (kind) {
    case Error::Kind::invalid_input:
      return kInvalid;
    case Error::Kind::io:
      return kIo;
    case Error::Kind::usage:
      return kUsage;
  }
  return kInvalid;
}

void build(CLI::App& app, Context& ctx) {
  app.set_version_flag("--version", std::string("commplan ") + COMMPLAN_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  add_diagnostic_options(app, ctx);
  add_init_command(app, ctx);
  add_validate_command(app, ctx);
  add_schema_command(app, ctx);
  add_kickoff_command(app, ctx);
  add_five_w2h_command(app, ctx);
  add_render_command(app, ctx);
  add_templates_command(app, ctx);
  add_recap_command(app, ctx);
  add_plan_command(app, ctx);
  add_completion_command(app, ctx);
  add_man_command(app, ctx);
  add_complete_ids_command(app, ctx);
}

}  // namespace

Environment process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err, Environment env) {
  Context ctx{in, out, err, env ? std::move(env) : process_environment()};
  ctx.stdin_is_terminal = &in == &std::cin && ::isatty(STDIN_FILENO);
  CLI::App app{"commplan: communication plans and briefs for on-site engagements", "commplan"};
  build(app, ctx);
  int code = kOk;
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
    code = ctx.exit_code;
  } catch (const CLI::ParseError& e) {
    code = app.exit(e, out, err) == 0 ? kOk : kUsage;
  } catch (const Error& e) {
    report(ctx, e.diagnostics());
    code = exit_code_for(e.kind());
  }
  return finish_output(ctx, code);
}

}  // namespace commplan::cli
