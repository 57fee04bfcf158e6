#pragma once

class QWidget;

namespace Hubshelf::Ui::Widgets {

// `wanted` pixels wide, or less on a screen narrower than that (1024 pixels at twice the scale are
// 512), so that a dialog never starts wider than the screen it opens on.
int widthOnScreen(const QWidget *widget, int wanted);

// Sizes a window of word-wrapped sentences at least `wantedWidth` wide (less on a narrow screen) and
// as tall as its sentences need at that width, within the screen: Qt's own first size measures the
// lines at a width the screen may not have, and the sentences overlap.
void fitToScreen(QWidget *window, int wantedWidth);

} // namespace Hubshelf::Ui::Widgets
