#include "ui/mainwindow.h"

#include "cache/etagcache.h"
#include "github/client.h"
#include "github/connectivityprobe.h"
#include "github/error.h"
#include "github/target.h"
#include "models/lowlimitwatch.h"
#include "models/navigator.h"
#include "models/ratelimithistory.h"
#include "settings/appsettings.h"
#include "ui/accountmenu.h"
#include "ui/cacheindicator.h"
#include "ui/errorbanner.h"
#include "ui/explorerview.h"
#include "ui/exportcontroller.h"
#include "ui/exportnotice.h"
#include "ui/insightsview.h"
#include "ui/listpane.h"
#include "ui/logging.h"
#include "ui/networklogdock.h"
#include "ui/ratelimitdialog.h"
#include "ui/ratelimitindicator.h"
#include "ui/settingsdialog.h"
#include "widgets/currentpagesize.h"
#include "widgets/framepacer.h"
#include "widgets/openurl.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <hubshelf/version.h>

using namespace Qt::StringLiterals;

// Q_INIT_RESOURCE declares an extern function, so it must be used outside any namespace. The
// resources live in a static library: without this call the linker drops them.
static void initHubshelfResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace Hubshelf::Ui {

namespace {

// Names of the window's state in AppSettings.
const QString geometryState = u"geometry"_s;
const QString toolBarState = u"state"_s;
const QString lastPlaceState = u"lastPlace"_s;
const QString splitterState = u"splitter"_s;
const QString windowIconPath = u":/hubshelf/icons/hubshelf.svg"_s;

constexpr QSize defaultWindowSize(1280, 800);

QIcon themeIcon(const QString &name, const QStyle *style, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(name, style->standardIcon(fallback));
}

QFont scaledFont(QFont font, qreal factor, QFont::Weight weight = QFont::Normal)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setWeight(weight);
    return font;
}

QLabel *makeCentredLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

MainWindow::MainWindow(const WindowServices &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_settings(services.settings ? services.settings : new Settings::AppSettings(this))
{
    initHubshelfResources();
    new Widgets::FramePacer(this);
    // The rate-limit chart covers the session from the first response, however late the dialog
    // opens: a window given no history keeps one from now on.
    if (!m_services.rateLimitHistory && m_services.client) {
        m_services.rateLimitHistory = new Models::RateLimitHistory(nullptr, m_services.client, this);
    }

    setObjectName(u"mainWindow"_s);
    setWindowTitle(QGuiApplication::applicationDisplayName());
    setWindowIcon(QIcon(windowIconPath));

    createActions();
    createMenus();
    createToolBar();
    createCentralArea();
    createStatusBar();
    createDocks();
    restoreWindowState();

    m_accountMenu = new AccountMenu(m_services.client, m_services.tokens, m_services.validator, m_settings,
                                    m_accountButton, this);
    connect(m_accountMenu, &AccountMenu::message, m_errorBanner, &ErrorBanner::showMessage);
    connect(m_accountMenu, &AccountMenu::accountChanged, m_explorer, &ExplorerView::resetForAccount);
    connect(m_accountMenu, &AccountMenu::loginChanged, m_explorer->navigator(),
            &Models::Navigator::setViewer);
    connect(m_accountMenu, &AccountMenu::placeRequested, this,
            [this](const QString &login, Models::Place place) {
                Models::Location location;
                location.target = GitHub::parseTarget(u'@' + login);
                location.place = place;
                m_explorer->open(location);
            });
    connect(m_explorer->listPane(), &ListPane::signInRequested, m_accountMenu, &AccountMenu::signIn);
    // Once the token is known: opened before, the last place would be asked for anonymously first.
    connect(m_accountMenu, &AccountMenu::accountChanged, this, &MainWindow::openLastPlace,
            Qt::SingleShotConnection);
    m_accountMenu->setHomeFocus(m_addressField);
    m_accountMenu->start();
    // Signing in and out from the keyboard too: the toolbar button is not in the tab chain.
    m_fileMenu->insertActions(m_quitAction, {m_accountMenu->signInAction(), m_accountMenu->signOutAction()});
    m_fileMenu->insertSeparator(m_quitAction);

    qApp->installEventFilter(this);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // A line edit claims some window shortcuts for its own editing keys (Ctrl+E is "end of line"
    // on X11), and the address and filter fields are exactly where focus is after typing. The
    // window's own actions win there: filtering the override leaves it unaccepted, so the
    // shortcut fires.
    if (event->type() == QEvent::ShortcutOverride && watched->isWidgetType() &&
        static_cast<QWidget *>(watched)->window() == this) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const QKeySequence pressed(key->keyCombination());
        for (const QAction *action : {m_exportAction, m_openInBrowserAction, m_focusAddressAction}) {
            if (action->isEnabled() && action->shortcuts().contains(pressed)) {
                return true;
            }
        }
    }
    if (event->type() == QEvent::MouseButtonPress && watched->isWidgetType() &&
        static_cast<QWidget *>(watched)->window() == this) {
        const Qt::MouseButton button = static_cast<QMouseEvent *>(event)->button();
        QAction *action = button == Qt::BackButton      ? m_backAction
                          : button == Qt::ForwardButton ? m_forwardAction
                                                        : nullptr;
        if (action) {
            if (action->isEnabled()) {
                action->trigger();
            }
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::createActions()
{
    const QStyle *appStyle = style();

    // History and the current target arrive with navigation; until then there is nothing to act on.
    m_backAction =
        new QAction(themeIcon(u"go-previous"_s, appStyle, QStyle::SP_ArrowBack), tr("&Back"), this);
    m_backAction->setObjectName(u"backAction"_s);
    m_backAction->setShortcuts(QKeySequence::Back);
    m_backAction->setToolTip(tr("Go back to the previous page"));
    m_backAction->setEnabled(false);

    m_forwardAction =
        new QAction(themeIcon(u"go-next"_s, appStyle, QStyle::SP_ArrowForward), tr("&Forward"), this);
    m_forwardAction->setObjectName(u"forwardAction"_s);
    m_forwardAction->setShortcuts(QKeySequence::Forward);
    m_forwardAction->setToolTip(tr("Go forward to the next page"));
    m_forwardAction->setEnabled(false);

    m_refreshAction =
        new QAction(themeIcon(u"view-refresh"_s, appStyle, QStyle::SP_BrowserReload), tr("&Refresh"), this);
    m_refreshAction->setObjectName(u"refreshAction"_s);
    QList<QKeySequence> refreshKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    // Some platforms bind Refresh to Ctrl+R only; F5 is what every browser user presses.
    if (!refreshKeys.contains(QKeySequence(Qt::Key_F5))) {
        refreshKeys.append(QKeySequence(Qt::Key_F5));
    }
    m_refreshAction->setShortcuts(refreshKeys);
    m_refreshAction->setToolTip(tr("Load the current page again"));
    m_refreshAction->setEnabled(false);

    m_focusAddressAction = new QAction(tr("Go to &Address"), this);
    m_focusAddressAction->setObjectName(u"focusAddressAction"_s);
    m_focusAddressAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_focusAddressAction, &QAction::triggered, this, &MainWindow::focusAddressField);
    // On the window too: shortcuts of menu-only actions stop working when the menu bar is hidden.
    addAction(m_focusAddressAction);

    m_quitAction = new QAction(themeIcon(u"application-exit"_s, appStyle, QStyle::SP_DialogCloseButton),
                               tr("&Quit"), this);
    m_quitAction->setObjectName(u"quitAction"_s);
    m_quitAction->setShortcuts(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    // close(), not QApplication::quit(): closing runs closeEvent, which saves the window state.
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_aboutAction =
        new QAction(themeIcon(u"help-about"_s, appStyle, QStyle::SP_MessageBoxInformation),
                    tr("&About %1").arg(QString::fromLatin1(Hubshelf::ApplicationDisplayName)), this);
    m_aboutAction->setObjectName(u"aboutAction"_s);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_exportAction = new QAction(themeIcon(u"document-save-as"_s, appStyle, QStyle::SP_DialogSaveButton),
                                 tr("&Export as CSV…"), this);
    m_exportAction->setObjectName(u"exportAction"_s);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(
        tr("Save the list as CSV: the visible columns, filtered and sorted as shown, every page"));
    m_exportAction->setEnabled(false);
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportList);

    m_findAction = new QAction(themeIcon(u"edit-find"_s, appStyle, QStyle::SP_FileDialogContentsView),
                               tr("&Filter Rows"), this);
    m_findAction->setObjectName(u"findAction"_s);
    m_findAction->setShortcuts(QKeySequence::Find);
    m_findAction->setEnabled(false);

    m_openInBrowserAction = new QAction(
        themeIcon(u"internet-web-browser"_s, appStyle, QStyle::SP_DirLinkIcon), tr("Open on &GitHub"), this);
    m_openInBrowserAction->setObjectName(u"openInBrowserAction"_s);
    m_openInBrowserAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openInBrowserAction->setToolTip(tr("Open the selected row, or what is shown, in the web browser"));
    m_openInBrowserAction->setEnabled(false);
    connect(m_openInBrowserAction, &QAction::triggered, this, &MainWindow::openInBrowser);

    m_settingsAction =
        new QAction(themeIcon(u"preferences-system"_s, appStyle, QStyle::SP_FileDialogDetailedView),
                    tr("&Settings…"), this);
    m_settingsAction->setObjectName(u"settingsAction"_s);
    QList<QKeySequence> settingsKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (settingsKeys.isEmpty()) {
        settingsKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    }
    m_settingsAction->setShortcuts(settingsKeys);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    for (QAction *action : {m_exportAction, m_findAction, m_openInBrowserAction, m_settingsAction}) {
        addAction(action); // work with the menu bar hidden too
    }

    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setObjectName(u"aboutQtAction"_s);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->setObjectName(u"fileMenu"_s);
    m_fileMenu->addAction(m_exportAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->setObjectName(u"editMenu"_s);
    editMenu->addAction(m_findAction);
    editMenu->addSeparator();
    editMenu->addAction(m_settingsAction);

    QMenu *goMenu = menuBar()->addMenu(tr("&Go"));
    goMenu->setObjectName(u"goMenu"_s);
    goMenu->addAction(m_backAction);
    goMenu->addAction(m_forwardAction);
    goMenu->addAction(m_refreshAction);
    goMenu->addSeparator();
    goMenu->addAction(m_focusAddressAction);
    goMenu->addAction(m_openInBrowserAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(u"viewMenu"_s);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(u"helpMenu"_s);
    helpMenu->addAction(m_aboutAction);
    helpMenu->addAction(m_aboutQtAction);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Navigation"));
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_toolBar->setMovable(false);
    m_toolBar->setFloatable(false);
    // The address field lives here: hiding the toolbar would leave no way to go anywhere.
    m_toolBar->toggleViewAction()->setVisible(false);
    m_toolBar->addAction(m_backAction);
    m_toolBar->addAction(m_forwardAction);
    m_toolBar->addAction(m_refreshAction);

    // In a box with side margins: a little air between the field and the buttons around it.
    auto *addressBox = new QWidget(m_toolBar);
    addressBox->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_addressField = new QLineEdit(addressBox);
    m_addressField->setObjectName(u"addressField"_s);
    m_addressField->setPlaceholderText(tr("User, organization, owner/repo, gist id or github.com URL"));
    m_addressField->setAccessibleName(tr("Address"));
    m_addressField->setToolTip(tr("Type a GitHub user or organization (octocat), a repository "
                                  "(octocat/Hello-World), a gist id or a github.com URL, then press "
                                  "Enter (%1)")
                                   .arg(m_focusAddressAction->shortcut().toString(QKeySequence::NativeText)));
    m_addressField->setClearButtonEnabled(true);
    connect(m_addressField, &QLineEdit::returnPressed, this, &MainWindow::openAddress);
    m_addressField->setMinimumWidth(m_addressField->fontMetrics().averageCharWidth() * 40);
    m_addressField->setTextMargins(4, 0, 4, 0);
    // As tall as the tool buttons beside it, as in a browser.
    m_addressField->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *addressLayout = new QHBoxLayout(addressBox);
    addressLayout->setContentsMargins(6, 0, 6, 0);
    addressLayout->addWidget(m_addressField);
    m_toolBar->addWidget(addressBox);

    m_accountButton = new QToolButton(m_toolBar);
    m_accountButton->setObjectName(u"accountButton"_s);
    m_accountButton->setText(tr("Anonymous"));
    m_accountButton->setIcon(QIcon::fromTheme(u"avatar-default"_s, QIcon::fromTheme(u"user-identity"_s)));
    m_accountButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_accountButton->setAutoRaise(true);
    m_accountButton->setAccessibleName(tr("Account"));
    m_accountButton->setToolTip(tr("Not signed in: requests are anonymous, and GitHub allows 60 of "
                                   "them an hour"));
    m_toolBar->addWidget(m_accountButton);
}

void MainWindow::createCentralArea()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"emptyPage"_s);
    page->setBackgroundRole(QPalette::Base);
    page->setAutoFillBackground(true);

    auto *column = new QWidget(page);
    column->setMaximumWidth(column->fontMetrics().averageCharWidth() * 100);

    auto *iconLabel = new QLabel(column);
    iconLabel->setObjectName(u"placeholderIcon"_s);
    iconLabel->setPixmap(windowIcon().pixmap(QSize(72, 72), devicePixelRatio()));
    iconLabel->setAlignment(Qt::AlignCenter);
    iconLabel->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    auto *headingLabel = makeCentredLabel(tr("Explore GitHub"), column);
    headingLabel->setObjectName(u"placeholderHeading"_s);
    headingLabel->setFont(scaledFont(headingLabel->font(), 1.7, QFont::DemiBold));

    m_placeholderLabel = makeCentredLabel(
        tr("Type a user, an organization, owner/repo or a gist id above, then press Enter."), column);
    m_placeholderLabel->setObjectName(u"placeholderLabel"_s);
    m_placeholderLabel->setFont(scaledFont(m_placeholderLabel->font(), 1.2));

    auto *examplesLabel =
        makeCentredLabel(tr("For example: %1, %2 or %3")
                             .arg(u"octocat"_s, u"octocat/Hello-World"_s, u"https://github.com/octocat"_s),
                         column);
    examplesLabel->setObjectName(u"placeholderExamples"_s);
    examplesLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(0);
    columnLayout->addWidget(iconLabel);
    columnLayout->addSpacing(12);
    columnLayout->addWidget(headingLabel);
    columnLayout->addSpacing(12);
    columnLayout->addWidget(m_placeholderLabel);
    columnLayout->addSpacing(8);
    columnLayout->addWidget(examplesLabel);

    // Stretch factors rather than an alignment: an aligned widget gets its size hint, which for
    // word-wrapped labels is a narrow column that does not wrap to the height it needs.
    auto *rowLayout = new QHBoxLayout;
    rowLayout->addStretch(1);
    rowLayout->addWidget(column, 4);
    rowLayout->addStretch(1);

    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(24, 24, 24, 24);
    // Slightly above the middle, where the eye expects a dialog-like message.
    pageLayout->addStretch(2);
    pageLayout->addLayout(rowLayout);
    pageLayout->addStretch(3);

    // The banner sits above whatever the centre shows, never in a modal dialog.
    auto *centre = new QWidget(this);
    centre->setObjectName(u"centre"_s);
    m_errorBanner = new ErrorBanner(centre);
    connect(Widgets::browserFailures(), &Widgets::BrowserFailures::copiedInstead, m_errorBanner,
            [this](const QUrl &url) {
                const QString shown = url.toDisplayString();
                m_errorBanner->showMessage(
                    url.scheme() == u"mailto"_s
                        ? tr("No mail program started for %1. Copied the address instead.").arg(shown)
                        : tr("No web browser started for %1. Copied the link instead.").arg(shown));
            });
    m_errorBanner->setObjectName(u"errorBanner"_s);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(m_errorBanner);
    m_exportNotice = new ExportNotice(centre);
    centreLayout->addWidget(m_exportNotice);
    m_explorer = new ExplorerView(m_services.client, m_services.avatars, m_settings, centre);
    m_pages = new QStackedWidget(centre);
    m_pages->addWidget(page);
    m_pages->addWidget(m_explorer);
    Widgets::sizeToCurrentPage(m_pages);
    centreLayout->addWidget(m_pages, 1);
    setCentralWidget(centre);

    connect(m_errorBanner, &ErrorBanner::retryRequested, m_explorer, &ExplorerView::retry);
    connect(m_explorer, &ExplorerView::failed, this, &MainWindow::showFailure);
    connect(m_explorer, &ExplorerView::recovered, this, &MainWindow::showRecovery);
    connect(m_explorer, &ExplorerView::notice, m_errorBanner, &ErrorBanner::showMessage);
    connect(m_explorer, &ExplorerView::shown, this, &MainWindow::showOfflineBanner);
    connect(m_explorer, &ExplorerView::locationChanged, this, &MainWindow::followLocation);
    connect(m_backAction, &QAction::triggered, m_explorer, &ExplorerView::goBack);
    connect(m_forwardAction, &QAction::triggered, m_explorer, &ExplorerView::goForward);
    connect(m_refreshAction, &QAction::triggered, m_explorer, &ExplorerView::refresh);
    connect(m_findAction, &QAction::triggered, m_explorer->listPane(), &ListPane::focusFilter);

    m_exportController = new ExportController(m_explorer->listPane(), this);
    connect(m_exportController, &ExportController::failed, m_errorBanner, &ErrorBanner::showMessage);
    connect(m_exportController, &ExportController::cancelled, this,
            [this] { statusBar()->showMessage(tr("Export cancelled; nothing was written."), 10000); });
    connect(m_exportController, &ExportController::exported, this, [this](const QString &path, int rows) {
        m_exportNotice->showExported(path, rows);
        m_settings->setLastSaveDirectory(QFileInfo(path).absolutePath());
    });
}

void MainWindow::showFailure(const GitHub::Error &error)
{
    GitHub::Client *client = m_services.client;
    if (error.kind == GitHub::Error::Kind::Network && client && !client->isOffline()) {
        m_offlineReason = error.message();
        m_connectionLabel->setToolTip(m_offlineReason);
        goOffline();
        return;
    }
    if (error.kind == GitHub::Error::Kind::Offline && client && client->isOffline()) {
        const std::optional<Location> location = m_explorer->currentLocation();
        m_errorBanner->showMessage(
            tr("Offline — %1 %2 was not opened here before, so nothing of it is saved; "
               "it opens by itself once GitHub can be reached.")
                .arg(m_offlineReason, location ? location->target.text() : tr("This place")));
        return;
    }
    m_errorBanner->showError(error);
}

void MainWindow::showRecovery()
{
    if (m_services.client && m_services.client->isOffline()) {
        return; // the offline banner stays: what shows is what was saved
    }
    m_errorBanner->clear();
}

void MainWindow::goOffline()
{
    GitHub::Client *client = m_services.client;
    client->setOffline(true);
    m_connectionLabel->show();
    if (!m_probe) {
        m_probe = new GitHub::ConnectivityProbe(client->network(), this);
        m_probe->setObjectName(u"connectivityProbe"_s);
        connect(m_probe, &GitHub::ConnectivityProbe::reachable, this, &MainWindow::backOnline);
    }
    m_probe->start(client->apiBase());
    m_errorBanner->showMessage(tr("Offline — %1 Places opened before show what was saved; Hubshelf notices "
                                  "by itself when GitHub is back.")
                                   .arg(m_offlineReason));
    // What failed to load comes from the cache now.
    if (m_explorer->currentLocation()) {
        m_explorer->refresh();
    }
}

void MainWindow::backOnline()
{
    m_services.client->setOffline(false);
    m_connectionLabel->hide();
    m_errorBanner->clear();
    statusBar()->showMessage(tr("GitHub can be reached again."), 10000);
    if (m_explorer->currentLocation()) {
        m_explorer->refresh(); // what was saved is checked with GitHub now
    }
}

void MainWindow::showOfflineBanner()
{
    if (!m_services.client || !m_services.client->isOffline()) {
        return;
    }
    const QDateTime saved = m_explorer->savedAt();
    if (!saved.isValid()) {
        return;
    }
    const QLocale locale;
    const QDateTime local = saved.toLocalTime();
    const QString when = local.date() == QDate::currentDate()
                             ? locale.toString(local.time(), QLocale::ShortFormat)
                             : locale.toString(local, QLocale::ShortFormat);
    m_errorBanner->showMessage(tr("Offline — showing what was saved at %1.").arg(when));
}

void MainWindow::followLocation()
{
    const std::optional<Location> location = m_explorer->currentLocation();
    if (location) {
        // Kept at once rather than at close: a session that ends otherwise comes back here too.
        m_settings->setWindowState(lastPlaceState, Models::savedLocation(*location));
        // Not over what the person is typing: a late answer must not undo their keystrokes.
        if (!m_addressField->isModified()) {
            m_addressField->setText(location->target.text());
        }
        m_pages->setCurrentWidget(m_explorer);
    }
    m_backAction->setEnabled(m_explorer->canGoBack());
    m_forwardAction->setEnabled(m_explorer->canGoForward());
    const bool showing = location.has_value();
    m_refreshAction->setEnabled(showing);
    m_openInBrowserAction->setEnabled(showing);
    const bool list = showing && location->place && Models::listKindOf(*location->place).has_value();
    const bool insights = showing && location->place == Models::Place::Insights;
    m_exportAction->setEnabled(list || insights);
    m_findAction->setEnabled(list);
}

void MainWindow::openLastPlace()
{
    if (m_explorer->currentLocation()) {
        return; // the person went somewhere already
    }
    if (const std::optional<Location> last =
            Models::restoredLocation(m_settings->windowState(lastPlaceState))) {
        m_explorer->open(*last);
    }
}

void MainWindow::exportList()
{
    const std::optional<Location> location = m_explorer->currentLocation();
    if (!location || !location->place) {
        return;
    }
    const bool insights = *location->place == Models::Place::Insights;
    if (!insights && !Models::listKindOf(*location->place)) {
        return;
    }
    const Settings::Preferences preferences = m_settings->preferences();
    Export::CsvOptions options;
    options.formulaGuard = preferences.csvFormulaGuard;
    options.byteOrderMark = preferences.csvByteOrderMark;
    m_exportController->setOptions(options);
    const QString folder = preferences.lastSaveDirectory.isEmpty()
                               ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                               : preferences.lastSaveDirectory;
    if (!insights) {
        m_exportController->exportList(QDir(folder).filePath(m_explorer->suggestedExportName()));
        return;
    }
    const InsightsView *view = m_explorer->insightsView();
    if (view->monthCount() == 0) {
        statusBar()->showMessage(tr("Nothing to export yet: the insights are still being computed."), 10000);
        return;
    }
    m_exportController->exportCsv(QDir(folder).filePath(view->suggestedExportName()), view->contributorsCsv(),
                                  view->monthCount());
}

void MainWindow::openInBrowser()
{
    Widgets::openWebUrl(m_explorer->currentWebPage());
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_settings, m_services.cache, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &MainWindow::applySettings);
    dialog->open();
}

void MainWindow::applySettings()
{
    // The size cap and the requests at a time follow AppSettings::changed() (main.cpp wires them).
    const Settings::Preferences preferences = m_settings->preferences();
    if (GitHub::Client *client = m_services.client) {
        if (client->apiBase() != preferences.apiUrl) {
            // Another server: its own token, if one is stored for it.
            client->setApiBase(preferences.apiUrl);
            m_accountMenu->start();
        }
    }
}

void MainWindow::openAddress()
{
    const GitHub::Target target = GitHub::parseTarget(m_addressField->text());
    if (!target.isValid()) {
        // Nothing that is not a GitHub name reaches the network.
        m_errorBanner->showMessage(target.problem);
        return;
    }
    m_errorBanner->clear();
    m_addressField->setText(target.text());
    m_explorer->open(Location{target, std::nullopt, {}});
}

void MainWindow::showRateLimitDialog()
{
    if (!m_services.client) {
        return;
    }
    if (!m_rateLimitDialog) {
        m_rateLimitDialog = new RateLimitDialog(m_services.client, m_services.rateLimitHistory, this);
    }
    m_rateLimitDialog->show();
    m_rateLimitDialog->raise();
    m_rateLimitDialog->activateWindow();
}

// Once per window of a resource under a tenth: a desktop notification where the desktop has a
// tray, the status bar's message where it has none. Clicking the notification opens the dialog.
void MainWindow::notifyLowLimit(const GitHub::RateLimit &limit)
{
    const QString sentence = Models::LowLimitWatch::sentence(limit);
    m_lastNotice = sentence;
    if (!QSystemTrayIcon::isSystemTrayAvailable() || !QSystemTrayIcon::supportsMessages()) {
        statusBar()->showMessage(sentence, 30000);
        return;
    }
    if (!m_trayIcon) {
        m_trayIcon = new QSystemTrayIcon(windowIcon(), this);
        m_trayIcon->setToolTip(QGuiApplication::applicationDisplayName());
        connect(m_trayIcon, &QSystemTrayIcon::messageClicked, this, &MainWindow::showRateLimitDialog);
    }
    m_trayIcon->show();
    m_trayIcon->showMessage(tr("The rate limit is running out"), sentence, QSystemTrayIcon::Warning, 15000);
}

void MainWindow::createStatusBar()
{
    m_rateLimitIndicator = new RateLimitIndicator(this);
    m_rateLimitIndicator->setObjectName(u"rateLimitLabel"_s);
    m_rateLimitIndicator->setContentsMargins(8, 0, 8, 0);
    connect(m_rateLimitIndicator, &RateLimitIndicator::clicked, this, &MainWindow::showRateLimitDialog);
    if (m_services.client) {
        m_rateLimitIndicator->track(m_services.client->rateLimits());
        connect(m_services.client, &GitHub::Client::pausedForSecondaryLimit, m_rateLimitIndicator,
                &RateLimitIndicator::showSecondaryLimitPause);
        auto *lowLimit = new Models::LowLimitWatch(m_services.client->rateLimits(), this);
        connect(lowLimit, &Models::LowLimitWatch::fellLow, this, &MainWindow::notifyLowLimit);
    }

    m_cacheIndicator = new CacheIndicator(this);
    m_cacheIndicator->setObjectName(u"cacheLabel"_s);
    m_cacheIndicator->setContentsMargins(8, 0, 8, 0);
    if (m_services.cache) {
        m_cacheIndicator->track(m_services.cache);
    }

    auto *separator = new QFrame(this);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);

    // Plainly there while GitHub cannot be reached; the banner says why.
    m_connectionLabel = new QLabel(tr("Offline"), this);
    m_connectionLabel->setObjectName(u"connectionLabel"_s);
    m_connectionLabel->setContentsMargins(8, 0, 8, 0);
    QFont bold = m_connectionLabel->font();
    bold.setBold(true);
    m_connectionLabel->setFont(bold);
    m_connectionLabel->setAccessibleName(tr("Connection"));
    m_connectionLabel->hide();
    statusBar()->addPermanentWidget(m_connectionLabel);

    statusBar()->addPermanentWidget(m_rateLimitIndicator);
    statusBar()->addPermanentWidget(separator);
    statusBar()->addPermanentWidget(m_cacheIndicator);
}

void MainWindow::createDocks()
{
    if (!m_services.requestLog) {
        return;
    }
    m_networkLogDock = new NetworkLogDock(m_services.requestLog, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_networkLogDock);
    m_networkLogDock->hide(); // shown from View, for those who want to watch the wire
    QAction *toggle = m_networkLogDock->toggleViewAction();
    toggle->setObjectName(u"networkLogAction"_s);
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
    m_viewMenu->addAction(toggle);
}

void MainWindow::restoreWindowState()
{
    const QByteArray geometry = m_settings->windowState(geometryState);
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        if (!geometry.isEmpty()) {
            qCWarning(lcUi) << "The saved window geometry is invalid; using the default size";
        }
        QSize size = defaultWindowSize;
        if (const QScreen *screen = this->screen()) {
            // Leave room for panels and window decorations on screens smaller than the default.
            size = size.boundedTo(screen->availableGeometry().size() * 0.9);
        }
        resize(size);
    } else if (const QScreen *screen = this->screen()) {
        // Saved on a larger screen, or at a smaller scale: restoreGeometry() moves it on screen but
        // leaves it wider than the screen.
        const QSize available = screen->availableGeometry().size();
        if (width() > available.width() || height() > available.height()) {
            resize(size().boundedTo(available * 0.9));
        }
    }
    m_explorer->splitter()->restoreState(m_settings->windowState(splitterState));
    const QByteArray state = m_settings->windowState(toolBarState);
    if (!state.isEmpty() && !restoreState(state)) {
        qCWarning(lcUi) << "The saved toolbar and dock state is invalid; using the default layout";
    }
}

void MainWindow::saveWindowState() const
{
    m_settings->setWindowState(geometryState, saveGeometry());
    m_settings->setWindowState(toolBarState, saveState());
    m_settings->setWindowState(splitterState, m_explorer->splitter()->saveState());
}

void MainWindow::focusAddressField()
{
    m_addressField->setFocus(Qt::ShortcutFocusReason);
    m_addressField->selectAll();
}

void MainWindow::showAbout()
{
    const QString displayName = QString::fromLatin1(Hubshelf::ApplicationDisplayName);
    const QString homepage = QString::fromLatin1(Hubshelf::HomepageUrl);
    // Not QMessageBox::about(): a window-modal box that is opened, not exec()-ed, keeps the event
    // loop (and the requests under way) running.
    auto *about = new QMessageBox(this);
    about->setObjectName(u"aboutDialog"_s);
    about->setAttribute(Qt::WA_DeleteOnClose);
    about->setWindowTitle(tr("About %1").arg(displayName));
    about->setIconPixmap(windowIcon().pixmap(QSize(64, 64), devicePixelRatio()));
    about->setTextFormat(Qt::RichText);
    about->setText(tr("<h3>%1 %2</h3>"
                      "<p>A desktop explorer for the GitHub REST API.</p>"
                      "<p><a href=\"%3\">%3</a></p>"
                      "<p>%1 is free software: you can redistribute it and/or modify it under the "
                      "terms of the GNU General Public License, version 3 or any later version "
                      "(GPL-3.0-or-later).</p>"
                      "<p>Built with Qt %4, running on Qt %5.</p>")
                       .arg(displayName, QString::fromLatin1(Hubshelf::Version), homepage,
                            QString::fromLatin1(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    about->setTextInteractionFlags(Qt::TextBrowserInteraction);
    about->setStandardButtons(QMessageBox::Close);
    about->open();
}

} // namespace Hubshelf::Ui
