// bench_gists: the gist views against the standalone fake GitHub. Prints figures; asserts nothing.
//
//   bench_gists [--fakegithub PATH] [--latency-ms 100]
//
// Highlighting: a megabyte of Python and of C++ through GNU Source-highlight, lines and megabytes a
// second (best of three). The code view with that megabyte: how long showing it holds the GUI
// thread, how long until every line's colours are known, and the longest turn of the event loop
// meanwhile. 300 gists as cards (prolific's, signed in): the first card painted, then a scroll
// through them all at 40 pixels a frame: the frame times, and the previews fetched.

#include "cache/etagcache.h"
#include "fakegithub.h"
#include "fakegithubprocess.h"
#include "github/client.h"
#include "highlight/language.h"
#include "highlight/linehighlighter.h"
#include "models/gistpreviews.h"
#include "ui/codeview.h"
#include "ui/gistcardsview.h"
#include "ui/listpane.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QScrollBar>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Hubshelf;

namespace {

QString megabyteOf(const QString &piece)
{
    QString text;
    text.reserve(1100 * 1024);
    for (int i = 0; text.size() < 1024 * 1024; ++i) {
        text += piece.arg(i);
    }
    return text;
}

const QString PythonPiece = u"class Greeter%1(object):\n"
                            u"    \"\"\"Greets people, politely.\"\"\"\n\n"
                            u"    def __init__(self, name, times=3):\n"
                            u"        self.name = name  # who\n"
                            u"        self.times = times\n\n"
                            u"    def greet(self):\n"
                            u"        for i in range(self.times):\n"
                            u"            print(f'hello {self.name} #{i}', end='\\n')\n"
                            u"        return [x * 2 for x in range(10) if x %% 3 == 0]\n\n"_s;

const QString CppPiece = u"// A counter, number %1.\n"
                         u"template <typename T>\n"
                         u"class Counter%1 final : public Base\n"
                         u"{\n"
                         u"public:\n"
                         u"    explicit Counter%1(int start = 0) : m_value(start) {}\n"
                         u"    /* Adds one and says\n"
                         u"       what it became. */\n"
                         u"    int next() { return ++m_value; }\n"
                         u"    static constexpr const char *name = \"counter\\t%1\";\n"
                         u"private:\n"
                         u"    int m_value = 0x2a;\n"
                         u"};\n\n"_s;

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5))];
}

void highlightThroughput(QTextStream &out, const QString &name, const QString &text)
{
    const Highlight::Language language = Highlight::languageOf(name);
    const int lines = int(text.count(u'\n')) + 1;
    double best = 1e30;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        const QList<Highlight::LineSpans> spans = Highlight::highlightLines(text, language, lines);
        best = std::min(best, double(timer.nsecsElapsed()) / 1e6);
        if (spans.size() != lines) {
            out << "  (highlighted " << spans.size() << " of " << lines << " lines)\n";
        }
    }
    out << QString(u"  %1  %2 lines, %3 kB: %4 ms, %5 lines/s, %6 MB/s\n"_s)
               .arg(name, -8)
               .arg(lines)
               .arg(text.toUtf8().size() / 1024)
               .arg(best, 0, 'f', 0)
               .arg(double(lines) / best * 1000.0, 0, 'f', 0)
               .arg(double(text.toUtf8().size()) / 1e6 / best * 1000.0, 0, 'f', 2);
}

void codeView(QTextStream &out, const QString &name, const QString &text)
{
    Ui::CodeView view;
    view.resize(1000, 700);
    view.show();
    (void)QTest::qWaitForWindowExposed(&view);
    qint64 longestTurn = 0;
    QElapsedTimer turn;
    QTimer beat;
    beat.setInterval(0);
    QObject::connect(&beat, &QTimer::timeout, [&] { longestTurn = std::max(longestTurn, turn.restart()); });
    QElapsedTimer clock;
    clock.start();
    view.showCode(text, Highlight::languageOf(name));
    const double shownMs = double(clock.nsecsElapsed()) / 1e6;
    turn.start();
    beat.start();
    QEventLoop loop;
    QObject::connect(&view, &Ui::CodeView::highlightingFinished, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    if (view.isHighlighting()) {
        loop.exec();
    }
    const double colouredMs = double(clock.nsecsElapsed()) / 1e6;
    beat.stop();
    out << QString(
               u"  %1  shown in %2 ms; every line's colours after %3 ms; longest GUI turn meanwhile %4 ms\n"_s)
               .arg(name, -8)
               .arg(shownMs, 0, 'f', 1)
               .arg(colouredMs, 0, 'f', 0)
               .arg(longestTurn);
}

void cards(QTextStream &out, const QUrl &api)
{
    QTemporaryDir home;
    Cache::EtagCache cache(home.filePath(u"cache.sqlite"_s));
    cache.open();
    QNetworkAccessManager network;
    GitHub::Client client(&network, &cache, api);
    client.setToken(FakeGitHub::Tokens::Prolific);
    for (const bool warm : {false, true}) {
        Ui::ListPane pane;
        pane.resize(1024, 768);
        pane.show();
        (void)QTest::qWaitForWindowExposed(&pane);
        QElapsedTimer clock;
        clock.start();
        pane.load(&client, Models::ListKind::Gists, client.endpoint(u"/users/prolific/gists"_s));
        (void)QTest::qWaitFor([&] { return pane.sourceModel() && pane.sourceModel()->rowCount() > 0; },
                              60000);
        pane.setShowsCards(true);
        Ui::GistCardsView *cards = pane.cardsView();
        cards->viewport()->repaint();
        const double firstCardMs = double(clock.nsecsElapsed()) / 1e6;
        (void)QTest::qWaitFor([&] { return pane.isComplete(); }, 60000);
        (void)QTest::qWaitFor(
            [&] {
                return pane.gistPreviews()->pendingCount() == 0 && !cards->visibleIds().isEmpty() &&
                       pane.gistPreviews()->preview(cards->visibleIds().first());
            },
            30000);
        const double previewsMs = double(clock.nsecsElapsed()) / 1e6;
        const int visibleAtOnce = int(cards->visibleIds().size());
        QSet<QString> seen;
        std::vector<double> frames;
        QScrollBar *bar = cards->verticalScrollBar();
        bar->setValue(0);
        while (bar->value() < bar->maximum()) {
            bar->setValue(bar->value() + 40);
            QElapsedTimer frame;
            frame.start();
            cards->viewport()->repaint();
            frames.push_back(double(frame.nsecsElapsed()) / 1e6);
            for (const QString &id : cards->visibleIds()) {
                seen.insert(id);
            }
            QCoreApplication::processEvents(); // previews of the cards where the scrolling pauses
        }
        QTest::qWait(300);
        out << QString(u"  %1  %2 gists: first card painted %3 ms, previews on screen %4 ms; scroll frames "
                       u"(%5): p50 %6 ms, p99 %7 ms, max %8 ms; %9 cards on screen, %10 seen\n"_s)
                   .arg(warm ? u"warm"_s : u"cold"_s)
                   .arg(cards->model()->rowCount())
                   .arg(firstCardMs, 0, 'f', 0)
                   .arg(previewsMs, 0, 'f', 0)
                   .arg(frames.size())
                   .arg(percentile(frames, 0.5), 0, 'f', 2)
                   .arg(percentile(frames, 0.99), 0, 'f', 2)
                   .arg(percentile(frames, 1.0), 0, 'f', 2)
                   .arg(visibleAtOnce)
                   .arg(seen.size());
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    FakeGitHubProcess::addOptions(parser);
    parser.process(app);
    QTextStream out(stdout);

    out << "bench_gists: highlighting (GNU Source-highlight, best of 3)\n";
    const QString python = megabyteOf(PythonPiece);
    const QString cpp = megabyteOf(CppPiece);
    highlightThroughput(out, u"big.py"_s, python);
    highlightThroughput(out, u"big.cpp"_s, cpp);
    out.flush();

    out << "bench_gists: the code view with a megabyte\n";
    codeView(out, u"big.py"_s, python);
    codeView(out, u"big.cpp"_s, cpp);
    out.flush();

    FakeGitHubProcess fake;
    if (!fake.start(parser, 60)) {
        out << "bench_gists: fakegithub did not start\n";
        return 1;
    }
    out << "bench_gists: 300 gists as cards, fakegithub --latency-ms " << FakeGitHubProcess::latency(parser)
        << "\n";
    out.flush();
    cards(out, fake.apiUrl());
    return 0;
}
