// The header parsers of a GitHub answer: x-ratelimit-* (RateLimitTracker), retry-after and the
// 403/429 rules (RequestQueue::limitHitOf, meet, take), cache-control and etag (CachePolicy),
// location (ReplyVerdict::ofRedirect), and the sentence the CLI prints (Error::message). The input
// reads like an HTTP answer: a status line, `name: value` lines, a blank line, the body.
// Properties: waits are never negative and never longer than the caps, a request refused does not
// wait, a held request wakes within the cap, only http(s) redirects are followed, an oversized
// ETag is never stored, and the sentence holds nothing a terminal would obey.
#include "fuzzcheck.h"
#include "github/apiorigin.h"
#include "github/cachepolicy.h"
#include "github/endpoints.h"
#include "github/error.h"
#include "github/ratelimittracker.h"
#include "github/replyverdict.h"
#include "github/requestqueue.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

#include <algorithm>
#include <memory>

using namespace Hubshelf::GitHub;

namespace {

const QDateTime Now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
const QUrl Api(QStringLiteral("https://api.github.com"));

std::unique_ptr<RateLimitTracker> tracker;
std::unique_ptr<QObject> queuedItem; // what the queue orders; it never touches it

struct Answer
{
    int status = 403;
    RawHeaders headers;
    QByteArray body;
};

Answer answerOf(const QByteArray &input)
{
    Answer answer;
    qsizetype at = input.indexOf('\n');
    bool ok = false;
    const int status = input.left(at < 0 ? input.size() : at).trimmed().toInt(&ok);
    if (ok) {
        answer.status = status;
    }
    while (at >= 0) {
        const qsizetype start = at + 1;
        at = input.indexOf('\n', start);
        const QByteArray line = input.mid(start, at < 0 ? -1 : at - start);
        if (line.trimmed().isEmpty()) {
            answer.body = at < 0 ? QByteArray() : input.mid(at + 1);
            break;
        }
        const qsizetype colon = line.indexOf(':');
        // Qt hands over names as sent and values without the surrounding white space.
        answer.headers.append(colon < 0 ? qMakePair(line, QByteArray())
                                        : qMakePair(line.left(colon), line.mid(colon + 1).trimmed()));
    }
    return answer;
}

bool isPrintableSentence(const QString &sentence)
{
    for (const QChar c : sentence) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0) || (u >= 0x202a && u <= 0x202e) ||
            (u >= 0x2066 && u <= 0x2069) || u == 0x200e || u == 0x200f || u == 0x061c || u == 0x2028 ||
            u == 0x2029) {
            return false;
        }
    }
    return true;
}

void checkLimits(const Answer &answer, const QUrl &url, bool wantsToWait)
{
    const ApiOrigin api(Api);
    const RequestQueue::LimitHit hit = RequestQueue::limitHitOf(answer.headers, answer.body, answer.status);
    FUZZ_CHECK(!hit.retryAfter || *hit.retryAfter >= 0);
    if (hit.kind == RequestQueue::LimitHit::Kind::None) {
        return;
    }
    RequestQueue queue(*tracker);
    LimitWaits waits;
    const QString resource = api.resourceOf(url);
    const RequestQueue::LimitWait wait = queue.meet(hit, resource, Now.addSecs(-1), wantsToWait, waits);
    const int cap =
        wait.hold.secondary ? RequestQueue::MaxSecondaryWaitSeconds : RequestQueue::MaxPrimaryWaitSeconds;
    FUZZ_CHECK(wait.hold.retryAfterSeconds >= 0);
    FUZZ_CHECK(!wait.newPauseSeconds || *wait.newPauseSeconds >= 0);
    FUZZ_CHECK(wantsToWait || !wait.waits);
    if (wait.waits) {
        FUZZ_CHECK(wait.hold.until.isValid() && wait.hold.until <= Now.addSecs(cap));
    }

    // The request goes back into the queue (the client puts it at the front): it is sent, refused,
    // or held with a wake-up within a cap, which the client turns into a timer. Either cap: the same
    // answer can pause the API and spend the resource's primary limit (x-ratelimit-remaining: 0).
    queue.enqueue(queuedItem.get(), RequestQueue::scopeOf(api, url), resource, wantsToWait, true);
    const RequestQueue::Turn turn = queue.take([](const QObject *) { return true; });
    FUZZ_CHECK(turn.send.size() + turn.refused.size() + (turn.wakeAt.isValid() ? 1 : 0) == 1);
    if (turn.wakeAt.isValid()) {
        FUZZ_CHECK(wantsToWait);
        FUZZ_CHECK(turn.wakeAt > Now);
        FUZZ_CHECK(turn.wakeAt <= Now.addSecs(std::max(RequestQueue::MaxPrimaryWaitSeconds,
                                                       RequestQueue::MaxSecondaryWaitSeconds)));
    }
    for (const auto &[item, hold] : turn.refused) {
        FUZZ_CHECK(hold.retryAfterSeconds >= 0);
    }

    Error error =
        Error::of(wait.hold.secondary ? Error::Kind::SecondaryRateLimited : Error::Kind::RateLimited, url,
                  answer.status, answer.body);
    error.resource = wait.hold.resource;
    error.resetAt = wait.hold.until;
    error.retryAfterSeconds = wait.hold.retryAfterSeconds;
    error.observedAt = Now;
    const QString sentence = error.message();
    FUZZ_CHECK(!sentence.isEmpty());
    FUZZ_CHECK_MSG(isPrintableSentence(sentence), sentence.toUtf8().toPercentEncoding().constData());
}

void checkCaching(const Answer &answer)
{
    const QByteArray cacheControl = findHeader(answer.headers, "cache-control");
    FUZZ_CHECK(CachePolicy::maxAgeSeconds(cacheControl) >= 0);
    if (CachePolicy::isStorable(answer.status, answer.headers)) {
        const Hubshelf::Cache::CachedResponse entry =
            CachePolicy::entryFrom200("key", "anon", answer.headers, answer.body, Now);
        FUZZ_CHECK(!entry.etag.isEmpty() && entry.etag.size() <= CachePolicy::MaxEtagBytes);
        FUZZ_CHECK(entry.maxAgeSeconds >= 0);
    }
    Hubshelf::Cache::CachedResponse proven;
    proven.etag = "\"stored\"";
    const Hubshelf::Cache::CachedResponse refreshed =
        CachePolicy::entryFrom304(proven, "key", "anon", answer.headers, Now);
    FUZZ_CHECK(refreshed.etag.size() <= CachePolicy::MaxEtagBytes);
}

void checkVerdict(const Answer &answer, const QUrl &url)
{
    ReplyFacts facts;
    facts.status = std::max(0, answer.status);
    facts.hasHeaders = !answer.headers.isEmpty();
    facts.attempts = 1 + int(answer.body.size() % ReplyVerdict::MaxAttempts);
    const ReplyVerdict verdict = ReplyVerdict::of(facts, 120000);
    if (verdict.action == ReplyVerdict::Action::Deliver) {
        FUZZ_CHECK(facts.status >= 200 && facts.status < 300);
    }
    if (verdict.action != ReplyVerdict::Action::Redirect) {
        return;
    }
    const QUrl target = url.resolved(QUrl::fromEncoded(findHeader(answer.headers, "location")));
    const ReplyVerdict redirect = ReplyVerdict::ofRedirect(target, 1);
    if (redirect.action == ReplyVerdict::Action::Redirect) {
        FUZZ_CHECK_MSG(Endpoints::isWebUrl(target), target.toEncoded().constData());
    } else {
        // As Client::failWith says it: the detail names the refused scheme, which the server chose.
        Error error = Error::of(redirect.kind, url, answer.status);
        error.detail = redirect.detail;
        FUZZ_CHECK(isPrintableSentence(error.message()));
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Hubshelf::Fuzz::silenceQtMessages();
    tracker = std::make_unique<RateLimitTracker>();
    tracker->setClock([] { return Now; });
    queuedItem = std::make_unique<QObject>();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Answer answer = answerOf(Hubshelf::Fuzz::bytesOf(data, size));
    const QUrl url(QStringLiteral("https://api.github.com/users/octocat/repos?per_page=100&page=2"));

    tracker->clear();
    // The body as GET /rate_limit's (the client reads it so), then the headers as every answer's.
    tracker->updateFromRateLimitBody(QJsonDocument::fromJson(answer.body).object());
    tracker->updateFromHeaders(answer.headers);
    for (const RateLimit &limit : tracker->all()) {
        FUZZ_CHECK(limit.isKnown() && !limit.resource.trimmed().isEmpty());
        limit.isLow();
        limit.isSpent(Now);
    }
    checkLimits(answer, url, true);
    checkLimits(answer, url, false);
    checkCaching(answer);
    checkVerdict(answer, url);
    return 0;
}
