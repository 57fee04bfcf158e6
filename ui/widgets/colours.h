#pragma once

#include <QColor>

class QPalette;

namespace Hubshelf::Ui::Widgets {

// `base` moved towards `tint` by `amount` (0: base, 1: tint), channel by channel: a tint of a palette
// colour that follows light and dark palettes alike.
QColor blend(const QColor &base, const QColor &tint, qreal amount);

// Black or white, whichever reads better on `fill` (label colours are chosen by people).
QColor inkFor(const QColor &fill);

// A dark palette (a dark desktop theme): charts and warning colours follow it.
bool isDark(const QPalette &palette);

// GitHub's colours for text that warns, in the palette's lightness: danger (a limit nearly spent,
// an error) and attention (something incomplete or secret).
QColor dangerColour(const QPalette &palette);
QColor attentionColour(const QPalette &palette);

} // namespace Hubshelf::Ui::Widgets
