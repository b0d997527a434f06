#!/usr/bin/env bash
# Installs DigiTrack from this unpacked release folder, for machines without dpkg.
#
# Usage: ./install.sh [--prefix DIR] [--destdir DIR] [--uninstall] [--dry-run]
#
#   --prefix DIR   where to install (default: $PREFIX, else /usr/local). As root the default needs
#                  no options; as a user, e.g. --prefix ~/.local.
#   --destdir DIR  stage the files under DIR/PREFIX instead (for building other packages).
#   --uninstall    remove the files this release installs from PREFIX.
#   --dry-run      print what would be done, change nothing.
#
# Installs PREFIX/bin/digitrack-tui, PREFIX/share/digitrack/themes/*.json (found by the binary next to
# itself), the man page, bash/zsh/fish completions and the README under PREFIX/share/doc/digitrack-tui.
# Running it again replaces the files with this release's copies. It needs no network; the binary
# needs libncursesw6, libsimdjson14, libxlsxwriter4 and libxml2 (Debian 12), which it checks at the end.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
prefix=${PREFIX:-/usr/local}
destdir=${DESTDIR:-}
mode=install
dry_run=0

die() { printf 'install.sh: error: %s\n' "$*" >&2; exit 1; }

while (($# > 0)); do
  case "$1" in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a folder"; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --destdir) [ $# -ge 2 ] || die "--destdir needs a folder"; destdir=$2; shift 2 ;;
    --destdir=*) destdir=${1#--destdir=}; shift ;;
    --uninstall) mode=uninstall; shift ;;
    --dry-run | -n) dry_run=1; shift ;;
    -h | --help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

case "$prefix" in
  /*) ;;
  *) die "--prefix must be an absolute path, got: $prefix" ;;
esac
prefix=${prefix%/}
[ -n "$prefix" ] || prefix=/
[ -x "$here/bin/digitrack-tui" ] || die "run me from the unpacked release folder ($here has no bin/digitrack-tui)"

# zsh looks in share/zsh/vendor-completions only under /usr (Debian's fpath); elsewhere, as under
# /usr/local, in share/zsh/site-functions.
target_of() {
  local rel=$1
  if [ "$prefix" != /usr ] && [[ $rel == share/zsh/vendor-completions/* ]]; then
    rel=share/zsh/site-functions/${rel#share/zsh/vendor-completions/}
  fi
  printf '%s%s/%s\n' "$destdir" "${prefix%/}" "$rel"
}

run() {
  if ((dry_run)); then printf '  %s\n' "$*"; else "$@"; fi
}

# Every file of the release but this script, relative to the release folder.
mapfile -t files < <(cd "$here" && find bin share -type f | LC_ALL=C sort)
((${#files[@]} > 0)) || die "nothing to install in $here"

if [ "$mode" = uninstall ]; then
  echo "Removing DigiTrack from ${destdir}${prefix}"
  for rel in "${files[@]}"; do
    target=$(target_of "$rel")
    if [ -e "$target" ] || [ -L "$target" ]; then run rm -f "$target"; fi
  done
  # Remove only DigiTrack's own folders, and only when empty.
  for dir in share/digitrack/themes share/digitrack share/doc/digitrack-tui; do
    target=$(target_of "$dir")
    if [ -d "$target" ]; then run rmdir --ignore-fail-on-non-empty "$target"; fi
  done
  echo "Done."
  exit 0
fi

echo "Installing $("$here/bin/digitrack-tui" --version 2>/dev/null || echo DigiTrack) into ${destdir}${prefix}"
for rel in "${files[@]}"; do
  target=$(target_of "$rel")
  case "$rel" in
    bin/*) perm=0755 ;;
    *) perm=0644 ;;
  esac
  # install(1) writes a new file in place of the old one, so a running copy is not disturbed.
  run install -D -m "$perm" "$here/$rel" "$target"
  ((dry_run)) || printf '  %s\n' "$target"
done

((dry_run)) && exit 0
binary=$(target_of bin/digitrack-tui)

# The binary links the Swift runtime statically; it needs Debian's ncurses, simdjson, libxlsxwriter and libxml2.
# libxlsxwriter and libxml2 are loaded only when a workbook is written or read (dlopen), so ldd does
# not list them.
missing=""
if command -v ldd >/dev/null 2>&1; then missing=$(ldd "$binary" 2>/dev/null | awk '/not found/ {print $1}'); fi
ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
# The cache is read whole before it is searched: under pipefail, `ldconfig -p | grep -q` fails when
# grep stops early and ldconfig dies of SIGPIPE on a long cache, and reported a present library as missing.
if [ -x "$ldconfig" ]; then
  cache=$("$ldconfig" -p 2>/dev/null || true)
  for library in libxlsxwriter.so.4 libxml2.so.2; do
    case "$cache" in
      *"$library "*) ;;
      *) missing="$missing${missing:+$'\n'}$library" ;;
    esac
  done
fi
if [ -n "$missing" ]; then
  echo
  echo "warning: the system lacks these libraries: $(echo "$missing" | tr '\n' ' ')" >&2
  echo "  on Debian 12: apt-get install libncursesw6 libsimdjson14 libxlsxwriter4 libxml2" >&2
  echo "  offline: copy their .deb files (apt-get download libncursesw6 libsimdjson14 libxlsxwriter4 libxml2 on a connected" >&2
  echo "  Debian 12 machine) and install them with dpkg -i." >&2
  exit 3
fi

if [ -z "$destdir" ]; then
  case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo; echo "note: $prefix/bin is not on PATH; add it, e.g.: export PATH=\"$prefix/bin:\$PATH\"" ;;
  esac
  echo
  "$binary" --version
  echo "Try: digitrack-tui themes; man digitrack-tui (MANPATH=$prefix/share/man if man does not find it)."
fi
