#pragma once
// Load: parse_document with a choice of parsers, so that the tests can compare each fast path
// (load/json_fast.hpp, load/yaml_fast.hpp) with libfyaml's path. Private to lib/load and its
// tests.

#include <optional>
#include <string>

#include "load/document.hpp"

namespace commplan {

/// The parsers parse_document tries: its fast path for the format first, then libfyaml. The
/// fast path for JSON is the plugin's reader, or the small reader for a small document
/// (Limits::json_fast_from); small_json_only is the small reader for every JSON document (and
/// fast_only for YAML).
enum class Parsers { fast_then_libfyaml, libfyaml_only, fast_only, small_json_only };

/// parse_document with a choice of parsers; with fast_only or small_json_only, nullopt where
/// the fast path gives up (or the text fails the checks made before parsing).
std::optional<Document> parse_document_with(Parsers parsers, std::string file, FileText text,
                                            Format format, Diagnostics& diagnostics,
                                            const Limits& limits = {},
                                            const ItemSink* sink = nullptr);

}  // namespace commplan
