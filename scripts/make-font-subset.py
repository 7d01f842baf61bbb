#!/usr/bin/env python3
"""Rebuild assets/fonts/NotoSansSC-GBK.otf, the CJK font bundled with Delegation Planner.

Why a subset: the full Noto Sans CJK face is 16 MB; GBK coverage (21k hanzi, every
character of GB2312 plus the rarer ones common in names such as 镕 堃 喆 昇 玥 珺 祎 彧)
is enough for names and titles and keeps the binary small. Latin letters are left to
egui's own font, which covers European diacritics that Noto CJK lacks.

Needs Debian's `fonts-noto-cjk` and PyPI's `fonttools`. Run from the repository root:
    python3 scripts/make-font-subset.py
"""
import subprocess
import sys

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FACE_SC = "2"  # face index of "Noto Sans CJK SC" in the collection
OUT = "assets/fonts/NotoSansSC-GBK.otf"

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
print(f"wrote {OUT} with {len(chars)} code points")
