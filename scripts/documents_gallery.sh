#!/usr/bin/env bash
# Pictures of the documents a partner receives (issue 24), for docs/gallery/documents/:
# the agenda, the minutes and the attendee list of the CCAA–AFNOR sample in English,
# Chinese and both, as the app's own PDF and as its Word file rendered by LibreOffice (with
# a private fontconfig holding the bundled fonts only, so that no system CJK font hides a
# missing glyph). First pages, and the minutes' last page (the signature block).
# Needs poppler-utils and LibreOffice. Usage: scripts/documents_gallery.sh [BINARY]
set -euo pipefail
BIN=${1:-target/release/delegation-planner}
OUT=docs/gallery/documents
SAMPLE=saves/ccaa-afnor-paris-2024.ron
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
cat >"$WORK/fonts.conf" <<CONF
<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>$PWD/assets/fonts</dir><cachedir>$WORK/fc</cachedir>
<config><rescan><int>0</int></rescan></config></fontconfig>
CONF
for lang in en zh both; do
    for what in agenda minutes attendees; do
        for format in pdf docx; do
            "$BIN" export "$what" "$SAMPLE" --meeting paris-2024 --format "$format" \
                --lang "$lang" -o "$WORK/$what-$lang.$format" >/dev/null
        done
        FONTCONFIG_FILE="$WORK/fonts.conf" soffice -env:UserInstallation="file://$WORK/lo" \
            --headless --convert-to pdf --outdir "$WORK/word" "$WORK/$what-$lang.docx" \
            >/dev/null 2>&1
        for source in pdf word; do
            pdf="$WORK/$what-$lang.pdf"
            [ "$source" = word ] && pdf="$WORK/word/$what-$lang.pdf"
            pdftoppm -r 50 -png -singlefile -f 1 -l 1 "$pdf" "$OUT/$what-$lang-$source"
            if [ "$what" = minutes ]; then
                last=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
                pdftoppm -r 50 -png -singlefile -f "$last" -l "$last" "$pdf" \
                    "$OUT/$what-$lang-$source-last"
            fi
        done
    done
done
ls -la "$OUT"
