#pragma once

#include "github/error.h"
#include "github/request.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

class QNetworkReply;

namespace Hubshelf::GitHub {

// What Qt reports about a finished reply, and how often its request has been tried.
struct ReplyFacts
{
    int status = 0; // 0: no HTTP status line
    bool hasHeaders = false;
    int networkError = 0; // QNetworkReply::NetworkError
    QString errorString;
    bool pastDeadline = false; // ended by armTransferDeadline()
    int attempts = 1;

    static ReplyFacts of(const QNetworkReply &reply, int attempts);
};

// The inactivity timeout never fires for a body that trickles in: a deadline for the whole
// transfer, after which the reply is aborted and its facts say pastDeadline.
void armTransferDeadline(QNetworkReply *reply, int milliseconds);

// Qt 6.4 takes a head its parser refused (too many headers, one too long) for a status line with no
// headers, and then reads a body without end until the inactivity timeout: such a reply is aborted
// as soon as its metadata arrives, and its facts then show a status, no headers and an error.
void abortOnRefusedHeaders(QNetworkReply *reply);

// What a finished reply means for its request: Qt's failure modes and GitHub's statuses in one
// table, without sockets or state.
struct ReplyVerdict
{
    Q_DECLARE_TR_FUNCTIONS(Hubshelf::GitHub::ReplyVerdict)

public:
    static constexpr int MaxAttempts = 3;

    enum class Action {
        Deliver,     // 2xx: check, store and hand over the body
        Revalidated, // 304: the cached body is still right
        Redirect,    // 301, 302, 303, 307, 308: follow Location
        LimitCheck,  // 403, 429: GitHub's rate limits decide (RequestQueue::limitHitOf)
        Retry,       // another attempt after retryDelay(); `kind` names the cause for the log
        Fail,        // ends with an error of `kind`, `detail` saying why for Network errors
        FailStatus,  // ends with Error::fromHttpStatus
    };
    Action action = Action::Fail;
    Error::Kind kind = Error::Kind::Network;
    QString detail;

    static ReplyVerdict of(const ReplyFacts &facts, int transferDeadlineMilliseconds);
    // A redirect to `target` (its Location resolved), the `redirects`th of its request: Redirect,
    // or Fail when the Location was missing or invalid, the redirects too many, or the scheme
    // not http or https.
    static constexpr int MaxRedirects = 5;
    static ReplyVerdict ofRedirect(const QUrl &target, int redirects);
};

// Whether a QNetworkReply::NetworkError is about the connection (no HTTP answer, or one cut
// short) rather than an HTTP status; and whether such a failure is worth another attempt.
bool isTransportError(int networkError);
bool isRetryableTransportError(int networkError);

// The wait before attempt `attempts` + 1: `baseMilliseconds` doubling with each attempt, with
// jitter (half to one and a half times), so that clients who failed together do not retry together.
int retryDelay(int baseMilliseconds, int attempts);

} // namespace Hubshelf::GitHub
