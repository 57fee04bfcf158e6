#include "ui/codeview.h"

#include "highlight/workers.h"
#include "ui/syntaxcolours.h"
#include "widgets/codefont.h"

#include <QEvent>
#include <QPainter>
#include <QPromise>
#include <QTextBlock>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Hubshelf::Ui {

class CodeView::Gutter final : public QWidget
{
public:
    explicit Gutter(CodeView *view)
        : QWidget(view)
        , m_view(view)
    {
        setObjectName(u"codeGutter"_s);
    }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintGutter(event); }

private:
    CodeView *m_view;
};

CodeView::CodeView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new Gutter(this))
{
    setObjectName(u"codeView"_s);
    setAccessibleName(tr("File content"));
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setUndoRedoEnabled(false);
    setFrameShape(QFrame::NoFrame);
    setBackgroundVisible(false);
    const QFont fixed = Widgets::codeFont();
    setFont(fixed);
    setTabStopDistance(QFontMetricsF(fixed).horizontalAdvance(u' ') * 4);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy != 0) {
            m_gutter->scroll(0, dy);
        } else {
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
        }
        colourVisibleLines();
    });
    m_fillTimer = new QTimer(this);
    m_fillTimer->setInterval(0);
    connect(m_fillTimer, &QTimer::timeout, this, [this] {
        if (!fillChunk()) {
            m_fillTimer->stop();
            Q_EMIT filled();
        }
        colourVisibleLines();
    });
    connect(&m_watcher, &QFutureWatcher<Chunk>::resultsReadyAt, this, &CodeView::takeChunks);
    connect(&m_watcher, &QFutureWatcher<Chunk>::finished, this, &CodeView::highlightingFinished);
    updateGutterWidth();
}

CodeView::~CodeView()
{
    m_watcher.cancel(); // the job holds copies only, and stops at its next line
}

void CodeView::showCode(const QString &text, const Highlight::Language &language)
{
    m_watcher.cancel();
    m_language = language;
    m_spans.clear();
    m_source = text;
    // A block starts at every \n, \r, U+2029 and U+FDD0/FDD1 the document is given: all become \n
    // here, so that the document's blocks and the highlighter's lines are the same lines.
    m_code = text;
    m_code.replace(u"\r\n"_s, u"\n"_s);
    for (const QChar separator : {QChar(u'\r'), QChar(0x2029), QChar(0xFDD0), QChar(0xFDD1)}) {
        m_code.replace(separator, u'\n');
    }
    m_filled = 0;
    m_coloured.assign(std::size_t(m_code.count(u'\n') + 1), false);
    clear();
    updateGutterWidth();
    if (fillChunk()) {
        m_fillTimer->start();
    } else {
        m_fillTimer->stop();
        Q_EMIT filled();
    }
    if (!language.isHighlighted()) {
        m_watcher.setFuture(QFuture<Chunk>());
        return;
    }
    m_watcher.setFuture(QtConcurrent::run(
        Highlight::workers(),
        [](QPromise<Chunk> &promise, const QString &code, const Highlight::Language &as) {
            Highlight::LineHighlighter highlighter(as);
            if (!highlighter.isValid()) {
                return;
            }
            Chunk chunk;
            int lines = 0;
            Highlight::highlightEachLine(code, highlighter, [&](Highlight::LineSpans &&spans) {
                chunk.lines.append(std::move(spans));
                if (chunk.lines.size() == ChunkLines) {
                    promise.addResult(std::move(chunk));
                    chunk = Chunk{lines + 1, {}};
                }
                ++lines;
                return !promise.isCanceled(); // stops at its next line
            });
            if (!promise.isCanceled() && !chunk.lines.isEmpty()) {
                promise.addResult(std::move(chunk));
            }
        },
        m_code, language));
}

bool CodeView::fillChunk()
{
    qsizetype end = m_filled;
    for (int lines = 0; lines < FillLines && end < m_code.size(); ++lines) {
        const qsizetype next = m_code.indexOf(u'\n', end);
        end = next < 0 ? m_code.size() : next + 1;
    }
    // The chunk without its last line break: the next chunk's text starts a block of its own.
    QStringView piece = QStringView(m_code).mid(m_filled, end - m_filled);
    const bool more = end < m_code.size();
    if (more && piece.endsWith(u'\n')) {
        piece.chop(1);
    }
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    if (m_filled > 0) {
        cursor.insertBlock();
    }
    cursor.insertText(piece.toString());
    m_filled = end;
    return more;
}

bool CodeView::isHighlighting() const
{
    return m_watcher.isRunning();
}

void CodeView::takeChunks(int begin, int end)
{
    for (int index = begin; index < end; ++index) {
        const Chunk chunk = m_watcher.resultAt(index);
        if (chunk.firstLine != int(m_spans.size())) {
            continue; // not this text's (a cancelled one's last chunk)
        }
        for (const Highlight::LineSpans &line : chunk.lines) {
            if (m_spans.size() >= m_coloured.size()) {
                break;
            }
            m_spans.push_back(line);
        }
    }
    colourVisibleLines();
}

// The lines on screen get their colours once: a layout keeps its formats while it scrolls away.
void CodeView::colourVisibleLines()
{
    QTextBlock block = firstVisibleBlock();
    const QPointF offset = contentOffset();
    const qreal bottom = viewport()->height();
    bool changed = false;
    while (block.isValid()) {
        if (blockBoundingGeometry(block).translated(offset).top() > bottom) {
            break;
        }
        const auto line = std::size_t(block.blockNumber());
        if (line < m_spans.size() && line < m_coloured.size() && !m_coloured[line]) {
            block.layout()->setFormats(syntaxFormats(m_spans[line], palette()));
            m_coloured[line] = true;
            // As QSyntaxHighlighter does: the document relays this block out now, rather than all
            // from here to the end at its next change.
            document()->markContentsDirty(block.position(), block.length());
            changed = true;
        }
        block = block.next();
    }
    if (changed) {
        viewport()->update();
    }
}

// Another palette (light or dark): every line takes its new colours when it is next on screen.
void CodeView::recolour()
{
    std::fill(m_coloured.begin(), m_coloured.end(), false);
    colourVisibleLines();
}

QList<QTextLayout::FormatRange> CodeView::formatsOfLine(int line) const
{
    const QTextBlock block = document()->findBlockByNumber(line);
    return block.isValid() && block.layout() ? block.layout()->formats() : QList<QTextLayout::FormatRange>();
}

void CodeView::setWrapped(bool wrapped)
{
    setLineWrapMode(wrapped ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
}

bool CodeView::isWrapped() const
{
    return lineWrapMode() != QPlainTextEdit::NoWrap;
}

int CodeView::gutterWidth() const
{
    const int digits = int(QString::number(std::max(1, lineCount())).size());
    return QFontMetrics(font()).horizontalAdvance(u'9') * std::max(digits, 3) + 16;
}

void CodeView::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const QRect area = contentsRect();
    m_gutter->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
}

void CodeView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateGutterWidth();
    colourVisibleLines();
}

void CodeView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        recolour();
        m_gutter->update();
    } else if (event->type() == QEvent::FontChange) {
        updateGutterWidth();
    }
}

void CodeView::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::Window));
    painter.setFont(font());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const int right = m_gutter->width() - 8;
    const int lineHeight = fontMetrics().height();
    QTextBlock block = firstVisibleBlock();
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    while (block.isValid() && top <= event->rect().bottom()) {
        const qreal bottom = top + blockBoundingRect(block).height();
        if (block.isVisible() && bottom >= event->rect().top()) {
            painter.drawText(0, int(top), right, lineHeight, Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top = bottom;
    }
}

} // namespace Hubshelf::Ui
