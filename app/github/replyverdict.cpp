#include "github/replyverdict.h"

#include "github/endpoints.h"

#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace Hubshelf::GitHub {

namespace {

constexpr char DeadlineProperty[] = "hubshelfTransferDeadline";

bool isRetryableStatus(int status)
{
    return status == 500 || status == 502 || status == 503 || status == 504;
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace

ReplyFacts ReplyFacts::of(const QNetworkReply &reply, int attempts)
{
    ReplyFacts facts;
    facts.status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    facts.hasHeaders = !reply.rawHeaderPairs().isEmpty();
    facts.networkError = reply.error();
    facts.errorString = reply.errorString();
    facts.pastDeadline = reply.property(DeadlineProperty).toBool();
    facts.attempts = attempts;
    return facts;
}

void armTransferDeadline(QNetworkReply *reply, int milliseconds)
{
    QTimer::singleShot(milliseconds, reply, [reply] {
        if (reply->isRunning()) {
            reply->setProperty(DeadlineProperty, true);
            reply->abort();
        }
    });
}

void abortOnRefusedHeaders(QNetworkReply *reply)
{
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply] {
        const bool hasStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() > 0;
        if (hasStatus && reply->rawHeaderPairs().isEmpty() && reply->isRunning()) {
            reply->abort();
        }
    });
}

ReplyVerdict ReplyVerdict::of(const ReplyFacts &facts, int transferDeadlineMilliseconds)
{
    const bool mayRetry = facts.attempts < MaxAttempts;
    if (facts.pastDeadline) {
        return mayRetry ? ReplyVerdict{Action::Retry, Error::Kind::Network, {}}
                        : ReplyVerdict{Action::Fail, Error::Kind::Network,
                                       tr("the transfer took longer than %n second(s)", nullptr,
                                          std::max(1, transferDeadlineMilliseconds / 1000))};
    }
    if (facts.status > 0 && !facts.hasHeaders && facts.networkError != QNetworkReply::NoError) {
        // A status line and no headers: Qt 6.4's parser refused them (too many, too big), and
        // abortOnRefusedHeaders() ended the reply. The same server says the same again: no retry.
        return {Action::Fail, Error::Kind::Network,
                tr("the server's answer had malformed or oversized headers")};
    }
    if (facts.status == 0 || isTransportError(facts.networkError)) {
        // No answer, or one cut short: never a body for the cache.
        return isRetryableTransportError(facts.networkError) && mayRetry
                   ? ReplyVerdict{Action::Retry, Error::Kind::Network, {}}
                   : ReplyVerdict{Action::Fail, Error::Kind::Network, facts.errorString};
    }
    if (facts.status == 304) {
        return {Action::Revalidated, {}, {}};
    }
    if (facts.status >= 200 && facts.status < 300) {
        return {Action::Deliver, {}, {}};
    }
    if (isRedirect(facts.status)) {
        return {Action::Redirect, {}, {}};
    }
    if (facts.status == 403 || facts.status == 429) {
        return {Action::LimitCheck, {}, {}};
    }
    if (isRetryableStatus(facts.status) && mayRetry) {
        return {Action::Retry, Error::Kind::Server, {}};
    }
    return {Action::FailStatus, Error::kindForHttpStatus(facts.status), {}};
}

ReplyVerdict ReplyVerdict::ofRedirect(const QUrl &target, int redirects)
{
    if (!target.isValid() || redirects > MaxRedirects) {
        return {Action::Fail, Error::Kind::Network,
                tr("too many redirects, or a redirect without a valid Location")};
    }
    if (!Endpoints::isWebUrl(target)) {
        return {
            Action::Fail, Error::Kind::BadResponse,
            tr("it redirects to a %1: address, and only http and https are followed").arg(target.scheme())};
    }
    return {Action::Redirect, {}, {}};
}

bool isTransportError(int networkError)
{
    // Errors below ContentAccessDenied are about the connection (and proxies), not an HTTP status.
    return (networkError > QNetworkReply::NoError && networkError < QNetworkReply::ContentAccessDenied) ||
           networkError == QNetworkReply::ProtocolFailure;
}

bool isRetryableTransportError(int networkError)
{
    switch (networkError) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // Qt's transfer timeout ends this way
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}

int retryDelay(int baseMilliseconds, int attempts)
{
    const int base = std::max(1, baseMilliseconds) * (1 << std::clamp(attempts - 1, 0, 16));
    return base / 2 + int(QRandomGenerator::global()->bounded(base + 1));
}

} // namespace Hubshelf::GitHub
