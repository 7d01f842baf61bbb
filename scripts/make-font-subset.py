#!/usr/bin/env python3
"""Rebuild assets/fonts/NotoSansSC-Subset.otf, the CJK font bundled with Delegation Planner.

What it covers, so that every name a secretariat types prints without a box:
- GBK (21k hanzi: every character of GB2312 plus the rarer ones common in names such as
  镕 堃 喆 昇 玥 珺 祎 彧), with CJK punctuation and full-width forms;
- the 8,105 characters of the Table of General Standard Chinese Characters
  (通用规范汉字表, 2013), read from the `kTGH` field of Unicode's Unihan database;
- CJK Unified Ideographs Extension A (U+3400–U+4DBF: 䶮 and the other rare name
  characters outside GBK).
Anything still missing (Extension B and later) is taken at export time from a font
installed on the system, and named to the user when none has it.

Why a subset: the full Noto Sans CJK face is 16 MB and mostly Japanese and Korean.
Latin letters are left to egui's own font and DejaVu, which cover European diacritics
that Noto CJK lacks.

Needs Debian's `fonts-noto-cjk` and `unicode-data`, and PyPI's `fonttools`. Run from the
repository root:
    python3 scripts/make-font-subset.py
"""
import bz2
import glob
import subprocess
import sys

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FACE_SC = "2"  # face index of "Noto Sans CJK SC" in the collection
OUT = "assets/fonts/NotoSansSC-Subset.otf"
UNIHAN = "/usr/share/unicode/Unihan_*.txt.bz2"

chars = set()
for cp in range(0x2000, 0x10000):
    ch = chr(cp)
    if cp < 0x2E80 and not (0x2000 <= cp <= 0x206F or 0x2190 <= cp <= 0x21FF or 0x2460 <= cp <= 0x24FF or 0x25A0 <= cp <= 0x25FF):
        continue
    try:
        ch.encode("gbk")
    except UnicodeEncodeError:
        continue
    chars.add(cp)
# CJK punctuation, full-width forms and the ideographic space, whatever their GBK status.
chars.update(range(0x3000, 0x3040))
chars.update(range(0xFF01, 0xFF5F))
# CJK Extension A.
chars.update(range(0x3400, 0x4DC0))
# The Table of General Standard Chinese Characters.
general = set()
for path in glob.glob(UNIHAN):
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.split("\t")
            if len(parts) >= 2 and parts[1] == "kTGH":
                general.add(int(parts[0][2:], 16))
if len(general) != 8105:
    sys.exit(f"expected the 8,105 characters of the kTGH field, found {len(general)}: is unicode-data installed?")
chars.update(general)

unicodes_file = "/tmp/delegation-planner-font-unicodes.txt"
with open(unicodes_file, "w") as f:
    f.write("\n".join(f"U+{cp:04X}" for cp in sorted(chars)))
cmd = [
    sys.executable, "-m", "fontTools.subset", SOURCE,
    f"--font-number={FACE_SC}",
    f"--unicodes-file={unicodes_file}",
    "--no-hinting",
    "--layout-features=",
    "--name-IDs=*",
    "--notdef-outline",
    f"--output-file={OUT}",
]
subprocess.run(cmd, check=True)
with open("/tmp/delegation-planner-general-standard.txt", "w") as f:
    f.write("".join(chr(cp) for cp in sorted(general)))
print(f"wrote {OUT} with {len(chars)} code points asked for")
