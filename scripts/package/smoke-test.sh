#!/usr/bin/env bash
# The checks run on an installed DigiTrack, wherever it was installed: in a fresh Debian root
# (test-debootstrap.sh copies this file into it) or in a temporary PREFIX (test-prefix.sh).
# Self-contained on purpose: it reads nothing from the source tree.
#
# Usage: smoke-test.sh EXPECTED_BINARY_PATH EXPECTED_THEMES_DIR
#   The binary is run as `digitrack-tui`, found on PATH, as a user would run it; EXPECTED_BINARY_PATH
#   is where PATH must find it. EXPECTED_THEMES_DIR is the installed themes folder.
# Environment: DIGITRACK_EXPECT_VERSION (the exact --version line, optional);
#   DIGITRACK_STRICT_THEMES=0 reports installed themes that the binary does not find as a warning
#   instead of a failure.
set -euo pipefail

expected_binary=${1:?usage: smoke-test.sh EXPECTED_BINARY_PATH EXPECTED_THEMES_DIR}
themes_dir=${2:?usage: smoke-test.sh EXPECTED_BINARY_PATH EXPECTED_THEMES_DIR}
strict_themes=${DIGITRACK_STRICT_THEMES:-1}

passed=0
failed=0
work=$(mktemp -d "${TMPDIR:-/tmp}/digitrack-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
# Run from an empty folder with an empty HOME: nothing of a source tree or a user's config is seen.
cd "$work"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config"
mkdir -p "$HOME"

pass() { passed=$((passed + 1)); printf 'ok    %s\n' "$1"; }
fail() {
  failed=$((failed + 1))
  printf 'FAIL  %s\n' "$1"
  if [ -n "${2:-}" ] && [ -s "$2" ]; then sed 's/^/      | /' "$2" | head -40 || true; fi
}

# 0. The installed binary, found on PATH, starts: every library it needs is there.
found=$(command -v digitrack-tui || true)
if [ "$found" = "$expected_binary" ]; then pass "PATH finds $found"; else fail "PATH finds '${found}', expected $expected_binary"; fi
ldd "$expected_binary" >ldd.txt 2>&1 || true
if grep -q 'not found' ldd.txt; then fail "libraries missing (ldd)" ldd.txt; else pass "ldd: every library resolves"; fi
if grep -Eq 'libswift|libFoundation|libdispatch' ldd.txt; then fail "links the Swift runtime dynamically" ldd.txt; else pass "no Swift runtime library needed"; fi

# 1. digitrack-tui --version
if digitrack-tui --version >version.txt 2>&1 &&
  grep -Eq '^digitrack-tui [0-9][^ ]* \(data format digitrack/[0-9]+\)$' version.txt &&
  { [ -z "${DIGITRACK_EXPECT_VERSION:-}" ] || [ "$(cat version.txt)" = "$DIGITRACK_EXPECT_VERSION" ]; }; then
  pass "digitrack-tui --version: $(cat version.txt)"
else
  fail "digitrack-tui --version (expected ${DIGITRACK_EXPECT_VERSION:-a version line})" version.txt
fi

# 2. digitrack-tui export: the built-in demo as text, without a terminal.
if digitrack-tui export >export.txt 2>export.err && [ "$(wc -l <export.txt)" -ge 20 ] &&
  grep -q 'DigiTrack' export.txt && grep -q '02-KH/BCĐTW' export.txt; then
  pass "digitrack-tui export: $(wc -l <export.txt) lines"
else
  cat export.err >>export.txt
  fail "digitrack-tui export" export.txt
fi
if digitrack-tui export --format csv --lang en >export.csv 2>&1 && [ "$(wc -l <export.csv)" -eq 35 ]; then
  pass "digitrack-tui export --format csv: header + 34 provinces"
else
  fail "digitrack-tui export --format csv" export.csv
fi
# libxlsxwriter is loaded with dlopen when a workbook is written, so ldd above does not see it.
if digitrack-tui form --demo --province "lang son" --lang en -o form.xlsx >form.txt 2>&1 &&
  [ "$(head -c 2 form.xlsx)" = PK ]; then
  pass "digitrack-tui form: a workbook (libxlsxwriter loaded on first use)"
else
  fail "digitrack-tui form" form.txt
fi
# libxml2 too, when a workbook is read: the form just written, imported into the demo.
if digitrack-tui template --demo -o demo.json >import.txt 2>&1 &&
  digitrack-tui import form.xlsx --into demo.json --lang en -o imported.json >>import.txt 2>&1 &&
  digitrack-tui validate imported.json >>import.txt 2>&1; then
  pass "digitrack-tui import: the form read back (libxml2 loaded on first use)"
else
  fail "digitrack-tui import" import.txt
fi

# 3. digitrack-tui themes: the built-in themes, and the installed copies found next to the binary
#    (in English, whose words the checks below read).
if digitrack-tui themes --lang en >themes.txt 2>&1; then
  missing_themes=()
  for file in "$themes_dir"/*.json; do
    name=$(basename "$file" .json)
    grep -q "^$name	" themes.txt || missing_themes+=("$name")
  done
  if [ ! -e "$themes_dir/default.json" ]; then
    fail "no installed themes in $themes_dir" themes.txt
  elif ((${#missing_themes[@]} > 0)); then
    fail "digitrack-tui themes does not list: ${missing_themes[*]}" themes.txt
  else
    pass "digitrack-tui themes lists $(cut -f1 themes.txt | tr '\n' ' ')"
  fi
  if grep -q "installed: $themes_dir/default.json" themes.txt; then
    pass "themes are read from $themes_dir"
  elif [ "$strict_themes" = 0 ]; then
    printf 'warn  the binary does not read %s (the built-in copies are used); see docs/PACKAGING.md\n' "$themes_dir"
  else
    fail "the binary does not read the installed themes in $themes_dir" themes.txt
  fi
else
  fail "digitrack-tui themes" themes.txt
fi

# 4. man digitrack-tui renders, without mdoc/groff warnings.
if MANWIDTH=80 man digitrack-tui >man.txt 2>man.err && grep -q 'SYNOPSIS' man.txt &&
  grep -q 'digitrack-tui' man.txt && grep -q 'export' man.txt && [ ! -s man.err ]; then
  pass "man digitrack-tui: $(wc -l <man.txt) lines"
else
  cat man.err >>man.txt
  fail "man digitrack-tui" man.txt
fi

# 5. The bash completion is installed where bash-completion finds it, and loads.
completion=$(dirname "$(dirname "$expected_binary")")/share/bash-completion/completions/digitrack-tui
if [ -s "$completion" ] && bash -c 'source "$1" && complete -p digitrack-tui' _ "$completion" >completion.txt 2>&1; then
  pass "bash completion loads: $(cat completion.txt)"
else
  fail "bash completion $completion" completion.txt
fi

echo "smoke: $passed passed, $failed failed"
((failed == 0))
