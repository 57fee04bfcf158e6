#include "github/memberselection.h"

#include <map>
#include <string>
#include <string_view>

#include <simdjson.h>

namespace Hubshelf::GitHub {

// A member's selected members; none: the whole value.
struct MemberSelection::Node
{
    std::map<std::string, Node, std::less<>> members;

    const Node *member(std::string_view name) const
    {
        auto found = members.find(name);
        if (found == members.end()) {
            found = members.find(std::string_view("*"));
        }
        return found == members.end() ? nullptr : &found->second;
    }
};

namespace {

// The body is read with simdjson, which takes a tenth of QJsonDocument's time for a page, and the
// selected members are written out again as compact JSON for QJsonDocument: nesting is bounded by
// simdjson's parse (1,024 levels).
using Element = simdjson::dom::element;

void appendString(std::string &out, std::string_view text)
{
    static constexpr char Hex[] = "0123456789abcdef";
    out += '"';
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            out += "\\u00";
            out += Hex[byte >> 4];
            out += Hex[byte & 0xF];
        } else {
            out += c;
        }
    }
    out += '"';
}

void appendSelected(std::string &out, Element value, const MemberSelection::Node &node);

void appendWhole(std::string &out, Element value)
{
    static const MemberSelection::Node Whole;
    appendSelected(out, value, Whole);
}

void appendSelected(std::string &out, Element value, const MemberSelection::Node &node)
{
    using Type = simdjson::dom::element_type;
    switch (value.type()) {
    case Type::OBJECT: {
        simdjson::dom::object object;
        if (value.get_object().get(object) != simdjson::SUCCESS) {
            return; // cannot be, of this type; were it so, QJsonDocument would refuse what is written
        }
        out += '{';
        bool first = true;
        for (const simdjson::dom::key_value_pair field : object) {
            const MemberSelection::Node *inner = node.members.empty() ? &node : node.member(field.key);
            if (!inner) {
                continue;
            }
            if (!first) {
                out += ',';
            }
            first = false;
            appendString(out, field.key);
            out += ':';
            appendSelected(out, field.value, *inner);
        }
        out += '}';
        return;
    }
    case Type::ARRAY: {
        simdjson::dom::array array;
        if (value.get_array().get(array) != simdjson::SUCCESS) {
            return;
        }
        out += '[';
        bool first = true;
        for (const Element element : array) {
            if (!first) {
                out += ',';
            }
            first = false;
            appendSelected(out, element, node);
        }
        out += ']';
        return;
    }
    case Type::STRING: {
        std::string_view text;
        if (value.get_string().get(text) != simdjson::SUCCESS) {
            return;
        }
        appendString(out, text);
        return;
    }
    case Type::INT64:
    case Type::UINT64:
    case Type::DOUBLE:
    case Type::BOOL:
    case Type::NULL_VALUE:
        out += simdjson::minify(value);
        return;
    }
}

// One parser per pool thread: it keeps the memory of the largest page it has read, and a page of
// pull requests is 2 MB. A body far beyond any page gets a parser of its own, freed after it.
constexpr std::size_t KeptParserBytes = 8 << 20;

} // namespace

MemberSelection::MemberSelection(const QStringList &paths)
{
    if (paths.isEmpty()) {
        return;
    }
    auto root = std::make_shared<Node>();
    for (const QString &path : paths) {
        Node *node = root.get();
        for (const QString &name : path.split(u'.')) {
            node = &node->members[name.toStdString()];
        }
    }
    m_root = std::move(root);
}

std::optional<QJsonDocument> MemberSelection::parse(const QByteArray &body) const
{
    if (!m_root) {
        return std::nullopt;
    }
    thread_local simdjson::dom::parser kept;
    simdjson::dom::parser own;
    simdjson::dom::parser &parser = std::size_t(body.size()) <= KeptParserBytes ? kept : own;
    Element document;
    simdjson::dom::array items;
    if (parser.parse(body.constData(), std::size_t(body.size())).get(document) != simdjson::SUCCESS ||
        document.get_array().get(items) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    std::string selected;
    selected.reserve(std::size_t(body.size()) / 8);
    selected += '[';
    bool first = true;
    for (const Element item : items) {
        if (!first) {
            selected += ',';
        }
        first = false;
        if (item.is_object()) {
            appendSelected(selected, item, *m_root);
        } else {
            appendWhole(selected, item); // not an object: its reader says so
        }
    }
    selected += ']';
    QJsonParseError error{};
    QJsonDocument json =
        QJsonDocument::fromJson(QByteArray::fromRawData(selected.data(), qsizetype(selected.size())), &error);
    if (error.error != QJsonParseError::NoError) {
        return std::nullopt;
    }
    return json;
}

} // namespace Hubshelf::GitHub
