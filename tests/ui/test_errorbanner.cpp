#include "github/error.h"
#include "ui/errorbanner.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPalette>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

using Hubshelf::GitHub::Error;
using Hubshelf::Ui::ErrorBanner;

namespace {

Error makeError(Error::Kind kind)
{
    Error error;
    error.kind = kind;
    error.url = QUrl(u"https://api.github.com/users/nosuchuser"_s);
    switch (kind) {
    case Error::Kind::NotFound:
        error.httpStatus = 404;
        error.githubMessage = u"Not Found"_s;
        break;
    case Error::Kind::Unauthorized:
        error.httpStatus = 401;
        error.githubMessage = u"Bad credentials"_s;
        break;
    case Error::Kind::RateLimited:
        error.httpStatus = 403;
        error.resource = u"core"_s;
        error.resetAt = QDateTime(QDate(2024, 5, 17), QTime(14, 37, 0), Qt::UTC);
        break;
    default:
        break;
    }
    return error;
}

QPushButton *retryButton(const ErrorBanner &banner)
{
    return banner.findChild<QPushButton *>(u"errorBannerRetry"_s);
}

QToolButton *closeButton(const ErrorBanner &banner)
{
    return banner.findChild<QToolButton *>(u"errorBannerClose"_s);
}

QLabel *textLabel(const ErrorBanner &banner)
{
    return banner.findChild<QLabel *>(u"errorBannerText"_s);
}

} // namespace

class TestErrorBanner : public QObject
{
    Q_OBJECT

private slots:
    void hiddenAtStart();
    void showError_data();
    void showError();
    void showError_textIsPlainAndSelectable();
    void retry_emitsOnceAndHides();
    void close_hides();
    void escape_hidesWhenFocusIsInside();
    void retry_isReachableByTab();
    void showMessage_hasNoRetry();
    void showError_afterMessage_bringsRetryBack();
    void clear_hides();
    void screenshot();
};

void TestErrorBanner::hiddenAtStart()
{
    QWidget window;
    auto *banner = new ErrorBanner(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(banner->isHidden());
    QVERIFY(!banner->accessibleName().isEmpty());
}

void TestErrorBanner::showError_data()
{
    QTest::addColumn<Error::Kind>("kind");
    QTest::newRow("not found") << Error::Kind::NotFound;
    QTest::newRow("rate limited") << Error::Kind::RateLimited;
    QTest::newRow("unauthorized") << Error::Kind::Unauthorized;
}

void TestErrorBanner::showError()
{
    QFETCH(Error::Kind, kind);
    const Error error = makeError(kind);

    QWidget window;
    auto *banner = new ErrorBanner(&window);
    window.show();
    banner->showError(error);

    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), error.message());
    QCOMPARE(textLabel(*banner)->text(), error.message());
    QCOMPARE(banner->accessibleDescription(), error.message());
    QVERIFY(banner->canRetry());
    QVERIFY(retryButton(*banner)->isVisible());
    QCOMPARE(retryButton(*banner)->text(), u"Retry"_s);
    QVERIFY(closeButton(*banner)->isVisible());
    if (kind == Error::Kind::RateLimited) {
        QVERIFY(banner->text().contains(error.resetAt.toLocalTime().toString(u"HH:mm"_s)));
    }
}

void TestErrorBanner::showError_textIsPlainAndSelectable()
{
    Error error = makeError(Error::Kind::Unauthorized);
    error.githubMessage = u"<b>bold</b>"_s;
    ErrorBanner banner;
    banner.showError(error);
    const QLabel *label = textLabel(banner);
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QVERIFY(label->wordWrap());
    QVERIFY(label->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
    QVERIFY(banner.text().contains(u"<b>bold</b>"_s));
}

void TestErrorBanner::retry_emitsOnceAndHides()
{
    QWidget window;
    auto *banner = new ErrorBanner(&window);
    window.show();
    banner->showError(makeError(Error::Kind::NotFound));
    QSignalSpy retries(banner, &ErrorBanner::retryRequested);
    QSignalSpy dismissals(banner, &ErrorBanner::dismissed);

    QTest::mouseClick(retryButton(*banner), Qt::LeftButton);
    QCOMPARE(retries.count(), 1);
    QCOMPARE(dismissals.count(), 0);
    QVERIFY(banner->isHidden());
}

void TestErrorBanner::close_hides()
{
    QWidget window;
    auto *banner = new ErrorBanner(&window);
    window.show();
    banner->showError(makeError(Error::Kind::NotFound));
    QSignalSpy retries(banner, &ErrorBanner::retryRequested);
    QSignalSpy dismissals(banner, &ErrorBanner::dismissed);

    QTest::mouseClick(closeButton(*banner), Qt::LeftButton);
    QVERIFY(banner->isHidden());
    QCOMPARE(dismissals.count(), 1);
    QCOMPARE(retries.count(), 0);
}

void TestErrorBanner::escape_hidesWhenFocusIsInside()
{
    QWidget window;
    auto *banner = new ErrorBanner(&window);
    window.show();

    banner->showError(makeError(Error::Kind::NotFound));
    QTest::keyClick(retryButton(*banner), Qt::Key_Escape);
    QVERIFY(banner->isHidden());

    banner->showMessage(u"Something to read."_s);
    QTest::keyClick(textLabel(*banner), Qt::Key_Escape);
    QVERIFY(banner->isHidden());

    banner->showMessage(u"Something to read."_s);
    QTest::keyClick(banner, Qt::Key_Escape);
    QVERIFY(banner->isHidden());
}

void TestErrorBanner::retry_isReachableByTab()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *before = new QPushButton(u"Before"_s, &window);
    auto *banner = new ErrorBanner(&window);
    layout->addWidget(before);
    layout->addWidget(banner);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    banner->showError(makeError(Error::Kind::RateLimited));

    before->setFocus();
    QTRY_VERIFY(before->hasFocus());
    // Tab goes through the selectable message, then the Retry button, then the close button.
    bool reached = false;
    for (int i = 0; i < 4 && !reached; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        reached = retryButton(*banner)->hasFocus();
    }
    QVERIFY(reached);
    QSignalSpy retries(banner, &ErrorBanner::retryRequested);
    QTest::keyClick(retryButton(*banner), Qt::Key_Space);
    QCOMPARE(retries.count(), 1);
}

void TestErrorBanner::showMessage_hasNoRetry()
{
    QWidget window;
    auto *banner = new ErrorBanner(&window);
    window.show();
    banner->showMessage(u"'../x' is not a GitHub login, owner/repository or gist id."_s);
    QVERIFY(banner->isVisible());
    QVERIFY(!banner->canRetry());
    QVERIFY(!retryButton(*banner)->isVisible());
    QVERIFY(closeButton(*banner)->isVisible());
    QCOMPARE(banner->text(), u"'../x' is not a GitHub login, owner/repository or gist id."_s);
}

void TestErrorBanner::showError_afterMessage_bringsRetryBack()
{
    QWidget window;
    auto *banner = new ErrorBanner(&window);
    window.show();
    banner->showMessage(u"No keychain."_s);
    banner->showError(makeError(Error::Kind::NotFound));
    QVERIFY(retryButton(*banner)->isVisible());
    QCOMPARE(banner->text(), makeError(Error::Kind::NotFound).message());
}

void TestErrorBanner::clear_hides()
{
    QWidget window;
    auto *banner = new ErrorBanner(&window);
    window.show();
    banner->showError(makeError(Error::Kind::NotFound));
    QSignalSpy dismissals(banner, &ErrorBanner::dismissed);
    banner->clear();
    QVERIFY(banner->isHidden());
    QVERIFY(banner->text().isEmpty());
    QCOMPARE(dismissals.count(), 0);
}

void TestErrorBanner::screenshot()
{
    const QString folder = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (folder.isEmpty()) {
        QSKIP("HUBSHELF_SCREENSHOT_DIR is not set");
    }
    QVERIFY(QDir().mkpath(folder));

    ErrorBanner banner;
    banner.showError(makeError(Error::Kind::RateLimited));
    banner.resize(800, 90);
    QVERIFY(QTest::qWaitForWindowExposed(&banner));
    QVERIFY(banner.grab().save(QDir(folder).filePath(u"error-banner.png"_s)));

    // The same banner in a dark palette: the tint follows the palette, the text stays readable.
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(45, 45, 48));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    dark.setColor(QPalette::Button, QColor(60, 60, 64));
    dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
    dark.setColor(QPalette::Base, QColor(30, 30, 32));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    banner.setPalette(dark);
    QVERIFY(banner.grab().save(QDir(folder).filePath(u"error-banner-dark.png"_s)));
}

QTEST_MAIN(TestErrorBanner)
#include "test_errorbanner.moc"
