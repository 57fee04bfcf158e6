#pragma once

#include "serve/httpserver.h"

#include <QObject>

namespace Hubshelf::GitHub {
class Client;
}

namespace Hubshelf::Serve {

// GET /monthly_new_contributors/<USER>: the JSON array `hubshelf insights contributors USER
// --format json` prints ({"month", "new_contributors", "total_contributors"} per month), as the
// requester's Authorization (or anonymous), through the same cache. An invalid name is a 400 that
// never reaches GitHub, an unknown one a 404. When GitHub was still computing some repositories'
// statistics after the last try, the answer is still 200, with
// `Hubshelf-Incomplete: N repositories left out`.
class InsightsRoute final : public QObject
{
    Q_OBJECT

public:
    static constexpr QLatin1StringView Prefix{"/monthly_new_contributors/"};

    explicit InsightsRoute(GitHub::Client *client, QObject *parent = nullptr);

    // Whether a request is this route's.
    static bool matches(const HttpRequest &request);
    void handle(const HttpRequest &request, const HttpServer::Respond &respond);

private:
    GitHub::Client *m_client;
};

} // namespace Hubshelf::Serve
