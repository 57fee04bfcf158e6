#pragma once

#include <QMainWindow>

class QAction;
class QCloseEvent;
class QLabel;
class QLineEdit;
class QMenu;
class QToolBar;
class QToolButton;

namespace Hubshelf::GitHub {
class Client;
}
namespace Hubshelf::Cache {
class EtagCache;
}
namespace Hubshelf::Models {
class RequestLogModel;
}

namespace Hubshelf::Ui {

class CacheIndicator;
class ErrorBanner;
class RateLimitDialog;
class NetworkLogDock;
class RateLimitIndicator;

// What the window works with, made by main.cpp. Any of them may be null (no network, no cache).
struct WindowServices
{
    GitHub::Client *client = nullptr;
    Cache::EtagCache *cache = nullptr;
    Models::RequestLogModel *requestLog = nullptr;
};

// The one window of the program: toolbar with history and address, the current target in the
// centre, rate limit and cache figures in the status bar. Geometry and toolbar/dock state are
// kept in QSettings across runs.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const WindowServices &services = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createCentralArea();
    void createStatusBar();
    void createDocks();
    void restoreWindowState();
    void saveWindowState() const;
    void focusAddressField();
    void showAbout();
    // Enter in the address field: a valid address is written in its canonical form (browsing it
    // comes with the explorer views); anything else is explained in the banner.
    void openAddress();
    void showRateLimitDialog();

    QAction *m_backAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_focusAddressAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;

    QToolBar *m_toolBar = nullptr;
    QLineEdit *m_addressField = nullptr;
    QToolButton *m_accountButton = nullptr;
    QLabel *m_placeholderLabel = nullptr;
    WindowServices m_services;
    RateLimitIndicator *m_rateLimitIndicator = nullptr;
    CacheIndicator *m_cacheIndicator = nullptr;
    NetworkLogDock *m_networkLogDock = nullptr;
    ErrorBanner *m_errorBanner = nullptr;
    RateLimitDialog *m_rateLimitDialog = nullptr;
    QMenu *m_viewMenu = nullptr;
};

} // namespace Hubshelf::Ui
