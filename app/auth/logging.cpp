#include "auth/logging.h"

namespace Hubshelf::Auth {
Q_LOGGING_CATEGORY(lcAuth, "hubshelf.auth", QtInfoMsg)
} // namespace Hubshelf::Auth
