// Languages detected from gist file names (and GitHub's `language`), and their keywords coloured by
// GNU Source-highlight, line after line with multi-line constructs carried over.

#include "highlight/language.h"
#include "highlight/linehighlighter.h"

#include <QFuture>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace Hubshelf::Highlight;

namespace {

// The element of the span that covers `token`'s first occurrence in `line`, if any.
std::optional<Element> elementAt(const QString &line, const LineSpans &spans, const QString &token)
{
    const qsizetype at = line.indexOf(token);
    if (at < 0) {
        return std::nullopt;
    }
    for (const Span &span : spans) {
        if (span.start <= at && at + token.size() <= span.start + span.length) {
            return span.element;
        }
    }
    return std::nullopt;
}

QString bigPython()
{
    QString text;
    text.reserve(1100 * 1024);
    int function = 0;
    while (text.size() < 1024 * 1024) {
        text += u"def function_%1(argument, other=None):\n"
                u"    \"\"\"Returns the argument, or %1 when there is none.\"\"\"\n"
                u"    if argument is None:  # nothing given\n"
                u"        return %1\n"
                u"    return [item * 2 for item in range(argument) if item %% 3]\n\n"_s.arg(function++);
    }
    return text;
}

} // namespace

class TestHighlight final : public QObject
{
    Q_OBJECT

private slots:
    void fileNames_detectTheirLanguageAndColourAKeyword_data();
    void fileNames_detectTheirLanguageAndColourAKeyword();
    void githubsLanguage_winsOverTheExtension();
    void multiLineComment_carriesOverToTheNextLines();
    void offsets_areUtf16EvenAfterNonAsciiText();
    void aMegabyteFile_isHighlightedLineByLine();
    void twoThreads_highlightAlike();
};

void TestHighlight::fileNames_detectTheirLanguageAndColourAKeyword_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("element"); // -1: the line has no colour at all
    const int keyword = int(Element::Keyword);
    QTest::newRow("Python") << u"example.py"_s << u"Python"_s << u"def greet(name):  # hi"_s << u"def"_s
                            << keyword;
    QTest::newRow("C++") << u"example.cpp"_s << u"C++"_s << u"int main() { return 0; }"_s << u"return"_s
                         << keyword;
    QTest::newRow("Ruby") << u"example.rb"_s << u"Ruby"_s << u"def greet; puts 'x'; end"_s << u"def"_s
                          << keyword;
    QTest::newRow("JavaScript") << u"example.js"_s << u"JavaScript"_s << u"function f() { return 1; }"_s
                                << u"function"_s << keyword;
    QTest::newRow("Go") << u"main.go"_s << u"Go"_s << u"func main() { }"_s << u"func"_s << keyword;
    QTest::newRow("Rust") << u"lib.rs"_s << u"Rust"_s << u"fn main() { let x = 1; }"_s << u"fn"_s << keyword;
    QTest::newRow("shell") << u"script.sh"_s << u"Shell"_s << u"if [ -f x ]; then echo y; fi"_s << u"if"_s
                           << keyword;
    QTest::newRow("JSON") << u"data.json"_s << u"JSON"_s << u"{\"on\": true, \"n\": 1}"_s << u"true"_s
                          << keyword;
    QTest::newRow("YAML") << u"config.yaml"_s << u"YAML"_s << u"enabled: true"_s << u"true"_s << keyword;
    QTest::newRow("Markdown source") << u"README.md"_s << u"Markdown"_s << u"# Heading"_s << u"Heading"_s
                                     << keyword;
    QTest::newRow("Makefile") << u"Makefile"_s << u"Makefile"_s << u"all: build # the default"_s
                              << u"default"_s << int(Element::Comment);
    QTest::newRow("plain text") << u"notes.txt"_s << u"Text"_s << u"if def return"_s << u"if"_s << -1;
    QTest::newRow("unknown extension")
        << u"file.unknownext"_s << QString() << u"if def return"_s << u"if"_s << -1;
}

void TestHighlight::fileNames_detectTheirLanguageAndColourAKeyword()
{
    QFETCH(QString, fileName);
    QFETCH(QString, language);
    QFETCH(QString, code);
    QFETCH(QString, token);
    QFETCH(int, element);
    const Language detected = languageOf(fileName);
    QCOMPARE(detected.name, language);
    LineHighlighter highlighter(detected);
    QVERIFY2(highlighter.error().isEmpty(), qPrintable(highlighter.error()));
    const LineSpans spans = highlighter.next(code);
    if (element < 0) {
        QVERIFY(!highlighter.isValid());
        QVERIFY(spans.isEmpty());
        return;
    }
    QVERIFY(highlighter.isValid());
    QCOMPARE(elementAt(code, spans, token), std::optional<Element>(Element(element)));
}

void TestHighlight::githubsLanguage_winsOverTheExtension()
{
    QCOMPARE(languageOf(u"setup.cfg"_s, u"Python"_s).name, u"Python"_s);
    QCOMPARE(languageOf(u"setup.cfg"_s, u"Python"_s).definition, u"python.lang"_s);
    QCOMPARE(languageOf(u"x.h"_s).name, u"C"_s);
    QCOMPARE(languageOf(u"x.h"_s, u"C++"_s).name, u"C++"_s);
    // Source-highlight knows what the table does not: its own definition, under GitHub's name.
    QCOMPARE(languageOf(u"grammar.y"_s).definition, u"bison.lang"_s);
    QCOMPARE(languageOf(u"grammar.y"_s, u"Yacc"_s).name, u"Yacc"_s);
}

void TestHighlight::multiLineComment_carriesOverToTheNextLines()
{
    LineHighlighter highlighter(languageOf(u"x.c"_s));
    const QStringList lines = {u"int a = 1; /* starts here"_s, u"   return inside the comment"_s,
                               u"   ends */ return 2;"_s};
    const LineSpans first = highlighter.next(lines.at(0));
    const LineSpans second = highlighter.next(lines.at(1));
    const LineSpans third = highlighter.next(lines.at(2));
    QCOMPARE(elementAt(lines.at(0), first, u"starts"_s), std::optional<Element>(Element::Comment));
    QCOMPARE(elementAt(lines.at(1), second, u"return"_s), std::optional<Element>(Element::Comment));
    QCOMPARE(elementAt(lines.at(2), third, u"ends"_s), std::optional<Element>(Element::Comment));
    QCOMPARE(elementAt(u" */ return 2;"_s, third.mid(1), u"return"_s), std::nullopt); // shifted: not found
    const qsizetype at = lines.at(2).lastIndexOf(u"return"_s);
    bool keyword = false;
    for (const Span &span : third) {
        keyword = keyword || (span.start == at && span.element == Element::Keyword);
    }
    QVERIFY(keyword);
    highlighter.restart(); // a new text starts outside any comment
    const QString fresh = u"   return inside the comment"_s;
    QCOMPARE(elementAt(fresh, highlighter.next(fresh), u"return"_s),
             std::optional<Element>(Element::Keyword));
}

void TestHighlight::offsets_areUtf16EvenAfterNonAsciiText()
{
    LineHighlighter highlighter(languageOf(u"x.py"_s));
    const QString line = u"s = 'é😀'; def f(): pass"_s;
    const LineSpans spans = highlighter.next(line);
    QCOMPARE(elementAt(line, spans, u"def"_s), std::optional<Element>(Element::Keyword));
    QCOMPARE(elementAt(line, spans, u"'é😀'"_s), std::optional<Element>(Element::String));
    const QString tooLong = u"def "_s + QString(LineHighlighter::MaxLineLength, u'x');
    QVERIFY(highlighter.next(tooLong).isEmpty());
    QCOMPARE(elementAt(u"def g(): pass"_s, highlighter.next(u"def g(): pass"_s), u"def"_s),
             std::optional<Element>(Element::Keyword));
}

void TestHighlight::aMegabyteFile_isHighlightedLineByLine()
{
    const QString text = bigPython();
    const int lineCount = int(text.count(u'\n')) + 1;
    const QList<LineSpans> lines = highlightLines(text, languageOf(u"big.py"_s), lineCount);
    QCOMPARE(lines.size(), lineCount);
    const QStringList source = text.split(u'\n');
    const int last = int(source.size()) - 7; // the last function's first line
    QVERIFY(source.at(last).startsWith(u"def "_s));
    QCOMPARE(elementAt(source.at(last), lines.at(last), u"def"_s), std::optional<Element>(Element::Keyword));
    QCOMPARE(elementAt(source.at(last + 2), lines.at(last + 2), u"# nothing"_s),
             std::optional<Element>(Element::Comment));
}

void TestHighlight::twoThreads_highlightAlike()
{
    const QString text = bigPython().left(200 * 1024);
    const Language python = languageOf(u"big.py"_s);
    const auto run = [text, python] { return highlightLines(text, python, 1 << 30); };
    QFuture<QList<LineSpans>> one = QtConcurrent::run(run);
    QFuture<QList<LineSpans>> two = QtConcurrent::run(run);
    QCOMPARE(one.result(), two.result());
    QCOMPARE(one.result(), run());
}

QTEST_GUILESS_MAIN(TestHighlight)
#include "test_highlight.moc"
