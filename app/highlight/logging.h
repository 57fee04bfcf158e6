#pragma once

#include <QLoggingCategory>

namespace Hubshelf::Highlight {
Q_DECLARE_LOGGING_CATEGORY(lcHighlight)
} // namespace Hubshelf::Highlight
