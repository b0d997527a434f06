// digitrack-floor FILE: the parse-and-walk floor that `digitrack-tui bench` compares against.
//
// Parses a DigiTrack data file with simdjson's On-Demand API, walks every snapshot and report,
// reads every provincial and commune status as a string and counts them by their first letter,
// then prints "statuses S units U kernel K". It checks nothing else: it is the least work any
// loader of this format must do, not a loader. On-Demand in simdjson 3.0.1 runs the kernel the
// compiler was told about (its "builtin" implementation), so this target is built with
// -march=native and prints the kernel it was compiled for.
#include <simdjson.h>

#include <cstdio>
#include <string_view>

using namespace simdjson;

// The kernel On-Demand was compiled for. builtin_implementation()->name() says "fallback" in
// 3.0.1 whatever was compiled in, so the macro is spelled out instead.
#define KERNEL_NAME_(name) #name
#define KERNEL_NAME(name) KERNEL_NAME_(name)

namespace {

// A member's key as a string_view (throws on a malformed document, like every read here).
template <typename Field>
std::string_view key(Field &field) {
  return field.unescaped_key();
}

struct Counts {
  size_t statuses = 0;
  size_t units = 0;
  size_t byLetter[256] = {};
};

void countStatuses(ondemand::object statuses, Counts &counts) {
  for (auto field : statuses) {
    std::string_view word = field.value().get_string();
    counts.statuses += 1;
    counts.byLetter[word.empty() ? 0 : static_cast<unsigned char>(word[0])] += 1;
  }
}

void walkReport(ondemand::object report, Counts &counts) {
  for (auto field : report) {
    std::string_view name = key(field);
    if (name == "provincial") {
      for (auto part : field.value().get_object()) {
        if (key(part) == "statuses") countStatuses(part.value().get_object(), counts);
      }
    } else if (name == "communes") {
      for (auto part : field.value().get_object()) {
        if (key(part) != "units") continue;
        for (auto unit : part.value().get_array()) {
          counts.units += 1;
          for (auto member : unit.get_object()) {
            if (key(member) == "statuses") countStatuses(member.value().get_object(), counts);
          }
        }
      }
    }
  }
}

}  // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: digitrack-floor FILE\n");
    return 2;
  }
  Counts counts;
  try {
    padded_string json = padded_string::load(argv[1]);
    ondemand::parser parser;
    ondemand::document document = parser.iterate(json);
    for (auto field : document.get_object()) {
      if (key(field) != "snapshots") continue;
      for (auto snapshot : field.value().get_array()) {
        for (auto part : snapshot.get_object()) {
          if (key(part) != "reports") continue;
          for (auto report : part.value().get_array()) walkReport(report.get_object(), counts);
        }
      }
    }
  } catch (const simdjson_error &error) {
    std::fprintf(stderr, "digitrack-floor: %s: %s\n", argv[1], error.what());
    return 1;
  }
  std::printf("statuses %zu units %zu kernel %s\n", counts.statuses, counts.units,
              KERNEL_NAME(SIMDJSON_BUILTIN_IMPLEMENTATION));
  return counts.statuses > 0 ? 0 : 1;
}
