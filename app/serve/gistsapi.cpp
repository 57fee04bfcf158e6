#include "serve/gistsapi.h"

#include "github/client.h"
#include "github/names.h"
#include "github/pagestream.h"
#include "serve/errorresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace Hubshelf::Serve {

namespace {

HttpResponse json(const QByteArray &body)
{
    HttpResponse response;
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    response.body = body;
    return response;
}

// A positive number no larger than `max`, or 0.
int boundedNumber(const QString &text, int max)
{
    bool ok = false;
    const int number = text.toInt(&ok);
    return ok && number >= 1 && number <= max ? number : 0;
}

} // namespace

GistsApi::GistsApi(GitHub::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void GistsApi::handle(const HttpRequest &request, const HttpServer::Respond &respond)
{
    if (request.method != "GET" && request.method != "HEAD") {
        HttpResponse refused = HttpResponse::error(405, u"only GET and HEAD are served"_s);
        refused.setHeader("Allow", "GET, HEAD");
        respond(refused);
        return;
    }
    const QUrl target = QUrl::fromEncoded(request.target);
    const QString path = target.path(QUrl::FullyDecoded);
    if (path == u"/healthz"_s) {
        respond(json(R"({"status":"ok"})"));
        return;
    }
    const QString user = path.mid(1);
    if (!GitHub::isValidLogin(user)) {
        respond(HttpResponse::error(400, u"'%1' is not a valid GitHub login"_s.arg(user.left(100))));
        return;
    }
    const QUrlQuery query(target);
    GitHub::RequestOptions options;
    options.authorization = request.header("authorization");
    options.waitForRateLimit = false;
    options.expectList = true;
    const QString encodedPath = u"/users/%1/gists"_s.arg(user); // a valid login needs no encoding

    if (query.hasQueryItem(u"page"_s) || query.hasQueryItem(u"per_page"_s)) {
        const int page =
            query.hasQueryItem(u"page"_s) ? boundedNumber(query.queryItemValue(u"page"_s), 100000) : 1;
        const int perPage =
            query.hasQueryItem(u"per_page"_s) ? boundedNumber(query.queryItemValue(u"per_page"_s), 100) : 30;
        if (page == 0 || perPage == 0) {
            respond(HttpResponse::error(400, u"page takes a number from 1, per_page one from 1 to 100"_s));
            return;
        }
        QUrlQuery pageQuery;
        pageQuery.addQueryItem(u"per_page"_s, QString::number(perPage));
        pageQuery.addQueryItem(u"page"_s, QString::number(page));
        GitHub::Request *one = m_client->get(m_client->endpoint(encodedPath, pageQuery), options);
        connect(one, &GitHub::Request::succeeded, this,
                [respond](const GitHub::Response &response) { respond(json(response.body)); });
        connect(one, &GitHub::Request::failed, this,
                [respond, user](const GitHub::Error &error) { respond(errorResponseFor(error, user)); });
        return;
    }

    auto *stream = new GitHub::PageStream(m_client, m_client->endpoint(encodedPath), this);
    stream->setRequestOptions(options);
    auto gists = std::make_shared<QJsonArray>();
    connect(stream, &GitHub::PageStream::pageArrived, this, [gists](int, const QJsonArray &items) {
        for (const QJsonValue &item : items) {
            gists->append(item);
        }
    });
    connect(stream, &GitHub::PageStream::finished, this, [stream, gists, respond] {
        respond(json(QJsonDocument(*gists).toJson(QJsonDocument::Compact)));
        stream->deleteLater();
    });
    connect(stream, &GitHub::PageStream::failed, this, [stream, respond, user](const GitHub::Error &error) {
        respond(errorResponseFor(error, user));
        stream->deleteLater();
    });
    stream->start();
}

} // namespace Hubshelf::Serve
