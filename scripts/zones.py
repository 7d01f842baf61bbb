#!/usr/bin/env python3
"""Writes src/model/zones.tsv: every IANA time zone with its city and country in English
and Simplified Chinese, from the Unicode CLDR data that Babel ships (pip install babel).

Columns: zone, city (en), city (zh), country code, country (en), country (zh), and 1 for
a canonical zone (0 for an old alias such as Asia/Chongqing). Zones CLDR
names no city for (Etc/GMT+5, links) get the last part of their name, in both languages.
Run from the repository root: python3 scripts/zones.py
"""
import zoneinfo

from babel import Locale
from babel.core import get_global

en, zh = Locale("en"), Locale("zh")
territories = get_global("zone_territories")
aliases = get_global("zone_aliases")
rows = []
for zone in sorted(zoneinfo.available_timezones()):
    if zone.startswith(("posix/", "right/")) or zone in ("Factory", "localtime"):
        continue
    canonical = aliases.get(zone, zone)
    fallback = canonical.rsplit("/", 1)[-1].replace("_", " ")
    # CLDR keeps some old names as its keys (Europe/Kiev for Europe/Kyiv): try them all.
    keys = [canonical, zone] + [a for a, c in aliases.items() if c in (canonical, zone)]

    def city(locale):
        for key in keys:
            found = locale.time_zones.get(key, {}).get("city")
            if found:
                return found
        return None

    city_en = city(en) or fallback
    city_zh = city(zh) or city_en
    code = territories.get(canonical, "")
    if code in ("001", "ZZ"):
        code = ""
    country_en = en.territories.get(code, "") if code else ""
    country_zh = zh.territories.get(code, "") if code else ""
    canonical = "1" if canonical == zone else "0"
    rows.append("\t".join([zone, city_en, city_zh, code, country_en, country_zh, canonical]))
with open("src/model/zones.tsv", "w", encoding="utf-8") as f:
    f.write("\n".join(rows) + "\n")
print(len(rows), "zones")
