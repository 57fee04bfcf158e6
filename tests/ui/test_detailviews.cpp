#include "darkpalette.h"
#include "fakegithub.h"
#include "github/client.h"
#include "github/request.h"
#include "images/avatarloader.h"
#include "ui/detailspane.h"
#include "ui/gistview.h"
#include "ui/markdownview.h"
#include "ui/profilecard.h"
#include "ui/pullrequestview.h"
#include "widgets/codefont.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFontInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QToolButton>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

using Hubshelf::Images::AvatarLoader;
using Hubshelf::Ui::DetailsPane;
using Hubshelf::Ui::GistView;
using Hubshelf::Ui::MarkdownView;
using Hubshelf::Ui::ProfileCard;
using Hubshelf::Ui::PullRequestView;

// Stands in for the desktop's browser: QDesktopServices hands it every URL it would open.
class BrowserStandIn : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

class TestDetailViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void profile_showsNameLoginCountsAndDetails();
    void profile_organizationShowsDescriptionAndType();
    void profile_blogWithoutSchemeBecomesHttpsLink();
    void profile_clearEmptiesTheCard();
    void profile_narrowOrShortWrapsAndScrollsInsteadOfClipping_data();
    void profile_narrowOrShortWrapsAndScrollsInsteadOfClipping();

    void avatar_arrivesFromContentOriginWithoutAuthorization();
    void avatar_secondLoaderIsServedFromTheDiskCache();
    void avatar_memoryHitIsAnsweredAtOnce();
    void avatar_nonWebUrlFailsWithoutARequest();
    void avatar_failureLeavesThePlaceholder();
    void avatar_sizedUrlSetsSizeAndKeepsOtherItems();
    void avatar_diskCacheIsLimitedTo20MB();

    void gist_markdownFileIsRenderedAsRichText();
    void gist_codeFileIsMonospacePlainTextIdenticalToContent();
    void gist_switchingFilesFollowsTheTabs();
    void gist_sourceToggleShowsTheMarkdownSource();
    void gist_truncatedFileShowsANote();
    void gist_absentContentShowsANoteAndCannotBeCopied();
    void gist_copyPutsTheContentOnTheClipboard();
    void gist_copyOfATruncatedFileSaysOnlyTheFirstPartWasCopied();
    void gist_openRawOpensTheRawUrlInTheBrowser();
    void gist_keyboardReachesFilesAndActions();

    void markdown_refusesRemoteResourcesAndShowsAltText();
    void markdown_linkClickOpensTheBrowserWithoutNavigating();
    void markdown_nonWebLinksAreIgnored();

    void pull_showsTitleBranchesLabelsAndMarkdownBody();
    void pull_state_data();
    void pull_state();
    void pull_emptyBodySaysNoDescription();

    void detailsPane_switchesBetweenHintLoadingAndViews();

    void screenshots();

private:
    QJsonObject fetchObject(const QString &path, const QUrlQuery &query = {});
    QJsonArray fetchArray(const QString &path, const QUrlQuery &query = {});
    QByteArray fetch(const QString &path, const QUrlQuery &query);
    QList<FakeGitHub::LoggedRequest> contentRequests() const;
    QJsonObject helloWorldPull(PullRequestView::State state);
    static QString gistFileContent(const QJsonObject &gist, const QString &fileName);
    // True once two grabs in a row look the same: the layouts that a change posted have run.
    bool settled(QWidget &widget);

    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Hubshelf::GitHub::Client> m_client;
    // The avatar loader's own manager, with a disk cache in a temporary folder.
    std::unique_ptr<QTemporaryDir> m_avatarDir;
    std::unique_ptr<QNetworkAccessManager> m_avatarNetwork;
    std::unique_ptr<AvatarLoader> m_avatars;
    BrowserStandIn m_browser;
    QImage m_lastGrab;
};

void TestDetailViews::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"HubshelfTests"_s);
    QCoreApplication::setApplicationName(u"test_detailviews"_s);
    QApplication::setQuitOnLastWindowClosed(false);
    // Fusion everywhere, so that screenshots and palettes look the same on every machine.
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    for (const QString &scheme : {u"http"_s, u"https"_s, u"mailto"_s}) {
        QDesktopServices::setUrlHandler(scheme, &m_browser, "open");
    }
}

void TestDetailViews::cleanupTestCase()
{
    for (const QString &scheme : {u"http"_s, u"https"_s, u"mailto"_s}) {
        QDesktopServices::unsetUrlHandler(scheme);
    }
}

void TestDetailViews::init()
{
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY2(m_fake->listen(), qPrintable(m_fake->errorString()));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<Hubshelf::GitHub::Client>(m_network.get(), nullptr, m_fake->apiUrl());
    m_client->setToken(FakeGitHub::Tokens::Octocat);

    m_avatarDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_avatarDir->isValid());
    m_avatarNetwork = std::make_unique<QNetworkAccessManager>();
    m_avatarNetwork->setCache(AvatarLoader::makeDiskCache(m_avatarNetwork.get(), m_avatarDir->path()));
    m_avatars = std::make_unique<AvatarLoader>(m_avatarNetwork.get());
    m_browser.opened.clear();
}

void TestDetailViews::cleanup()
{
    m_avatars.reset();
    m_avatarNetwork.reset();
    m_avatarDir.reset();
    m_client.reset();
    m_network.reset();
    m_fake.reset();
}

QByteArray TestDetailViews::fetch(const QString &path, const QUrlQuery &query)
{
    Hubshelf::GitHub::Request *request = m_client->get(m_client->endpoint(path, query));
    QByteArray body;
    connect(request, &Hubshelf::GitHub::Request::succeeded, this,
            [&body](const Hubshelf::GitHub::Response &response) { body = response.body; });
    QSignalSpy finished(request, &Hubshelf::GitHub::Request::finished);
    if (!finished.wait(10000)) {
        return {};
    }
    return body;
}

QJsonObject TestDetailViews::fetchObject(const QString &path, const QUrlQuery &query)
{
    return QJsonDocument::fromJson(fetch(path, query)).object();
}

QJsonArray TestDetailViews::fetchArray(const QString &path, const QUrlQuery &query)
{
    return QJsonDocument::fromJson(fetch(path, query)).array();
}

QList<FakeGitHub::LoggedRequest> TestDetailViews::contentRequests() const
{
    QList<FakeGitHub::LoggedRequest> result;
    const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
    for (const FakeGitHub::LoggedRequest &request : log) {
        if (request.origin == FakeGitHub::Origin::Content) {
            result.append(request);
        }
    }
    return result;
}

// A pull request of octocat/Hello-World, made into `state` where the five of the fake lack it.
QJsonObject TestDetailViews::helloWorldPull(PullRequestView::State state)
{
    const QJsonArray pulls = fetchArray(u"/repos/octocat/Hello-World/pulls"_s,
                                        QUrlQuery{{u"state"_s, u"all"_s}, {u"per_page"_s, u"100"_s}});
    if (pulls.isEmpty()) {
        return {};
    }
    for (const QJsonValue &value : pulls) {
        if (PullRequestView::stateOf(value.toObject()) == state) {
            return value.toObject();
        }
    }
    QJsonObject pull = pulls.first().toObject();
    pull[u"state"_s] = state == PullRequestView::State::Open || state == PullRequestView::State::Draft
                           ? u"open"_s
                           : u"closed"_s;
    pull[u"draft"_s] = state == PullRequestView::State::Draft;
    pull[u"merged_at"_s] = state == PullRequestView::State::Merged ? QJsonValue(u"2024-02-03T04:05:06Z"_s)
                                                                   : QJsonValue(QJsonValue::Null);
    pull[u"closed_at"_s] = state == PullRequestView::State::Merged || state == PullRequestView::State::Closed
                               ? QJsonValue(u"2024-02-03T04:05:06Z"_s)
                               : QJsonValue(QJsonValue::Null);
    return pull;
}

QString TestDetailViews::gistFileContent(const QJsonObject &gist, const QString &fileName)
{
    return gist.value(u"files"_s).toObject().value(fileName).toObject().value(u"content"_s).toString();
}

bool TestDetailViews::settled(QWidget &widget)
{
    const QImage grab = widget.grab().toImage();
    const bool same = grab == m_lastGrab;
    m_lastGrab = grab;
    return same;
}

// --- profile card -------------------------------------------------------------------------------

void TestDetailViews::profile_narrowOrShortWrapsAndScrollsInsteadOfClipping_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("a narrow splitter") << QSize(230, 700);
    QTest::newRow("1024x640's centre") << QSize(520, 260);
    QTest::newRow("twice the scale, narrow") << QSize(300, 240);
}

void TestDetailViews::profile_narrowOrShortWrapsAndScrollsInsteadOfClipping()
{
    QFETCH(QSize, size);
    ProfileCard card;
    card.resize(size);
    card.showAccount(fetchObject(u"/users/octocat"_s));
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    auto *scroll = card.findChild<QScrollArea *>();
    QVERIFY(scroll);
    QWidget *content = scroll->widget();
    // Nothing reaches past the right edge: text wraps, the counts flow onto further lines.
    QTRY_VERIFY2(content->width() <= scroll->viewport()->width(),
                 qPrintable(u"%1 > %2"_s.arg(content->width()).arg(scroll->viewport()->width())));
    const QList<QWidget *> parts = content->findChildren<QWidget *>();
    for (const QWidget *part : parts) {
        if (part->isVisibleTo(content)) {
            const QRect inContent(part->mapTo(content, QPoint(0, 0)), part->size());
            QVERIFY2(inContent.right() < scroll->viewport()->width(), qPrintable(part->objectName()));
        }
    }
    // What is below the fold is reachable.
    if (content->height() > scroll->viewport()->height()) {
        QVERIFY(scroll->verticalScrollBar()->isVisible());
        QCOMPARE(scroll->verticalScrollBar()->maximum(), content->height() - scroll->viewport()->height());
    }
}

void TestDetailViews::profile_showsNameLoginCountsAndDetails()
{
    const QJsonObject user = fetchObject(u"/users/octocat"_s);
    QCOMPARE(user.value(u"login"_s).toString(), u"octocat"_s);

    ProfileCard card;
    card.resize(480, 600);
    card.showAccount(user);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));

    const auto text = [&card](const QString &name) {
        const auto *label = card.findChild<QLabel *>(name);
        return label && label->isVisible() ? label->text() : QString();
    };
    QCOMPARE(text(u"profileName"_s), user.value(u"name"_s).toString());
    QVERIFY(!text(u"profileName"_s).isEmpty());
    QCOMPARE(text(u"profileLogin"_s), u"octocat"_s);
    QCOMPARE(text(u"profileType"_s), u"User"_s);
    QCOMPARE(text(u"profileBio"_s), user.value(u"bio"_s).toString());
    QCOMPARE(text(u"profileCompany"_s), user.value(u"company"_s).toString());
    QCOMPARE(text(u"profileLocation"_s), user.value(u"location"_s).toString());
    const QDate joined =
        QDateTime::fromString(user.value(u"created_at"_s).toString(), Qt::ISODate).toLocalTime().date();
    QVERIFY2(text(u"profileJoined"_s).contains(QLocale().monthName(joined.month())),
             qPrintable(text(u"profileJoined"_s)));
    QVERIFY(text(u"profileJoined"_s).contains(QString::number(joined.year())));
    QVERIFY(!text(u"profileJoined"_s).contains(QLocale().dayName(joined.dayOfWeek())));

    for (const QString &field : {u"public_repos"_s, u"public_gists"_s, u"followers"_s, u"following"_s}) {
        const auto *tile = card.findChild<QWidget *>(u"profileCount_"_s + field);
        QVERIFY2(tile && tile->isVisible(), qPrintable(field));
        QCOMPARE(tile->findChild<QLabel *>(u"number"_s)->text(),
                 QLocale().toString(user.value(field).toInteger()));
    }

    const auto *email = card.findChild<QLabel *>(u"profileEmail"_s);
    QVERIFY(email->isVisible());
    QVERIFY(email->text().contains(u"mailto:"_s + user.value(u"email"_s).toString()));

    auto *open = card.findChild<QPushButton *>(u"profileOpenOnGitHub"_s);
    QVERIFY(open->isVisible());
    open->click();
    QCOMPARE(m_browser.opened.size(), 1);
    QCOMPARE(m_browser.opened.first(), QUrl(user.value(u"html_url"_s).toString()));
}

void TestDetailViews::profile_organizationShowsDescriptionAndType()
{
    const QJsonObject org = fetchObject(u"/orgs/github"_s);
    QCOMPARE(org.value(u"type"_s).toString(), u"Organization"_s);

    ProfileCard card;
    card.showAccount(org);
    QVERIFY(card.isOrganization());
    QCOMPARE(card.findChild<QLabel *>(u"profileType"_s)->text(), u"Organization"_s);
    const auto *bio = card.findChild<QLabel *>(u"profileBio"_s);
    QVERIFY(!bio->isHidden());
    QCOMPARE(bio->text(), org.value(u"description"_s).toString());
    const QString name = org.value(u"name"_s).toString();
    QCOMPARE(card.findChild<QLabel *>(u"profileName"_s)->text(),
             name.isEmpty() ? org.value(u"login"_s).toString() : name);
    const auto *repos = card.findChild<QWidget *>(u"profileCount_public_repos"_s);
    QVERIFY(!repos->isHidden());
    QCOMPARE(repos->findChild<QLabel *>(u"number"_s)->text(),
             QLocale().toString(org.value(u"public_repos"_s).toInteger()));
}

void TestDetailViews::profile_blogWithoutSchemeBecomesHttpsLink()
{
    QJsonObject user = fetchObject(u"/users/octocat"_s);
    user[u"blog"_s] = u"example.org/a/very/long/path/that/goes/on/and/on/and/on/for/ever"_s;
    user.remove(u"followers"_s);

    ProfileCard card;
    card.resize(300, 500);
    card.showAccount(user);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    auto *blog = card.findChild<QLabel *>(u"profileBlog"_s);
    QVERIFY(blog->isVisible());
    QCOMPARE(blog->toolTip(), u"https://example.org/a/very/long/path/that/goes/on/and/on/and/on/for/ever"_s);
    // Elided to the width it has, never wider.
    QVERIFY2(blog->text().contains(u"…"_s), qPrintable(blog->text()));
    QVERIFY(blog->width() <= card.width());
    // Only the counts the object has.
    QVERIFY(card.findChild<QWidget *>(u"profileCount_followers"_s)->isHidden());
    QVERIFY(!card.findChild<QWidget *>(u"profileCount_following"_s)->isHidden());

    Q_EMIT blog->linkActivated(u"https://example.org/a"_s);
    QCOMPARE(m_browser.opened, QList<QUrl>{QUrl(u"https://example.org/a"_s)});
    Q_EMIT blog->linkActivated(u"file:///etc/passwd"_s);
    QCOMPARE(m_browser.opened.size(), 1);
}

void TestDetailViews::profile_clearEmptiesTheCard()
{
    ProfileCard card;
    card.showAccount(fetchObject(u"/users/octocat"_s));
    QVERIFY(!card.findChild<QLabel *>(u"profileName"_s)->text().isEmpty());
    card.clear();
    QVERIFY(card.account().isEmpty());
    QVERIFY(card.findChild<QLabel *>(u"profileName"_s)->text().isEmpty());
    QVERIFY(card.findChild<QWidget *>(u"profileCounts"_s)->isHidden());
    QVERIFY(card.findChild<QPushButton *>(u"profileOpenOnGitHub"_s)->isHidden());
}

// --- avatars ------------------------------------------------------------------------------------

void TestDetailViews::avatar_arrivesFromContentOriginWithoutAuthorization()
{
    const QJsonObject user = fetchObject(u"/users/octocat"_s);
    const QUrl avatar(user.value(u"avatar_url"_s).toString());
    QCOMPARE(avatar.host(), m_fake->contentUrl().host());
    QCOMPARE(avatar.port(), m_fake->contentUrl().port());

    ProfileCard card;
    card.setAvatarLoader(m_avatars.get());
    card.showAccount(user);
    QVERIFY(!card.hasAvatar());
    QTRY_VERIFY_WITH_TIMEOUT(card.hasAvatar(), 10000);
    QVERIFY(!card.findChild<QLabel *>(u"profileAvatar"_s)->pixmap().isNull());

    const QList<FakeGitHub::LoggedRequest> content = contentRequests();
    QCOMPARE(content.size(), 1);
    QCOMPARE(content.first().path, avatar.path());
    QVERIFY2(!content.first().authorized, "the avatar request carried an Authorization header");
    QCOMPARE(content.first().status, 200);
    const QUrlQuery query(QUrl(QString::fromLatin1(content.first().target)));
    QCOMPARE(query.queryItemValue(u"s"_s),
             QString::number(qCeil(ProfileCard::AvatarSize * qApp->devicePixelRatio())));
    QCOMPARE(query.queryItemValue(u"v"_s), u"4"_s);

    // The Client, by contrast, does send the token to the API.
    const QList<FakeGitHub::LoggedRequest> log = m_fake->requestLog();
    const auto api = std::find_if(log.cbegin(), log.cend(), [](const FakeGitHub::LoggedRequest &request) {
        return request.origin == FakeGitHub::Origin::Api && request.path == u"/users/octocat"_s;
    });
    QVERIFY(api != log.cend());
    QVERIFY(api->authorized);
    QCOMPARE(api->login, u"octocat"_s);
}

void TestDetailViews::avatar_secondLoaderIsServedFromTheDiskCache()
{
    const QUrl avatar(fetchObject(u"/users/octocat"_s).value(u"avatar_url"_s).toString());
    {
        QSignalSpy ready(m_avatars.get(), &AvatarLoader::avatarReady);
        m_avatars->request(avatar, 64);
        QVERIFY(ready.wait(10000));
        QCOMPARE(ready.first().first().toUrl(), avatar);
    }
    QCOMPARE(contentRequests().size(), 1);
    QVERIFY(m_avatarNetwork->cache()->cacheSize() > 0);

    // A new session: new manager and loader (empty memory), the same cache folder.
    QNetworkAccessManager network;
    network.setCache(AvatarLoader::makeDiskCache(&network, m_avatarDir->path()));
    AvatarLoader loader(&network);
    QSignalSpy ready(&loader, &AvatarLoader::avatarReady);
    QSignalSpy failed(&loader, &AvatarLoader::avatarFailed);
    loader.request(avatar, 64);
    QVERIFY(ready.wait(10000));
    QVERIFY(failed.isEmpty());
    QVERIFY(!ready.first().at(1).value<QPixmap>().isNull());
    QCOMPARE(contentRequests().size(), 1); // nothing new reached the server
}

void TestDetailViews::avatar_memoryHitIsAnsweredAtOnce()
{
    const QUrl avatar(fetchObject(u"/users/octocat"_s).value(u"avatar_url"_s).toString());
    QSignalSpy ready(m_avatars.get(), &AvatarLoader::avatarReady);
    // Two views asking at once share one transfer.
    m_avatars->request(avatar, 40);
    m_avatars->request(avatar, 40);
    QCOMPARE(m_avatars->pendingCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 10000);
    QVERIFY(!m_avatars->cached(avatar, 40).isNull());
    QCOMPARE(m_avatars->cached(avatar, 40).deviceIndependentSize().toSize(), QSize(40, 40));

    m_avatars->request(avatar, 40);
    QCOMPARE(ready.size(), 3); // synchronously, from memory
    QCOMPARE(contentRequests().size(), 1);
}

void TestDetailViews::avatar_nonWebUrlFailsWithoutARequest()
{
    QSignalSpy failed(m_avatars.get(), &AvatarLoader::avatarFailed);
    QSignalSpy ready(m_avatars.get(), &AvatarLoader::avatarReady);
    m_avatars->request(QUrl(u"file:///etc/hostname"_s), 40);
    m_avatars->request(QUrl(), 40);
    QCOMPARE(failed.size(), 2);
    QVERIFY(ready.isEmpty());
    QCOMPARE(m_avatars->pendingCount(), 0);
    QVERIFY(m_fake->requestLog().isEmpty());
}

void TestDetailViews::avatar_failureLeavesThePlaceholder()
{
    const QJsonObject user = fetchObject(u"/users/octocat"_s);
    m_fake->armFault(u"/u/*"_s, FakeGitHub::Fault::withStatus(404), -1);

    ProfileCard card;
    card.setAvatarLoader(m_avatars.get());
    QSignalSpy failed(m_avatars.get(), &AvatarLoader::avatarFailed);
    card.showAccount(user);
    QVERIFY(failed.wait(10000));
    QVERIFY(!card.hasAvatar());
    const QPixmap shown = card.findChild<QLabel *>(u"profileAvatar"_s)->pixmap();
    QVERIFY(!shown.isNull());
    // The placeholder: the login's initial in a circle, the corners left transparent.
    const QImage image = shown.toImage();
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    QVERIFY(qAlpha(image.pixel(image.width() / 2, image.height() / 8)) > 0);
}

void TestDetailViews::avatar_sizedUrlSetsSizeAndKeepsOtherItems()
{
    const QUrl sized =
        AvatarLoader::sizedUrl(QUrl(u"https://avatars.githubusercontent.com/u/583231?v=4&s=40"_s), 96);
    const QUrlQuery query(sized);
    QCOMPARE(query.queryItemValue(u"v"_s), u"4"_s);
    QCOMPARE(query.allQueryItemValues(u"s"_s), QStringList{u"96"_s});
    QCOMPARE(sized.path(), u"/u/583231"_s);
    QCOMPARE(sized.host(), u"avatars.githubusercontent.com"_s);
}

void TestDetailViews::avatar_diskCacheIsLimitedTo20MB()
{
    QTemporaryDir dir;
    std::unique_ptr<QNetworkDiskCache> cache(AvatarLoader::makeDiskCache(nullptr, dir.path()));
    QCOMPARE(cache->maximumCacheSize(), qint64(20 * 1024 * 1024));
    QCOMPARE(QDir(cache->cacheDirectory()).canonicalPath(), QDir(dir.path()).canonicalPath());

    std::unique_ptr<QNetworkDiskCache> standard(AvatarLoader::makeDiskCache(nullptr));
    QVERIFY2(
        QDir::cleanPath(standard->cacheDirectory()) ==
            QDir::cleanPath(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/avatars"_s),
        qPrintable(standard->cacheDirectory()));
}

// --- gists --------------------------------------------------------------------------------------

void TestDetailViews::gist_markdownFileIsRenderedAsRichText()
{
    const QJsonObject gist = fetchObject(u"/gists/"_s + FakeGitHub::Names::MarkdownGist);
    QVERIFY(!gist.isEmpty());

    GistView view;
    view.showGist(gist);
    QCOMPARE(view.fileNames(), (QStringList{u"README.md"_s, u"fizzbuzz.py"_s}));
    QCOMPARE(view.currentFileName(), u"README.md"_s);
    QVERIFY(view.isShowingRenderedMarkdown());
    QVERIFY(!view.isShowingSource());
    QCOMPARE(view.findChild<QLabel *>(u"gistTitle"_s)->text(), gist.value(u"description"_s).toString());
    QCOMPARE(view.findChild<QLabel *>(u"gistOwner"_s)->text(),
             u"<a href=\"octocat\">octocat</a>"_s); // a link to the profile
    QVERIFY(view.findChild<QLabel *>(u"gistMeta"_s)->text().contains(u"Public"_s));

    const QTextDocument *document = view.renderedDocument();
    const QString text = document->toPlainText();
    QVERIFY2(text.startsWith(u"Notes"_s), qPrintable(text));
    QVERIFY(!text.contains(u"# Notes"_s));
    QVERIFY(!text.contains(u"**"_s));
    QCOMPARE(document->begin().blockFormat().headingLevel(), 1);

    bool bold = false;
    bool link = false;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.text() == u"bold"_s && fragment.charFormat().fontWeight() >= QFont::Bold) {
                bold = true;
            }
            // The fake serves its own origin where GitHub's was: the href is whatever the source says.
            const QString href = fragment.charFormat().anchorHref();
            if (fragment.text() == u"link"_s && !href.isEmpty() &&
                gistFileContent(gist, u"README.md"_s).contains(u"[link]("_s + href + u')')) {
                link = true;
            }
        }
    }
    QVERIFY(bold);
    QVERIFY(link);
    // The tabs show the files, the Source toggle is there for Markdown.
    QCOMPARE(view.findChild<QTabBar *>(u"gistFiles"_s)->count(), 2);
    QVERIFY(!view.findChild<QToolButton *>(u"gistSource"_s)->isHidden());
    QVERIFY(view.noteText().isEmpty());
}

void TestDetailViews::gist_codeFileIsMonospacePlainTextIdenticalToContent()
{
    const QJsonObject gist = fetchObject(u"/gists/"_s + FakeGitHub::Names::MarkdownGist);
    GistView view;
    view.showGist(gist);
    QVERIFY(view.selectFile(u"fizzbuzz.py"_s));
    QVERIFY(!view.selectFile(u"missing.txt"_s));
    QCOMPARE(view.currentFileName(), u"fizzbuzz.py"_s);
    QVERIFY(!view.isShowingRenderedMarkdown());

    const auto *plain = view.findChild<QPlainTextEdit *>(u"gistPlainText"_s);
    const QString content = gistFileContent(gist, u"fizzbuzz.py"_s);
    QVERIFY(content.contains(u"FizzBuzz"_s));
    QCOMPARE(view.plainText(), content);
    QCOMPARE(plain->toPlainText(), content);
    QVERIFY(plain->isReadOnly());
    QCOMPARE(plain->lineWrapMode(), QPlainTextEdit::NoWrap);
    // Whatever fonts the machine has: the view asks for the code font, which is fixed-pitch when
    // any installed family is, and every character shown advances the same.
    QCOMPARE(plain->font(), Hubshelf::Ui::Widgets::codeFont());
    const QStringList families = QFontDatabase::families(QFontDatabase::Latin);
    const bool anyFixed = std::any_of(families.cbegin(), families.cend(), [](const QString &family) {
        return QFontDatabase::isFixedPitch(family);
    });
    QVERIFY2(QFontInfo(plain->font()).fixedPitch() || !anyFixed,
             qPrintable(QFontInfo(plain->font()).family()));
    const QFontMetricsF metrics(plain->font());
    const qreal advance = metrics.horizontalAdvance(u'M');
    for (const QChar character : content) {
        if (character.isPrint()) {
            QCOMPARE(metrics.horizontalAdvance(character), advance);
        }
    }
    QVERIFY(view.findChild<QToolButton *>(u"gistSource"_s)->isHidden());
    QVERIFY(view.findChild<QLabel *>(u"gistFileInfo"_s)->text().startsWith(u"Python"_s));
}

void TestDetailViews::gist_switchingFilesFollowsTheTabs()
{
    const QJsonObject gist = fetchObject(u"/gists/"_s + FakeGitHub::Names::MarkdownGist);
    GistView view;
    view.showGist(gist);
    QSignalSpy changed(&view, &GistView::currentFileChanged);
    auto *tabs = view.findChild<QTabBar *>(u"gistFiles"_s);

    tabs->setCurrentIndex(1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.last().first().toString(), u"fizzbuzz.py"_s);
    QCOMPARE(view.plainText(), gistFileContent(gist, u"fizzbuzz.py"_s));

    tabs->setCurrentIndex(0);
    QCOMPARE(changed.last().first().toString(), u"README.md"_s);
    QVERIFY(view.isShowingRenderedMarkdown());
    QVERIFY(view.renderedDocument()->toPlainText().startsWith(u"Notes"_s));

    // Keyboard: the focused tab bar moves with the arrow keys.
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    tabs->setFocus();
    QTest::keyClick(tabs, Qt::Key_Right);
    QCOMPARE(view.currentFileName(), u"fizzbuzz.py"_s);
}

void TestDetailViews::gist_sourceToggleShowsTheMarkdownSource()
{
    const QJsonObject gist = fetchObject(u"/gists/"_s + FakeGitHub::Names::MarkdownGist);
    GistView view;
    view.showGist(gist);
    auto *source = view.findChild<QToolButton *>(u"gistSource"_s);
    QVERIFY(source->isCheckable());
    source->click();
    QVERIFY(view.isShowingSource());
    QVERIFY(!view.isShowingRenderedMarkdown());
    QCOMPARE(view.plainText(), gistFileContent(gist, u"README.md"_s));
    QVERIFY(view.plainText().startsWith(u"# Notes"_s));
    source->click();
    QVERIFY(view.isShowingRenderedMarkdown());
}

void TestDetailViews::gist_truncatedFileShowsANote()
{
    const QJsonObject gist = fetchObject(u"/gists/"_s + FakeGitHub::Names::TruncatedGist);
    const QJsonObject file = gist.value(u"files"_s).toObject().value(u"server.log"_s).toObject();
    QVERIFY(file.value(u"truncated"_s).toBool());
    const qint64 size = file.value(u"size"_s).toInteger();
    const qint64 shown = file.value(u"content"_s).toString().toUtf8().size();
    QVERIFY(shown < size);

    GistView view;
    view.showGist(gist);
    QCOMPARE(view.currentFileName(), u"server.log"_s);
    const QString expected =
        u"GitHub shows only the first part of this file (%1 of %2). Open raw shows it whole."_s.arg(
            QLocale().formattedDataSize(shown, 1, QLocale::DataSizeSIFormat),
            QLocale().formattedDataSize(size, 1, QLocale::DataSizeSIFormat));
    QVERIFY2(expected.contains(u" kB"_s), qPrintable(expected)); // one spelling of kB in the window
    QCOMPARE(view.noteText(), expected);
    QVERIFY(!view.findChild<QWidget *>(u"gistNote"_s)->isHidden());
    QCOMPARE(view.plainText(), file.value(u"content"_s).toString());

    // The note goes with the file.
    view.showGist(fetchObject(u"/gists/"_s + FakeGitHub::Names::MarkdownGist));
    QVERIFY(view.noteText().isEmpty());
    QVERIFY(view.findChild<QWidget *>(u"gistNote"_s)->isHidden());
}

void TestDetailViews::gist_copyOfATruncatedFileSaysOnlyTheFirstPartWasCopied()
{
    const QJsonObject gist = fetchObject(u"/gists/"_s + FakeGitHub::Names::TruncatedGist);
    const QJsonObject file = gist.value(u"files"_s).toObject().value(u"server.log"_s).toObject();
    GistView view;
    view.showGist(gist);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QGuiApplication::clipboard()->clear();
    auto *copy = view.findChild<QToolButton *>(u"gistCopy"_s);
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), file.value(u"content"_s).toString());
    QVERIFY2(view.noteText().startsWith(u"Copied only the first part of this file"_s),
             qPrintable(view.noteText()));
    QVERIFY(view.findChild<QWidget *>(u"gistNote"_s)->isVisible());
    QCOMPARE(copy->text(), u"Copied first part"_s);
}

void TestDetailViews::gist_absentContentShowsANoteAndCannotBeCopied()
{
    QJsonObject gist = fetchObject(u"/gists/"_s + FakeGitHub::Names::MarkdownGist);
    QJsonObject files = gist.value(u"files"_s).toObject();
    QJsonObject file = files.value(u"fizzbuzz.py"_s).toObject();
    file[u"content"_s] = QJsonValue(QJsonValue::Null);
    file[u"size"_s] = 3 * 1024 * 1024;
    files[u"fizzbuzz.py"_s] = file;
    gist[u"files"_s] = files;

    GistView view;
    view.showGist(gist);
    QVERIFY(view.selectFile(u"fizzbuzz.py"_s));
    QVERIFY2(view.noteText().contains(u"(3.1 MB)"_s), qPrintable(view.noteText()));
    QVERIFY(view.noteText().contains(u"Open raw shows it whole."_s));
    QVERIFY(view.plainText().isEmpty());
    QVERIFY(!view.findChild<QToolButton *>(u"gistCopy"_s)->isEnabled());
    QVERIFY(view.findChild<QToolButton *>(u"gistOpenRaw"_s)->isEnabled());
}

void TestDetailViews::gist_copyPutsTheContentOnTheClipboard()
{
    const QJsonObject gist = fetchObject(u"/gists/"_s + FakeGitHub::Names::MarkdownGist);
    GistView view;
    view.showGist(gist);
    QGuiApplication::clipboard()->setText(u"something else"_s);

    auto *copy = view.findChild<QToolButton *>(u"gistCopy"_s);
    QVERIFY(copy->isEnabled());
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), gistFileContent(gist, u"README.md"_s));

    QVERIFY(view.selectFile(u"fizzbuzz.py"_s));
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), gistFileContent(gist, u"fizzbuzz.py"_s));
}

void TestDetailViews::gist_openRawOpensTheRawUrlInTheBrowser()
{
    const QJsonObject gist = fetchObject(u"/gists/"_s + FakeGitHub::Names::MarkdownGist);
    GistView view;
    view.showGist(gist);
    QVERIFY(view.selectFile(u"fizzbuzz.py"_s));
    const QUrl raw(
        gist.value(u"files"_s).toObject().value(u"fizzbuzz.py"_s).toObject().value(u"raw_url"_s).toString());
    QVERIFY(raw.isValid());
    view.findChild<QToolButton *>(u"gistOpenRaw"_s)->click();
    QCOMPARE(m_browser.opened, QList<QUrl>{raw});
    QVERIFY(contentRequests().isEmpty()); // the browser fetches it, not Hubshelf
}

void TestDetailViews::gist_keyboardReachesFilesAndActions()
{
    GistView view;
    view.showGist(fetchObject(u"/gists/"_s + FakeGitHub::Names::MarkdownGist));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QApplication::setActiveWindow(&view);

    QSet<QString> reached;
    view.findChild<QLabel *>(u"gistTitle"_s)->setFocus();
    for (int i = 0; i < 12; ++i) {
        if (QWidget *focus = QApplication::focusWidget()) {
            reached.insert(focus->objectName());
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    for (const QString &name :
         {u"gistFiles"_s, u"gistSource"_s, u"gistCopy"_s, u"gistOpenRaw"_s, u"gistMarkdown"_s}) {
        QVERIFY2(reached.contains(name), qPrintable(name));
    }
    for (const QString &name : {u"gistSource"_s, u"gistCopy"_s, u"gistOpenRaw"_s}) {
        const auto *button = view.findChild<QToolButton *>(name);
        QVERIFY(!button->toolTip().isEmpty());
        QVERIFY(!button->accessibleName().isEmpty());
    }
}

// --- Markdown -----------------------------------------------------------------------------------

void TestDetailViews::markdown_refusesRemoteResourcesAndShowsAltText()
{
    const QString image = m_fake->contentUrl().toString() + u"/u/1?v=4"_s;
    MarkdownView view;
    view.resize(400, 300);
    QVERIFY(!view.loadResource(QTextDocument::ImageResource, QUrl(image)).isValid());
    QVERIFY(!view.loadResource(QTextDocument::ImageResource, QUrl(u"file:///etc/hostname"_s)).isValid());
    QVERIFY(!view.loadResource(QTextDocument::StyleSheetResource, QUrl(u"style.css"_s)).isValid());

    view.showMarkdown(u"Before ![octo cat](%1) after\n\n<img src=\"%1\" alt=\"html image\">\n"_s.arg(image));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    (void)view.grab(); // lays out and paints: any image load would happen now
    // A request of our own after the paint: once it has made the round trip, one sent by the paint
    // would have reached the server before it.
    QVERIFY(!fetchObject(u"/users/octocat"_s).isEmpty());
    QTRY_COMPARE(m_fake->requestLog().size(), 1);
    QCOMPARE(m_fake->requestLog().first().path, u"/users/octocat"_s);

    const QString text = view.document()->toPlainText();
    QVERIFY2(text.contains(u"octo cat"_s), qPrintable(text));
    for (QTextBlock block = view.document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            QVERIFY(!it.fragment().charFormat().isImageFormat());
        }
    }
}

void TestDetailViews::markdown_linkClickOpensTheBrowserWithoutNavigating()
{
    MarkdownView view;
    view.resize(400, 200);
    view.showMarkdown(u"Go to [the example page](https://example.com/page) now."_s);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy opened(&view, &MarkdownView::linkOpened);

    // Click in the middle of the link text.
    const int at = int(view.document()->toPlainText().indexOf(u"example page"_s));
    QVERIFY(at > 0);
    QTextCursor cursor(view.document());
    cursor.setPosition(at + 3);
    const QPoint point = view.cursorRect(cursor).center();
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, point);

    QCOMPARE(opened.size(), 1);
    QCOMPARE(m_browser.opened, QList<QUrl>{QUrl(u"https://example.com/page"_s)});
    // Still the same document: nothing was loaded into the view.
    QVERIFY(view.source().isEmpty());
    QVERIFY(view.document()->toPlainText().startsWith(u"Go to the example page now."_s));
    QVERIFY(view.isReadOnly());
}

void TestDetailViews::markdown_nonWebLinksAreIgnored()
{
    MarkdownView view;
    view.showMarkdown(u"[local](file:///etc/passwd) [script](javascript:alert(1)) [relative](other.md)"_s);
    QSignalSpy opened(&view, &MarkdownView::linkOpened);
    for (const QString &link : {u"file:///etc/passwd"_s, u"javascript:alert(1)"_s, u"other.md"_s}) {
        Q_EMIT view.anchorClicked(QUrl(link));
    }
    QVERIFY(opened.isEmpty());
    QVERIFY(m_browser.opened.isEmpty());
    QVERIFY(view.source().isEmpty());
    QVERIFY(view.document()->toPlainText().startsWith(u"local script relative"_s));
}

// --- pull requests ------------------------------------------------------------------------------

void TestDetailViews::pull_showsTitleBranchesLabelsAndMarkdownBody()
{
    const QJsonArray pulls = fetchArray(u"/repos/octocat/Hello-World/pulls"_s,
                                        QUrlQuery{{u"state"_s, u"all"_s}, {u"per_page"_s, u"100"_s}});
    QVERIFY(!pulls.isEmpty());
    QJsonObject pull;
    for (const QJsonValue &value : pulls) {
        if (value.toObject().value(u"body"_s).isString()) {
            pull = value.toObject();
            break;
        }
    }
    QVERIFY(!pull.isEmpty());
    QJsonArray labels = pull.value(u"labels"_s).toArray();
    labels.append(QJsonObject{{u"name"_s, u"needs review"_s}, {u"color"_s, u"fbca04"_s}});
    pull[u"labels"_s] = labels;

    PullRequestView view;
    view.showPullRequest(pull);
    const int number = pull.value(u"number"_s).toInt();
    QCOMPARE(view.title(), u"#%1 %2"_s.arg(number).arg(pull.value(u"title"_s).toString()));
    QCOMPARE(view.headBranch(), pull.value(u"head"_s).toObject().value(u"ref"_s).toString());
    QCOMPARE(view.baseBranch(), pull.value(u"base"_s).toObject().value(u"ref"_s).toString());
    QCOMPARE(view.headBranch(), u"topic-%1"_s.arg(number));
    QCOMPARE(view.findChild<QLabel *>(u"pullAuthor"_s)->text(),
             pull.value(u"user"_s).toObject().value(u"login"_s).toString());
    QCOMPARE(view.labelNames().size(), labels.size());
    QCOMPARE(view.labelNames().last(), u"needs review"_s);

    const QTextDocument *body = view.bodyDocument();
    const QString text = body->toPlainText();
    QVERIFY2(text.contains(u"number %1"_s.arg(number)), qPrintable(text));
    QVERIFY(!text.contains(u"**"_s));
    bool bold = false;
    bool list = false;
    for (QTextBlock block = body->begin(); block.isValid(); block = block.next()) {
        list = list || block.textList() != nullptr;
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().text().contains(u"number"_s) &&
                it.fragment().charFormat().fontWeight() >= QFont::Bold) {
                bold = true;
            }
        }
    }
    QVERIFY(bold);
    QVERIFY(list);

    const QDateTime created =
        QDateTime::fromString(pull.value(u"created_at"_s).toString(), Qt::ISODate).toLocalTime();
    const QString createdText = view.findChild<QLabel *>(u"pullCreated"_s)->text();
    QVERIFY2(createdText.startsWith(QLocale().toString(created.date(), QLocale::ShortFormat)),
             qPrintable(createdText));
    QVERIFY(createdText.contains(QLocale().toString(created.time(), u"mm"_s)));

    view.findChild<QPushButton *>(u"pullOpenOnGitHub"_s)->click();
    QCOMPARE(m_browser.opened, QList<QUrl>{QUrl(pull.value(u"html_url"_s).toString())});
}

void TestDetailViews::pull_state_data()
{
    QTest::addColumn<PullRequestView::State>("state");
    QTest::addColumn<QString>("text");
    QTest::newRow("open") << PullRequestView::State::Open << u"Open"_s;
    QTest::newRow("draft") << PullRequestView::State::Draft << u"Draft"_s;
    QTest::newRow("merged") << PullRequestView::State::Merged << u"Merged"_s;
    QTest::newRow("closed") << PullRequestView::State::Closed << u"Closed"_s;
}

void TestDetailViews::pull_state()
{
    QFETCH(PullRequestView::State, state);
    QFETCH(QString, text);
    const QJsonObject pull = helloWorldPull(state);
    QVERIFY(!pull.isEmpty());

    PullRequestView view;
    view.showPullRequest(pull);
    QCOMPARE(view.state(), state);
    QCOMPARE(view.stateText(), text);
    const auto *badge = view.findChild<QLabel *>(u"pullState"_s);
    QVERIFY(!badge->isHidden());
    QCOMPARE(badge->text(), text);
    // Merged shows when it was merged, closed when it was closed; open shows neither.
    const bool merged = state == PullRequestView::State::Merged;
    const bool closed = state == PullRequestView::State::Closed;
    QCOMPARE(!view.findChild<QLabel *>(u"pullMerged"_s)->text().isEmpty(), merged);
    QCOMPARE(!view.findChild<QLabel *>(u"pullClosed"_s)->text().isEmpty(), closed);
}

void TestDetailViews::pull_emptyBodySaysNoDescription()
{
    QJsonObject pull = helloWorldPull(PullRequestView::State::Open);
    pull[u"body"_s] = QJsonValue(QJsonValue::Null);
    PullRequestView view;
    view.showPullRequest(pull);
    QCOMPARE(view.bodyDocument()->toPlainText(), u"No description provided."_s);
    pull[u"body"_s] = u"   "_s;
    view.showPullRequest(pull);
    QCOMPARE(view.bodyDocument()->toPlainText(), u"No description provided."_s);
}

// --- the pane -----------------------------------------------------------------------------------

void TestDetailViews::detailsPane_switchesBetweenHintLoadingAndViews()
{
    DetailsPane pane;
    pane.setAvatarLoader(m_avatars.get());
    QCOMPARE(pane.page(), DetailsPane::Page::Empty);
    QCOMPARE(pane.findChild<QLabel *>(u"detailsEmptyText"_s)->text(), u"Select a row to see its details"_s);
    QSignalSpy changed(&pane, &DetailsPane::pageChanged);

    pane.showLoading();
    QCOMPARE(pane.page(), DetailsPane::Page::Loading);
    QCOMPARE(pane.findChild<QProgressBar *>(u"detailsBusy"_s)->maximum(), 0);

    pane.showAccount(fetchObject(u"/users/octocat"_s));
    QCOMPARE(pane.page(), DetailsPane::Page::Account);
    QCOMPARE(pane.currentWidget(), pane.profileCard());
    QCOMPARE(pane.profileCard()->account().value(u"login"_s).toString(), u"octocat"_s);
    // The pane handed its loader on: the card's avatar arrives.
    QTRY_VERIFY_WITH_TIMEOUT(pane.profileCard()->hasAvatar(), 10000);

    pane.showGist(fetchObject(u"/gists/"_s + FakeGitHub::Names::MarkdownGist));
    QCOMPARE(pane.page(), DetailsPane::Page::Gist);
    QCOMPARE(pane.gistView()->currentFileName(), u"README.md"_s);
    QVERIFY(pane.profileCard()->account().isEmpty()); // no stale profile behind

    pane.showPullRequest(helloWorldPull(PullRequestView::State::Merged));
    QCOMPARE(pane.page(), DetailsPane::Page::PullRequest);
    QCOMPARE(pane.pullRequestView()->state(), PullRequestView::State::Merged);
    QVERIFY(pane.gistView()->gist().isEmpty());

    pane.showEmpty();
    QCOMPARE(pane.page(), DetailsPane::Page::Empty);
    QVERIFY(pane.pullRequestView()->pullRequest().isEmpty());
    QCOMPARE(changed.size(), 5);
}

// --- screenshots --------------------------------------------------------------------------------

void TestDetailViews::screenshots()
{
    const QString dir = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("HUBSHELF_SCREENSHOT_DIR is not set: no screenshot to save");
    }
    QVERIFY(QDir().mkpath(dir));

    const QJsonObject user = fetchObject(u"/users/octocat"_s);
    const QJsonObject notes = fetchObject(u"/gists/"_s + FakeGitHub::Names::MarkdownGist);
    QJsonObject pull = helloWorldPull(PullRequestView::State::Merged);
    QJsonArray labels = pull.value(u"labels"_s).toArray();
    labels.append(QJsonObject{{u"name"_s, u"enhancement"_s}, {u"color"_s, u"a2eeef"_s}});
    labels.append(QJsonObject{{u"name"_s, u"needs review"_s}, {u"color"_s, u"fbca04"_s}});
    pull[u"labels"_s] = labels;
    pull[u"body"_s] =
        QString(pull.value(u"body"_s).toString() +
                u"\n## Why\n\nThe cache kept `ETag` values per token, so a **token rotation** emptied it. "
                "See [the docs](https://docs.github.com/rest/using-the-rest-api/best-practices) for more.\n"
                "\n```cpp\nclient.setToken(token);\n```\n"_s);

    for (const bool dark : {false, true}) {
        const QString suffix = dark ? u"-dark.png"_s : u".png"_s;
        DetailsPane pane;
        pane.setAvatarLoader(m_avatars.get());
        pane.resize(480, 600);
        if (dark) {
            pane.setPalette(darkPalette());
        }
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));

        pane.showAccount(user);
        QTRY_VERIFY_WITH_TIMEOUT(pane.profileCard()->hasAvatar(), 10000);
        QVERIFY(pane.grab().save(dir + u"/details-profile"_s + suffix));

        pane.showGist(notes);
        QTRY_VERIFY_WITH_TIMEOUT(pane.gistView()->hasAvatar(), 10000);
        QVERIFY(pane.grab().save(dir + u"/details-gist-markdown"_s + suffix));

        QVERIFY(pane.gistView()->selectFile(u"fizzbuzz.py"_s));
        QTRY_VERIFY(settled(pane));
        QVERIFY(pane.grab().save(dir + u"/details-gist-code"_s + suffix));

        pane.showGist(fetchObject(u"/gists/"_s + FakeGitHub::Names::TruncatedGist));
        QTRY_VERIFY(settled(pane));
        QVERIFY(pane.grab().save(dir + u"/details-gist-truncated"_s + suffix));

        pane.showPullRequest(pull);
        QTRY_VERIFY_WITH_TIMEOUT(pane.pullRequestView()->hasAvatar(), 10000);
        QVERIFY(pane.grab().save(dir + u"/details-pull-request"_s + suffix));

        pane.showEmpty();
        QVERIFY(pane.grab().save(dir + u"/details-empty"_s + suffix));
    }
}

QTEST_MAIN(TestDetailViews)
#include "test_detailviews.moc"
