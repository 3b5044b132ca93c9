"""scripts/check-layers fails on an include that runs up a layer: a copy of lib/ with one wrong
include planted fails with its place named; the copy as it is, an include the table allows and
a known exception pass; a folder the table does not know fails.

    test_check_layers.py COMMPLAN_BINARY SOURCE_DIR
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SOURCE = os.path.abspath(sys.argv[2])
SCRIPT = os.path.join(SOURCE, "scripts", "check-layers")


def check(lib):
    return subprocess.run([sys.executable, SCRIPT, lib], capture_output=True, text=True)


def plant(path, line):
    """Puts `line` after the first line of `path` (its own include or #pragma once)."""
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    lines.insert(1, line + "\n")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(lines)


class CheckLayers(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.lib = os.path.join(self.tmp.name, "lib")
        shutil.copytree(os.path.join(SOURCE, "lib"), self.lib)

    def tearDown(self):
        self.tmp.cleanup()

    def test_the_copy_passes(self):
        done = check(self.lib)
        self.assertEqual(done.returncode, 0, done.stderr)

    def test_a_util_file_including_views_fails(self):
        target = os.path.join(self.lib, "util", "text.cpp")
        plant(target, '#include "views/view.hpp"')
        done = check(self.lib)
        self.assertEqual(done.returncode, 1, done.stderr)
        self.assertIn(f"{target}:2: util includes views (views/view.hpp)", done.stderr)

    def test_output_including_views_fails(self):
        target = os.path.join(self.lib, "output", "write.cpp")
        plant(target, '#include "views/plan.hpp"')
        done = check(self.lib)
        self.assertEqual(done.returncode, 1, done.stderr)
        self.assertIn(f"{target}:2: output includes views (views/plan.hpp)", done.stderr)

    def test_a_layer_including_one_below_passes(self):
        plant(os.path.join(self.lib, "views", "view.cpp"), '#include "util/text.hpp"')
        plant(os.path.join(self.lib, "output", "write.cpp"), '#include "template/escape.hpp"')
        done = check(self.lib)
        self.assertEqual(done.returncode, 0, done.stderr)

    def test_words_is_a_layer_between_model_and_views(self):
        os.makedirs(os.path.join(self.lib, "words"), exist_ok=True)
        words = os.path.join(self.lib, "words", "phrases.hpp")
        with open(words, "w", encoding="utf-8") as f:
            f.write('#pragma once\n#include "model/project.hpp"\n#include "views/i18n.hpp"\n')
        plant(os.path.join(self.lib, "views", "view.cpp"), '#include "words/phrases.hpp"')
        done = check(self.lib)
        self.assertEqual(done.returncode, 1, done.stderr)
        self.assertEqual(done.stderr.count(" includes "), 1, done.stderr)
        self.assertIn(f"{words}:3: words includes views (views/i18n.hpp)", done.stderr)

    def test_an_unknown_folder_fails(self):
        os.makedirs(os.path.join(self.lib, "extra"))
        with open(os.path.join(self.lib, "extra", "a.cpp"), "w", encoding="utf-8") as f:
            f.write('#include "util/text.hpp"\n')
        done = check(self.lib)
        self.assertEqual(done.returncode, 1, done.stderr)
        self.assertIn("extra is not a layer", done.stderr)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
