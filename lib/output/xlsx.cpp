// Being built: the workbook writer (see xlsx.hpp).

#include "output/xlsx.hpp"

namespace commplan {

std::string register_workbook(const nlohmann::json& /*view*/, Lang /*lang*/) {
  throw Error(Error::Kind::io, Source::option, "--format", "the workbook writer is not built yet");
}

}  // namespace commplan
