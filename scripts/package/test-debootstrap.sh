#!/usr/bin/env bash
# Full install test: a fresh Debian root made with debootstrap (minbase), the .deb installed into it
# with apt (which fetches the declared dependencies and nothing else), then:
#   1. with only the package and its dependencies installed: the binary starts (--version, export,
#      themes) — this checks the Depends line;
#   2. with man-db added: the whole smoke test (smoke-test.sh), man digitrack-tui included;
#   3. apt-get purge removes every file again.
# The root is a new folder under /tmp: the build tree is not in it and cannot be seen from it.
#
# Usage: sudo scripts/package/test-debootstrap.sh [DIST_DIR]    (default: dist)
# Environment:
#   DIGITRACK_SUITE    Debian suite of the root (default: this machine's, e.g. bookworm; the .deb is
#                      built for the release it was built on)
#   DIGITRACK_MIRROR   Debian mirror (default http://deb.debian.org/debian; a local one works offline)
#   DIGITRACK_CACHE    folder for the debootstrap package tarball (default .build-pkgtest/, gitignored)
#   DIGITRACK_REFRESH=1  download the base packages again instead of using the cached tarball
#   DIGITRACK_KEEP_ROOT=1  keep the root for inspection (its path is printed)
# Needs root, debootstrap (apt-get install debootstrap) and the mirror; nothing else from the network.
set -euo pipefail

say() { printf '==> %s\n' "$*"; }
die() { printf 'test-debootstrap: error: %s\n' "$*" >&2; exit 1; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
dist=$(cd "${1:-$repo/dist}" 2>/dev/null && pwd) || die "no folder ${1:-$repo/dist}; run scripts/package/release.sh first"
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap and chroot)"
command -v debootstrap >/dev/null || die "debootstrap is missing: apt-get install debootstrap"

suite=${DIGITRACK_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")}
mirror=${DIGITRACK_MIRROR:-http://deb.debian.org/debian}
arch=$(dpkg --print-architecture)
cache=${DIGITRACK_CACHE:-"$repo/.build-pkgtest"}
base_tarball="$cache/debootstrap-$suite-minbase-$arch.tgz"
start=$SECONDS

shopt -s nullglob
debs=("$dist"/digitrack-tui_*.deb)
shopt -u nullglob
((${#debs[@]} == 1)) || die "expected one .deb in $dist, found ${#debs[@]}; run scripts/package/release.sh"
deb=${debs[0]}
(cd "$dist" && sha256sum --quiet -c SHA256SUMS) || die "SHA256SUMS does not match the artifacts in $dist"
expect_version=$(dpkg-deb --field "$deb" Version)

root=$(mktemp -d /tmp/digitrack-root.XXXXXX)
# mktemp makes the folder 0700; as the root's "/" that would lock out every user but root (apt's
# _apt, man-db's man).
chmod 0755 "$root"
cleanup() {
  local status=$?
  # Unmount before anything is removed, so rm never reaches the host's /proc.
  local mnt
  for mnt in "$root/dev/pts" "$root/proc"; do
    if mountpoint -q "$mnt"; then umount "$mnt" || umount -l "$mnt"; fi
  done
  if mountpoint -q "$root/proc" || mountpoint -q "$root/dev/pts"; then
    echo "test-debootstrap: $root/proc or $root/dev/pts is still mounted; not removing $root" >&2
  elif [ "${DIGITRACK_KEEP_ROOT:-0}" = 1 ]; then
    echo "kept the root: $root"
  else
    rm -rf --one-file-system "$root"
  fi
  exit "$status"
}
trap cleanup EXIT

# --- 1. A fresh minbase root. The downloaded packages are cached; the root is made anew each time. ---
phase=$SECONDS
mkdir -p "$cache"
if [ "${DIGITRACK_REFRESH:-0}" = 1 ] || ! gzip -t "$base_tarball" 2>/dev/null; then
  say "downloading the $suite minbase packages into ${base_tarball#"$repo"/}"
  rm -f "$base_tarball" "$base_tarball.part"
  scratch=$(mktemp -d /tmp/digitrack-debootstrap-dl.XXXXXX)
  debootstrap --variant=minbase --arch="$arch" --make-tarball="$base_tarball.part" "$suite" "$scratch" "$mirror" >"$cache/make-tarball.log" 2>&1 ||
    { rm -rf "$scratch"; tail -20 "$cache/make-tarball.log" >&2; die "debootstrap --make-tarball failed (log: $cache/make-tarball.log)"; }
  rm -rf "$scratch"
  mv "$base_tarball.part" "$base_tarball"
fi
say "debootstrap --variant=minbase $suite into $root (from the cached packages)"
if ! debootstrap --variant=minbase --arch="$arch" --unpack-tarball="$base_tarball" "$suite" "$root" "$mirror" >"$cache/debootstrap.log" 2>&1; then
  tail -20 "$cache/debootstrap.log" >&2
  die "debootstrap failed (log: $cache/debootstrap.log); DIGITRACK_REFRESH=1 downloads the packages again"
fi
echo "root made in $((SECONDS - phase)) s"

mount -t proc proc "$root/proc"
# A private pty instance, for dpkg's terminal log; the host's /dev/pts stays out of the root.
mkdir -p "$root/dev/pts"
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts"
in_root() {
  chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive "$@"
}
[ ! -e "$root$repo" ] || die "the build tree is visible in the root"

# --- 2. Install the .deb; apt brings exactly its declared dependencies. ---
phase=$SECONDS
say "apt-get install ./$(basename "$deb") in the root"
cp "$deb" "$root/tmp/digitrack-tui.deb"
in_root dpkg-query -W -f '${Package}\n' | LC_ALL=C sort >"$root/tmp/before.txt"
in_root apt-get update -qq
in_root apt-get install -y -q -o Dpkg::Use-Pty=0 --no-install-recommends /tmp/digitrack-tui.deb
in_root dpkg-query -W -f '${Package}\n' | LC_ALL=C sort >"$root/tmp/after.txt"
echo "packages added to minbase: $(comm -13 "$root/tmp/before.txt" "$root/tmp/after.txt" | tr '\n' ' ')"
rm -f "$root/tmp/digitrack-tui.deb"
echo "installed in $((SECONDS - phase)) s"

say "with only its dependencies: the binary starts"
in_root sh -c 'ldd /usr/bin/digitrack-tui' | sed 's/ (0x[0-9a-f]*)//'
in_root sh -c '! ldd /usr/bin/digitrack-tui | grep -q "not found"' || die "libraries missing in the root (ldd above)"
version_line=$(in_root digitrack-tui --version) || die "digitrack-tui --version failed in the root"
echo "$version_line"
[[ $version_line == "digitrack-tui $expect_version (data format "* ]] || die "--version says '$version_line', the package is $expect_version"
in_root sh -c 'cd /tmp && digitrack-tui export | head -3 && digitrack-tui themes' || die "export/themes failed in the root"

# --- 3. The full smoke test, with man-db to read the man page. ---
phase=$SECONDS
say "apt-get install man-db, then the smoke test"
in_root apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends man-db >/dev/null
cp "$here/smoke-test.sh" "$root/tmp/smoke-test.sh"
in_root env DIGITRACK_EXPECT_VERSION="$version_line" bash /tmp/smoke-test.sh /usr/bin/digitrack-tui /usr/share/digitrack/themes
echo "checked in $((SECONDS - phase)) s"

# --- 4. Removal leaves nothing behind. ---
say "apt-get purge digitrack-tui"
in_root apt-get purge -y -qq -o Dpkg::Use-Pty=0 digitrack-tui >/dev/null
for path in /usr/bin/digitrack-tui /usr/share/digitrack /usr/share/doc/digitrack-tui /usr/share/man/man1/digitrack-tui.1.gz; do
  [ ! -e "$root$path" ] || die "purge left $path"
done
echo "nothing left"

say "debootstrap install test passed in $((SECONDS - start)) s"
