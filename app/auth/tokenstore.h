#pragma once

#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

namespace Hubshelf::Auth {

enum class TokenSource {
    None,        // signed out
    Environment, // GH_TOKEN or GITHUB_TOKEN (github.com), GH_ENTERPRISE_TOKEN or GITHUB_ENTERPRISE_TOKEN
    Keychain,    // the OS keychain (Secret Service, KWallet, ...)
    Session,     // no keychain: kept in memory for this run only, never written to a file
};

// "none", "environment", "keychain" or "session": for logs and `auth status`.
const char *tokenSourceName(TokenSource source);

// The token of each API host, kept in the OS keychain through QtKeychain: service "hubshelf",
// key = the API host. The environment overrides the keychain. Every keychain call is
// asynchronous; the result arrives as a signal. The token is never logged.
class TokenStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStore)

public:
    explicit TokenStore(const QString &service = QStringLiteral("hubshelf"), QObject *parent = nullptr);
    ~TokenStore() override;

    // Tests and the CLI pass the environment in; the default is the process's own.
    void setEnvironment(const QProcessEnvironment &environment);

    void load(const QString &apiHost);
    void save(const QString &apiHost, const QString &token);
    void remove(const QString &apiHost);

    // One sentence for a token outside GitHub's alphabet (see GitHub::isWellFormedToken), which is
    // refused everywhere: `where` names its origin ("GH_TOKEN"), never the token itself.
    static QString malformedTokenMessage(const QString &where);

    // The variables a token for `apiHost` is read from, in order: gh's GH_TOKEN and GITHUB_TOKEN for
    // github.com, GH_ENTERPRISE_TOKEN and GITHUB_ENTERPRISE_TOKEN for any other server.
    static QStringList environmentVariables(const QString &apiHost);

    // False once the keychain has reported that there is none (e.g. no D-Bus session).
    bool keychainAvailable() const;

Q_SIGNALS:
    // `token` is empty with TokenSource::None.
    void loaded(const QString &apiHost, const QString &token, Hubshelf::Auth::TokenSource source);
    void saved(const QString &apiHost, Hubshelf::Auth::TokenSource source);
    void removed(const QString &apiHost);
    // Emitted once per store: what is missing and that tokens are kept for this session only.
    void keychainUnavailable(const QString &message);
    void failed(const QString &apiHost, const QString &message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Hubshelf::Auth
