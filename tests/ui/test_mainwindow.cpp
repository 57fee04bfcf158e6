#include "cache/etagcache.h"
#include "fakegithub.h"
#include "github/client.h"
#include "models/requestlogmodel.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>

#include <hubshelf/version.h>

using namespace Qt::StringLiterals;

using Hubshelf::Ui::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void window_hasApplicationTitleAndIcon();
    void firstStart_usesDefaultSizeBoundedByScreen();
    void toolBar_hasNavigationActionWithStandardShortcut_data();
    void toolBar_hasNavigationActionWithStandardShortcut();
    void refresh_isBoundToF5();
    void toolBar_hasAddressFieldAndAnonymousAccount();
    void ctrlL_focusesAddressFieldAndSelectsText();
    void emptyWindow_showsPlaceholderInsteadOfContent();
    void statusBar_showsRateLimitAndCacheLabels();
    void menus_offerQuitAndAbout();
    void about_namesVersionLicenseHomepageAndQt();
    void quit_closesWindowAndSavesItsState();
    void geometry_isRestoredInNextWindow();
    void geometry_savedOnABiggerScreen_fitsThisOne();
    void emptyWindow_screenshot();
    void statusBarAndNetworkLog_followTheClientsRequests();
    void address_invalidIsExplainedInTheBannerWithoutARequest();
    void rateLimitIndicator_clickOpensTheRateLimitDialog();
    void lowRateLimit_isNotifiedOncePerWindow();

private:
    static void showAndActivate(MainWindow &window);
};

void TestMainWindow::initTestCase()
{
    // Before any QSettings exists: QSettings picks its folder once and for all.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"HubshelfTests"_s);
    QCoreApplication::setApplicationName(u"test_mainwindow"_s);
    QApplication::setQuitOnLastWindowClosed(false);

    const QString testConfig = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    QVERIFY2(QSettings().fileName().startsWith(testConfig), qPrintable(QSettings().fileName()));
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::showAndActivate(MainWindow &window)
{
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
}

void TestMainWindow::window_hasApplicationTitleAndIcon()
{
    MainWindow window;
    QCOMPARE(window.windowTitle(), QGuiApplication::applicationDisplayName());
    QVERIFY(!window.windowIcon().isNull());
    QVERIFY(!window.windowIcon().pixmap(QSize(64, 64)).isNull());
}

void TestMainWindow::firstStart_usesDefaultSizeBoundedByScreen()
{
    MainWindow window;
    const QSize available = window.screen()->availableGeometry().size();
    QCOMPARE(window.size(), QSize(1280, 800).boundedTo(available * 0.9));
}

void TestMainWindow::toolBar_hasNavigationActionWithStandardShortcut_data()
{
    QTest::addColumn<QString>("objectName");
    QTest::addColumn<QKeySequence::StandardKey>("standardKey");

    QTest::newRow("back") << u"backAction"_s << QKeySequence::Back;
    QTest::newRow("forward") << u"forwardAction"_s << QKeySequence::Forward;
    QTest::newRow("refresh") << u"refreshAction"_s << QKeySequence::Refresh;
}

void TestMainWindow::toolBar_hasNavigationActionWithStandardShortcut()
{
    QFETCH(QString, objectName);
    QFETCH(QKeySequence::StandardKey, standardKey);

    MainWindow window;
    auto *toolBar = window.findChild<QToolBar *>(u"mainToolBar"_s);
    QVERIFY(toolBar);
    auto *action = window.findChild<QAction *>(objectName);
    QVERIFY(action);
    QVERIFY(toolBar->actions().contains(action));
    QVERIFY(!action->icon().isNull());
    QVERIFY(!action->toolTip().isEmpty());
    for (const QKeySequence &key : QKeySequence::keyBindings(standardKey)) {
        QVERIFY2(action->shortcuts().contains(key), qPrintable(key.toString()));
    }
    // Nothing to go back to, forward to or reload before the first target is opened.
    QVERIFY(!action->isEnabled());
}

void TestMainWindow::refresh_isBoundToF5()
{
    MainWindow window;
    auto *refresh = window.findChild<QAction *>(u"refreshAction"_s);
    QVERIFY(refresh);
    QVERIFY(refresh->shortcuts().contains(QKeySequence(Qt::Key_F5)));
}

void TestMainWindow::toolBar_hasAddressFieldAndAnonymousAccount()
{
    MainWindow window;
    auto *toolBar = window.findChild<QToolBar *>(u"mainToolBar"_s);
    QVERIFY(toolBar);

    auto *address = toolBar->findChild<QLineEdit *>(u"addressField"_s);
    QVERIFY(address);
    QCOMPARE(address->placeholderText(), u"User, organization, owner/repo, gist id or github.com URL"_s);
    QVERIFY(!address->accessibleName().isEmpty());
    QVERIFY(!address->toolTip().isEmpty());

    auto *account = toolBar->findChild<QToolButton *>(u"accountButton"_s);
    QVERIFY(account);
    QCOMPARE(account->text(), u"Anonymous"_s);
}

void TestMainWindow::ctrlL_focusesAddressFieldAndSelectsText()
{
    MainWindow window;
    showAndActivate(window);
    auto *address = window.findChild<QLineEdit *>(u"addressField"_s);
    QVERIFY(address);
    address->setText(u"octocat/Hello-World"_s);
    address->deselect();
    address->clearFocus();
    QVERIFY(!address->hasFocus());

    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);

    QVERIFY(address->hasFocus());
    QCOMPARE(address->selectedText(), u"octocat/Hello-World"_s);

    // Pressed again while the field already has focus, it still selects everything.
    address->deselect();
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(address->selectedText(), u"octocat/Hello-World"_s);
}

void TestMainWindow::emptyWindow_showsPlaceholderInsteadOfContent()
{
    MainWindow window;
    showAndActivate(window);
    auto *placeholder = window.centralWidget()->findChild<QLabel *>(u"placeholderLabel"_s);
    QVERIFY(placeholder);
    QVERIFY(placeholder->isVisible());
    QVERIFY(placeholder->text().contains(u"owner/repo"_s));
    QVERIFY(placeholder->text().contains(u"Enter"_s));
    // Readable at a glance, not small print.
    QVERIFY(placeholder->font().pointSizeF() > QApplication::font().pointSizeF());
}

void TestMainWindow::statusBar_showsRateLimitAndCacheLabels()
{
    MainWindow window;
    showAndActivate(window);
    QStatusBar *statusBar = window.statusBar();

    auto *rateLimit = statusBar->findChild<QLabel *>(u"rateLimitLabel"_s);
    QVERIFY(rateLimit);
    QVERIFY(rateLimit->isVisible());
    QCOMPARE(rateLimit->text(), u"Rate limit: not known yet"_s);

    auto *cache = statusBar->findChild<QLabel *>(u"cacheLabel"_s);
    QVERIFY(cache);
    QVERIFY(cache->isVisible());
    QCOMPARE(cache->text(), u"Cache: no requests yet"_s);
}

void TestMainWindow::menus_offerQuitAndAbout()
{
    MainWindow window;
    auto *fileMenu = window.menuBar()->findChild<QMenu *>(u"fileMenu"_s);
    auto *helpMenu = window.menuBar()->findChild<QMenu *>(u"helpMenu"_s);
    QVERIFY(fileMenu);
    QVERIFY(helpMenu);

    auto *quit = window.findChild<QAction *>(u"quitAction"_s);
    QVERIFY(quit);
    QVERIFY(fileMenu->actions().contains(quit));
    QCOMPARE(quit->shortcuts(), QKeySequence::keyBindings(QKeySequence::Quit));

    auto *about = window.findChild<QAction *>(u"aboutAction"_s);
    auto *aboutQt = window.findChild<QAction *>(u"aboutQtAction"_s);
    QVERIFY(about);
    QVERIFY(aboutQt);
    QVERIFY(helpMenu->actions().contains(about));
    QVERIFY(helpMenu->actions().contains(aboutQt));
    QVERIFY(about->text().contains(u"Hubshelf"_s));
}

void TestMainWindow::about_namesVersionLicenseHomepageAndQt()
{
    MainWindow window;
    showAndActivate(window);
    window.findChild<QAction *>(u"aboutAction"_s)->trigger();
    QMessageBox *about = nullptr;
    QTRY_VERIFY((about = window.findChild<QMessageBox *>(u"aboutDialog"_s)) && about->isVisible());
    const QString text = about->text();
    QVERIFY2(text.contains(QString::fromLatin1(Hubshelf::Version)), qPrintable(text));
    QVERIFY(text.contains(u"GPL-3.0-or-later"_s));
    QVERIFY(text.contains(QString::fromLatin1(Hubshelf::HomepageUrl)));
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
    about->close();
}

void TestMainWindow::quit_closesWindowAndSavesItsState()
{
    MainWindow window;
    showAndActivate(window);
    auto *quit = window.findChild<QAction *>(u"quitAction"_s);
    QVERIFY(quit);

    quit->trigger();

    QVERIFY(!window.isVisible());
    const QSettings settings;
    QVERIFY(!settings.value(u"window/geometry"_s).toByteArray().isEmpty());
    QVERIFY(!settings.value(u"window/state"_s).toByteArray().isEmpty());
}

void TestMainWindow::geometry_isRestoredInNextWindow()
{
    const QSize resized(640, 480);
    {
        MainWindow first;
        showAndActivate(first);
        QVERIFY(first.size() != resized);
        first.resize(resized);
        QTRY_COMPARE(first.size(), resized);
        QVERIFY(first.close());
    }

    MainWindow second;
    QCOMPARE(second.size(), resized);
    showAndActivate(second);
    QCOMPARE(second.size(), resized);
}

// Saved at QT_SCALE_FACTOR=1 and restored at 2 (or on a smaller screen), the window ran off the
// screen's right edge: it is made to fit, as on a first start.
void TestMainWindow::geometry_savedOnABiggerScreen_fitsThisOne()
{
    QSize available;
    {
        MainWindow first;
        showAndActivate(first);
        available = first.screen()->availableGeometry().size();
        first.resize(available * 2);
        QTRY_VERIFY(first.width() > available.width());
        QVERIFY(first.close());
    }
    MainWindow second;
    QVERIFY2(second.width() <= available.width() && second.height() <= available.height(),
             qPrintable(u"%1x%2 on %3x%4"_s.arg(second.width())
                            .arg(second.height())
                            .arg(available.width())
                            .arg(available.height())));
}

void TestMainWindow::emptyWindow_screenshot()
{
    const QString dir = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("HUBSHELF_SCREENSHOT_DIR is not set: no screenshot to save");
    }
    QVERIFY(QDir().mkpath(dir));

    MainWindow window;
    // The documented default size, whatever the size of the offscreen screen.
    window.resize(1280, 800);
    showAndActivate(window);
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const QString path = dir + u"/main-window-empty.png"_s;
    QVERIFY2(window.grab().save(path), qPrintable(path));
}

// Under a tenth left: one notice for the window, here (no tray offscreen) in the status bar.
void TestMainWindow::lowRateLimit_isNotifiedOncePerWindow()
{
    FakeGitHub::Server fake;
    QVERIFY(fake.listen());
    fake.setRateLimit(20, 60);
    QNetworkAccessManager network;
    Hubshelf::GitHub::Client client(&network, nullptr, fake.apiUrl());
    client.setToken(FakeGitHub::Tokens::Octocat);
    MainWindow window({&client});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto get = [&client] {
        Hubshelf::GitHub::Request *request = client.get(client.endpoint(u"/users/octocat"_s));
        QSignalSpy finished(request, &Hubshelf::GitHub::Request::finished);
        return finished.wait(5000);
    };
    for (int used = 1; used <= 18; ++used) { // 2 of 20 left: exactly a tenth, no notice yet
        QVERIFY(get());
    }
    QVERIFY(window.lastLowLimitNotice().isEmpty());
    QVERIFY(get());
    const QString notice = window.lastLowLimitNotice();
    QVERIFY2(notice.startsWith(u"core: 1 of 20 requests left; it resets at"_s), qPrintable(notice));
    QCOMPARE(window.statusBar()->currentMessage(), notice);
    window.statusBar()->clearMessage();
    QVERIFY(get()); // 0 left: the same window, told already
    QVERIFY(window.statusBar()->currentMessage().isEmpty());
    QCOMPARE(window.lastLowLimitNotice(), notice);
}

void TestMainWindow::statusBarAndNetworkLog_followTheClientsRequests()
{
    FakeGitHub::Server fake;
    QVERIFY(fake.listen());
    QTemporaryDir dir;
    Hubshelf::Cache::EtagCache cache(dir.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.open());
    QNetworkAccessManager network;
    Hubshelf::GitHub::Client client(&network, &cache, fake.apiUrl());
    client.setToken(FakeGitHub::Tokens::Octocat);
    Hubshelf::Models::RequestLogModel requestLog;
    requestLog.track(&client);
    MainWindow window({&client, &cache, &requestLog});
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *rateLimit = window.findChild<QLabel *>(u"rateLimitLabel"_s);
    auto *cacheLabel = window.findChild<QLabel *>(u"cacheLabel"_s);
    QVERIFY(rateLimit && cacheLabel);
    const QString cacheBefore = cacheLabel->text();
    for (int visit = 0; visit < 2; ++visit) { // a miss, then a fresh hit
        Hubshelf::GitHub::Request *request = client.get(client.endpoint(u"/users/octocat"_s));
        QSignalSpy finished(request, &Hubshelf::GitHub::Request::finished);
        QVERIFY(finished.wait(5000));
    }
    QTRY_VERIFY2(rateLimit->text().contains(u"core 1/"_s), qPrintable(rateLimit->text()));
    QVERIFY(cacheLabel->text() != cacheBefore);
    QCOMPARE(requestLog.rowCount(), 2);

    QAction *showLog = window.findChild<QAction *>(u"networkLogAction"_s);
    QVERIFY(showLog);
    showLog->trigger();
    auto *dock = window.findChild<QDockWidget *>(u"networkLogDock"_s);
    QVERIFY(dock && dock->isVisible());
    const QString screenshots = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (!screenshots.isEmpty()) {
        QVERIFY(QDir().mkpath(screenshots));
        QVERIFY(window.grab().save(screenshots + u"/main-window-network-log.png"_s));
    }
}

void TestMainWindow::address_invalidIsExplainedInTheBannerWithoutARequest()
{
    FakeGitHub::Server fake;
    QVERIFY(fake.listen());
    QNetworkAccessManager network;
    Hubshelf::GitHub::Client client(&network, nullptr, fake.apiUrl());
    MainWindow window({&client, nullptr, nullptr});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *address = window.findChild<QLineEdit *>(u"addressField"_s);
    auto *banner = window.findChild<QWidget *>(u"errorBanner"_s);
    QVERIFY(address && banner);
    QVERIFY(!banner->isVisible());

    address->setText(u"../orgs/x"_s);
    QTest::keyClick(address, Qt::Key_Return);
    QTRY_VERIFY(banner->isVisible());
    const QList<QLabel *> labels = banner->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(),
                        [](const QLabel *label) { return label->text().contains(u"../orgs/x"_s); }));

    address->setText(u"https://github.com/octocat/Hello-World/pulls"_s);
    QTest::keyClick(address, Qt::Key_Return);
    QTRY_VERIFY(!banner->isVisible());
    QCOMPARE(address->text(), u"octocat/Hello-World"_s);
    QVERIFY(fake.requestLog().isEmpty());

    address->setText(u"../orgs/x"_s);
    QTest::keyClick(address, Qt::Key_Return);
    const QString screenshots = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (!screenshots.isEmpty()) {
        window.resize(1280, 800);
        QVERIFY(QDir().mkpath(screenshots));
        QVERIFY(window.grab().save(screenshots + u"/main-window-error-banner.png"_s));
    }
}

void TestMainWindow::rateLimitIndicator_clickOpensTheRateLimitDialog()
{
    FakeGitHub::Server fake;
    QVERIFY(fake.listen());
    QNetworkAccessManager network;
    Hubshelf::GitHub::Client client(&network, nullptr, fake.apiUrl());
    MainWindow window({&client, nullptr, nullptr});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *indicator = window.findChild<QLabel *>(u"rateLimitLabel"_s);
    QVERIFY(indicator);
    QTest::mouseClick(indicator, Qt::LeftButton);
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<QDialog *>(u"rateLimitDialog"_s)) && dialog->isVisible());
    QVERIFY(!dialog->isModal());
    QTRY_COMPARE(fake.requestLog().size(), 1); // it asked GitHub for every resource
    QCOMPARE(fake.requestLog().first().path, u"/rate_limit"_s);
}

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
