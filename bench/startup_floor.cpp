// The floor of commplan's startup: a program that loads the shared libraries commplan loads
// (bench/CMakeLists.txt links them as commplan does, the C++ runtime in the program) and does
// nothing else. scripts/bench times it beside /bin/true and commplan, so the part of a start
// that is the dynamic loader's is measured, not guessed.
int main() { return 0; }
