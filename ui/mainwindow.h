#pragma once

#include <QMainWindow>

class QAction;
class QCloseEvent;
class QLabel;
class QLineEdit;
class QToolBar;
class QToolButton;

namespace Hubshelf::Ui {

// The one window of the program: toolbar with history and address, the current target in the
// centre, rate limit and cache figures in the status bar. Geometry and toolbar/dock state are
// kept in QSettings across runs.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createCentralArea();
    void createStatusBar();
    void restoreWindowState();
    void saveWindowState() const;
    void focusAddressField();
    void showAbout();

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
    QLabel *m_rateLimitLabel = nullptr;
    QLabel *m_cacheLabel = nullptr;
};

} // namespace Hubshelf::Ui
