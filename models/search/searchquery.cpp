#include "search/searchquery.h"

#include "catalog/textfold.h"
#include "catalog/timecode.h"

#include <optional>
#include <string_view>
#include <utility>

namespace {

struct Token
{
    QString text;
    bool negated = false;
    // Where the first colon before any quote is, or -1: the end of a field name.
    qsizetype colon = -1;
};

bool isQuote(QChar c)
{
    // Straight, curly and low quotes and guillemets, opening or closing: users mix them.
    constexpr std::u16string_view Quotes = u"\"“”„«»";
    return Quotes.find(c.unicode()) != std::u16string_view::npos;
}

// Splits at whitespace outside quotes; the quotes themselves are dropped.
QList<Token> tokenize(QStringView text)
{
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        Token token;
        if (text.at(i) == u'-') {
            ++i;
            // A lone "-" is a negation still being typed.
            if (i == text.size() || text.at(i).isSpace())
                continue;
            token.negated = true;
        }
        bool inQuote = false;
        bool sawQuote = false;
        for (; i < text.size() && (inQuote || !text.at(i).isSpace()); ++i) {
            const QChar c = text.at(i);
            if (isQuote(c)) {
                inQuote = !inQuote;
                sawQuote = true;
            } else {
                if (c == u':' && token.colon < 0 && !sawQuote)
                    token.colon = token.text.size();
                token.text.append(c);
            }
        }
        tokens.append(token);
    }
    return tokens;
}

std::optional<SearchTerm::Field> fieldNamed(QStringView name)
{
    static const std::pair<const char16_t *, SearchTerm::Field> fields[] = {
        {u"title", SearchTerm::TitleField},
        {u"artist", SearchTerm::ArtistField},
        {u"composer", SearchTerm::ComposerField},
        {u"theme", SearchTerm::ThemeField},
        {u"release", SearchTerm::ReleaseField},
        {u"episode", SearchTerm::EpisodeField},
        {u"catalog", SearchTerm::CatalogField},
        {u"duration", SearchTerm::DurationField},
        {u"note", SearchTerm::NoteField},
        {u"has", SearchTerm::HasField},
    };
    for (const auto &[fieldName, field] : fields) {
        if (name.compare(QStringView(fieldName), Qt::CaseInsensitive) == 0)
            return field;
    }
    return std::nullopt;
}

// "3:00", "1:02:07" or a bare number of minutes, in whole seconds.
std::optional<qint64> parseSeconds(QStringView text)
{
    bool isNumber = false;
    const qint64 minutes = text.toLongLong(&isNumber);
    if (isNumber && minutes >= 0 && !text.startsWith(u'+'))
        return minutes * 60;
    if (const std::optional<qint64> ms = TimeCode::parse(text))
        return *ms / 1000;
    return std::nullopt;
}

bool parseDuration(QStringView value, SearchTerm &term)
{
    static const std::pair<const char16_t *, SearchTerm::Comparison> operators[] = {
        {u">=", SearchTerm::GreaterOrEqual},
        {u"<=", SearchTerm::LessOrEqual},
        {u">", SearchTerm::Greater},
        {u"<", SearchTerm::Less},
        {u"=", SearchTerm::Equal},
    };
    for (const auto &[prefix, comparison] : operators) {
        const QStringView op(prefix);
        if (value.startsWith(op)) {
            const std::optional<qint64> seconds = parseSeconds(value.mid(op.size()));
            term.comparison = comparison;
            term.seconds = seconds.value_or(0);
            return seconds.has_value();
        }
    }
    const qsizetype dash = value.indexOf(u'-');
    if (dash > 0) {
        const std::optional<qint64> low = parseSeconds(value.left(dash));
        const std::optional<qint64> high = parseSeconds(value.mid(dash + 1));
        if (!low || !high)
            return false;
        term.comparison = SearchTerm::Between;
        term.seconds = std::min(*low, *high);
        term.upperSeconds = std::max(*low, *high);
        return true;
    }
    const std::optional<qint64> seconds = parseSeconds(value);
    term.comparison = SearchTerm::Equal;
    term.seconds = seconds.value_or(0);
    return seconds.has_value();
}

// "note", "files", "m": what has: asks for, by the start of its name, singular or plural.
SearchTerm::Has hasNamed(QStringView value)
{
    static const std::pair<const char16_t *, SearchTerm::Has> kinds[] = {
        {u"notes", SearchTerm::HasNote},
        {u"files", SearchTerm::HasFile},
        {u"markers", SearchTerm::HasMarker},
    };
    for (const auto &[name, has] : kinds) {
        if (QStringView(name).startsWith(value))
            return has;
    }
    return SearchTerm::HasNothing;
}

// False when the term asks nothing and is dropped.
bool makeTerm(const Token &token, SearchTerm &term)
{
    term.negated = token.negated;
    std::optional<SearchTerm::Field> field
        = token.colon > 0 ? fieldNamed(QStringView(token.text).left(token.colon)) : std::nullopt;
    const QString value
        = field ? TextFold::fold(QStringView(token.text).mid(token.colon + 1)) : QString();
    if (field == SearchTerm::HasField && !value.isEmpty()) {
        term.has = hasNamed(value);
        // has: with a value it does not know is a word, as an unknown field is.
        if (term.has == SearchTerm::HasNothing)
            field.reset();
    }
    if (!field) {
        term.field = SearchTerm::AnyField;
        term.text = TextFold::fold(token.text);
        return !term.text.isEmpty();
    }
    term.field = *field;
    term.text = value;
    switch (term.field) {
    case SearchTerm::DurationField:
        return parseDuration(term.text, term);
    case SearchTerm::HasField:
    case SearchTerm::TitleField:
    case SearchTerm::ReleaseField:
    case SearchTerm::CatalogField:
        return !term.text.isEmpty();
    default:
        return true;
    }
}

} // namespace

bool SearchTerm::matchesSeconds(qint64 value) const
{
    switch (comparison) {
    case Equal:
        return value == seconds;
    case Less:
        return value < seconds;
    case LessOrEqual:
        return value <= seconds;
    case Greater:
        return value > seconds;
    case GreaterOrEqual:
        return value >= seconds;
    case Between:
        return value >= seconds && value <= upperSeconds;
    }
    return false;
}

namespace SearchQuery {

QList<SearchTerm> parse(QStringView text)
{
    QList<SearchTerm> terms;
    for (const Token &token : tokenize(text)) {
        SearchTerm term;
        if (makeTerm(token, term))
            terms.append(term);
    }
    return terms;
}

} // namespace SearchQuery
