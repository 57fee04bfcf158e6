#include "darkpalette.h"
#include "widgets/avatarlabel.h"
#include "widgets/chip.h"
#include "widgets/colours.h"
#include "widgets/elidedlinklabel.h"
#include "widgets/framepacer.h"
#include "widgets/growingtableview.h"
#include "widgets/labelflow.h"
#include "widgets/middleelidedelegate.h"
#include "widgets/openurl.h"
#include "widgets/scrollanchor.h"
#include "widgets/titlefont.h"
#include "widgets/weblinkbutton.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QElapsedTimer>
#include <QPainter>
#include <QProxyStyle>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QStyleFactory>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

#include <functional>

using namespace Qt::StringLiterals;

using namespace Hubshelf::Ui::Widgets;

// Stands in for the desktop's browser and mail program: QDesktopServices hands it every URL.
class BrowserStandIn : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

// What AvatarLabel needs of a loader, answering when the test says so.
class FakeAvatarLoader : public QObject
{
    Q_OBJECT

public:
    QList<QPair<QUrl, int>> asked;
    void request(const QUrl &url, int sizePx) { asked.append({url, sizePx}); }

Q_SIGNALS:
    void avatarReady(const QUrl &url, const QPixmap &pixmap);
};

// Records the elide mode a delegate hands the style for each cell it paints.
class ElideRecordingStyle : public QProxyStyle
{
public:
    ElideRecordingStyle()
        : QProxyStyle(QStyleFactory::create(u"Fusion"_s))
    {}

    QList<Qt::TextElideMode> modes;

    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget) const override
    {
        if (const auto *item = qstyleoption_cast<const QStyleOptionViewItem *>(option)) {
            const_cast<ElideRecordingStyle *>(this)->modes.append(item->textElideMode);
        }
        QProxyStyle::drawControl(element, option, painter, widget);
    }
};

class TestWidgets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void blend_movesEachChannelTowardsTheTint();
    void inkFor_picksBlackOnLightAndWhiteOnDark();

    void chip_fillPaintsThePillAndPicksTheInk();
    void chip_withoutFillTintsThePaletteAndShowsPlainText();

    void labelFlow_wrapsOntoMoreLinesWhenNarrow();

    void elidedLink_elidesToItsWidthAndKeepsTheWholeLink();
    void elidedLink_emptyDisplayShowsNothing();

    void middleElide_elidesUrlsInTheMiddle();

    void openWebUrl_opensOnlyWebPages_data();
    void openWebUrl_opensOnlyWebPages();
    void openMailtoUrl_opensOnlyAddresses();

    void webLinkButton_showsOnlyForWebPagesAndOpensThem();

    void avatar_showsPlaceholderThenTheShapedPicture();
    void avatar_placeholderFollowsThePaletteUntilThePictureArrives();
    void avatar_withoutLoaderAsksNobody();

    void scrollAnchor_keepsTheRowInViewInPlaceWhenSortedRowsGoAbove();
    void titleFont_scalesAndEmboldens();
    void growingTable_repaintsOnlyWhenWhatIsOnScreenChanges();
    void framePacer_repaintsAWindowAtMostOnceAFrameAndPaintsItsLastChange();

    void screenshots();

private:
    BrowserStandIn m_browser;
};

namespace {

QPixmap filled(const QColor &colour, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(colour);
    return pixmap;
}

} // namespace

void TestWidgets::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    for (const QString &scheme : {u"http"_s, u"https"_s, u"mailto"_s, u"javascript"_s, u"file"_s, u"ftp"_s}) {
        QDesktopServices::setUrlHandler(scheme, &m_browser, "open");
    }
}

void TestWidgets::cleanupTestCase()
{
    for (const QString &scheme : {u"http"_s, u"https"_s, u"mailto"_s, u"javascript"_s, u"file"_s, u"ftp"_s}) {
        QDesktopServices::unsetUrlHandler(scheme);
    }
}

void TestWidgets::init()
{
    m_browser.opened.clear();
}

// --- colours ------------------------------------------------------------------------------------

void TestWidgets::blend_movesEachChannelTowardsTheTint()
{
    const QColor base(0, 100, 200);
    const QColor tint(200, 100, 0);
    QCOMPARE(blend(base, tint, 0.0), base);
    QCOMPARE(blend(base, tint, 1.0), tint);
    const QColor half = blend(base, tint, 0.5);
    QCOMPARE(half.red(), 100);
    QCOMPARE(half.green(), 100);
    QCOMPARE(half.blue(), 100);
    QCOMPARE(blend(Qt::white, Qt::black, 0.25).red(), 191);
}

void TestWidgets::inkFor_picksBlackOnLightAndWhiteOnDark()
{
    QCOMPARE(inkFor(QColor(0xfb, 0xca, 0x04)), QColor(Qt::black)); // GitHub's yellow label
    QCOMPARE(inkFor(QColor(0xa2, 0xee, 0xef)), QColor(Qt::black));
    QCOMPARE(inkFor(QColor(0x1f, 0x88, 0x3d)), QColor(Qt::white)); // the open state
    QCOMPARE(inkFor(QColor(0x82, 0x50, 0xdf)), QColor(Qt::white));
}

// --- Chip ---------------------------------------------------------------------------------------

void TestWidgets::chip_fillPaintsThePillAndPicksTheInk()
{
    QWidget host;
    host.setPalette(darkPalette());
    auto *chip = new Chip(&host);
    chip->setText(u"Merged"_s);
    const QColor merged(0x82, 0x50, 0xdf);
    chip->setFill(merged);
    chip->adjustSize();
    QCOMPARE(chip->fill(), merged);
    QCOMPARE(chip->background(), merged);
    QCOMPARE(chip->palette().color(QPalette::WindowText), QColor(Qt::white));
    // Padding around the text: wider and taller than the text alone.
    QVERIFY(chip->width() >= chip->fontMetrics().horizontalAdvance(u"Merged"_s) + 2 * Chip::PaddingX);
    QVERIFY(chip->height() >= chip->fontMetrics().height() + 2 * Chip::PaddingY);

    const QImage image = chip->grab().toImage();
    QCOMPARE(image.pixelColor(image.width() / 2, 1).rgb(), merged.rgb());

    chip->setFill(QColor(0xfb, 0xca, 0x04));
    QCOMPARE(chip->palette().color(QPalette::WindowText), QColor(Qt::black));
}

void TestWidgets::chip_withoutFillTintsThePaletteAndShowsPlainText()
{
    QWidget host;
    host.setPalette(darkPalette());
    auto *chip = new Chip(&host);
    chip->setFill({});
    chip->setText(u"<b>main</b>"_s);
    QCOMPARE(chip->textFormat(), Qt::PlainText);
    // The text follows the host's palette; the pill is its base tinted with its highlight.
    QCOMPARE(chip->palette().color(QPalette::WindowText), darkPalette().color(QPalette::WindowText));
    const QColor expected =
        blend(darkPalette().color(QPalette::Base), darkPalette().color(QPalette::Highlight), 0.18);
    QCOMPARE(chip->background(), expected);
    QVERIFY(chip->background() != darkPalette().color(QPalette::Base));

    host.setPalette(QPalette(Qt::white));
    QCOMPARE(chip->background(),
             blend(host.palette().color(QPalette::Base), host.palette().color(QPalette::Highlight), 0.18));
}

// --- LabelFlow ----------------------------------------------------------------------------------

void TestWidgets::labelFlow_wrapsOntoMoreLinesWhenNarrow()
{
    LabelFlow flow;
    flow.setLabels({{u"bug"_s, QColor(0xd7, 0x3a, 0x4a)},
                    {u"enhancement"_s, QColor(0xa2, 0xee, 0xef)},
                    {u"needs review"_s, QColor(0xfb, 0xca, 0x04)},
                    {u"good first issue"_s, QColor(0x70, 0x57, 0xff)}});
    QCOMPARE(flow.names(),
             (QStringList{u"bug"_s, u"enhancement"_s, u"needs review"_s, u"good first issue"_s}));
    QCOMPARE(flow.toolTip(), u"bug, enhancement, needs review, good first issue"_s);
    QVERIFY(flow.hasHeightForWidth());

    const int row = flow.fontMetrics().height() + 2 * Chip::PaddingY;
    const int wide = flow.sizeHint().width();
    QCOMPARE(flow.sizeHint().height(), row);
    QCOMPARE(flow.heightForWidth(wide), row);
    // Narrower than all four: at least two lines; narrower than any: one line each.
    const int twoLines = flow.heightForWidth(wide - 1);
    QVERIFY2(twoLines >= 2 * row, qPrintable(QString::number(twoLines)));
    QCOMPARE(flow.heightForWidth(1), 4 * row + 3 * (LabelFlow::Spacing / 2));

    flow.setLabels({});
    QVERIFY(flow.names().isEmpty());
    QVERIFY(flow.heightForWidth(wide) <= 0);
}

// --- ElidedLinkLabel ----------------------------------------------------------------------------

void TestWidgets::elidedLink_elidesToItsWidthAndKeepsTheWholeLink()
{
    const QString display = u"example.org/a/very/long/path/that/goes/on/and/on/and/on/for/ever"_s;
    const QUrl url(u"https://"_s + display);
    ElidedLinkLabel label;
    label.setLink(url, display);
    label.resize(label.sizeHint());
    // A hidden label gets no resize events: it elides once it is shown.
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    QVERIFY2(!label.text().contains(u"…"_s), qPrintable(label.text()));
    QVERIFY(label.text().contains(display));

    label.resize(140, label.height());
    QVERIFY2(label.text().contains(u"…"_s), qPrintable(label.text()));
    QVERIFY(label.text().contains(u"href=\""_s + url.toString(QUrl::FullyEncoded) + u'"'));
    QCOMPARE(label.toolTip(), url.toDisplayString());
    QCOMPARE(label.url(), url);
    // It never asks for more than a few characters: a long link cannot widen its pane.
    QVERIFY(label.minimumSizeHint().width() < 140);
    QCOMPARE(label.sizePolicy().horizontalPolicy(), QSizePolicy::Ignored);
    QVERIFY(!label.openExternalLinks());

    // Markup in the address or the text stays text.
    label.setLink(QUrl(u"https://example.org/?q=\"><b>x</b>"_s), u"<b>bold</b>"_s);
    QVERIFY(!label.text().contains(u"<b>"_s));
    QVERIFY(label.text().contains(u"&lt;b&gt;bold&lt;/b&gt;"_s));
}

void TestWidgets::elidedLink_emptyDisplayShowsNothing()
{
    ElidedLinkLabel label;
    label.setLink(QUrl(u"mailto:octocat@github.com"_s), u"octocat@github.com"_s);
    QVERIFY(label.text().contains(u"mailto:octocat@github.com"_s));
    label.setLink({}, {});
    QVERIFY(label.text().isEmpty());
    QVERIFY(label.url().isEmpty());
}

// --- MiddleElideDelegate ------------------------------------------------------------------------

void TestWidgets::middleElide_elidesUrlsInTheMiddle()
{
    ElideRecordingStyle style;
    QWidget host;
    host.setStyle(&style);
    QStandardItemModel model(1, 1);
    model.setData(model.index(0, 0),
                  u"https://api.github.com/repos/octocat/Hello-World/pulls?per_page=100"_s);

    QImage canvas(200, 20, QImage::Format_ARGB32);
    QPainter painter(&canvas);
    QStyleOptionViewItem option;
    option.widget = &host;
    option.rect = canvas.rect();
    // What a view hands its delegates by default.
    option.textElideMode = Qt::ElideRight;

    QStyledItemDelegate plain;
    plain.paint(&painter, option, model.index(0, 0));
    MiddleElideDelegate middle;
    middle.paint(&painter, option, model.index(0, 0));
    painter.end();
    QCOMPARE(style.modes, (QList<Qt::TextElideMode>{Qt::ElideRight, Qt::ElideMiddle}));
}

// --- opening links ------------------------------------------------------------------------------

void TestWidgets::openWebUrl_opensOnlyWebPages_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<bool>("opens");
    QTest::newRow("https") << QUrl(u"https://github.com/octocat"_s) << true;
    QTest::newRow("http") << QUrl(u"http://example.org/a?b=c#d"_s) << true;
    QTest::newRow("javascript") << QUrl(u"javascript:alert(1)"_s) << false;
    QTest::newRow("file") << QUrl(u"file:///etc/passwd"_s) << false;
    QTest::newRow("local file") << QUrl::fromLocalFile(u"/etc/passwd"_s) << false;
    QTest::newRow("https without a host") << QUrl(u"https:///etc/passwd"_s) << false;
    QTest::newRow("http, path only") << QUrl(u"http:foo"_s) << false;
    QTest::newRow("mailto") << QUrl(u"mailto:octocat@github.com"_s) << false;
    QTest::newRow("ftp") << QUrl(u"ftp://example.org/file"_s) << false;
    QTest::newRow("relative") << QUrl(u"other.md"_s) << false;
    QTest::newRow("empty") << QUrl() << false;
}

void TestWidgets::openWebUrl_opensOnlyWebPages()
{
    QFETCH(QUrl, url);
    QFETCH(bool, opens);
    QCOMPARE(openWebUrl(url), opens);
    QCOMPARE(m_browser.opened, opens ? QList<QUrl>{url} : QList<QUrl>{});
}

void TestWidgets::openMailtoUrl_opensOnlyAddresses()
{
    const QUrl address(u"mailto:octocat@github.com"_s);
    QVERIFY(openMailtoUrl(address));
    QCOMPARE(m_browser.opened, QList<QUrl>{address});
    for (const QUrl &url : {QUrl(u"https://github.com"_s), QUrl(u"mailto:"_s), QUrl(u"javascript:alert(1)"_s),
                            QUrl(u"file:///etc/passwd"_s), QUrl()}) {
        QVERIFY2(!openMailtoUrl(url), qPrintable(url.toString()));
    }
    QCOMPARE(m_browser.opened.size(), 1);
}

void TestWidgets::webLinkButton_showsOnlyForWebPagesAndOpensThem()
{
    QWidget host;
    auto *button = new WebLinkButton(u"Open on GitHub"_s, &host);
    QVERIFY(button->isHidden());
    QVERIFY(!button->autoDefault());

    const QUrl page(u"https://github.com/octocat/Hello-World/pull/1347"_s);
    button->setUrl(page);
    QVERIFY(!button->isHidden());
    QCOMPARE(button->toolTip(), page.toDisplayString());
    button->click();
    QCOMPARE(m_browser.opened, QList<QUrl>{page});

    button->setUrl(QUrl(u"javascript:alert(1)"_s));
    QVERIFY(button->isHidden());
    QVERIFY(button->url().isEmpty());
    QVERIFY(button->toolTip().isEmpty());
    button->click();
    QCOMPARE(m_browser.opened.size(), 1);
}

// --- AvatarLabel --------------------------------------------------------------------------------

void TestWidgets::avatar_showsPlaceholderThenTheShapedPicture()
{
    FakeAvatarLoader loader;
    AvatarLabel label(40);
    QCOMPARE(label.size(), QSize(40, 40));
    label.setLoader(&loader);
    const QUrl avatar(u"https://avatars.githubusercontent.com/u/583231?v=4"_s);
    label.setAvatar(avatar, u"octocat"_s);
    QCOMPARE(loader.asked, (QList<QPair<QUrl, int>>{{avatar, 40}}));
    QVERIFY(!label.hasAvatar());
    QCOMPARE(label.name(), u"octocat"_s);

    // The placeholder: a circle, its corners transparent, its middle not.
    QImage shown = label.pixmap().toImage();
    QVERIFY(!shown.isNull());
    QCOMPARE(qAlpha(shown.pixel(0, 0)), 0);
    QVERIFY(qAlpha(shown.pixel(shown.width() / 2, shown.height() / 8)) > 0);

    // Someone else's picture is not ours.
    Q_EMIT loader.avatarReady(QUrl(u"https://avatars.githubusercontent.com/u/1?v=4"_s), filled(Qt::red, 80));
    QVERIFY(!label.hasAvatar());

    Q_EMIT loader.avatarReady(avatar, filled(Qt::red, 80));
    QVERIFY(label.hasAvatar());
    shown = label.pixmap().toImage();
    QCOMPARE(shown.pixelColor(shown.width() / 2, shown.height() / 2).rgb(), QColor(Qt::red).rgb());
    const int corner = shown.width() * 3 / 40;
    QCOMPARE(qAlpha(shown.pixel(corner, corner)), 0); // outside the circle

    // An organization: a rounded square, which fills that corner.
    label.setAvatar(avatar, u"github"_s, AvatarLabel::Shape::RoundedSquare);
    QVERIFY(!label.hasAvatar());
    QCOMPARE(loader.asked.size(), 2);
    Q_EMIT loader.avatarReady(avatar, filled(Qt::red, 80));
    shown = label.pixmap().toImage();
    QCOMPARE(shown.pixelColor(corner, corner).rgb(), QColor(Qt::red).rgb());

    // Cleared: a silhouette, nothing asked.
    label.setAvatar({}, {});
    QVERIFY(!label.hasAvatar());
    QCOMPARE(loader.asked.size(), 2);
    Q_EMIT loader.avatarReady(QUrl(), filled(Qt::red, 80));
    QVERIFY(!label.hasAvatar());
}

void TestWidgets::avatar_placeholderFollowsThePaletteUntilThePictureArrives()
{
    FakeAvatarLoader loader;
    QWidget host;
    auto *label = new AvatarLabel(20, &host);
    label->setLoader(&loader);
    const QUrl avatar(u"https://avatars.githubusercontent.com/u/583231?v=4"_s);
    label->setAvatar(avatar, u"octocat"_s);
    const QImage light = label->pixmap().toImage();
    host.setPalette(darkPalette());
    const QImage dark = label->pixmap().toImage();
    QVERIFY(light != dark);
    QCOMPARE(dark,
             AvatarLabel::placeholder(u"octocat"_s, 20, darkPalette(), label->devicePixelRatioF()).toImage());

    Q_EMIT loader.avatarReady(avatar, filled(Qt::blue, 20));
    const QImage picture = label->pixmap().toImage();
    host.setPalette(QPalette(Qt::white));
    QCOMPARE(label->pixmap().toImage(), picture);
}

void TestWidgets::avatar_withoutLoaderAsksNobody()
{
    FakeAvatarLoader loader;
    AvatarLabel label(20);
    QSignalSpy requested(&label, &AvatarLabel::requested);
    label.setLoader(&loader);
    label.setLoader<FakeAvatarLoader>(nullptr);
    label.setAvatar(QUrl(u"https://avatars.githubusercontent.com/u/1"_s), u"x"_s);
    QCOMPARE(requested.size(), 1);
    QVERIFY(loader.asked.isEmpty());
    Q_EMIT loader.avatarReady(QUrl(u"https://avatars.githubusercontent.com/u/1"_s), filled(Qt::red, 20));
    QVERIFY(!label.hasAvatar());
}

// --- screenshots --------------------------------------------------------------------------------

void TestWidgets::scrollAnchor_keepsTheRowInViewInPlaceWhenSortedRowsGoAbove()
{
    QStandardItemModel model;
    const auto append = [&model](int value) {
        auto *item = new QStandardItem;
        item->setData(value, Qt::DisplayRole);
        model.appendRow(item); // one insert, as a page of a list is
    };
    for (int value = 0; value < 200; ++value) {
        append(value);
    }
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(0, Qt::DescendingOrder);
    QTableView view;
    view.setModel(&proxy);
    view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view.resize(300, 300);
    ScrollAnchor anchor(&view, &proxy);
    anchor.setSourceModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const QPersistentModelIndex hundred = proxy.index(99, 0);
    QCOMPARE(hundred.data().toInt(), 100);
    view.scrollTo(hundred, QAbstractItemView::PositionAtCenter);
    view.setCurrentIndex(hundred);
    const int y = view.visualRect(hundred).y();
    const int scrolled = view.verticalScrollBar()->value();
    QVERIFY(scrolled > 0);

    // Twenty larger values sort above it: it stays where it was on screen, the view scrolls.
    for (int value = 200; value < 220; ++value) {
        append(value);
    }
    QCOMPARE(hundred.row(), 119);
    QCOMPARE(view.visualRect(hundred).y(), y);
    QVERIFY(view.verticalScrollBar()->value() > scrolled);

    // Without a source to watch, nothing is anchored: the rows in view move down.
    anchor.setSourceModel(nullptr);
    append(300);
    QVERIFY(view.visualRect(hundred).y() > y);
}

namespace {
// Counts the paints of a widget.
class PaintCounter final : public QObject
{
public:
    explicit PaintCounter(QWidget *widget) { widget->installEventFilter(this); }
    int paints = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        paints += event->type() == QEvent::Paint;
        return false;
    }
};
} // namespace

void TestWidgets::growingTable_repaintsOnlyWhenWhatIsOnScreenChanges()
{
    QStringListModel model;
    const auto append = [&model](int first, int count) { // one insert, as a page of a list is
        QStringList values = model.stringList();
        for (int value = first; value < first + count; ++value) {
            values.append(QString::number(value));
        }
        const int old = model.rowCount();
        model.insertRows(old, count);
        for (int row = old; row < values.size(); ++row) {
            model.setData(model.index(row), values.at(row));
        }
    };
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    GrowingTableView view;
    view.setModel(&proxy);
    view.resize(300, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    PaintCounter counter(view.viewport());
    const auto paintsAfter = [&](const std::function<void()> &change) {
        QTest::qWait(20); // what was pending is painted first
        const int before = counter.paints;
        change();
        QTest::qWait(50); // the delayed layout, then its paint
        return counter.paints - before;
    };

    // Rows that go where the viewport still has room are painted.
    QVERIFY(paintsAfter([&] { append(0, 3); }) > 0);
    QCOMPARE(view.rowAt(0), 0);

    // Once the viewport is full, rows below the last one on screen repaint nothing, but the scroll
    // bar takes them in.
    QVERIFY(paintsAfter([&] { append(3, 100); }) > 0);
    const int quiet = view.quietLayouts();
    const int range = view.verticalScrollBar()->maximum();
    QCOMPARE(paintsAfter([&] { append(103, 100); }), 0);
    QCOMPARE(view.quietLayouts(), quiet + 1);
    QVERIFY(view.verticalScrollBar()->maximum() > range);

    // A row that goes in above, a sort, a removal and a reset change what is on screen.
    QVERIFY(paintsAfter([&] { model.insertRow(0); }) > 0);
    QVERIFY(paintsAfter([&] { proxy.sort(0, Qt::DescendingOrder); }) > 0);
    QVERIFY(paintsAfter([&] { model.removeRows(0, 5); }) > 0);
    QVERIFY(paintsAfter([&] { proxy.sort(-1); }) > 0);
    QVERIFY(paintsAfter([&] { model.setStringList({u"a"_s, u"b"_s}); }) > 0);
    // Rows below, then a row above before the layout: the layout repaints.
    append(0, 100);
    QVERIFY(paintsAfter([&] {
                append(300, 10);
                model.insertRow(0);
            }) > 0);
    QCOMPARE(view.quietLayouts(), quiet + 1);
}

namespace {
// Remembers the text it last painted.
class Counter final : public QWidget
{
public:
    using QWidget::QWidget;
    int value = 0;
    int painted = -1;
    int paints = 0;

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter(this).drawText(rect(), QString::number(value));
        painted = value;
        ++paints;
    }
};
} // namespace

void TestWidgets::framePacer_repaintsAWindowAtMostOnceAFrameAndPaintsItsLastChange()
{
    QWidget window;
    auto *counter = new Counter(&window);
    counter->resize(100, 40);
    window.resize(200, 100);
    new FramePacer(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(counter->painted, 0);

    // A change at every turn of the event loop for 200 ms, as rows coming in change a window.
    const int paintsBefore = counter->paints;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 200) {
        ++counter->value;
        counter->update();
        QCoreApplication::processEvents();
    }
    const int paints = counter->paints - paintsBefore;
    const qint64 frames = clock.elapsed() / FramePacer::FrameMs + 1;
    QVERIFY2(counter->value > 4 * frames, qPrintable(u"only %1 turns"_s.arg(counter->value)));
    QVERIFY2(paints >= 2 && paints <= frames,
             qPrintable(u"%1 repaints in %2 frames"_s.arg(paints).arg(frames)));
    // The last change is held back to the end of its frame, never dropped.
    QTRY_COMPARE(counter->painted, counter->value);
}

void TestWidgets::titleFont_scalesAndEmboldens()
{
    QLabel label;
    const qreal size = label.font().pointSizeF();
    QVERIFY(size > 0);
    setTitleFont(&label, 1.4);
    QVERIFY(qFuzzyCompare(label.font().pointSizeF(), size * 1.4));
    QCOMPARE(label.font().weight(), QFont::DemiBold);
}

void TestWidgets::screenshots()
{
    const QString dir = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("HUBSHELF_SCREENSHOT_DIR is not set: no screenshot to save");
    }
    QVERIFY(QDir().mkpath(dir));
    for (const bool dark : {false, true}) {
        QWidget panel;
        if (dark) {
            panel.setPalette(darkPalette());
        }
        panel.setAutoFillBackground(true);
        auto *layout = new QVBoxLayout(&panel);
        auto *state = new Chip(&panel);
        state->setText(u"Merged"_s);
        state->setFill(QColor(0x82, 0x50, 0xdf));
        auto *branch = new Chip(&panel);
        branch->setText(u"octocat:topic-1347"_s);
        branch->setFill({});
        auto *flow = new LabelFlow(&panel);
        flow->setLabels({{u"bug"_s, QColor(0xd7, 0x3a, 0x4a)},
                         {u"enhancement"_s, QColor(0xa2, 0xee, 0xef)},
                         {u"needs review"_s, QColor(0xfb, 0xca, 0x04)},
                         {u"good first issue"_s, QColor(0x70, 0x57, 0xff)}});
        auto *link = new ElidedLinkLabel(&panel);
        link->setLink(QUrl(u"https://example.org/a/very/long/path/that/goes/on/and/on/for/ever"_s),
                      u"example.org/a/very/long/path/that/goes/on/and/on/for/ever"_s);
        auto *avatar = new AvatarLabel(40, &panel);
        avatar->setAvatar({}, u"octocat"_s);
        for (QWidget *widget : std::initializer_list<QWidget *>{state, branch, flow, link, avatar}) {
            layout->addWidget(widget);
        }
        panel.resize(240, 240);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.grab().save(dir + (dark ? u"/widgets-dark.png"_s : u"/widgets.png"_s)));
    }
}

QTEST_MAIN(TestWidgets)
#include "test_widgets.moc"
