#!/usr/bin/env python3
"""Writes the large files of the hostile corpus (the small ones are written by hand).

Run from this folder: python3 make_large.py. The output is committed, so the tests and the
fuzzer's seed corpus do not depend on Python.
"""

HEADER = 'V1((\n  info: (\n    title: (\n      en: "'
FOOTER = '",\n    ),\n  ),\n))\n'

with open("escapes-100k.ron", "w", encoding="utf-8") as f:
    # 100,000 `\n` escapes in one valid string: loads, quickly.
    f.write(HEADER + "\\n" * 100_000 + FOOTER)

with open("unicode-escapes-20k.ron", "w", encoding="utf-8") as f:
    # 20,000 `\u{1F600}` escapes (emoji outside the BMP): loads, quickly.
    f.write(HEADER + "\\u{1F600}" * 20_000 + FOOTER)

with open("deep-nesting.ron", "w", encoding="utf-8") as f:
    # 10,000 nested lists where a list of ids is expected.
    f.write('V1((\n  commitments: {\n    "c": (\n      topics: ' + "[" * 10_000 + "\n")

with open("deep-some.ron", "w", encoding="utf-8") as f:
    # 10,000 nested `Some(` where one is expected.
    f.write('V1((\n  people: {\n    "p": (\n      organisation: ' + "Some(" * 10_000 + "\n")

with open("huge-number.ron", "w", encoding="utf-8") as f:
    # A 100,000-digit number where minutes are expected.
    f.write(
        'V1((\n  meetings: {\n    "m": (\n      date: "2024-09-23",\n'
        '      start_time: "10:00:00",\n      time_zone: "Europe/Paris",\n'
        '      agenda: [\n        (\n          id: "i",\n          duration_minutes: '
        + "9" * 100_000
        + ",\n        ),\n      ],\n    ),\n  },\n))\n"
    )
