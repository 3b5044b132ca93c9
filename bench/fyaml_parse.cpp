// libfyaml alone, as a whole process: reads FILE and parses it to the last event, building no
// tree (the baseline scripts/bench compares `commplan` with).
//   build/release/bench/fyaml_parse FILE    (.json: parsed as JSON, as commplan does)

#include <libfyaml.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fyaml_parse FILE\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  bool json = std::string_view(argv[1]).ends_with(".json");
  fy_parse_cfg cfg{};
  cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 |
                                              (json ? FYPCF_JSON_FORCE : FYPCF_JSON_NONE));
  fy_parser* parser = fy_parser_create(&cfg);
  if (parser == nullptr || fy_parser_set_string(parser, text.data(), text.size()) != 0) return 3;
  size_t events = 0;
  while (fy_event* event = fy_parser_parse(parser)) {
    ++events;
    fy_parser_event_free(parser, event);
  }
  bool failed = fy_parser_get_stream_error(parser);
  fy_parser_destroy(parser);
  std::printf("%zu events\n", events);
  return failed ? 1 : 0;
}
