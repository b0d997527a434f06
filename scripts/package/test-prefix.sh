#!/usr/bin/env bash
# Reduced install test (fast; what CI runs): installs the release .tar.gz into a clean temporary
# PREFIX with its own install.sh and runs the smoke checks there, from a folder outside the repo,
# with a clean environment whose PATH and MANPATH point into that PREFIX. Also checks the
# checksums, that the .deb and the .tar.gz hold the same files, that installing twice is
# harmless and that --uninstall leaves the PREFIX empty. Uses no network and no root.
#
# Usage: scripts/package/test-prefix.sh [DIST_DIR]     (default: dist, as made by release.sh)
# Environment: DIGITRACK_STRICT_THEMES=0 turns "the binary does not read PREFIX/share/digitrack/themes"
#   into a warning (see docs/PACKAGING.md).
set -euo pipefail

say() { printf '==> %s\n' "$*"; }
die() { printf 'test-prefix: error: %s\n' "$*" >&2; exit 1; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
dist=$(cd "${1:-$repo/dist}" 2>/dev/null && pwd) || die "no folder ${1:-$repo/dist}; run scripts/package/release.sh first"
start=$SECONDS

shopt -s nullglob
debs=("$dist"/digitrack-tui_*.deb)
tars=("$dist"/digitrack-tui-*-linux-*.tar.gz)
shopt -u nullglob
((${#debs[@]} == 1 && ${#tars[@]} == 1)) ||
  die "expected one .deb and one .tar.gz in $dist, found ${#debs[@]} and ${#tars[@]}; run scripts/package/release.sh"
deb=${debs[0]}
tarball=${tars[0]}

say "checksums"
(cd "$dist" && sha256sum -c SHA256SUMS) || die "SHA256SUMS does not match the artifacts in $dist"

# Everything happens in a temporary folder outside the repo, removed at the end.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/digitrack-prefix-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp "$tarball" "$deb" "$here/smoke-test.sh" "$tmp/"
cd "$tmp"

say "the .deb and the .tar.gz hold the same files"
dpkg-deb --fsys-tarfile "$(basename "$deb")" | tar -t | sed -n 's|^\./usr/||p' | grep -v -e '/$' -e '^$' | LC_ALL=C sort >deb-files.txt
tar -tzf "$(basename "$tarball")" | sed 's|^[^/]*/||' | grep -v -e '/$' -e '^$' -e '^install\.sh$' | LC_ALL=C sort >tar-files.txt
diff -u deb-files.txt tar-files.txt || die "the .deb and the .tar.gz differ (lines above)"
echo "$(wc -l <deb-files.txt) files in both"
dpkg-deb --field "$(basename "$deb")" Depends | sed 's/^/Depends: /'

say "unpack and install into a clean PREFIX"
mkdir unpack
tar -xzf "$(basename "$tarball")" -C unpack
release=(unpack/*/)
prefix="$tmp/prefix"
# The installer runs with a clean environment too.
env -i PATH=/usr/bin:/bin HOME="$tmp" bash "${release[0]}install.sh" --prefix "$prefix"
say "install again over the same PREFIX (idempotent)"
env -i PATH=/usr/bin:/bin HOME="$tmp" bash "${release[0]}install.sh" --prefix "$prefix" >/dev/null
[ -f "$prefix/share/zsh/site-functions/_digitrack-tui" ] || die "zsh completion not in $prefix/share/zsh/site-functions"
[ -f "$prefix/share/fish/vendor_completions.d/digitrack-tui.fish" ] || die "fish completion missing"
[ -f "$prefix/share/doc/digitrack-tui/README.md" ] || die "README missing"

say "the library check reads a long ldconfig cache whole (no SIGPIPE under pipefail)"
# A stand-in ldconfig prints 200,000 entries after the one the check looks for; a check that stops
# reading early kills it with SIGPIPE and, under pipefail, reported a present library as missing.
mkdir fakebin
cat >fakebin/ldconfig <<'SH'
#!/bin/sh
[ "$1" = -p ] || exit 1
[ -n "$FAKE_LIBXLSXWRITER" ] && printf '\tlibxlsxwriter.so.4 (libc6,x86-64) => /lib/libxlsxwriter.so.4\n'
printf '\tlibxml2.so.2 (libc6,x86-64) => /lib/libxml2.so.2\n'
yes '	libfiller.so.1 (libc6,x86-64) => /lib/libfiller.so.1' | head -n 200000
SH
chmod +x fakebin/ldconfig
env -i PATH="$tmp/fakebin:/usr/bin:/bin" HOME="$tmp" FAKE_LIBXLSXWRITER=1 bash "${release[0]}install.sh" \
  --prefix "$tmp/prefix-cache" >cache-present.log 2>&1 || { cat cache-present.log; die "install.sh reported a present libxlsxwriter as missing"; }
status=0
env -i PATH="$tmp/fakebin:/usr/bin:/bin" HOME="$tmp" bash "${release[0]}install.sh" \
  --prefix "$tmp/prefix-cache" >cache-absent.log 2>&1 || status=$?
[ "$status" -eq 3 ] && grep -q 'lacks these libraries: libxlsxwriter.so.4' cache-absent.log ||
  { cat cache-absent.log; die "install.sh did not report a missing libxlsxwriter (exit $status)"; }
echo "present: installed; absent: exit 3 with the warning"
rm -rf "$tmp/prefix-cache" fakebin

# The unpacked release is removed before the checks: only the PREFIX is left.
rm -rf unpack

say "smoke checks from $tmp/work with PATH=$prefix/bin:/usr/bin:/bin MANPATH=$prefix/share/man"
mkdir work
(cd work && env -i PATH="$prefix/bin:/usr/bin:/bin" MANPATH="$prefix/share/man" LANG=C.UTF-8 TERM=dumb \
  TMPDIR="$tmp" DIGITRACK_STRICT_THEMES="${DIGITRACK_STRICT_THEMES:-1}" \
  bash "$tmp/smoke-test.sh" "$prefix/bin/digitrack-tui" "$prefix/share/digitrack/themes")

say "uninstall"
mkdir again && tar -xzf "$(basename "$tarball")" -C again
release=(again/*/)
env -i PATH=/usr/bin:/bin bash "${release[0]}install.sh" --prefix "$prefix" --uninstall >/dev/null
left=$(find "$prefix" -type f)
[ -z "$left" ] || die "--uninstall left files behind: $left"

say "prefix install test passed in $((SECONDS - start)) s"
