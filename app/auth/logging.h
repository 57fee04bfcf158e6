#pragma once

#include <QLoggingCategory>

namespace Hubshelf::Auth {
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
} // namespace Hubshelf::Auth
