// The code view: a file's colours come from a thread of their own and go on the lines on screen;
// line numbers, wrapping, plain-text copies, light and dark.

#include "darkpalette.h"
#include "highlight/language.h"
#include "ui/codeview.h"
#include "ui/gistview.h"
#include "ui/syntaxcolours.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QMimeData>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTimer>

using namespace Qt::StringLiterals;
using Hubshelf::Highlight::Element;
using Hubshelf::Ui::CodeView;

namespace {

const QString Python = u"import os\n"
                       u"\n"
                       u"def greet(name):\n"
                       u"    \"\"\"Says hello.\"\"\"\n"
                       u"    return f'hello {name}'  # to the point\n"_s;

// The foreground of the format that covers `column` of `line`, as drawn.
QColor colourAt(const CodeView &view, int line, int column)
{
    for (const QTextLayout::FormatRange &range : view.formatsOfLine(line)) {
        if (range.start <= column && column < range.start + range.length) {
            return range.format.foreground().color();
        }
    }
    return {};
}

// Shown 600×400 with Python above, every line's colours known.
bool showPython(CodeView &view)
{
    view.resize(600, 400);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view)) {
        return false;
    }
    QSignalSpy finished(&view, &CodeView::highlightingFinished);
    view.showCode(Python, Hubshelf::Highlight::languageOf(u"hello.py"_s));
    return finished.wait(10000);
}

QString bigPython()
{
    QString text;
    for (int function = 0; text.size() < 1024 * 1024; ++function) {
        text += u"def function_%1(argument):\n    return argument * %1  # twice\n\n"_s.arg(function);
    }
    return text;
}

} // namespace

class TestCodeView final : public QObject
{
    Q_OBJECT

private slots:
    void python_keywordsTakeTheKeywordColour();
    void copy_givesPlainText();
    void wrapAndGutter();
    void darkPalette_recolours();
    void unknownLanguage_staysPlain();
    void aMegabyte_showsAtOnceAndColoursOnlyWhatIsOnScreen();
    void screenshot_aPythonGist();
};

void TestCodeView::python_keywordsTakeTheKeywordColour()
{
    CodeView view;
    QVERIFY(showPython(view));
    QTRY_COMPARE(colourAt(view, 2, 0), Hubshelf::Ui::syntaxColour(Element::Keyword, view.palette()));
    QCOMPARE(colourAt(view, 0, 0), Hubshelf::Ui::syntaxColour(Element::Keyword, view.palette())); // import
    const int comment = int(Python.split(u'\n').at(4).indexOf(u'#'));
    QCOMPARE(colourAt(view, 4, comment), Hubshelf::Ui::syntaxColour(Element::Comment, view.palette()));
    QCOMPARE(colourAt(view, 2, 4), Hubshelf::Ui::syntaxColour(Element::Function, view.palette())); // greet
    QCOMPARE(colourAt(view, 2, 10), QColor()); // "name": in the text colour
    QCOMPARE(view.highlightedLines(), view.blockCount());
}

void TestCodeView::copy_givesPlainText()
{
    CodeView view;
    QVERIFY(showPython(view));
    view.selectAll();
    view.copy();
    const QMimeData *copied = QApplication::clipboard()->mimeData();
    QVERIFY(copied);
    QCOMPARE(copied->text(), Python);
    QVERIFY(!copied->html().contains(Hubshelf::Ui::syntaxColour(Element::Keyword, view.palette()).name()));
}

void TestCodeView::wrapAndGutter()
{
    CodeView view;
    view.resize(300, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showCode(u"x = 1\n"_s.repeated(1200) + u"y = '"_s + QString(400, u'a') + u"'\n"_s,
                  Hubshelf::Highlight::languageOf(u"long.py"_s));
    QVERIFY(!view.isWrapped());
    // The long line is in the second chunk the view fills.
    QTRY_VERIFY(view.horizontalScrollBar()->maximum() > 0);
    view.setWrapped(true);
    QVERIFY(view.isWrapped());
    QTRY_COMPARE(view.horizontalScrollBar()->maximum(), 0);
    // Four digits of line numbers, in the code's font, beside the text.
    QVERIFY(view.gutterWidth() >= view.fontMetrics().horizontalAdvance(u"1202"_s));
    auto *gutter = view.findChild<QWidget *>(u"codeGutter"_s);
    QVERIFY(gutter && gutter->isVisible());
    QCOMPARE(gutter->width(), view.gutterWidth());
    QCOMPARE(view.viewport()->geometry().left(), view.contentsRect().left() + view.gutterWidth());
}

void TestCodeView::darkPalette_recolours()
{
    CodeView view;
    QVERIFY(showPython(view));
    const QColor light = Hubshelf::Ui::syntaxColour(Element::Keyword, view.palette());
    QTRY_COMPARE(colourAt(view, 2, 0), light);
    view.setPalette(darkPalette());
    const QColor dark = Hubshelf::Ui::syntaxColour(Element::Keyword, view.palette());
    QVERIFY(dark != light);
    QTRY_COMPARE(colourAt(view, 2, 0), dark);
}

void TestCodeView::unknownLanguage_staysPlain()
{
    CodeView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showCode(u"def return if\n"_s, Hubshelf::Highlight::languageOf(u"notes.unknownext"_s));
    QVERIFY(!view.isHighlighting());
    QTest::qWait(50);
    QVERIFY(view.formatsOfLine(0).isEmpty());
    QCOMPARE(view.toPlainText(), u"def return if\n"_s);
    QCOMPARE(view.code(), u"def return if\n"_s);
}

// The first screen shows at once; the rest of the text and the colours come a chunk at a time,
// and only lines that were on screen get colours. The longest turn of the event loop meanwhile is
// printed (bench_gists measures it in a release build).
void TestCodeView::aMegabyte_showsAtOnceAndColoursOnlyWhatIsOnScreen()
{
    CodeView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QString text = bigPython();
    QSignalSpy finished(&view, &CodeView::highlightingFinished);
    QSignalSpy filled(&view, &CodeView::filled);
    qint64 longestTurn = 0;
    QElapsedTimer turn;
    QTimer beat;
    beat.setInterval(0);
    connect(&beat, &QTimer::timeout, this, [&] { longestTurn = std::max(longestTurn, turn.restart()); });
    QElapsedTimer shown;
    shown.start();
    view.showCode(text, Hubshelf::Highlight::languageOf(u"big.py"_s));
    const qint64 showMs = shown.elapsed();
    turn.start();
    beat.start();
    QVERIFY(view.isFilling());
    QVERIFY(view.blockCount() < view.lineCount());
    QCOMPARE(view.code(), text);
    QVERIFY(view.isHighlighting());
    QVERIFY(finished.wait(120000));
    QTRY_COMPARE_WITH_TIMEOUT(filled.count(), 1, 60000);
    beat.stop();
    qInfo("1 MB (%d lines): first screen in %lld ms; longest turn while filling and colouring %lld ms",
          view.lineCount(), showMs, longestTurn);
    QCOMPARE(view.blockCount(), view.lineCount());
    QCOMPARE(view.toPlainText(), text);
    QCOMPARE(view.highlightedLines(), view.lineCount());
    QTRY_VERIFY(!view.formatsOfLine(0).isEmpty());
    QCOMPARE(view.verticalScrollBar()->value(), 0); // filling never moved the view
    const int last = view.blockCount() - 4;         // the last function's "def"
    QVERIFY(view.document()->findBlockByNumber(last).text().startsWith(u"def "_s));
    QVERIFY(view.formatsOfLine(last).isEmpty()); // never on screen: not coloured
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
    QTRY_COMPARE(colourAt(view, last, 0), Hubshelf::Ui::syntaxColour(Element::Keyword, view.palette()));
}

// A gist's Python file in the gist view, light and dark.
void TestCodeView::screenshot_aPythonGist()
{
    const QString dir = qEnvironmentVariable("HUBSHELF_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("HUBSHELF_SCREENSHOT_DIR is not set: no screenshot to save");
    }
    QVERIFY(QDir().mkpath(dir));
    const QString code =
        u"import functools\nimport time\n\n\n"
        u"def retry(times=3, delay=0.5, exceptions=(ConnectionError, TimeoutError)):\n"
        u"    \"\"\"Calls the function again when it raises one of `exceptions`.\"\"\"\n"
        u"    def decorate(function):\n"
        u"        @functools.wraps(function)\n"
        u"        def wrapper(*args, **kwargs):\n"
        u"            for attempt in range(1, times + 1):\n"
        u"                try:\n"
        u"                    return function(*args, **kwargs)\n"
        u"                except exceptions as error:  # the last one is raised again\n"
        u"                    if attempt == times:\n"
        u"                        raise\n"
        u"                    print(f'attempt {attempt} failed: {error}; again in {delay:.1f} s')\n"
        u"                    time.sleep(delay * 2 ** (attempt - 1))\n"
        u"        return wrapper\n"
        u"    return decorate\n\n\n"
        u"@retry(times=5)\n"
        u"def fetch(url):\n"
        u"    return 42\n"_s;
    const QJsonObject file{{u"filename"_s, u"retry.py"_s},
                           {u"language"_s, u"Python"_s},
                           {u"size"_s, code.size()},
                           {u"raw_url"_s, u"https://gist.githubusercontent.com/octocat/1/raw/retry.py"_s},
                           {u"content"_s, code}};
    const QJsonObject gist{{u"id"_s, u"aa5a315d61ae9438b18d"_s},
                           {u"description"_s, u"Retry with exponential backoff, as a decorator"_s},
                           {u"public"_s, true},
                           {u"html_url"_s, u"https://gist.github.com/aa5a315d61ae9438b18d"_s},
                           {u"created_at"_s, u"2026-11-02T10:00:00Z"_s},
                           {u"updated_at"_s, u"2026-12-01T16:20:00Z"_s},
                           {u"owner"_s, QJsonObject{{u"login"_s, u"octocat"_s}}},
                           {u"files"_s, QJsonObject{{u"retry.py"_s, file}}}};
    Hubshelf::Ui::GistView view;
    view.resize(760, 560);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy finished(view.codeView(), &CodeView::highlightingFinished);
    view.showGist(gist);
    QVERIFY(finished.wait(10000));
    QTRY_VERIFY(!view.codeView()->formatsOfLine(4).isEmpty());
    QVERIFY(view.grab().save(dir + u"/gist-python-highlighted.png"_s));
    view.setPalette(darkPalette());
    QTRY_COMPARE(colourAt(*view.codeView(), 4, 0),
                 Hubshelf::Ui::syntaxColour(Element::Keyword, view.codeView()->palette()));
    QVERIFY(view.grab().save(dir + u"/gist-python-highlighted-dark.png"_s));
}

QTEST_MAIN(TestCodeView)
#include "test_codeview.moc"
