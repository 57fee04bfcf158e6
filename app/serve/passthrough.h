#pragma once

#include "serve/httpserver.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace Hubshelf::Serve {

// Requests other than GET and HEAD (a POST /markdown, a PATCH of an issue), sent to the API as
// they came and answered as the API answered: status, headers and body unchanged. Never cached and
// never retried, since a write may not be repeated; a redirect is handed back, not followed. The
// requester's Authorization goes to the API's own origin only, as for GETs.
class Passthrough final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 MaxAnswerBytes = 32 * 1024 * 1024;
    static constexpr int InactivityTimeoutMs = 30 * 1000;
    static constexpr int DeadlineMs = 120 * 1000;

    Passthrough(QNetworkAccessManager *network, QObject *parent = nullptr);

    // `upstream` is the request's target on the API (the caller checked its origin).
    void forward(const HttpRequest &request, const QUrl &apiBase, const QUrl &upstream,
                 const HttpServer::Respond &respond);

Q_SIGNALS:
    // "[POST] PASS URL STATUS", as the mirror logs its GETs.
    void logged(const QString &line);
    void answered(bool failed);

private:
    QNetworkAccessManager *m_network;
};

} // namespace Hubshelf::Serve
