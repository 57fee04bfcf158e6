#include "models/logging.h"

namespace Hubshelf::Models {
Q_LOGGING_CATEGORY(lcModels, "hubshelf.models", QtInfoMsg)
} // namespace Hubshelf::Models
