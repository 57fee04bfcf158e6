#include "ui/accountmenu.h"

#include "auth/tokenvalidator.h"
#include "auth/viewerlookup.h"
#include "github/client.h"
#include "github/error.h"
#include "settings/appsettings.h"
#include "ui/signindialog.h"

#include <QAction>
#include <QApplication>
#include <QIcon>
#include <QMenu>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

AccountMenu::AccountMenu(GitHub::Client *client, Auth::TokenStore *tokens, Auth::TokenValidator *validator,
                         Settings::AppSettings *settings, QToolButton *button, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_tokens(tokens)
    , m_validator(validator)
    , m_settings(settings)
    , m_button(button)
{
    m_menu = new QMenu(button);
    m_menu->setObjectName(u"accountMenu"_s);
    m_statusAction = m_menu->addAction(QString());
    m_statusAction->setEnabled(false);
    m_menu->addSeparator();
    m_myGistsAction = m_menu->addAction(tr("My &Gists"));
    m_myGistsAction->setObjectName(u"myGistsAction"_s);
    m_myGistsAction->setToolTip(tr("Your own gists, secret ones too"));
    connect(m_myGistsAction, &QAction::triggered, this,
            [this] { Q_EMIT placeRequested(m_login, Models::Place::MyGists); });
    m_starredAction = m_menu->addAction(tr("S&tarred Gists"));
    m_starredAction->setObjectName(u"starredAction"_s);
    m_starredAction->setToolTip(tr("The gists you starred"));
    connect(m_starredAction, &QAction::triggered, this,
            [this] { Q_EMIT placeRequested(m_login, Models::Place::Starred); });
    m_menu->addSeparator();
    m_signInAction = m_menu->addAction(QIcon::fromTheme(u"system-log-in"_s), tr("Sign &In…"));
    m_signInAction->setObjectName(u"signInAction"_s);
    connect(m_signInAction, &QAction::triggered, this, &AccountMenu::signIn);
    m_signOutAction = m_menu->addAction(QIcon::fromTheme(u"system-log-out"_s), tr("Sign &Out"));
    m_signOutAction->setObjectName(u"signOutAction"_s);
    connect(m_signOutAction, &QAction::triggered, this, &AccountMenu::signOut);
    m_button->setMenu(m_menu);
    m_button->setPopupMode(QToolButton::InstantPopup);

    const bool canSignIn = m_client && m_tokens && m_validator;
    m_signInAction->setEnabled(canSignIn);
    if (m_tokens) {
        connect(m_tokens, &Auth::TokenStore::loaded, this, &AccountMenu::tokenLoaded);
        connect(m_tokens, &Auth::TokenStore::keychainUnavailable, this, &AccountMenu::message);
    }
    update();
}

AccountMenu::~AccountMenu() = default;

SignInDialog *AccountMenu::signInDialog() const
{
    return m_dialog;
}

void AccountMenu::start()
{
    if (m_client && m_tokens) {
        m_tokens->load(m_client->apiBase().host());
    }
}

void AccountMenu::tokenLoaded(const QString &apiHost, const QString &token, Auth::TokenSource source)
{
    if (!m_client || apiHost != m_client->apiBase().host()) {
        return; // an answer for an API this window no longer speaks to
    }
    useToken(token, source);
}

void AccountMenu::useToken(const QString &token, Auth::TokenSource source)
{
    if (m_userRequest) {
        m_userRequest->abandon(); // an answer about the previous token
    }
    m_client->setToken(token.toUtf8());
    m_source = token.isEmpty() ? Auth::TokenSource::None : source;
    m_login.clear();
    update();
    Q_EMIT accountChanged();
    if (!token.isEmpty()) {
        lookUpLogin();
    }
}

void AccountMenu::lookUpLogin()
{
    if (m_userRequest) {
        m_userRequest->abandon();
    }
    GitHub::RequestOptions options;
    options.waitForRateLimit = false;
    m_userRequest = Auth::lookUpViewer(
        *m_client, options, this,
        [this](const QString &login) {
            m_login = login;
            update();
        },
        [this](const GitHub::Error &error) {
            // A token GitHub no longer accepts: say so where the person looks, keep it until they
            // act. Other failures (offline, rate limit) show up in the page being browsed, with Retry.
            if (error.kind == GitHub::Error::Kind::Unauthorized) {
                Q_EMIT message(error.message());
            }
            update();
            Q_EMIT loginChanged(m_login); // still unknown: whoever waited for it goes on without
        });
}

void AccountMenu::signIn()
{
    if (!m_client || !m_tokens || !m_validator) {
        return;
    }
    if (!m_dialog) {
        QWidget *focused = QApplication::focusWidget();
        m_focusBefore = focused && focused->window() == m_button->window() ? focused : nullptr;
        m_dialog = new SignInDialog(m_validator, m_tokens, m_client->apiBase(), m_button->window());
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &SignInDialog::signedIn, this, &AccountMenu::signedIn);
        connect(m_dialog, &QDialog::finished, this, &AccountMenu::giveFocusBack);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void AccountMenu::giveFocusBack()
{
    // The window manager activates some window when a dialog closes, and Qt gives focus to the
    // first control in the chain (the rate-limit label): back to where the person was instead.
    QWidget *window = m_button->window();
    window->activateWindow();
    QWidget *target = m_focusBefore && m_focusBefore->isVisible() ? m_focusBefore.data() : m_homeFocus.data();
    if (target && target->isVisible()) {
        target->setFocus(Qt::OtherFocusReason);
    }
}

void AccountMenu::signedIn(const QUrl &apiUrl, const QString &login, Auth::TokenSource source)
{
    if (!m_client || !m_dialog) {
        return;
    }
    if (apiUrl != m_client->apiBase()) {
        m_client->setApiBase(apiUrl);
        if (m_settings) {
            m_settings->setApiUrl(apiUrl);
        }
    }
    if (m_userRequest) {
        m_userRequest->abandon();
    }
    m_client->setToken(m_dialog->token().toUtf8());
    m_source = source;
    m_login = login;
    update();
    Q_EMIT accountChanged();
}

void AccountMenu::signOut()
{
    if (!m_client) {
        return;
    }
    if (m_source == Auth::TokenSource::Environment) {
        const QStringList variables = Auth::TokenStore::environmentVariables(m_client->apiBase().host());
        Q_EMIT message(tr("The token comes from the environment (%1 or %2); unset it to sign out.")
                           .arg(variables.value(0), variables.value(1)));
        return;
    }
    if (m_tokens) {
        m_tokens->remove(m_client->apiBase().host());
    }
    useToken({}, Auth::TokenSource::None);
}

void AccountMenu::update()
{
    const bool signedIn = m_source != Auth::TokenSource::None;
    QString where;
    switch (m_source) {
    case Auth::TokenSource::Keychain:
        where = tr("the token is in the keychain");
        break;
    case Auth::TokenSource::Environment:
        where = tr("the token comes from the environment");
        break;
    case Auth::TokenSource::Session:
        where = tr("no keychain: the token is kept for this session only");
        break;
    case Auth::TokenSource::None:
        break;
    }
    const QString host = m_client ? m_client->apiBase().host() : QString();
    if (!signedIn) {
        m_button->setText(tr("Anonymous"));
        m_statusAction->setText(tr("Not signed in (60 requests an hour)"));
        m_button->setToolTip(
            tr("Not signed in: requests are anonymous, and GitHub allows 60 of them an hour. "
               "Sign in with a token for 5,000."));
    } else {
        const QString who = m_login.isEmpty() ? tr("Signed in") : m_login;
        m_button->setText(who);
        m_statusAction->setText(m_login.isEmpty() ? tr("Signed in to %1; %2").arg(host, where)
                                                  : tr("%1 on %2; %3").arg(m_login, host, where));
        m_button->setToolTip(m_statusAction->text());
    }
    m_signOutAction->setEnabled(signedIn);
    // Whose gists they are is known once GitHub has said whose the token is.
    const bool known = signedIn && !m_login.isEmpty();
    m_myGistsAction->setEnabled(known);
    m_starredAction->setEnabled(known);
    const QString login = signedIn ? m_login : QString();
    if (login != m_announcedLogin) {
        m_announcedLogin = login;
        Q_EMIT loginChanged(login);
    }
}

} // namespace Hubshelf::Ui
