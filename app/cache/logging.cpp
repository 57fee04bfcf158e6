#include "cache/logging.h"

namespace Hubshelf::Cache {
Q_LOGGING_CATEGORY(lcCache, "hubshelf.cache", QtInfoMsg)
} // namespace Hubshelf::Cache
