#pragma once
// The table of each language, one file each; read them through words().

#include "words/words.hpp"

namespace commplan {

extern const Words kEnglish;  ///< en.cpp
extern const Words kChinese;  ///< zh.cpp

}  // namespace commplan
