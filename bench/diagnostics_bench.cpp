// What problems cost: `validate` on a project of N findings that are all valid against the same
// project with an error in every finding, and the sort of N diagnostics over three files.
//   build/release/bench/diagnostics_bench [--benchmark_filter=Validate]
// The target (README, Limits): invalid findings validate in under 3x the time of valid ones.

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <sstream>
#include <string>

#include "cli.hpp"
#include "util/diagnostic.hpp"

namespace {

using namespace commplan;

/// A project of `findings` findings, each with severity `severity`.
std::string project_text(int64_t findings, std::string_view severity) {
  std::string text =
      "commplan: 1\nproject:\n  name: A\n  client: B\n  start: 2026-12-07\n"
      "  end: 2026-12-18\nfindings:\n";
  for (int64_t i = 0; i < findings; ++i)
    text += fmt::format("  - {{id: f{}, title: \"finding {}\", severity: {}}}\n", i, i, severity);
  return text;
}

void BM_Validate(benchmark::State& state, std::string_view severity) {
  std::string text = project_text(state.range(0), severity);
  for (auto _ : state) {
    std::istringstream in(text);
    std::ostringstream out, err;
    int code = cli::run({"validate", "-"}, in, out, err,
                        [](const std::string&) { return std::optional<std::string>(); });
    benchmark::DoNotOptimize(code);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK_CAPTURE(BM_Validate, valid, "high")->Arg(200'000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Validate, invalid, "bad")->Arg(200'000)->Unit(benchmark::kMillisecond);

/// N diagnostics over a project and two log files, interleaved as a merge leaves them.
void BM_SortByPlace(benchmark::State& state) {
  const char* files[] = {"logs/b.yaml", "p.yaml", "logs/a.yaml"};
  Diagnostics unsorted;
  for (int64_t i = 0; i < state.range(0); ++i)
    unsorted.error(files[i % 3], {static_cast<int>(state.range(0) - i), 3, 0}, "findings[0].id",
                   "bad");
  for (auto _ : state) {
    Diagnostics d = unsorted;
    d.sort_by_place("p.yaml");
    benchmark::DoNotOptimize(d.items().data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_SortByPlace)->Arg(200'000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
