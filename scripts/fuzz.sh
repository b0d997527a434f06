#!/usr/bin/env bash
# Fuzzes the data loader with libFuzzer and AddressSanitizer.
#
#   scripts/fuzz.sh [SECONDS]     (default 60)
#
# Starts from the demo data, the bad-file corpus and earlier crashers; new crashers are written to
# Tests/Fuzz/crashers, where the unit tests replay them. Needs the Swift toolchain's clang and
# libsimdjson-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=.build-fuzz
mkdir -p "$out/module" "$out/corpus" Tests/Fuzz/crashers

cat > "$out/module/module.modulemap" <<MAP
module CSimdJSON {
  header "$PWD/Sources/CSimdJSON/include/csimdjson.h"
  export *
}
MAP

clang++ -std=c++17 -O1 -g -fsanitize=fuzzer-no-link,address \
  -ISources/CSimdJSON/include -c Sources/CSimdJSON/csimdjson.cpp -o "$out/csimdjson.o"
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name DigiTrackModel \
  -Xcc -fmodule-map-file="$out/module/module.modulemap" \
  $(find Sources/DigiTrackModel -name '*.swift') Tests/Fuzz/FuzzLoader.swift \
  "$out/csimdjson.o" -lsimdjson -lstdc++ -o "$out/fuzz-loader"

# The seed corpus: demo data, bad files, crashers found before.
cp Sources/DigiTrackModel/Demo/demo.json "$out/corpus/"
find Tests/DigiTrackModelTests/Corpus Tests/Fuzz/seeds Tests/Fuzz/crashers -type f \
  \( -name '*.json' -o -name 'crash-*' -o -name 'seed-*' \) -exec cp {} "$out/corpus/" \; 2>/dev/null || true

"$out/fuzz-loader" "$out/corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=Tests/Fuzz/crashers/ -print_final_stats=1
