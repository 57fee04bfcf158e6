#include "ui/signindialog.h"

#include "auth/tokenvalidator.h"
#include "github/error.h"
#include "settings/preferences.h"
#include "widgets/screenfit.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

bool isGitHubDotCom(const QUrl &apiUrl)
{
    return apiUrl.host().compare(Settings::Preferences::defaultApiUrl().host(), Qt::CaseInsensitive) == 0;
}

} // namespace

SignInDialog::SignInDialog(Auth::TokenValidator *validator, Auth::TokenStore *tokens,
                           const QUrl &currentApiUrl, QWidget *parent)
    : QDialog(parent)
    , m_validator(validator)
    , m_tokens(tokens)
{
    Q_ASSERT(validator);
    Q_ASSERT(tokens);
    setObjectName(u"signInDialog"_s);
    setWindowTitle(tr("Sign In to GitHub"));

    auto *intro = new QLabel(tr("Hubshelf reads the GitHub API with a personal access token. It is checked "
                                "once with GitHub, then kept in your system keychain."),
                             this);
    intro->setWordWrap(true);

    m_githubChoice = new QRadioButton(tr("&GitHub (github.com)"), this);
    m_githubChoice->setObjectName(u"githubChoice"_s);
    m_githubChoice->setToolTip(tr("Sign in to github.com, through https://api.github.com"));
    m_enterpriseChoice = new QRadioButton(tr("GitHub &Enterprise Server"), this);
    m_enterpriseChoice->setObjectName(u"enterpriseChoice"_s);
    m_enterpriseChoice->setToolTip(tr("Sign in to your organization's own GitHub server"));
    auto *choices = new QButtonGroup(this);
    choices->addButton(m_githubChoice);
    choices->addButton(m_enterpriseChoice);

    m_apiUrlField = new QLineEdit(this);
    m_apiUrlField->setObjectName(u"apiUrlField"_s);
    m_apiUrlField->setAccessibleName(tr("API URL"));
    m_apiUrlField->setPlaceholderText(u"https://github.example.com/api/v3"_s);
    m_apiUrlField->setToolTip(tr("The API address of the server: https://HOST/api/v3"));
    m_apiUrlField->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);

    m_tokenField = new QLineEdit(this);
    m_tokenField->setObjectName(u"tokenField"_s);
    m_tokenField->setAccessibleName(tr("Personal access token"));
    m_tokenField->setEchoMode(QLineEdit::Password);
    m_tokenField->setClearButtonEnabled(true);
    m_tokenField->setPlaceholderText(tr("Paste the token here (ghp_… or github_pat_…)"));
    m_tokenField->setToolTip(tr("A classic or fine-grained personal access token"));
    m_tokenField->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                                      Qt::ImhNoAutoUppercase);

    m_tokenHelp = new QLabel(this);
    m_tokenHelp->setObjectName(u"tokenHelp"_s);
    m_tokenHelp->setWordWrap(true);
    m_tokenHelp->setTextFormat(Qt::RichText);
    m_tokenHelp->setOpenExternalLinks(true);
    m_tokenHelp->setTextInteractionFlags(Qt::TextBrowserInteraction);

    auto *anonymous = new QLabel(tr("Without a token: 60 requests an hour; with one: 5,000."), this);
    anonymous->setObjectName(u"anonymousNote"_s);
    anonymous->setWordWrap(true);

    // A grid rather than a QFormLayout: the wrapped help lines get their height for the real width.
    auto *form = new QGridLayout;
    form->setColumnStretch(1, 1);
    auto *server = new QVBoxLayout;
    server->setSpacing(2);
    server->addWidget(m_githubChoice);
    server->addWidget(m_enterpriseChoice);
    form->addWidget(new QLabel(tr("Server:"), this), 0, 0, Qt::AlignLeft | Qt::AlignTop);
    form->addLayout(server, 0, 1);
    auto *apiUrlLabel = new QLabel(tr("&API URL:"), this);
    apiUrlLabel->setBuddy(m_apiUrlField);
    form->addWidget(apiUrlLabel, 1, 0);
    form->addWidget(m_apiUrlField, 1, 1);
    auto *tokenLabel = new QLabel(tr("&Token:"), this);
    tokenLabel->setBuddy(m_tokenField);
    form->addWidget(tokenLabel, 2, 0);
    form->addWidget(m_tokenField, 2, 1);
    form->addWidget(m_tokenHelp, 3, 1);
    form->addWidget(anonymous, 4, 1);

    m_messageIcon = new QLabel(this);
    m_messageIcon->setObjectName(u"messageIcon"_s);
    m_messageIcon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(u"messageLabel"_s);
    // GitHub's words and typed addresses are data, never markup.
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_messageLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"busyIndicator"_s);
    m_busy->setAccessibleName(tr("Checking the token"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_busy->hide();

    auto *message = new QHBoxLayout;
    message->setSpacing(8);
    message->addWidget(m_messageIcon, 0, Qt::AlignTop);
    message->addWidget(m_messageLabel, 1);
    message->addWidget(m_busy, 0, Qt::AlignVCenter);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signInButton = m_buttons->addButton(tr("&Sign In"), QDialogButtonBox::ActionRole);
    m_signInButton->setObjectName(u"signInButton"_s);
    m_signInButton->setToolTip(tr("Check the token with GitHub and keep it in the keychain"));
    m_signInButton->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setToolTip(tr("Close without signing in (Esc)"));
    connect(m_signInButton, &QPushButton::clicked, this, &SignInDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(message);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    if (currentApiUrl.isValid() && !isGitHubDotCom(currentApiUrl)) {
        m_enterpriseChoice->setChecked(true);
        m_apiUrlField->setText(currentApiUrl.toString(QUrl::StripTrailingSlash));
    } else {
        m_githubChoice->setChecked(true);
    }

    connect(m_githubChoice, &QRadioButton::toggled, this, [this] {
        updateControls();
        updateTokenLink();
        if (isEnterprise()) {
            m_apiUrlField->setFocus();
        }
    });
    connect(m_apiUrlField, &QLineEdit::textChanged, this, [this] {
        updateTokenLink();
        if (m_state == State::Editing) {
            showMessage({}, Tone::Plain);
        }
    });
    connect(m_tokenField, &QLineEdit::textChanged, this, [this] {
        if (m_state == State::Editing) {
            showMessage({}, Tone::Plain);
        }
        updateControls();
    });

    connect(m_validator, &Auth::TokenValidator::validated, this, &SignInDialog::onUserFetched);
    connect(m_validator, &Auth::TokenValidator::failed, this, &SignInDialog::onUserFailed);
    connect(m_tokens, &Auth::TokenStore::saved, this, &SignInDialog::onTokenSaved);
    connect(m_tokens, &Auth::TokenStore::failed, this, &SignInDialog::onTokenSaveFailed);
    connect(m_tokens, &Auth::TokenStore::keychainUnavailable, this,
            [this](const QString &text) { m_keychainMessage = text; });

    updateTokenLink();
    updateControls();
    showMessage({}, Tone::Plain);
    Widgets::fitToScreen(this, 560);
    m_tokenField->setFocus();
}

SignInDialog::~SignInDialog()
{
    stopValidation();
}

QUrl SignInDialog::apiUrl() const
{
    return m_state == State::SignedIn ? m_apiUrl : QUrl();
}

QString SignInDialog::login() const
{
    return m_state == State::SignedIn ? m_login : QString();
}

QString SignInDialog::token() const
{
    return m_state == State::SignedIn ? m_token : QString();
}

Auth::TokenSource SignInDialog::tokenSource() const
{
    return m_state == State::SignedIn ? m_source : Auth::TokenSource::None;
}

void SignInDialog::setRetryBaseDelay(int milliseconds)
{
    m_validator->setRetryBaseDelay(milliseconds);
}

bool SignInDialog::isEnterprise() const
{
    return m_enterpriseChoice->isChecked();
}

void SignInDialog::updateControls()
{
    const bool editing = m_state == State::Editing;
    m_githubChoice->setEnabled(editing);
    m_enterpriseChoice->setEnabled(editing);
    m_apiUrlField->setEnabled(editing && isEnterprise());
    m_tokenField->setEnabled(editing);
    m_signInButton->setEnabled(editing && !m_tokenField->text().trimmed().isEmpty());
    m_signInButton->setVisible(m_state != State::SignedIn);
    m_busy->setVisible(m_state == State::Validating || m_state == State::Saving);
}

void SignInDialog::updateTokenLink()
{
    // Tokens are made on the web site of the same server: github.com, or the Enterprise host.
    QUrl site(u"https://github.com/settings/tokens"_s);
    if (isEnterprise()) {
        const QUrl api = Settings::Preferences::apiUrlFromText(m_apiUrlField->text());
        if (api.isValid()) {
            site = QUrl();
            site.setScheme(api.scheme());
            site.setHost(api.host());
            site.setPort(api.port());
            site.setPath(u"/settings/tokens"_s);
        } else {
            site = QUrl();
        }
    }
    const QString where =
        site.isValid()
            ? u"<a href=\"%1\">%2</a>"_s.arg(site.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                             site.toDisplayString(QUrl::RemoveScheme).mid(2).toHtmlEscaped())
            : tr("your server's Settings → Developer settings");
    m_tokenHelp->setText(tr("Create a token at %1. Read-only is enough: public data needs no scopes; "
                            "private repositories need <b>repo</b>.")
                             .arg(where));
}

void SignInDialog::showMessage(const QString &text, Tone tone)
{
    QString shown = text;
    // A second fence: nothing a server or the network layer says may ever show the token.
    const QString typed = m_tokenField->text().trimmed();
    for (const QString &secret : {typed, m_token}) {
        if (secret.size() >= 4) {
            shown.replace(secret, tr("[token]"));
        }
    }
    m_messageLabel->setText(shown);
    m_messageLabel->setAccessibleName(tone == Tone::Problem ? tr("Problem") : tr("Status"));
    m_messageLabel->setAccessibleDescription(shown);
    m_messageLabel->setVisible(!shown.isEmpty());

    QStyle::StandardPixmap icon = QStyle::SP_CustomBase;
    switch (tone) {
    case Tone::Problem:
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case Tone::Notice:
        icon = QStyle::SP_MessageBoxInformation;
        break;
    case Tone::Success:
        icon = QStyle::SP_DialogApplyButton;
        break;
    case Tone::Plain:
    case Tone::Busy:
        break;
    }
    if (icon == QStyle::SP_CustomBase || shown.isEmpty()) {
        m_messageIcon->clear();
        m_messageIcon->hide();
    } else {
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this) * 3 / 2;
        m_messageIcon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
        m_messageIcon->show();
    }
}

void SignInDialog::signIn()
{
    if (m_state != State::Editing) {
        return;
    }
    QUrl api = Settings::Preferences::defaultApiUrl();
    if (isEnterprise()) {
        QString problem;
        api = Settings::Preferences::apiUrlFromText(m_apiUrlField->text(), &problem);
        if (!api.isValid()) {
            showMessage(problem, Tone::Problem);
            m_apiUrlField->setFocus();
            m_apiUrlField->selectAll();
            return;
        }
    }
    // Tokens never contain white space; a paste often brings a trailing newline.
    const QString token = m_tokenField->text().trimmed();
    if (token.isEmpty()) {
        showMessage(tr("Paste a personal access token first."), Tone::Problem);
        m_tokenField->setFocus();
        return;
    }

    m_apiUrl = api;
    m_token = token;
    m_login.clear();
    m_keychainMessage.clear();
    m_state = State::Validating;
    updateControls();
    showMessage(tr("Checking the token with %1…").arg(api.host()), Tone::Busy);

    m_validator->validate(api, token);
}

void SignInDialog::stopValidation()
{
    if (m_state == State::Validating && m_validator) {
        m_validator->cancel();
    }
}

void SignInDialog::onUserFetched(const QUrl &apiUrl, const QString &login)
{
    if (m_state != State::Validating || apiUrl != m_apiUrl) {
        return;
    }
    if (login.isEmpty()) {
        m_state = State::Editing;
        m_token.clear();
        updateControls();
        showMessage(tr("%1 answered, but its answer to /user names no account. Is this the API address?")
                        .arg(m_apiUrl.host()),
                    Tone::Problem);
        return;
    }
    m_login = login;
    m_state = State::Saving;
    updateControls();
    showMessage(tr("Signed in as %1. Saving the token in the keychain…").arg(login), Tone::Busy);
    m_tokens->save(m_apiUrl.host(), m_token);
}

void SignInDialog::onUserFailed(const QUrl &apiUrl, const GitHub::Error &error)
{
    if (m_state != State::Validating || apiUrl != m_apiUrl) {
        return;
    }
    m_state = State::Editing;
    m_token.clear();
    updateControls();

    QString text = error.message();
    QLineEdit *fix = m_tokenField;
    switch (error.kind) {
    case GitHub::Error::Kind::Network:
        text += u' ' + tr("Check the address and your network connection.");
        fix = isEnterprise() ? m_apiUrlField : m_tokenField;
        break;
    case GitHub::Error::Kind::NotFound:
    case GitHub::Error::Kind::BadResponse:
        if (isEnterprise()) {
            text += u' ' + tr("Is this the API address? On GitHub Enterprise Server it ends in /api/v3.");
            fix = m_apiUrlField;
        }
        break;
    default:
        break;
    }
    showMessage(text, Tone::Problem);
    fix->setFocus();
    fix->selectAll();
}

void SignInDialog::onTokenSaved(const QString &apiHost, Auth::TokenSource source)
{
    if (m_state != State::Saving || apiHost != m_apiUrl.host()) {
        return;
    }
    finishSignIn(source);
}

void SignInDialog::onTokenSaveFailed(const QString &apiHost, const QString &message)
{
    if (m_state != State::Saving || apiHost != m_apiUrl.host()) {
        return;
    }
    // A keychain that exists but refused (locked, prompt dismissed): nothing is kept, so this is
    // not a sign-in; the person can unlock it and try again.
    m_state = State::Editing;
    m_token.clear();
    m_login.clear();
    updateControls();
    showMessage(tr("GitHub accepted the token, but it could not be kept: %1").arg(message), Tone::Problem);
}

void SignInDialog::finishSignIn(Auth::TokenSource source)
{
    m_state = State::SignedIn;
    m_source = source;
    if (source == Auth::TokenSource::Session) {
        m_buttons->setStandardButtons(QDialogButtonBox::Ok);
    }
    updateControls();
    Q_EMIT signedIn(m_apiUrl, m_login, m_source);
    if (source != Auth::TokenSource::Session) {
        accept();
        return;
    }
    // Said in the dialog rather than in a message box on top of it; OK (or Esc) closes it.
    const QString why =
        m_keychainMessage.isEmpty()
            ? tr("No keychain was found, so the token is kept for this session only: it is not "
                 "written to disk, and you will need to sign in again the next time.")
            : m_keychainMessage;
    showMessage(tr("Signed in as %1.").arg(m_login) + u' ' + why, Tone::Notice);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setDefault(true);
    ok->setFocus();
}

void SignInDialog::reject()
{
    if (m_state == State::SignedIn) {
        // Signed in is signed in, however the dialog is closed.
        accept();
        return;
    }
    // A keychain write already under way cannot be called back; its result is ignored.
    stopValidation();
    m_state = State::Editing;
    m_token.clear();
    updateControls();
    QDialog::reject();
}

} // namespace Hubshelf::Ui
