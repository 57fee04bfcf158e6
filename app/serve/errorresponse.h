#pragma once

#include "github/error.h"
#include "serve/httpresponse.h"

namespace Hubshelf::Serve {

// GitHub's failure for a request about `login`, as an HTTP answer with a JSON message: 404 for an
// unknown user, 429 for a spent limit, 401 for a refused token, 502 for the rest.
HttpResponse errorResponseFor(const GitHub::Error &error, const QString &login);

} // namespace Hubshelf::Serve
