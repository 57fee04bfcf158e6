#include "core/clock.h"

namespace Hubshelf::Core {

QDateTime systemNow()
{
    return QDateTime::currentDateTimeUtc();
}

Clock systemClock()
{
    return &systemNow;
}

Clock orSystem(Clock clock)
{
    return clock ? std::move(clock) : systemClock();
}

} // namespace Hubshelf::Core
