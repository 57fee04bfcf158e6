#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace Hubshelf::GitHub {

// What went wrong with a request, as a value. `message()` is a sentence a person understands;
// `githubMessage` is GitHub's own `message`, when it sent one.
struct Error
{
    Q_DECLARE_TR_FUNCTIONS(Hubshelf::GitHub::Error)

public:
    enum class Kind {
        NotFound,             // 404 (GitHub hides private things behind it too)
        Unauthorized,         // 401: bad or expired token
        Forbidden,            // 403 that is not a rate limit
        RateLimited,          // primary limit spent until resetAt
        SecondaryRateLimited, // slow down for retryAfterSeconds
        Network,              // no HTTP answer: refused, reset, timed out, DNS...
        Server,               // 5xx after the retries
        BadResponse,          // incomplete, or not the JSON it claims to be
        ClientError,          // another 4xx, e.g. 422
        Offline,              // offline mode and nothing cached
        Cancelled,
    };

    Kind kind = Kind::Network;
    QUrl url;
    int httpStatus = 0;
    QString githubMessage;
    QString detail; // the network layer's own words, for Network errors
    QString resource;
    QDateTime resetAt; // UTC
    // When the client met the limit, on its clock: whether resetAt is "today" is judged from here.
    QDateTime observedAt;
    int retryAfterSeconds = 0;
    bool notAList = false; // BadResponse: valid JSON, but not the array a list asked for
    // GitHub's whole answer to a failed request, when RequestOptions::keepAnswer asked for it.
    struct Answer
    {
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };
    std::shared_ptr<const Answer> answer;

    // An error of `kind` about `url`, with GitHub's `message` when `body` is its JSON error.
    static Error of(Kind kind, const QUrl &url, int httpStatus = 0, const QByteArray &body = {});
    // The kind an HTTP error status stands for when nothing else (a rate limit, a retry) applies:
    // 401 Unauthorized, 403 Forbidden, 404 and 410 NotFound, 5xx Server, any other ClientError.
    static Kind kindForHttpStatus(int httpStatus);
    static Error fromHttpStatus(int httpStatus, const QUrl &url, const QByteArray &body = {});
    // GitHub's `message` in a JSON error body; empty when there is none.
    static QString githubMessageIn(const QByteArray &body);
    // HH:mm, with the date when the time is more than half a day from `now` (a far reset).
    static QString timeOfDay(const QDateTime &time, const QDateTime &now);

    QString message() const;
    // For logs and the CLI's -v: the kind as one word.
    static const char *kindName(Kind kind);
};

} // namespace Hubshelf::GitHub
