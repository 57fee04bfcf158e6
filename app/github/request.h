#pragma once

#include "github/error.h"
#include "github/linkheader.h"
#include "github/memberselection.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <any>
#include <functional>
#include <memory>
#include <optional>

class QNetworkReply;
class QNetworkRequest;

namespace Hubshelf::GitHub {

struct CacheValidator;
struct RateLimit;

// How the cache took part in a result.
enum class CacheOutcome {
    Fresh,       // served from the cache without a request
    Revalidated, // a 304 proved the cached body still right
    Miss,        // fetched (200) and stored
    Uncached,    // fetched and not stored: not cacheable, or the cache is off
};
const char *cacheOutcomeName(CacheOutcome outcome);

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;
// The first value of a header, the name compared without case.
QByteArray findHeader(const RawHeaders &headers, const QByteArray &name);

// A successful GET. The body is always a complete 200 body, whether it came from the network or
// from the cache (then `headers` are those of the 304, or the stored ones for a fresh hit).
struct Response
{
    QUrl url; // where the body came from, after redirects
    RawHeaders headers;
    QByteArray body;
    CacheOutcome cacheOutcome = CacheOutcome::Uncached;
    // The body as JSON when the client has already parsed it (a fetched API answer), so that a
    // 2 MB page is parsed once; null otherwise.
    QJsonDocument json;
    // GitHub's 2xx. 202 ("Accepted": statistics still being computed) and 204 ("No Content") may
    // come without a body; neither is ever cached.
    int status = 200;
    // Served from the cache without asking GitHub: when GitHub sent it. Invalid otherwise.
    QDateTime savedAt;
    // Served from the cache past its max-age (offline, or RequestOptions::acceptStale).
    bool stale = false;
    // What RequestOptions::prepareJson made of `json` where the client parsed it; empty otherwise.
    std::any prepared = {};

    QByteArray header(const QByteArray &name) const;
    LinkHeader links() const { return LinkHeader(header("link")); }
};

// A body as JSON; nothing unless it is whole, valid JSON. Qt 6.4 accepts raw control bytes (NUL
// too) inside strings, which JSON never has. An array keeps only the selected members of its objects.
std::optional<QJsonDocument> parseJsonBody(const QByteArray &body, const MemberSelection &selection = {});

// Made of a body's JSON on the thread that parses it (RequestOptions::prepareJson).
using JsonPreparation = std::function<std::any(const QJsonDocument &)>;

// A body parsed as parseJsonBody() does, and what `prepare` makes of it when it is JSON.
struct ParsedBody
{
    std::optional<QJsonDocument> json;
    std::any prepared = {};
};
ParsedBody parseBody(const QByteArray &body, const MemberSelection &selection,
                     const JsonPreparation &prepare);

// What a request did to its primary rate limit.
enum class PointCharge {
    None,  // nothing GitHub counts: another origin, /rate_limit, no answer, a refusal it does not count
    Spent, // GitHub counted a point
    Saved, // the cache answered where GitHub would have counted one: a fresh hit, or a 304 with a token
};
// GitHub counts every answer of its API but /rate_limit's (a 304 too, without a token), except the
// refusals for a spent limit or a bad token (`refused`). `counted`: the request was the API's and
// not /rate_limit; `authorized`: it carried a token.
PointCharge pointChargeOf(bool counted, int status, CacheOutcome outcome, bool authorized, bool refused);
const char *pointChargeName(PointCharge charge);

// One line of the request log: what went over the wire (or came from the cache), never a header
// or a body.
struct RequestLogEntry
{
    QByteArray method = "GET";
    QUrl url;
    int status = 0; // 0: no HTTP answer, or a fresh cache hit
    CacheOutcome outcome = CacheOutcome::Uncached;
    qint64 milliseconds = 0;
    int remaining = -1;
    int limit = -1;
    QString error; // Error::kindName of a failure, empty on success
    // For the rate-limit ledger: the resource it counts against ("core", "search"), whose limit it
    // is (the cache's keyed hash of the token, never the token), who asked (RequestOptions::origin)
    // and what it cost.
    QString resource;
    QString endpoint; // the API path's template (endpointTemplateOf); empty for another origin
    QByteArray identity;
    QString origin;
    PointCharge charge = PointCharge::None;

    enum class Style {
        Log,     // the log's: "GET URL STATUS OUTCOME MSms REMAINING/LIMIT"
        Verbose, // the CLI's -v: "[GET] CACHE_HIT|CACHE_REVALIDATED|CACHE_MISS URL STATUS MSms
                 // REMAINING/LIMIT"
    };
    QString line(Style style = Style::Log) const;
};

struct RequestOptions
{
    // Who asks, for the rate-limit ledger: a place of the window ("Repositories") or a command;
    // empty: the process's own name.
    QString origin;
    bool useCache = true;    // false: neither read nor write the cache (--no-cache)
    bool revalidate = false; // a fresh entry is revalidated instead of served (refresh, F5)
    bool offline = false;    // only the cache answers (--offline)
    // Only a fresh cached answer is given; anything GitHub would be asked for fails as Offline
    // without a request (a list that asks before spending the rate limit).
    bool freshOnly = false;
    // A saved answer of any age is given without asking (the window shows a list at once and
    // revalidates it behind); without one, GitHub is asked as usual.
    bool acceptStale = false;
    bool expectList = false;      // the answer is a JSON array: an uncached visit may probe with `[]`
    bool waitForRateLimit = true; // false: fail with RateLimited instead of waiting for the reset
    // The mirror's: a downstream client's own Authorization header (empty: anonymous), sent
    // instead of the client's token; its identity is that of the token it carries.
    std::optional<QByteArray> authorization;
    // The mirror's: a failure that GitHub answered keeps the answer (Error::answer) to pass on.
    bool keepAnswer = false;
    // A list's pages as JSON hold only these members of each item where the client parses them
    // off the GUI thread (the window's rows); the cache keeps the whole body.
    MemberSelection selection;
    // Run there too on the parsed JSON (the window's rows are made of it); its result comes as
    // Response::prepared. Only what the function itself captures; it must not touch a QObject.
    JsonPreparation prepareJson;
};

// How often a request has waited for GitHub's limits: RequestQueue::meet counts and bounds them.
struct LimitWaits
{
    int primary = 0;   // resets of a spent primary limit
    int secondary = 0; // secondary pauses
};

// One GET (or a write, Client::write). Emits finished() always, then exactly one of succeeded() and failed(),
// then deletes itself. abandon() stops it and its signals.
class Request final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Request)

public:
    ~Request() override;

    QUrl url() const { return m_url; }
    void abandon();
    // Each of them that is still there.
    static void abandon(const QList<QPointer<Request>> &requests);

Q_SIGNALS:
    void finished();
    void succeeded(const Hubshelf::GitHub::Response &response);
    void failed(const Hubshelf::GitHub::Error &error);

private:
    friend class Client;

    Request(const QUrl &url, const QUrl &target, const RequestOptions &options, QObject *parent);

    // The GET as it goes over the wire: GitHub's headers, `authorization` (empty for none: the
    // client decides where the token may go) and the If-None-Match of m_validator.
    QNetworkRequest networkRequest(const QByteArray &authorization, int transferTimeout) const;
    // The log line of an answer (or a failure: `error` names its kind) to the request as it is now.
    RequestLogEntry logEntry(int status, CacheOutcome outcome, const RateLimit &limit,
                             const char *error) const;
    // Who asks, fixed once, when the request begins: `token` is the client's, unless the options
    // carry a downstream client's own Authorization.
    void fixIdentity(const QByteArray &token,
                     const std::function<QByteArray(const QByteArray &)> &identityFor);
    // GitHub's answer, kept for the error when the options ask for it.
    void keepAnswer(int status, const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body);
    // finished() always, then exactly one of succeeded() and failed(), then the request goes.
    void finishWith(const Response &response);
    void finishWith(const Error &error);
    // The client goes away: the reply is aborted unheard, and whoever waits hears `error` now.
    void cancelWith(const Error &error, QObject *client);
    template <typename Emit>
    void finish(Emit emitOutcome);

    QUrl m_url;
    QUrl m_currentUrl;
    QByteArray m_method = "GET"; // or a write's (Client::write)
    RequestOptions m_options;
    // Who asks, fixed when the request begins: a token change affects only later requests, so a
    // body is never stored under an identity other than the one that fetched it.
    QByteArray m_authorization;
    QByteArray m_identity;
    bool m_identityFixed = false;
    int m_attempts = 0;
    int m_redirects = 0;
    LimitWaits m_limitWaits;
    bool m_abandoned = false;
    bool m_finished = false;
    QDateTime m_sentAt;
    std::unique_ptr<CacheValidator> m_validator;   // set when the request goes to the network
    std::shared_ptr<const Error::Answer> m_answer; // keepAnswer's
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_timer;
};

} // namespace Hubshelf::GitHub
