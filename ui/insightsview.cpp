#include "ui/insightsview.h"

#include "github/client.h"
#include "insights/insightstables.h"
#include "insights/ownerinsights.h"
#include "widgets/colours.h"
#include "widgets/languagecolours.h"

#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QCursor>
#include <QEvent>
#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QProgressBar>
#include <QPushButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

// The donut shows the largest languages and gathers the rest: past eight, slices are slivers.
constexpr int MostLanguageSlices = 8;

QChartView *chartView(QWidget *parent, const QString &objectName)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation); // 100 bars animating is a stall, not a help
    chart->setBackgroundRoundness(0);
    auto *view = new QChartView(chart, parent);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    // The window keeps its own minimum (512×320 at twice the scale): the charts shrink, not it.
    view->setMinimumHeight(60);
    return view;
}

QString percent(double share)
{
    return QLocale().toString(share * 100, 'f', 1) + u'%';
}

} // namespace

InsightsView::InsightsView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"insightsView"_s);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"insightsSummary"_s);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_includeForks = new QCheckBox(tr("Include &forks"), this);
    m_includeForks->setObjectName(u"includeForks"_s);
    m_includeForks->setToolTip(tr("Count the owner's forks too (their history is mostly the original's)"));
    connect(m_includeForks, &QCheckBox::toggled, this, [this] {
        if (m_client) {
            start();
        }
    });
    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setObjectName(u"insightsStop"_s);
    m_stopButton->setVisible(false);
    connect(m_stopButton, &QPushButton::clicked, this, &InsightsView::stop);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"insightsProgress"_s);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_status = new QLabel(this);
    m_status->setObjectName(u"insightsStatus"_s);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_incomplete = new QLabel(this);
    m_incomplete->setObjectName(u"insightsIncomplete"_s);
    m_incomplete->setWordWrap(true);
    m_incomplete->setVisible(false);

    m_contributorsView = chartView(this, u"contributorsChart"_s);
    m_languagesView = chartView(this, u"languagesChart"_s);

    auto *header = new QHBoxLayout;
    header->addWidget(m_summary, 1);
    header->addWidget(m_includeForks);
    header->addWidget(m_stopButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_incomplete);
    layout->addWidget(m_contributorsView, 4);
    layout->addWidget(m_languagesView, 3); // room for the legend's nine lines
    applyTheme();
}

InsightsView::~InsightsView() = default;

void InsightsView::showOwner(GitHub::Client *client, const QString &owner,
                             const GitHub::RequestOptions &options)
{
    m_client = client;
    m_owner = owner;
    m_options = options;
    start();
}

void InsightsView::start()
{
    stop();
    m_result.reset();
    m_warnings.clear();
    m_incomplete->setVisible(false);
    m_summary->setText(m_owner);
    m_contributorsView->chart()->removeAllSeries();
    m_languagesView->chart()->removeAllSeries();
    Insights::OwnerInsights::Options options;
    options.includeForks = m_includeForks->isChecked();
    options.request = m_options;
    m_insights = new Insights::OwnerInsights(m_client, m_owner, options, this);
    connect(m_insights, &Insights::OwnerInsights::listing, this, [this](int done, int total) {
        showProgress(total > 0 ? tr("Listing repositories: page %1 of %2").arg(done).arg(total)
                               : tr("Listing repositories: page %1").arg(done),
                     done, total);
    });
    connect(m_insights, &Insights::OwnerInsights::computing, this, [this](int done, int total) {
        showProgress(tr("Computing statistics: %1 of %n repositories", nullptr, total).arg(done), done,
                     total);
    });
    connect(m_insights, &Insights::OwnerInsights::warning, this,
            [this](const QString &warning) { m_warnings.append(warning); });
    connect(m_insights, &Insights::OwnerInsights::finished, this, &InsightsView::showResult);
    connect(m_insights, &Insights::OwnerInsights::failed, this, [this](const GitHub::Error &error) {
        m_insights->deleteLater();
        m_progress->setVisible(false);
        m_stopButton->setVisible(false);
        m_status->setText(error.kind == GitHub::Error::Kind::Cancelled
                              ? tr("Stopped. Press F5 to start again; what was fetched is in the cache.")
                              : tr("No insights: the message above says why."));
        Q_EMIT failed(error);
    });
    showProgress(tr("Listing repositories…"), 0, 0);
    m_stopButton->setVisible(true);
    m_insights->start();
}

void InsightsView::stop()
{
    if (m_insights) {
        m_insights->cancel();
    }
}

bool InsightsView::isRunning() const
{
    return !m_insights.isNull() && m_stopButton->isVisible();
}

void InsightsView::showProgress(const QString &text, int done, int total)
{
    m_status->setText(text);
    m_progress->setVisible(true);
    m_progress->setRange(0, std::max(total, 0));
    m_progress->setValue(std::clamp(done, 0, std::max(total, 0)));
}

void InsightsView::showResult()
{
    m_result = std::make_unique<Insights::OwnerInsightsResult>(m_insights->result());
    m_insights->deleteLater();
    m_progress->setVisible(false);
    m_stopButton->setVisible(false);
    const QLocale locale;
    const Insights::OwnerInsightsResult &result = *m_result;
    m_summary->setText(tr("<b>%1</b> · %n repositories · %2 contributors · %3 stars · %4 forks", nullptr,
                          result.repositories)
                           .arg(m_owner.toHtmlEscaped(),
                                locale.toString(result.contributors.contributorCount()),
                                locale.toString(result.stars), locale.toString(result.forks)));
    m_status->setText(result.contributors.unattributedCommits() > 0
                          ? tr("%n commit(s) without a GitHub account are not counted as contributors.",
                               nullptr,
                               int(std::min<qint64>(result.contributors.unattributedCommits(), INT_MAX)))
                          : QString());
    if (!result.isComplete()) {
        const qsizetype leftOut = result.stillComputing.size() + result.unreadable.size();
        m_incomplete->setText(
            tr("Incomplete: %n repositories left out. Press F5 to ask again.", nullptr, int(leftOut)));
        m_incomplete->setToolTip(m_warnings.join(u'\n'));
        m_incomplete->setVisible(true);
    }
    showContributors();
    showLanguages();
    applyTheme();
    Q_EMIT finished();
}

void InsightsView::showContributors()
{
    QChart *chart = m_contributorsView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    const QList<Insights::MonthOfNewcomers> months = m_result->contributors.months();
    chart->setTitle(months.isEmpty() ? tr("No commits by GitHub accounts in these repositories")
                                     : tr("New contributors per month"));
    if (months.isEmpty()) {
        return;
    }
    auto *bars = new QBarSet(tr("New contributors"));
    auto *total = new QLineSeries;
    total->setName(tr("All contributors so far"));
    int most = 0;
    for (qsizetype i = 0; i < months.size(); ++i) {
        *bars << months.at(i).newContributors;
        total->append(qreal(i), months.at(i).totalContributors);
        most = std::max(most, months.at(i).newContributors);
    }
    auto *barSeries = new QBarSeries;
    barSeries->setBarWidth(0.85);
    barSeries->append(bars);
    chart->addSeries(barSeries);
    chart->addSeries(total);

    // Years along the bottom: a hundred month labels would be a smear.
    auto *years = new QCategoryAxis;
    years->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    years->setRange(-0.5, qreal(months.size()) - 0.5);
    for (qsizetype i = 0; i < months.size(); ++i) {
        const bool yearEnds = i + 1 == months.size() || months.at(i + 1).month.endsWith(u"-01"_s);
        if (yearEnds) {
            years->append(months.at(i).month.left(4), qreal(i) + 0.5);
        }
    }
    auto *newAxis = new QValueAxis;
    newAxis->setLabelFormat(u"%d"_s);
    newAxis->setRange(0, std::max(most, 1));
    newAxis->applyNiceNumbers();
    newAxis->setTitleText(tr("New"));
    auto *totalAxis = new QValueAxis;
    totalAxis->setLabelFormat(u"%d"_s);
    totalAxis->setRange(0, std::max(months.constLast().totalContributors, 1));
    totalAxis->applyNiceNumbers();
    totalAxis->setTitleText(tr("In all"));
    chart->addAxis(years, Qt::AlignBottom);
    chart->addAxis(newAxis, Qt::AlignLeft);
    chart->addAxis(totalAxis, Qt::AlignRight);
    barSeries->attachAxis(years);
    barSeries->attachAxis(newAxis);
    total->attachAxis(years);
    total->attachAxis(totalAxis);
    chart->legend()->setAlignment(Qt::AlignTop);

    connect(bars, &QBarSet::hovered, this, [this, months](bool status, int index) {
        if (!status || index < 0 || index >= months.size()) {
            QToolTip::hideText();
            return;
        }
        const Insights::MonthOfNewcomers &month = months.at(index);
        QString text = tr("<b>%1</b>: %n new contributor(s), %2 in all", nullptr, month.newContributors)
                           .arg(month.month)
                           .arg(month.totalContributors);
        if (!month.newcomers.isEmpty()) {
            const QStringList shown = month.newcomers.mid(0, 12);
            QStringList escaped;
            for (const QString &login : shown) {
                escaped.append(login.toHtmlEscaped());
            }
            text += u"<br>"_s + escaped.join(u", "_s);
            if (month.newcomers.size() > shown.size()) {
                text += tr(" and %n more", nullptr, int(month.newcomers.size() - shown.size()));
            }
        }
        QToolTip::showText(QCursor::pos(), text, m_contributorsView);
    });
}

void InsightsView::showLanguages()
{
    QChart *chart = m_languagesView->chart();
    chart->removeAllSeries();
    const QList<Insights::LanguageShare> shares = m_result->languages.shares();
    chart->setTitle(shares.isEmpty() ? tr("No languages detected") : tr("Languages by bytes of code"));
    if (shares.isEmpty()) {
        return;
    }
    auto *donut = new QPieSeries;
    donut->setHoleSize(0.5);
    donut->setPieSize(0.9);
    qint64 otherBytes = 0;
    double otherShare = 0;
    for (qsizetype i = 0; i < shares.size(); ++i) {
        const Insights::LanguageShare &language = shares.at(i);
        if (i >= MostLanguageSlices && shares.size() > MostLanguageSlices + 1) {
            otherBytes += language.bytes;
            otherShare += language.share;
            continue;
        }
        QPieSlice *slice =
            donut->append(u"%1 %2"_s.arg(language.language, percent(language.share)), double(language.bytes));
        slice->setProperty("language", language.language);
        slice->setProperty(
            "details",
            tr("%1: %2 bytes (%3) in %n repositories", nullptr, language.repositories)
                .arg(language.language, QLocale().toString(language.bytes), percent(language.share)));
    }
    if (otherBytes > 0) {
        QPieSlice *other = donut->append(tr("Other %1").arg(percent(otherShare)), double(otherBytes));
        other->setProperty("details",
                           tr("%n other languages", nullptr, int(shares.size() - MostLanguageSlices)));
    }
    chart->addSeries(donut);
    chart->legend()->setAlignment(Qt::AlignRight);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    chart->legend()->setFont(legendFont);
    connect(donut, &QPieSeries::hovered, this, [this](QPieSlice *slice, bool state) {
        slice->setExploded(state);
        if (state) {
            QToolTip::showText(QCursor::pos(), slice->property("details").toString(), m_languagesView);
        } else {
            QToolTip::hideText();
        }
    });
}

QByteArray InsightsView::contributorsCsv() const
{
    return m_result ? Insights::Tables::contributorsCsv(m_result->contributors.months()) : QByteArray();
}

int InsightsView::monthCount() const
{
    return m_result ? int(m_result->contributors.months().size()) : 0;
}

QString InsightsView::suggestedExportName() const
{
    return u"%1-contributors.csv"_s.arg(m_owner);
}

QChart *InsightsView::contributorsChart() const
{
    return m_contributorsView->chart();
}

QChart *InsightsView::languagesChart() const
{
    return m_languagesView->chart();
}

bool InsightsView::isDark() const
{
    return Widgets::isDark(palette());
}

void InsightsView::applyTheme()
{
    if (m_applyingTheme) {
        return;
    }
    m_applyingTheme = true;
    const QChart::ChartTheme theme = isDark() ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    const QColor accent = palette().color(QPalette::Highlight);
    for (QChartView *view : {m_contributorsView, m_languagesView}) {
        QChart *chart = view->chart();
        if (chart->theme() != theme) {
            chart->setTheme(theme); // resets the series' colours: they are set again below
        }
        chart->setBackgroundBrush(palette().color(QPalette::Base));
        chart->setTitleBrush(palette().color(QPalette::Text));
        chart->legend()->setLabelColor(palette().color(QPalette::Text));
    }
    for (QAbstractSeries *series : m_contributorsView->chart()->series()) {
        if (auto *bars = qobject_cast<QBarSeries *>(series)) {
            for (QBarSet *set : bars->barSets()) {
                set->setColor(accent);
                set->setBorderColor(accent);
            }
        } else if (auto *line = qobject_cast<QLineSeries *>(series)) {
            QPen pen(isDark() ? QColor(0xf0, 0x88, 0x3e) : QColor(0xbc, 0x4c, 0x00));
            pen.setWidthF(2);
            line->setPen(pen);
        }
    }
    for (QAbstractSeries *series : m_languagesView->chart()->series()) {
        if (auto *donut = qobject_cast<QPieSeries *>(series)) {
            for (QPieSlice *slice : donut->slices()) {
                const QString language = slice->property("language").toString();
                slice->setColor(language.isEmpty() ? palette().color(QPalette::Mid)
                                                   : Widgets::languageColour(language));
                slice->setBorderColor(palette().color(QPalette::Base));
            }
        }
    }
    m_incomplete->setStyleSheet(u"color: %1;"_s.arg(Widgets::attentionColour(palette()).name()));
    m_applyingTheme = false;
}

void InsightsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        applyTheme();
    }
}

} // namespace Hubshelf::Ui
