#pragma once

#include <QLoggingCategory>

namespace Hubshelf::Export {
Q_DECLARE_LOGGING_CATEGORY(lcExport)
} // namespace Hubshelf::Export
