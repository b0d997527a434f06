#!/usr/bin/env bash
# Builds the self-contained release and packs it twice, with the same files:
#   dist/digitrack-tui_VERSION_ARCH.deb           for dpkg/apt (Debian 12 "bookworm" and what it was built on)
#   dist/digitrack-tui-VERSION-linux-ARCH.tar.gz   for machines without dpkg (install.sh inside, PREFIX-aware)
#   dist/SHA256SUMS                                checksums of both
#
# Usage: scripts/package/release.sh [--out DIR]
#
# Environment:
#   DIGITRACK_SCRATCH     SwiftPM scratch folder (default .build-release; gitignored as .build-*)
#   DIGITRACK_MAINTAINER  Maintainer field of the .deb (default "DigiTrack maintainers <digitrack@localhost>")
#   SOURCE_DATE_EPOCH     timestamp for every packed file and the man page date (default: last commit)
#
# Offline: needs only the Swift toolchain, the Swift packages SwiftPM already resolved, and Debian's
# libncurses-dev, libsimdjson-dev, dpkg-dev and binutils. It uses no network.
set -euo pipefail

say() { printf '==> %s\n' "$*"; }
die() { printf 'release: error: %s\n' "$*" >&2; exit 1; }

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"

out="$repo/dist"
while (($# > 0)); do
  case "$1" in
    --out) [ $# -ge 2 ] || die "--out needs a folder"; out=$2; shift 2 ;;
    --out=*) out=${1#--out=}; shift ;;
    -h | --help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
mkdir -p "$out"
out=$(cd "$out" && pwd)

scratch=${DIGITRACK_SCRATCH:-"$repo/.build-release"}
maintainer=${DIGITRACK_MAINTAINER:-"DigiTrack maintainers <digitrack@localhost>"}
package=digitrack-tui

# --- Prerequisites: say exactly what is missing and how to get it. ---
missing_cmds=()
for cmd in swift dpkg-deb dpkg-shlibdeps dpkg-architecture strip gzip tar sha256sum ldd; do
  command -v "$cmd" >/dev/null 2>&1 || missing_cmds+=("$cmd")
done
((${#missing_cmds[@]} == 0)) || die "missing commands: ${missing_cmds[*]} (Swift at /opt/swift/usr/bin; the rest: apt-get install dpkg-dev binutils)"
missing_pkgs=()
for pkg in libncurses-dev libsimdjson-dev libxlsxwriter-dev libxml2-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing_pkgs+=("$pkg")
done
((${#missing_pkgs[@]} == 0)) || die "missing build packages: apt-get install ${missing_pkgs[*]}"

export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date +%s)}
export TZ=UTC LC_ALL=C.UTF-8
arch=$(dpkg --print-architecture)
start=$SECONDS

# --- 1. Build: Swift standard library and Foundation linked statically. ---
say "building $package (release, --static-swift-stdlib) in ${scratch#"$repo"/}"
swift build -c release --static-swift-stdlib --product "$package" --scratch-path "$scratch"
binary="$scratch/release/$package"
[ -x "$binary" ] || die "the build produced no $binary"
# The bench's two helpers, next to the binary where `bench` looks for them: without them a bench
# run from this build has no floor ratio and no per-child peak RSS (docs/PERFORMANCE.md). They
# are not packed.
for helper in digitrack-floor digitrack-measure; do
  swift build -c release --static-swift-stdlib --product "$helper" --scratch-path "$scratch"
  [ -x "$scratch/release/$helper" ] || die "the build produced no $scratch/release/$helper"
done

# swift-argument-parser's own man page generator, built from the resolved dependency. (Its
# 'swift package plugin generate-manual' wrapper would rebuild the whole package in release mode
# without --static-swift-stdlib into the same scratch folder; this runs the same tool on the binary
# that ships instead.)
say "building swift-argument-parser's generate-manual"
swift build --product generate-manual --scratch-path "$scratch"
generate_manual="$scratch/debug/generate-manual"
[ -x "$generate_manual" ] || die "the build produced no $generate_manual"

# Nothing from the toolchain may be loaded at run time: a target machine has no Swift.
if ldd "$binary" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime|/opt/swift|not found'; then
  die "$binary still links the Swift runtime dynamically (or misses a library); see the lines above"
fi

version_line=$("$binary" --version)
[[ $version_line =~ ^$package\ ([0-9][0-9A-Za-z.+~-]*)\ \(data\ format\ ([^\)]+)\)$ ]] ||
  die "unexpected --version output: $version_line"
version=${BASH_REMATCH[1]}
data_format=${BASH_REMATCH[2]}
say "$version_line"

# --- 2. Stage the files once, as they land under /usr; both packages are made from this tree. ---
work="$scratch/package"
stage="$work/root"
rm -rf "$work"
mkdir -p "$stage/usr/bin" "$stage/DEBIAN"
usr="$stage/usr"

install -m 0755 "$binary" "$usr/bin/$package"
strip --strip-all "$usr/bin/$package"

install -d -m 0755 "$usr/share/digitrack/themes"
themes=()
for theme in "$repo"/Themes/*.json; do
  install -m 0644 "$theme" "$usr/share/digitrack/themes/"
  themes+=("$(basename "$theme" .json)")
done
((${#themes[@]} > 0)) || die "no themes in Themes/"

# Man page, generated from the command definitions. generate-manual writes an empty line between
# paragraphs, which mdoc warns about on every 'man' call ("mdoc warning: Empty input line"); .Pp
# is the paragraph break it means and renders the same.
man_dir="$work/man"
mkdir -p "$man_dir"
"$generate_manual" "$usr/bin/$package" \
  --date "$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)" \
  --authors "DigiTrack maintainers" \
  --output-directory "$man_dir"
[ -s "$man_dir/$package.1" ] || die "generate-manual wrote no $package.1"
install -d -m 0755 "$usr/share/man/man1"
sed 's/^$/.Pp/' "$man_dir/$package.1" | gzip -9n >"$usr/share/man/man1/$package.1.gz"
chmod 0644 "$usr/share/man/man1/$package.1.gz"
# generate-manual keeps only ASCII characters (its escaping skips the rest): say so when the help
# text has others, so the loss is seen rather than shipped unnoticed.
dropped=$("$usr/bin/$package" --experimental-dump-help | { grep -oP '[^\x00-\x7F]' || true; } | sort -u | tr -d '\n')
[ -z "$dropped" ] || printf 'release: warning: the man page lacks these characters of the help text (generate-manual drops non-ASCII): %s\n' "$dropped" >&2

# Shell completions, generated by the binary itself (swift-argument-parser).
install -d -m 0755 "$usr/share/bash-completion/completions" "$usr/share/zsh/vendor-completions" \
  "$usr/share/fish/vendor_completions.d"
"$usr/bin/$package" --generate-completion-script bash >"$usr/share/bash-completion/completions/$package"
"$usr/bin/$package" --generate-completion-script zsh >"$usr/share/zsh/vendor-completions/_$package"
"$usr/bin/$package" --generate-completion-script fish >"$usr/share/fish/vendor_completions.d/$package.fish"
chmod 0644 "$usr/share/bash-completion/completions/$package" "$usr/share/zsh/vendor-completions/_$package" \
  "$usr/share/fish/vendor_completions.d/$package.fish"
bash -n "$usr/share/bash-completion/completions/$package" || die "the generated bash completion does not parse"
# zsh and fish are not build requirements; where they are installed, their scripts are checked too.
if command -v zsh >/dev/null 2>&1; then
  zsh -n "$usr/share/zsh/vendor-completions/_$package" || die "the generated zsh completion does not parse"
fi
if command -v fish >/dev/null 2>&1; then
  fish --no-execute "$usr/share/fish/vendor_completions.d/$package.fish" || die "the generated fish completion does not parse"
fi

# Documentation: the README, and the format, theme and config.json references it links to.
doc="$usr/share/doc/$package"
install -d -m 0755 "$doc"
install -m 0644 README.md "$doc/README.md"
for file in docs/FORMAT.md docs/THEMES.md docs/CONFIG.md docs/digitrack.schema.json; do
  if [ -f "$file" ]; then install -m 0644 "$file" "$doc/"; fi
done
commit=$(git -C "$repo" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
dirty=""
[ -z "$(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null || true)" ] || dirty=" (with uncommitted changes)"
cat >"$doc/BUILD-INFO" <<EOF
$version_line
source: commit $commit$dirty
built: $(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ) (SOURCE_DATE_EPOCH)
toolchain: $(swift --version 2>/dev/null | head -1)
linked statically: Swift standard library, Foundation, Dispatch (--static-swift-stdlib)
EOF
chmod 0644 "$doc/BUILD-INFO"

find "$stage" -type d -exec chmod 0755 {} +

# --- 3. The .deb ---
# Run-time dependencies from the binary's ELF NEEDED entries and Debian's symbols files, with the
# lowest versions that provide the symbols it uses.
shlib="$work/shlibdeps"
mkdir -p "$shlib/debian"
printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$package" "$package" >"$shlib/debian/control"
depends=$(cd "$shlib" && dpkg-shlibdeps -O -e"$usr/bin/$package" 2>"$work/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p') ||
  die "dpkg-shlibdeps failed: $(cat "$work/shlibdeps.log")"
[ -n "$depends" ] || die "dpkg-shlibdeps found no dependencies"
for needed in libncursesw6 libsimdjson14; do
  [[ $depends == *"$needed"* ]] || die "expected $needed among the dependencies, got: $depends"
done
# libxlsxwriter is loaded with dlopen when a workbook is written (Sources/CXLSXWriter/lazy.c), so
# it is not among the NEEDED entries dpkg-shlibdeps reads: its dependency comes from its own
# package's shlibs line ("libxlsxwriter 4 libxlsxwriter4 (>= 1.1.4)").
xlsx_shlibs=$({ sed -n 's/^libxlsxwriter 4 //p' /var/lib/dpkg/info/libxlsxwriter4*.shlibs 2>/dev/null || true; } | head -1)
[ -n "$xlsx_shlibs" ] || die "no shlibs line for libxlsxwriter.so.4: apt-get install libxlsxwriter-dev"
depends="$depends, $xlsx_shlibs"
# libxml2 is loaded the same way when a workbook is read (Sources/CLibXML2/sax.c).
xml_shlibs=$({ sed -n 's/^libxml2 2 //p' /var/lib/dpkg/info/libxml2*.shlibs 2>/dev/null || true; } | head -1)
[ -n "$xml_shlibs" ] || die "no shlibs line for libxml2.so.2: apt-get install libxml2-dev"
depends="$depends, $xml_shlibs"

installed_size=$(du -sk --apparent-size "$usr" | cut -f1)
cat >"$stage/DEBIAN/control" <<EOF
Package: $package
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $installed_size
Depends: $depends
Section: utils
Priority: optional
Description: terminal dashboard for digital transformation (chuyển đổi số) progress
 DigiTrack shows the national figures, the pillars and every province against
 the criteria of Plan 02-KH/BCĐTW as progress bars and completion tables, in
 Vietnamese or English. It reads local JSON files (data format $data_format)
 and uses no network.
 .
 One self-contained binary: the Swift runtime and Foundation are linked in.
EOF
(cd "$stage" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums"

deb_name="${package}_${version}_${arch}.deb"
tar_base="$package-$version-linux-$arch"
tar_name="$tar_base.tar.gz"
new="$work/dist"
mkdir -p "$new"
say "packing $deb_name"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$new/$deb_name" >/dev/null

# --- 4. The .tar.gz: the same usr/ tree as PREFIX-relative paths, with install.sh. ---
say "packing $tar_name"
tree="$work/tar/$tar_base"
mkdir -p "$tree"
cp -a "$usr/." "$tree/"
install -m 0755 "$repo/scripts/package/install.sh" "$tree/install.sh"
find "$work/tar" -type d -exec chmod 0755 {} +
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
  --format=gnu -C "$work/tar" -cf - "$tar_base" | gzip -6n >"$new/$tar_name"

# --- 5. Publish into the output folder, replacing only what this script makes. ---
(cd "$new" && sha256sum "$deb_name" "$tar_name" >SHA256SUMS)
rm -f "$out"/"${package}"_*.deb "$out"/"$package"-*-linux-*.tar.gz "$out/SHA256SUMS"
mv "$new/$deb_name" "$new/$tar_name" "$new/SHA256SUMS" "$out/"
(cd "$out" && sha256sum --quiet -c SHA256SUMS) || die "checksums do not match after the move"

size_bytes=$(stat -c %s "$usr/bin/$package")
say "done in $((SECONDS - start)) s"
cat <<EOF

  binary   /usr/bin/$package: $size_bytes bytes ($((size_bytes / 1048576)) MiB, stripped; unstripped: $binary)
  depends  $depends
  themes   ${themes[*]}
  ldd:
$(ldd "$usr/bin/$package" | sed 's/ (0x[0-9a-f]*)//; s/^\s*/    /')

$(cd "$out" && ls -l "$deb_name" "$tar_name" SHA256SUMS | awk '{printf "  %-48s %10s bytes\n", $9, $5}')

  $out/SHA256SUMS:
$(sed 's/^/    /' "$out/SHA256SUMS")
EOF
