// Each stage of a brief command on generated projects (bench/gen): libfyaml's parser alone,
// the document, the model, every view builder, the template engine and the JSON dump.
//   build/release/bench/stages_bench [--benchmark_filter=10000]
//   COMMPLAN_BENCH_FINDINGS=1000,100000 build/release/bench/stages_bench
// The argument is the number of findings (300 log days, 12 phases; default 1,000 and 10,000).
// `heap_MB` is the heap a stage's result holds (mallinfo2), so the stages' shares of peak memory
// show too.

#include <benchmark/benchmark.h>
#include <libfyaml.h>
#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "load/document.hpp"
#include "model/project.hpp"
#include "model/reader.hpp"
#include "output/plan_ics.hpp"
#include "template/library.hpp"
#include "views/five_w2h.hpp"
#include "views/kickoff.hpp"
#include "views/plan.hpp"
#include "views/recap.hpp"

namespace {

using namespace commplan;
using nlohmann::json;

/// The text bench/gen writes for `findings` findings in `format` (generated once).
const std::string& project_text(Format format, int64_t findings) {
  static std::map<std::pair<Format, int64_t>, std::string> cache;
  auto& text = cache[{format, findings}];
  if (!text.empty()) return text;
  std::string command = std::string(COMMPLAN_BENCH_GEN) + " --days 300 --phases 12 --seed 1" +
                        " --findings " + std::to_string(findings) +
                        (format == Format::json ? " --format json" : " --format yaml");
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run " + command);
  char buffer[1 << 16];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe.get())) text.append(buffer, n);
  return text;
}

/// The sizes to run: COMMPLAN_BENCH_FINDINGS (comma-separated), else 1,000 and 10,000.
void sizes(benchmark::internal::Benchmark* b) {
  const char* env = std::getenv("COMMPLAN_BENCH_FINDINGS");
  std::string list = env != nullptr && *env != '\0' ? env : "1000,10000";
  for (size_t at = 0; at < list.size();) {
    size_t comma = std::min(list.find(',', at), list.size());
    b->Arg(std::stoll(list.substr(at, comma - at)));
    at = comma + 1;
  }
}

const char* file_name(Format format) { return format == Format::json ? "p.json" : "p.yaml"; }

size_t heap_in_use() {
  struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;  // small blocks and mmap()ed ones
}

/// Sets the counters every stage reports: input bytes per second and findings per second.
void report(benchmark::State& state, size_t bytes) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetLabel(fmt::format("{} findings", state.range(0)));
}

/// Runs `make` once more outside the timing to measure the heap its result holds.
template <class Make>
void measure_heap(benchmark::State& state, Make make) {
  size_t before = heap_in_use();
  auto result = make();
  size_t after = heap_in_use();
  benchmark::DoNotOptimize(result);
  state.counters["heap_MB"] = static_cast<double>(after - before) / (1 << 20);
}

/// libfyaml's parser alone: every event of the stream, no tree (the baseline).
size_t parse_events(const std::string& text, Format format) {
  fy_parse_cfg cfg{};
  cfg.flags = static_cast<fy_parse_cfg_flags>(
      FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 |
      (format == Format::json ? FYPCF_JSON_FORCE : FYPCF_JSON_NONE));
  fy_parser* parser = fy_parser_create(&cfg);
  fy_parser_set_string(parser, text.data(), text.size());
  size_t events = 0;
  while (fy_event* event = fy_parser_parse(parser)) {
    ++events;
    fy_parser_event_free(parser, event);
  }
  fy_parser_destroy(parser);
  return events;
}

void BM_FyamlEventsOnly(benchmark::State& state, Format format) {
  const std::string& text = project_text(format, state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(parse_events(text, format));
  report(state, text.size());
}
BENCHMARK_CAPTURE(BM_FyamlEventsOnly, yaml, Format::yaml)->Apply(sizes);
BENCHMARK_CAPTURE(BM_FyamlEventsOnly, json, Format::json)->Apply(sizes);

Document parse(const std::string& text, Format format) {
  Diagnostics diagnostics;
  Document doc = parse_document(file_name(format), text, format, diagnostics);
  if (diagnostics.has_errors()) throw std::runtime_error("the generated file does not parse");
  return doc;
}

void BM_ParseDocument(benchmark::State& state, Format format) {
  const std::string& text = project_text(format, state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(parse(text, format));
  report(state, text.size());
  measure_heap(state, [&] { return parse(text, format); });
}
BENCHMARK_CAPTURE(BM_ParseDocument, yaml, Format::yaml)->Apply(sizes);
BENCHMARK_CAPTURE(BM_ParseDocument, json, Format::json)->Apply(sizes);

Project load(const std::string& text, Format format) {
  Diagnostics diagnostics;
  auto project = load_project(file_name(format), text, diagnostics);
  if (!project || diagnostics.has_errors() || diagnostics.warning_count() > 0)
    throw std::runtime_error("the generated file is not valid");
  return std::move(*project);
}

/// Parse, read and check (load_project) on text already read.
void BM_LoadProject(benchmark::State& state, Format format) {
  const std::string& text = project_text(format, state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(load(text, format));
  report(state, text.size());
  measure_heap(state, [&] { return load(text, format); });
}
BENCHMARK_CAPTURE(BM_LoadProject, yaml, Format::yaml)->Apply(sizes);
BENCHMARK_CAPTURE(BM_LoadProject, json, Format::json)->Apply(sizes);

/// Reading the typed model from a parsed document, without parsing or the cross-field checks.
void BM_ReadModel(benchmark::State& state) {
  const std::string& text = project_text(Format::yaml, state.range(0));
  Document doc = parse(text, Format::yaml);
  auto read = [&] {
    Diagnostics diagnostics;
    Project project;
    project.places = std::make_shared<PlaceStore>();
    ReadContext ctx{&doc, diagnostics, *project.places};
    read_value(ctx, doc.root, "", project);
    return project;
  };
  for (auto _ : state) benchmark::DoNotOptimize(read());
  report(state, text.size());
  measure_heap(state, read);
}
BENCHMARK(BM_ReadModel)->Apply(sizes);

/// The project of `findings` findings, loaded once, and the day its recaps are held.
const Project& project_of(int64_t findings) {
  static std::map<int64_t, Project> cache;
  auto it = cache.find(findings);
  if (it == cache.end())
    it = cache.emplace(findings, load(project_text(Format::yaml, findings), Format::yaml)).first;
  return it->second;
}

ViewOptions view_options(const Project& project) {
  const Phase& middle = project.phases[project.phases.size() / 2];
  return {Lang::en, middle.end};  // a workday: every phase ends on one
}

using Builder =
    std::function<std::optional<View>(const Project&, const ViewOptions&, Diagnostics&)>;

void BM_View(benchmark::State& state, const Builder& build) {
  const Project& project = project_of(state.range(0));
  ViewOptions options = view_options(project);
  auto run = [&] {
    Diagnostics diagnostics;
    return build(project, options, diagnostics);
  };
  for (auto _ : state) benchmark::DoNotOptimize(run());
  report(state, 0);
  measure_heap(state, run);
}

View recap(const Project& p, const ViewOptions& o, Diagnostics& d, RecapLevel level) {
  return build_recap_view(p, o, RecapOptions{level, {}}, d).value();
}

BENCHMARK_CAPTURE(BM_View, kickoff, [](const Project& p, const ViewOptions& o, Diagnostics& d) {
  return build_kickoff_view(p, o, {}, d);
})->Apply(sizes);
BENCHMARK_CAPTURE(BM_View, five_w2h, [](const Project& p, const ViewOptions& o, Diagnostics& d) {
  return build_five_w2h_view(p, o, {}, d);
})->Apply(sizes);
// A recap's view holds its findings as lists made while rendering or printing (View): their
// cost shows in BM_RenderFinal and BM_DumpFinalJson, not here.
BENCHMARK_CAPTURE(BM_View, recap_daily, [](const Project& p, const ViewOptions& o, Diagnostics& d) {
  return recap(p, o, d, RecapLevel::daily);
})->Apply(sizes);
BENCHMARK_CAPTURE(BM_View, recap_phase, [](const Project& p, const ViewOptions& o, Diagnostics& d) {
  return recap(p, o, d, RecapLevel::phase);
})->Apply(sizes);
BENCHMARK_CAPTURE(BM_View, recap_final, [](const Project& p, const ViewOptions& o, Diagnostics& d) {
  return recap(p, o, d, RecapLevel::final);
})->Apply(sizes);
BENCHMARK_CAPTURE(BM_View, plan, [](const Project& p, const ViewOptions& o, Diagnostics& d) {
  return build_plan_view(p, o, {}, d);
})->Apply(sizes);

/// The calendar file (plan --format ics) from the project.
void BM_PlanIcs(benchmark::State& state) {
  const Project& project = project_of(state.range(0));
  ViewOptions options = view_options(project);
  Diagnostics diagnostics;
  for (auto _ : state)
    benchmark::DoNotOptimize(plan_ics(build_plan_view(project, options, {}, diagnostics)->data));
  report(state, 0);
}
BENCHMARK(BM_PlanIcs)->Apply(sizes);

/// The final recap's view of `findings` findings, built once.
const View& final_view(int64_t findings) {
  static std::map<int64_t, View> cache;
  auto it = cache.find(findings);
  if (it == cache.end()) {
    const Project& project = project_of(findings);
    Diagnostics diagnostics;
    it = cache
             .emplace(findings,
                      recap(project, view_options(project), diagnostics, RecapLevel::final))
             .first;
  }
  return it->second;
}

/// Compiling a built-in template with its partials.
void BM_CompileTemplate(benchmark::State& state) {
  for (auto _ : state) {
    tmpl::Library library;
    benchmark::DoNotOptimize(&library.get("recap-final.en.md"));
  }
}
BENCHMARK(BM_CompileTemplate)->Unit(benchmark::kMicrosecond);

/// Rendering the final recap's Markdown from its view.
void BM_RenderFinal(benchmark::State& state) {
  const View& view = final_view(state.range(0));
  tmpl::Library library;
  const tmpl::Template& t = library.get("recap-final.en.md");
  std::vector<tmpl::LazyList> lists = view.lazy_lists();
  size_t bytes = 0;
  for (auto _ : state) {
    std::string out =
        library.render(t, view.data, {.escape = tmpl::Escape::markdown, .lazy_lists = lists});
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  report(state, 0);
  state.counters["output_MB"] = static_cast<double>(bytes) / (1 << 20);
}
BENCHMARK(BM_RenderFinal)->Apply(sizes);

/// The final recap's view as --format json prints it.
void BM_DumpFinalJson(benchmark::State& state) {
  const View& view = final_view(state.range(0));
  size_t bytes = 0;
  for (auto _ : state) {
    std::string out = view.dump();
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  report(state, 0);
  state.counters["output_MB"] = static_cast<double>(bytes) / (1 << 20);
}
BENCHMARK(BM_DumpFinalJson)->Apply(sizes);

}  // namespace

BENCHMARK_MAIN();
