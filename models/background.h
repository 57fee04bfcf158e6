#pragma once

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Hubshelf::Models {

// What a free leaves in glibc's malloc arenas stays in the process: pages are parsed on pool
// threads, each with an arena of its own, and their freed blocks kept a list of 100,000 rows ~50 MB
// above what it needs. malloc_trim hands them back to the system.
inline void returnFreedMemory()
{
#if defined(__GLIBC__)
    (void)malloc_trim(0);
#endif
}

// returnFreedMemory() in Qt's thread pool once lists have been quiet for `QuietMs`: armed when a
// list's last page has come (its parses, and the list before it, are freed by then), and pushed
// back by every page of any list. Never while pages come in: a trim holds each arena's lock while it
// walks it (~90 ms for the arena a list of 100,000 rows was freed from), and the window allocates
// the next list's rows meanwhile.
class FreedMemoryReturn final
{
public:
    static constexpr int QuietMs = 2000;
    static void arm();
    static void postpone(); // an armed return waits another QuietMs
    static bool isArmed();
};

// Frees `value` in Qt's thread pool: the rows of 100,000 pull requests (their strings and variants,
// or the filter's index of them) take ~100 ms of the GUI thread to free when a list goes. Only for
// what nothing on this thread can reach any more; Qt's implicitly shared data counts its references
// atomically, so a string still shared elsewhere stays.
template <typename T>
void freeInBackground(T &&value)
{
    (void)QtConcurrent::run([gone = std::forward<T>(value)] { (void)gone; });
}

// Runs `step` on this thread at every turn of its event loop, a few milliseconds' worth of steps
// per turn together with the others waiting, until it answers true (done).
void inTurns(std::function<bool()> step);

// Frees `values` on this thread, a slice at a time, in turns of the event loop. For what this
// thread allocated in bulk: the rows of a list of 100,000 pull requests, freed in Qt's pool, held
// the malloc arena that this thread paints from, and the first paint of the next list waited
// 40 ms for its lock.
template <typename T>
void freeInTurns(std::vector<T> &&values)
{
    if (values.empty()) {
        return;
    }
    inTurns([going = std::make_shared<std::vector<T>>(std::move(values))] {
        going->resize(going->size() - std::min<std::size_t>(512, going->size()));
        if (!going->empty()) {
            return false;
        }
        std::vector<T>().swap(*going); // and the array itself
        return true;
    });
}

} // namespace Hubshelf::Models
