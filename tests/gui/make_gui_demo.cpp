// make_gui_demo FILE.cmoc: builds the coded demo project the GUI tests use, for trying
// cmoc-gui by hand and for regenerating the screenshots.
#include <cstdio>
#include <exception>

#include "demo_fixture.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_gui_demo FILE.cmoc\n");
    return 2;
  }
  try {
    const int codings = cmoc::test::buildDemoProject(argv[1]);
    std::printf("%s: %d codings\n", argv[1], codings);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_gui_demo: %s\n", e.what());
    return 1;
  }
  return 0;
}
