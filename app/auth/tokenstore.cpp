#include "auth/tokenstore.h"

#include "auth/logging.h"
#include "github/names.h"

#include <QHash>
#include <QMetaObject>
#include <qt6keychain/keychain.h>

#include <functional>
#include <utility>

using namespace Qt::StringLiterals;

namespace Hubshelf::Auth {

namespace {

// Which QtKeychain errors mean "there is no usable keychain" rather than "this call failed".
// QtKeychain 0.13's libsecret backend maps only "no such object" (EntryNotFound) and "collection is
// locked" (AccessDenied) and reports every other failure as OtherError. Observed on Debian 12:
// no session bus ("Cannot autolaunch D-Bus without X11 $DISPLAY"), a dead bus address ("Could not
// connect"), a bus without org.freedesktop.secrets ("was not provided by any .service files") and a
// Secret Service with no collection to write to (no prompter) all arrive as OtherError (7).
bool meansNoKeychain(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return true;
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::CouldNotDeleteEntry:
    // A locked keychain, or a person who dismissed the unlock prompt: a keychain exists and can be
    // unlocked, so this is reported rather than silently downgraded to a session-only token.
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return false;
    }
    return false;
}

// Backends build their messages from D-Bus replies, never from the secret; this is a second fence
// so that no message we pass on can ever carry the token.
QString withoutToken(QString message, const QString &token)
{
    if (!token.isEmpty()) {
        message.replace(token, u"[token]"_s);
    }
    return message;
}

struct EnvironmentToken
{
    QString token;
    QString variable;
};

} // namespace

const char *tokenSourceName(TokenSource source)
{
    switch (source) {
    case TokenSource::None:
        return "none";
    case TokenSource::Environment:
        return "environment";
    case TokenSource::Keychain:
        return "keychain";
    case TokenSource::Session:
        return "session";
    }
    return "unknown";
}

struct TokenStore::Private
{
    Private(TokenStore *store, QString serviceName)
        : q(store)
        , service(std::move(serviceName))
    {}

    TokenStore *const q;
    const QString service;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Only filled once the keychain is known to be missing; never leaves this object's memory.
    QHash<QString, QString> sessionTokens;
    bool keychainAvailable = true;

    EnvironmentToken environmentToken(const QString &apiHost) const
    {
        // gh's convention: GH_TOKEN, then GITHUB_TOKEN, for github.com only; an Enterprise Server
        // takes GH_ENTERPRISE_TOKEN, then GITHUB_ENTERPRISE_TOKEN, so that a github.com token is
        // never sent to another server. An empty variable counts as unset (`GH_TOKEN= hubshelf`).
        for (const QString &variable : TokenStore::environmentVariables(apiHost)) {
            const QString value = environment.value(variable).trimmed();
            if (!value.isEmpty()) {
                return {value, variable};
            }
        }
        return {};
    }

    // Results always arrive on a later turn of the event loop, whether or not the keychain was
    // asked, so a caller never sees a signal from inside load()/save()/remove().
    void later(std::function<void()> emitter)
    {
        QMetaObject::invokeMethod(q, std::move(emitter), Qt::QueuedConnection);
    }

    // The one place that starts keychain jobs (libQuotient's runKeychainJob): the handler switches
    // over NoError / EntryNotFound / other.
    void runKeychainJob(QKeychain::Job *job, const QString &apiHost,
                        std::function<void(QKeychain::Job *)> handler)
    {
        job->setKey(apiHost);
        // The fallback would keep the token in plain text in a QSettings file.
        job->setInsecureFallback(false);
        job->setAutoDelete(true);
        // The job has no parent: the libsecret backend's callback holds a raw pointer to it, so it
        // must live until it finishes. `q` as the context drops the handler if the store goes first.
        QObject::connect(job, &QKeychain::Job::finished, q, std::move(handler));
        job->start();
    }

    // Emits keychainUnavailable once per store: the flag never goes back to true.
    void markUnavailable(const QKeychain::Job *job, const QString &token = {})
    {
        if (!keychainAvailable) {
            return;
        }
        keychainAvailable = false;
        qCWarning(lcAuth).nospace() << "no keychain (QtKeychain error " << int(job->error()) << ": "
                                    << withoutToken(job->errorString(), token)
                                    << "); tokens are kept in memory for this session only";
        Q_EMIT q->keychainUnavailable(TokenStore::tr(
            "No keychain was found, so the token is kept for this session only: it is not written to "
            "disk, and you will need to sign in again the next time Hubshelf starts."));
    }

    void emitSessionToken(const QString &apiHost)
    {
        const QString token = sessionTokens.value(apiHost);
        const TokenSource source = token.isEmpty() ? TokenSource::None : TokenSource::Session;
        qCInfo(lcAuth) << "token for" << apiHost << "from" << tokenSourceName(source);
        Q_EMIT q->loaded(apiHost, token, source);
    }

    void keepForSession(const QString &apiHost, const QString &token)
    {
        sessionTokens.insert(apiHost, token);
        qCInfo(lcAuth) << "token for" << apiHost << "kept in" << tokenSourceName(TokenSource::Session);
        Q_EMIT q->saved(apiHost, TokenSource::Session);
    }

    void fail(const QString &apiHost, const QString &message)
    {
        qCWarning(lcAuth).noquote() << message; // names the host, never the token
        Q_EMIT q->failed(apiHost, message);
    }
};

TokenStore::TokenStore(const QString &service, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, service))
{}

TokenStore::~TokenStore() = default;

void TokenStore::setEnvironment(const QProcessEnvironment &environment)
{
    d->environment = environment;
}

QStringList TokenStore::environmentVariables(const QString &apiHost)
{
    if (apiHost.compare(u"api.github.com"_s, Qt::CaseInsensitive) == 0) {
        return {u"GH_TOKEN"_s, u"GITHUB_TOKEN"_s};
    }
    return {u"GH_ENTERPRISE_TOKEN"_s, u"GITHUB_ENTERPRISE_TOKEN"_s};
}

QString TokenStore::malformedTokenMessage(const QString &where)
{
    return tr("%1 is not a GitHub token: tokens hold only letters, digits and '_' (at most 255); "
              "nothing was sent with it.")
        .arg(where);
}

bool TokenStore::keychainAvailable() const
{
    return d->keychainAvailable;
}

void TokenStore::load(const QString &apiHost)
{
    const EnvironmentToken fromEnvironment = d->environmentToken(apiHost);
    if (!fromEnvironment.token.isEmpty()) {
        if (!GitHub::isWellFormedToken(fromEnvironment.token)) {
            // GH_ENTERPRISE_TOKEN=$'ghp_x\r\nX-Injected: yes' must not become a header; never echo it.
            const QString message = malformedTokenMessage(fromEnvironment.variable);
            d->later([this, apiHost, message] { d->fail(apiHost, message); });
            return;
        }
        qCInfo(lcAuth) << "token for" << apiHost << "from" << qUtf8Printable(fromEnvironment.variable)
                       << "(the environment overrides the keychain)";
        d->later([this, apiHost, token = fromEnvironment.token] {
            Q_EMIT loaded(apiHost, token, TokenSource::Environment);
        });
        return;
    }
    if (!d->keychainAvailable) {
        d->later([this, apiHost] { d->emitSessionToken(apiHost); });
        return;
    }

    qCDebug(lcAuth) << "reading the token for" << apiHost << "from the keychain";
    d->runKeychainJob(
        new QKeychain::ReadPasswordJob(d->service), apiHost, [this, apiHost](QKeychain::Job *job) {
            const QString token = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
            switch (job->error()) {
            case QKeychain::NoError:
                if (!token.isEmpty() && !GitHub::isWellFormedToken(token)) {
                    d->fail(apiHost, malformedTokenMessage(tr("The keychain's entry for %1").arg(apiHost)));
                    return;
                }
                qCInfo(lcAuth) << "token for" << apiHost << "from" << tokenSourceName(TokenSource::Keychain);
                Q_EMIT loaded(apiHost, token, token.isEmpty() ? TokenSource::None : TokenSource::Keychain);
                return;
            case QKeychain::EntryNotFound:
                qCInfo(lcAuth) << "no token for" << apiHost << "in the keychain";
                Q_EMIT loaded(apiHost, QString(), TokenSource::None);
                return;
            default:
                if (meansNoKeychain(job->error())) {
                    d->markUnavailable(job);
                    d->emitSessionToken(apiHost);
                    return;
                }
                d->fail(apiHost,
                        tr("Could not read the token for %1 from the keychain: %2 (QtKeychain error %3).")
                            .arg(apiHost, job->errorString())
                            .arg(int(job->error())));
                return;
            }
        });
}

void TokenStore::save(const QString &apiHost, const QString &token)
{
    // Tokens never contain white space; a trailing newline from a pasted or piped token would
    // otherwise end up in the Authorization header.
    const QString trimmed = token.trimmed();
    if (apiHost.isEmpty() || trimmed.isEmpty()) {
        const QString message = apiHost.isEmpty() ? tr("Cannot save a token without an API host.")
                                                  : tr("Cannot save an empty token for %1.").arg(apiHost);
        d->later([this, apiHost, message] { d->fail(apiHost, message); });
        return;
    }
    if (!GitHub::isWellFormedToken(trimmed)) {
        const QString message = malformedTokenMessage(tr("The token to save"));
        d->later([this, apiHost, message] { d->fail(apiHost, message); });
        return;
    }
    if (!d->keychainAvailable) {
        d->later([this, apiHost, trimmed] { d->keepForSession(apiHost, trimmed); });
        return;
    }

    auto *job = new QKeychain::WritePasswordJob(d->service);
    job->setTextData(trimmed);
    qCDebug(lcAuth) << "writing the token for" << apiHost << "to the keychain";
    d->runKeychainJob(job, apiHost, [this, apiHost, trimmed](QKeychain::Job *finished) {
        switch (finished->error()) {
        case QKeychain::NoError:
            qCInfo(lcAuth) << "token for" << apiHost << "saved in" << tokenSourceName(TokenSource::Keychain);
            Q_EMIT saved(apiHost, TokenSource::Keychain);
            return;
        default:
            if (meansNoKeychain(finished->error())) {
                d->markUnavailable(finished, trimmed);
                d->keepForSession(apiHost, trimmed);
                return;
            }
            d->fail(apiHost, tr("Could not save the token for %1 in the keychain: %2 (QtKeychain error %3).")
                                 .arg(apiHost, withoutToken(finished->errorString(), trimmed))
                                 .arg(int(finished->error())));
            return;
        }
    });
}

void TokenStore::remove(const QString &apiHost)
{
    d->sessionTokens.remove(apiHost);
    if (!d->keychainAvailable) {
        d->later([this, apiHost] {
            qCInfo(lcAuth) << "token for" << apiHost << "removed from"
                           << tokenSourceName(TokenSource::Session);
            Q_EMIT removed(apiHost);
        });
        return;
    }

    qCDebug(lcAuth) << "deleting the token for" << apiHost << "from the keychain";
    d->runKeychainJob(
        new QKeychain::DeletePasswordJob(d->service), apiHost, [this, apiHost](QKeychain::Job *job) {
            switch (job->error()) {
            case QKeychain::NoError:
            case QKeychain::EntryNotFound: // already signed out is what was asked for
                qCInfo(lcAuth) << "token for" << apiHost << "removed from"
                               << tokenSourceName(TokenSource::Keychain);
                Q_EMIT removed(apiHost);
                return;
            default:
                if (meansNoKeychain(job->error())) {
                    // Nothing can be stored where there is no keychain; the session entry is gone.
                    d->markUnavailable(job);
                    Q_EMIT removed(apiHost);
                    return;
                }
                d->fail(apiHost,
                        tr("Could not delete the token for %1 from the keychain: %2 (QtKeychain error %3).")
                            .arg(apiHost, job->errorString())
                            .arg(int(job->error())));
                return;
            }
        });
}

} // namespace Hubshelf::Auth
