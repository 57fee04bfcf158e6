#pragma once

#include <QLoggingCategory>

namespace Hubshelf::Models {
Q_DECLARE_LOGGING_CATEGORY(lcModels)
} // namespace Hubshelf::Models
