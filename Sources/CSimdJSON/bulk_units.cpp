// The fast path for the bulk of a DigiTrack file: every report's `communes.units` array.
//
// A scan (bulk_spans.h) finds each `"units": [...]` array; simdjson's On-Demand API then walks
// that span alone, forward and without a tape, with one parser reused from span to span, so its
// index of structural characters (4 bytes per token) is never larger than the largest array and
// the whole file is never indexed at once. Strings are read where they are in the input, never
// unescaped. Each unit goes into compact buffers (code and name bytes, a kind byte, one key and
// one status byte per entry of its status map). Everything else of the file is copied into a
// small "skeleton" text in which each units array is replaced by `[k]`, k being its block; the
// precise decoder (DOM tape, every check and message) reads that skeleton, and takes a block only
// where the format puts a commune units list: every block must be taken exactly once. A
// `"units": [` the scan finds anywhere else therefore sends the file the precise way.
//
// From 1 MiB up (dj_bulk_read's `threads` 0) the arrays are parsed on two threads (`walk`,
// bulk_crew.h), each with its own parser and buffers, and merged in the file's order: the floor
// this is measured against uses one core of the two.
//
// The walk accepts only what it knows: an escape in a string, a key it does not expect, a status
// given as an object, a number where a word belongs, a malformed document... anything else makes
// dj_bulk_parse return NULL, and the loader then reads the whole file the precise way. So the fast
// path never decides what an error message says.
//
// On-Demand in simdjson 3.0.1 runs the kernel the compiler targets (its "builtin" implementation).
// This file alone is compiled for haswell (AVX2, BMI1, PCLMUL, LZCNT) by a target region, and
// dj_bulk_parse refuses to run unless simdjson's runtime dispatch chose haswell or icelake, i.e.
// unless this CPU has those instructions.
//
// Keep in mind: inline and template functions this region instantiates are emitted as weak
// symbols compiled for haswell, and the linker keeps one copy of each name for the whole binary.
// If another C++ file instantiates the same function (csimdjson.cpp, or a new one), the DOM path,
// which every CPU runs, could get the AVX2 copy. In the release build of 1 December 2026 (checked
// again after the span walk, bulk_spans.h and the two-thread walk: std::thread and std::function
// instantiations are only here) the only weak symbol shared with csimdjson.cpp.o is
// __clang_call_terminate, which has no AVX code; check again with `nm --defined-only` on both
// objects (`comm -12` of their "W" symbols) after any change. bulk_spans.h, bulk_reader.h and
// bulk_crew.h keep their code in an anonymous namespace, so it is never weak.
#include "csimdjson.h"

#if defined(__x86_64__) && defined(__clang__)
#define DJ_BULK_HASWELL 1
// The region covers the standard headers too: std::pair<raw_json_string, value> and the like must
// be instantiated for the same target as simdjson's always-inline members they call. (clang notes,
// harmlessly, that it cannot re-target functions csimdjson.h's C headers defined already.)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wignored-attributes"
#pragma clang attribute push(__attribute__((target("avx2,bmi,pclmul,lzcnt"))), apply_to = function)
#define SIMDJSON_BUILTIN_IMPLEMENTATION haswell
#endif
#include <algorithm>
#include <cstdlib>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#if DJ_BULK_HASWELL
#include "bulk_spans.h"
#include "bulk_window.h"
#endif

using namespace simdjson;

struct dj_bulk {
  std::vector<char> skeleton;
  std::vector<uint32_t> blockStarts;
  std::vector<dj_bulk_unit> units;
  std::vector<uint8_t> statusKeys;
  std::vector<uint8_t> statusWords;
  // Code, name and key bytes back to back: allocated once for the text's size and never grown
  // or cleared, so only the bytes written are touched; 32 spare bytes for whole-vector copies.
  std::unique_ptr<uint8_t[]> pool;
  size_t poolSize = 0;
  size_t poolCapacity = 0;
  std::vector<uint32_t> keyOffsets;  // into pool
  std::vector<uint32_t> keyLengths;
  dj_bulk_view view;
};

#if DJ_BULK_HASWELL
#include "bulk_crew.h"
#include "bulk_reader.h"

namespace {

// A units array found in the window and not parsed yet (offsets in the text).
struct Pending {
  size_t open, size;
};

// Where the walk put a block's units: `count` units from `first` in reader 0's buffers (out's)
// or in reader 1's (side's).
struct Part {
  uint32_t first, count;
  uint8_t reader;
};

// Side's buffers after out's, and the units in the file's order: side's code, name and key
// bytes after out's in out's pool, its status entries after out's with its keys renumbered as
// out's, and each block's units where its part says, block after block.
void merge(dj_bulk &out, dj_bulk &side, const std::vector<Part> &parts) {
  if (side.poolSize > out.poolCapacity - out.poolSize) throw Refused{};
  uint32_t poolBase = static_cast<uint32_t>(out.poolSize);
  std::memcpy(out.pool.get() + out.poolSize, side.pool.get(), side.poolSize);
  out.poolSize += side.poolSize;
  uint8_t renumbered[256];
  bool same = true;
  for (size_t key = 0; key < side.keyOffsets.size(); ++key) {
    std::string_view text(reinterpret_cast<const char *>(out.pool.get()) + poolBase + side.keyOffsets[key],
                          side.keyLengths[key]);
    size_t found = 0;
    while (found < out.keyOffsets.size() &&
           std::string_view(reinterpret_cast<const char *>(out.pool.get()) + out.keyOffsets[found],
                            out.keyLengths[found]) != text)
      ++found;
    if (found == out.keyOffsets.size()) {
      if (found == 255) throw Refused{};
      out.keyOffsets.push_back(poolBase + side.keyOffsets[key]);
      out.keyLengths.push_back(side.keyLengths[key]);
    }
    renumbered[key] = static_cast<uint8_t>(found);
    same = same && found == key;
  }
  uint32_t statusBase = static_cast<uint32_t>(out.statusWords.size());
  out.statusWords.insert(out.statusWords.end(), side.statusWords.begin(), side.statusWords.end());
  if (same) {
    out.statusKeys.insert(out.statusKeys.end(), side.statusKeys.begin(), side.statusKeys.end());
  } else {
    for (uint8_t key : side.statusKeys) out.statusKeys.push_back(renumbered[key]);
  }
  std::vector<dj_bulk_unit> units;
  units.reserve(out.units.size() + side.units.size() + 1);
  for (const Part &part : parts) {
    const dj_bulk_unit *from = (part.reader == 0 ? out.units.data() : side.units.data()) + part.first;
    for (uint32_t index = 0; index < part.count; ++index) {
      dj_bulk_unit unit = from[index];
      if (part.reader != 0) {
        unit.code_offset += poolBase;
        unit.name_offset += poolBase;
        unit.status_first += statusBase;
      }
      units.push_back(unit);
    }
    out.blockStarts.push_back(static_cast<uint32_t>(units.size()));
  }
  out.units.swap(units);
}

// Every units array of the text, and the skeleton: the text with each array replaced by `[k]`.
// The skeleton is taken as the window moves on, so text without units arrays never needs a
// larger window. Alone (`side` NULL), each array is parsed as soon as it is found. With `side`,
// on two threads: the window holds a batch of at least two whole arrays (growing for it to about
// the two longest, never the file), both threads take the batch's arrays in turn, each reader
// into its own buffers, and merge() puts the blocks back in the file's order; the result is the
// same as alone.
void walk(Window &in, size_t from, dj_bulk &out, dj_bulk *side) {
  UnitsReader first(out);
  std::unique_ptr<UnitsReader> second(side != nullptr ? new UnitsReader(*side) : nullptr);
  std::vector<Pending> batch;
  std::vector<Part> parts;
  Crew crew;  // declared last: joined before the readers go
  size_t copied = from;  // the text up to here is in the skeleton already (offsets in the text)
  auto take = [&](size_t upTo) {
    out.skeleton.insert(out.skeleton.end(), in.text + (copied - in.base), in.text + (upTo - in.base));
    copied = upTo;
  };
  auto parse = [&] {
    size_t begin = parts.size();
    parts.resize(begin + batch.size());
    std::atomic<size_t> next{0};
    std::atomic<bool> refused{false};
    std::function<void(int)> job = [&](int thread) {
      UnitsReader &reader = thread == 0 ? first : *second;
      try {
        for (size_t index; !refused.load(std::memory_order_relaxed) && (index = next++) < batch.size();) {
          size_t at = batch[index].open - in.base;
          size_t before = reader.unitCount();
          reader.span(in.text + at, batch[index].size, in.readable - at);
          parts[begin + index] = {static_cast<uint32_t>(before), static_cast<uint32_t>(reader.unitCount() - before),
                                  static_cast<uint8_t>(thread)};
        }
      } catch (...) {
        refused = true;
      }
    };
    if (second && batch.size() > 1) {
      crew.run(job);
    } else {
      job(0);
    }
    batch.clear();
    if (refused) throw Refused{};
  };
  // More text: a batch is parsed first, unless two threads still wait for its second array.
  auto more = [&] {
    if (batch.size() > 1) parse();
    in.more(batch.empty() ? copied : batch.front().open);
  };
  while (true) {
    Found found = nextUnits(in.text, copied - in.base, in.size, in.complete);
    if (found.open == noSpan) {
      take(in.base + found.resume);
      if (in.complete) break;
      more();
      continue;
    }
    size_t open = in.base + found.open;
    size_t end = spanEnd(in.text, open - in.base, in.size);
    if (end == noSpan) {
      if (in.complete) throw Refused{};
      more();
      continue;
    }
    take(open);
    std::string marker = "[" + std::to_string(parts.size() + batch.size()) + "]";
    out.skeleton.insert(out.skeleton.end(), marker.begin(), marker.end());
    size_t size = in.base + end - open;
    if (size > out.view.largest_span) out.view.largest_span = size;
    batch.push_back({open, size});
    copied = open + size;
    if (!second) parse();
  }
  if (!batch.empty()) parse();
  if (side != nullptr) {
    merge(out, *side, parts);
  } else {
    for (const Part &part : parts) out.blockStarts.push_back(part.first + part.count);
  }
}

bool kernelRuns() {
  const std::string name = get_active_implementation()->name();
  return name == "haswell" || name == "icelake";
}

// The buffers of a walk, reserved for a text of `size` bytes but not touched: no buffer grows by
// copying, and the pages it does not use cost no memory.
void reserve(dj_bulk &out, size_t size) {
  // A status entry takes at least 8 bytes (`"k":"red"`), a unit at least 48.
  out.statusKeys.reserve(size / 8 + 1);
  out.statusWords.reserve(size / 8 + 1);
  out.units.reserve(size / 48 + 1);
  out.poolCapacity = size + 1;
  out.pool.reset(new uint8_t[out.poolCapacity + 32]);
}

// Whether a second core is likely free: two cores or more, and a 1-minute load average below
// the cores less one half. On a busy machine the second thread only waits for a core, and costs
// CPU time and page faults of its own (about +15% CPU time and +740 faults at 10×, measured on
// 1 December 2026 at a load of 2 on 2 cores), so the walk stays on one.
// The Swift side (reading the blocks into the model on two threads) asks the same question here.
extern "C" int dj_core_is_free(void) {
  unsigned cores = std::thread::hardware_concurrency();
  double load[1];
  return cores >= 2 && getloadavg(load, 1) == 1 && load[0] < cores - 0.5;
}

// Texts from this size up are walked on two threads (when asked for "automatic"): below it, a
// load takes a few milliseconds and the thread would cost more than it saves.
constexpr size_t twoThreadsFrom = 1 << 20;

// Walks the text `open` gives (a Window) into a new dj_bulk, or NULL for anything refused.
// `size` is the text's, or the file's from fstat. `threads`: 1 or 2, or 0 for two from
// `twoThreadsFrom` bytes on when a core is free (`dj_core_is_free`).
template <typename Open>
dj_bulk *bulk(size_t size, int threads, Open open) {
  static const bool runs = kernelRuns();
  if (!runs || size > 0xFFFFFFF0u) return nullptr;
  bool two = threads == 2 || (threads == 0 && size >= twoThreadsFrom && dj_core_is_free());
  dj_bulk *out = nullptr;
  try {
    out = new dj_bulk();
    out->blockStarts.push_back(0);
    out->skeleton.reserve(64 << 10);
    reserve(*out, size);
    std::unique_ptr<dj_bulk> side;
    if (two) {
      side.reset(new dj_bulk());
      reserve(*side, size);
    }
    open(*out, side.get());
    side.reset();
    out->skeleton.insert(out->skeleton.end(), SIMDJSON_PADDING, '\0');
    out->skeleton.shrink_to_fit();
    // Room for one item in every buffer, so that none of the view's pointers is NULL.
    out->units.reserve(1);
    out->statusKeys.reserve(1);
    out->statusWords.reserve(1);
    out->keyOffsets.reserve(1);
    out->keyLengths.reserve(1);
    auto &view = out->view;
    view.skeleton = out->skeleton.data();
    view.skeleton_length = out->skeleton.size() - SIMDJSON_PADDING;
    view.block_starts = out->blockStarts.data();
    view.block_count = out->blockStarts.size() - 1;
    view.units = out->units.data();
    view.unit_count = out->units.size();
    view.status_keys = out->statusKeys.data();
    view.status_words = out->statusWords.data();
    view.pool = out->pool.get();
    view.key_offsets = out->keyOffsets.data();
    view.key_lengths = out->keyLengths.data();
    view.key_count = out->keyOffsets.size();
    return out;
  } catch (...) {
    // Refused, simdjson_error, bad_alloc, system_error (no thread): the precise path reads the file.
    delete out;
    return nullptr;
  }
}

}  // namespace
#endif

extern "C" dj_bulk *dj_bulk_parse(const char *data, size_t length, size_t readable, int threads) {
#if DJ_BULK_HASWELL
  bool padded = readable >= length && readable - length >= SIMDJSON_PADDING;
  return bulk(length, threads, [&](dj_bulk &out, dj_bulk *side) {
    Window input(data, length, padded ? readable : length);
    walk(input, 0, out, side);
  });
#else
  (void)data;
  (void)length;
  (void)readable;
  (void)threads;
  return nullptr;
#endif
}

extern "C" dj_bulk *dj_bulk_read(int descriptor, size_t size, size_t limit, int threads) {
#if DJ_BULK_HASWELL
  return bulk(size, threads, [&](dj_bulk &out, dj_bulk *side) {
    // Two threads want several arrays in the window at once, so that neither waits long for the
    // other at the end of a batch: the whole file up to 4 MiB, else a quarter of it, at most 16 MiB.
    size_t window = side == nullptr          ? size_t(1) << 20
                    : size <= (size_t(4) << 20) ? std::max<size_t>(size, size_t(1) << 20)
                                              : std::min<size_t>(size / 4, size_t(16) << 20);
    Window input(descriptor, limit < 0xFFFFFFF0u ? limit : 0xFFFFFFF0u, window);
    // An empty file, and one that is only a byte-order mark, are the precise path's to name.
    bool mark = input.size >= 3 && std::memcmp(input.text, "\xEF\xBB\xBF", 3) == 0;
    if (input.size == (mark ? 3 : 0)) throw Refused{};
    walk(input, mark ? 3 : 0, out, side);
  });
#else
  (void)descriptor;
  (void)size;
  (void)limit;
  (void)threads;
  return nullptr;
#endif
}

extern "C" const dj_bulk_view *dj_bulk_get(const dj_bulk *bulk) { return &bulk->view; }
extern "C" void dj_bulk_free(dj_bulk *bulk) { delete bulk; }

#if DJ_BULK_HASWELL
#pragma clang attribute pop
#pragma clang diagnostic pop
#endif
