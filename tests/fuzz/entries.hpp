#pragma once
// The fuzz targets' entry points, shared by the libFuzzer executables (tests/fuzz/target.cpp)
// and the replay of tests/fuzz/regressions/ in the test suite. Each returns 0 for any input it
// handles as the product must (a result or commplan::Error); anything else aborts or throws.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace commplan {
class Node;
}

namespace commplan::fuzz {

/// The YAML loader: parse_document(Format::yaml), then the document as JSON.
int fuzz_yaml(const std::uint8_t* data, std::size_t size);

/// The JSON loader: parse_document(Format::json), then the document as JSON; and wherever the
/// JSON fast path builds a tree, libfyaml's path builds the same one.
int fuzz_json(const std::uint8_t* data, std::size_t size);

/// The first difference between two trees (kind, plain, text, mark, keys and their marks), as
/// "PATH: what differs"; empty when they are the same node for node.
std::string tree_difference(const Node& expected, const Node& actual);

/// load_project, then every view builder on whatever loads without errors (kickoff, five-w2h,
/// recap daily/phase/final on a few dates, plan with its calendar), rendered by the built-ins.
int fuzz_project(const std::uint8_t* data, std::size_t size);

/// The template engine: sections split at a line "%%": data (YAML or JSON), the template, then
/// partials, each its name on a line and then its text. Compiled once, rendered with every
/// escape mode, strict and not. Without a "%%" line the whole input is the template.
int fuzz_template(const std::uint8_t* data, std::size_t size);

/// What reads text a user hands back or in: an input starting with BEGIN:VCALENDAR is read as
/// the calendar of `plan --previous` (ics::read_events); one starting with "{" as a SARIF log
/// of findings to import, and one starting with a line "%csv" as the register's CSV (the rest
/// of it), each read against a small project and planned against it; any other as a brief's
/// Markdown, made into HTML and into chat text, split into parts of a size the input picks.
int fuzz_markup(const std::uint8_t* data, std::size_t size);
/// The entry named `target` ("yaml", "json", "project", "template", "markup"), or nullptr.
using Entry = int (*)(const std::uint8_t*, std::size_t);
Entry find_entry(std::string_view target);

}  // namespace commplan::fuzz
