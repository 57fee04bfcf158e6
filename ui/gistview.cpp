#include "ui/gistview.h"

#include "github/endpoints.h"
#include "highlight/language.h"
#include "images/avatarloader.h"
#include "models/giststar.h"
#include "ui/codeview.h"
#include "ui/markdownview.h"
#include "widgets/avatarlabel.h"
#include "widgets/codefont.h"
#include "widgets/openurl.h"

#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QJsonValue>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStyle>
#include <QTabBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

constexpr int CopiedFeedbackMs = 1500;

QDateTime timeOf(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODate).toLocalTime();
}

// Sizes read the same everywhere in the window: SI units, "12.3 kB".
QString dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QToolButton *makeToolButton(const QString &text, const QString &name, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setObjectName(name);
    button->setToolTip(tip);
    button->setAccessibleName(text);
    button->setAccessibleDescription(tip);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setFocusPolicy(Qt::StrongFocus);
    button->setAutoRaise(true);
    return button;
}

} // namespace

GistView::GistView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"gistView"_s);
    setAccessibleName(tr("Gist"));

    m_title = new QLabel(this);
    m_title->setObjectName(u"gistTitle"_s);
    m_title->setAccessibleName(tr("Description"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_avatar = new Widgets::AvatarLabel(OwnerAvatarSize, this);
    m_avatar->setObjectName(u"gistOwnerAvatar"_s);
    m_avatar->setAccessibleName(tr("Owner's avatar"));
    m_owner = new QLabel(this);
    m_owner->setObjectName(u"gistOwner"_s);
    m_owner->setAccessibleName(tr("Owner"));
    // A link to the owner's profile in Hubshelf; the login is escaped, never markup.
    m_owner->setTextFormat(Qt::RichText);
    m_owner->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_owner, &QLabel::linkActivated, this,
            [this](const QString &login) { Q_EMIT ownerActivated(login); });
    m_meta = new QLabel(this);
    m_meta->setObjectName(u"gistMeta"_s);
    m_meta->setAccessibleName(tr("Visibility and dates"));
    m_meta->setTextFormat(Qt::PlainText);
    m_meta->setWordWrap(true);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_star = makeToolButton(tr("Star"), u"gistStar"_s, QString(), this);
    m_star->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_star->hide(); // until setStar()

    auto *byline = new QHBoxLayout;
    byline->setSpacing(6);
    byline->addWidget(m_avatar, 0, Qt::AlignVCenter);
    byline->addWidget(m_owner, 0, Qt::AlignVCenter);
    byline->addWidget(m_meta, 1, Qt::AlignVCenter);
    byline->addWidget(m_star, 0, Qt::AlignVCenter);

    m_tabs = new QTabBar(this);
    m_tabs->setObjectName(u"gistFiles"_s);
    m_tabs->setAccessibleName(tr("Files"));
    m_tabs->setToolTip(tr("The gist's files"));
    m_tabs->setDocumentMode(true);
    m_tabs->setExpanding(false);
    m_tabs->setUsesScrollButtons(true);
    m_tabs->setElideMode(Qt::ElideMiddle);
    m_tabs->setFocusPolicy(Qt::StrongFocus);
    m_tabs->setDrawBase(true);
    connect(m_tabs, &QTabBar::currentChanged, this, &GistView::showFile);

    m_fileInfo = new QLabel(this);
    m_fileInfo->setObjectName(u"gistFileInfo"_s);
    m_fileInfo->setAccessibleName(tr("File type and size"));
    m_fileInfo->setTextFormat(Qt::PlainText);
    m_fileInfo->setForegroundRole(QPalette::PlaceholderText);
    // Beside three buttons in a narrow window it gives way (cut at the right; the tooltip has it all).
    m_fileInfo->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_source = makeToolButton(tr("Source"), u"gistSource"_s,
                              tr("Show the Markdown source instead of the rendering"), this);
    m_source->setCheckable(true);
    connect(m_source, &QToolButton::toggled, this, [this] { updateView(); });
    m_copy = makeToolButton(tr("Copy"), u"gistCopy"_s, tr("Copy the file's content to the clipboard"), this);
    connect(m_copy, &QToolButton::clicked, this, &GistView::copyCurrentFile);
    m_openRaw =
        makeToolButton(tr("Open raw"), u"gistOpenRaw"_s, tr("Open the whole file in the browser"), this);
    connect(m_openRaw, &QToolButton::clicked, this, &GistView::openRaw);
    m_wrap = makeToolButton(tr("Wrap"), u"gistWrap"_s, tr("Wrap long lines (Alt+Z)"), this);
    m_wrap->setCheckable(true);
    m_wrap->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Z));
    connect(m_wrap, &QToolButton::toggled, this, [this] { updateView(); });

    auto *fileBar = new QHBoxLayout;
    fileBar->setSpacing(4);
    fileBar->addWidget(m_fileInfo, 1);
    fileBar->addWidget(m_source);
    fileBar->addWidget(m_wrap);
    fileBar->addWidget(m_copy);
    fileBar->addWidget(m_openRaw);

    // The note uses the palette's alternate base, so that it stands out in light and dark alike.
    auto *note = new QFrame(this);
    note->setObjectName(u"gistNote"_s);
    note->setFrameShape(QFrame::StyledPanel);
    note->setBackgroundRole(QPalette::AlternateBase);
    note->setAutoFillBackground(true);
    m_note = note;
    m_noteIcon = new QLabel(note);
    m_noteText = new QLabel(note);
    m_noteText->setObjectName(u"gistNoteText"_s);
    m_noteText->setAccessibleName(tr("Note"));
    m_noteText->setTextFormat(Qt::PlainText);
    m_noteText->setWordWrap(true);
    m_noteText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *noteLayout = new QHBoxLayout(note);
    noteLayout->setContentsMargins(10, 8, 10, 8);
    noteLayout->setSpacing(8);
    noteLayout->addWidget(m_noteIcon, 0, Qt::AlignTop);
    noteLayout->addWidget(m_noteText, 1);

    m_markdown = new MarkdownView(this);
    m_markdown->setObjectName(u"gistMarkdown"_s);
    m_plain = new CodeView(this);
    m_plain->setObjectName(u"gistPlainText"_s);

    // One frame around whichever view shows the content.
    auto *contentFrame = new QFrame(this);
    contentFrame->setObjectName(u"gistContentFrame"_s);
    contentFrame->setFrameShape(QFrame::StyledPanel);
    m_stack = new QStackedWidget(contentFrame);
    m_stack->addWidget(m_markdown);
    m_stack->addWidget(m_plain);
    auto *frameLayout = new QVBoxLayout(contentFrame);
    frameLayout->setContentsMargins(1, 1, 1, 1);
    frameLayout->addWidget(m_stack);
    // Three lines at the least, so that the whole view fits a small screen (512×320 at twice the
    // scale); the views' own minimum is taller.
    contentFrame->setMinimumHeight(contentFrame->fontMetrics().lineSpacing() * 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addLayout(byline);
    layout->addSpacing(8);
    layout->addWidget(m_tabs);
    layout->addLayout(fileBar);
    layout->addWidget(m_note);
    layout->addWidget(contentFrame, 1);

    setTabOrder(m_title, m_star);
    setTabOrder(m_star, m_tabs);
    setTabOrder(m_tabs, m_source);
    setTabOrder(m_source, m_wrap);
    setTabOrder(m_wrap, m_copy);
    setTabOrder(m_copy, m_openRaw);
    setTabOrder(m_openRaw, m_markdown);
    setTabOrder(m_markdown, m_plain);

    applyFonts();
    clear();
}

GistView::~GistView() = default;

void GistView::setAvatarLoader(Images::AvatarLoader *loader)
{
    m_avatar->setLoader(loader);
}

void GistView::setStar(Models::GistStar *star)
{
    m_starModel = star;
    connect(star, &Models::GistStar::stateChanged, this, &GistView::updateStar);
    connect(star, &Models::GistStar::failed, this, &GistView::starFailed);
    connect(m_star, &QToolButton::clicked, star, &Models::GistStar::toggle);
    m_star->show();
    updateStar();
}

void GistView::updateStar()
{
    if (!m_starModel) {
        return;
    }
    using State = Models::GistStar::State;
    const State state = m_starModel->state();
    const bool starred = state == State::Starred;
    m_star->setText(starred ? tr("Unstar") : tr("Star"));
    m_star->setIcon(starred ? QIcon(u":/hubshelf/icons/starred.svg"_s)
                            : QIcon(u":/hubshelf/icons/star.svg"_s));
    // Enabled while a change is under way (a click then does nothing), so that the keyboard's focus
    // stays on the button.
    m_star->setEnabled(state == State::Starred || state == State::NotStarred || state == State::Changing ||
                       state == State::Unavailable);
    QString tip;
    switch (state) {
    case State::Anonymous:
        tip = tr("Sign in to star gists: GitHub keeps stars for accounts.");
        break;
    case State::Unknown:
        tip = tr("Finding out whether you starred this gist…");
        break;
    case State::Unavailable:
        tip = tr("Whether you starred this gist is not known: %1 Click to ask again.")
                  .arg(m_starModel->unavailableReason());
        break;
    case State::Starred:
        tip = tr("You starred this gist. Unstar it.");
        break;
    case State::NotStarred:
        tip = tr("Star this gist: it joins your Starred gists.");
        break;
    case State::Changing:
        tip = tr("Telling GitHub…");
        break;
    }
    m_star->setToolTip(tip);
    m_star->setAccessibleDescription(tip);
    m_star->setAccessibleName(m_star->text());
}

bool GistView::hasAvatar() const
{
    return m_avatar->hasAvatar();
}

void GistView::clear()
{
    m_gist = {};
    m_fileNames.clear();
    m_title->clear();
    m_owner->clear();
    m_owner->setToolTip({});
    m_meta->clear();
    {
        const QSignalBlocker blocker(m_tabs);
        while (m_tabs->count() > 0) {
            m_tabs->removeTab(0);
        }
    }
    m_source->setChecked(false);
    showFile(-1);
    m_avatar->setAvatar({}, {});
    m_avatar->hide();
}

void GistView::showGist(const QJsonObject &gist, const QString &revision)
{
    clear();
    m_gist = gist;
    if (m_starModel) {
        m_starModel->setGist(gist.value(u"id"_s).toString());
    }

    const QString description = gist.value(u"description"_s).toString().trimmed();
    m_title->setText(description.isEmpty() ? tr("Gist without a description") : description);
    m_title->setForegroundRole(description.isEmpty() ? QPalette::PlaceholderText : QPalette::WindowText);

    const QJsonObject owner = gist.value(u"owner"_s).toObject();
    const QString login = owner.value(u"login"_s).toString();
    if (login.isEmpty()) {
        m_owner->setText(tr("Anonymous").toHtmlEscaped());
    } else {
        m_owner->setText(u"<a href=\"%1\">%2</a>"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(login)),
                                                        login.toHtmlEscaped()));
        m_owner->setToolTip(tr("Open the profile of %1").arg(login));
    }

    // Dates only, for a line that fits; the times are in the tooltip.
    QStringList meta;
    QStringList tip;
    meta << (gist.value(u"public"_s).toBool() ? tr("Public") : tr("Secret"));
    if (!revision.isEmpty()) {
        meta << tr("revision %1").arg(revision.left(7));
        tip << tr("As it was at revision %1").arg(revision);
    }
    const QLocale locale;
    const QDateTime created = timeOf(gist.value(u"created_at"_s));
    if (created.isValid()) {
        meta << tr("created %1").arg(locale.toString(created.date(), QLocale::ShortFormat));
        tip << tr("Created %1").arg(locale.toString(created, QLocale::LongFormat));
    }
    const QDateTime updated = timeOf(gist.value(u"updated_at"_s));
    if (updated.isValid() && updated != created) {
        meta << tr("updated %1").arg(locale.toString(updated.date(), QLocale::ShortFormat));
        tip << tr("Updated %1").arg(locale.toString(updated, QLocale::LongFormat));
    }
    m_meta->setText(meta.join(u"  ·  "_s));
    m_meta->setToolTip(tip.join(u'\n'));

    const QJsonObject files = gist.value(u"files"_s).toObject();
    m_fileNames = files.keys();
    {
        const QSignalBlocker blocker(m_tabs);
        for (const QString &name : std::as_const(m_fileNames)) {
            const QJsonObject file = files.value(name).toObject();
            const int index = m_tabs->addTab(name);
            const QString language = file.value(u"language"_s).toString();
            const QString size = dataSize(file.value(u"size"_s).toInteger());
            m_tabs->setTabToolTip(index, language.isEmpty() ? size : QString(language + u", "_s + size));
        }
        m_tabs->setCurrentIndex(m_fileNames.isEmpty() ? -1 : 0);
    }
    m_tabs->setVisible(!m_fileNames.isEmpty());
    // A hidden tab bar defers its layout without telling ours that its size hint changed.
    m_tabs->updateGeometry();
    showFile(m_fileNames.isEmpty() ? -1 : 0);

    m_avatar->setAvatar(QUrl(owner.value(u"avatar_url"_s).toString()), login);
    m_avatar->setVisible(!gist.isEmpty());
}

QString GistView::currentFileName() const
{
    const int index = m_tabs->currentIndex();
    return index >= 0 && index < m_fileNames.size() ? m_fileNames.at(index) : QString();
}

bool GistView::selectFile(const QString &fileName)
{
    const int index = int(m_fileNames.indexOf(fileName));
    if (index < 0) {
        return false;
    }
    m_tabs->setCurrentIndex(index);
    return true;
}

QJsonObject GistView::currentFile() const
{
    return m_gist.value(u"files"_s).toObject().value(currentFileName()).toObject();
}

bool GistView::isMarkdownFile(const QJsonObject &file)
{
    if (file.value(u"language"_s).toString().compare(u"Markdown"_s, Qt::CaseInsensitive) == 0) {
        return true;
    }
    const QString name = file.value(u"filename"_s).toString();
    return name.endsWith(u".md"_s, Qt::CaseInsensitive) || name.endsWith(u".markdown"_s, Qt::CaseInsensitive);
}

bool GistView::isShowingRenderedMarkdown() const
{
    return !currentFileName().isEmpty() && m_stack->currentWidget() == m_markdown;
}

void GistView::setShowSource(bool source)
{
    m_source->setChecked(source);
}

bool GistView::isShowingSource() const
{
    return m_source->isChecked() && !m_source->isHidden();
}

const QTextDocument *GistView::renderedDocument() const
{
    return m_markdown->document();
}

QString GistView::plainText() const
{
    return m_plain->code();
}

QString GistView::currentContent() const
{
    return currentFile().value(u"content"_s).toString();
}

QString GistView::noteText() const
{
    return m_note->isHidden() ? QString() : m_noteText->text();
}

QUrl GistView::currentRawUrl() const
{
    const QUrl url(currentFile().value(u"raw_url"_s).toString());
    return GitHub::Endpoints::isWebUrl(url) ? url : QUrl();
}

void GistView::copyCurrentFile()
{
    const QJsonValue content = currentFile().value(u"content"_s);
    if (!content.isString()) {
        return;
    }
    QGuiApplication::clipboard()->setText(content.toString());
    const QJsonObject file = currentFile();
    if (file.value(u"truncated"_s).toBool()) {
        // GitHub's gist answer holds only the first part; the whole file is on the raw origin,
        // which the view does not fetch. Never a partial copy without a word.
        m_noteText->setText(tr("Copied only the first part of this file (%1 of %2): GitHub sends no more "
                               "of it here. Open raw shows it whole.")
                                .arg(dataSize(content.toString().toUtf8().size()),
                                     dataSize(file.value(u"size"_s).toInteger())));
        m_note->setVisible(true);
        m_copy->setText(tr("Copied first part"));
    } else {
        m_copy->setText(tr("Copied"));
    }
    QTimer::singleShot(CopiedFeedbackMs, m_copy, [button = m_copy] { button->setText(tr("Copy")); });
}

void GistView::openRaw()
{
    Widgets::openWebUrl(currentRawUrl());
}

void GistView::showFile(int index)
{
    Q_UNUSED(index)
    const QJsonObject file = currentFile();
    const bool hasFile = !file.isEmpty();
    const QJsonValue content = file.value(u"content"_s);
    const qint64 size = file.value(u"size"_s).toInteger();

    QStringList info;
    const QString language = file.value(u"language"_s).toString();
    if (!language.isEmpty()) {
        info << language;
    }
    if (hasFile) {
        info << dataSize(size);
    }
    m_fileInfo->setText(info.join(u"  ·  "_s));
    m_fileInfo->setToolTip(m_fileInfo->text());

    QString note;
    if (hasFile && !content.isString()) {
        note = tr("GitHub did not send the content of this file (%1). Open raw shows it whole.")
                   .arg(dataSize(size));
    } else if (file.value(u"truncated"_s).toBool()) {
        note = tr("GitHub shows only the first part of this file (%1 of %2). Open raw shows it whole.")
                   .arg(dataSize(content.toString().toUtf8().size()), dataSize(size));
    }
    m_noteText->setText(note);
    m_note->setVisible(!note.isEmpty());

    m_source->setVisible(hasFile && isMarkdownFile(file));
    m_copy->setEnabled(content.isString());
    m_copy->setText(tr("Copy"));
    m_openRaw->setEnabled(currentRawUrl().isValid());
    m_openRaw->setToolTip(
        currentRawUrl().isValid()
            ? tr("Open the whole file in the browser: %1").arg(currentRawUrl().toDisplayString())
            : tr("Open the whole file in the browser"));
    m_fileInfo->setVisible(hasFile);
    m_copy->setVisible(hasFile);
    m_openRaw->setVisible(hasFile);

    updateView();
    if (hasFile) {
        Q_EMIT currentFileChanged(currentFileName());
    }
}

void GistView::updateView()
{
    const QJsonObject file = currentFile();
    const QString content = file.value(u"content"_s).toString();
    if (!file.isEmpty() && isMarkdownFile(file) && !m_source->isChecked()) {
        m_markdown->showMarkdown(content);
        m_plain->clear();
        m_stack->setCurrentWidget(m_markdown);
        return;
    }
    m_markdown->showMarkdown({});
    // Markdown source is prose: it wraps. Code keeps its lines unless asked.
    m_plain->setWrapped(isMarkdownFile(file) || m_wrap->isChecked());
    const Highlight::Language language =
        Highlight::languageOf(currentFileName(), file.value(u"language"_s).toString());
    m_stack->setCurrentWidget(m_plain);
    // Wrapping changes nothing else: the same file keeps its place.
    if (content != m_plain->code() || language.definition != m_plain->language().definition) {
        m_plain->showCode(content, language);
        m_plain->moveCursor(QTextCursor::Start);
        m_plain->horizontalScrollBar()->setValue(0);
    }
}

void GistView::setWrapped(bool wrapped)
{
    m_wrap->setChecked(wrapped);
}

void GistView::applyFonts()
{
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.35);
    title.setBold(true);
    m_title->setFont(title);
    QFont owner = font();
    owner.setBold(true);
    m_owner->setFont(owner);
    const QFont fixed = Widgets::codeFont();
    m_plain->setFont(fixed);
    m_plain->setTabStopDistance(QFontMetricsF(fixed).horizontalAdvance(u' ') * 4);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_noteIcon->setPixmap(style()
                              ->standardIcon(QStyle::SP_MessageBoxInformation, nullptr, this)
                              .pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
}

void GistView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        applyFonts();
    }
    if (event->type() == QEvent::PaletteChange) {
        // A rich-text label takes the link colour when its text is set: set again, it follows a
        // dark palette instead of staying dark blue on dark grey.
        const QString owner = m_owner->text();
        m_owner->clear();
        m_owner->setText(owner);
    }
}

} // namespace Hubshelf::Ui
