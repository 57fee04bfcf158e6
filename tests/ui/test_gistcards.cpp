// Gists as cards: the delegate over the same rows as the table, previews only for the cards on
// screen, highlighted; keyboard; remembered per kind; light and dark.

#include "cache/etagcache.h"
#include "darkpalette.h"
#include "fakegithub.h"
#include "github/client.h"
#include "highlight/language.h"
#include "i18n/translations.h"
#include "models/columns.h"
#include "models/gistpreviews.h"
#include "models/githublistmodel.h"
#include "models/roles.h"
#include "settings/appsettings.h"
#include "ui/gistcarddelegate.h"
#include "ui/gistcardsview.h"
#include "ui/listpane.h"
#include "ui/syntaxcolours.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using Hubshelf::Models::ListKind;
using Hubshelf::Ui::ListPane;

namespace {

constexpr int LoadTimeoutMs = 120000;

int gistDetailRequests(const FakeGitHub::Server &fake)
{
    int count = 0;
    for (const FakeGitHub::LoggedRequest &request : fake.requestLog()) {
        count += request.path.startsWith(u"/gists/"_s) && request.path.count(u'/') == 2 ? 1 : 0;
    }
    return count;
}

// Pixels of `image` within `area` close to `colour`: glyph stems drawn in it.
int pixelsNear(const QImage &image, const QRect &area, const QColor &colour)
{
    int count = 0;
    for (int y = std::max(0, area.top()); y <= std::min(image.height() - 1, area.bottom()); ++y) {
        for (int x = std::max(0, area.left()); x <= std::min(image.width() - 1, area.right()); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (std::abs(pixel.red() - colour.red()) + std::abs(pixel.green() - colour.green()) +
                    std::abs(pixel.blue() - colour.blue()) <
                24) {
                ++count;
            }
        }
    }
    return count;
}

} // namespace

class TestGistCards final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cards_shareTheRowsFilterAndSelectionOfTheTable();
    void visibleCards_showHighlightedPreviews();
    void scrollingThroughThreeHundred_fetchesOnlyWhereItStops();
    void keyboard_arrowsEnterAndCopy();
    void choice_isRememberedPerKind();
    void filter_searchesTheContentsTheCacheHolds();
    void relativeTime_readsAsPeopleSayIt();
    void screenshots();

private:
    bool loadProlific(ListPane &pane);
    // Shown 1024×700, every page of prolific's gists loaded, as cards.
    bool showProlificCards(ListPane &pane);

    std::unique_ptr<FakeGitHub::Server> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Hubshelf::GitHub::Client> m_client;
    std::unique_ptr<Hubshelf::Settings::AppSettings> m_settings;
};

void TestGistCards::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"HubshelfTests"_s);
    QCoreApplication::setApplicationName(u"test_gistcards"_s);
    QApplication::setQuitOnLastWindowClosed(false);
    // As the program does, in US English whatever the machine's locale: "1 comment", "3 days ago".
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(Hubshelf::I18n::installTranslations(*QCoreApplication::instance()));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestGistCards::init()
{
    m_fake = std::make_unique<FakeGitHub::Server>();
    QVERIFY(m_fake->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<Hubshelf::GitHub::Client>(m_network.get(), nullptr, m_fake->apiUrl());
    m_client->setToken(FakeGitHub::Tokens::Prolific);
    m_settings = std::make_unique<Hubshelf::Settings::AppSettings>();
    m_settings->setListShowsCards(u"gists"_s, false);
}

void TestGistCards::cleanup()
{
    m_settings.reset();
    m_client.reset();
    m_network.reset();
    m_fake.reset();
}

bool TestGistCards::loadProlific(ListPane &pane)
{
    pane.load(m_client.get(), ListKind::Gists, m_client->endpoint(u"/users/prolific/gists"_s));
    return QTest::qWaitFor([&] { return pane.isComplete(); }, LoadTimeoutMs);
}

bool TestGistCards::showProlificCards(ListPane &pane)
{
    pane.resize(1024, 700);
    pane.show();
    if (!QTest::qWaitForWindowExposed(&pane) || !loadProlific(pane)) {
        return false;
    }
    pane.setShowsCards(true);
    return pane.showsCards();
}

void TestGistCards::cards_shareTheRowsFilterAndSelectionOfTheTable()
{
    ListPane pane(m_settings.get());
    pane.resize(1024, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QAbstractItemModelTester tester(pane.proxyModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    pane.load(m_client.get(), ListKind::Gists, m_client->endpoint(u"/users/prolific/gists"_s));
    QTRY_VERIFY(pane.sourceModel() && pane.sourceModel()->rowCount() > 0);
    pane.setShowsCards(true); // while pages still arrive
    QVERIFY(pane.showsCards());
    QTRY_VERIFY_WITH_TIMEOUT(pane.isComplete(), LoadTimeoutMs);
    QCOMPARE(pane.cardsView()->model()->rowCount(), 300);
    QCOMPARE(pane.cardsView()->model(), pane.proxyModel());

    pane.filterField()->setText(u"file-7-"_s);
    pane.applyPendingFilter();
    QCOMPARE(pane.cardsView()->model()->rowCount(), pane.proxyModel()->rowCount());
    QVERIFY(pane.proxyModel()->rowCount() >= 1 && pane.proxyModel()->rowCount() < 300);
    pane.filterField()->clear();

    QSignalSpy current(&pane, &ListPane::currentRowChanged);
    pane.cardsView()->setCurrentIndex(pane.proxyModel()->index(5, 0));
    QCOMPARE(current.count(), 1);
    pane.setShowsCards(false);
    QCOMPARE(pane.view()->currentIndex().row(), 5); // one current row, whichever view shows it
}

void TestGistCards::visibleCards_showHighlightedPreviews()
{
    ListPane pane(m_settings.get());
    QVERIFY(showProlificCards(pane));
    Hubshelf::Ui::GistCardsView *cards = pane.cardsView();
    Hubshelf::Models::GistPreviews *previews = pane.gistPreviews();
    QTRY_VERIFY(!cards->visibleIds().isEmpty());
    // The whole gist says how many forks it has (a list does not): the card shows them.
    const QString first = cards->model()->index(0, 0).data(Hubshelf::Models::IdRole).toString();
    QVERIFY(cards->visibleIds().contains(first));
    QTRY_VERIFY_WITH_TIMEOUT(previews->preview(first) != nullptr, 20000);
    QCOMPARE(previews->preview(first)->forks, 2); // the fake's first prolific gist has two
    // A card whose first file (GitHub lists them by name) is Python, brought on screen.
    int python = -1;
    for (int row = 0; row < cards->model()->rowCount() && python < 0; ++row) {
        QStringList files = cards->model()
                                ->index(row, Hubshelf::Models::columnNamed(ListKind::Gists, u"files"_s))
                                .data(Hubshelf::Models::ExportRole)
                                .toString()
                                .split(u';');
        files.sort();
        python = files.constFirst().endsWith(u".py"_s) ? row : -1;
    }
    QVERIFY2(python >= 0, "prolific has no gist whose first file is Python");
    const QModelIndex card = cards->model()->index(python, 0);
    cards->scrollTo(card, QAbstractItemView::PositionAtCenter);
    const QString id = card.data(Hubshelf::Models::IdRole).toString();
    QTRY_VERIFY_WITH_TIMEOUT(previews->preview(id) != nullptr, 20000);
    QVERIFY(cards->visibleIds().contains(id));
    const Hubshelf::Models::GistPreview *preview = previews->preview(id);
    QCOMPARE(preview->language.name, u"Python"_s);
    QVERIFY(preview->lines.constFirst().startsWith(u"def greet_"_s));
    QCOMPARE(preview->spans.constFirst().constFirst(),
             (Hubshelf::Highlight::Span{0, 3, Hubshelf::Highlight::Element::Keyword}));
    QVERIFY(preview->forks >= 0);
    // Its "def" is drawn in the keyword colour; a card whose preview is plain text has none of it.
    QTest::qWait(50);
    const QImage image = cards->viewport()->grab().toImage();
    const QColor keyword =
        Hubshelf::Ui::syntaxColour(Hubshelf::Highlight::Element::Keyword, cards->palette());
    const int drawn = pixelsNear(image, cards->visualRect(card), keyword);
    QVERIFY2(drawn > 5, qPrintable(QString::number(drawn)));
    for (const QString &other : cards->visibleIds()) {
        const Hubshelf::Models::GistPreview *plain = previews->preview(other);
        if (!plain || plain->language.isHighlighted()) {
            continue;
        }
        for (int row = 0; row < cards->model()->rowCount(); ++row) {
            const QModelIndex index = cards->model()->index(row, 0);
            if (index.data(Hubshelf::Models::IdRole).toString() == other &&
                image.rect().contains(cards->visualRect(index))) {
                QCOMPARE(pixelsNear(image, cards->visualRect(index), keyword), 0);
            }
        }
    }
}

void TestGistCards::scrollingThroughThreeHundred_fetchesOnlyWhereItStops()
{
    ListPane pane(m_settings.get());
    QVERIFY(showProlificCards(pane));
    Hubshelf::Ui::GistCardsView *cards = pane.cardsView();
    QTRY_VERIFY(!cards->visibleIds().isEmpty());
    const QStringList first = cards->visibleIds();
    QTRY_COMPARE_WITH_TIMEOUT(gistDetailRequests(*m_fake), int(first.size()), 20000);
    QVERIFY(first.size() < 30);

    // A fling to the end: no stop long enough on the way to ask for anything. A loaded machine
    // can make a step of the fling itself a stop (the view waits 60 ms; a coarse timer may fire
    // 5% early): the cards on screen then count as seen at rest.
    QSet<QString> asked(first.cbegin(), first.cend());
    QScrollBar *bar = cards->verticalScrollBar();
    int stops = 0;
    while (bar->value() < bar->maximum()) {
        QElapsedTimer step;
        step.start();
        bar->setValue(bar->value() + cards->height() / 3);
        QCoreApplication::processEvents();
        if (step.elapsed() >= 50) {
            ++stops;
            const QStringList here = cards->visibleIds();
            asked.unite(QSet<QString>(here.cbegin(), here.cend()));
        }
    }
    const QStringList last = cards->visibleIds();
    QTRY_VERIFY_WITH_TIMEOUT(pane.gistPreviews()->pendingCount() == 0 &&
                                 pane.gistPreviews()->preview(last.constLast()) != nullptr,
                             20000);
    asked.unite(QSet<QString>(last.cbegin(), last.cend()));
    QVERIFY2(gistDetailRequests(*m_fake) <= int(asked.size()),
             qPrintable(u"%1 fetched for %2 cards seen at rest (%3 steps of the fling took 50 ms or more)"_s
                            .arg(gistDetailRequests(*m_fake))
                            .arg(asked.size())
                            .arg(stops)));
    if (stops > 0) {
        qInfo("%d steps of the fling were slow enough to count as stops", stops);
    }

    // Back to the top: those are known, nothing is fetched again.
    const int before = gistDetailRequests(*m_fake);
    bar->setValue(0);
    QTest::qWait(200);
    QCOMPARE(gistDetailRequests(*m_fake), before);
}

void TestGistCards::keyboard_arrowsEnterAndCopy()
{
    ListPane pane(m_settings.get());
    QVERIFY(showProlificCards(pane));
    Hubshelf::Ui::GistCardsView *cards = pane.cardsView();
    cards->setFocus();
    cards->setCurrentIndex(pane.proxyModel()->index(0, 0));
    QTest::keyClick(cards, Qt::Key_Right);
    QCOMPARE(cards->currentIndex().row(), 1);
    int perRow = 0;
    while (cards->visualRect(pane.proxyModel()->index(perRow, 0)).top() ==
           cards->visualRect(pane.proxyModel()->index(0, 0)).top()) {
        ++perRow;
    }
    QVERIFY(perRow >= 2);
    QTest::keyClick(cards, Qt::Key_Down);
    QCOMPARE(cards->currentIndex().row(), 1 + perRow);
    QSignalSpy activated(&pane, &ListPane::rowActivated);
    QTest::keyClick(cards, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toModelIndex().row(),
             pane.proxyModel()->mapToSource(cards->currentIndex()).row());
    QTest::keyClick(cards, Qt::Key_C, Qt::ControlModifier);
    const QString url = cards->currentIndex().data(Hubshelf::Models::HtmlUrlRole).toUrl().toString();
    QVERIFY(!url.isEmpty());
    QCOMPARE(QApplication::clipboard()->text(), url);
}

void TestGistCards::choice_isRememberedPerKind()
{
    {
        ListPane pane(m_settings.get());
        pane.show();
        QVERIFY(loadProlific(pane));
        auto *cardsButton = pane.findChild<QToolButton *>(u"listAsCards"_s);
        QVERIFY(cardsButton && cardsButton->isVisible() && !cardsButton->isChecked());
        cardsButton->click();
        QVERIFY(pane.showsCards());
        QVERIFY(cardsButton->isChecked());
    }
    ListPane pane(m_settings.get());
    pane.show();
    QVERIFY(loadProlific(pane));
    QVERIFY(pane.showsCards());
    pane.load(m_client.get(), ListKind::Repositories, m_client->endpoint(u"/users/octocat/repos"_s));
    QTRY_VERIFY(pane.isComplete());
    QVERIFY(!pane.showsCards()); // repositories have no cards
    QVERIFY(!pane.findChild<QToolButton *>(u"listAsCards"_s)->isVisible());
}

// The cards on screen fetch their gists; a later pane on the same cache finds words in those files
// without asking GitHub anything.
void TestGistCards::filter_searchesTheContentsTheCacheHolds()
{
    QTemporaryDir home;
    Hubshelf::Cache::EtagCache cache(home.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.open());
    m_client = std::make_unique<Hubshelf::GitHub::Client>(m_network.get(), &cache, m_fake->apiUrl());
    m_client->setToken(FakeGitHub::Tokens::Prolific);
    QSet<QString> withCpp;
    {
        ListPane pane(m_settings.get());
        pane.resize(1024, 700);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QVERIFY(loadProlific(pane));
        pane.setShowsCards(true);
        const QStringList visible = pane.cardsView()->visibleIds();
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(visible.cbegin(), visible.cend(),
                        [&](const QString &id) { return pane.gistPreviews()->preview(id); }),
            20000);
        for (const QString &id : visible) {
            if (pane.gistPreviews()->contentOf(id).contains("std::cout")) {
                withCpp.insert(id);
            }
        }
    }
    QVERIFY2(!withCpp.isEmpty(), "no C++ file among the first cards");
    ListPane pane(m_settings.get());
    pane.resize(1024, 700);
    pane.show();
    QVERIFY(loadProlific(pane));
    pane.setShowsCards(false); // the table searches alike
    m_fake->clearRequestLog();
    pane.filterField()->setText(u"STD::COUT"_s); // in no description or file name: only in the code
    pane.applyPendingFilter();
    QTRY_COMPARE_WITH_TIMEOUT(pane.proxyModel()->rowCount(), int(withCpp.size()), 10000);
    for (int row = 0; row < pane.proxyModel()->rowCount(); ++row) {
        QVERIFY(withCpp.contains(pane.proxyModel()->index(row, 0).data(Hubshelf::Models::IdRole).toString()));
    }
    const QString count = pane.findChild<QLabel *>(u"listRowCount"_s)->text();
    QCOMPARE(count, u"%1 of 300 gists contain ‘STD::COUT’"_s.arg(withCpp.size()));
    QVERIFY(m_fake->requestLog().isEmpty()); // the cache answered: nothing was asked, nothing spent
}

void TestGistCards::relativeTime_readsAsPeopleSayIt()
{
    const QDateTime now = QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);
    using Hubshelf::Ui::GistCardDelegate;
    QCOMPARE(GistCardDelegate::relativeTime(now.addSecs(-20), now), u"just now"_s);
    QCOMPARE(GistCardDelegate::relativeTime(now.addSecs(-3 * 60), now), u"3 minutes ago"_s);
    QCOMPARE(GistCardDelegate::relativeTime(now.addSecs(-3600), now), u"1 hour ago"_s);
    QCOMPARE(GistCardDelegate::relativeTime(now.addDays(-3), now), u"3 days ago"_s);
    QCOMPARE(GistCardDelegate::relativeTime(now.addDays(-70), now), u"2 months ago"_s);
    QCOMPARE(GistCardDelegate::relativeTime(now.addDays(-800), now), u"2 years ago"_s);
}

void TestGistCards::screenshots()
{
    const QString dir = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("HUBSHELF_SCREENSHOT_DIR is not set: no screenshot to save");
    }
    QVERIFY(QDir().mkpath(dir));
    ListPane pane(m_settings.get());
    pane.resize(1100, 760);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QVERIFY(loadProlific(pane));
    pane.setShowsCards(true);
    pane.cardsView()->setCurrentIndex(pane.proxyModel()->index(1, 0));
    const auto waitForPreviews = [&] {
        const QStringList visible = pane.cardsView()->visibleIds();
        return QTest::qWaitFor(
            [&] {
                return std::all_of(visible.cbegin(), visible.cend(), [&](const QString &id) {
                    return pane.gistPreviews()->preview(id) != nullptr;
                });
            },
            20000);
    };
    QVERIFY(waitForPreviews());
    QVERIFY(pane.grab().save(dir + u"/gist-cards.png"_s));
    pane.setPalette(darkPalette());
    QTest::qWait(50);
    QVERIFY(pane.grab().save(dir + u"/gist-cards-dark.png"_s));
}

QTEST_MAIN(TestGistCards)
#include "test_gistcards.moc"
