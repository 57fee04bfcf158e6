// GitHub::MemberSelection: a page keeps the selected members of its items, as QJsonDocument would
// read them from the whole body, and anything that is not a whole JSON array is left to the whole
// parse (parseJsonBody), which says what is wrong with it.

#include "github/memberselection.h"
#include "github/request.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Hubshelf::GitHub;

class TestMemberSelection final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_keepsOnlyTheSelectedMembersAsTheWholeParseReadsThem();
    void parse_leavesWhatIsNotAWholeArrayToTheWholeParse_data();
    void parse_leavesWhatIsNotAWholeArrayToTheWholeParse();
    void parseJsonBody_rejectsRawControlBytesWithOrWithoutASelection();
    void empty_selectsNothingAndParseJsonBodyReadsEverything();
};

void TestMemberSelection::parse_keepsOnlyTheSelectedMembersAsTheWholeParseReadsThem()
{
    const QByteArray body = R"([
        {"number": 1347, "title": "Tab\t\"quoted\" \u00e9\ud83d\ude00 \\ end", "state": "closed",
         "merged_at": null, "draft": false, "big": 12345678901234567890, "ratio": 1.5e3, "neg": -7,
         "user": {"login": "octocat", "id": 1, "site_admin": false},
         "labels": [{"name": "bug", "color": "f29513"}, {"name": "ui", "color": "000000"}],
         "files": {"a.py": {"filename": "a.py", "language": "Python", "size": 10},
                   "b": {"language": null, "content": "x"}},
         "body": "not selected", "head": {"label": "octocat:new", "repo": {"id": 3}}},
        {"number": 2, "user": "not an object", "labels": "none"},
        "not an object",
        {}
    ])";
    const MemberSelection selection({u"number"_s, u"title"_s, u"state"_s, u"merged_at"_s, u"draft"_s,
                                     u"big"_s, u"ratio"_s, u"neg"_s, u"user.login"_s, u"labels.name"_s,
                                     u"files.*.filename"_s, u"files.*.language"_s, u"head.label"_s});
    const std::optional<QJsonDocument> selected = selection.parse(body);
    QVERIFY(selected);
    const QJsonArray whole = QJsonDocument::fromJson(body).array();
    const QJsonArray items = selected->array();
    QCOMPARE(items.size(), 4);

    const QJsonObject first = items.at(0).toObject();
    const QJsonObject wholeFirst = whole.at(0).toObject();
    QCOMPARE(first.keys(),
             QStringList({u"big"_s, u"draft"_s, u"files"_s, u"head"_s, u"labels"_s, u"merged_at"_s, u"neg"_s,
                          u"number"_s, u"ratio"_s, u"state"_s, u"title"_s, u"user"_s}));
    for (const QString &same :
         {u"number"_s, u"title"_s, u"state"_s, u"merged_at"_s, u"draft"_s, u"big"_s, u"ratio"_s, u"neg"_s}) {
        QCOMPARE(first.value(same), wholeFirst.value(same));
    }
    QCOMPARE(first.value(u"title"_s).toString(), u"Tab\t\"quoted\" \u00e9\U0001F600 \\ end"_s);
    QCOMPARE(first.value(u"user"_s).toObject(), QJsonObject({{u"login"_s, u"octocat"_s}}));
    QCOMPARE(first.value(u"head"_s).toObject(), QJsonObject({{u"label"_s, u"octocat:new"_s}}));
    QCOMPARE(first.value(u"labels"_s).toArray(),
             QJsonArray({QJsonObject({{u"name"_s, u"bug"_s}}), QJsonObject({{u"name"_s, u"ui"_s}})}));
    // Every file is still there, with only what was asked of it.
    const QJsonObject files = first.value(u"files"_s).toObject();
    QCOMPARE(files.keys(), QStringList({u"a.py"_s, u"b"_s}));
    QCOMPARE(files.value(u"a.py"_s).toObject(),
             QJsonObject({{u"filename"_s, u"a.py"_s}, {u"language"_s, u"Python"_s}}));
    QCOMPARE(files.value(u"b"_s).toObject(), QJsonObject({{u"language"_s, QJsonValue::Null}}));

    // A member of another type than the path expects stays as it is, for its reader to judge.
    QCOMPARE(items.at(1).toObject(), whole.at(1).toObject());
    QCOMPARE(items.at(2), whole.at(2));
    QCOMPARE(items.at(3).toObject(), QJsonObject());
}

void TestMemberSelection::parse_leavesWhatIsNotAWholeArrayToTheWholeParse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("an object") << QByteArray(R"({"total_count": 1, "items": [{"id": 1}]})");
    QTest::newRow("cut short") << QByteArray(R"([{"id": 1}, {"id": 2, "title": "hal)");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not JSON") << QByteArray("<html>rate limited</html>");
    QTest::newRow("invalid UTF-8") << QByteArray("[{\"title\": \"\xff\xfe\"}]");
    QTest::newRow("trailing garbage") << QByteArray(R"([{"id": 1}] x)");
    QTest::newRow("too deep") << QByteArray(2000, '[') + QByteArray(2000, ']');
}

void TestMemberSelection::parse_leavesWhatIsNotAWholeArrayToTheWholeParse()
{
    QFETCH(QByteArray, body);
    const MemberSelection selection({u"id"_s});
    QVERIFY(!selection.parse(body));
    // parseJsonBody then gives the whole parse's answer, as without a selection.
    QCOMPARE(parseJsonBody(body, selection).has_value(), parseJsonBody(body).has_value());
}

void TestMemberSelection::parseJsonBody_rejectsRawControlBytesWithOrWithoutASelection()
{
    const QByteArray body("[{\"id\": 1, \"title\": \"a\x01z\"}]");
    QVERIFY(!parseJsonBody(body));
    QVERIFY(!parseJsonBody(body, MemberSelection({u"id"_s})));
    QVERIFY(parseJsonBody("[\t{\"id\": 1}\r\n]", MemberSelection({u"id"_s})));
}

void TestMemberSelection::empty_selectsNothingAndParseJsonBodyReadsEverything()
{
    const QByteArray body(R"([{"id": 1, "title": "t"}])");
    QVERIFY(MemberSelection().isEmpty());
    QVERIFY(!MemberSelection().parse(body));
    QVERIFY(MemberSelection(QStringList()).isEmpty());
    const std::optional<QJsonDocument> whole = parseJsonBody(body, MemberSelection());
    QVERIFY(whole);
    QCOMPARE(whole->array().at(0).toObject().keys(), QStringList({u"id"_s, u"title"_s}));
}

QTEST_GUILESS_MAIN(TestMemberSelection)
#include "test_memberselection.moc"
