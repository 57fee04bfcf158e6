#include "fakegithub.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <memory>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace FakeGitHub {

namespace {

constexpr int StallMilliseconds = 120 * 1000;

const QByteArray DocumentationUrl = "https://docs.github.com/rest";
const QByteArray RateLimitDocumentation =
    "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";

QByteArray defaultMessage(int status)
{
    switch (status) {
    case 401:
        return "Bad credentials";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 422:
        return "Validation Failed";
    case 429:
        return "Too Many Requests";
    case 502:
        return "Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return reasonPhrase(status);
    }
}

// A TCP reset rather than a clean close: linger with a zero timeout, then close.
void resetConnection(QTcpSocket *socket)
{
    const linger option{1, 0};
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &option, sizeof option);
    socket->abort();
}

// The body one byte at a time, `interval` apart, until it is sent or the client hangs up.
void trickle(QTcpSocket *socket, const QByteArray &body, int interval)
{
    auto *timer = new QTimer(socket);
    auto sent = std::make_shared<qsizetype>(0);
    QObject::connect(timer, &QTimer::timeout, socket, [socket, body, timer, sent] {
        if (*sent >= body.size() || socket->state() != QAbstractSocket::ConnectedState) {
            timer->stop();
            return;
        }
        socket->write(body.mid((*sent)++, 1));
        socket->flush();
    });
    timer->start(interval);
}

bool etagMatches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    const auto opaque = [](QByteArray tag) {
        tag = tag.trimmed();
        if (tag.startsWith("W/")) {
            tag.remove(0, 2);
        }
        return tag;
    };
    const QByteArray wanted = opaque(etag);
    for (const QByteArray &candidate : ifNoneMatch.split(',')) {
        if (candidate.trimmed() == "*" || opaque(candidate) == wanted) {
            return true;
        }
    }
    return false;
}

// Indents valid JSON as GitHub does for curl and browsers, keeping the order of keys: QJsonDocument
// would sort them, and a repository's languages are listed largest first.
QByteArray indentedJson(const QByteArray &json)
{
    QByteArray out;
    int depth = 0;
    const auto newLine = [&out, &depth] { out += '\n' + QByteArray(depth * 4, ' '); };
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '"') {
            const qsizetype start = i;
            for (++i; i < json.size() && json.at(i) != '"'; ++i) {
                i += json.at(i) == '\\' ? 1 : 0;
            }
            out += json.mid(start, i - start + 1);
        } else if (c == '{' || c == '[') {
            qsizetype next = i + 1;
            while (next < json.size() && isSpace(json.at(next))) {
                ++next;
            }
            out += c;
            if (next < json.size() && (json.at(next) == '}' || json.at(next) == ']')) {
                out += json.at(next);
                i = next;
            } else {
                ++depth;
                newLine();
            }
        } else if (c == '}' || c == ']') {
            --depth;
            newLine();
            out += c;
        } else if (c == ',') {
            out += c;
            newLine();
        } else if (c == ':') {
            out += ": ";
        } else if (!isSpace(c)) {
            out += c;
        }
    }
    return out + '\n';
}

} // namespace

Fault Fault::withStatus(int status, const QByteArray &message, int retryAfterSeconds)
{
    Fault fault;
    fault.status = status;
    fault.retryAfterSeconds = retryAfterSeconds;
    fault.message = message;
    return fault;
}

Fault Fault::redirect(int status, const QUrl &location)
{
    Fault fault = withStatus(status, reasonPhrase(status));
    fault.location = location.toEncoded();
    return fault;
}

Fault Fault::of(Kind kind)
{
    Fault fault;
    fault.kind = kind;
    return fault;
}

Fault Fault::withBody(const QByteArray &body)
{
    Fault fault = of(Kind::Body);
    fault.body = body;
    return fault;
}

Fault Fault::withLink(const QByteArray &link)
{
    Fault fault = of(Kind::Link);
    fault.link = link;
    return fault;
}

Fault Fault::raw(const QByteArray &bytes)
{
    Fault fault = of(Kind::Raw);
    fault.body = bytes;
    return fault;
}

QString Fault::name() const
{
    switch (kind) {
    case Kind::Status:
        return u"status %1"_s.arg(status);
    case Kind::ResetBeforeHeaders:
        return u"reset before headers"_s;
    case Kind::ResetMidBody:
        return u"reset mid-body"_s;
    case Kind::TruncatedBody:
        return u"truncated body"_s;
    case Kind::InvalidJson:
        return u"invalid JSON"_s;
    case Kind::Stall:
        return u"stall"_s;
    case Kind::Body:
        return u"body"_s;
    case Kind::Trickle:
        return u"trickle"_s;
    case Kind::Link:
        return u"link"_s;
    case Kind::Raw:
        return u"raw"_s;
    }
    return {};
}

struct Server::Private
{
    Hubshelf::Core::Clock clock = Hubshelf::Core::systemClock();
    QByteArray rateLimitResource = "core";
    qint64 now() const { return clock().toSecsSinceEpoch(); }

    struct Bucket
    {
        int used = 0;
        qint64 resetAt = 0;
    };
    struct ArmedFault
    {
        QString path;
        Fault fault;
        int remaining = 1;
    };
    struct Connection
    {
        QPointer<QTcpSocket> socket;
        Origin origin = Origin::Api;
        QByteArray buffer;
        HttpRequestParser parser;
        QList<HttpRequest> queue;
        bool awaiting = false; // a request has been taken and not yet answered
        LoggedRequest pending;
    };

    Server *q;
    World world;
    QTcpServer apiServer;
    QTcpServer contentServer;
    QHash<QTcpSocket *, Connection> connections;
    QHash<QByteArray, QString> tokens;
    QHash<QString, Bucket> userBuckets;
    QHash<QString, Bucket> addressBuckets;
    QList<ArmedFault> pathFaults;
    int nextFaultCount = 0;
    Fault nextFault;
    QList<LoggedRequest> log;
    QSet<QString> statisticsAskedFor; // repositories whose statistics are "computed"
    QString error;
    quint64 sequence = 0;
    int latencyMs = 0;
    int maxAge = 60;
    int authenticatedLimit = 5000;
    int anonymousLimit = 60;
    int windowSeconds = 3600;
    int secondaryLimit = 0;
    int secondaryRetryAfter = 60;
    int inFlight = 0;
    int maxInFlight = 0;

    explicit Private(Server *server, const QString &dataDir)
        : q(server)
        , world(dataDir)
    {
        tokens.insert(Tokens::Octocat, Names::Octocat);
        tokens.insert(Tokens::OctocatRotated, Names::Octocat);
        tokens.insert(Tokens::Monalisa, Names::Monalisa);
        tokens.insert(Tokens::Prolific, Names::ProlificUser);
    }

    void accept(QTcpServer *server, Origin origin)
    {
        while (QTcpSocket *socket = server->nextPendingConnection()) {
            Connection &connection = connections[socket];
            connection.socket = socket;
            connection.origin = origin;
            QObject::connect(socket, &QTcpSocket::readyRead, q, [this, socket] { read(socket); });
            QObject::connect(socket, &QTcpSocket::disconnected, q, [this, socket] { drop(socket); });
        }
    }

    void read(QTcpSocket *socket)
    {
        auto it = connections.find(socket);
        if (it == connections.end()) {
            return;
        }
        it->buffer += socket->readAll();
        for (;;) {
            HttpRequest request;
            const auto result = it->parser.parse(it->buffer, request);
            if (result == HttpRequestParser::Result::NeedMore) {
                break;
            }
            if (result == HttpRequestParser::Result::Malformed) {
                HttpResponse response;
                response.status = 400;
                response.body = "Bad Request";
                response.setHeader("Content-Length", QByteArray::number(response.body.size()));
                response.setHeader("Connection", "close");
                socket->write(response.head() + response.body);
                socket->disconnectFromHost();
                return;
            }
            it->queue.append(request);
        }
        startNext(socket);
    }

    void drop(QTcpSocket *socket)
    {
        const auto it = connections.find(socket);
        if (it != connections.end()) {
            if (it->awaiting) {
                finish(it->pending); // the client gave up: logged with status 0
            }
            connections.erase(it);
        }
        socket->deleteLater();
    }

    void startNext(QTcpSocket *socket)
    {
        auto it = connections.find(socket);
        if (it == connections.end() || it->awaiting || it->queue.isEmpty()) {
            return;
        }
        const HttpRequest request = it->queue.takeFirst();
        it->awaiting = true;
        ++inFlight;
        maxInFlight = std::max(maxInFlight, inFlight);
        const bool overSecondaryLimit = secondaryLimit > 0 && inFlight > secondaryLimit;

        LoggedRequest &entry = it->pending;
        entry = LoggedRequest{};
        entry.sequence = ++sequence;
        entry.origin = it->origin;
        entry.method = request.method;
        entry.target = request.target;
        entry.path = request.path();
        entry.host = request.header("host");
        entry.userAgent = request.header("user-agent");
        entry.accept = request.header("accept");
        entry.ifNoneMatch = request.header("if-none-match");
        entry.authorized = request.hasHeader("authorization");

        const QPointer<QTcpSocket> guarded(socket);
        QTimer::singleShot(latencyMs, q, [this, guarded, request, overSecondaryLimit] {
            if (guarded && connections.contains(guarded.data())) {
                respond(guarded.data(), request, overSecondaryLimit);
            }
        });
    }

    void finish(LoggedRequest entry)
    {
        --inFlight;
        log.append(entry);
        Q_EMIT q->requestLogged(entry);
    }

    static bool faultMatches(const QString &armedPath, const QString &path, const QUrlQuery &query)
    {
        const qsizetype question = armedPath.indexOf(u'?');
        const QString pattern = question < 0 ? armedPath : armedPath.left(question);
        if (pattern.endsWith(u'*') ? !path.startsWith(pattern.chopped(1)) : path != pattern) {
            return false;
        }
        const QList<QPair<QString, QString>> wanted =
            question < 0 ? QList<QPair<QString, QString>>()
                         : QUrlQuery(armedPath.mid(question + 1)).queryItems();
        return std::all_of(wanted.cbegin(), wanted.cend(), [&query](const QPair<QString, QString> &item) {
            return query.allQueryItemValues(item.first).contains(item.second);
        });
    }

    std::optional<Fault> takeFault(const QString &path, const QUrlQuery &query)
    {
        for (qsizetype i = 0; i < pathFaults.size(); ++i) {
            ArmedFault &armed = pathFaults[i];
            if (faultMatches(armed.path, path, query)) {
                const Fault fault = armed.fault;
                if (armed.remaining > 0 && --armed.remaining == 0) {
                    pathFaults.removeAt(i);
                }
                return fault;
            }
        }
        if (nextFaultCount > 0) {
            --nextFaultCount;
            return nextFault;
        }
        return std::nullopt;
    }

    Bucket &bucketFor(const QString &login, const QString &address)
    {
        Bucket &bucket = login.isEmpty() ? addressBuckets[address] : userBuckets[login];
        const qint64 now = this->now();
        if (bucket.resetAt <= now) {
            bucket = Bucket{0, now + windowSeconds};
        }
        return bucket;
    }

    void addRateLimitHeaders(HttpResponse &response, const Bucket &bucket, int limit) const
    {
        response.setHeader("x-ratelimit-limit", QByteArray::number(limit));
        response.setHeader("x-ratelimit-remaining", QByteArray::number(std::max(0, limit - bucket.used)));
        response.setHeader("x-ratelimit-reset", QByteArray::number(bucket.resetAt));
        response.setHeader("x-ratelimit-used", QByteArray::number(bucket.used));
        response.setHeader("x-ratelimit-resource", rateLimitResource);
    }

    QByteArray rewriteOrigins(QByteArray bytes) const
    {
        const QByteArray api = apiUrl().toString(QUrl::StripTrailingSlash).toUtf8();
        const QByteArray content = contentUrl().toString(QUrl::StripTrailingSlash).toUtf8();
        bytes.replace("https://api.github.com", api);
        bytes.replace("https://avatars.githubusercontent.com", content);
        bytes.replace("https://gist.githubusercontent.com", QByteArray(content + "/gistraw"));
        bytes.replace("https://gist.github.com", QByteArray(content + "/gist"));
        bytes.replace("https://github.com", content);
        return bytes;
    }

    QUrl apiUrl() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(apiServer.serverPort())); }
    QUrl contentUrl() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(contentServer.serverPort())); }

    QByteArray linkHeader(const HttpRequest &request, int page, int lastPage) const
    {
        const auto pageUrl = [&](int number) {
            QUrlQuery query = request.query();
            query.removeAllQueryItems(u"page"_s);
            query.addQueryItem(u"page"_s, QString::number(number));
            QUrl url = apiUrl();
            url.setPath(request.path());
            url.setQuery(query);
            return QByteArray("<" + url.toEncoded() + ">");
        };
        QList<QByteArray> links;
        if (page > 1) {
            links.append(pageUrl(std::min(page - 1, lastPage)) + "; rel=\"prev\"");
        }
        if (page < lastPage) {
            links.append(pageUrl(page + 1) + "; rel=\"next\"");
            links.append(pageUrl(lastPage) + "; rel=\"last\"");
        }
        if (page > 1) {
            links.append(pageUrl(1) + "; rel=\"first\"");
        }
        return links.join(", ");
    }

    HttpResponse errorResponse(int status, const QByteArray &message, const QByteArray &documentation) const
    {
        HttpResponse response;
        response.status = status;
        response.body = World::error(status, message, documentation).body;
        response.setHeader("Content-Type", "application/json; charset=utf-8");
        return response;
    }

    HttpResponse rateLimitBody(const Bucket &bucket, int limit) const
    {
        HttpResponse response;
        response.body = world.rateLimit(limit, bucket.used, bucket.resetAt);
        response.setHeader("Content-Type", "application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        return response;
    }

    // The answer of the API origin, before faults that change how it is delivered. Without `conditional`,
    // If-None-Match is ignored: a fault that damages the body must not be hidden behind a 304.
    HttpResponse answerApi(const HttpRequest &request, QTcpSocket *socket, LoggedRequest &entry,
                           bool overSecondaryLimit, bool conditional)
    {
        QString path = entry.path;
        if (path.startsWith(u"/api/v3/"_s)) { // GitHub Enterprise Server's prefix
            path = path.mid(7);
        }
        const QByteArray authorization = request.header("authorization");
        QString login;
        if (!authorization.isEmpty()) {
            const QList<QByteArray> parts = authorization.split(' ');
            const QByteArray scheme = parts.constFirst().toLower();
            if (parts.size() == 2 && (scheme == "bearer" || scheme == "token")) {
                login = tokens.value(parts.at(1));
            }
            if (login.isEmpty()) {
                return errorResponse(401, "Bad credentials", DocumentationUrl);
            }
        }
        entry.login = login;

        const int limit = login.isEmpty() ? anonymousLimit : authenticatedLimit;
        Bucket &bucket = bucketFor(login, socket->peerAddress().toString());
        if (path == u"/rate_limit"_s) { // free, and never cached
            HttpResponse response = rateLimitBody(bucket, limit);
            addRateLimitHeaders(response, bucket, limit);
            return response;
        }
        if (bucket.used >= limit) {
            const QByteArray who = login.isEmpty() ? socket->peerAddress().toString().toUtf8()
                                                   : "user ID " + QByteArray::number(qHash(login) % 100000);
            HttpResponse response = errorResponse(403, "API rate limit exceeded for " + who + '.',
                                                  RateLimitDocumentation + "#primary-rate-limit");
            addRateLimitHeaders(response, bucket, limit);
            return response;
        }
        if (overSecondaryLimit) {
            HttpResponse response = errorResponse(
                403,
                "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                RateLimitDocumentation + "#about-secondary-rate-limits");
            response.setHeader("retry-after", QByteArray::number(secondaryRetryAfter));
            addRateLimitHeaders(response, bucket, limit);
            return response;
        }

        Answer answer = request.method == "GET" || request.method == "HEAD"
                            ? world.api(path, request.query(), login)
                            : world.write(request.method, path, request.body, login);
        // GitHub starts computing a repository's statistics when they are first asked for and
        // answers 202 until they are ready; here they are ready for the next request.
        if (answer.status == 200 && !answer.statisticsOf.isEmpty() &&
            !statisticsAskedFor.contains(answer.statisticsOf)) {
            statisticsAskedFor.insert(answer.statisticsOf);
            answer = Answer{};
            answer.status = 202;
            answer.contentType.clear();
        }
        HttpResponse response;
        response.status = answer.status;
        response.body = rewriteOrigins(answer.body);
        if (!answer.contentType.isEmpty()) {
            response.setHeader("Content-Type", answer.contentType);
        }
        if (!answer.location.isEmpty()) {
            response.setHeader("Location", rewriteOrigins(answer.location));
        }
        if (answer.lastPage > 1) {
            response.setHeader("Link", linkHeader(request, answer.page, answer.lastPage));
        }
        if (answer.status == 200 && (request.method == "GET" || request.method == "HEAD")) {
            response.setHeader("Cache-Control", QByteArray(login.isEmpty() ? "public" : "private") +
                                                    ", max-age=" + QByteArray::number(maxAge) +
                                                    ", s-maxage=" + QByteArray::number(maxAge));
            response.setHeader("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding");
            const QByteArray etag =
                computeEtag(request.header("accept"), authorization, request.header("cookie"), response.body);
            response.setHeader("ETag", etag);
            if (conditional && etagMatches(entry.ifNoneMatch, etag)) {
                response.status = 304;
                response.body.clear();
                response.headers.removeIf([](const auto &header) { return header.first == "Content-Type"; });
            }
        }
        // A 304 is free only when the request was authorized.
        const bool spends = response.status != 304 || login.isEmpty();
        if (spends) {
            ++bucket.used;
            entry.spentPoint = true;
        }
        addRateLimitHeaders(response, bucket, limit);
        return response;
    }

    void respond(QTcpSocket *socket, const HttpRequest &request, bool overSecondaryLimit)
    {
        Connection &connection = connections[socket];
        LoggedRequest &entry = connection.pending;
        const std::optional<Fault> fault = takeFault(entry.path, request.query());
        if (fault) {
            entry.fault = fault->name();
        }
        if (fault && fault->kind == Fault::Kind::Stall) {
            const QPointer<QTcpSocket> guarded(socket);
            QTimer::singleShot(StallMilliseconds, q, [guarded] {
                if (guarded) {
                    guarded->abort();
                }
            });
            return; // answered by drop() when the client gives up
        }
        if (fault && fault->kind == Fault::Kind::ResetBeforeHeaders) {
            connection.awaiting = false;
            finish(entry);
            resetConnection(socket);
            return;
        }
        if (fault && fault->kind == Fault::Kind::Raw) {
            // Logged with the status its first line claims, if it is a status line at all.
            const QList<QByteArray> statusLine = fault->body.left(fault->body.indexOf('\n')).split(' ');
            if (statusLine.constFirst().startsWith("HTTP/1.") && statusLine.size() > 1) {
                entry.status = statusLine.at(1).trimmed().toInt();
            }
            connection.awaiting = false;
            finish(entry);
            socket->write(fault->body);
            socket->disconnectFromHost();
            return;
        }

        HttpResponse response;
        if (fault && fault->kind == Fault::Kind::Status) {
            response = errorResponse(
                fault->status, fault->message.isEmpty() ? defaultMessage(fault->status) : fault->message,
                DocumentationUrl);
            if (fault->retryAfterSeconds >= 0) {
                response.setHeader("retry-after", QByteArray::number(fault->retryAfterSeconds));
            }
            if (!fault->location.isEmpty()) {
                response.setHeader("Location", fault->location);
            }
        } else if (connection.origin == Origin::Api) {
            const bool damagesBody = fault && fault->kind != Fault::Kind::Status;
            response = answerApi(request, socket, entry, overSecondaryLimit, !damagesBody);
        } else {
            const Answer answer = world.content(entry.path);
            response.status = answer.status;
            response.body = rewriteOrigins(answer.body);
            response.setHeader("Content-Type", answer.contentType);
            response.setHeader("Cache-Control", "max-age=300");
        }
        if (fault && fault->kind == Fault::Kind::InvalidJson) {
            response.status = 200;
            response.body = response.body.left(response.body.size() / 2) + "\x01not json";
        }
        if (fault && fault->kind == Fault::Kind::Body) {
            response.status = 200;
            response.body = fault->body;
        }
        if (fault) {
            response.headers.append(fault->headers);
        }
        if (fault && fault->kind == Fault::Kind::Link) {
            response.setHeader("Link", fault->link);
        }
        entry.status = response.status;

        const QByteArray userAgent = request.header("user-agent");
        const bool pretty = userAgent.contains("curl") || userAgent.contains("Wget") ||
                            userAgent.contains("Safari") || userAgent.contains("Firefox");
        if (pretty && response.header("Content-Type").startsWith("application/json")) {
            if (!QJsonDocument::fromJson(response.body).isNull()) {
                response.body = indentedJson(response.body);
            }
        }
        const bool gzipAccepted = request.header("accept-encoding").contains("gzip");
        if (!response.body.isEmpty() && gzipAccepted) {
            response.body = gzip(response.body);
            response.setHeader("Content-Encoding", "gzip");
        }
        // GitHub weakens the ETag of what it compresses; a 304 repeats the ETag of the 200 it stands
        // for (RFC 9110, 15.4.5), so it is weakened too.
        const QByteArray etag = response.header("ETag");
        if (!etag.isEmpty() && gzipAccepted && (response.status == 304 || !response.body.isEmpty())) {
            response.setHeader("ETag", "W/" + etag);
        }
        response.setHeader("Server", "fakegithub");
        response.setHeader("Date", httpDate(now()));
        response.setHeader("X-GitHub-Api-Version-Selected", "2022-11-28");
        response.setHeader("X-GitHub-Media-Type", "github.v3; format=json");
        response.setHeader("X-GitHub-Request-Id", QByteArray::number(entry.sequence, 16).toUpper());
        if (response.status != 204) { // a 204 must not have one (RFC 9110, 8.6)
            response.setHeader("Content-Length", QByteArray::number(response.body.size()));
        }
        const bool keepAlive = request.keepAlive();
        if (!keepAlive) {
            response.setHeader("Connection", "close");
        }

        connection.awaiting = false;
        finish(entry);
        const QByteArray head = response.head();
        if (fault &&
            (fault->kind == Fault::Kind::ResetMidBody || fault->kind == Fault::Kind::TruncatedBody)) {
            socket->write(head + response.body.left(response.body.size() / 2));
            socket->flush();
            if (fault->kind == Fault::Kind::ResetMidBody) {
                resetConnection(socket);
            } else {
                socket->disconnectFromHost();
            }
            return;
        }
        if (fault && fault->kind == Fault::Kind::Trickle) {
            socket->write(head);
            trickle(socket, response.body, fault->trickleMilliseconds);
            return;
        }
        socket->write(head + response.body);
        if (!keepAlive) {
            socket->disconnectFromHost();
            return;
        }
        startNext(socket);
    }
};

Server::Server(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, dataDir))
{
    connect(&d->apiServer, &QTcpServer::newConnection, this,
            [this] { d->accept(&d->apiServer, Origin::Api); });
    connect(&d->contentServer, &QTcpServer::newConnection, this,
            [this] { d->accept(&d->contentServer, Origin::Content); });
}

Server::~Server()
{
    for (auto it = d->connections.begin(); it != d->connections.end(); ++it) {
        if (it->socket) {
            it->socket->disconnect(this);
            it->socket->abort();
            delete it->socket.data();
        }
    }
}

bool Server::listen(quint16 apiPort, quint16 contentPort)
{
    if (!d->world.isValid()) {
        d->error = d->world.errorString();
        return false;
    }
    if (!d->apiServer.listen(QHostAddress::LocalHost, apiPort)) {
        d->error = d->apiServer.errorString();
        return false;
    }
    if (!d->contentServer.listen(QHostAddress::LocalHost, contentPort)) {
        d->error = d->contentServer.errorString();
        return false;
    }
    return true;
}

QString Server::errorString() const
{
    return d->error;
}
QUrl Server::apiUrl() const
{
    return d->apiUrl();
}
QUrl Server::contentUrl() const
{
    return d->contentUrl();
}
void Server::addToken(const QByteArray &token, const QString &login)
{
    d->tokens.insert(token, login);
}
void Server::setLatency(int milliseconds)
{
    d->latencyMs = std::max(0, milliseconds);
}
void Server::setRateLimitResource(const QByteArray &resource)
{
    d->rateLimitResource = resource;
}
void Server::setMaxAge(int seconds)
{
    d->maxAge = std::max(0, seconds);
}

void Server::setRateLimit(int authenticated, int anonymous)
{
    d->authenticatedLimit = authenticated;
    d->anonymousLimit = anonymous;
}

void Server::setClock(Hubshelf::Core::Clock clock)
{
    d->clock = Hubshelf::Core::orSystem(std::move(clock));
}

void Server::setRateLimitWindow(int seconds)
{
    d->windowSeconds = std::max(1, seconds);
    d->userBuckets.clear();
    d->addressBuckets.clear();
}

void Server::setSecondaryLimit(int maxInFlight, int retryAfterSeconds)
{
    d->secondaryLimit = std::max(0, maxInFlight);
    d->secondaryRetryAfter = retryAfterSeconds;
}

void Server::armFault(const QString &path, const Fault &fault, int times)
{
    d->pathFaults.append({path, fault, times});
}

void Server::armFaultForNext(int count, const Fault &fault)
{
    d->nextFaultCount = count;
    d->nextFault = fault;
}

void Server::clearFaults()
{
    d->pathFaults.clear();
    d->nextFaultCount = 0;
}

int Server::pointsUsed(const QString &login) const
{
    const auto it = d->userBuckets.constFind(login);
    return it == d->userBuckets.cend() || it->resetAt <= d->now() ? 0 : it->used;
}

int Server::anonymousPointsUsed() const
{
    int used = 0;
    for (const auto &bucket : std::as_const(d->addressBuckets)) {
        used += bucket.resetAt > d->now() ? bucket.used : 0;
    }
    return used;
}

QList<LoggedRequest> Server::requestLog() const
{
    return d->log;
}
void Server::clearRequestLog()
{
    d->log.clear();
}
int Server::inFlight() const
{
    return d->inFlight;
}
int Server::maxInFlight() const
{
    return d->maxInFlight;
}
void Server::resetMaxInFlight()
{
    d->maxInFlight = d->inFlight;
}
void Server::resetStatistics()
{
    d->statisticsAskedFor.clear();
}

QByteArray Server::computeEtag(const QByteArray &accept, const QByteArray &authorization,
                               const QByteArray &cookie, const QByteArray &body)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QByteArray *value : {&accept, &authorization, &cookie}) {
        if (!value->isEmpty()) {
            hash.addData(QByteArray(*value + ':'));
        }
    }
    hash.addData(body);
    return QByteArray("\"" + hash.result().toHex() + "\"");
}

} // namespace FakeGitHub
