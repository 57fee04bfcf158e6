#include "highlight/logging.h"

namespace Hubshelf::Highlight {
Q_LOGGING_CATEGORY(lcHighlight, "hubshelf.highlight", QtInfoMsg)
} // namespace Hubshelf::Highlight
