// Rendering a 20,000-row Markdown table versus parsing the JSON it comes from.
//   build/release/bench/template_bench

#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>
#include <string>

#include "load/document.hpp"
#include "template/library.hpp"

namespace {

using commplan::tmpl::Escape;
using commplan::tmpl::Library;
using commplan::tmpl::RenderOptions;

constexpr int kRows = 20'000;

const char* const kTable =
    "| id | title | severity | status | owner | recommendation |\n"
    "|----|-------|----------|--------|-------|----------------|\n"
    "{{#findings}}\n"
    "| {{id}} | {{title}} | {{severity}} | {{status}} | {{owner}} | {{recommendation}} |\n"
    "{{/findings}}\n";

/// 20,000 findings of six text fields, about 2.7 MB of JSON; some text needs escaping.
const std::string& json_text() {
  static const std::string text = [] {
    const char* severities[] = {"critical", "high", "medium", "low", "info"};
    const char* statuses[] = {"open", "agreed", "in-progress", "resolved", "wont-fix"};
    nlohmann::json findings = nlohmann::json::array();
    for (int i = 0; i < kRows; ++i) {
      std::string n = std::to_string(i);
      findings.push_back({{"id", "F-" + n},
                          {"title", "Backup " + n + " | *old*"},
                          {"severity", severities[i % 5]},
                          {"status", statuses[i % 5]},
                          {"owner", "Wei <ops" + n + ">"},
                          {"recommendation", "Test [weekly]."}});
    }
    return nlohmann::json{{"findings", findings}}.dump();
  }();
  return text;
}

void BM_ParseJson(benchmark::State& state) {
  const std::string& text = json_text();
  for (auto _ : state) {
    nlohmann::json data = nlohmann::json::parse(text);
    benchmark::DoNotOptimize(data);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["json_bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_ParseJson)->Unit(benchmark::kMillisecond);

void render_table(benchmark::State& state, Escape escape) {
  nlohmann::json data = nlohmann::json::parse(json_text());
  Library library({}, nullptr);
  const auto& tmpl = library.compile("table.mustache", kTable);
  RenderOptions options;
  options.escape = escape;
  size_t bytes = 0;
  for (auto _ : state) {
    std::string out = library.render(tmpl, data, options);
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["output_bytes"] = static_cast<double>(bytes);
}

void BM_RenderMarkdownTable(benchmark::State& state) { render_table(state, Escape::markdown); }
BENCHMARK(BM_RenderMarkdownTable)->Unit(benchmark::kMillisecond);

void BM_RenderHtmlEscapedTable(benchmark::State& state) { render_table(state, Escape::html); }
BENCHMARK(BM_RenderHtmlEscapedTable)->Unit(benchmark::kMillisecond);

/// The same table rendered on the JSON's loaded tree, as `commplan render --data` renders it.
void BM_RenderTableOnLoadedTree(benchmark::State& state) {
  commplan::Diagnostics diagnostics;
  commplan::Document doc =
      commplan::parse_document("table.json", json_text(), commplan::Format::json, diagnostics);
  if (diagnostics.has_errors()) return state.SkipWithError("the table's JSON does not load");
  Library library({}, nullptr);
  const auto& tmpl = library.compile("table.mustache", kTable);
  size_t bytes = 0;
  for (auto _ : state) {
    std::string out = library.render(tmpl, doc.root, {.escape = Escape::markdown});
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_RenderTableOnLoadedTree)->Unit(benchmark::kMillisecond);

void BM_CompileTemplate(benchmark::State& state) {
  for (auto _ : state) {
    Library library({}, nullptr);
    benchmark::DoNotOptimize(&library.compile("table.mustache", kTable));
  }
}
BENCHMARK(BM_CompileTemplate)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
