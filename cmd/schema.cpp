#include <ostream>

#include "cli.hpp"
#include "model/project.hpp"
#include "output/write.hpp"

namespace commplan::cli {

void add_schema_command(CLI::App& app, Context& ctx) {
  auto output = std::make_shared<std::string>();
  auto* cmd =
      app.add_subcommand("schema", "Print the JSON Schema (draft 2020-12) of the project file");
  cmd->add_option("-o,--output", *output, "Write to FILE instead of standard output");
  cmd->callback([output, &ctx] {
    std::string text = project_schema().dump(2) + "\n";
    if (output->empty())
      ctx.out << text;
    else
      write_file_atomic(*output, text);
  });
}

}  // namespace commplan::cli
