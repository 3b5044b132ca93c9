// Preloaded (LD_PRELOAD) by tests/scripts/test_xlsx_unavailable.py: dlopen() of libxlsxwriter
// fails as it does on a system without the library, and dlerror() says so as glibc would. Every
// other library loads as usual.

#include <dlfcn.h>

#include <cstdio>
#include <cstring>

namespace {

bool refused = false;
char message[512];

template <class F>
F next(const char* name) {
  return reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

}  // namespace

extern "C" {

void* dlopen(const char* file, int mode) {
  static auto real = next<void* (*)(const char*, int)>("dlopen");
  if (file != nullptr && std::strstr(file, "libxlsxwriter") != nullptr) {
    std::snprintf(message, sizeof message,
                  "%s: cannot open shared object file: No such file or directory", file);
    refused = true;
    return nullptr;
  }
  return real(file, mode);
}

char* dlerror() {
  static auto real = next<char* (*)()>("dlerror");
  if (!refused) return real();
  refused = false;
  return message;
}

}  // extern "C"
