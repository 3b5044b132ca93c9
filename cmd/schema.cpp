#include <ostream>

#include "cli.hpp"
#include "model/project.hpp"
#include "sink.hpp"

namespace commplan::cli {

void add_schema_command(CLI::App& app, Context& ctx) {
  auto output = std::make_shared<std::string>();
  auto* cmd =
      app.add_subcommand("schema", "Print the JSON Schema (draft 2020-12) of the project file");
  add_output_option(cmd, *output);
  cmd->callback([output, &ctx] {
    ctx.exit_code = emit(ctx, Sink{*output}, project_schema().dump(2) + "\n");
  });
}

}  // namespace commplan::cli
