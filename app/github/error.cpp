#include "github/error.h"

#include "core/printable.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Hubshelf::GitHub {

Error Error::of(Kind kind, const QUrl &url, int httpStatus, const QByteArray &body)
{
    Error error;
    error.kind = kind;
    error.url = url;
    error.httpStatus = httpStatus;
    error.githubMessage = githubMessageIn(body);
    return error;
}

Error::Kind Error::kindForHttpStatus(int httpStatus)
{
    switch (httpStatus) {
    case 401:
        return Kind::Unauthorized;
    case 403:
        return Kind::Forbidden;
    case 404:
    case 410:
        return Kind::NotFound;
    default:
        return httpStatus >= 500 ? Kind::Server : Kind::ClientError; // 429 too, when not a limit
    }
}

Error Error::fromHttpStatus(int httpStatus, const QUrl &url, const QByteArray &body)
{
    return of(kindForHttpStatus(httpStatus), url, httpStatus, body);
}

QString Error::githubMessageIn(const QByteArray &body)
{
    if (body.isEmpty()) {
        return {};
    }
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("message")).toString();
}

QString Error::timeOfDay(const QDateTime &time, const QDateTime &now)
{
    // A time more than half a day away could be today's or tomorrow's: say the date too.
    const bool far = qAbs(now.secsTo(time)) > 12 * 3600;
    return time.toLocalTime().toString(far ? QStringLiteral("yyyy-MM-dd HH:mm") : QStringLiteral("HH:mm"));
}

QString Error::message() const
{
    // Everything from the server or the URL is printed escaped and cut: a terminal shows these.
    const QString where = Core::printable(url.path());
    const QDateTime now = observedAt.isValid() ? observedAt : QDateTime::currentDateTimeUtc();
    const QString github =
        githubMessage.isEmpty() ? QString() : tr(" GitHub said: %1").arg(Core::printable(githubMessage));
    switch (kind) {
    case Kind::NotFound:
        return tr("Not found: %1 does not exist, or it is private and this account cannot see it.")
            .arg(where);
    case Kind::Unauthorized:
        return tr("GitHub did not accept the token (HTTP 401). Sign in again with a valid token.%1")
            .arg(github);
    case Kind::Forbidden:
        return tr("GitHub refused access to %1 (HTTP %2).%3").arg(where, QString::number(httpStatus), github);
    case Kind::RateLimited:
        return tr("The %1 rate limit is used up until %2.")
            .arg(resource.isEmpty() ? QStringLiteral("core") : Core::printable(resource),
                 timeOfDay(resetAt, now));
    case Kind::SecondaryRateLimited:
        // Hours are better said as a time than as thousands of seconds.
        if (retryAfterSeconds > 3600 && resetAt.isValid()) {
            return tr("GitHub asked to slow down (secondary rate limit); try again after %1.")
                .arg(timeOfDay(resetAt, now));
        }
        return tr("GitHub asked to slow down (secondary rate limit); try again in %n second(s).", nullptr,
                  retryAfterSeconds);
    case Kind::Network:
        return tr("Could not get an answer from %1: %2")
            .arg(Core::printable(url.host()), Core::printable(detail));
    case Kind::Server:
        return tr("GitHub had a server error (HTTP %1) and still had it after retrying.").arg(httpStatus);
    case Kind::BadResponse:
        if (!detail.isEmpty()) { // an answer that was whole but not to be followed
            return tr("GitHub's answer for %1 could not be used: %2.").arg(where, detail);
        }
        return tr("GitHub's answer for %1 was incomplete or not valid JSON.").arg(where);
    case Kind::ClientError:
        return tr("GitHub rejected the request for %1 (HTTP %2).%3")
            .arg(where, QString::number(httpStatus), github);
    case Kind::Offline:
        return tr("%1 is not in the cache, and offline mode makes no network request.").arg(where);
    case Kind::Cancelled:
        return tr("The request was cancelled.");
    }
    return {};
}

const char *Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::NotFound:
        return "not-found";
    case Kind::Unauthorized:
        return "unauthorized";
    case Kind::Forbidden:
        return "forbidden";
    case Kind::RateLimited:
        return "rate-limited";
    case Kind::SecondaryRateLimited:
        return "secondary-rate-limited";
    case Kind::Network:
        return "network";
    case Kind::Server:
        return "server";
    case Kind::BadResponse:
        return "bad-response";
    case Kind::ClientError:
        return "client-error";
    case Kind::Offline:
        return "offline";
    case Kind::Cancelled:
        return "cancelled";
    }
    return "unknown";
}

} // namespace Hubshelf::GitHub
