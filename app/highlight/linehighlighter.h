#pragma once

#include "highlight/language.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <functional>
#include <memory>

namespace Hubshelf::Highlight {

// What a stretch of code is, as the palette colours it.
enum class Element : quint8 {
    Keyword,
    Type,
    String,
    Comment,
    Number,
    Preprocessor,
    Function,
    Variable,
    Symbol,
};

// A stretch of one line: UTF-16 offsets into the line, as QString and QTextLayout count.
struct Span
{
    int start = 0;
    int length = 0;
    Element element = Element::Keyword;

    bool operator==(const Span &other) const
    {
        return start == other.start && length == other.length && element == other.element;
    }
};
using LineSpans = QList<Span>;

// Highlights a text line after line with GNU Source-highlight, carrying multi-line constructs
// (a comment, a string, a heredoc) from one line to the next. One per thread: the definitions are
// shared, the highlighter's state is its own.
class LineHighlighter final
{
public:
    // A language without a definition, or whose definition does not load, highlights nothing.
    explicit LineHighlighter(const Language &language);
    ~LineHighlighter();
    LineHighlighter(const LineHighlighter &) = delete;
    LineHighlighter &operator=(const LineHighlighter &) = delete;

    bool isValid() const;
    QString error() const;

    // The spans of the next line (without its line break), coloured elements only.
    LineSpans next(QStringView line);
    // Back to the start of a text.
    void restart();

    // Lines longer than this are not highlighted (their spans are empty, the state goes on): a
    // minified bundle's one line would cost seconds of regular expressions for nothing readable.
    static constexpr qsizetype MaxLineLength = 4000;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Each line of `text` (split at '\n', a line's last '\r' left out) highlighted by `highlighter` in
// turn and handed to `take`, until `take` returns false or the text ends.
void highlightEachLine(QStringView text, LineHighlighter &highlighter,
                       const std::function<bool(LineSpans &&spans)> &take);
// The first `maxLines` lines of `text`, highlighted.
QList<LineSpans> highlightLines(const QString &text, const Language &language, int maxLines);

} // namespace Hubshelf::Highlight
