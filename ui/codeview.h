#pragma once

#include "highlight/language.h"
#include "highlight/linehighlighter.h"

#include <QFutureWatcher>
#include <QList>
#include <QPlainTextEdit>
#include <QTextLayout>
#include <QTimer>

#include <vector>

namespace Hubshelf::Ui {

// Read-only code: line numbers in a gutter, colours from GNU Source-highlight, wrapping on demand.
// A long text goes into the document a chunk of lines per turn of the event loop, the first at once;
// the colours are worked out on a thread of their own, a chunk at a time, and put on the lines as
// they come on screen. So a file of a megabyte shows at once and scrolls while the rest comes.
// Selection and Copy give plain text.
class CodeView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeView)

public:
    // Lines highlighted per chunk handed back to the window.
    static constexpr int ChunkLines = 2000;
    // Lines put into the document per turn of the event loop: a few milliseconds' work.
    static constexpr int FillLines = 1000;

    explicit CodeView(QWidget *parent = nullptr);
    ~CodeView() override;

    // Shows `text`, coloured as `language` (plain when it has no definition).
    void showCode(const QString &text, const Highlight::Language &language);
    Highlight::Language language() const { return m_language; }
    // The whole text shown, as given, while the document may still be filling.
    QString code() const { return m_source; }
    // The document does not hold the whole text yet.
    bool isFilling() const { return m_filled < m_code.size(); }
    // Lines of the whole text.
    int lineCount() const { return int(m_coloured.size()); }

    void setWrapped(bool wrapped);
    bool isWrapped() const;

    // Lines whose colours are known so far, and whether all of them are.
    int highlightedLines() const { return int(m_spans.size()); }
    bool isHighlighting() const;
    // A line's colours as they are drawn (empty until it has been on screen).
    QList<QTextLayout::FormatRange> formatsOfLine(int line) const;
    int gutterWidth() const;

Q_SIGNALS:
    void highlightingFinished();
    void filled(); // the document holds the whole text

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    class Gutter;
    struct Chunk
    {
        int firstLine = 0;
        QList<Highlight::LineSpans> lines;
    };

    void colourVisibleLines();
    void recolour();
    void updateGutterWidth();
    void paintGutter(QPaintEvent *event);
    void takeChunks(int begin, int end);
    // Puts the next FillLines lines of m_code into the document; true while some are left.
    bool fillChunk();

    Gutter *m_gutter = nullptr;
    Highlight::Language m_language;
    QString m_source;       // as given
    QString m_code;         // its lines as the document makes them
    qsizetype m_filled = 0; // characters of m_code in the document
    QTimer *m_fillTimer = nullptr;
    QFutureWatcher<Chunk> m_watcher;
    std::vector<Highlight::LineSpans> m_spans; // by line
    std::vector<bool> m_coloured;              // by line: its layout has its formats
};

} // namespace Hubshelf::Ui
