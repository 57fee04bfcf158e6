#include "serve/passthrough.h"

#include "github/apiorigin.h"
#include "github/replyverdict.h"
#include "serve/httpresponse.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <array>

using namespace Qt::StringLiterals;

namespace Hubshelf::Serve {

namespace {

// What a write needs upstream; hop-by-hop and framing headers are the two connections' own.
constexpr std::array ForwardedRequestHeaders{"accept",   "authorization",        "content-type", "user-agent",
                                             "if-match", "x-github-api-version", "x-github-otp"};

bool isForwardedAnswerHeader(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    // Qt has already undone the content encoding and the chunking; wire() writes the length.
    return lower != "connection" && lower != "keep-alive" && lower != "transfer-encoding" &&
           lower != "content-length" && lower != "content-encoding" && lower != "te" && lower != "trailer" &&
           lower != "upgrade" && !lower.startsWith("proxy-");
}

} // namespace

Passthrough::Passthrough(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

void Passthrough::forward(const HttpRequest &request, const QUrl &apiBase, const QUrl &upstream,
                          const HttpServer::Respond &respond)
{
    QNetworkRequest networkRequest(upstream);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setTransferTimeout(InactivityTimeoutMs);
    const bool mayCarryToken = GitHub::ApiOrigin(apiBase).mayCarryToken(upstream);
    for (const char *name : ForwardedRequestHeaders) {
        const QByteArray value = request.header(name);
        if (!value.isEmpty() && (mayCarryToken || qstrcmp(name, "authorization") != 0)) {
            networkRequest.setRawHeader(name, value);
        }
    }
    if (networkRequest.rawHeader("User-Agent").isEmpty()) {
        networkRequest.setRawHeader("User-Agent", "Hubshelf-serve"); // GitHub refuses requests without one
    }
    QNetworkReply *reply = m_network->sendCustomRequest(networkRequest, request.method, request.body);
    GitHub::armTransferDeadline(reply, DeadlineMs);
    GitHub::abortOnRefusedHeaders(reply);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > MaxAnswerBytes) {
            reply->abort();
        }
    });
    const QString method = QString::fromLatin1(request.method);
    connect(reply, &QNetworkReply::finished, this, [this, reply, respond, method] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0 || GitHub::isTransportError(reply->error()) ||
            reply->bytesAvailable() > MaxAnswerBytes) {
            respond(HttpResponse::error(
                502, u"the API's answer could not be passed on: %1"_s.arg(reply->errorString())));
            Q_EMIT logged(u"[%1] PASS %2 502"_s.arg(method, reply->url().toString()));
            Q_EMIT answered(true);
            return;
        }
        HttpResponse out;
        out.status = status;
        for (const auto &[name, value] : reply->rawHeaderPairs()) {
            if (isForwardedAnswerHeader(name)) {
                out.headers.append({name, value});
            }
        }
        out.body = reply->readAll();
        respond(out);
        Q_EMIT logged(u"[%1] PASS %2 %3"_s.arg(method, reply->url().toString(), QString::number(status)));
        Q_EMIT answered(false);
    });
}

} // namespace Hubshelf::Serve
