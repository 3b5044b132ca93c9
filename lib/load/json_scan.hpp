#pragma once
// Load: the interface between the JSON fast path (load/json_fast.cpp) and the plugin that reads
// JSON with simdjson (load/plugin/simdjson_scan.cpp, built as commplan-json.so). A plain C
// interface: the program links the C++ runtime statically (no C++ shared library is loaded at
// its start), the plugin and simdjson use the system's, and no C++ object, exception or
// allocation crosses between the two.

#include <cstddef>

extern "C" {

/// What a scalar token is; strings are given apart (CommplanJsonSink::string).
enum CommplanJsonScalar {
  commplan_json_null = 0,
  commplan_json_bool = 1,
  commplan_json_number = 2
};

/// Receives a JSON text's values in document order. Offsets are bytes from the text's start.
/// Every callback returns nonzero to go on and 0 to stop the scan.
struct CommplanJsonSink {
  void* self;
  /// An array (`mapping` 0) or an object (`mapping` 1) opens at `offset`; its values follow,
  /// each of an object's after its key, then close().
  int (*open)(void* self, int mapping, size_t offset);
  int (*close)(void* self);
  /// An object's key: `text` is the source's own bytes at `offset` (the key holds no escape,
  /// `escaped` 0) or its unescaped text (`escaped` 1), which lives until the next callback.
  int (*key)(void* self, size_t offset, const char* text, size_t size, int escaped);
  /// A string value, given as a key is; `offset` is after its opening quote.
  int (*string)(void* self, size_t offset, const char* text, size_t size, int escaped);
  /// A null, true, false or number whose token is `size` bytes of the source at `offset`.
  int (*scalar)(void* self, size_t offset, size_t size, enum CommplanJsonScalar kind);
};

/// Reads the JSON `text` of `size` bytes, `readable` of which may be read from `text` (past
/// `size` the reader reads ahead; with fewer than size + 64 it reads a copy), and gives its
/// values to `sink`. A text of more than `piece` bytes is read a piece of about that size at a
/// time (the top level, then each of its values, and the items of its lists a few at a time),
/// so that the reader's index of the text is that of a piece, not of the whole
/// (4 bytes a token); 0 reads the text whole. Returns 1 when the text is one JSON array or
/// object and was read to its end, 0 when it is not (a syntax error, a scalar at the top,
/// anything after the root; read in pieces, also a key of the top level with an escape), when
/// a callback stopped the scan, or when memory ran out.
typedef int CommplanJsonScan(const char* text, size_t size, size_t readable, size_t piece,
                             const struct CommplanJsonSink* sink);

/// The plugin's one exported function, of type CommplanJsonScan. Its name carries the
/// interface's version: a change to CommplanJsonSink or CommplanJsonScan takes a new one, so a
/// program never calls a plugin of another build's interface (it reads JSON with libfyaml then).
#define COMMPLAN_JSON_SCAN_SYMBOL "commplan_json_scan_2"
/// The plugin's file name, in the folder lib/commplan beside or above the program's.
#define COMMPLAN_JSON_PLUGIN "commplan-json.so"
}
