#include "ratelimits/logging.h"

namespace Hubshelf::RateLimits {
Q_LOGGING_CATEGORY(lcRateLimits, "hubshelf.ratelimits", QtInfoMsg)
} // namespace Hubshelf::RateLimits
