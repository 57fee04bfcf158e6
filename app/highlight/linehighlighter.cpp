#include "highlight/linehighlighter.h"

#include "highlight/definitions.h"

#include <QHash>

#include <exception>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <srchilite/formatter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/formatterparams.h>
#include <srchilite/highlightrule.h>
#include <srchilite/highlightstate.h>
#include <srchilite/sourcehighlighter.h>

using namespace Qt::StringLiterals;

namespace Hubshelf::Highlight {

namespace {

// Source-highlight's element names (default.style) as Hubshelf colours them; the others stay plain.
std::optional<Element> elementNamed(const std::string &name)
{
    static const QHash<QByteArray, Element> elements = {
        {"keyword", Element::Keyword},      {"type", Element::Type},
        {"usertype", Element::Type},        {"classname", Element::Type},
        {"string", Element::String},        {"regexp", Element::String},
        {"specialchar", Element::String},   {"comment", Element::Comment},
        {"todo", Element::Comment},         {"number", Element::Number},
        {"preproc", Element::Preprocessor}, {"function", Element::Function},
        {"predef_func", Element::Function}, {"variable", Element::Variable},
        {"predef_var", Element::Variable},  {"symbol", Element::Symbol},
        {"cbracket", Element::Symbol},      {"key", Element::Type},
        {"keyquote", Element::Type},
    };
    const auto found = elements.constFind(QByteArray::fromStdString(name));
    return found == elements.cend() ? std::nullopt : std::optional<Element>(*found);
}

// One byte span of the line being highlighted.
struct ByteSpan
{
    int start;
    int length;
    Element element;
};

// Source-highlight hands each formatter only the text and its position: one formatter per element.
class SpanCollector final : public srchilite::Formatter
{
public:
    SpanCollector(Element element, std::vector<ByteSpan> *spans)
        : m_element(element)
        , m_spans(spans)
    {}

    void format(const std::string &text, const srchilite::FormatterParams *params) override
    {
        if (text.empty() || !params || params->start < 0) {
            return;
        }
        const int start = params->start;
        const int length = int(text.size());
        // The library splits one element into pieces ("/*" and the comment's text): join them.
        if (!m_spans->empty() && m_spans->back().element == m_element &&
            m_spans->back().start + m_spans->back().length == start) {
            m_spans->back().length += length;
            return;
        }
        m_spans->push_back({start, length, m_element});
    }

private:
    Element m_element;
    std::vector<ByteSpan> *m_spans;
};

// What the elements Hubshelf does not colour (normal text among them) go to.
class Discard final : public srchilite::Formatter
{
public:
    void format(const std::string &, const srchilite::FormatterParams *) override {}
};

// Every element name a definition can produce: the states form a graph, walked once.
void collectElements(const srchilite::HighlightStatePtr &state, std::set<unsigned> &seen,
                     std::set<std::string> &names)
{
    if (!state || !seen.insert(state->getId()).second) {
        return;
    }
    names.insert(state->getDefaultElement());
    for (const srchilite::HighlightRulePtr &rule : state->getRuleList()) {
        for (const std::string &element : rule->getElemList()) {
            names.insert(element);
        }
        collectElements(rule->getNextState(), seen, names);
    }
}

} // namespace

struct LineHighlighter::Private
{
    srchilite::HighlightStatePtr definition;
    QString error;
    std::unique_ptr<srchilite::SourceHighlighter> highlighter;
    srchilite::FormatterManager formatters{srchilite::FormatterPtr(new Discard)};
    srchilite::FormatterParams params;
    std::vector<ByteSpan> spans;
};

LineHighlighter::LineHighlighter(const Language &language)
    : d(std::make_unique<Private>())
{
    if (!language.isHighlighted()) {
        return;
    }
    d->definition = loadDefinition(language.definition, &d->error);
    if (!d->definition) {
        return;
    }
    std::set<unsigned> seen;
    std::set<std::string> names;
    collectElements(d->definition, seen, names);
    for (const std::string &name : names) {
        if (const std::optional<Element> element = elementNamed(name)) {
            d->formatters.addFormatter(name, srchilite::FormatterPtr(new SpanCollector(*element, &d->spans)));
        }
    }
    d->highlighter = std::make_unique<srchilite::SourceHighlighter>(d->definition);
    d->highlighter->setFormatterManager(&d->formatters);
    d->highlighter->setFormatterParams(&d->params); // so that each piece knows where it starts
    d->highlighter->setOptimize(false);             // which optimizing would lose
}

LineHighlighter::~LineHighlighter() = default;

bool LineHighlighter::isValid() const
{
    return d->highlighter != nullptr;
}

QString LineHighlighter::error() const
{
    return d->error;
}

void LineHighlighter::restart()
{
    if (d->highlighter) {
        d->highlighter->clearStateStack();
        d->highlighter->setCurrentState(d->highlighter->getMainState());
    }
}

LineSpans LineHighlighter::next(QStringView line)
{
    LineSpans spans;
    if (!d->highlighter || line.size() > MaxLineLength) {
        return spans;
    }
    const QByteArray utf8 = line.toUtf8();
    d->spans.clear();
    try {
        d->highlighter->highlightParagraph(utf8.toStdString());
    } catch (const std::exception &error) { // a regular expression too complex for this line
        d->spans.clear();
        restart();
        return spans;
    }
    if (d->spans.empty()) {
        return spans;
    }
    // Byte offsets into UTF-16 ones: the same for ASCII, counted once otherwise.
    const bool ascii = utf8.size() == line.size();
    std::vector<int> utf16At;
    if (!ascii) {
        utf16At.resize(std::size_t(utf8.size()) + 1);
        int units = 0;
        for (qsizetype byte = 0; byte < utf8.size(); ++byte) {
            utf16At[std::size_t(byte)] = units;
            const auto lead = uchar(utf8.at(byte));
            if ((lead & 0xC0) != 0x80) { // a character starts here: 4-byte ones take two units
                units += lead >= 0xF0 ? 2 : 1;
            }
        }
        utf16At[std::size_t(utf8.size())] = units;
    }
    spans.reserve(qsizetype(d->spans.size()));
    for (const ByteSpan &span : d->spans) {
        if (ascii) {
            spans.append({span.start, span.length, span.element});
            continue;
        }
        const int start = utf16At[std::size_t(span.start)];
        const int end = utf16At[std::size_t(std::min<qsizetype>(span.start + span.length, utf8.size()))];
        if (end > start) {
            spans.append({start, end - start, span.element});
        }
    }
    return spans;
}

void highlightEachLine(QStringView text, LineHighlighter &highlighter,
                       const std::function<bool(LineSpans &&spans)> &take)
{
    for (qsizetype from = 0; from <= text.size();) {
        qsizetype end = text.indexOf(u'\n', from);
        if (end < 0) {
            end = text.size();
        }
        QStringView line = text.mid(from, end - from);
        if (line.endsWith(u'\r')) {
            line.chop(1);
        }
        if (!take(highlighter.next(line))) {
            return;
        }
        from = end + 1;
    }
}

QList<LineSpans> highlightLines(const QString &text, const Language &language, int maxLines)
{
    QList<LineSpans> lines;
    if (maxLines <= 0) {
        return lines;
    }
    LineHighlighter highlighter(language);
    highlightEachLine(text, highlighter, [&lines, maxLines](LineSpans &&spans) {
        lines.append(std::move(spans));
        return lines.size() < maxLines;
    });
    return lines;
}

} // namespace Hubshelf::Highlight
