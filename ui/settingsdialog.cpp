#include "ui/settingsdialog.h"

#include "cache/etagcache.h"
#include "settings/appsettings.h"
#include "widgets/screenfit.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

QString dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat); // as everywhere: kB, MB
}

QString responseCount(qint64 count)
{
    return SettingsDialog::tr("%Ln response(s)", nullptr, int(count));
}

} // namespace

SettingsDialog::SettingsDialog(Settings::AppSettings *settings, Cache::EtagCache *cache, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_cache(cache)
{
    Q_ASSERT(settings);
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));

    // GitHub API
    m_apiUrlField = new QLineEdit(this);
    m_apiUrlField->setObjectName(u"apiUrlField"_s);
    m_apiUrlField->setAccessibleName(tr("API URL"));
    m_apiUrlField->setToolTip(
        tr("https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server"));
    m_apiUrlField->setPlaceholderText(Settings::Preferences::defaultApiUrl().toString());
    m_apiUrlField->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_apiUrlProblem = new QLabel(this);
    m_apiUrlProblem->setObjectName(u"apiUrlProblem"_s);
    m_apiUrlProblem->setAccessibleName(tr("Problem with the API URL"));
    m_apiUrlProblem->setWordWrap(true);
    m_apiUrlProblem->setTextFormat(Qt::PlainText);
    m_apiUrlProblem->hide();
    connect(m_apiUrlField, &QLineEdit::textEdited, this, [this] { m_apiUrlProblem->hide(); });

    auto *apiBox = new QGroupBox(tr("GitHub API"), this);
    auto *apiForm = new QFormLayout(apiBox);
    apiForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *apiUrlLabel = new QLabel(tr("&API URL:"), apiBox);
    apiUrlLabel->setBuddy(m_apiUrlField);
    apiForm->addRow(apiUrlLabel, m_apiUrlField);
    apiForm->addRow(QString(), m_apiUrlProblem);
    apiForm->addRow(QString(), addHint(tr("For GitHub Enterprise Server: https://HOST/api/v3. "
                                          "Tokens are kept per server: sign in to each one."),
                                       apiBox));

    // Network
    m_concurrency = new QSpinBox(this);
    m_concurrency->setObjectName(u"concurrencySpinBox"_s);
    m_concurrency->setAccessibleName(tr("Requests at a time"));
    m_concurrency->setToolTip(tr("How many requests Hubshelf sends to GitHub at once (1 to 8)"));
    m_concurrency->setRange(Settings::Preferences::MinConcurrent, Settings::Preferences::MaxConcurrent);
    auto *concurrencyRow = new QHBoxLayout;
    concurrencyRow->addWidget(m_concurrency);
    concurrencyRow->addWidget(new QLabel(tr("requests at a time"), this));
    concurrencyRow->addStretch(1);

    auto *networkBox = new QGroupBox(tr("Network"), this);
    auto *networkForm = new QFormLayout(networkBox);
    networkForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *concurrencyLabel = new QLabel(tr("At &most:"), networkBox);
    concurrencyLabel->setBuddy(m_concurrency);
    networkForm->addRow(concurrencyLabel, concurrencyRow);
    networkForm->addRow(QString(), addHint(tr("GitHub asks clients to keep this low; a long list pages "
                                              "faster with more, at the risk of a secondary rate limit."),
                                           networkBox));

    // Cache
    m_cacheLimit = new QSpinBox(this);
    m_cacheLimit->setObjectName(u"cacheLimitSpinBox"_s);
    m_cacheLimit->setAccessibleName(tr("Cache size limit in MiB"));
    m_cacheLimit->setToolTip(tr("Beyond this, the responses used least recently are dropped"));
    m_cacheLimit->setRange(Settings::Preferences::MinCacheSizeLimitMiB,
                           Settings::Preferences::MaxCacheSizeLimitMiB);
    m_cacheLimit->setSingleStep(16);
    m_cacheLimit->setSuffix(tr(" MiB"));
    m_cacheLimit->setGroupSeparatorShown(true);
    auto *limitRow = new QHBoxLayout;
    limitRow->addWidget(m_cacheLimit);
    limitRow->addStretch(1);

    m_cacheSize = new QLabel(this);
    m_cacheSize->setObjectName(u"cacheSizeLabel"_s);
    m_cacheSize->setWordWrap(true);
    m_cacheSize->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cacheStatistics = new QLabel(this);
    m_cacheStatistics->setObjectName(u"cacheStatisticsLabel"_s);
    m_cacheStatistics->setWordWrap(true);
    m_cacheStatistics->setTextFormat(Qt::PlainText);
    m_cacheStatistics->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_clearButton = new QPushButton(tr("&Clear Cache…"), this);
    m_clearButton->setObjectName(u"clearCacheButton"_s);
    m_clearButton->setToolTip(tr("Remove every cached response (asks first)"));
    m_clearButton->setAutoDefault(false);
    connect(m_clearButton, &QPushButton::clicked, this, &SettingsDialog::requestClearCache);
    m_clearResult = new QLabel(this);
    m_clearResult->setObjectName(u"clearCacheResult"_s);
    m_clearResult->setWordWrap(true);
    m_clearResult->setTextFormat(Qt::PlainText);
    m_clearResult->hide();
    auto *clearRow = new QHBoxLayout;
    clearRow->addWidget(m_clearButton);
    clearRow->addWidget(m_clearResult, 1);
    clearRow->addStretch(0);

    // The confirmation sits in the dialog itself: no message box stacked on a modal dialog.
    m_clearQuestion = new QWidget(this);
    m_clearQuestion->setObjectName(u"clearCacheQuestion"_s);
    m_clearQuestionText = new QLabel(m_clearQuestion);
    m_clearQuestionText->setWordWrap(true);
    m_confirmClearButton = new QPushButton(tr("&Remove All"), m_clearQuestion);
    m_confirmClearButton->setObjectName(u"confirmClearCacheButton"_s);
    m_confirmClearButton->setToolTip(tr("Delete every cached response now"));
    m_confirmClearButton->setAutoDefault(false);
    m_keepButton = new QPushButton(tr("&Keep"), m_clearQuestion);
    m_keepButton->setObjectName(u"keepCacheButton"_s);
    m_keepButton->setToolTip(tr("Leave the cache as it is"));
    m_keepButton->setAutoDefault(false);
    auto *questionIcon = new QLabel(m_clearQuestion);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    questionIcon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxQuestion, nullptr, this).pixmap(iconSize, iconSize));
    auto *questionRow = new QHBoxLayout(m_clearQuestion);
    questionRow->setContentsMargins(0, 0, 0, 0);
    questionRow->addWidget(questionIcon, 0, Qt::AlignTop);
    questionRow->addWidget(m_clearQuestionText, 1);
    questionRow->addWidget(m_confirmClearButton);
    questionRow->addWidget(m_keepButton);
    m_clearQuestion->hide();
    connect(m_confirmClearButton, &QPushButton::clicked, this, &SettingsDialog::confirmClearCache);
    connect(m_keepButton, &QPushButton::clicked, this, [this] {
        hideClearQuestion();
        m_clearButton->setFocus();
    });

    auto *cacheBox = new QGroupBox(tr("Cache"), this);
    auto *cacheForm = new QFormLayout(cacheBox);
    cacheForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *limitLabel = new QLabel(tr("Size &limit:"), cacheBox);
    limitLabel->setBuddy(m_cacheLimit);
    cacheForm->addRow(limitLabel, limitRow);
    cacheForm->addRow(tr("Now:"), m_cacheSize);
    cacheForm->addRow(tr("Since created:"), m_cacheStatistics);
    cacheForm->addRow(QString(), clearRow);
    cacheForm->addRow(QString(), m_clearQuestion);

    // CSV export
    m_formulaGuard = new QCheckBox(tr("&Guard against spreadsheet formulas"), this);
    m_formulaGuard->setObjectName(u"formulaGuardCheckBox"_s);
    m_formulaGuard->setToolTip(tr("Protects against CSV injection from text that others wrote"));
    m_byteOrderMark = new QCheckBox(tr("Start files with a &byte order mark (BOM)"), this);
    m_byteOrderMark->setObjectName(u"byteOrderMarkCheckBox"_s);
    m_byteOrderMark->setToolTip(tr("Some spreadsheets read UTF-8 correctly only with a BOM"));
    auto *csvBox = new QGroupBox(tr("CSV Export"), this);
    auto *csvLayout = new QVBoxLayout(csvBox);
    csvLayout->addWidget(m_formulaGuard);
    auto *guardHint = addHint(
        tr("Cells starting with = + - @ are prefixed with ' so spreadsheets do not run them."), csvBox);
    guardHint->setContentsMargins(style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, this) +
                                      style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing, nullptr, this),
                                  0, 0, 0);
    csvLayout->addWidget(guardHint);
    csvLayout->addWidget(m_byteOrderMark);
    auto *bomHint =
        addHint(tr("For spreadsheets on Windows that would otherwise misread accented letters."), csvBox);
    bomHint->setContentsMargins(guardHint->contentsMargins());
    csvLayout->addWidget(bomHint);

    m_buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(tr("Save the settings"));
    m_buttons->button(QDialogButtonBox::Cancel)->setToolTip(tr("Close without saving (Esc)"));
    QPushButton *defaults = m_buttons->button(QDialogButtonBox::RestoreDefaults);
    defaults->setToolTip(tr("Put every setting back to its default (saved by OK)"));
    defaults->setAutoDefault(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(defaults, &QPushButton::clicked, this, &SettingsDialog::restoreDefaults);

    // The settings scroll above the buttons where the screen is short (1024×640 at twice the scale);
    // OK and Cancel stay in reach.
    auto *settingsPage = new QWidget;
    auto *pageLayout = new QVBoxLayout(settingsPage);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(apiBox);
    pageLayout->addWidget(networkBox);
    pageLayout->addWidget(cacheBox);
    pageLayout->addWidget(csvBox);
    pageLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"settingsScroll"_s);
    scroll->setWidget(settingsPage);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_buttons);

    if (m_cache) {
        connect(m_cache, &Cache::EtagCache::statisticsChanged, this, [this] {
            if (isVisible()) {
                refreshCacheInfo();
            }
        });
    } else {
        m_clearButton->setEnabled(false);
    }

    m_saved = m_settings->preferences();
    setValues(m_saved);
    refreshCacheInfo();
    setMinimumWidth(Widgets::widthOnScreen(this, 560));
    // Tall enough to show every setting without scrolling wherever the screen allows.
    resize(width(), std::min(settingsPage->sizeHint().height() + m_buttons->sizeHint().height() + 40,
                             screen() ? screen()->availableGeometry().height() * 9 / 10 : 10000));
}

SettingsDialog::~SettingsDialog() = default;

QLabel *SettingsDialog::addHint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    m_hints.append(label);
    updateHintColours();
    return label;
}

// Secondary text in the palette's own dimmed colour, renewed when the palette changes so that it
// follows light and dark themes.
void SettingsDialog::updateHintColours()
{
    const QColor dimmed = palette().color(QPalette::PlaceholderText);
    for (QLabel *label : std::as_const(m_hints)) {
        QPalette colours = label->palette();
        colours.setColor(QPalette::WindowText, dimmed);
        label->setPalette(colours);
    }
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        updateHintColours();
    }
    QDialog::changeEvent(event);
}

Settings::Preferences SettingsDialog::values() const
{
    Settings::Preferences values = m_saved;
    values.apiUrl = Settings::Preferences::apiUrlFromText(m_apiUrlField->text());
    values.maxConcurrent = m_concurrency->value();
    values.cacheSizeLimitMiB = m_cacheLimit->value();
    values.csvFormulaGuard = m_formulaGuard->isChecked();
    values.csvByteOrderMark = m_byteOrderMark->isChecked();
    return values;
}

void SettingsDialog::setValues(const Settings::Preferences &values)
{
    m_apiUrlField->setText(values.apiUrl.toString(QUrl::StripTrailingSlash));
    m_apiUrlProblem->hide();
    m_concurrency->setValue(values.maxConcurrent);
    m_cacheLimit->setValue(values.cacheSizeLimitMiB);
    m_formulaGuard->setChecked(values.csvFormulaGuard);
    m_byteOrderMark->setChecked(values.csvByteOrderMark);
}

void SettingsDialog::restoreDefaults()
{
    Settings::Preferences defaults;
    defaults.lastSaveDirectory = m_saved.lastSaveDirectory; // not a preference the form shows
    setValues(defaults);
}

void SettingsDialog::refreshCacheInfo()
{
    if (!m_cache || !m_cache->isOpen()) {
        m_cacheSize->setText(tr("The cache is off: every request goes to GitHub."));
        m_cacheStatistics->setText(tr("No statistics."));
        m_clearButton->setEnabled(false);
        return;
    }
    const qint64 entries = m_cache->entryCount();
    m_cacheSize->setText(tr("%1, %2").arg(responseCount(entries), dataSize(m_cache->totalBodyBytes())));
    m_cacheSize->setToolTip(m_cache->displayName()); // a PostgreSQL URL without its password
    const Cache::CacheStatistics lifetime = m_cache->lifetimeStatistics();
    const QLocale locale;
    m_cacheStatistics->setText(
        tr("Hits: %1 (%2 fresh, %3 revalidated) · Misses: %4\n"
           "Requests saved: %5 · Data not downloaded: %6")
            .arg(locale.toString(lifetime.hits()), locale.toString(lifetime.freshHits),
                 locale.toString(lifetime.revalidated), locale.toString(lifetime.misses),
                 locale.toString(lifetime.callsSaved()), dataSize(lifetime.bytesSaved)));
    m_clearButton->setEnabled(true);
}

void SettingsDialog::requestClearCache()
{
    if (!m_cache || !m_cache->isOpen()) {
        return;
    }
    m_clearResult->hide();
    const qint64 entries = m_cache->entryCount();
    m_clearQuestionText->setText(
        tr("Remove %1 (%2) from the cache? They are fetched again when needed, which "
           "costs rate-limit points.")
            .arg(responseCount(entries), dataSize(m_cache->totalBodyBytes())));
    m_clearQuestion->show();
    m_clearButton->setEnabled(false);
    m_keepButton->setFocus();
}

void SettingsDialog::confirmClearCache()
{
    if (!m_cache || !m_cache->isOpen() || m_clearQuestion->isHidden()) {
        return;
    }
    const qint64 before = m_cache->entryCount();
    const bool cleared = m_cache->clear();
    hideClearQuestion();
    refreshCacheInfo();
    m_clearResult->setText(cleared ? tr("Removed %1.").arg(responseCount(before))
                                   : tr("Could not clear the cache: %1").arg(m_cache->errorString()));
    m_clearResult->show();
    m_clearButton->setFocus();
}

void SettingsDialog::hideClearQuestion()
{
    m_clearQuestion->hide();
    m_clearButton->setEnabled(m_cache && m_cache->isOpen());
}

void SettingsDialog::showApiUrlProblem(const QString &text)
{
    m_apiUrlProblem->setText(text);
    m_apiUrlProblem->show();
    m_apiUrlField->setFocus();
    m_apiUrlField->selectAll();
}

void SettingsDialog::accept()
{
    QString problem;
    const QUrl apiUrl = Settings::Preferences::apiUrlFromText(m_apiUrlField->text(), &problem);
    if (!apiUrl.isValid()) {
        showApiUrlProblem(problem);
        return;
    }
    Settings::Preferences next = values();
    next.apiUrl = apiUrl;
    m_settings->setPreferences(next);
    next = m_settings->preferences(); // as stored
    const bool changed = next != m_saved;
    m_saved = next;
    if (changed) {
        Q_EMIT settingsChanged();
    }
    QDialog::accept();
}

void SettingsDialog::showEvent(QShowEvent *event)
{
    refreshCacheInfo();
    QDialog::showEvent(event);
}

} // namespace Hubshelf::Ui
