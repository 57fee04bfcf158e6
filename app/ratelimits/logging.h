#pragma once

#include <QLoggingCategory>

namespace Hubshelf::RateLimits {
Q_DECLARE_LOGGING_CATEGORY(lcRateLimits)
} // namespace Hubshelf::RateLimits
