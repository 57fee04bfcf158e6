#include "export/logging.h"

namespace Hubshelf::Export {
Q_LOGGING_CATEGORY(lcExport, "hubshelf.export", QtInfoMsg)
} // namespace Hubshelf::Export
