#pragma once
// Load: a fast path for YAML written in block style, the way project files are written, that
// builds the tree libfyaml's path builds or gives up and lets that path run. Private to
// lib/load and its tests.

#include <optional>

#include "load/document.hpp"

namespace commplan {

class NodeStorage;

/// The tree of the YAML text of `doc`, built in `storage` node for node as libfyaml's path
/// builds it (kinds, plain, texts, keys, marks), or nullopt wherever that path could differ or
/// fail. It reads block mappings and sequences (indentless ones too), plain scalars on one
/// line, quoted scalars on one line, literal and folded block texts, and comments; it gives up
/// on everything else (flow collections, anchors, aliases, tags, directives, multi-line plain
/// or quoted scalars, a tab or a carriage return anywhere, an empty sequence item, a duplicate
/// key, the limits) and on any error. Reports nothing: libfyaml's path words every problem.
/// `doc`'s text is checked for size and encoding already. With a `sink`, the items of its list
/// are given to it with `doc` as they are read, and freed, as libfyaml's path does; where it
/// gives up after giving some, it calls the sink's restart first.
std::optional<Node> parse_yaml_fast(const Document& doc, NodeStorage& storage, const Limits& limits,
                                    const ItemSink* sink = nullptr);

}  // namespace commplan
