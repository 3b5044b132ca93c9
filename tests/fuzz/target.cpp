// One libFuzzer executable per entry of entries.hpp, chosen by COMMPLAN_FUZZ_ENTRY.

#include "entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return commplan::fuzz::COMMPLAN_FUZZ_ENTRY(data, size);
}
