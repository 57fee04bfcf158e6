#pragma once

#include "auth/tokenstore.h"

#include <QDialog>
#include <QPointer>
#include <QString>
#include <QUrl>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace Hubshelf::GitHub {
struct Error;
}
namespace Hubshelf::Auth {
class TokenValidator;
}

namespace Hubshelf::Ui {

// Signs in to github.com or a GitHub Enterprise Server with a personal access token: the token is
// checked by Auth::TokenValidator (GET /user), then saved in the keychain under the API host. Everything is
// asynchronous; Cancel stops the check at any time. When there is no keychain the sign-in still succeeds, and
// the dialog says the token is kept for this session only. The token never appears in a message or a log.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    enum class State {
        Editing,    // waiting for the person
        Validating, // GET /user under way
        Saving,     // token accepted by GitHub, keychain write under way
        SignedIn,   // done; result accessors are valid
    };

    // Neither `validator` nor `tokens` is owned; both must outlive the dialog. `currentApiUrl`
    // preselects github.com or Enterprise Server (with that URL).
    SignInDialog(Auth::TokenValidator *validator, Auth::TokenStore *tokens, const QUrl &currentApiUrl,
                 QWidget *parent = nullptr);
    ~SignInDialog() override;

    // Valid once signed in.
    QUrl apiUrl() const;
    QString login() const;
    QString token() const;
    Auth::TokenSource tokenSource() const;

    State state() const { return m_state; }

    // Starts the check, as the "Sign in" button does. Refuses an invalid Enterprise URL or an
    // empty token with a sentence in the message line, without sending anything.
    void signIn();

    // Test hooks: a small first retry delay, so that unreachable hosts fail fast.
    void setRetryBaseDelay(int milliseconds);

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    void signedIn(const QUrl &apiUrl, const QString &login, Hubshelf::Auth::TokenSource source);

private:
    enum class Tone { Plain, Busy, Problem, Success, Notice };

    bool isEnterprise() const;
    void updateControls();
    void updateTokenLink();
    void showMessage(const QString &text, Tone tone);
    void stopValidation();
    void onUserFetched(const QUrl &apiUrl, const QString &login);
    void onUserFailed(const QUrl &apiUrl, const GitHub::Error &error);
    void onTokenSaved(const QString &apiHost, Auth::TokenSource source);
    void onTokenSaveFailed(const QString &apiHost, const QString &message);
    void finishSignIn(Auth::TokenSource source);

    QPointer<Auth::TokenValidator> m_validator;
    Auth::TokenStore *m_tokens;
    State m_state = State::Editing;

    // The attempt under way and, once signed in, the result.
    QUrl m_apiUrl;
    QString m_login;
    QString m_token;
    Auth::TokenSource m_source = Auth::TokenSource::None;
    QString m_keychainMessage;

    QRadioButton *m_githubChoice = nullptr;
    QRadioButton *m_enterpriseChoice = nullptr;
    QLineEdit *m_apiUrlField = nullptr;
    QLineEdit *m_tokenField = nullptr;
    QLabel *m_tokenHelp = nullptr;
    QLabel *m_messageIcon = nullptr;
    QLabel *m_messageLabel = nullptr;
    QProgressBar *m_busy = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_signInButton = nullptr;
};

} // namespace Hubshelf::Ui
