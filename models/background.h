#pragma once

#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace Hubshelf::Models {

// Frees `value` in Qt's thread pool: the rows of 100,000 pull requests (their strings and variants,
// or the filter's index of them) take ~100 ms of the GUI thread to free when a list goes. Only for
// what nothing on this thread can reach any more; Qt's implicitly shared data counts its references
// atomically, so a string still shared elsewhere stays.
template <typename T>
void freeInBackground(T &&value)
{
    (void)QtConcurrent::run([gone = std::forward<T>(value)] { (void)gone; });
}

} // namespace Hubshelf::Models
