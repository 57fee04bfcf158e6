#pragma once

#include "auth/tokenstore.h"
#include "models/places.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QAction;
class QMenu;
class QToolButton;

namespace Hubshelf::GitHub {
class Client;
class Request;
} // namespace Hubshelf::GitHub
namespace Hubshelf::Auth {
class TokenValidator;
}
namespace Hubshelf::Settings {
class AppSettings;
}

namespace Hubshelf::Ui {

class SignInDialog;

// The account button in the toolbar: who Hubshelf speaks as (a login, or anonymous), where the
// token lives, and Sign In… / Sign Out. It loads the token of the client's API host at start and
// hands it to the client; GitHub's GET /user says whose it is.
class AccountMenu final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountMenu)

public:
    // `validator` checks a new token in the sign-in dialog; `settings` keeps the API URL signed in
    // to. Any argument but the button may be null (no sign-in then).
    AccountMenu(GitHub::Client *client, Auth::TokenStore *tokens, Auth::TokenValidator *validator,
                Settings::AppSettings *settings, QToolButton *button, QObject *parent = nullptr);
    ~AccountMenu() override;

    // Reads the token of the client's API host (asynchronously: the keychain may ask the person).
    void start();
    void signIn();
    void signOut();

    QString login() const { return m_login; } // empty while anonymous or not yet known
    Auth::TokenSource tokenSource() const { return m_source; }
    SignInDialog *signInDialog() const; // while open
    // Where focus goes when the sign-in dialog closes and nothing in the window had it before.
    void setHomeFocus(QWidget *widget) { m_homeFocus = widget; }
    QAction *signInAction() const { return m_signInAction; }
    QAction *signOutAction() const { return m_signOutAction; }
    QAction *myGistsAction() const { return m_myGistsAction; }
    QAction *starredAction() const { return m_starredAction; }

Q_SIGNALS:
    // Someone else now speaks through the client (signed in, out, or another API).
    void accountChanged();
    // Worth saying in the window's banner, e.g. that no keychain is available.
    void message(const QString &text);
    // Whose the token is, once GitHub said (empty: anonymous, or not known yet).
    void loginChanged(const QString &login);
    // My gists or Starred was chosen: a place of the signed-in person's own.
    void placeRequested(const QString &login, Hubshelf::Models::Place place);

private:
    void tokenLoaded(const QString &apiHost, const QString &token, Auth::TokenSource source);
    void useToken(const QString &token, Auth::TokenSource source);
    void lookUpLogin();
    void signedIn(const QUrl &apiUrl, const QString &login, Auth::TokenSource source);
    void update();
    void giveFocusBack();

    QPointer<GitHub::Client> m_client;
    QPointer<Auth::TokenStore> m_tokens;
    QPointer<Auth::TokenValidator> m_validator;
    QPointer<Settings::AppSettings> m_settings;
    QToolButton *m_button = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_statusAction = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_myGistsAction = nullptr;
    QAction *m_starredAction = nullptr;
    QPointer<SignInDialog> m_dialog;
    QPointer<QWidget> m_focusBefore;
    QPointer<QWidget> m_homeFocus;
    QPointer<GitHub::Request> m_userRequest;
    QString m_login;
    QString m_announcedLogin; // what loginChanged() last said
    Auth::TokenSource m_source = Auth::TokenSource::None;
};

} // namespace Hubshelf::Ui
