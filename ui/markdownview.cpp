#include "ui/markdownview.h"

#include "github/endpoints.h"
#include "widgets/colours.h"
#include "widgets/openurl.h"

#include <QEvent>
#include <QFileInfo>
#include <QList>
#include <QPalette>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

namespace {

constexpr int DocumentMargin = 12;

bool isCodeBlock(const QTextBlock &block)
{
    const QTextBlockFormat format = block.blockFormat();
    return format.hasProperty(QTextFormat::BlockCodeFence) ||
           format.hasProperty(QTextFormat::BlockCodeLanguage);
}

// A tint of the text colour over the base: visible on white and on near-black alike, where the
// palette's AlternateBase is often indistinguishable from Base.
QColor codeBackground(const QPalette &colours)
{
    return Widgets::blend(colours.color(QPalette::Base), colours.color(QPalette::Text), 0.07f);
}

QString altTextOf(const QTextImageFormat &image)
{
    const QString alt = image.property(QTextFormat::ImageAltText).toString().trimmed();
    if (!alt.isEmpty()) {
        return alt;
    }
    const QString file = QFileInfo(QUrl(image.name()).path()).fileName();
    return file.isEmpty() ? MarkdownView::tr("image") : file;
}

} // namespace

MarkdownView::MarkdownView(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(u"markdownView"_s);
    setAccessibleName(tr("Rendered Markdown"));
    setReadOnly(true);
    // Links are ours to decide: never a navigation inside the view, never a fetch.
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setUndoRedoEnabled(false);
    setFrameShape(QFrame::NoFrame);
    setBackgroundRole(QPalette::Base);
    document()->setDocumentMargin(DocumentMargin);
    connect(this, &QTextBrowser::anchorClicked, this, &MarkdownView::onAnchorClicked);
}

MarkdownView::~MarkdownView() = default;

void MarkdownView::showMarkdown(const QString &markdown, const QString &placeholder)
{
    m_markdown = markdown;
    m_placeholder = placeholder;
    render();
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
}

QVariant MarkdownView::loadResource(int type, const QUrl &name)
{
    if (name.scheme() == u"qrc"_s) {
        return QTextBrowser::loadResource(type, name);
    }
    // Remote images would tell a server who reads which gist, and relative or file: ones would read
    // local files: neither is loaded.
    return {};
}

void MarkdownView::onAnchorClicked(const QUrl &url)
{
    if (url.isRelative() && url.path().isEmpty() && url.hasFragment()) {
        scrollToAnchor(url.fragment());
        return;
    }
    if (Widgets::openWebUrl(url)) {
        Q_EMIT linkOpened(url);
    }
}

void MarkdownView::render()
{
    if (m_rendering) {
        return;
    }
    m_rendering = true;
    const int scroll = verticalScrollBar()->value();
    QTextDocument *doc = document();
    const QPalette colours = palette();

    if (m_markdown.trimmed().isEmpty()) {
        doc->clear();
        QTextCursor cursor(doc);
        QTextCharFormat format;
        format.setFontItalic(true);
        format.setForeground(colours.color(QPalette::PlaceholderText));
        cursor.insertText(m_placeholder, format);
    } else {
        doc->setMarkdown(m_markdown, QTextDocument::MarkdownDialectGitHub);

        // The importer takes colours from the application palette; ours may differ (a dark pane),
        // and code gets a tinted background that GitHub readers expect.
        QList<QTextFragment> images;
        QTextCursor cursor(doc);
        cursor.beginEditBlock();
        for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
            const bool code = isCodeBlock(block);
            if (code) {
                QTextBlockFormat blockFormat;
                blockFormat.setBackground(codeBackground(colours));
                blockFormat.setLeftMargin(block.blockFormat().leftMargin() + 4);
                cursor.setPosition(block.position());
                cursor.mergeBlockFormat(blockFormat);
            }
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextFragment fragment = it.fragment();
                const QTextCharFormat format = fragment.charFormat();
                if (format.isImageFormat()) {
                    images.append(fragment);
                    continue;
                }
                QTextCharFormat change;
                if (format.isAnchor()) {
                    change.setForeground(colours.color(QPalette::Link));
                } else if (!code && format.fontFixedPitch()) {
                    change.setBackground(codeBackground(colours));
                }
                if (change.propertyCount() > 0) {
                    cursor.setPosition(fragment.position());
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
                    cursor.mergeCharFormat(change);
                }
            }
        }
        // Images become their alt text, linked to the image so that it can still be seen in the
        // browser. From the end, so that earlier positions stay valid.
        for (auto it = images.crbegin(); it != images.crend(); ++it) {
            const QTextImageFormat image = it->charFormat().toImageFormat();
            const QUrl source(image.name());
            QTextCharFormat text;
            text.setFontItalic(true);
            text.setForeground(colours.color(QPalette::PlaceholderText));
            if (GitHub::Endpoints::isWebUrl(source)) {
                text.setAnchor(true);
                text.setAnchorHref(source.toString(QUrl::FullyEncoded));
                text.setToolTip(source.toDisplayString());
                text.setForeground(colours.color(QPalette::Link));
            }
            cursor.setPosition(it->position());
            cursor.setPosition(it->position() + it->length(), QTextCursor::KeepAnchor);
            cursor.insertText(tr("[image: %1]").arg(altTextOf(image)), text);
        }
        cursor.endEditBlock();
    }
    verticalScrollBar()->setValue(scroll);
    m_rendering = false;
}

void MarkdownView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        render();
    }
}

} // namespace Hubshelf::Ui
