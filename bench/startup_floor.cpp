// The floor of commplan's startup: a C++ program that loads the shared libraries commplan
// loads (bench/CMakeLists.txt links the same ones) and does nothing else. scripts/bench times it
// beside /bin/true and commplan, so the part of a start that is the dynamic loader's and the
// C++ runtime's is measured, not guessed.
int main() { return 0; }
