#pragma once

#include "highlight/linehighlighter.h"

#include <QColor>
#include <QList>
#include <QPalette>
#include <QTextLayout>

namespace Hubshelf::Ui {

// The colour of each highlighted element, light or dark as the palette is (GitHub's Primer syntax
// colours); invalid for what keeps the text colour.
QColor syntaxColour(Highlight::Element element, const QPalette &palette);

// A line's spans as QTextLayout formats, in `palette`'s colours.
QList<QTextLayout::FormatRange> syntaxFormats(const Highlight::LineSpans &spans, const QPalette &palette);

} // namespace Hubshelf::Ui
