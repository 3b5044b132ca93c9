// The plan of engagements with many people (bench/gen --people K: K in each team), where every
// meeting's attendees are looked up by name: time per person must not grow with the teams
// (BM_Schedule lists both teams by name as a phase recap's attendees).
//   build/release/bench/people_bench
//   COMMPLAN_BENCH_PEOPLE=20000,50000 build/release/bench/people_bench
// The argument is the number of people in each team (60 workdays, 6 phases, 100 findings;
// default 5,000 and 50,000).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/project.hpp"
#include "output/plan_ics.hpp"
#include "views/kickoff.hpp"
#include "views/plan.hpp"
#include "views/schedule.hpp"

namespace {

using namespace commplan;

/// The project bench/gen writes with `people` in each team, loaded once.
const Project& project_of(int64_t people) {
  static std::map<int64_t, Project> cache;
  if (auto it = cache.find(people); it != cache.end()) return it->second;
  std::string command = std::string(COMMPLAN_BENCH_GEN) +
                        " --days 60 --phases 6 --findings 100 --seed 1 --format json --people " +
                        std::to_string(people);
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string text;
  char buffer[1 << 16];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe.get())) text.append(buffer, n);
  Diagnostics diagnostics;
  auto project = load_project("p.json", text, diagnostics);
  if (!project || diagnostics.has_errors()) throw std::runtime_error("not a valid project");
  return cache.emplace(people, std::move(*project)).first->second;
}

/// The sizes to run: COMMPLAN_BENCH_PEOPLE (comma-separated), else 5,000 and 50,000.
void sizes(benchmark::internal::Benchmark* b) {
  const char* env = std::getenv("COMMPLAN_BENCH_PEOPLE");
  std::string list = env != nullptr && *env != '\0' ? env : "5000,50000";
  for (size_t at = 0; at < list.size();) {
    size_t comma = std::min(list.find(',', at), list.size());
    b->Arg(std::stoll(list.substr(at, comma - at)));
    at = comma + 1;
  }
  b->Unit(benchmark::kMillisecond);
}

/// Items are people of both teams, so items_per_second stays level when nothing is quadratic.
template <typename Run>
void run(benchmark::State& state, Run make) {
  const Project& project = project_of(state.range(0));
  ViewOptions options{Lang::en, project.project.start};
  benchmark::DoNotOptimize(make(project, options));  // untimed: the first run maps fresh memory
  for (auto _ : state) benchmark::DoNotOptimize(make(project, options));
  state.SetItemsProcessed(state.iterations() * 2 * state.range(0));
}

void BM_PlanView(benchmark::State& state) {
  run(state, [](const Project& p, const ViewOptions& o) {
    Diagnostics diagnostics;
    return build_plan_view(p, o, {}, diagnostics);
  });
}
BENCHMARK(BM_PlanView)->Apply(sizes);

void BM_PlanIcs(benchmark::State& state) {
  run(state, [](const Project& p, const ViewOptions& o) {
    Diagnostics diagnostics;
    return plan_ics(build_plan_view(p, o, {}, diagnostics)->data);
  });
}
BENCHMARK(BM_PlanIcs)->Apply(sizes);

/// The schedule alone, every phase recap listing both teams by name: each name is looked up.
void BM_Schedule(benchmark::State& state) {
  Project listed = project_of(state.range(0));
  std::vector<std::string>& names = listed.meetings.phase_recap.attendees;
  for (const ClientMember& m : listed.client_team) names.push_back(m.name);
  for (const Member& m : listed.team) names.push_back(m.name);
  run(state, [&listed](const Project&, const ViewOptions&) {
    Diagnostics diagnostics;
    return build_schedule(listed, diagnostics);
  });
}
BENCHMARK(BM_Schedule)->Apply(sizes);

void BM_KickoffView(benchmark::State& state) {
  run(state, [](const Project& p, const ViewOptions& o) {
    Diagnostics diagnostics;
    return build_kickoff_view(p, o, {}, diagnostics);
  });
}
BENCHMARK(BM_KickoffView)->Apply(sizes);

}  // namespace

BENCHMARK_MAIN();
