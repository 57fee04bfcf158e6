#pragma once

#include <QMainWindow>

class QAction;
class QCloseEvent;
class QLabel;
class QLineEdit;
class QMenu;
class QStackedWidget;
class QSystemTrayIcon;
class QToolBar;
class QToolButton;

namespace Hubshelf::GitHub {
class Client;
class ConnectivityProbe;
struct Error;
struct RateLimit;
} // namespace Hubshelf::GitHub
namespace Hubshelf::Cache {
class EtagCache;
}
namespace Hubshelf::Models {
class RateLimitHistory;
class RequestLogModel;
} // namespace Hubshelf::Models
namespace Hubshelf::Auth {
class TokenStore;
class TokenValidator;
} // namespace Hubshelf::Auth
namespace Hubshelf::Settings {
class AppSettings;
}

namespace Hubshelf::Images {
class AvatarLoader;
}

namespace Hubshelf::Ui {

class AccountMenu;
class CacheIndicator;
class ErrorBanner;
class ExportNotice;
class ExplorerView;
class ExportController;
class RateLimitDialog;
class NetworkLogDock;
class RateLimitIndicator;

// What the window works with, made by main.cpp. Any of them may be null (no network, no cache);
// without settings the window keeps its own on the application's QSettings.
struct WindowServices
{
    GitHub::Client *client = nullptr;
    Cache::EtagCache *cache = nullptr;
    Models::RequestLogModel *requestLog = nullptr;
    Auth::TokenStore *tokens = nullptr;
    Auth::TokenValidator *validator = nullptr; // the sign-in dialog checks a new token with it
    Images::AvatarLoader *avatars = nullptr;
    Settings::AppSettings *settings = nullptr;
    Models::RateLimitHistory *rateLimitHistory = nullptr; // the rate-limit dialog's chart
};

// The one window of the program: toolbar with history and address, the current target in the
// centre, rate limit and cache figures in the status bar. Geometry and toolbar/dock state are
// kept across runs as AppSettings' window state.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const WindowServices &services = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    ExplorerView *explorer() const { return m_explorer; }
    ExportController *exportController() const { return m_exportController; }
    ExportNotice *exportNotice() const { return m_exportNotice; }
    AccountMenu *accountMenu() const { return m_accountMenu; }
    ErrorBanner *errorBanner() const { return m_errorBanner; }
    // What the last low-rate-limit notification said (a tray's message cannot be read back).
    QString lastLowLimitNotice() const { return m_lastNotice; }

protected:
    void closeEvent(QCloseEvent *event) override;
    // The mouse's back and forward buttons, wherever in the window they are pressed.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createCentralArea();
    void createStatusBar();
    void notifyLowLimit(const GitHub::RateLimit &limit);
    void createDocks();
    void restoreWindowState();
    void saveWindowState() const;
    void focusAddressField();
    void showAbout();
    // Enter in the address field: a valid address is opened; anything else is explained in the
    // banner and never reaches the network.
    void openAddress();
    void showRateLimitDialog();
    void showSettings();
    void applySettings();
    void exportList();
    void openInBrowser();
    void followLocation();
    // Where the previous run ended, as it was then (place and pull-request state).
    void openLastPlace();
    void showFailure(const GitHub::Error &error);
    void showRecovery();
    // GitHub cannot be reached: every place opens from the cache until the probe reaches it.
    void goOffline();
    void backOnline();
    void showOfflineBanner();

    QAction *m_backAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_focusAddressAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_openInBrowserAction = nullptr;
    QAction *m_settingsAction = nullptr;

    QToolBar *m_toolBar = nullptr;
    QLineEdit *m_addressField = nullptr;
    QToolButton *m_accountButton = nullptr;
    QLabel *m_placeholderLabel = nullptr;
    WindowServices m_services;
    Settings::AppSettings *m_settings = nullptr;
    RateLimitIndicator *m_rateLimitIndicator = nullptr;
    CacheIndicator *m_cacheIndicator = nullptr;
    QLabel *m_connectionLabel = nullptr;
    GitHub::ConnectivityProbe *m_probe = nullptr;
    QString m_offlineReason; // the network's sentence for why GitHub cannot be reached
    NetworkLogDock *m_networkLogDock = nullptr;
    ErrorBanner *m_errorBanner = nullptr;
    ExportNotice *m_exportNotice = nullptr;
    RateLimitDialog *m_rateLimitDialog = nullptr;
    QSystemTrayIcon *m_trayIcon = nullptr;
    QString m_lastNotice;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_fileMenu = nullptr;
    QStackedWidget *m_pages = nullptr;
    ExplorerView *m_explorer = nullptr;
    ExportController *m_exportController = nullptr;
    AccountMenu *m_accountMenu = nullptr;
};

} // namespace Hubshelf::Ui
