// libfyaml alone, as a whole process: reads FILE and parses it to the last event, building no
// tree (the baseline scripts/bench compares `commplan` with).
//   build/release/bench/fyaml_parse FILE    (.json: parsed as JSON, as commplan does)
//
// The file is read as commplan reads it (util/read.cpp): from 1 MiB on, mapped read-only with
// its pages populated, so neither copied nor cleared; smaller, read into one buffer of its
// size (a copy that grows as it is read touches about twice the memory). It does not call
// commplan::read_file_text: linking commplan_core would load its shared libraries too, and
// this process is the parser's cost alone.

#include <fcntl.h>
#include <libfyaml.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <string_view>

namespace {

/// The bytes of `path` in `text` or, from 1 MiB on, mapped (`mapped`); or false.
bool read_whole(const char* path, std::string& text, std::string_view& mapped) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || fstat(fd, &st) != 0) return false;
  auto size = static_cast<size_t>(st.st_size);
  if (size >= (size_t{1} << 20)) {
    void* at = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    close(fd);
    if (at == MAP_FAILED) return false;
    mapped = std::string_view(static_cast<const char*>(at), size);
    return true;
  }
  text.resize(size);  // zeroes the pages once: read() would touch them all the same
  size_t got = 0;
  while (got < size) {
    ssize_t r = read(fd, text.data() + got, size - got);
    if (r <= 0) break;
    got += static_cast<size_t>(r);
  }
  close(fd);
  mapped = text;
  return got == size;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fyaml_parse FILE\n");
    return 2;
  }
  std::string text;
  std::string_view bytes;
  if (!read_whole(argv[1], text, bytes)) {
    std::perror(argv[1]);
    return 2;
  }
  bool json = std::string_view(argv[1]).ends_with(".json");
  fy_parse_cfg cfg{};
  cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 |
                                              (json ? FYPCF_JSON_FORCE : FYPCF_JSON_NONE));
  fy_parser* parser = fy_parser_create(&cfg);
  if (parser == nullptr || fy_parser_set_string(parser, bytes.data(), bytes.size()) != 0) return 3;
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
