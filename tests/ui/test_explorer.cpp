// The window end to end: typed addresses, places, lists, details, history, export and the status
// bar, against the fake GitHub over loopback with a real SQLite cache.

#include "auth/tokenstore.h"
#include "auth/tokenvalidator.h"
#include "cache/etagcache.h"
#include "darkpalette.h"
#include "fakegithub.h"
#include "github/client.h"
#include "i18n/translations.h"
#include "images/avatarloader.h"
#include "models/githublistmodel.h"
#include "models/requestlogmodel.h"
#include "models/roles.h"
#include "ui/accountmenu.h"
#include "ui/detailspane.h"
#include "ui/errorbanner.h"
#include "ui/explorerview.h"
#include "ui/exportcontroller.h"
#include "ui/exportnotice.h"
#include "ui/gistview.h"
#include "ui/insightsview.h"
#include "ui/listbudgetprompt.h"
#include "ui/listpane.h"
#include "ui/mainwindow.h"
#include "ui/profilecard.h"
#include "ui/pullrequestview.h"
#include "ui/ratelimitchart.h"
#include "ui/ratelimitdialog.h"
#include "ui/rowcard.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;

using Hubshelf::Cache::EtagCache;
using Hubshelf::GitHub::Client;
using Hubshelf::Images::AvatarLoader;
using Hubshelf::Models::Place;
using namespace Hubshelf::Ui;

namespace {

constexpr int ListTimeoutMs = 60000;

} // namespace

// Where QDesktopServices hands a file: URL in a test, instead of the desktop's programs.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl &url) { urls.append(url); }
};

class TestExplorer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void typingALogin_showsTheProfileBesideTheGists();
    void enterOnAGist_rendersMarkdownAndShowsCode();
    void selectingAGist_showsItInTheDetails();
    void organization_repositoriesLeadIntoPullRequests();
    void pullRequestRow_showsItsDetails();
    void repositoryRow_showsItsValuesWithoutARequest();
    void pullState_listsClosedOnes();
    void backAndForward_returnToEarlierPlaces();
    void places_offerWhatEachKindOfTargetHas();
    void mouseBackButton_goesBack();
    void unreachableApi_saysOfflineInTheStatusBar();
    void accountActions_areInTheFileMenu();
    void filter_narrowsRowsAndCtrlFFocusesIt();
    void export_writesTheSameBytesAsTheCommandLine();
    void export_keepsFilterAndVisibleColumns();
    void export_ofAStoppedListLoadsEveryPageFirst();
    void export_failureLeavesTheOldFileAndSaysWhy();
    void refresh_revalidatesAndTheStatusBarCountsIt();
    void rateLimited_showsTheBannerWithTheResetTime();
    void retry_afterAFailureLoadsTheList();
    void account_signedInFromTheEnvironmentShowsTheLogin();
    void accountChange_showsThePlaceAgainForTheNewAccount();
    void lateAnswer_neverOverwritesTheAddressBeingTyped();
    void failedRefresh_keepsTheListOnScreen();
    void screenshots_ofTheMainViews();
    // The first afternoon (issue 14).
    void ctrlE_exportsFromTheAddressAndFilterFields();
    void tab_leavesTheTableAndReachesTheStateBox();
    void pullState_mergedOnesSayMergedAndCanBeListedAlone();
    void noBrowser_saysSoAndCopiesTheLink();
    void signInDialog_givesFocusBackWhereItWas();
    void rateLimitChart_coversTheSessionBeforeTheDialogOpens();
    void pullRequestUrl_opensItsDetailsAndSelectsItsRow();
    void offline_placesOpenFromTheCacheUntilGitHubIsBack();
    void back_returnsToTheChosenRowAndScroll();
    void anonymousBudget_asksBeforeSpendingAndContinues();
    void relaunch_opensTheLastPlaceOnceSignedIn();
    void filter_neverFetchesDetailsOfARowNobodyChose();
    void renamedRepository_showsItsNewNameWithANote();
    void smallScreen_theWindowFits();
    // Your own gists, revisions and forks (issue 16).
    void gist_revisionsOpenAsItWasAndForksAreGists();
    void signedIn_myGistsAndStarredComeFromTheAccountMenu();
    void star_isDisabledAnonymouslyAndAFailureSaysWhy();

private:
    // Signed in with the Enterprise token from the environment, or (false) with no token at all.
    MainWindow &openWindow(bool signedIn = true);
    void go(const QString &address);
    void waitForCompleteList(int timeoutMs = ListTimeoutMs);
    // The pull requests' State box, one step down from where it is (Open, Closed, Merged, All), by
    // keyboard; returns once the list of `expected` is complete.
    void choosePullStateBelow(const QString &expected);
    QModelIndex proxyRowWhere(const QString &column, const QString &value) const;
    bool wasAsked(const QString &path) const; // the fake was asked for `path`
    void activate(const QModelIndex &proxyIndex);
    QByteArray normalized(QByteArray bytes) const;
    void screenshot(const QString &name, QWidget *widget = nullptr);

    ExplorerView *explorer() const { return m_window->explorer(); }
    ListPane *pane() const { return m_window->explorer()->listPane(); }

    QTemporaryDir m_dir;
    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QNetworkAccessManager> m_imageNetwork;
    std::unique_ptr<EtagCache> m_cache;
    std::unique_ptr<Client> m_client;
    std::unique_ptr<Hubshelf::Models::RequestLogModel> m_requestLog;
    std::unique_ptr<Hubshelf::Auth::TokenStore> m_tokens;
    std::unique_ptr<Hubshelf::Auth::TokenValidator> m_validator;
    std::unique_ptr<AvatarLoader> m_avatars;
    std::unique_ptr<MainWindow> m_window;
    int m_run = 0;
};

void TestExplorer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"HubshelfTests"_s);
    QCoreApplication::setApplicationName(u"test_explorer"_s);
    QApplication::setQuitOnLastWindowClosed(false);
    // One style everywhere, so that the screenshots look the same on every machine.
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    // As main.cpp does, in US English whatever the machine's locale: "1 row", "3 rows".
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(Hubshelf::I18n::installTranslations(*QCoreApplication::instance()));
    QVERIFY(m_dir.isValid());
}

void TestExplorer::init()
{
    QSettings().clear();
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY(m_fake->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_cache = std::make_unique<EtagCache>(m_dir.filePath(u"cache-%1.sqlite"_s.arg(++m_run)));
    QVERIFY(m_cache->open());
    m_client = std::make_unique<Client>(m_network.get(), m_cache.get(), m_fake->apiUrl());
    m_client->setRetryBaseDelay(10);
    m_requestLog = std::make_unique<Hubshelf::Models::RequestLogModel>();
    m_requestLog->track(m_client.get());
    // The token comes the way an Enterprise user's would: from the environment, never a file.
    m_tokens = std::make_unique<Hubshelf::Auth::TokenStore>(u"hubshelf-test-explorer"_s);
    QProcessEnvironment environment;
    environment.insert(u"GH_ENTERPRISE_TOKEN"_s, QString::fromLatin1(FakeGitHub::Tokens::Octocat));
    m_tokens->setEnvironment(environment);
    m_validator = std::make_unique<Hubshelf::Auth::TokenValidator>(m_network.get());
    m_imageNetwork = std::make_unique<QNetworkAccessManager>();
    m_avatars = std::make_unique<AvatarLoader>(m_imageNetwork.get());
}

void TestExplorer::cleanup()
{
    m_window.reset();
    m_avatars.reset();
    m_imageNetwork.reset();
    m_client.reset();
    m_requestLog.reset();
    m_tokens.reset();
    m_validator.reset();
    m_cache.reset();
    m_network.reset();
    m_fake.reset();
}

MainWindow &TestExplorer::openWindow(bool signedIn)
{
    if (!signedIn) {
        m_tokens->setEnvironment({});
    }
    QSignalSpy tokenLoaded(m_tokens.get(), &Hubshelf::Auth::TokenStore::loaded);
    m_window =
        std::make_unique<MainWindow>(WindowServices{m_client.get(), m_cache.get(), m_requestLog.get(),
                                                    m_tokens.get(), m_validator.get(), m_avatars.get()});
    m_window->resize(1280, 800);
    m_window->show();
    m_window->activateWindow();
    [&] { QVERIFY(QTest::qWaitForWindowExposed(m_window.get())); }();
    // Signed in (or known not to be) before anything is browsed, as with a stored token.
    [&] { QTRY_COMPARE(tokenLoaded.count(), 1); }();
    [&] { QCOMPARE(m_client->hasToken(), signedIn); }();
    return *m_window;
}

void TestExplorer::go(const QString &address)
{
    auto *field = m_window->findChild<QLineEdit *>(u"addressField"_s);
    QVERIFY(field);
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(field->hasFocus());
    QTest::keyClicks(field, address);
    QTest::keyClick(field, Qt::Key_Return);
}

void TestExplorer::waitForCompleteList(int timeoutMs)
{
    QTRY_VERIFY_WITH_TIMEOUT(pane()->sourceModel() && pane()->isComplete() && !pane()->isLoading(),
                             timeoutMs);
}

void TestExplorer::choosePullStateBelow(const QString &expected)
{
    QComboBox *state = explorer()->pullStateBox();
    state->setFocus();
    QTest::keyClick(state, Qt::Key_Down);
    QTRY_COMPARE(explorer()->currentLocation()->pullState, expected);
    waitForCompleteList();
}

bool TestExplorer::wasAsked(const QString &path) const
{
    const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
    return std::any_of(log.cbegin(), log.cend(),
                       [&path](const FakeGitHub::LoggedRequest &request) { return request.path == path; });
}

QModelIndex TestExplorer::proxyRowWhere(const QString &column, const QString &value) const
{
    const QSortFilterProxyModel *proxy = pane()->proxyModel();
    const int section = pane()->sourceModel()->columnNamed(column);
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, section);
        if (index.data(Hubshelf::Models::ExportRole).toString() == value) {
            return index;
        }
    }
    return {};
}

void TestExplorer::activate(const QModelIndex &proxyIndex)
{
    QTableView *view = pane()->view();
    view->setFocus();
    view->setCurrentIndex(proxyIndex);
    QTest::keyClick(view, Qt::Key_Return);
}

QByteArray TestExplorer::normalized(QByteArray bytes) const
{
    bytes.replace(m_fake->apiUrl().toString().toUtf8(), "{api}");
    bytes.replace(m_fake->contentUrl().toString().toUtf8(), "{web}");
    return bytes;
}

void TestExplorer::screenshot(const QString &name, QWidget *widget)
{
    if (!widget) {
        widget = m_window.get();
    }
    const QString folder = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (folder.isEmpty()) {
        return;
    }
    QVERIFY(QDir().mkpath(folder));
    // Avatars arrive and every answer is in before the picture is taken.
    QTRY_VERIFY(m_avatars->pendingCount() == 0 && (!m_fake || m_fake->inFlight() == 0)); // none offline
    QVERIFY(widget->grab().save(QDir(folder).filePath(name + u".png"_s)));
    const QPalette light = QApplication::palette();
    QApplication::setPalette(darkPalette());
    QTRY_COMPARE(widget->palette().color(QPalette::Window), darkPalette().color(QPalette::Window));
    QVERIFY(widget->grab().save(QDir(folder).filePath(name + u"-dark.png"_s)));
    QApplication::setPalette(light);
}

void TestExplorer::typingALogin_showsTheProfileBesideTheGists()
{
    openWindow();
    go(u"@octocat"_s);
    waitForCompleteList();
    QCOMPARE(pane()->kind(), Hubshelf::Models::ListKind::Gists);
    QCOMPARE(pane()->sourceModel()->rowCount(), 3); // two public gists and the Markdown one, all octocat's
    QCOMPARE(pane()->findChild<QLabel *>(u"listRowCount"_s)->text(), u"3 rows"_s);
    QVERIFY(proxyRowWhere(u"description"_s, u"Hubshelf notes: Markdown and Python"_s).isValid());
    QCOMPARE(m_window->findChild<QLineEdit *>(u"addressField"_s)->text(), u"octocat"_s);
    QCOMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::Gists));
    // The profile is beside the list until a row is chosen.
    QCOMPARE(explorer()->detailsPane()->page(), DetailsPane::Page::Account);
    const QStringList labels = [this] {
        QStringList texts;
        for (const QLabel *label : explorer()->detailsPane()->findChildren<QLabel *>()) {
            texts.append(label->text());
        }
        return texts;
    }();
    QVERIFY2(labels.join(u'\n').contains(u"monalisa octocat"_s), qPrintable(labels.join(u" | "_s)));
    // The places of a user, with Gists chosen; octocat is who signed in, so My gists and Starred too.
    QListWidget *places = explorer()->placesList();
    QTRY_COMPARE(places->count(), 9);
    QCOMPARE(places->currentItem()->text(), u"Gists"_s);
}

void TestExplorer::enterOnAGist_rendersMarkdownAndShowsCode()
{
    openWindow();
    go(u"octocat"_s);
    waitForCompleteList();
    activate(proxyRowWhere(u"description"_s, u"Hubshelf notes: Markdown and Python"_s));
    GistView *gist = explorer()->gistView();
    QTRY_VERIFY(gist->isVisible());
    QCOMPARE(explorer()->currentLocation()->target.gistId, FakeGitHub::Names::MarkdownGist);
    QCOMPARE(gist->currentFileName(), u"README.md"_s);
    QVERIFY(gist->isShowingRenderedMarkdown());
    const QTextDocument *document = gist->renderedDocument();
    QVERIFY(document);
    QVERIFY(!document->toPlainText().contains(u"# Notes"_s)); // rendered, not the source
    QCOMPARE(document->firstBlock().text(), u"Notes"_s);
    QVERIFY(document->firstBlock().blockFormat().headingLevel() == 1);

    QVERIFY(gist->selectFile(u"fizzbuzz.py"_s));
    QVERIFY(!gist->isShowingRenderedMarkdown());
    QVERIFY(gist->plainText().startsWith(u"for i in range(1, 16):"_s));
    QCOMPARE(explorer()->placesList()->currentItem()->text(), u"Files"_s);

    // Issue 14, rough edges: the owner is a link to their profile, here in Hubshelf.
    auto *owner = gist->findChild<QLabel *>(u"gistOwner"_s);
    QVERIFY2(owner->text().contains(u"<a href=\"octocat\">octocat</a>"_s), qPrintable(owner->text()));
    Q_EMIT owner->linkActivated(u"octocat"_s);
    QTRY_COMPARE(explorer()->currentLocation()->target.kind, Hubshelf::GitHub::Target::Kind::Login);
    QCOMPARE(explorer()->currentLocation()->target.owner, u"octocat"_s);
    // A link whose text is not a login opens nothing.
    Q_EMIT owner->linkActivated(u"../../etc"_s);
    QCOMPARE(explorer()->currentLocation()->target.owner, u"octocat"_s);
}

void TestExplorer::selectingAGist_showsItInTheDetails()
{
    openWindow();
    go(u"octocat"_s);
    waitForCompleteList();
    pane()->view()->setCurrentIndex(proxyRowWhere(u"description"_s, u"A large log that GitHub truncates"_s));
    QTRY_COMPARE(explorer()->detailsPane()->page(), DetailsPane::Page::Gist);
    GistView *details = explorer()->detailsPane()->gistView();
    QCOMPARE(details->currentFileName(), u"server.log"_s);
    QVERIFY2(details->noteText().contains(u"Open raw"_s), qPrintable(details->noteText()));
    // Still octocat's gists: selecting is not going anywhere.
    QCOMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::Gists));
}

void TestExplorer::organization_repositoriesLeadIntoPullRequests()
{
    openWindow();
    go(u"https://github.com/megacorp"_s);
    QTRY_VERIFY(pane()->sourceModel());
    QAbstractItemModelTester tester(pane()->proxyModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    waitForCompleteList();
    QCOMPARE(pane()->kind(), Hubshelf::Models::ListKind::Repositories);
    QCOMPARE(pane()->sourceModel()->rowCount(), 5000);
    QCOMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::Repositories));

    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(pane()->filterField(), u"monorepo"_s);
    QTRY_VERIFY(pane()->proxyModel()->rowCount() < 5000);
    QVERIFY(pane()->proxyModel()->rowCount() >= 1);
    activate(proxyRowWhere(u"full_name"_s, u"megacorp/monorepo"_s));

    QTRY_COMPARE(pane()->kind(), Hubshelf::Models::ListKind::PullRequests);
    QCOMPARE(explorer()->currentLocation()->target.text(), u"megacorp/monorepo"_s);
    QCOMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::PullRequests));
    QTRY_VERIFY(pane()->sourceModel()->rowCount() > 0);
    QVERIFY(explorer()->pullStateBox()->isVisible());
    waitForCompleteList();
    const QModelIndex state = pane()->sourceModel()->index(0, pane()->sourceModel()->columnNamed(u"state"_s));
    QCOMPARE(state.data(Hubshelf::Models::ExportRole).toString(), u"open"_s);
}

void TestExplorer::pullRequestRow_showsItsDetails()
{
    openWindow();
    go(u"octocat/Hello-World"_s);
    waitForCompleteList();
    explorer()->pullStateBox()->setCurrentIndex(2); // all: Hello-World's are mostly closed
    Q_EMIT explorer()->pullStateBox()->activated(2);
    waitForCompleteList();
    QVERIFY(pane()->proxyModel()->rowCount() > 0);
    const QModelIndex first = pane()->proxyModel()->index(0, 0);
    const QString number = pane()
                               ->proxyModel()
                               ->index(0, pane()->sourceModel()->columnNamed(u"number"_s))
                               .data(Hubshelf::Models::ExportRole)
                               .toString();
    pane()->view()->setCurrentIndex(first);
    QTRY_COMPARE(explorer()->detailsPane()->page(), DetailsPane::Page::PullRequest);
    const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
    QVERIFY(std::any_of(log.cbegin(), log.cend(), [&](const FakeGitHub::LoggedRequest &request) {
        return request.path == u"/repos/octocat/Hello-World/pulls/"_s + number;
    }));
    QStringList texts;
    for (const QLabel *label : explorer()->detailsPane()->pullRequestView()->findChildren<QLabel *>()) {
        texts.append(label->text());
    }
    QVERIFY2(texts.join(u'\n').contains(u'#' + number), qPrintable(texts.join(u" | "_s)));
}

void TestExplorer::repositoryRow_showsItsValuesWithoutARequest()
{
    openWindow();
    go(u"octocat"_s);
    waitForCompleteList();
    QListWidget *places = explorer()->placesList();
    places->setCurrentItem(places->findItems(u"Repositories"_s, Qt::MatchExactly).value(0));
    QTest::keyClick(places, Qt::Key_Return);
    QTRY_COMPARE(pane()->kind(), Hubshelf::Models::ListKind::Repositories);
    waitForCompleteList();
    const qsizetype requests = m_fake->requestLog().size();
    const QModelIndex hello = proxyRowWhere(u"full_name"_s, u"octocat/Hello-World"_s);
    QVERIFY(hello.isValid());
    pane()->view()->setCurrentIndex(hello);
    QTRY_COMPARE(explorer()->detailsPane()->page(), DetailsPane::Page::Row);
    QCOMPARE(explorer()->detailsPane()->rowCard()->title(), u"octocat/Hello-World"_s);
    const QStringList fields = explorer()->detailsPane()->rowCard()->fields();
    QVERIFY2(fields.contains(u"Default branch: master"_s), qPrintable(fields.join(u" | "_s)));
    // Shown from the row: the navigator asked nothing, and nothing reached the fake.
    QVERIFY(!explorer()->navigator()->isFetchingDetails());
    QTRY_COMPARE(m_fake->inFlight(), 0);
    QCOMPARE(m_fake->requestLog().size(), requests);
}

void TestExplorer::pullState_listsClosedOnes()
{
    openWindow();
    go(u"octocat/Hello-World"_s);
    waitForCompleteList();
    choosePullStateBelow(u"closed"_s);
    const Hubshelf::Models::GitHubListModel *model = pane()->sourceModel();
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString shown =
            model->index(row, model->columnNamed(u"state"_s)).data(Hubshelf::Models::ExportRole).toString();
        QVERIFY2(shown == u"closed"_s || shown == u"merged"_s, qPrintable(shown));
    }
    QVERIFY(explorer()->suggestedExportName().contains(u"closed"_s));
    // Another state is the same stop in the history, not a new one.
    QVERIFY(!explorer()->canGoBack());
}

void TestExplorer::backAndForward_returnToEarlierPlaces()
{
    openWindow();
    go(u"octocat"_s);
    waitForCompleteList();
    QListWidget *places = explorer()->placesList();
    const QList<QListWidgetItem *> followers = places->findItems(u"Followers"_s, Qt::MatchExactly);
    QCOMPARE(followers.size(), 1);
    places->setFocus();
    places->setCurrentItem(followers.first());
    QTest::keyClick(places, Qt::Key_Return);
    QTRY_COMPARE(pane()->kind(), Hubshelf::Models::ListKind::Users);
    QCOMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::Followers));
    waitForCompleteList();

    go(u"megacorp"_s);
    QTRY_COMPARE(explorer()->currentLocation()->target.owner, u"megacorp"_s);
    auto *back = m_window->findChild<QAction *>(u"backAction"_s);
    auto *forward = m_window->findChild<QAction *>(u"forwardAction"_s);
    QVERIFY(back->isEnabled());
    QVERIFY(!forward->isEnabled());

    QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(explorer()->currentLocation()->target.owner, u"octocat"_s);
    QCOMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::Followers));
    QTRY_COMPARE(pane()->kind(), Hubshelf::Models::ListKind::Users);
    QCOMPARE(m_window->findChild<QLineEdit *>(u"addressField"_s)->text(), u"octocat"_s);

    back->trigger();
    QCOMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::Gists));
    QVERIFY(!back->isEnabled());
    QVERIFY(forward->isEnabled());

    QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::Followers));
    forward->trigger();
    QCOMPARE(explorer()->currentLocation()->target.owner, u"megacorp"_s);
    QVERIFY(!forward->isEnabled());
}

void TestExplorer::places_offerWhatEachKindOfTargetHas()
{
    openWindow();
    go(u"megacorp"_s);
    QTRY_COMPARE(explorer()->placesList()->count(), 4);
    QStringList titles;
    for (int row = 0; row < explorer()->placesList()->count(); ++row) {
        titles.append(explorer()->placesList()->item(row)->text());
    }
    QCOMPARE(titles, (QStringList{u"Profile"_s, u"Repositories"_s, u"Members"_s, u"Insights"_s}));
    QVERIFY(!explorer()->pullStateBox()->isVisible());

    // Profile shows the card in the centre, and there is no list to export.
    explorer()->placesList()->setCurrentRow(0);
    QTest::keyClick(explorer()->placesList(), Qt::Key_Return);
    QTRY_COMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::Profile));
    QTRY_VERIFY(explorer()->profileCard()->isVisible());
    QVERIFY(!m_window->findChild<QAction *>(u"exportAction"_s)->isEnabled());

    // A person's Insights: the charts in the centre, and their months to export.
    go(u"octocat"_s);
    // Octocat is who signed in: My gists and Starred are among the places.
    QTRY_COMPARE(explorer()->placesList()->count(), 9);
    explorer()->placesList()->setCurrentRow(8);
    QTest::keyClick(explorer()->placesList(), Qt::Key_Return);
    QTRY_COMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::Insights));
    QTRY_VERIFY(explorer()->insightsView()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(explorer()->insightsView()->monthCount() > 0, 30000);
    QVERIFY(m_window->findChild<QAction *>(u"exportAction"_s)->isEnabled());
}

void TestExplorer::mouseBackButton_goesBack()
{
    openWindow();
    go(u"octocat"_s);
    waitForCompleteList();
    go(u"megacorp"_s);
    QTRY_COMPARE(explorer()->currentLocation()->target.owner, u"megacorp"_s);
    QTest::mouseClick(pane()->view()->viewport(), Qt::BackButton, {}, QPoint(20, 20));
    QCOMPARE(explorer()->currentLocation()->target.owner, u"octocat"_s);
    QTest::mouseClick(explorer()->placesList()->viewport(), Qt::ForwardButton, {}, QPoint(5, 5));
    QCOMPARE(explorer()->currentLocation()->target.owner, u"megacorp"_s);
}

void TestExplorer::unreachableApi_saysOfflineInTheStatusBar()
{
    openWindow();
    auto *connection = m_window->findChild<QLabel *>(u"connectionLabel"_s);
    QVERIFY(connection);
    QVERIFY(!connection->isVisible());
    QTRY_COMPARE(m_window->findChild<QToolButton *>(u"accountButton"_s)->text(), u"octocat"_s);
    m_fake.reset(); // nothing listens on the API's port any more
    go(u"octocat"_s);
    QTRY_VERIFY_WITH_TIMEOUT(connection->isVisible(), 20000);
    QCOMPARE(connection->text(), u"Offline"_s);
    QVERIFY(m_window->errorBanner()->isVisible());
    QVERIFY2(m_window->errorBanner()->text().contains(u"127.0.0.1"_s),
             qPrintable(m_window->errorBanner()->text()));
    // No Retry to press: the window comes back by itself.
    QVERIFY(m_window->errorBanner()->text().contains(u"by itself"_s));
    QVERIFY(!m_window->errorBanner()->canRetry());
}

void TestExplorer::accountActions_areInTheFileMenu()
{
    openWindow();
    auto *fileMenu = m_window->findChild<QMenu *>(u"fileMenu"_s);
    QVERIFY(fileMenu);
    QVERIFY(fileMenu->actions().contains(m_window->accountMenu()->signInAction()));
    QVERIFY(fileMenu->actions().contains(m_window->accountMenu()->signOutAction()));
    QTRY_VERIFY(m_window->accountMenu()->signOutAction()->isEnabled());
    // The token came from GH_ENTERPRISE_TOKEN (the fake is not github.com): Sign Out names it, not
    // github.com's GH_TOKEN.
    m_window->accountMenu()->signOutAction()->trigger();
    const QString said = m_window->errorBanner()->text();
    QVERIFY2(said.contains(u"GH_ENTERPRISE_TOKEN or GITHUB_ENTERPRISE_TOKEN"_s), qPrintable(said));
    QVERIFY(m_client->hasToken());
}

void TestExplorer::filter_narrowsRowsAndCtrlFFocusesIt()
{
    openWindow();
    go(u"octocat"_s);
    waitForCompleteList();
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(pane()->filterField()->hasFocus());
    QTest::keyClicks(pane()->filterField(), u"markdown"_s);
    QTRY_COMPARE(pane()->proxyModel()->rowCount(), 1);
    pane()->filterField()->clear();
    QTRY_COMPARE(pane()->proxyModel()->rowCount(), 3);
}

void TestExplorer::export_writesTheSameBytesAsTheCommandLine()
{
    openWindow();
    go(u"octocat"_s);
    waitForCompleteList();
    const QString path = m_dir.filePath(u"octocat-gists.csv"_s);
    QString suggested;
    m_window->exportController()->setSavePathProvider([&](const QString &suggestion) {
        suggested = suggestion;
        return path;
    });
    QSignalSpy exported(m_window->exportController(), &ExportController::exported);
    // The gist table's own columns by default: what a gist is about and holds, no hex id.
    QCOMPARE(pane()->visibleColumns().size(), 5);
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    QTRY_COMPARE(exported.size(), 1);
    {
        QFile shown(path);
        QVERIFY(shown.open(QIODevice::ReadOnly));
        QCOMPARE(shown.readLine(), QByteArray("description,files,languages,comments,updated_at\r\n"));
    }
    // Every column shown, in the kind's order, as the Columns menu allows: the command line's bytes.
    QHeaderView *header = pane()->view()->horizontalHeader();
    for (int logical = 0; logical < header->count(); ++logical) {
        header->showSection(logical);
        header->moveSection(header->visualIndex(logical), logical);
    }
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    QTRY_COMPARE(exported.size(), 2);
    QVERIFY2(suggested.endsWith(u"octocat-gists.csv"_s), qPrintable(suggested));
    QCOMPARE(exported.last().at(1).toInt(), 3);

    // The notice says where, and opens the file or its folder with the desktop's programs.
    ExportNotice *notice = m_window->exportNotice();
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->text(), u"Exported 3 rows to %1."_s.arg(QDir::toNativeSeparators(path)));
    UrlCatcher opened;
    QDesktopServices::setUrlHandler(u"file"_s, &opened, "open");
    QTest::mouseClick(notice->findChild<QPushButton *>(u"exportNoticeOpen"_s), Qt::LeftButton);
    QTest::mouseClick(notice->findChild<QPushButton *>(u"exportNoticeShowFolder"_s), Qt::LeftButton);
    QDesktopServices::unsetUrlHandler(u"file"_s);
    QCOMPARE(opened.urls,
             (QList<QUrl>{QUrl::fromLocalFile(path), QUrl::fromLocalFile(QFileInfo(path).absolutePath())}));
    QTest::keyClick(notice->findChild<QPushButton *>(u"exportNoticeOpen"_s), Qt::Key_Escape);
    QVERIFY(!notice->isVisible());

    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QFile golden(QFINDTESTDATA("../cli/golden/gists-octocat.csv"));
    QVERIFY(golden.open(QIODevice::ReadOnly));
    QCOMPARE(normalized(written.readAll()), golden.readAll());
}

void TestExplorer::export_keepsFilterAndVisibleColumns()
{
    openWindow();
    go(u"octocat"_s);
    waitForCompleteList();
    pane()->filterField()->setText(u"Markdown"_s);
    QTRY_COMPARE(pane()->proxyModel()->rowCount(), 1);
    QHeaderView *header = pane()->view()->horizontalHeader();
    const Hubshelf::Models::GitHubListModel *model = pane()->sourceModel();
    for (int column = 0; column < model->columnCount(); ++column) {
        const QString name = model->columns().at(column).name;
        header->setSectionHidden(column, name != u"id"_s && name != u"description"_s);
    }
    // Description first: the file follows what is on screen.
    header->moveSection(header->visualIndex(model->columnNamed(u"description"_s)), 0);

    const QString path = m_dir.filePath(u"filtered.csv"_s);
    m_window->exportController()->setSavePathProvider([&](const QString &) { return path; });
    QSignalSpy exported(m_window->exportController(), &ExportController::exported);
    m_window->findChild<QAction *>(u"exportAction"_s)->trigger();
    QTRY_COMPARE(exported.size(), 1);
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), QByteArray("description,id\r\nHubshelf notes: Markdown and Python,") +
                                    FakeGitHub::Names::MarkdownGist.toLatin1() + "\r\n");
}

void TestExplorer::export_ofAStoppedListLoadsEveryPageFirst()
{
    m_fake->setLatency(50);
    openWindow();
    go(u"megacorp"_s);
    QTRY_VERIFY(pane()->sourceModel() && pane()->sourceModel()->rowCount() > 0);
    pane()->stop();
    QVERIFY(!pane()->isComplete());
    QVERIFY(pane()->sourceModel()->rowCount() < 5000);

    const QString path = m_dir.filePath(u"megacorp-repos.csv"_s);
    m_window->exportController()->setSavePathProvider([&](const QString &) { return path; });
    QSignalSpy exported(m_window->exportController(), &ExportController::exported);
    m_window->findChild<QAction *>(u"exportAction"_s)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, ListTimeoutMs);
    QCOMPARE(exported.first().at(1).toInt(), 5000);
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll().count("\r\n"), 5001);
}

void TestExplorer::export_failureLeavesTheOldFileAndSaysWhy()
{
    openWindow();
    go(u"octocat"_s);
    waitForCompleteList();
    // A folder where the file should be: QSaveFile cannot replace it.
    const QString path = m_dir.filePath(u"not-a-file.csv"_s);
    QVERIFY(QDir().mkpath(path));
    m_window->exportController()->setSavePathProvider([&](const QString &) { return path; });
    QSignalSpy failed(m_window->exportController(), &ExportController::failed);
    m_window->findChild<QAction *>(u"exportAction"_s)->trigger();
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(QFileInfo(path).isDir());
    QVERIFY(m_window->errorBanner()->isVisible());
    QVERIFY(!m_window->errorBanner()->text().isEmpty());
    QVERIFY(!m_window->errorBanner()->canRetry());
}

void TestExplorer::refresh_revalidatesAndTheStatusBarCountsIt()
{
    openWindow();
    auto *cacheLabel = m_window->findChild<QLabel *>(u"cacheLabel"_s);
    auto *rateLabel = m_window->findChild<QLabel *>(u"rateLimitLabel"_s);
    QVERIFY(cacheLabel && rateLabel);
    go(u"octocat"_s);
    waitForCompleteList();
    const QString cacheBefore = cacheLabel->text();
    const QString rateBefore = rateLabel->text();
    const qint64 revalidatedBefore = m_cache->statistics().revalidated;
    const int pointsBefore = m_fake->pointsUsed(u"octocat"_s);
    QVERIFY2(!rateBefore.isEmpty(), "the rate limit is shown once GitHub has answered");

    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_VERIFY(m_cache->statistics().revalidated >= revalidatedBefore + 2); // the profile and the list
    waitForCompleteList();
    QTRY_VERIFY(cacheLabel->text() != cacheBefore);
    // 304s cost nothing with a token.
    QCOMPARE(m_fake->pointsUsed(u"octocat"_s), pointsBefore);
    QCOMPARE(pane()->sourceModel()->rowCount(), 3);
}

void TestExplorer::rateLimited_showsTheBannerWithTheResetTime()
{
    m_fake->setRateLimit(2, 60); // /user and the profile, then nothing
    openWindow();
    go(u"octocat"_s);
    ErrorBanner *banner = m_window->errorBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    const QDateTime reset = m_client->rateLimits()->limit(u"core"_s).reset;
    QVERIFY(reset.isValid());
    // The banner's time is the refusing answer's reset; the tracker may hold a later answer's, of
    // another bucket of the fake's, seconds apart and so across a minute's edge.
    const auto shows = [&](const QDateTime &time) {
        return banner->text().contains(time.toLocalTime().toString(u"HH:mm"_s));
    };
    QVERIFY2(shows(reset) || shows(reset.addSecs(-60)), qPrintable(banner->text()));
    QVERIFY(banner->canRetry());
    screenshot(u"window-rate-limited"_s);
}

void TestExplorer::retry_afterAFailureLoadsTheList()
{
    openWindow();
    m_fake->armFault(u"/users/octocat/gists"_s, FakeGitHub::Fault::withStatus(404), 1);
    go(u"octocat"_s);
    ErrorBanner *banner = m_window->errorBanner();
    QTRY_VERIFY(banner->isVisible());
    QVERIFY(banner->canRetry());
    Q_EMIT banner->retryRequested();
    waitForCompleteList();
    QCOMPARE(pane()->sourceModel()->rowCount(), 3);
    QTRY_VERIFY(!banner->isVisible());
}

void TestExplorer::account_signedInFromTheEnvironmentShowsTheLogin()
{
    openWindow();
    auto *button = m_window->findChild<QToolButton *>(u"accountButton"_s);
    QTRY_COMPARE(button->text(), u"octocat"_s);
    QCOMPARE(m_window->accountMenu()->tokenSource(), Hubshelf::Auth::TokenSource::Environment);
    QVERIFY(!button->toolTip().contains(QString::fromLatin1(FakeGitHub::Tokens::Octocat)));
    QVERIFY(button->toolTip().contains(u"environment"_s));
}

void TestExplorer::accountChange_showsThePlaceAgainForTheNewAccount()
{
    openWindow();
    go(u"octocat"_s);
    waitForCompleteList();
    m_fake->clearRequestLog();
    m_client->setToken({}); // as signing out does
    Q_EMIT m_window->accountMenu()->accountChanged();
    const auto askedAnonymously = [this](const QString &path) {
        const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
        return std::any_of(log.cbegin(), log.cend(), [&](const FakeGitHub::LoggedRequest &request) {
            return request.path == path && !request.authorized;
        });
    };
    // What GitHub said to octocat's token is asked again, now anonymously.
    QTRY_VERIFY(askedAnonymously(u"/users/octocat"_s));
    QTRY_VERIFY(askedAnonymously(u"/users/octocat/gists"_s));
    waitForCompleteList();
    QCOMPARE(pane()->sourceModel()->rowCount(), 3);
}

void TestExplorer::lateAnswer_neverOverwritesTheAddressBeingTyped()
{
    openWindow();
    m_fake->setLatency(300);
    go(u"octocat"_s);
    auto *field = m_window->findChild<QLineEdit *>(u"addressField"_s);
    field->selectAll();
    QTest::keyClicks(field, u"megac"_s); // typing the next address while octocat loads
    waitForCompleteList();
    QCOMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::Gists));
    QCOMPARE(field->text(), u"megac"_s);
}

void TestExplorer::failedRefresh_keepsTheListOnScreen()
{
    openWindow();
    go(u"octocat"_s);
    waitForCompleteList();
    pane()->view()->setCurrentIndex(proxyRowWhere(u"description"_s, u"Hello World Examples"_s));
    m_fake->armFault(u"/users/octocat"_s, FakeGitHub::Fault::withStatus(500), 100);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->errorBanner()->isVisible(), 10000);
    QVERIFY(pane()->isVisible());
    QCOMPARE(explorer()->placesList()->count(), 9); // octocat's own: My gists and Starred too
    waitForCompleteList();
    QCOMPARE(pane()->sourceModel()->rowCount(), 3);
}

void TestExplorer::screenshots_ofTheMainViews()
{
    if (qEnvironmentVariableIsEmpty("HUBSHELF_SCREENSHOT_DIR")) {
        QSKIP("HUBSHELF_SCREENSHOT_DIR is not set: run through ctest to save the screenshots");
    }
    openWindow();
    QTRY_COMPARE(m_window->findChild<QToolButton *>(u"accountButton"_s)->text(), u"octocat"_s);
    go(u"octocat"_s);
    waitForCompleteList();
    screenshot(u"window-profile-gists"_s);

    activate(proxyRowWhere(u"description"_s, u"Hubshelf notes: Markdown and Python"_s));
    QTRY_VERIFY(explorer()->gistView()->isVisible());
    screenshot(u"window-gist-markdown"_s);

    go(u"megacorp"_s);
    waitForCompleteList();
    pane()->view()->setCurrentIndex(pane()->proxyModel()->index(2, 0));
    screenshot(u"window-repositories"_s);

    go(u"megacorp/monorepo"_s);
    waitForCompleteList();
    pane()->view()->setCurrentIndex(pane()->proxyModel()->index(0, 0));
    QTRY_COMPARE(explorer()->detailsPane()->page(), DetailsPane::Page::PullRequest);
    screenshot(u"window-pull-requests"_s);

    auto *rateLimit = m_window->findChild<QLabel *>(u"rateLimitLabel"_s);
    rateLimit->setFocus();
    QTest::keyClick(rateLimit, Qt::Key_Return);
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>()) && dialog->isVisible());
    // /rate_limit answers, the bars fill.
    auto *rateLimitDialog = qobject_cast<RateLimitDialog *>(dialog);
    QVERIFY(rateLimitDialog);
    QTRY_VERIFY(!rateLimitDialog->isFetching() && !rateLimitDialog->chart()->sessionPoints().isEmpty());
    screenshot(u"window-rate-limit-dialog"_s, dialog);
    dialog->close();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

    go(u"no-such-user"_s);
    QTRY_VERIFY(m_window->errorBanner()->isVisible());
    QVERIFY(m_window->errorBanner()->canRetry());
    screenshot(u"window-error-banner"_s);
}

namespace {

// What QLineEdit does under the X11 keyboard scheme (Ctrl+E is "end of line" there): it claims the
// key before any window shortcut. The offscreen platform has no such scheme, so the test's fields
// claim it the same way, in their own event().
class ClaimsCtrlE final : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ShortcutOverride &&
            static_cast<QKeyEvent *>(event)->keyCombination() == (Qt::ControlModifier | Qt::Key_E)) {
            event->accept();
            return true;
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void TestExplorer::ctrlE_exportsFromTheAddressAndFilterFields()
{
    openWindow();
    go(u"octocat"_s);
    waitForCompleteList();
    QList<QString> suggestions;
    m_window->exportController()->setSavePathProvider([&](const QString &suggestion) {
        suggestions.append(suggestion);
        return QString(); // cancelled: that the shortcut reaches the export is what is tested
    });
    auto *address = m_window->findChild<QLineEdit *>(u"addressField"_s);
    ClaimsCtrlE claims;
    address->installEventFilter(&claims);
    pane()->filterField()->installEventFilter(&claims);

    address->setFocus();
    QTRY_VERIFY(address->hasFocus());
    QTest::keyClick(address, Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(suggestions.size(), 1);
    QCOMPARE(address->text(), u"octocat"_s);

    pane()->filterField()->setFocus();
    QTRY_VERIFY(pane()->filterField()->hasFocus());
    QTest::keyClicks(pane()->filterField(), u"mark"_s);
    QTest::keyClick(pane()->filterField(), Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(suggestions.size(), 2);
}

void TestExplorer::tab_leavesTheTableAndReachesTheStateBox()
{
    openWindow();
    go(u"octocat"_s);
    waitForCompleteList();
    QTableView *view = pane()->view();
    view->setFocus();
    view->setCurrentIndex(pane()->proxyModel()->index(0, 0));
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_Tab);
    QVERIFY2(!view->hasFocus(), "Tab moved from cell to cell instead of leaving the table");
    QCOMPARE(view->currentIndex().column(), 0);

    // From the places, Tab reaches the pull requests' state box.
    go(u"octocat/Hello-World"_s);
    waitForCompleteList();
    QListWidget *places = m_window->findChild<QListWidget *>(u"placesList"_s);
    places->setFocus();
    QTRY_VERIFY(places->hasFocus());
    QComboBox *state = explorer()->pullStateBox();
    for (int press = 0; press < 12 && !state->hasFocus(); ++press) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    QVERIFY2(state->hasFocus(), qPrintable(QApplication::focusWidget()->objectName()));
    // It sits in the list's bar, on the filter's row and before it.
    QVERIFY(pane()->isAncestorOf(state));
    const QRect box(state->mapTo(pane(), QPoint()), state->size());
    const QRect filter(pane()->filterField()->mapTo(pane(), QPoint()), pane()->filterField()->size());
    QVERIFY2(box.right() < filter.left(), "the State box is not before the filter");
    QVERIFY(box.top() < filter.bottom() && filter.top() < box.bottom());
}

void TestExplorer::pullState_mergedOnesSayMergedAndCanBeListedAlone()
{
    openWindow();
    go(u"octocat/Hello-World"_s);
    waitForCompleteList();
    choosePullStateBelow(u"closed"_s);
    const Hubshelf::Models::GitHubListModel *model = pane()->sourceModel();
    const int stateColumn = model->columnNamed(u"state"_s);
    const int mergedAtColumn = model->columnNamed(u"merged_at"_s);
    int merged = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const bool wasMerged =
            model->index(row, mergedAtColumn).data(Hubshelf::Models::ExportRole).toString().isEmpty() ==
            false;
        merged += wasMerged ? 1 : 0;
        QCOMPARE(model->index(row, stateColumn).data().toString(), wasMerged ? u"Merged"_s : u"Closed"_s);
    }
    QVERIFY(merged > 0 && merged < model->rowCount());

    const qsizetype requests = m_fake->requestLog().size();
    choosePullStateBelow(u"merged"_s); // the closed list, the merged ones of it
    QTRY_COMPARE(pane()->proxyModel()->rowCount(), merged);
    for (int row = 0; row < merged; ++row) {
        QCOMPARE(pane()->proxyModel()->index(row, stateColumn).data().toString(), u"Merged"_s);
    }
    const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
    for (qsizetype i = requests; i < log.size(); ++i) {
        QVERIFY2(log.at(i).target.contains("state=closed"), log.at(i).target.constData());
    }
    QVERIFY(explorer()->suggestedExportName().contains(u"merged"_s));

    choosePullStateBelow(u"all"_s); // the requirement goes
    QTRY_COMPARE(pane()->proxyModel()->rowCount(), pane()->sourceModel()->rowCount());
}

void TestExplorer::noBrowser_saysSoAndCopiesTheLink()
{
    // The offscreen platform starts no browser: QDesktopServices::openUrl() fails, as it does on a
    // desktop without one.
    openWindow();
    go(u"octocat"_s);
    waitForCompleteList();
    auto *banner = m_window->findChild<ErrorBanner *>(u"errorBanner"_s);
    QVERIFY(banner && !banner->isVisible());
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(!QGuiApplication::clipboard()->text().isEmpty());
    const QString page = QGuiApplication::clipboard()->text();
    QVERIFY2(page.startsWith(m_fake->contentUrl().toString()), qPrintable(page));
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"Copied the link instead"_s), qPrintable(banner->text()));
    QVERIFY(banner->text().contains(page));

    activate(proxyRowWhere(u"description"_s, u"Hubshelf notes: Markdown and Python"_s));
    GistView *gist = explorer()->gistView();
    QTRY_VERIFY(gist->isVisible());
    QGuiApplication::clipboard()->clear();
    auto *openRaw = gist->findChild<QToolButton *>(u"gistOpenRaw"_s);
    QVERIFY(openRaw);
    QTest::mouseClick(openRaw, Qt::LeftButton);
    QTRY_VERIFY(!QGuiApplication::clipboard()->text().isEmpty());
    QVERIFY(QGuiApplication::clipboard()->text() != page);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(u"Copied the link instead"_s));
}

void TestExplorer::signInDialog_givesFocusBackWhereItWas()
{
    openWindow();
    QTRY_VERIFY(QApplication::activeWindow() == m_window.get());
    auto *address = m_window->findChild<QLineEdit *>(u"addressField"_s);
    QAction *signIn = m_window->findChild<AccountMenu *>()->signInAction();
    QVERIFY(address && signIn);
    const auto signInAndCancel = [&] {
        signIn->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(u"signInDialog"_s)) && dialog->isActiveWindow());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!m_window->findChild<QDialog *>(u"signInDialog"_s) || !dialog->isVisible());
        QTRY_VERIFY(QApplication::activeWindow() == m_window.get());
    };

    // The first time, nothing had focus: the address field gets it, where a person starts.
    if (QWidget *focused = QApplication::focusWidget()) {
        focused->clearFocus();
    }
    signInAndCancel();
    QTRY_VERIFY2(address->hasFocus(), QApplication::focusWidget()
                                          ? qPrintable(QApplication::focusWidget()->objectName())
                                          : "nothing has focus");

    // Later, the widget that had focus has it again.
    go(u"octocat"_s);
    waitForCompleteList();
    pane()->filterField()->setFocus();
    QTRY_VERIFY(pane()->filterField()->hasFocus());
    signInAndCancel();
    QTRY_VERIFY2(pane()->filterField()->hasFocus(),
                 QApplication::focusWidget() ? qPrintable(QApplication::focusWidget()->objectName())
                                             : "nothing has focus");
}

void TestExplorer::rateLimitChart_coversTheSessionBeforeTheDialogOpens()
{
    openWindow();
    go(u"octocat"_s);
    waitForCompleteList();
    go(u"octocat/Hello-World"_s);
    waitForCompleteList();
    // Every answer so far spent a point, each a sample, before the dialog was ever opened.
    QTest::mouseClick(m_window->findChild<QLabel *>(u"rateLimitLabel"_s), Qt::LeftButton);
    RateLimitDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<RateLimitDialog *>()) && dialog->isVisible());
    const QList<QPointF> samples = dialog->chart()->sessionPoints();
    QVERIFY2(samples.size() >= 3, qPrintable(QString::number(samples.size())));
    // The oldest sample is from before the dialog: nearly the whole budget left.
    QVERIFY(samples.first().y() > samples.last().y());
}

void TestExplorer::pullRequestUrl_opensItsDetailsAndSelectsItsRow()
{
    openWindow();
    go(u"https://github.com/octocat/Hello-World/pull/3"_s);
    auto *address = m_window->findChild<QLineEdit *>(u"addressField"_s);
    QTRY_COMPARE(address->text(), u"octocat/Hello-World"_s);
    // Its details at once, whatever list it is in (#3 is closed; the list opens on the open ones).
    QTRY_COMPARE(explorer()->detailsPane()->page(), DetailsPane::Page::PullRequest);
    const PullRequestView *pull = explorer()->detailsPane()->findChild<PullRequestView *>();
    QVERIFY(pull);
    QTRY_COMPARE(pull->pullRequest().value(u"number"_s).toInt(), 3);
    waitForCompleteList();

    // Where the row is listed, it is chosen once it arrives.
    choosePullStateBelow(u"closed"_s);
    const int numberColumn = pane()->sourceModel()->columnNamed(u"number"_s);
    QTRY_VERIFY(pane()->view()->currentIndex().isValid());
    QCOMPARE(pane()
                 ->view()
                 ->currentIndex()
                 .siblingAtColumn(numberColumn)
                 .data(Hubshelf::Models::ExportRole)
                 .toString(),
             u"3"_s);
    QVERIFY(pane()->view()->selectionModel()->isRowSelected(pane()->view()->currentIndex().row()));
}

void TestExplorer::offline_placesOpenFromTheCacheUntilGitHubIsBack()
{
    openWindow();
    go(u"octocat/Hello-World"_s);
    waitForCompleteList();
    go(u"octocat"_s);
    waitForCompleteList();
    const int rows = pane()->sourceModel()->rowCount();
    QVERIFY(rows > 0);
    auto *connection = m_window->findChild<QLabel *>(u"connectionLabel"_s);
    auto *banner = m_window->findChild<ErrorBanner *>(u"errorBanner"_s);
    QVERIFY(connection && banner);

    // Hours later, and GitHub cannot be reached: every page saved is past its max-age.
    const quint16 apiPort = quint16(m_fake->apiUrl().port());
    const quint16 contentPort = quint16(m_fake->contentUrl().port());
    m_fake.reset();
    m_client->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(3 * 3600); });

    // F5 keeps the list: its pages come from the cache.
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(connection->isVisible(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(banner->text().startsWith(u"Offline — showing what was saved at"_s), 20000);
    waitForCompleteList();
    QCOMPARE(pane()->sourceModel()->rowCount(), rows);
    QVERIFY(m_client->isOffline());

    // A place opened before opens, without a word of failure.
    go(u"octocat/Hello-World"_s);
    QTRY_COMPARE(explorer()->currentLocation()->target.text(), u"octocat/Hello-World"_s);
    waitForCompleteList();
    QTRY_VERIFY(banner->text().startsWith(u"Offline — showing what was saved at"_s));
    go(u"octocat"_s);
    waitForCompleteList();
    QCOMPARE(pane()->sourceModel()->rowCount(), rows);
    screenshot(u"offline"_s);

    // One never opened says so in a sentence.
    go(u"monalisa"_s);
    QTRY_VERIFY2(banner->text().contains(u"monalisa was not opened here before"_s),
                 qPrintable(banner->text()));

    // GitHub is back: the window notices by itself, without Retry.
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY(m_fake->listen(apiPort, contentPort));
    QTRY_VERIFY_WITH_TIMEOUT(!m_client->isOffline(), 20000);
    QVERIFY(!connection->isVisible());
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"GitHub can be reached again"_s));
    // The place that could not open opens now.
    QTRY_VERIFY_WITH_TIMEOUT(explorer()->profileCard()->isVisible() || pane()->isComplete(), 20000);
    QTRY_VERIFY(!banner->isVisible());
}

void TestExplorer::renamedRepository_showsItsNewNameWithANote()
{
    openWindow();
    auto *address = m_window->findChild<QLineEdit *>(u"addressField"_s);
    auto *banner = m_window->findChild<ErrorBanner *>(u"errorBanner"_s);
    // A repository that kept its name says nothing of the kind.
    go(u"octocat/Hello-World"_s);
    waitForCompleteList();
    const int rows = pane()->sourceModel()->rowCount(); // its open ones
    QVERIFY2(!banner->text().contains(u"renamed"_s), qPrintable(banner->text()));

    go(u"octocat/Hello-Old-World"_s); // GitHub answers 301 to /repositories/{id}/pulls
    waitForCompleteList();
    QCOMPARE(pane()->sourceModel()->rowCount(), rows);
    QTRY_COMPARE(address->text(), u"octocat/Hello-World"_s);
    QCOMPARE(explorer()->currentLocation()->target.text(), u"octocat/Hello-World"_s);
    QTRY_VERIFY2(banner->text().contains(u"octocat/Hello-Old-World was renamed to octocat/Hello-World"_s),
                 qPrintable(banner->text()));
    QVERIFY(!banner->canRetry());

    // F5 asks the new name, and the rows stay the same ones.
    m_window->findChild<QAction *>(u"refreshAction"_s)->trigger();
    waitForCompleteList();
    QCOMPARE(pane()->listUrl().path(), u"/repos/octocat/Hello-World/pulls"_s);
    QCOMPARE(pane()->sourceModel()->rowCount(), rows);
}

// 1024×640 at QT_SCALE_FACTOR=2 leaves 512×320 device-independent pixels, less a panel and the title
// bar: the window must fit, with a profile beside a list, not run off the bottom of the screen.
void TestExplorer::smallScreen_theWindowFits()
{
    openWindow();
    const auto minimumOf = [this] { return m_window->minimumSizeHint().expandedTo(m_window->minimumSize()); };
    const auto fits = [](const QSize &size) { return size.width() <= 500 && size.height() <= 300; };
    // The page shown before anything is typed, then a profile beside a list.
    QVERIFY2(fits(minimumOf()), qPrintable(u"%1x%2"_s.arg(minimumOf().width()).arg(minimumOf().height())));
    go(u"octocat"_s);
    waitForCompleteList();
    QTRY_COMPARE(explorer()->detailsPane()->page(), DetailsPane::Page::Account);
    QString sizes; // which part is too large, when one is
    for (const QWidget *widget :
         explorer()->splitter()->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        sizes += u" %1 %2x%3"_s.arg(widget->objectName())
                     .arg(widget->minimumSizeHint().width())
                     .arg(widget->minimumSizeHint().height());
    }
    // Once the list has settled: while pages arrive, the bar's progress and Stop need ~100 px more
    // (left for later, see the closing note of this change).
    QTRY_VERIFY2(!pane()->isLoading() && !pane()->loader()->isRevalidating() && fits(minimumOf()),
                 qPrintable(u"%1x%2:%3"_s.arg(minimumOf().width()).arg(minimumOf().height()).arg(sizes)));
    // A gist's header and its file bar.
    go(u"gist.github.com/"_s + FakeGitHub::Names::MarkdownGist);
    QTRY_VERIFY(explorer()->gistView()->isVisible());
    const QSize gist = minimumOf();
    QVERIFY2(fits(gist), qPrintable(u"%1x%2: gist view %3x%4"_s.arg(gist.width())
                                        .arg(gist.height())
                                        .arg(explorer()->gistView()->minimumSizeHint().width())
                                        .arg(explorer()->gistView()->minimumSizeHint().height())));
}

void TestExplorer::back_returnsToTheChosenRowAndScroll()
{
    openWindow();
    go(u"prolific"_s);
    waitForCompleteList();
    QTableView *view = pane()->view();
    QVERIFY(pane()->proxyModel()->rowCount() > 200);
    // Halfway down, a row chosen.
    const QModelIndex chosen = pane()->proxyModel()->index(150, pane()->visibleColumns().value(0));
    view->setCurrentIndex(chosen);
    view->scrollTo(chosen, QAbstractItemView::PositionAtCenter);
    const QString chosenId = chosen.data(Hubshelf::Models::IdRole).toString();
    const int scrolled = view->verticalScrollBar()->value();
    QVERIFY(scrolled > 0);

    go(u"octocat"_s);
    waitForCompleteList();
    QTRY_VERIFY(explorer()->canGoBack());
    m_window->findChild<QAction *>(u"backAction"_s)->trigger();
    QTRY_COMPARE(explorer()->currentLocation()->target.owner, u"prolific"_s);
    waitForCompleteList();
    QTRY_VERIFY(view->currentIndex().isValid());
    QCOMPARE(view->currentIndex().data(Hubshelf::Models::IdRole).toString(), chosenId);
    QTRY_COMPARE(view->verticalScrollBar()->value(), scrolled);

    // A new visit to the same list starts at the top, nothing chosen.
    go(u"octocat"_s);
    waitForCompleteList();
    go(u"prolific"_s);
    waitForCompleteList();
    QTest::qWait(50);
    QVERIFY(!view->currentIndex().isValid());
    QCOMPARE(view->verticalScrollBar()->value(), 0);
}

// Issue 14, item 3: without a token, megacorp's 50 pages would spend nearly the whole hour.
void TestExplorer::anonymousBudget_asksBeforeSpendingAndContinues()
{
    openWindow(false);
    const QString path = u"/orgs/megacorp/repos"_s;
    const auto pagesAsked = [this, &path] {
        const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
        return std::count_if(log.cbegin(), log.cend(), [&path](const FakeGitHub::LoggedRequest &request) {
            return request.path == path;
        });
    };
    go(u"megacorp"_s);
    ListBudgetPrompt *prompt = pane()->budgetPrompt();
    QTRY_VERIFY_WITH_TIMEOUT(prompt->isVisible(), ListTimeoutMs);
    QVERIFY2(prompt->text().startsWith(u"This list has 50 pages; "_s), qPrintable(prompt->text()));
    QVERIFY2(prompt->text().contains(u" requests are left until "_s), qPrintable(prompt->text()));
    auto *loadAll = prompt->findChild<QPushButton *>(u"budgetLoadAll"_s);
    auto *loadSome = prompt->findChild<QPushButton *>(u"budgetLoadSome"_s);
    auto *signIn = prompt->findChild<QPushButton *>(u"budgetSignIn"_s);
    QVERIFY(loadAll && loadAll->isVisible());
    QVERIFY(loadSome && loadSome->isVisible());
    QCOMPARE(loadSome->text(), u"Load 10 pages"_s);
    QVERIFY(signIn && signIn->isVisible());
    QCOMPARE(signIn->text(), u"Sign in for 5,000 an hour"_s);
    QVERIFY(loadAll->hasFocus()); // one key away
    auto *rowCount = pane()->findChild<QLabel *>(u"listRowCount"_s);
    QCOMPARE(rowCount->text(), u"100 of ~5,000 rows — stopped"_s);
    QTRY_COMPARE(m_fake->inFlight(), 0);
    QCOMPARE(pagesAsked(), 1);
    screenshot(u"window-budget-prompt"_s);

    // Sign in opens the sign-in dialog; closing it leaves the question where it was.
    QTest::mouseClick(signIn, Qt::LeftButton);
    QPointer<QDialog> dialog = m_window->findChild<QDialog *>();
    QTRY_VERIFY(dialog && dialog->isVisible());
    dialog->reject();
    QVERIFY(prompt->isVisible());

    // Return on a focused button of the question presses it, as in a dialog.
    loadSome->setFocus();
    QTest::keyClick(loadSome, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(pane()->sourceModel()->rowCount(), 1100, ListTimeoutMs);
    QTRY_VERIFY(prompt->isVisible()); // asked again before the next page
    QCOMPARE(rowCount->text(), u"1,100 of ~5,000 rows — stopped"_s);
    QTRY_COMPARE(m_fake->inFlight(), 0);
    QCOMPARE(pagesAsked(), 11);

    // Esc keeps the rows so far; Continue fetches only the missing pages.
    QTest::keyClick(prompt->focusWidget() ? prompt->focusWidget() : prompt, Qt::Key_Escape);
    QVERIFY(!prompt->isVisible());
    auto *continueButton = pane()->findChild<QToolButton *>(u"listContinue"_s);
    QVERIFY(continueButton && continueButton->isVisible());
    QTest::mouseClick(continueButton, Qt::LeftButton);
    waitForCompleteList();
    QCOMPARE(pane()->sourceModel()->rowCount(), 5000);
    QCOMPARE(rowCount->text(), u"5,000 rows"_s);
    QVERIFY(!continueButton->isVisible());
    QCOMPARE(pagesAsked(), 50);
}

// Issue 14, item 15: the last place comes back on relaunch, asked for with the token.
void TestExplorer::relaunch_opensTheLastPlaceOnceSignedIn()
{
    openWindow();
    go(u"octocat/Hello-World"_s);
    QTRY_COMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::PullRequests));
    waitForCompleteList();
    choosePullStateBelow(u"closed"_s);
    m_window.reset();

    m_fake->clearRequestLog();
    openWindow();
    QTRY_VERIFY(explorer()->currentLocation());
    QCOMPARE(explorer()->currentLocation()->target.text(), u"octocat/Hello-World"_s);
    QCOMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::PullRequests));
    QCOMPARE(explorer()->currentLocation()->pullState, u"closed"_s);
    QCOMPARE(m_window->findChild<QLineEdit *>(u"addressField"_s)->text(), u"octocat/Hello-World"_s);
    waitForCompleteList();
    QVERIFY(pane()->sourceModel()->rowCount() > 0);
    for (const FakeGitHub::LoggedRequest &request : m_fake->requestLog()) {
        QVERIFY2(request.authorized, request.target.constData()); // never anonymously first
    }
}

// Issue 14, rough edges: a filter that hides the chosen row leaves nothing chosen, rather than
// choosing the next match and spending a request on its details.
void TestExplorer::filter_neverFetchesDetailsOfARowNobodyChose()
{
    openWindow();
    go(u"octocat/Hello-World"_s);
    waitForCompleteList();
    choosePullStateBelow(u"closed"_s);
    QVERIFY(pane()->proxyModel()->rowCount() > 2);
    const int numberColumn = pane()->sourceModel()->columnNamed(u"number"_s);
    const int urlColumn = pane()->sourceModel()->columnNamed(u"html_url"_s);
    const auto cell = [&](int row, int column) {
        return pane()->proxyModel()->index(row, column).data(Hubshelf::Models::ExportRole).toString();
    };
    // The filter is the web page of the highest number: no other row's text can contain it.
    int highest = 0;
    for (int row = 1; row < pane()->proxyModel()->rowCount(); ++row) {
        if (cell(row, numberColumn).toLongLong() > cell(highest, numberColumn).toLongLong()) {
            highest = row;
        }
    }
    const int chosenRow = highest == 0 ? 1 : 0;
    const QString chosen = cell(chosenRow, numberColumn);
    const QString other = cell(highest, urlColumn);
    pane()->view()->setCurrentIndex(pane()->proxyModel()->index(chosenRow, 0));
    QTRY_COMPARE(explorer()->detailsPane()->page(), DetailsPane::Page::PullRequest);
    QTRY_COMPARE(m_fake->inFlight(), 0);

    m_fake->clearRequestLog();
    QLineEdit *filter = pane()->filterField();
    filter->setFocus();
    QTest::keyClicks(filter, other);
    QTRY_VERIFY(!proxyRowWhere(u"number"_s, chosen).isValid());
    QCOMPARE(pane()->proxyModel()->rowCount(), 1);
    QTest::qWait(1000); // well past the details' delay
    QVERIFY(!pane()->view()->currentIndex().isValid());
    for (const FakeGitHub::LoggedRequest &request : m_fake->requestLog()) {
        QVERIFY2(!request.path.contains(u"/pulls/"_s), request.target.constData());
    }
    QVERIFY(explorer()->detailsPane()->page() != DetailsPane::Page::PullRequest);
}

void TestExplorer::gist_revisionsOpenAsItWasAndForksAreGists()
{
    openWindow();
    const QString id = FakeGitHub::Names::HelloGist;
    go(u"https://gist.github.com/octocat/"_s + id);
    GistView *gist = explorer()->gistView();
    QTRY_VERIFY(gist->isVisible() && !gist->fileNames().isEmpty());
    const QString current = gist->currentContent();
    QStringList titles;
    for (int row = 0; row < explorer()->placesList()->count(); ++row) {
        titles.append(explorer()->placesList()->item(row)->text());
    }
    QCOMPARE(titles, (QStringList{u"Files"_s, u"Revisions"_s, u"Forks"_s}));

    // Revisions: newest first, by keyboard.
    explorer()->placesList()->setFocus();
    explorer()->placesList()->setCurrentRow(1);
    QTest::keyClick(explorer()->placesList(), Qt::Key_Return);
    waitForCompleteList();
    QCOMPARE(pane()->kind(), Hubshelf::Models::ListKind::Revisions);
    const Hubshelf::Models::GitHubListModel *revisions = pane()->sourceModel();
    QCOMPARE(revisions->rowCount(), 3);
    const int version = revisions->columnNamed(u"version"_s);
    const QString oldest = revisions->index(2, version).data(Hubshelf::Models::ExportRole).toString();
    QCOMPARE(oldest.size(), 40);
    QCOMPARE(revisions->index(0, revisions->columnNamed(u"user"_s)).data().toString(), u"octocat"_s);
    // Choosing a revision shows the gist as it was beside the list.
    pane()->view()->setCurrentIndex(proxyRowWhere(u"version"_s, oldest));
    QTRY_COMPARE(explorer()->detailsPane()->page(), DetailsPane::Page::Gist);
    QTRY_VERIFY(!explorer()->detailsPane()->gistView()->currentContent().isEmpty());
    QVERIFY(explorer()->detailsPane()->gistView()->currentContent() != current);
    const QString detailsMeta =
        explorer()->detailsPane()->gistView()->findChild<QLabel *>(u"gistMeta"_s)->text();
    QVERIFY2(detailsMeta.contains(u"revision "_s + oldest.left(7)), qPrintable(detailsMeta));
    screenshot(u"window-gist-revisions"_s);
    QCOMPARE(proxyRowWhere(u"version"_s, oldest).data().toString(), oldest.left(7)); // as GitHub shows it

    // Enter opens it: the gist as it was, said so, at its own address.
    activate(proxyRowWhere(u"version"_s, oldest));
    QTRY_VERIFY(gist->isVisible() && explorer()->currentLocation()->target.revision == oldest);
    QTRY_VERIFY(!gist->currentContent().isEmpty() && gist->currentContent() != current);
    QVERIFY(current.startsWith(gist->currentContent().left(10))); // the same file, shorter then
    auto *meta = gist->findChild<QLabel *>(u"gistMeta"_s);
    QVERIFY2(meta->text().contains(u"revision "_s + oldest.left(7)), qPrintable(meta->text()));
    QCOMPARE(m_window->findChild<QLineEdit *>(u"addressField"_s)->text(),
             u"gist.github.com/octocat/%1/%2"_s.arg(id, oldest));
    QVERIFY(!m_fake->requestLog().isEmpty());
    QCOMPARE(m_fake->requestLog().last().path, u"/gists/%1/%2"_s.arg(id, oldest));
    // Back: the revisions again, the oldest chosen.
    m_window->findChild<QAction *>(u"backAction"_s)->trigger();
    waitForCompleteList();
    QCOMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::Revisions));
    QTRY_COMPARE(pane()->view()->currentIndex().data(Hubshelf::Models::IdRole).toString(), oldest);

    // Revisions reached without the gist's files (restored, or from another window's address): the
    // revision's address learns its owner from GitHub's answer.
    m_window.reset();
    openWindow();
    Hubshelf::Models::Location revisionsOnly;
    revisionsOnly.target = Hubshelf::GitHub::parseTarget(u"gist.github.com/"_s + id);
    QCOMPARE(revisionsOnly.target.owner, QString());
    revisionsOnly.place = Place::Revisions;
    explorer()->open(revisionsOnly);
    waitForCompleteList();
    activate(proxyRowWhere(u"version"_s, oldest));
    QTRY_VERIFY(explorer()->gistView()->isVisible());
    QTRY_COMPARE(m_window->findChild<QLineEdit *>(u"addressField"_s)->text(),
                 u"gist.github.com/octocat/%1/%2"_s.arg(id, oldest));
    QCOMPARE(explorer()->currentLocation()->target.revision, oldest);
    gist = explorer()->gistView();

    // Forks are gists of other people: Enter opens one.
    go(u"https://gist.github.com/octocat/"_s + id);
    QTRY_VERIFY(gist->isVisible());
    explorer()->placesList()->setCurrentRow(2);
    QTest::keyClick(explorer()->placesList(), Qt::Key_Return);
    waitForCompleteList();
    QCOMPARE(pane()->kind(), Hubshelf::Models::ListKind::Gists);
    QCOMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::Forks));
    QCOMPARE(pane()->sourceModel()->rowCount(), 3);
    activate(pane()->proxyModel()->index(0, pane()->visibleColumns().value(0)));
    QTRY_VERIFY(gist->isVisible() && explorer()->currentLocation()->target.gistId != id);
    QTRY_VERIFY(!gist->fileNames().isEmpty());
    auto *owner = gist->findChild<QLabel *>(u"gistOwner"_s);
    QVERIFY2(!owner->text().contains(u">octocat<"_s), qPrintable(owner->text()));
}

void TestExplorer::signedIn_myGistsAndStarredComeFromTheAccountMenu()
{
    // Signed in as the prolific user, who has secret gists and has starred three.
    QProcessEnvironment environment;
    environment.insert(u"GH_ENTERPRISE_TOKEN"_s, QString::fromLatin1(FakeGitHub::Tokens::Prolific));
    m_tokens->setEnvironment(environment);
    openWindow();
    AccountMenu *account = m_window->accountMenu();
    QTRY_VERIFY(account->myGistsAction()->isEnabled() && account->starredAction()->isEnabled());

    account->myGistsAction()->trigger();
    waitForCompleteList(); // 300 gists: three pages
    QCOMPARE(explorer()->currentLocation()->target.owner, FakeGitHub::Names::ProlificUser);
    QCOMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::MyGists));
    QCOMPARE(explorer()->placesList()->currentItem()->text(), u"My gists"_s);
    const Hubshelf::Models::GitHubListModel *mine = pane()->sourceModel();
    QCOMPARE(mine->rowCount(), FakeGitHub::ProlificGistCount);
    // Secret ones are there, and marked beside their description.
    const int description = mine->columnNamed(u"description"_s);
    const int isPublic = mine->columnNamed(u"public"_s);
    int secret = 0;
    for (int row = 0; row < mine->rowCount(); ++row) {
        const bool marked = mine->index(row, description).data(Hubshelf::Models::SecretRole).toBool();
        QCOMPARE(marked, !mine->index(row, isPublic).data(Hubshelf::Models::SortRole).toBool());
        secret += marked ? 1 : 0;
    }
    QVERIFY(secret > 0);
    QVERIFY(wasAsked(u"/gists"_s));

    account->starredAction()->trigger();
    waitForCompleteList();
    QCOMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::Starred));
    QCOMPARE(pane()->sourceModel()->rowCount(), FakeGitHub::Names::ProlificStarredGists.size());

    // Starring from the gist's header: the Starred list has it the next time.
    go(u"https://gist.github.com/octocat/"_s + FakeGitHub::Names::TruncatedGist);
    QToolButton *star = explorer()->gistView()->starButton();
    QTRY_VERIFY(star->isVisible() && star->isEnabled());
    QCOMPARE(star->text(), u"Star"_s);
    star->setFocus();
    QTest::keyClick(star, Qt::Key_Space);
    QTRY_COMPARE(star->text(), u"Unstar"_s);
    QTRY_VERIFY(star->isEnabled());
    account->starredAction()->trigger();
    waitForCompleteList();
    QCOMPARE(pane()->sourceModel()->rowCount(), FakeGitHub::Names::ProlificStarredGists.size() + 1);
    QVERIFY(proxyRowWhere(u"id"_s, FakeGitHub::Names::TruncatedGist).isValid());

    // Relaunched, Starred opens again once GitHub has said whose the token is.
    m_window.reset();
    openWindow();
    QTRY_VERIFY(explorer()->currentLocation());
    QTRY_COMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::Starred));
    waitForCompleteList();
    QCOMPARE(explorer()->currentLocation()->place, std::optional<Place>(Place::Starred));
    QCOMPARE(pane()->sourceModel()->rowCount(), FakeGitHub::Names::ProlificStarredGists.size() + 1);
}

void TestExplorer::star_isDisabledAnonymouslyAndAFailureSaysWhy()
{
    openWindow(false);
    go(u"https://gist.github.com/octocat/"_s + FakeGitHub::Names::HelloGist);
    GistView *gist = explorer()->gistView();
    QTRY_VERIFY(gist->isVisible() && !gist->fileNames().isEmpty());
    QToolButton *star = gist->starButton();
    QVERIFY(star->isVisible());
    QVERIFY(!star->isEnabled());
    QVERIFY2(star->toolTip().contains(u"Sign in"_s), qPrintable(star->toolTip()));
    // Anonymous: no menu entries for gists of one's own either.
    QVERIFY(!m_window->accountMenu()->myGistsAction()->isEnabled());
    QVERIFY(!m_window->accountMenu()->starredAction()->isEnabled());
    QVERIFY(!wasAsked(u"/gists/starred"_s));

    // Signed in, GitHub refuses the write: the banner says why and the button is as it was.
    cleanup();
    init();
    openWindow();
    go(u"https://gist.github.com/octocat/"_s + FakeGitHub::Names::HelloGist);
    gist = explorer()->gistView();
    star = gist->starButton();
    QTRY_VERIFY(star->isEnabled());
    QCOMPARE(star->text(), u"Star"_s);
    m_fake->armFault(u"/gists/"_s + FakeGitHub::Names::HelloGist + u"/star"_s,
                     FakeGitHub::Fault::withStatus(403, "Resource not accessible by personal access token"));
    star->click();
    QTRY_VERIFY(m_window->errorBanner()->isVisible());
    const QString said = m_window->errorBanner()->text();
    QVERIFY2(said.startsWith(u"The gist was not starred: "_s), qPrintable(said));
    QVERIFY2(!said.contains(QString::fromLatin1(FakeGitHub::Tokens::Octocat)), qPrintable(said));
    QTRY_VERIFY(star->isEnabled());
    QCOMPARE(star->text(), u"Star"_s);
    screenshot(u"gist-star"_s, gist);
}

QTEST_MAIN(TestExplorer)
#include "test_explorer.moc"
