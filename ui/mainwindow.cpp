#include "ui/mainwindow.h"

namespace Hubshelf::Ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{}

MainWindow::~MainWindow() = default;

} // namespace Hubshelf::Ui
