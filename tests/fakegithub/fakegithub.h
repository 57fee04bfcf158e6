#pragma once

#include "core/clock.h"
#include "world.h"

#include <QHash>
#include <QObject>
#include <QUrl>

#include <memory>

class QTcpServer;
class QTcpSocket;

namespace FakeGitHub {

// Tokens the fake knows from the start. Two belong to octocat, so that a token can be rotated.
namespace Tokens {
inline const QByteArray Octocat = QByteArrayLiteral("ghp_fakeOctocatPrimary00000000000000000000");
inline const QByteArray OctocatRotated = QByteArrayLiteral("ghp_fakeOctocatRotated00000000000000000000");
inline const QByteArray Monalisa = QByteArrayLiteral("ghp_fakeMonalisa000000000000000000000000000");
// The owner of 300 gists sees all of them; others see the public ones only.
inline const QByteArray Prolific = QByteArrayLiteral("ghp_fakeProlific000000000000000000000000000");
} // namespace Tokens

// A misbehaviour armed for a path or for the next requests.
struct Fault
{
    enum class Kind {
        Status,             // answer with `status` and GitHub's error body
        ResetBeforeHeaders, // TCP reset before a byte of the response
        ResetMidBody,       // headers and half the body, then a TCP reset
        TruncatedBody,      // headers promise the whole body, half is sent, then a clean close
        InvalidJson,        // a complete 200 whose body is not valid JSON
        Stall,              // read the request and never answer
        Body,               // a complete 200 whose body is exactly `body` (NUL bytes, odd JSON)
        Trickle,            // the whole answer, one byte of the body every `trickleMilliseconds`
        Link,               // the usual answer, with `Link: <link>` instead of its own (loops, file:...)
        Raw,                // exactly `body` on the wire instead of an answer, then a clean close
    };
    Kind kind = Kind::Status;
    int status = 500;
    int retryAfterSeconds = -1; // > = 0 adds `retry-after` to a Status fault
    QByteArray message;         // GitHub's message for a Status fault; a default per status when empty
    QByteArray location;        // adds `Location` to a Status fault: a redirect anywhere
    QByteArray body;            // the body of a Body fault; every byte of a Raw one
    HeaderList headers;         // added to the answer as they are (repeats, huge values, rate limits)
    int trickleMilliseconds = 1000;
    QByteArray link; // the Link header of a Link fault

    static Fault withStatus(int status, const QByteArray &message = {}, int retryAfterSeconds = -1);
    static Fault redirect(int status, const QUrl &location);
    static Fault of(Kind kind);
    static Fault withBody(const QByteArray &body);
    static Fault withLink(const QByteArray &link);
    // Bytes no HTTP library writes: a garbage status line, a head that never ends, a header flood.
    static Fault raw(const QByteArray &bytes);
    QString name() const;
};

enum class Origin { Api, Content };

// One request as the fake saw it, for tests to assert on.
struct LoggedRequest
{
    quint64 sequence = 0;
    Origin origin = Origin::Api;
    QByteArray method;
    QByteArray target; // path and query as sent
    QString path;      // decoded, without the query
    QByteArray host;   // the Host header
    QByteArray userAgent;
    QByteArray accept;
    QByteArray ifNoneMatch;
    bool authorized = false; // an Authorization header was present
    QString login;           // whose token it was; empty when anonymous or unknown
    int status = 0;          // 0: no status line was sent (reset, stall, client gone, raw garbage)
    bool spentPoint = false; // counted against a primary rate limit
    QString fault;           // the fault applied, empty if none

    bool notModified() const { return status == 304; }
};

// A fake api.github.com on loopback, with a second origin for avatars, raw files and web pages.
class Server final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Server)

public:
    explicit Server(const QString &dataDir = {}, QObject *parent = nullptr);
    ~Server() override;

    // Listens on 127.0.0.1; port 0 picks a free one.
    bool listen(quint16 apiPort = 0, quint16 contentPort = 0);
    QString errorString() const;
    QUrl apiUrl() const;
    QUrl contentUrl() const;

    void addToken(const QByteArray &token, const QString &login);
    void setLatency(int milliseconds);
    // Cache-Control max-age of 200s (GitHub: 60).
    void setMaxAge(int seconds);
    // Primary limits per window (GitHub: 5,000 per user, 60 per IP address, an hour).
    void setRateLimit(int authenticated, int anonymous);
    void setRateLimitWindow(int seconds);
    // The x-ratelimit-resource header of every answer ("core"): a hostile server's can be anything.
    void setRateLimitResource(const QByteArray &resource);
    // What time it is for the rate-limit windows (and the Date header): a test moves its own
    // clock past a reset instead of waiting for it.
    void setClock(Hubshelf::Core::Clock clock);
    // More than `maxInFlight` requests at once get a secondary-limit 403; 0 turns it off.
    void setSecondaryLimit(int maxInFlight, int retryAfterSeconds = 60);
    // `path` is matched against the request's path (no query); a trailing '*' matches a prefix.
    // `path?name=value&...` also asks each of those query items of the request (others may be
    // there too), e.g. "/orgs/megacorp/repos?page=3". The first armed fault that matches is taken.
    // `times` < 0 keeps the fault armed until clearFaults().
    void armFault(const QString &path, const Fault &fault, int times = 1);
    void armFaultForNext(int count, const Fault &fault);
    void clearFaults();

    int pointsUsed(const QString &login) const;
    int anonymousPointsUsed() const;
    QList<LoggedRequest> requestLog() const;
    void clearRequestLog();
    int inFlight() const;
    int maxInFlight() const;
    void resetMaxInFlight();
    // Repository statistics (/repos/{o}/{r}/stats/contributors) answer 202 on the first request for
    // each repository and 200 on later ones; this forgets the earlier requests.
    void resetStatistics();

    // GitHub's ETag: SHA-256 over the present Accept, Authorization and Cookie values, each followed
    // by ':', then the body; hex, quoted.
    static QByteArray computeEtag(const QByteArray &accept, const QByteArray &authorization,
                                  const QByteArray &cookie, const QByteArray &body);

Q_SIGNALS:
    void requestLogged(const FakeGitHub::LoggedRequest &request);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace FakeGitHub
