#include "images/logging.h"

namespace Hubshelf::Images {
Q_LOGGING_CATEGORY(lcImages, "hubshelf.images", QtInfoMsg)
} // namespace Hubshelf::Images
