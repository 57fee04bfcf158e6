#pragma once

#include <QLoggingCategory>

namespace Hubshelf::Images {
Q_DECLARE_LOGGING_CATEGORY(lcImages)
} // namespace Hubshelf::Images
