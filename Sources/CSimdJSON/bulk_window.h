// The text bulk_units.cpp walks, as a window over a file (or all of it, already in memory).
//
// Included by bulk_units.cpp only, after bulk_spans.h, inside its haswell target region; the class
// is in an anonymous namespace, so none of its members is a weak symbol another file could share.
#ifndef CSIMDJSON_BULK_WINDOW_H
#define CSIMDJSON_BULK_WINDOW_H

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <vector>

#include <unistd.h>

#include <simdjson.h>

namespace {

// The text the walk reads: all of it in memory already, or a window over a file that `more`
// moves forward, so that only the part being walked (at most about twice the longest units
// array) is ever in memory, in one buffer reused from window to window.
class Window {
 public:
  // Text in memory; `readable` bytes may be read at `text`.
  Window(const char *text, size_t length, size_t readable) : text(text), size(length), readable(readable) {}

  // A file, read up to `limit` bytes (more is refused: the precise path says the file is too large),
  // `initial` bytes at first.
  Window(int descriptor, size_t limit, size_t initial = 1 << 20)
      : complete(false), descriptor(descriptor), limit(limit) {
    buffer.resize(initial + simdjson::SIMDJSON_PADDING);
    text = buffer.data();
    readable = buffer.size();
    more(0);
  }

  const char *text;   // the bytes [base, base + size) of the whole text
  size_t base = 0;
  size_t size = 0;
  size_t readable;    // bytes that may be read at `text` (simdjson's padding)
  bool complete = true;  // the window reaches the end of the text

  // Reads on, keeping the text from offset `keep` (at least `base`) on: the buffer is moved down,
  // or doubled when nothing before `keep` can go.
  void more(size_t keep) {
    if (complete) return;
    size_t kept = base + size - keep;
    if (keep > base) {
      std::memmove(buffer.data(), buffer.data() + (keep - base), kept);
      base = keep;
      size = kept;
    } else if (size + simdjson::SIMDJSON_PADDING == buffer.size()) {
      buffer.resize(2 * size + simdjson::SIMDJSON_PADDING);
    }
    size_t room = buffer.size() - simdjson::SIMDJSON_PADDING;
    while (size < room) {
      ssize_t got = ::read(descriptor, buffer.data() + size, room - size);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) throw Refused{};
      if (got == 0) {
        complete = true;
        break;
      }
      size += static_cast<size_t>(got);
      if (base + size > limit) throw Refused{};
    }
    text = buffer.data();
    readable = buffer.size();
  }

 private:
  int descriptor = -1;
  size_t limit = 0;
  std::vector<char> buffer;
};

}  // namespace

#endif
