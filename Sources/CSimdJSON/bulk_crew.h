// A second thread for bulk_units.cpp: the machine has two cores and the parse of the units
// arrays is the bulk of a load, so spans are parsed on both (issue 14, target 2).
//
// Included by bulk_units.cpp only, inside its haswell target region; the class is in an anonymous
// namespace, so none of its members is a weak symbol another file could share.
#ifndef CSIMDJSON_BULK_CREW_H
#define CSIMDJSON_BULK_CREW_H

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

namespace {

// One worker thread that runs a job beside the calling thread, batch after batch: `run(job)`
// calls job(0) on the caller and job(1) on the worker, and returns when both have returned. The
// job must not throw, and must leave nothing undone if job(1) never runs: on a busy machine the
// worker may not be scheduled before the caller has done the whole batch, and the caller then
// closes the batch instead of waiting for the worker to wake (the worker skips a closed batch).
// The worker is started by the first batch and joined by the destructor.
class Crew {
 public:
  Crew() = default;
  Crew(const Crew &) = delete;
  Crew &operator=(const Crew &) = delete;

  ~Crew() {
    if (!worker.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(mutex);
      stopping = true;
    }
    wake.notify_one();
    worker.join();
  }

  void run(const std::function<void(int)> &job) {
    if (!worker.joinable()) worker = std::thread([this] { serve(); });
    {
      std::lock_guard<std::mutex> lock(mutex);
      current = &job;
      posted += 1;
    }
    wake.notify_one();
    job(0);
    std::unique_lock<std::mutex> lock(mutex);
    if (begun != posted) {
      closed = posted;  // the worker has not begun it: it never will
    } else {
      finished.wait(lock, [this] { return done == posted; });
    }
    current = nullptr;
  }

 private:
  std::mutex mutex;
  std::condition_variable wake, finished;
  const std::function<void(int)> *current = nullptr;
  uint64_t posted = 0, begun = 0, done = 0, closed = 0;
  bool stopping = false;
  std::thread worker;

  void serve() {
    uint64_t seen = 0;
    while (true) {
      const std::function<void(int)> *job;
      {
        std::unique_lock<std::mutex> lock(mutex);
        wake.wait(lock, [&] { return stopping || posted != seen; });
        if (stopping) return;
        seen = posted;
        if (closed == seen) continue;
        begun = seen;
        job = current;
      }
      (*job)(1);
      {
        std::lock_guard<std::mutex> lock(mutex);
        done = seen;
      }
      finished.notify_one();
    }
  }
};

}  // namespace

#endif
