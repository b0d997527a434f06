#!/usr/bin/env bash
# Fuzzes DigiTrack with libFuzzer and AddressSanitizer.
#
#   scripts/fuzz.sh [SECONDS] [loader|pipeline]     (default: 60 loader)
#
# loader    Tests/Fuzz/FuzzLoader.swift: every input ends in a dataset or a clear error, and a dataset
#           aggregates. Built from the model sources.
# pipeline  Tests/Fuzz/FuzzPipeline.swift: every input the loader accepts is also drawn in every
#           view at several sizes and exported in every format and both languages. Built from the
#           model and UI sources (the UI as its own module, compiled for testing).
#
# Starts from the demo data, the bad-file corpus, Tests/Fuzz/seeds and earlier crashers; new
# crashers are written to Tests/Fuzz/crashers, where the unit tests replay them. Extra arguments
# after the target go to libFuzzer (e.g. -jobs=2). Needs the Swift toolchain's clang and
# libsimdjson-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
target=${2:-loader}
shift $(($# < 2 ? $# : 2))
case "$target" in
  loader | pipeline) ;;
  *) echo "usage: scripts/fuzz.sh [SECONDS] [loader|pipeline] [libFuzzer flags]" >&2; exit 2 ;;
esac
out=.build-fuzz
mkdir -p "$out/module" "$out/modules" "$out/corpus-$target" Tests/Fuzz/crashers

cat > "$out/module/module.modulemap" <<MAP
module CSimdJSON {
  header "$PWD/Sources/CSimdJSON/include/csimdjson.h"
  export *
}
MAP

sanitize=(-sanitize=fuzzer,address)
clang++ -std=c++17 -O1 -g -fsanitize=fuzzer-no-link,address \
  -ISources/CSimdJSON/include -c Sources/CSimdJSON/csimdjson.cpp -o "$out/csimdjson.o"
clang++ -std=c++17 -O1 -g -fsanitize=fuzzer-no-link,address \
  -ISources/CSimdJSON/include -c Sources/CSimdJSON/bulk_units.cpp -o "$out/bulk_units.o"

if [ "$target" = loader ]; then
  # One module: the model's sources and the entry point.
  swiftc -O -g "${sanitize[@]}" -parse-as-library -module-name DigiTrackModel \
    -Xcc -fmodule-map-file="$out/module/module.modulemap" \
    $(find Sources/DigiTrackModel -name '*.swift') Tests/Fuzz/FuzzLoader.swift \
    "$out/csimdjson.o" "$out/bulk_units.o" -lsimdjson -lstdc++ -o "$out/fuzz-loader"
else
  # Three modules, as SwiftPM builds them: the model, the UI (which imports it), and the entry
  # point with the shared EveryView code (which uses the UI's internals, hence -enable-testing).
  swiftc -O -g "${sanitize[@]}" -parse-as-library -module-name DigiTrackModel -enable-testing \
    -Xcc -fmodule-map-file="$out/module/module.modulemap" \
    -emit-library -static -emit-module -emit-module-path "$out/modules/DigiTrackModel.swiftmodule" \
    $(find Sources/DigiTrackModel -name '*.swift') -o "$out/libDigiTrackModel.a"
  swiftc -O -g "${sanitize[@]}" -parse-as-library -module-name DigiTrackUI -enable-testing \
    -I "$out/modules" -Xcc -fmodule-map-file="$out/module/module.modulemap" \
    -emit-library -static -emit-module -emit-module-path "$out/modules/DigiTrackUI.swiftmodule" \
    $(find Sources/DigiTrackUI -name '*.swift') -o "$out/libDigiTrackUI.a"
  swiftc -O -g "${sanitize[@]}" -parse-as-library -module-name FuzzPipeline \
    -I "$out/modules" -Xcc -fmodule-map-file="$out/module/module.modulemap" \
    Tests/Fuzz/FuzzPipeline.swift Tests/DigiTrackUITests/EveryView.swift \
    "$out/libDigiTrackUI.a" "$out/libDigiTrackModel.a" "$out/csimdjson.o" "$out/bulk_units.o" -lsimdjson -lstdc++ \
    -o "$out/fuzz-pipeline"
fi

# The seed corpus: demo data, bad files, seeds and crashers found before (both targets' crashers:
# an input that broke one is a good start for the other).
corpus="$out/corpus-$target"
cp Sources/DigiTrackModel/Demo/demo.json "$corpus/"
find Tests/DigiTrackModelTests/Corpus Tests/Fuzz/seeds Tests/Fuzz/crashers -type f \
  \( -name '*.json' -o -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'seed-*' \) \
  -exec cp {} "$corpus/" \; 2>/dev/null || true

"$out/fuzz-$target" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
  -dict=Tests/Fuzz/json.dict -artifact_prefix=Tests/Fuzz/crashers/ -print_final_stats=1 "$@"
