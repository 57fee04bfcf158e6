#include "serve/errorresponse.h"

using namespace Qt::StringLiterals;

namespace Hubshelf::Serve {

HttpResponse errorResponseFor(const GitHub::Error &error, const QString &login)
{
    switch (error.kind) {
    case GitHub::Error::Kind::NotFound:
        return HttpResponse::error(404, u"no GitHub user '%1'"_s.arg(login));
    case GitHub::Error::Kind::RateLimited:
    case GitHub::Error::Kind::SecondaryRateLimited:
        return HttpResponse::error(429, error.message());
    case GitHub::Error::Kind::Unauthorized:
        return HttpResponse::error(401, error.message());
    default:
        return HttpResponse::error(502, error.message());
    }
}

} // namespace Hubshelf::Serve
