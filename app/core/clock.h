#pragma once

#include <QDateTime>

#include <functional>

namespace Hubshelf::Core {

// What time it is. A plain function, so that a test hands over a lambda reading its own variable
// and moves time on without waiting; classes that keep a Clock take it in a setter, and an empty
// Clock stands for the system's.
using Clock = std::function<QDateTime()>;

// The system clock, in UTC.
QDateTime systemNow();
Clock systemClock();

// `clock`, or the system clock when it is empty.
Clock orSystem(Clock clock);

} // namespace Hubshelf::Core
