#pragma once

#include <QLoggingCategory>

namespace Hubshelf::Cache {
Q_DECLARE_LOGGING_CATEGORY(lcCache)
} // namespace Hubshelf::Cache
