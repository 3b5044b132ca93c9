#pragma once
// Load: the storage of a document's tree, and of the places a project keeps of the objects it
// read (PlaceStore, model/project.hpp).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "util/read.hpp"

namespace commplan {

/// A bump allocator: nodes, entries and texts are trivially destructible, so a document's
/// tree is freed as a few blocks instead of node by node.
class NodeStorage {
 public:
  /// Keeps the source text, which the tree's texts point into where they are written plainly.
  std::string_view keep(FileText text) {
    source_ = std::move(text);
    return source_.view();
  }

  /// The bytes that can be read from `text`, a part of the kept source, to the end of the
  /// source's buffer (its capacity): the JSON fast path reads a little past the text's end.
  size_t readable_from(std::string_view text) const {
    return source_.readable() - static_cast<size_t>(text.data() - source_.view().data());
  }

  /// FileText::let_go_before() of the kept source.
  void let_go_of_source_before(const char* at) const { source_.let_go_before(at); }

  /// A copy of `text` that lives as long as the storage.
  std::string_view copy(std::string_view text) {
    if (text.empty()) return {};
    char* at = bytes(text.size());
    std::memcpy(at, text.data(), text.size());
    return {at, text.size()};
  }

  /// Room for `size` bytes, aligned to `align`, that lives as long as the storage.
  char* bytes(size_t size, size_t align = 1) { return static_cast<char*>(allocate(size, align)); }

  /// A place to rewind() to: what is allocated after it can be freed without the rest. It
  /// starts a new block when less than half of one is left, so that items of a list read one
  /// at a time (parse_document's ItemSink) are allocated and freed within one block.
  struct Checkpoint {
    size_t blocks = 0;
    std::byte* next = nullptr;
    size_t left = 0;
  };
  Checkpoint checkpoint() {
    if (left_ < kBlock / 2) {
      next_ = blocks_.emplace_back(new std::byte[kBlock]).get();
      left_ = kBlock;
    }
    return {blocks_.size(), next_, left_};
  }
  /// Frees everything allocated since `at`, a checkpoint of this storage taken after every
  /// rewind() to an earlier one.
  void rewind(const Checkpoint& at) {
    blocks_.resize(at.blocks);
    next_ = at.next;
    left_ = at.left;
  }

  /// A copy of `items` that lives as long as the storage.
  template <class T>
  std::span<const T> copy(std::span<const T> items) {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    if (items.empty()) return {};
    auto* at = static_cast<T*>(allocate(items.size_bytes(), alignof(T)));
    std::memcpy(static_cast<void*>(at), items.data(), items.size_bytes());
    return {at, items.size()};
  }

 private:
  static constexpr size_t kBlock = 64 << 10;

  void* allocate(size_t bytes, size_t align) {
    size_t pad = (align - reinterpret_cast<uintptr_t>(next_) % align) % align;
    if (bytes + pad > left_) {
      if (bytes > kBlock / 4) return blocks_.emplace_back(new std::byte[bytes]).get();
      next_ = blocks_.emplace_back(new std::byte[kBlock]).get();
      left_ = kBlock;
      pad = 0;  // new[] aligns for every fundamental type
    }
    void* at = next_ + pad;
    next_ += pad + bytes;
    left_ -= pad + bytes;
    return at;
  }

  FileText source_;
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* next_ = nullptr;
  size_t left_ = 0;
};

}  // namespace commplan
