#pragma once

class QThreadPool;

namespace Hubshelf::Highlight {

// The one thread that highlights, for every view and preview: Source-highlight's definitions are
// shared, and running them on one thread keeps the few parts of the library that are not safe to
// share (the counter of the states it makes as it goes) to that thread. Waited for as the
// application quits, before the library's own statics go.
QThreadPool *workers();

} // namespace Hubshelf::Highlight
