#pragma once
// Load: a fast path for JSON (simdjson, through the plugin of load/json_scan.hpp) that builds
// the tree libfyaml's path builds, or gives up and lets that path run. Private to lib/load and
// its tests.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "load/document.hpp"
#include "util/read.hpp"

namespace commplan {

/// The bytes past its end the fast path may read from a text (simdjson's padding; see
/// load/json_scan.hpp).
inline constexpr size_t kJsonFastPadding = 64;
static_assert(kReadPadding >= kJsonFastPadding, "read_file leaves the room the fast path reads");

/// Whether the plugin that reads JSON for the fast path could be loaded (where it cannot, every
/// JSON document the plugin would read is read by libfyaml; the small reader needs no plugin).
bool json_fast_path_available();

/// Which reader the fast path gives a JSON text to: simdjson through the plugin, or the
/// program's own reader for small documents, which needs no plugin loaded (see
/// Limits::json_fast_from).
enum class JsonReader { plugin, small };

/// The tree of the JSON `text`, built in `storage` node for node as libfyaml's path builds it
/// (kinds, plain, texts, keys, marks), or nullopt wherever that path could differ or fail: a
/// syntax error, a duplicate key, past the limits, a scalar at the top; and always where the
/// plugin cannot be loaded (json_fast_path_available()) and `reader` is the plugin. Reports
/// nothing; the caller falls back to libfyaml, which words every error. `doc`'s text is checked for
/// size and encoding already; `readable` bytes can be read from its start (the text is copied when
/// fewer than its size + kJsonFastPadding). A text larger than `limits.json_piece_bytes` is read a
/// piece at a time (load/json_scan.hpp) by the plugin; the small reader reads it whole. With a
/// `sink`, the items of its list are given to it with `doc` as they are read, and freed, as
/// libfyaml's path does; where it gives up after giving some, it calls the sink's restart first.
std::optional<Node> parse_json_fast(const Document& doc, size_t readable, NodeStorage& storage,
                                    const Limits& limits, const ItemSink* sink = nullptr,
                                    JsonReader reader = JsonReader::plugin);

}  // namespace commplan
