#!/bin/sh
# Opens a workbook written by DigiTrack in a real spreadsheet program: LibreOffice headless converts
# it (to CSV by default, one sheet; or to xlsx to re-save it), and the result is printed or listed.
# A workbook that LibreOffice cannot open fails here. CI may skip this: LibreOffice is large.
#
#   scripts/libreoffice-check.sh tinh.xlsx          # first sheet as CSV on standard output
#   scripts/libreoffice-check.sh tinh.xlsx xlsx     # re-saved by LibreOffice into a temporary folder
#   scripts/libreoffice-check.sh tinh.ods xlsx      # a LibreOffice .ods form, saved as .xlsx
#   scripts/libreoffice-check.sh lang-son.xlsx ods  # a form as LibreOffice saves it: `import` reads it
set -eu
file=${1:?usage: libreoffice-check.sh FILE.xlsx [csv|xlsx|ods]}
format=${2:-csv}
office=$(command -v soffice || command -v libreoffice || true)
if [ -z "$office" ]; then
  echo "libreoffice-check: soffice is not installed (apt-get install libreoffice-calc-nogui); skipped" >&2
  exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# A private profile, so a running LibreOffice or a first-start dialog never gets in the way.
"$office" -env:UserInstallation=file://"$out"/profile --headless --convert-to "$format" --outdir "$out" "$file" >&2
name=$(basename "${file%.*}").$format
test -s "$out/$name" || { echo "libreoffice-check: LibreOffice wrote nothing for $file" >&2; exit 1; }
if [ "$format" = csv ]; then cat "$out/$name"; else ls -l "$out/$name"; fi
