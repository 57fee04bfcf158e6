#include "ui/syntaxcolours.h"

#include "widgets/colours.h"

namespace Hubshelf::Ui {

QColor syntaxColour(Highlight::Element element, const QPalette &palette)
{
    using Highlight::Element;
    const bool dark = Widgets::isDark(palette);
    switch (element) {
    case Element::Keyword:
    case Element::Preprocessor:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e);
    case Element::Type:
        return dark ? QColor(0xff, 0xa6, 0x57) : QColor(0x95, 0x38, 0x00);
    case Element::String:
        return dark ? QColor(0xa5, 0xd6, 0xff) : QColor(0x0a, 0x30, 0x69);
    case Element::Comment:
        return dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0x6e, 0x77, 0x81);
    case Element::Number:
    case Element::Variable:
        return dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x05, 0x50, 0xae);
    case Element::Function:
        return dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x82, 0x50, 0xdf);
    case Element::Symbol:
        return {};
    }
    return {};
}

QList<QTextLayout::FormatRange> syntaxFormats(const Highlight::LineSpans &spans, const QPalette &palette)
{
    QList<QTextLayout::FormatRange> formats;
    formats.reserve(spans.size());
    for (const Highlight::Span &span : spans) {
        const QColor colour = syntaxColour(span.element, palette);
        if (!colour.isValid()) {
            continue;
        }
        QTextLayout::FormatRange range;
        range.start = span.start;
        range.length = span.length;
        range.format.setForeground(colour);
        formats.append(range);
    }
    return formats;
}

} // namespace Hubshelf::Ui
