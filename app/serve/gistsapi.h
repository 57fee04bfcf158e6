#pragma once

#include "serve/httpserver.h"

#include <QObject>

namespace Hubshelf::GitHub {
class Client;
}

namespace Hubshelf::Serve {

// The gists API (`hubshelf serve --gists-api`), kept to its contract: GET /<USER> answers the
// JSON array of every public gist of that user, all pages joined in GitHub's order, GitHub's
// objects as they are; ?page=N&per_page=M answers that page only. Through the same cache, so a
// second request costs nothing. An unknown user is a 404, an invalid name a 400 that never
// reaches GitHub; /healthz is 200. Requests go as the requester's Authorization, or anonymous.
class GistsApi final : public QObject
{
    Q_OBJECT

public:
    explicit GistsApi(GitHub::Client *client, QObject *parent = nullptr);

    void handle(const HttpRequest &request, const HttpServer::Respond &respond);

private:
    GitHub::Client *m_client;
};

} // namespace Hubshelf::Serve
