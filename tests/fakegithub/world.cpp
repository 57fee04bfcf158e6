#include "world.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

// The examples are compiled into this static library; its resources must be registered by hand.
static void initResources()
{
    Q_INIT_RESOURCE(fakegithub);
}

namespace FakeGitHub {

namespace {

constexpr quint64 Seed = 0x4875627368656c66; // "Hubshelf"

// splitmix64: a small generator whose output is fixed by its definition, unlike std's distributions.
class Random
{
public:
    Random(quint64 stream, quint64 index)
        : m_state(Seed ^ (stream * 0x9E3779B97F4A7C15ULL) ^ (index * 0xBF58476D1CE4E5B9ULL))
    {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int bound) { return int(next() % quint64(bound)); }
    bool chance(int percent) { return below(100) < percent; }
    template <typename T>
    const T &pick(const QList<T> &items)
    {
        return items.at(below(int(items.size())));
    }

private:
    quint64 m_state;
};

enum Stream : quint64 {
    PeopleStream = 1,
    RepositoryStream,
    PullStream,
    GistStream,
    InsightsPeopleStream,
    InsightsRepositoryStream,
    HistoryStream,
    CommitStream,
    LanguageStream,
    GistHistoryStream,
    ForkStream
};

// GitHub's statistics count weeks from Sunday 00:00 UTC; 1970-01-04 is the first Sunday of the epoch.
constexpr qint64 FirstSunday = 3 * 86400;
constexpr qint64 WeekSeconds = 7 * 86400;

qint64 weekStart(int week)
{
    return FirstSunday + week * WeekSeconds;
}

int weekOf(qint64 secondsSinceEpoch)
{
    return int((secondsSinceEpoch - FirstSunday) / WeekSeconds);
}

QString isoTime(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC).toString(Qt::ISODate);
}

qint64 fromIso(const QString &time)
{
    return QDateTime::fromString(time, Qt::ISODate).toSecsSinceEpoch();
}

QString legacyNodeId(const QString &type, qint64 id)
{
    const QString plain = u'0' + QString::number(type.size()) + u':' + type + QString::number(id);
    return QString::fromLatin1(plain.toLatin1().toBase64());
}

QString avatarUrl(qint64 id)
{
    return u"https://avatars.githubusercontent.com/u/"_s + QString::number(id) + u"?v=4"_s;
}

QString hexDigest(const QString &text, QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha1)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), algorithm).toHex());
}

using Replacements = QList<QPair<QString, QString>>;

// Turns an example object into a template: the example's own names become {{placeholders}}.
QJsonValue withReplacements(const QJsonValue &value, const Replacements &replacements)
{
    if (value.isString()) {
        QString text = value.toString();
        for (const auto &[from, to] : replacements) {
            text.replace(from, to);
        }
        return text;
    }
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray()) {
            array.append(withReplacements(item, replacements));
        }
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            it.value() = withReplacements(it.value(), replacements);
        }
        return object;
    }
    return value;
}

QJsonObject prepared(const QJsonObject &object, const Replacements &replacements)
{
    return withReplacements(object, replacements).toObject();
}

// Fills the {{placeholders}} of one rendered object. Values are names and numbers, safe inside JSON strings.
QByteArray filled(const QJsonObject &object, std::initializer_list<std::pair<const char *, QString>> values)
{
    QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    for (const auto &[key, value] : values) {
        json.replace(QByteArray(QByteArray("{{") + key + "}}"), value.toUtf8());
    }
    return json;
}

QJsonObject filledObject(const QJsonObject &object,
                         std::initializer_list<std::pair<const char *, QString>> values)
{
    return QJsonDocument::fromJson(filled(object, values)).object();
}

// A string as a JSON value, for bodies written by hand where QJsonObject would sort the keys.
QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString languageOf(const QString &filename)
{
    static const QList<QPair<QString, QString>> byExtension = {
        {u".md"_s, u"Markdown"_s}, {u".py"_s, u"Python"_s},    {u".rb"_s, u"Ruby"_s},  {u".cpp"_s, u"C++"_s},
        {u".json"_s, u"JSON"_s},   {u".csv"_s, u"CSV"_s},      {u".sh"_s, u"Shell"_s}, {u".go"_s, u"Go"_s},
        {u".rs"_s, u"Rust"_s},     {u".ts"_s, u"TypeScript"_s}};
    for (const auto &[extension, language] : byExtension) {
        if (filename.endsWith(extension)) {
            return language;
        }
    }
    return {};
}

// A few lines of what such a file holds: code in its language, so that highlighting has keywords.
QString sampleContentOf(const QString &filename, int number)
{
    const QString n = QString::number(number);
    if (filename.endsWith(u".py"_s)) {
        return u"def greet_%1(name):\n    \"\"\"Says hello to name.\"\"\"\n    if not name:\n"
               u"        return None  # nobody there\n    return f'hello {name}'\n"_s.arg(n);
    }
    if (filename.endsWith(u".cpp"_s)) {
        return u"#include <iostream>\n\nint main()\n{\n    std::cout << \"gist %1\\n\"; // hello\n"
               u"    return 0;\n}\n"_s.arg(n);
    }
    if (filename.endsWith(u".sh"_s)) {
        return u"#!/bin/sh\n# gist %1\nif [ -n \"$1\" ]; then\n    echo \"hello $1\"\nfi\n"_s.arg(n);
    }
    if (filename.endsWith(u".json"_s)) {
        return u"{\n  \"gist\": %1,\n  \"public\": true,\n  \"tags\": [\"sample\", null]\n}\n"_s.arg(n);
    }
    if (filename.endsWith(u".md"_s)) {
        return u"# Notes %1\n\nSome *notes* with `code` and a [link](https://example.com).\n\n- one\n- two\n"_s
            .arg(n);
    }
    if (filename.endsWith(u".csv"_s)) {
        return u"name,count\nalpha,%1\nbeta,2\n"_s.arg(n);
    }
    return u"Content of %1, line one.\nLine two.\n"_s.arg(filename);
}

// Lines as an editor counts them: a last line without its '\n' counts too.
int lineCount(const QString &text)
{
    return int(text.count(u'\n')) + (text.isEmpty() || text.endsWith(u'\n') ? 0 : 1);
}

// A gist file's content `cut` lines shorter, keeping at least its first line.
QString contentAt(const QString &content, int cut)
{
    const int keep = std::max(1, lineCount(content) - cut);
    qsizetype end = -1;
    for (int line = 0; line < keep; ++line) {
        end = content.indexOf(u'\n', end + 1);
        if (end < 0) {
            return content;
        }
    }
    return content.left(end + 1);
}

QString mimeTypeOf(const QString &filename)
{
    if (filename.endsWith(u".md"_s)) {
        return u"text/markdown"_s;
    }
    if (filename.endsWith(u".rb"_s)) {
        return u"application/x-ruby"_s;
    }
    if (filename.endsWith(u".json"_s)) {
        return u"application/json"_s;
    }
    if (filename.endsWith(u".py"_s)) {
        return u"application/x-python"_s;
    }
    if (filename.endsWith(u".csv"_s)) {
        return u"text/csv"_s;
    }
    return u"text/plain"_s;
}

const QStringList firstNames = {u"Ada"_s,    u"Grace"_s,     u"Linus"_s,  u"Margaret"_s,
                                u"Dennis"_s, u"Barbara"_s,   u"Ken"_s,    u"Frances"_s,
                                u"Guido"_s,  u"Radia"_s,     u"Bjarne"_s, u"Hedy"_s,
                                u"Alan"_s,   u"Katherine"_s, u"Donald"_s, u"Lynn"_s};
const QStringList lastNames = {u"Lovelace"_s,   u"Hopper"_s,  u"Torvalds"_s,   u"Hamilton"_s,
                               u"Ritchie"_s,    u"Liskov"_s,  u"Thompson"_s,   u"Allen"_s,
                               u"van Rossum"_s, u"Perlman"_s, u"Stroustrup"_s, u"Lamarr"_s,
                               u"Turing"_s,     u"Johnson"_s, u"Knuth"_s,      u"Conway"_s};

} // namespace

World::World(const QString &dataDir)
{
    initResources();
    if (!loadTemplates(dataDir)) {
        return;
    }
    buildPeople();
    buildRepositories();
    buildGists();
    buildInsights();
}

Answer World::error(int status, const QByteArray &message, const QByteArray &documentationUrl)
{
    Answer answer;
    answer.status = status;
    answer.body = QJsonDocument(QJsonObject{{u"message"_s, QString::fromUtf8(message)},
                                            {u"documentation_url"_s, QString::fromUtf8(documentationUrl)},
                                            {u"status"_s, QString::number(status)}})
                      .toJson(QJsonDocument::Compact);
    return answer;
}

bool World::loadTemplates(const QString &dataDir)
{
    const QString folder = dataDir.isEmpty() ? u":/fakegithub"_s : dataDir;
    auto load = [&](const QString &name) -> QJsonObject {
        QFile file(folder + u'/' + name);
        if (!file.open(QIODevice::ReadOnly)) {
            m_error = u"cannot read "_s + file.fileName();
            return {};
        }
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
        if (document.isArray() && !document.array().isEmpty()) {
            return document.array().first().toObject();
        }
        if (!document.isObject()) {
            m_error = file.fileName() + u" is not a JSON object or a non-empty array"_s;
        }
        return document.object();
    };

    const QJsonObject minimalRepo = load(u"repos-list-for-org.json"_s);
    const QJsonObject pull = load(u"pulls-list.json"_s);
    m_templates.fullUser = prepared(load(u"users-get-by-username.json"_s), {{u"octocat"_s, u"{{login}}"_s}});
    m_templates.privateUser =
        prepared(load(u"users-get-authenticated.json"_s), {{u"octocat"_s, u"{{login}}"_s}});
    m_templates.simpleUser =
        prepared(minimalRepo.value(u"owner"_s).toObject(), {{u"octocat"_s, u"{{login}}"_s}});
    m_templates.simpleOrg =
        prepared(load(u"orgs-list-for-user.json"_s), {{u"/orgs/github"_s, u"/orgs/{{login}}"_s}});
    m_templates.fullOrg = prepared(load(u"orgs-get.json"_s), {{u"/orgs/github"_s, u"/orgs/{{login}}"_s}});
    const Replacements repository = {{u"octocat/Hello-World"_s, u"{{repo}}"_s},
                                     {u"octocat"_s, u"{{owner}}"_s}};
    m_templates.minimalRepo = prepared(minimalRepo, repository);
    m_templates.fullRepo = prepared(load(u"repos-get.json"_s), repository);
    m_templates.baseGist =
        prepared(load(u"gists-list-for-user.json"_s),
                 {{u"aa5a315d61ae9438b18d"_s, u"{{gist}}"_s}, {u"octocat"_s, u"{{owner}}"_s}});
    m_templates.fullGist = prepared(load(u"gists-get.json"_s), {{u"2decf6c462d9b4418f2"_s, u"{{gist}}"_s},
                                                                {u"monalisa"_s, u"{{owner}}"_s}});
    QJsonObject simplePull =
        prepared(pull, {{u"octocat/Hello-World"_s, u"{{repo}}"_s}, {u"1347"_s, u"{{number}}"_s}});
    simplePull[u"user"_s] = prepared(pull.value(u"user"_s).toObject(), {{u"octocat"_s, u"{{author}}"_s}});
    for (const QString &side : {u"head"_s, u"base"_s}) {
        simplePull[side] = prepared(simplePull.value(side).toObject(), {{u"octocat"_s, u"{{owner}}"_s}});
    }
    m_templates.simplePull = simplePull;
    m_templates.rateLimit = load(u"rate-limit-get.json"_s);
    return m_error.isEmpty();
}

World::Person &World::addPerson(const QString &login, qint64 id, bool organization)
{
    Person &person = m_people[login.toLower()];
    person.login = login;
    person.id = id;
    person.organization = organization;
    Random random(PeopleStream, quint64(id));
    const qint64 created = fromIso(u"2009-03-01T00:00:00Z"_s) + random.below(10 * 365) * 86400LL;
    person.createdAt = isoTime(created);
    person.updatedAt = isoTime(created + random.below(3000) * 86400LL);
    return person;
}

void World::buildPeople()
{
    for (int i = 1; i <= 300; ++i) {
        const QString login = u"user-%1"_s.arg(i, 4, 10, QLatin1Char('0'));
        Person &user = addPerson(login, 9000000 + i);
        Random random(PeopleStream, quint64(i));
        user.name = random.pick(firstNames) + u' ' + random.pick(lastNames);
        user.bio = random.chance(50) ? u"Writes software, mostly on weekdays."_s : QString();
        user.location = random.chance(50) ? u"Berlin"_s : u"Lisbon"_s;
    }

    Person &octocat = addPerson(Names::Octocat, 1);
    octocat.name = u"monalisa octocat"_s;
    octocat.company = u"GitHub"_s;
    octocat.blog = u"https://github.com/blog"_s;
    octocat.location = u"San Francisco"_s;
    octocat.email = u"octocat@github.com"_s;
    octocat.bio = u"There once was..."_s;
    octocat.createdAt = octocat.updatedAt = u"2008-01-14T04:33:35Z"_s;
    for (int i = 1; i <= OctocatFollowerCount; ++i) {
        octocat.followers.append(u"user-%1"_s.arg(i, 4, 10, QLatin1Char('0')));
    }
    octocat.organizations = {Names::GitHubOrg};

    Person &monalisa = addPerson(Names::Monalisa, 104456405);
    monalisa.name = u"Mona Lisa"_s;
    monalisa.bio = u"The second user of the fake; her token cannot see octocat's private work."_s;
    monalisa.following = {Names::Octocat};
    monalisa.organizations = {Names::GitHubOrg};

    Person &github = addPerson(Names::GitHubOrg, 9919, true);
    github.name = u"GitHub"_s;
    github.description = u"A great organization"_s;
    github.blog = u"https://github.com/blog"_s;
    github.location = u"San Francisco"_s;
    github.members = {Names::Octocat, Names::Monalisa};

    Person &megacorp = addPerson(Names::BigOrganization, 7000001, true);
    megacorp.name = u"Megacorp"_s;
    megacorp.description = u"Every repository, everywhere, all at once"_s;
    for (int i = 1; i <= BigOrganizationMemberCount; ++i) {
        const QString login = u"user-%1"_s.arg(i, 4, 10, QLatin1Char('0'));
        megacorp.members.append(login);
        m_people[login].organizations.append(Names::BigOrganization);
    }

    Person &hyperscale = addPerson(Names::HugeOrganization, 7000002, true);
    hyperscale.name = u"Hyperscale"_s;
    hyperscale.description = u"One repository with a hundred thousand pull requests"_s;

    Person &prolific = addPerson(Names::ProlificUser, 8000001);
    prolific.name = u"Prolific Gister"_s;
    prolific.bio = u"300 gists and counting; some descriptions are traps for CSV writers."_s;
    for (int i = 1; i <= 5; ++i) {
        prolific.followers.append(u"user-%1"_s.arg(i, 4, 10, QLatin1Char('0')));
    }

    Person &nobody = addPerson(Names::EmptyUser, 8000002);
    nobody.name = u"Nobody In Particular"_s;
    nobody.bio = u"Has nothing at all: every list is empty."_s;

    // Followers and following mirror each other, as on GitHub. Visited in sorted order, not QHash
    // order, which changes with the per-process hash seed and would reorder the lists between runs.
    QStringList keys = m_people.keys();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        const Person person = m_people.value(key);
        for (const QString &follower : person.followers) {
            m_people[follower.toLower()].following.append(person.login);
        }
    }
    for (const QString &key : std::as_const(keys)) {
        const Person person = m_people.value(key);
        for (const QString &followed : person.following) {
            Person &target = m_people[followed.toLower()];
            if (!target.followers.contains(person.login)) {
                target.followers.append(person.login);
            }
        }
    }
}

void World::addRepository(Repository repository)
{
    const QString key = repository.fullName().toLower();
    m_people[repository.owner.toLower()].repositories.append(repository.fullName());
    m_repositoryById.insert(repository.id, key);
    m_repositories.insert(key, std::move(repository));
}

void World::buildRepositories()
{
    Repository hello;
    hello.id = 1296269;
    hello.owner = Names::Octocat;
    hello.name = u"Hello-World"_s;
    hello.description = u"This your first repo!"_s;
    hello.language = u"C"_s;
    hello.defaultBranch = u"master"_s;
    hello.stars = 80;
    hello.forks = 9;
    hello.pullCount = 5;
    hello.createdAt = u"2011-01-26T19:01:12Z"_s;
    hello.updatedAt = u"2011-01-26T19:14:43Z"_s;
    hello.pushedAt = u"2011-01-26T19:06:43Z"_s;
    addRepository(hello);
    m_renamed.insert(Names::RenamedRepository.toLower(), Names::HelloWorld);

    Repository spoon = hello;
    spoon.id = 1300192;
    spoon.name = u"Spoon-Knife"_s;
    spoon.description = u"This repo is for demonstration purposes only."_s;
    spoon.language = u"HTML"_s;
    spoon.stars = 12000;
    spoon.forks = 140000;
    spoon.pullCount = 0;
    addRepository(spoon);

    Repository secret = hello;
    secret.id = 1296270;
    secret.name = u"secret-plans"_s;
    secret.description = u"Only octocat's tokens may see this."_s;
    secret.isPrivate = true;
    secret.pullCount = 2;
    addRepository(secret);

    Repository octoRepo = hello;
    octoRepo.id = 1296271;
    octoRepo.owner = Names::Monalisa;
    octoRepo.name = u"octo-repo"_s;
    octoRepo.description = u"Monalisa's playground"_s;
    octoRepo.pullCount = 1;
    addRepository(octoRepo);

    const QStringList languages = {u"C++"_s,  u"Python"_s, u"Go"_s,   u"Rust"_s, u"TypeScript"_s,
                                   u"Java"_s, u"Shell"_s,  QString(), u"C"_s,    u"Kotlin"_s};
    const QStringList descriptions = {u"Service for %1"_s,
                                      u"Tools, scripts, and glue for %1"_s,
                                      u"The \"%1\" library"_s,
                                      u"%1: fast; small; boring"_s,
                                      QString(),
                                      u"Über-%1 — résumé of everything"_s};
    for (const QString &name : {u"docs-example"_s, u"hubshelf-fixtures"_s}) {
        Repository repository;
        repository.id = 1400000 + m_repositories.size();
        repository.owner = Names::GitHubOrg;
        repository.name = name;
        repository.description = u"Example repository of the GitHub organization"_s;
        repository.language = u"Ruby"_s;
        repository.createdAt = u"2015-06-01T10:00:00Z"_s;
        repository.updatedAt = repository.pushedAt = u"2024-02-01T10:00:00Z"_s;
        repository.pullCount = 3;
        addRepository(repository);
    }

    for (int i = 1; i <= BigOrganizationRepoCount; ++i) {
        Random random(RepositoryStream, quint64(i));
        Repository repository;
        repository.id = 50000000 + i;
        repository.owner = Names::BigOrganization;
        repository.name = i == 1 ? u"monorepo"_s : u"project-%1"_s.arg(i, 4, 10, QLatin1Char('0'));
        const QString pattern = random.pick(descriptions);
        repository.description = pattern.isEmpty() ? QString() : pattern.arg(repository.name);
        repository.language = random.pick(languages);
        repository.fork = random.chance(10);
        repository.archived = random.chance(5);
        repository.stars = random.below(5000);
        repository.forks = random.below(500);
        repository.openIssues = random.below(200);
        repository.defaultBranch = random.chance(80) ? u"main"_s : u"master"_s;
        const qint64 created = fromIso(u"2012-01-01T00:00:00Z"_s) + qint64(i) * 40000 + random.below(30000);
        repository.createdAt = isoTime(created);
        repository.pushedAt = isoTime(created + random.below(2000) * 86400LL);
        repository.updatedAt = isoTime(fromIso(repository.pushedAt) + random.below(86400));
        repository.pullCount = i == 1 ? BigRepositoryPullCount : random.below(4);
        addRepository(repository);
    }

    Repository huge = m_repositories.value(Names::BigRepository.toLower());
    huge.id = 60000001;
    huge.owner = Names::HugeOrganization;
    huge.name = Names::HugeRepository.section(u'/', 1);
    huge.description = u"Production-grade container scheduling, at the scale of the real one"_s;
    huge.pullCount = HugeRepositoryPullCount;
    addRepository(huge);
}

void World::buildGists()
{
    QStringList order; // of creation here, for what follows: QHash order changes between runs
    auto addGist = [this, &order](Gist gist) {
        m_people[gist.owner.toLower()].gists.append(gist.id);
        order.append(gist.id);
        m_gists.insert(gist.id, std::move(gist));
    };

    Gist hello;
    hello.id = Names::HelloGist;
    hello.owner = Names::Octocat;
    hello.description = u"Hello World Examples"_s;
    hello.createdAt = u"2010-04-14T02:15:15Z"_s;
    hello.updatedAt = u"2011-06-20T11:34:15Z"_s;
    hello.files.push_back(
        {u"hello_world.rb"_s, u"Ruby"_s, u"application/x-ruby"_s,
         u"class HelloWorld\n  def initialize(name)\n    @name = name.capitalize\n  end\n"
         "  def sayHi\n    puts \"Hello #{@name}!\"\n  end\nend\n\nhello = HelloWorld.new(\"World\")\n"
         "hello.sayHi\n"_s,
         false});
    addGist(hello);

    Gist notes;
    notes.id = Names::MarkdownGist;
    notes.owner = Names::Octocat;
    notes.description = u"Hubshelf notes: Markdown and Python"_s;
    notes.comments = 2;
    notes.createdAt = u"2019-05-02T09:00:00Z"_s;
    notes.updatedAt = u"2023-11-05T17:30:00Z"_s;
    notes.files.push_back({u"README.md"_s, u"Markdown"_s, u"text/markdown"_s,
                           u"# Notes\n\nSome **bold** words, a [link](https://github.com) and a list:\n\n"
                           "- first item\n- second item\n\n## Code\n\n```python\nprint(\"hi\")\n```\n"_s,
                           false});
    notes.files.push_back(
        {u"fizzbuzz.py"_s, u"Python"_s, u"application/x-python"_s,
         u"for i in range(1, 16):\n    print(\"FizzBuzz\" if i % 15 == 0 else \"Fizz\" if i % 3 == 0"
         " else \"Buzz\" if i % 5 == 0 else i)\n"_s,
         false});
    addGist(notes);

    Gist large;
    large.id = Names::TruncatedGist;
    large.owner = Names::Octocat;
    large.description = u"A large log that GitHub truncates"_s;
    large.createdAt = u"2020-01-01T00:00:00Z"_s;
    large.updatedAt = u"2020-01-02T00:00:00Z"_s;
    QString log;
    for (int line = 1; line <= 400; ++line) {
        log += u"2020-01-01T00:00:%1Z INFO line %2 of a very long log\n"_s
                   .arg(line % 60, 2, 10, QLatin1Char('0'))
                   .arg(line);
    }
    large.files.push_back({u"server.log"_s, QString(), u"text/plain"_s, log, true});
    addGist(large);

    Gist mona;
    mona.id = Names::MonalisaGist;
    mona.owner = Names::Monalisa;
    mona.description = u"An updated gist description."_s;
    mona.createdAt = u"2010-04-14T02:15:15Z"_s;
    mona.updatedAt = u"2011-06-20T11:34:15Z"_s;
    mona.files.push_back(
        {u"README.md"_s, u"Markdown"_s, u"text/markdown"_s, u"Hello world from GitHub"_s, false});
    addGist(mona);

    // Descriptions that trip CSV writers and spreadsheets: quoting, line breaks, formulas.
    const QStringList tricky = {u"Notes on topic %1"_s,
                                u"Commas, semicolons; and more, %1"_s,
                                u"She said \"it works\" - gist %1"_s,
                                u"First line %1\nSecond line"_s,
                                u"Ünïcödé façade — 日本語 %1 🚀"_s,
                                u"=SUM(A1:A9) formula %1"_s,
                                u"+49 30 1234 %1"_s,
                                u"-1 is not a number %1"_s,
                                u"@channel ping %1"_s,
                                QString(),
                                u"\tTab-led %1"_s,
                                u"Carriage\r\nreturn %1"_s,
                                u"\rCR-led %1"_s};
    const QStringList extensions = {u".md"_s,  u".py"_s, u".cpp"_s, u".json"_s,
                                    u".csv"_s, u".sh"_s, u".txt"_s};
    for (int i = 1; i <= ProlificGistCount; ++i) {
        Random random(GistStream, quint64(i));
        Gist gist;
        gist.id = hexDigest(u"gist-"_s + QString::number(i), QCryptographicHash::Md5);
        gist.owner = Names::ProlificUser;
        const QString pattern = tricky.at((i - 1) % tricky.size());
        gist.description = pattern.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(pattern.arg(i));
        gist.isPublic = !random.chance(10);
        gist.comments = random.below(20);
        const qint64 created = fromIso(u"2014-01-01T00:00:00Z"_s) + qint64(ProlificGistCount - i) * 250000;
        gist.createdAt = isoTime(created);
        gist.updatedAt = isoTime(created + random.below(100000));
        const int fileCount = 1 + random.below(3);
        for (int f = 0; f < fileCount; ++f) {
            const QString filename = u"file-%1-%2"_s.arg(i).arg(f) + random.pick(extensions);
            gist.files.push_back(
                {filename, languageOf(filename), mimeTypeOf(filename), sampleContentOf(filename, i), false});
        }
        addGist(gist);
    }

    // Forks, made after the sources so that the sources' random streams stay as they were. Octocat's
    // two and the first prolific gists are forked at least once, for the tests; the others maybe.
    const QStringList popular = {Names::HelloGist, Names::MarkdownGist, order.at(4), order.at(5),
                                 order.at(6)};
    std::vector<Gist> forks;
    for (qsizetype s = 0; s < order.size(); ++s) {
        Gist &source = m_gists[order.at(s)];
        Random random(ForkStream, quint64(s));
        const int count = popular.contains(source.id) || random.chance(30) ? 1 + random.below(3) : 0;
        QStringList forkers;
        while (forkers.size() < count) {
            const QString forker = source.id == Names::HelloGist && forkers.isEmpty()
                                       ? Names::Monalisa
                                       : u"user-%1"_s.arg(1 + random.below(300), 4, 10, QLatin1Char('0'));
            if (forker != source.owner && !forkers.contains(forker)) {
                forkers.append(forker);
            }
        }
        qint64 forked = fromIso(source.updatedAt);
        for (const QString &forker : std::as_const(forkers)) {
            Gist fork = source;
            fork.id = hexDigest(u"fork:"_s + source.id + u':' + forker, QCryptographicHash::Md5);
            fork.owner = forker;
            fork.comments = 0;
            fork.forkOf = source.id;
            fork.forks.clear();
            forked += (1 + random.below(200)) * 86400LL + random.below(86400);
            fork.createdAt = isoTime(forked);
            fork.updatedAt = isoTime(forked + (1 + random.below(60)) * 86400LL);
            source.forks.append(fork.id);
            forks.push_back(std::move(fork));
        }
    }
    for (Gist &fork : forks) { // not before: inserting may move the sources referred to above
        m_gists.insert(fork.id, std::move(fork));
    }

    // GET /gists without a token: everybody's public gists, the last updated first.
    QList<const Gist *> timeline;
    for (const QString &id : std::as_const(order)) {
        const Gist &gist = *m_gists.constFind(id);
        if (gist.isPublic) {
            timeline.append(&gist);
        }
    }
    std::sort(timeline.begin(), timeline.end(), [](const Gist *left, const Gist *right) {
        return left->updatedAt != right->updatedAt ? left->updatedAt > right->updatedAt
                                                   : left->id < right->id;
    });
    for (const Gist *gist : std::as_const(timeline)) {
        m_publicGists.append(gist->id);
    }

    m_starred.insert(Names::ProlificUser.toLower(), Names::ProlificStarredGists);
}

void World::buildInsights()
{
    {
        Person &constellation = addPerson(Names::InsightsOrganization, 7100001, true);
        constellation.name = u"Constellation"_s;
        constellation.description = u"Small projects, and the people who joined them over the years"_s;
        constellation.blog = u"https://constellation.example"_s;
        constellation.location = u"Everywhere"_s;
    } // the reference would dangle: adding the contributors may grow m_people

    // People join from January 2016 to the last week of 2024, a week that ends in 2025. A week
    // belongs to the month it starts in: the one of Sunday 2019-03-31 is March's.
    const int firstJoin = weekOf(fromIso(u"2016-01-03T00:00:00Z"_s));
    const int lastJoin = weekOf(fromIso(u"2024-12-29T00:00:00Z"_s));
    const int straddlingJoin = weekOf(fromIso(u"2019-03-31T00:00:00Z"_s));
    // Commits without a GitHub author come before anyone joined and after the last one did: the
    // months of new contributors start with the first one who joined, and end with the last commit.
    const int firstImport = weekOf(fromIso(u"2015-11-01T00:00:00Z"_s));
    const int lastImport = weekOf(fromIso(u"2025-03-30T00:00:00Z"_s));
    const int straddlingContributor =
        (straddlingJoin - firstJoin) * (InsightsContributorCount - 1) / (lastJoin - firstJoin);

    struct Contributor
    {
        QString login;
        int joinWeek = 0;
        bool forkFirst = false; // the first commit is in a fork, later ones in sources too
        bool forkOnly = false;  // never commits to a source repository
    };
    QList<Contributor> contributors;
    for (int i = 0; i < InsightsContributorCount; ++i) {
        Random random(InsightsPeopleStream, quint64(i));
        Contributor contributor;
        contributor.joinWeek = firstJoin + i * (lastJoin - firstJoin) / (InsightsContributorCount - 1);
        if (i == straddlingContributor) {
            contributor.joinWeek = straddlingJoin;
        } else if (i > 0 && i < InsightsContributorCount - 1) {
            contributor.joinWeek =
                std::clamp(contributor.joinWeek + random.below(7) - 3, firstJoin, lastJoin);
        }
        const bool ordinary = i == 0 || i == straddlingContributor || i == InsightsContributorCount - 1;
        contributor.forkOnly = !ordinary && i % 25 == 12;
        contributor.forkFirst = !ordinary && !contributor.forkOnly && i % 12 == 7;

        const int pair = (i * 97 + 11) % 256; // 97 is odd: every contributor has another name pair
        const QString first = firstNames.at(pair / 16);
        const QString last = lastNames.at(pair % 16);
        const QString lastWord = QString(last).remove(u' ');
        switch (random.below(4)) {
        case 0:
            contributor.login = (first + u'-' + lastWord).toLower();
            break;
        case 1:
            contributor.login = first + lastWord;
            break;
        case 2:
            contributor.login = (first.left(1) + lastWord).toLower();
            break;
        default:
            contributor.login = lastWord.toLower() + QString::number(10 + random.below(90));
            break;
        }
        if (m_people.contains(contributor.login.toLower())) {
            contributor.login += u'-' + QString::number(i);
        }
        Person &person = addPerson(contributor.login, 12000001 + i);
        person.name = first + u' ' + last;
        person.location = random.chance(50) ? u"Porto"_s : QString();
        const qint64 joined = weekStart(contributor.joinWeek);
        person.createdAt = isoTime(joined - (30 + random.below(2000)) * 86400LL - random.below(86400));
        person.updatedAt = isoTime(joined + random.below(400) * 86400LL);
        if (i < 30) { // the early ones run the place
            person.organizations.append(Names::InsightsOrganization);
            m_people[Names::InsightsOrganization].members.append(contributor.login);
        }
        contributors.append(contributor);
    }

    static const QStringList stars = {
        u"andromeda"_s,  u"aquila"_s,    u"auriga"_s,  u"bootes"_s,  u"carina"_s,
        u"cassiopeia"_s, u"centaurus"_s, u"cepheus"_s, u"cetus"_s,   u"columba"_s,
        u"corvus"_s,     u"crux"_s,      u"cygnus"_s,  u"draco"_s,   u"eridanus"_s,
        u"gemini"_s,     u"hercules"_s,  u"hydra"_s,   u"lacerta"_s, u"lyra"_s,
        u"orion"_s,      u"pegasus"_s,   u"perseus"_s, u"phoenix"_s, u"pyxis"_s};
    static const QStringList kinds = {QString(),  u"-api"_s, u"-cli"_s, u"-core"_s,
                                      u"-docs"_s, u"-sdk"_s, u"-web"_s, u"-tools"_s};
    static const QStringList mainLanguages = {u"C++"_s,        u"C++"_s,   u"Python"_s,     u"Python"_s,
                                              u"Go"_s,         u"Rust"_s,  u"TypeScript"_s, u"TypeScript"_s,
                                              u"JavaScript"_s, u"Java"_s,  u"Kotlin"_s,     u"Swift"_s,
                                              u"Ruby"_s,       u"Shell"_s, u"C"_s};
    static const QStringList descriptions = {u"%1, the small and fast one"_s,
                                             u"Everything %1 needs to ship"_s, u"%1: tools for stargazers"_s,
                                             QString(), u"Experiments around %1"_s};
    const QString stillComputingName = Names::StillComputingRepository.section(u'/', 1);
    const QString emptyName = Names::EmptyRepository.section(u'/', 1);
    constexpr int StillComputingIndex = 57;
    constexpr int EmptyIndex = 123;
    constexpr int EarlyImportIndex = 1;
    constexpr int LateImportIndex = 2;
    static_assert(StillComputingIndex % 10 != 0 && EmptyIndex % 10 != 0 && EarlyImportIndex % 10 != 0 &&
                      LateImportIndex % 10 != 0,
                  "these are sources, not forks");

    // Repositories are created from a few months before the first person joins to half a year
    // before the last one does; people commit to those that exist by then.
    const int firstCreated = firstJoin - 20;
    const int lastCreated = lastJoin - 26;
    QList<Repository> repositories;
    QList<int> createdWeeks;
    for (int i = 1; i <= InsightsRepositoryCount; ++i) {
        Random random(InsightsRepositoryStream, quint64(i));
        Repository repository;
        repository.id = 60000000 + i;
        repository.owner = Names::InsightsOrganization;
        repository.name = i == StillComputingIndex ? stillComputingName
                          : i == EmptyIndex
                              ? emptyName
                              : stars.at((i - 1) % stars.size()) + kinds.at((i - 1) / stars.size());
        repository.fork = i % 10 == 0;
        repository.language = i == EmptyIndex ? QString() : random.pick(mainLanguages);
        const QString pattern = random.pick(descriptions);
        repository.description = repository.fork
                                     ? u"Our fork of %1, with a few patches"_s.arg(repository.name)
                                 : i == EmptyIndex   ? u"Nothing here yet"_s
                                 : pattern.isEmpty() ? QString()
                                                     : pattern.arg(repository.name);
        // Most repositories have a few stars, a handful have thousands; forks have next to none.
        const int tier = random.below(100);
        repository.stars = repository.fork ? random.below(5)
                           : tier < 45     ? random.below(40)
                           : tier < 80     ? 40 + random.below(400)
                           : tier < 96     ? 440 + random.below(4000)
                                           : 4440 + random.below(60000);
        repository.forks =
            repository.fork ? random.below(2) : repository.stars / (4 + random.below(12)) + random.below(3);
        repository.archived = random.chance(5);
        repository.openIssues = random.below(60);
        repository.pullCount = random.below(4);
        repository.plannedHistory = true;
        createdWeeks.append(firstCreated +
                            (i - 1) * (lastCreated - firstCreated) / (InsightsRepositoryCount - 1) +
                            random.below(5));
        repositories.append(repository);
    }

    const auto takesCommits = [](qsizetype index) {
        return index != StillComputingIndex - 1 && index != EmptyIndex - 1;
    };
    const auto commitsTo = [&repositories](qsizetype index, const QString &login) {
        const QList<Contribution> &history = repositories.at(index).history;
        return std::any_of(history.cbegin(), history.cend(), [&login](const Contribution &contribution) {
            return contribution.login == login;
        });
    };
    // A repository that exists by `week`, or the oldest one if none does yet.
    const auto pickRepository = [&](Random &random, int week, bool fork, const QString &login) {
        QList<qsizetype> existing;
        qsizetype oldest = -1;
        for (qsizetype index = 0; index < repositories.size(); ++index) {
            if (!takesCommits(index) || repositories.at(index).fork != fork || commitsTo(index, login)) {
                continue;
            }
            if (createdWeeks.at(index) <= week) {
                existing.append(index);
            } else if (oldest < 0 || createdWeeks.at(index) < createdWeeks.at(oldest)) {
                oldest = index;
            }
        }
        return existing.isEmpty() ? oldest : existing.at(random.below(int(existing.size())));
    };
    // Many drive-by commits in a single week, some months of work, a few long-time regulars.
    const auto weeksAfter = [lastJoin](Random &random, int week) {
        const int kind = random.below(10);
        return std::min(lastJoin, week + (kind < 3 ? 0 : kind < 8 ? random.below(26) : random.below(200)));
    };

    for (qsizetype i = 0; i < contributors.size(); ++i) {
        const Contributor &contributor = contributors.at(i);
        Random random(InsightsPeopleStream, 1000 + quint64(i));
        const auto commitFrom = [&](int week, bool fork) {
            const qsizetype index = pickRepository(random, week, fork, contributor.login);
            if (index >= 0) {
                repositories[index].history.append({contributor.login, week, weeksAfter(random, week)});
            }
        };
        commitFrom(contributor.joinWeek, contributor.forkFirst || contributor.forkOnly);
        const int more = contributor.forkFirst ? 1 + random.below(2)
                         : random.chance(45)   ? 0
                         : random.chance(70)   ? 1
                                               : 2;
        for (int m = 0; m < more; ++m) {
            const int week = std::min(lastJoin, contributor.joinWeek + 1 + random.below(104));
            commitFrom(week, contributor.forkOnly || (!contributor.forkFirst && random.chance(10)));
        }
    }

    for (qsizetype index = 0; index < repositories.size(); ++index) {
        Repository &repository = repositories[index];
        if (!takesCommits(index)) {
            continue;
        }
        Random random(InsightsRepositoryStream, 1000 + quint64(index));
        const int created = createdWeeks.at(index);
        if (repository.history.isEmpty()) { // nobody picked it: someone who was already there started it
            QStringList founders;
            for (const Contributor &contributor : std::as_const(contributors)) {
                if (contributor.joinWeek < created && (repository.fork || !contributor.forkOnly)) {
                    founders.append(contributor.login);
                }
            }
            const QString founder = founders.isEmpty() ? QString() : random.pick(founders);
            repository.history.append({founder, created, weeksAfter(random, created)});
        }
        const bool anonymous =
            std::any_of(repository.history.cbegin(), repository.history.cend(),
                        [](const Contribution &contribution) { return contribution.login.isEmpty(); });
        if (!anonymous && random.chance(25)) {
            const int week = created + random.below(std::max(1, lastJoin - created + 1));
            repository.history.append({QString(), week, weeksAfter(random, week)});
        }
    }
    // History imported without authors: the first repository's from before anyone joined, and the
    // last commits of all.
    const auto importWithoutAuthor = [&repositories](int repositoryIndex, int firstWeek, int lastWeek) {
        QList<Contribution> &history = repositories[repositoryIndex - 1].history;
        const auto anonymous =
            std::find_if(history.begin(), history.end(),
                         [](const Contribution &contribution) { return contribution.login.isEmpty(); });
        if (anonymous == history.end()) {
            history.append({QString(), firstWeek, lastWeek});
        } else {
            anonymous->firstWeek = std::min(anonymous->firstWeek, firstWeek);
            anonymous->lastWeek = std::max(anonymous->lastWeek, lastWeek);
        }
    };
    importWithoutAuthor(EarlyImportIndex, firstImport, firstImport + 3);
    importWithoutAuthor(LateImportIndex, lastImport, lastImport);

    for (qsizetype index = 0; index < repositories.size(); ++index) {
        Repository &repository = repositories[index];
        Random random(InsightsRepositoryStream, 2000 + quint64(index));
        int firstWeek = createdWeeks.at(index);
        int lastWeek = firstWeek;
        for (const Contribution &contribution : std::as_const(repository.history)) {
            firstWeek = std::min(firstWeek, contribution.firstWeek);
            lastWeek = std::max(lastWeek, contribution.lastWeek);
        }
        const qint64 created = weekStart(firstWeek) + random.below(3 * 86400);
        const qint64 pushed =
            index == EmptyIndex - 1 ? created : weekStart(lastWeek) + 3 * 86400 + random.below(3 * 86400);
        repository.createdAt = isoTime(created);
        repository.pushedAt = isoTime(pushed);
        repository.updatedAt = isoTime(pushed + random.below(86400));
        addRepository(std::move(repository));
    }
}

const World::Person *World::person(const QString &login) const
{
    const auto it = m_people.constFind(login.toLower());
    return it == m_people.cend() ? nullptr : &it.value();
}

bool World::canSee(const Repository &repository, const QString &viewer) const
{
    if (!repository.isPrivate) {
        return true;
    }
    if (viewer.compare(repository.owner, Qt::CaseInsensitive) == 0) {
        return true;
    }
    const Person *owner = person(repository.owner);
    return owner && owner->organization && owner->members.contains(viewer);
}

const World::Repository *World::repository(const QString &fullName, const QString &viewer) const
{
    const auto it = m_repositories.constFind(fullName.toLower());
    if (it == m_repositories.cend() || !canSee(it.value(), viewer)) {
        return nullptr; // GitHub hides private repositories behind 404, not 403
    }
    return &it.value();
}

QList<int> World::pullNumbers(const Repository &repository, const QString &state) const
{
    QList<int> numbers;
    for (int number = repository.pullCount; number >= 1; --number) {
        Random random(PullStream, quint64(repository.id) * 100000 + quint64(number));
        const bool open = random.below(10) < 3;
        if (state == u"all"_s || (state == u"closed"_s) != open) {
            numbers.append(number);
        }
    }
    return numbers;
}

QList<World::Contribution> World::history(const Repository &repository) const
{
    if (repository.plannedHistory) {
        return repository.history;
    }
    // Made up when asked, from the repository's own seed: megacorp alone has 5,000 repositories.
    Random random(HistoryStream, quint64(repository.id));
    const int first = weekOf(fromIso(repository.createdAt));
    const int last = std::max(first, weekOf(fromIso(repository.pushedAt)));
    const Person *owner = person(repository.owner);
    QStringList authors = owner->organization ? owner->members : QStringList{owner->login};
    QList<Contribution> contributions;
    const int count = std::min(int(authors.size()), 1 + random.below(5));
    for (int i = 0; i < count; ++i) {
        Contribution contribution;
        contribution.login = person(authors.takeAt(random.below(int(authors.size()))))->login;
        contribution.firstWeek = i == 0 ? first : first + random.below(last - first + 1);
        contribution.lastWeek =
            i == count - 1 ? last : contribution.firstWeek + random.below(last - contribution.firstWeek + 1);
        contributions.append(contribution);
    }
    if (contributions.isEmpty() || random.chance(25)) {
        const int week = first + random.below(last - first + 1);
        contributions.append({QString(), contributions.isEmpty() ? first : week, last});
    }
    return contributions;
}

template <typename Render>
Answer World::page(qsizetype count, const QUrlQuery &query, Render render) const
{
    bool ok = false;
    int perPage = query.queryItemValue(u"per_page"_s).toInt(&ok);
    if (!ok || perPage < 1) {
        perPage = 30;
    }
    perPage = std::min(perPage, 100);
    int pageNumber = query.queryItemValue(u"page"_s).toInt(&ok);
    if (!ok || pageNumber < 1) {
        pageNumber = 1;
    }
    Answer answer;
    answer.page = pageNumber;
    answer.lastPage = std::max<int>(1, int((count + perPage - 1) / perPage));
    answer.body = "[";
    const qsizetype first = qsizetype(pageNumber - 1) * perPage;
    for (qsizetype i = first; i < std::min<qsizetype>(count, first + perPage); ++i) {
        if (i > first) {
            answer.body += ',';
        }
        answer.body += render(i);
    }
    answer.body += ']';
    return answer;
}

QJsonObject World::renderSimpleUser(const Person &person) const
{
    QJsonObject user = m_templates.simpleUser;
    user[u"login"_s] = person.login;
    user[u"id"_s] = person.id;
    user[u"node_id"_s] = legacyNodeId(person.organization ? u"Organization"_s : u"User"_s, person.id);
    user[u"avatar_url"_s] = avatarUrl(person.id);
    user[u"type"_s] = person.organization ? u"Organization"_s : u"User"_s;
    user[u"site_admin"_s] = false;
    return user;
}

QJsonObject World::renderFullUser(const Person &person, bool authenticated) const
{
    QJsonObject user = authenticated ? m_templates.privateUser : m_templates.fullUser;
    const QJsonObject simple = renderSimpleUser(person);
    for (auto it = simple.begin(); it != simple.end(); ++it) {
        user[it.key()] = it.value();
    }
    int publicRepos = 0;
    for (const QString &fullName : person.repositories) {
        publicRepos += m_repositories.value(fullName.toLower()).isPrivate ? 0 : 1;
    }
    user[u"name"_s] = nullable(person.name);
    user[u"company"_s] = nullable(person.company);
    user[u"blog"_s] = person.blog;
    user[u"location"_s] = nullable(person.location);
    user[u"email"_s] = nullable(person.email);
    user[u"hireable"_s] = QJsonValue(QJsonValue::Null);
    user[u"bio"_s] = nullable(person.bio);
    user[u"twitter_username"_s] = QJsonValue(QJsonValue::Null);
    user[u"public_repos"_s] = publicRepos;
    user[u"public_gists"_s] = int(person.gists.size());
    user[u"followers"_s] = int(person.followers.size());
    user[u"following"_s] = int(person.following.size());
    user[u"created_at"_s] = person.createdAt;
    user[u"updated_at"_s] = person.updatedAt;
    return user;
}

QJsonObject World::renderSimpleOrg(const Person &org) const
{
    QJsonObject object = m_templates.simpleOrg;
    object[u"login"_s] = org.login;
    object[u"id"_s] = org.id;
    object[u"node_id"_s] = legacyNodeId(u"Organization"_s, org.id);
    object[u"avatar_url"_s] = avatarUrl(org.id);
    object[u"description"_s] = nullable(org.description);
    return object;
}

QJsonObject World::renderFullOrg(const Person &org) const
{
    QJsonObject object = m_templates.fullOrg;
    const QJsonObject simple = renderSimpleOrg(org);
    for (auto it = simple.begin(); it != simple.end(); ++it) {
        object[it.key()] = it.value();
    }
    object[u"name"_s] = nullable(org.name);
    object[u"company"_s] = QJsonValue(QJsonValue::Null);
    object[u"blog"_s] = org.blog;
    object[u"location"_s] = nullable(org.location);
    object[u"email"_s] = QJsonValue(QJsonValue::Null);
    object[u"twitter_username"_s] = QJsonValue(QJsonValue::Null);
    object[u"html_url"_s] = u"https://github.com/{{login}}"_s;
    object[u"public_repos"_s] = int(org.repositories.size());
    object[u"public_gists"_s] = 0;
    object[u"followers"_s] = int(org.followers.size());
    object[u"following"_s] = 0;
    object[u"created_at"_s] = org.createdAt;
    object[u"updated_at"_s] = org.updatedAt;
    // Billing and policy fields are only for the organization's owners.
    for (const QString &key : {u"total_private_repos"_s, u"owned_private_repos"_s, u"private_gists"_s,
                               u"disk_usage"_s, u"collaborators"_s, u"billing_email"_s, u"plan"_s}) {
        object.remove(key);
    }
    return object;
}

QJsonObject World::renderRepository(const Repository &repository, bool full) const
{
    QJsonObject object = full ? m_templates.fullRepo : m_templates.minimalRepo;
    const Person *owner = person(repository.owner);
    QJsonObject ownerObject = object.value(u"owner"_s).toObject();
    const QJsonObject simpleOwner = renderSimpleUser(*owner);
    for (auto it = simpleOwner.begin(); it != simpleOwner.end(); ++it) {
        if (!it.value().isString() || !it.value().toString().contains(u"{{login}}"_s)) {
            ownerObject[it.key()] = it.value();
        }
    }
    object[u"owner"_s] = ownerObject;
    object[u"id"_s] = repository.id;
    object[u"node_id"_s] = legacyNodeId(u"Repository"_s, repository.id);
    object[u"name"_s] = repository.name;
    object[u"full_name"_s] = repository.fullName();
    object[u"private"_s] = repository.isPrivate;
    object[u"visibility"_s] = repository.isPrivate ? u"private"_s : u"public"_s;
    object[u"description"_s] = nullable(repository.description);
    object[u"fork"_s] = repository.fork;
    object[u"language"_s] = nullable(repository.language);
    object[u"forks_count"_s] = repository.forks;
    object[u"stargazers_count"_s] = repository.stars;
    object[u"watchers_count"_s] = repository.stars;
    object[u"open_issues_count"_s] = repository.openIssues;
    object[u"default_branch"_s] = repository.defaultBranch;
    object[u"archived"_s] = repository.archived;
    object[u"created_at"_s] = repository.createdAt;
    object[u"updated_at"_s] = repository.updatedAt;
    object[u"pushed_at"_s] = repository.pushedAt;
    object.remove(u"permissions"_s); // only sent to a viewer with access rights
    object.remove(u"security_and_analysis"_s);
    if (full) {
        object[u"forks"_s] = repository.forks;
        object[u"watchers"_s] = repository.stars;
        object[u"open_issues"_s] = repository.openIssues;
        object[u"organization"_s] = owner->organization ? QJsonValue(object.value(u"owner"_s)) : QJsonValue();
        object[u"template_repository"_s] = QJsonValue(QJsonValue::Null);
        object.remove(u"parent"_s); // no generated repository is a fork of a known one
        object.remove(u"source"_s);
        object.remove(u"temp_clone_token"_s);
    }
    return object;
}

QList<World::GistRevision> World::revisions(const Gist &gist) const
{
    int lines = 0;
    for (const GistFile &file : gist.files) {
        lines = std::max(lines, lineCount(file.content));
    }
    Random random(GistHistoryStream, hexDigest(gist.id).left(15).toULongLong(nullptr, 16));
    // Each older revision is a line shorter, so no gist has more revisions than its longest file has
    // lines: every revision differs from the next.
    const int count = lines <= 1 ? 1 : std::min(lines, 2 + random.below(4));
    const qint64 created = fromIso(gist.createdAt);
    const qint64 updated = fromIso(gist.updatedAt);
    QList<GistRevision> revisions;
    int previousLines = 0;
    for (int k = 0; k < count; ++k) { // the oldest first
        GistRevision revision;
        revision.cut = count - 1 - k;
        const bool newest = revision.cut == 0;
        revision.committedAt =
            newest ? gist.updatedAt : isoTime(created + (updated - created) * k / (count - 1));
        revision.version = newest ? hexDigest(gist.id + gist.updatedAt)
                                  : hexDigest(gist.id + u'@' + QString::number(k) + revision.committedAt);
        int total = 0;
        for (const GistFile &file : gist.files) {
            total += lineCount(contentAt(file.content, revision.cut));
        }
        revision.additions = total - previousLines;
        previousLines = total;
        revisions.prepend(revision);
    }
    return revisions;
}

QJsonObject World::renderGist(const Gist &gist, bool full, qsizetype revision) const
{
    // Only the full gist tells its history, and only a full gist is asked for at an older revision.
    const QList<GistRevision> history = full ? revisions(gist) : QList<GistRevision>();
    const int cut = history.isEmpty() ? 0 : history.at(revision).cut;
    QJsonObject object = full ? m_templates.fullGist : m_templates.baseGist;
    const Person *owner = person(gist.owner);
    QJsonObject ownerObject = object.value(u"owner"_s).toObject();
    ownerObject[u"login"_s] = owner->login;
    ownerObject[u"id"_s] = owner->id;
    ownerObject[u"node_id"_s] = legacyNodeId(u"User"_s, owner->id);
    ownerObject[u"avatar_url"_s] = avatarUrl(owner->id);
    ownerObject[u"site_admin"_s] = false;
    object[u"owner"_s] = ownerObject;
    object[u"id"_s] = gist.id;
    object[u"node_id"_s] = legacyNodeId(u"Gist"_s, qint64(qHash(gist.id) & 0xffffff));
    object[u"public"_s] = gist.isPublic;
    object[u"description"_s] = gist.description;
    object[u"comments"_s] = gist.comments;
    object[u"created_at"_s] = gist.createdAt;
    object[u"updated_at"_s] = history.isEmpty() ? gist.updatedAt : history.at(revision).committedAt;
    object[u"truncated"_s] = false;
    QJsonObject files;
    for (const GistFile &file : gist.files) {
        const QString content = contentAt(file.content, cut);
        const QByteArray bytes = content.toUtf8();
        QJsonObject entry{
            {u"filename"_s, file.filename},
            {u"type"_s, file.type},
            {u"language"_s, nullable(file.language)},
            {u"raw_url"_s, QString(u"https://gist.githubusercontent.com/{{owner}}/{{gist}}/raw/"_s +
                                   hexDigest(content) + u'/' + file.filename)},
            {u"size"_s, int(bytes.size())}};
        if (full) {
            entry[u"truncated"_s] = file.truncated;
            // GitHub cuts what it sends of a truncated file; the whole file is at raw_url.
            entry[u"content"_s] = file.truncated ? content.left(4096) : content;
            entry[u"encoding"_s] = u"utf-8"_s;
        }
        files.insert(file.filename, entry);
    }
    object[u"files"_s] = files;
    if (full) {
        QJsonArray forks;
        for (const QString &id : gist.forks) {
            const Gist &fork = *m_gists.constFind(id);
            const Person *forker = person(fork.owner);
            forks.append(
                QJsonObject{{u"id"_s, fork.id},
                            {u"url"_s, QString(u"https://api.github.com/gists/"_s + fork.id)},
                            {u"user"_s, filledObject(renderSimpleUser(*forker), {{"login", forker->login}})},
                            {u"created_at"_s, fork.createdAt},
                            {u"updated_at"_s, fork.updatedAt}});
        }
        object[u"forks"_s] = forks;
        if (!gist.forkOf.isEmpty()) {
            const Gist &source = *m_gists.constFind(gist.forkOf);
            object[u"fork_of"_s] = filledObject(
                renderGist(source, false), {{"gist", source.id}, {"owner", person(source.owner)->login}});
        }
        const QJsonObject entryTemplate = object.value(u"history"_s).toArray().at(0).toObject(); // {} if none
        QJsonArray entries;
        for (qsizetype i = revision; i < history.size(); ++i) {
            const GistRevision &version = history.at(i);
            QJsonObject entry = entryTemplate;
            entry[u"user"_s] = ownerObject;
            entry[u"version"_s] = version.version;
            entry[u"committed_at"_s] = version.committedAt;
            // Revisions here only add lines.
            entry[u"change_status"_s] = QJsonObject{
                {u"total"_s, version.additions}, {u"additions"_s, version.additions}, {u"deletions"_s, 0}};
            entry[u"url"_s] = QString(u"https://api.github.com/gists/{{gist}}/"_s + version.version);
            entries.append(entry);
        }
        object[u"history"_s] = entries;
    }
    return object;
}

QJsonObject World::renderPull(const Repository &repository, int number) const
{
    Random random(PullStream, quint64(repository.id) * 100000 + quint64(number));
    const bool open = random.below(10) < 3;
    const bool merged = !open && random.chance(60);
    static const QStringList verbs = {u"Fix"_s,      u"Add"_s,      u"Refactor"_s,
                                      u"Speed up"_s, u"Document"_s, u"Remove"_s};
    static const QStringList things = {u"the cache"_s,   u"pagination"_s,     u"CSV export"_s,
                                       u"rate limits"_s, u"the login form"_s, u"Unicode names"_s,
                                       u"flaky tests"_s};
    static const QStringList labelNames = {u"bug"_s, u"enhancement"_s, u"documentation"_s, u"dependencies"_s,
                                           u"good first issue"_s};

    QJsonObject pull = m_templates.simplePull;
    pull[u"id"_s] = repository.id * 100000 + number;
    pull[u"node_id"_s] = legacyNodeId(u"PullRequest"_s, repository.id * 100000 + number);
    pull[u"number"_s] = number;
    pull[u"state"_s] = open ? u"open"_s : u"closed"_s;
    pull[u"locked"_s] = false;
    pull[u"title"_s] =
        QString(random.pick(verbs) + u' ' + random.pick(things) + u" (#"_s + QString::number(number) + u')');
    pull[u"body"_s] =
        random.chance(20)
            ? QJsonValue(QJsonValue::Null)
            : QJsonValue(u"This change is **number %1**.\n\n- [x] tests\n- [ ] docs\n"_s.arg(number));
    const qint64 created = fromIso(repository.createdAt) + qint64(number) * 3000 + random.below(2000);
    pull[u"created_at"_s] = isoTime(created);
    const qint64 updated = created + random.below(90 * 86400);
    pull[u"updated_at"_s] = isoTime(updated);
    pull[u"closed_at"_s] = open ? QJsonValue(QJsonValue::Null) : QJsonValue(isoTime(updated));
    pull[u"merged_at"_s] = merged ? QJsonValue(isoTime(updated)) : QJsonValue(QJsonValue::Null);
    pull[u"merge_commit_sha"_s] = hexDigest(repository.fullName() + QString::number(number));
    pull[u"draft"_s] = open && random.chance(15);
    pull[u"milestone"_s] = QJsonValue(QJsonValue::Null);
    pull[u"assignee"_s] = QJsonValue(QJsonValue::Null);
    pull[u"assignees"_s] = QJsonArray();
    pull[u"requested_reviewers"_s] = QJsonArray();
    pull[u"requested_teams"_s] = QJsonArray();
    pull[u"author_association"_s] = u"CONTRIBUTOR"_s;

    QJsonArray labels;
    const QJsonObject labelTemplate = m_templates.simplePull.value(u"labels"_s).toArray().first().toObject();
    for (int l = 0, count = random.below(3); l < count; ++l) {
        const int index = random.below(int(labelNames.size()));
        QJsonObject label = labelTemplate;
        label[u"id"_s] = 208045946 + index;
        label[u"name"_s] = labelNames.at(index);
        label[u"url"_s] = QString(u"https://api.github.com/repos/{{repo}}/labels/"_s +
                                  QString::fromLatin1(QUrl::toPercentEncoding(labelNames.at(index))));
        label[u"default"_s] = index < 3;
        labels.append(label);
    }
    pull[u"labels"_s] = labels;

    const Person *author = person(u"user-%1"_s.arg(1 + random.below(300), 4, 10, QLatin1Char('0')));
    QJsonObject user = pull.value(u"user"_s).toObject();
    user[u"login"_s] = author->login;
    user[u"id"_s] = author->id;
    user[u"node_id"_s] = legacyNodeId(u"User"_s, author->id);
    user[u"avatar_url"_s] = avatarUrl(author->id);
    pull[u"user"_s] = user;

    auto cached = m_pullRepoCache.constFind(repository.fullName());
    if (cached == m_pullRepoCache.cend()) {
        cached = m_pullRepoCache.insert(repository.fullName(), renderRepository(repository, false));
    }
    const QString branch = u"topic-%1"_s.arg(number);
    for (const QString &side : {u"head"_s, u"base"_s}) {
        QJsonObject end = pull.value(side).toObject();
        const QString ref = side == u"head"_s ? branch : repository.defaultBranch;
        end[u"ref"_s] = ref;
        end[u"label"_s] = QString(u"{{owner}}:"_s + ref);
        end[u"sha"_s] = hexDigest(repository.fullName() + ref + QString::number(number));
        end[u"repo"_s] = cached.value();
        QJsonObject endUser = end.value(u"user"_s).toObject();
        endUser[u"id"_s] = person(repository.owner)->id;
        endUser[u"avatar_url"_s] = avatarUrl(person(repository.owner)->id);
        end[u"user"_s] = endUser;
        pull[side] = end;
    }
    return pull;
}

QByteArray World::renderContributorStatistics(const Repository &repository,
                                              const QList<Contribution> &history) const
{
    // Every author's weeks cover the same range: the repository's first to its last week with commits.
    int firstWeek = history.constFirst().firstWeek;
    int lastWeek = history.constFirst().lastWeek;
    for (const Contribution &contribution : history) {
        firstWeek = std::min(firstWeek, contribution.firstWeek);
        lastWeek = std::max(lastWeek, contribution.lastWeek);
    }
    struct Entry
    {
        QString login;
        int total = 0;
        QByteArray json;
    };
    QList<Entry> entries;
    for (qsizetype index = 0; index < history.size(); ++index) {
        const Contribution &contribution = history.at(index);
        Entry entry;
        entry.login = contribution.login;
        QByteArray weeks;
        for (int week = firstWeek; week <= lastWeek; ++week) {
            int commits = 0;
            int additions = 0;
            int deletions = 0;
            if (week >= contribution.firstWeek && week <= contribution.lastWeek) {
                Random random(CommitStream,
                              (quint64(repository.id) * 256 + quint64(index)) * 4096 + quint64(week));
                const bool edge = week == contribution.firstWeek || week == contribution.lastWeek;
                if (edge || random.chance(30)) {
                    commits = 1 + random.below(edge ? 4 : 6);
                    additions = commits * (3 + random.below(120));
                    deletions = commits * random.below(60);
                }
            }
            entry.total += commits;
            if (!weeks.isEmpty()) {
                weeks += ',';
            }
            weeks += "{\"w\":" + QByteArray::number(weekStart(week)) +
                     ",\"a\":" + QByteArray::number(additions) + ",\"d\":" + QByteArray::number(deletions) +
                     ",\"c\":" + QByteArray::number(commits) + '}';
        }
        const Person *who = contribution.login.isEmpty() ? nullptr : person(contribution.login);
        const QByteArray author =
            who ? filled(renderSimpleUser(*who), {{"login", who->login}}) : QByteArray("null");
        entry.json = "{\"author\":" + author + ",\"total\":" + QByteArray::number(entry.total) +
                     ",\"weeks\":[" + weeks + "]}";
        entries.append(entry);
    }
    // GitHub lists the most active authors last.
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &left, const Entry &right) {
        return left.total != right.total ? left.total < right.total : left.login < right.login;
    });
    QByteArray body = "[";
    for (const Entry &entry : std::as_const(entries)) {
        if (body.size() > 1) {
            body += ',';
        }
        body += entry.json;
    }
    return body + ']';
}

QByteArray World::renderLanguages(const Repository &repository) const
{
    if (repository.language.isEmpty()) {
        return "{}";
    }
    // The main language has the most bytes, so that it stays the repository's `language`.
    static const QStringList companions = {u"Shell"_s,      u"CMake"_s,  u"Dockerfile"_s,
                                           u"Makefile"_s,   u"HTML"_s,   u"CSS"_s,
                                           u"JavaScript"_s, u"Python"_s, u"C"_s};
    Random random(LanguageStream, quint64(repository.id));
    const int mainBytes = 20000 + random.below(2000000);
    QList<QPair<QString, int>> sizes = {{repository.language, mainBytes}};
    for (int i = 0, count = random.below(5); i < count; ++i) {
        const QString language = random.pick(companions);
        const int bytes = 1 + int(qint64(mainBytes) * (1 + random.below(40)) / 100);
        const bool known = std::any_of(sizes.cbegin(), sizes.cend(),
                                       [&language](const auto &size) { return size.first == language; });
        if (!known) {
            sizes.append({language, bytes});
        }
    }
    std::sort(sizes.begin(), sizes.end(), [](const auto &left, const auto &right) {
        return left.second != right.second ? left.second > right.second : left.first < right.first;
    });
    // By hand: QJsonObject would sort the keys by name.
    QByteArray body = "{";
    for (const auto &[language, bytes] : std::as_const(sizes)) {
        if (body.size() > 1) {
            body += ',';
        }
        body += jsonString(language) + ':' + QByteArray::number(bytes);
    }
    return body + '}';
}

Answer World::api(const QString &path, const QUrlQuery &query, const QString &viewer) const
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    const auto notFound = [] { return error(404, "Not Found"); };
    const auto at = [&parts](qsizetype i) { return i < parts.size() ? parts.at(i) : QString(); };

    if (parts.size() == 1 && at(0) == u"user"_s) {
        if (viewer.isEmpty()) {
            return error(401, "Requires authentication");
        }
        Answer answer;
        answer.body = filled(renderFullUser(*person(viewer), true), {{"login", person(viewer)->login}});
        return answer;
    }

    if (at(0) == u"users"_s && parts.size() >= 2 && parts.size() <= 3) {
        const Person *who = person(at(1));
        if (!who) {
            return notFound();
        }
        const QString login = who->login;
        if (parts.size() == 2) {
            Answer answer;
            answer.body = filled(renderFullUser(*who, false), {{"login", login}});
            return answer;
        }
        const QString what = at(2);
        if (what == u"gists"_s) {
            // constFind, not operator[]: on a const QHash that returns a copy, and the pointers
            // kept below would dangle.
            QList<const Gist *> gists;
            for (const QString &id : who->gists) {
                const Gist &gist = *m_gists.constFind(id);
                if (gist.isPublic || viewer.compare(login, Qt::CaseInsensitive) == 0) {
                    gists.append(&gist);
                }
            }
            return gistPage(gists, query);
        }
        if (what == u"repos"_s) {
            QList<const Repository *> repositories;
            for (const QString &fullName : who->repositories) {
                const Repository &repository = *m_repositories.constFind(fullName.toLower());
                if (!repository.isPrivate) { // this endpoint lists public repositories only
                    repositories.append(&repository);
                }
            }
            return page(repositories.size(), query, [&](qsizetype i) {
                const Repository &repository = *repositories.at(i);
                return filled(renderRepository(repository, false),
                              {{"repo", repository.fullName()}, {"owner", repository.owner}});
            });
        }
        if (what == u"orgs"_s) {
            return page(who->organizations.size(), query, [&](qsizetype i) {
                const Person &org = *person(who->organizations.at(i));
                return filled(renderSimpleOrg(org), {{"login", org.login}});
            });
        }
        if (what == u"followers"_s || what == u"following"_s) {
            const QStringList &logins = what == u"followers"_s ? who->followers : who->following;
            return page(logins.size(), query, [&](qsizetype i) {
                const Person &other = *person(logins.at(i));
                return filled(renderSimpleUser(other), {{"login", other.login}});
            });
        }
        return notFound();
    }

    if (at(0) == u"orgs"_s && parts.size() >= 2 && parts.size() <= 3) {
        const Person *org = person(at(1));
        if (!org || !org->organization) {
            return notFound();
        }
        if (parts.size() == 2) {
            Answer answer;
            answer.body = filled(renderFullOrg(*org), {{"login", org->login}});
            return answer;
        }
        if (at(2) == u"repos"_s) {
            const QString type = query.queryItemValue(u"type"_s);
            QList<const Repository *> repositories;
            for (const QString &fullName : org->repositories) {
                const Repository &repository = *m_repositories.constFind(fullName.toLower());
                const bool visible = canSee(repository, viewer);
                const bool wanted = type == u"public"_s    ? !repository.isPrivate
                                    : type == u"private"_s ? repository.isPrivate
                                    : type == u"forks"_s   ? repository.fork
                                    : type == u"sources"_s ? !repository.fork
                                    : type == u"member"_s  ? org->members.contains(viewer)
                                                           : true;
                if (visible && wanted) {
                    repositories.append(&repository);
                }
            }
            return page(repositories.size(), query, [&](qsizetype i) {
                const Repository &repository = *repositories.at(i);
                return filled(renderRepository(repository, false),
                              {{"repo", repository.fullName()}, {"owner", repository.owner}});
            });
        }
        if (at(2) == u"members"_s) {
            return page(org->members.size(), query, [&](qsizetype i) {
                const Person &member = *person(org->members.at(i));
                return filled(renderSimpleUser(member), {{"login", member.login}});
            });
        }
        return notFound();
    }

    const Repository *repository = nullptr;
    QString rest;
    if (at(0) == u"repos"_s && parts.size() >= 3) {
        const QString fullName = at(1) + u'/' + at(2);
        const auto renamed = m_renamed.constFind(fullName.toLower());
        if (renamed != m_renamed.cend()) {
            const Repository &target = m_repositories[renamed.value().toLower()];
            Answer answer = error(301, "Moved Permanently",
                                  "https://docs.github.com/rest/guides/best-practices-for-using-the-rest-api"
                                  "#follow-redirects");
            QString location = u"https://api.github.com/repositories/"_s + QString::number(target.id);
            for (qsizetype i = 3; i < parts.size(); ++i) {
                location += u'/' + parts.at(i);
            }
            answer.location = location.toUtf8();
            if (!query.isEmpty()) {
                answer.location += '?' + query.toString(QUrl::FullyEncoded).toUtf8();
            }
            QJsonObject body = QJsonDocument::fromJson(answer.body).object();
            body[u"url"_s] = QString::fromUtf8(answer.location);
            answer.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            return answer;
        }
        repository = this->repository(fullName, viewer);
        rest = parts.mid(3).join(u'/');
    } else if (at(0) == u"repositories"_s && parts.size() >= 2) {
        bool ok = false;
        const qint64 id = at(1).toLongLong(&ok);
        if (ok && m_repositoryById.contains(id)) {
            repository = this->repository(m_repositoryById.value(id), viewer);
        }
        rest = parts.mid(2).join(u'/');
    } else if (at(0) == u"gists"_s) {
        return gistApi(parts, query, viewer);
    } else {
        return notFound();
    }

    if (!repository) {
        return notFound();
    }
    if (rest.isEmpty()) {
        Answer answer;
        answer.body = filled(renderRepository(*repository, true),
                             {{"repo", repository->fullName()}, {"owner", repository->owner}});
        return answer;
    }
    if (rest == u"pulls"_s) {
        QString state = query.queryItemValue(u"state"_s);
        if (state.isEmpty()) {
            state = u"open"_s;
        }
        if (state != u"open"_s && state != u"closed"_s && state != u"all"_s) {
            return error(422, "Validation Failed",
                         "https://docs.github.com/rest/pulls/pulls#list-pull-requests");
        }
        const QList<int> numbers = pullNumbers(*repository, state);
        return page(numbers.size(), query, [&](qsizetype i) {
            const int number = numbers.at(i);
            QJsonObject pull = renderPull(*repository, number);
            const QString authorLogin = pull.value(u"user"_s).toObject().value(u"login"_s).toString();
            return filled(pull, {{"repo", repository->fullName()},
                                 {"owner", repository->owner},
                                 {"number", QString::number(number)},
                                 {"author", authorLogin}});
        });
    }
    if (rest.startsWith(u"pulls/"_s)) {
        bool ok = false;
        const int number = rest.mid(6).toInt(&ok);
        if (!ok || number < 1 || number > repository->pullCount) {
            return notFound();
        }
        const QJsonObject pull = renderPull(*repository, number);
        Answer answer;
        answer.body =
            filled(pull, {{"repo", repository->fullName()},
                          {"owner", repository->owner},
                          {"number", QString::number(number)},
                          {"author", pull.value(u"user"_s).toObject().value(u"login"_s).toString()}});
        return answer;
    }
    if (rest == u"stats/contributors"_s) {
        Answer answer;
        if (repository->fullName() == Names::StillComputingRepository) {
            answer.status = 202; // what GitHub says while it computes, and here it never ends
            answer.contentType.clear();
            return answer;
        }
        const QList<Contribution> contributions = history(*repository);
        if (contributions.isEmpty()) {
            answer.status = 204; // GitHub's answer for a repository without commits
            answer.contentType.clear();
            return answer;
        }
        answer.statisticsOf = repository->fullName();
        answer.body = renderContributorStatistics(*repository, contributions);
        return answer;
    }
    if (rest == u"languages"_s) {
        Answer answer;
        answer.body = renderLanguages(*repository);
        return answer;
    }
    return notFound();
}

Answer World::gistPage(const QList<const Gist *> &gists, const QUrlQuery &query) const
{
    return page(gists.size(), query, [&](qsizetype i) {
        const Gist &gist = *gists.at(i);
        return filled(renderGist(gist, false), {{"gist", gist.id}, {"owner", person(gist.owner)->login}});
    });
}

Answer World::gistApi(const QStringList &parts, const QUrlQuery &query, const QString &viewer) const
{
    const auto notFound = [] { return error(404, "Not Found"); };
    const auto gists = [this](const QStringList &ids) {
        QList<const Gist *> found;
        for (const QString &id : ids) {
            const auto it = m_gists.constFind(id);
            if (it != m_gists.cend()) {
                found.append(&it.value());
            }
        }
        return found;
    };
    if (parts.size() == 1) { // the viewer's own, secret ones too; without a token, everybody's public ones
        const Person *who = viewer.isEmpty() ? nullptr : person(viewer);
        return gistPage(gists(viewer.isEmpty() ? m_publicGists : who ? who->gists : QStringList()), query);
    }
    if (parts.size() == 2 && parts.at(1) == u"starred"_s) {
        if (viewer.isEmpty()) {
            return error(401, "Requires authentication");
        }
        return gistPage(gists(m_starred.value(viewer.toLower())), query);
    }
    if (parts.size() > 3) {
        return notFound();
    }
    const QString what = parts.value(2);
    if (what == u"star"_s && viewer.isEmpty()) {
        return error(401, "Requires authentication");
    }
    const auto it = m_gists.constFind(parts.at(1));
    if (it == m_gists.cend()) {
        return notFound();
    }
    const Gist &gist = it.value();
    const QString owner = person(gist.owner)->login;
    const auto full = [&](qsizetype revision) {
        Answer answer;
        answer.body = filled(renderGist(gist, true, revision), {{"gist", gist.id}, {"owner", owner}});
        return answer;
    };
    if (what.isEmpty()) {
        return full(0);
    }
    if (what == u"star"_s) {
        if (!m_starred.value(viewer.toLower()).contains(gist.id)) {
            return notFound(); // GitHub's answer for "not starred"
        }
        Answer answer;
        answer.status = 204;
        answer.contentType.clear();
        return answer;
    }
    if (what == u"commits"_s) {
        // The full gist's history, so that the two agree.
        const QJsonArray history = renderGist(gist, true).value(u"history"_s).toArray();
        return page(history.size(), query, [&](qsizetype i) {
            return filled(history.at(i).toObject(), {{"gist", gist.id}, {"owner", owner}});
        });
    }
    if (what == u"forks"_s) {
        return gistPage(gists(gist.forks), query);
    }
    const QList<GistRevision> history = revisions(gist);
    for (qsizetype i = 0; i < history.size(); ++i) {
        if (history.at(i).version == what) {
            return full(i);
        }
    }
    return notFound();
}

Answer World::write(const QByteArray &method, const QString &path, const QByteArray &body,
                    const QString &viewer)
{
    // POST /markdown/raw renders text as GitHub does, a paragraph of HTML.
    if (method == "POST" && path == u"/markdown/raw"_s) {
        Answer answer;
        answer.body = "<p>" + QString::fromUtf8(body).toHtmlEscaped().toUtf8() + "</p>\n";
        answer.contentType = "text/html;charset=utf-8";
        return answer;
    }
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if ((method == "PUT" || method == "DELETE") && parts.size() == 3 && parts.at(0) == u"gists"_s &&
        parts.at(2) == u"star"_s) {
        if (viewer.isEmpty()) {
            return error(401, "Requires authentication");
        }
        const QString id = parts.at(1);
        if (!m_gists.contains(id)) {
            return error(404, "Not Found");
        }
        QStringList &starred = m_starred[viewer.toLower()];
        if (method == "DELETE") {
            starred.removeAll(id);
        } else if (!starred.contains(id)) { // starring twice changes nothing
            starred.prepend(id);
        }
        Answer answer;
        answer.status = 204;
        answer.contentType.clear();
        return answer;
    }
    // Any other method elsewhere is GitHub's 404 for a route it does not have.
    return error(404, "Not Found");
}

QByteArray World::rateLimit(int limit, int used, qint64 resetAt) const
{
    const QJsonObject core{{u"limit"_s, limit},
                           {u"used"_s, used},
                           {u"remaining"_s, std::max(0, limit - used)},
                           {u"reset"_s, resetAt}};
    QJsonObject resources = m_templates.rateLimit.value(u"resources"_s).toObject();
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        QJsonObject resource = it.value().toObject();
        resource[u"reset"_s] = resetAt;
        it.value() = resource;
    }
    resources[u"core"_s] = core;
    QJsonObject body = m_templates.rateLimit;
    body[u"resources"_s] = resources;
    body[u"rate"_s] = core;
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Answer World::content(const QString &path) const
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    Answer answer;
    if (parts.size() == 2 && parts.at(0) == u"u"_s) {
        // A GitHub-style identicon: a 5x5 mirrored grid in a colour taken from the id. It reads 3 + 15
        // bytes of the hash: SHA-1 has 20, MD5 only 16.
        const QByteArray hash = QCryptographicHash::hash(parts.at(1).toUtf8(), QCryptographicHash::Sha1);
        QImage image(420, 420, QImage::Format_RGB32);
        image.fill(qRgb(240, 240, 240));
        const QRgb colour =
            qRgb(uchar(hash.at(0)) / 2 + 64, uchar(hash.at(1)) / 2 + 64, uchar(hash.at(2)) / 2 + 64);
        for (int row = 0; row < 5; ++row) {
            for (int column = 0; column < 3; ++column) {
                if ((uchar(hash.at(3 + row * 3 + column)) & 1) == 0) {
                    continue;
                }
                for (const int x : {column, 4 - column}) {
                    for (int py = 0; py < 70; ++py) {
                        for (int px = 0; px < 70; ++px) {
                            image.setPixel(35 + x * 70 + px, 35 + row * 70 + py, colour);
                        }
                    }
                }
            }
        }
        QBuffer buffer(&answer.body);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        answer.contentType = "image/png";
        return answer;
    }
    if (parts.size() >= 6 && parts.at(0) == u"gistraw"_s && parts.at(3) == u"raw"_s) {
        const auto it = m_gists.constFind(parts.at(2));
        if (it != m_gists.cend()) {
            for (const GistFile &file : it->files) {
                if (file.filename == parts.at(5)) {
                    // The content of the revision whose raw_url this is; the current one for any other.
                    QString content = file.content;
                    for (const GistRevision &revision : revisions(it.value())) {
                        const QString then = contentAt(file.content, revision.cut);
                        if (hexDigest(then) == parts.at(4)) {
                            content = then;
                            break;
                        }
                    }
                    answer.body = content.toUtf8();
                    answer.contentType = "text/plain; charset=utf-8";
                    return answer;
                }
            }
        }
        answer.status = 404;
        answer.body = "404: Not Found";
        answer.contentType = "text/plain; charset=utf-8";
        return answer;
    }
    answer.contentType = "text/html; charset=utf-8";
    answer.body = "<!DOCTYPE html><html><head><title>fakegithub</title></head><body><h1>" +
                  path.toHtmlEscaped().toUtf8() + "</h1><p>A page of the fake GitHub.</p></body></html>";
    return answer;
}

} // namespace FakeGitHub
