#include "panes/panehtml.h"

#include "catalog/timecode.h"
#include "navigation/locationlink.h"

#include <QCoreApplication>
#include <QDate>
#include <QFont>
#include <QPalette>
#include <QUrl>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text, const char *disambiguation = nullptr)
{
    return QCoreApplication::translate("PaneHtml", text, disambiguation);
}

bool opensQuote(const QString &text, qsizetype at)
{
    if (at == 0)
        return true;
    const QChar before = text.at(at - 1);
    return before.isSpace() || QStringView(u"([{—–‘“/").contains(before);
}

// The parenthesised end of a title, "(Original Series Soundtrack)", or empty.
QString closingParenthetical(const QString &title)
{
    if (!title.endsWith(u')'))
        return QString();
    const qsizetype open = title.lastIndexOf(u'(');
    return open > 0 ? title.mid(open) : QString();
}

QString withoutPrefix(const QString &title, const QString &prefix)
{
    if (prefix.isEmpty() || !title.startsWith(prefix))
        return title;
    for (const QStringView separator : {u" – ", u" — ", u" - ", u": "}) {
        if (QStringView(title).mid(prefix.size()).startsWith(separator))
            return title.mid(prefix.size() + separator.size()).trimmed();
    }
    return title;
}

// Where the catalog gives every release the same closing parenthetical, it tells them apart no
// better than the catalog's name does.
bool everyReleaseEndsWith(const Catalog &catalog, const QString &parenthetical)
{
    return std::all_of(catalog.releases.cbegin(), catalog.releases.cend(),
        [&](const Release &release) { return release.title.trimmed().endsWith(parenthetical); });
}

QString sourceKindText(Source::Kind kind)
{
    switch (kind) {
    case Source::Review:
        return tr("Review");
    case Source::Interview:
        return tr("Interview");
    case Source::Article:
        return tr("Article");
    case Source::LinerNotes:
        return tr("Liner notes");
    case Source::Other:
        break;
    }
    return QString();
}

// A title in quotes, unless it is a description in square brackets, which quotes would misname.
QString quotedTitle(const QString &title)
{
    if (title.startsWith(u'['))
        return title;
    return tr("“%1”", "a source's title").arg(title);
}

// "About the themes Star Trek March and Picard's theme; the cue Leaving Spacedock": by kind,
// because a theme and a cue may share a name ("Blue Skies").
QString aboutLinks(const Catalog &catalog, const Excerpt &excerpt, const Location &shown)
{
    QStringList groups;
    auto add = [&](Location::Kind kind, const QStringList &ids, const char *one,
                   const char *several, auto makeLink) {
        QStringList links;
        for (const QString &id : ids) {
            // A theme is its id in every catalog (Occurrences); cues and releases are not.
            const bool isShown = shown.kind == kind && shown.id == id
                && (kind == Location::Theme || shown.catalogId == catalog.id);
            if (!isShown)
                links.append(makeLink(catalog, id));
        }
        if (!links.isEmpty())
            groups.append(tr(links.size() == 1 ? one : several).arg(PaneHtml::nameList(links)));
    };
    add(Location::Theme, excerpt.themeIds, QT_TRANSLATE_NOOP("PaneHtml", "the theme %1"),
        QT_TRANSLATE_NOOP("PaneHtml", "the themes %1"),
        [](const Catalog &c, const QString &id) { return PaneHtml::themeLink(c, id); });
    add(Location::Cue, excerpt.cueIds, QT_TRANSLATE_NOOP("PaneHtml", "the cue %1"),
        QT_TRANSLATE_NOOP("PaneHtml", "the cues %1"),
        [](const Catalog &c, const QString &id) { return PaneHtml::cueLink(c, id); });
    add(Location::Release, excerpt.releaseIds, QT_TRANSLATE_NOOP("PaneHtml", "the release %1"),
        QT_TRANSLATE_NOOP("PaneHtml", "the releases %1"), PaneHtml::releaseLink);
    if (groups.isEmpty())
        return QString();
    return u"<p class=\"about\">"_s + tr("About %1").arg(groups.join(u"; ")) + u"</p>"_s;
}

// Who wrote it, where and when, each part HTML. For a quoted speaker, the author is who
// interviewed or quoted them.
QStringList citationParts(const Source &source)
{
    QStringList parts;
    if (!source.author.isEmpty())
        parts.append(PaneHtml::escaped(source.author));
    if (!source.publication.isEmpty())
        parts.append(u"<i>"_s + PaneHtml::escaped(source.publication) + u"</i>"_s);
    if (!source.date.isEmpty())
        parts.append(PaneHtml::escaped(PaneHtml::readableDate(source.date)));
    return parts;
}

// "Jeff Russo, interviewed by Randall D. Larson" where the source has an author, else
// "Terry Matalas, quoted in Collider": first is the citation's first part (HTML).
QString speakerLead(const Source &source, const QString &speaker, const QString &first)
{
    const bool interview = source.kind == Source::Interview;
    const char *text = nullptr;
    if (!source.author.isEmpty()) {
        text = interview ? QT_TRANSLATE_NOOP("PaneHtml", "%1, interviewed by %2")
                         : QT_TRANSLATE_NOOP("PaneHtml", "%1, quoted by %2");
    } else {
        text = interview ? QT_TRANSLATE_NOOP("PaneHtml", "%1, interviewed in %2")
                         : QT_TRANSLATE_NOOP("PaneHtml", "%1, quoted in %2");
    }
    return tr(text).arg(PaneHtml::escaped(speaker), first);
}

QColor mixed(const QColor &a, const QColor &b, qreal amountOfB)
{
    const qreal k = 1.0 - amountOfB;
    return QColor::fromRgbF(a.redF() * k + b.redF() * amountOfB,
        a.greenF() * k + b.greenF() * amountOfB, a.blueF() * k + b.blueF() * amountOfB);
}

qreal luminance(const QColor &color)
{
    auto channel
        = [](qreal c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF());
}

qreal contrast(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Many hand-made dark palettes keep Qt's default link blue, which is unreadable on a dark base:
// then start from the accent colour instead, and lift (or deepen) it until it reads as text does.
QColor readableLink(const QPalette &palette, const QColor &base)
{
    QColor link = palette.color(QPalette::Active, QPalette::Link);
    if (contrast(link, base) < 3.0)
        link = palette.color(QPalette::Active, QPalette::Highlight);
    const bool darkBase = luminance(base) < 0.25;
    for (int step = 0; step < 12 && contrast(link, base) < 4.5; ++step)
        link = darkBase ? link.lighter(118) : link.darker(118);
    return link;
}

} // namespace

namespace PaneHtml {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString quotationText(const QString &text)
{
    QString result = text;
    for (qsizetype i = 0; i < result.size(); ++i) {
        const QChar c = result.at(i);
        if (c == u'“' || (c == u'"' && opensQuote(result, i)))
            result[i] = u'‘';
        else if (c == u'”' || c == u'"')
            result[i] = u'’';
        else if (c == u'\'')
            result[i] = opensQuote(result, i) ? u'‘' : u'’';
    }
    return result;
}

QString link(const Location &location, const QString &text)
{
    const QString href = LocationLink::toUrl(location).toString(QUrl::FullyEncoded);
    return u"<a href=\""_s + href.toHtmlEscaped() + u"\">"_s + escaped(text) + u"</a>"_s;
}

QString actionLink(const PaneAction &action, const QString &text, const QString &title)
{
    const QString href = PaneActionLink::toUrl(action).toString(QUrl::FullyEncoded);
    const QString titleAttribute
        = title.isEmpty() ? QString() : u" title=\""_s + title.toHtmlEscaped() + u"\""_s;
    return u"<a href=\""_s + href.toHtmlEscaped() + u"\""_s + titleAttribute + u">"_s
        + escaped(text) + u"</a>"_s;
}

QString themeLink(const Catalog &catalog, const QString &themeId)
{
    const Theme *theme = catalog.theme(themeId);
    return link(Location {Location::Theme, catalog.id, themeId, {}}, theme ? theme->name : themeId);
}

Location cueLocation(const Catalog &catalog, const QString &cueId, const QString &releaseId)
{
    QString release = releaseId;
    if (release.isEmpty()) {
        const QList<TrackRef> places = catalog.tracksOfCue(cueId);
        if (!places.isEmpty())
            release = catalog.releases.at(places.first().release).id;
    }
    return Location {Location::Cue, catalog.id, cueId, release};
}

QString cueLink(const Catalog &catalog, const QString &cueId, const QString &releaseId)
{
    const Cue *cue = catalog.cue(cueId);
    return link(cueLocation(catalog, cueId, releaseId), cue ? cue->title : cueId);
}

QString playFromLink(const Catalog &catalog, const Location &cue, qint64 startMs)
{
    const Cue *played = catalog.cue(cue.id);
    const QString time = TimeCode::formatSeconds(startMs);
    return actionLink(PaneAction {PaneAction::Play, cue, startMs, {}},
        tr("▶ %1", "play from a time").arg(time),
        tr("Play “%1” from %2").arg(played ? played->title : cue.id, time));
}

QString playCueLink(const Catalog &catalog, const Location &cue)
{
    const Cue *played = catalog.cue(cue.id);
    return actionLink(PaneAction {PaneAction::Play, cue, 0, {}}, tr("▶ Play cue"),
        tr("Play “%1” from the start").arg(played ? played->title : cue.id));
}

QString actions(const QStringList &linksHtml)
{
    if (linksHtml.isEmpty())
        return QString();
    return u"<p class=\"actions\">"_s + linksHtml.join(u" · ") + u"</p>"_s;
}

QString releaseLink(const Catalog &catalog, const QString &releaseId)
{
    const Release *release = catalog.release(releaseId);
    return link(Location {Location::Release, catalog.id, releaseId, {}},
        release ? shortReleaseTitle(catalog, *release) : releaseId);
}

QString webLink(const QString &url, const QString &text)
{
    const QUrl target(url, QUrl::StrictMode);
    if (!target.isValid() || (target.scheme() != u"https"_s && target.scheme() != u"http"_s))
        return escaped(text);
    return u"<a href=\""_s + target.toString(QUrl::FullyEncoded).toHtmlEscaped() + u"\">"_s
        + escaped(text) + u"</a>"_s;
}

QString shortReleaseTitle(const Catalog &catalog, const Release &release)
{
    QString title = withoutPrefix(release.title.trimmed(), catalog.title.trimmed());
    const QString parenthetical = closingParenthetical(title);
    if (!parenthetical.isEmpty() && title.size() > parenthetical.size()
        && everyReleaseEndsWith(catalog, parenthetical))
        title = title.chopped(parenthetical.size()).trimmed();
    return title.isEmpty() ? release.title : title;
}

QString readableDate(const QString &date, const QLocale &locale)
{
    const QStringList parts = date.split(u'-');
    bool ok = true;
    QList<int> numbers;
    for (const QString &part : parts)
        numbers.append(ok ? part.toInt(&ok) : 0);
    if (!ok || parts.first().size() != 4)
        return date;
    switch (parts.size()) {
    case 1:
        return date;
    case 2:
        if (QDate(numbers.at(0), numbers.at(1), 1).isValid()) {
            return tr("%1 %2", "month, year")
                .arg(locale.standaloneMonthName(numbers.at(1)), parts.first());
        }
        break;
    case 3: {
        const QDate day(numbers.at(0), numbers.at(1), numbers.at(2));
        if (day.isValid())
            return locale.toString(day, u"d MMMM yyyy"_s);
        break;
    }
    }
    return date;
}

QString nameList(const QStringList &names, const QLocale &locale)
{
    return locale.createSeparatedList(names);
}

// Paragraphs with classes rather than <h1>/<h2>: QTextDocument sizes headings itself and
// ignores a style sheet's font-size for them.
QString title(const QString &text)
{
    return u"<p class=\"title\">"_s + escaped(text) + u"</p>"_s;
}

QString subtitle(const QString &text)
{
    return text.isEmpty() ? QString() : u"<p class=\"subtitle\">"_s + escaped(text) + u"</p>"_s;
}

QString sectionHeading(const QString &text)
{
    return u"<p class=\"section\">"_s + escaped(text) + u"</p>"_s;
}

QString paragraph(const QString &text)
{
    return text.isEmpty() ? QString() : u"<p>"_s + escaped(text) + u"</p>"_s;
}

QString facts(const QList<Fact> &facts)
{
    QString rows;
    for (const Fact &fact : facts) {
        if (fact.valueHtml.isEmpty())
            continue;
        rows += u"<tr><td class=\"label\">"_s + escaped(fact.label) + u"</td><td class=\"value\">"_s
            + fact.valueHtml + u"</td></tr>"_s;
    }
    if (rows.isEmpty())
        return QString();
    // Margins on a table are read from its own style attribute, not from the style sheet.
    return u"<table class=\"facts\" style=\"margin-top: 4px; margin-bottom: 10px;\" "
           "cellspacing=\"0\" cellpadding=\"0\">"_s
        + rows + u"</table>"_s;
}

QString note(const QString &strong, const QString &text)
{
    return u"<table class=\"note\" style=\"margin-bottom: 6px;\" width=\"100%\" cellspacing=\"0\" "
           "cellpadding=\"8\"><tr><td>"
           "<b>"_s
        + escaped(strong) + u"</b> "_s + escaped(text) + u"</td></tr></table>"_s;
}

QString emptyState(const QString &text)
{
    return u"<p class=\"empty\">"_s + escaped(text) + u"</p>"_s;
}

QString rowsTable(const QString &rowsHtml)
{
    return u"<table class=\"rows\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\">"_s + rowsHtml
        + u"</table>"_s;
}

QString row(const QString &where, const QString &bodyHtml)
{
    return u"<tr><td class=\"where\">"_s + escaped(where.isEmpty() ? u"—"_s : where)
        + u"</td><td class=\"occurrence\" width=\"100%\">"_s + bodyHtml + u"</td></tr>"_s;
}

QString headingRow(const QString &bodyHtml)
{
    return u"<tr><td class=\"group\" colspan=\"2\">"_s + bodyHtml + u"</td></tr>"_s;
}

QString detail(const QString &html)
{
    return html.isEmpty() ? QString() : u"<p class=\"detail\">"_s + html + u"</p>"_s;
}

QString inferredMark(const QString &basis)
{
    const QString title
        = basis.isEmpty() ? QString() : u" title=\""_s + basis.toHtmlEscaped() + u"\""_s;
    return u"<i"_s + title + u">"_s + escaped(tr("(inferred)")) + u"</i>"_s;
}

QString inferenceDetail(const QString &basis)
{
    if (basis.isEmpty())
        return detail(escaped(tr("Inferred: no source states this outright.")));
    return detail(escaped(tr("Inferred: %1").arg(basis)));
}

QString yoursMark()
{
    return u"<i title=\""_s
        + tr("You marked this moment; change it in the cue's Markers tab.").toHtmlEscaped()
        + u"\">"_s + escaped(tr("your marker")) + u"</i>"_s;
}

QString citation(const Source &source, const QString &speaker)
{
    QStringList parts = citationParts(source);
    // A speaker is quoted in something: with neither author nor publication, in the text itself.
    const bool titleInFirstLine = parts.isEmpty()
        || (!speaker.isEmpty() && source.author.isEmpty() && source.publication.isEmpty());
    if (titleInFirstLine)
        parts.prepend(webLink(source.url, quotedTitle(source.title)));
    if (!speaker.isEmpty())
        parts.first() = speakerLead(source, speaker, parts.first());

    QString html
        = u"<p class=\"cite\">"_s + tr("— %1", "who said it").arg(parts.join(u", ")) + u"</p>"_s;
    QStringList detail;
    if (const QString kind = sourceKindText(source.kind); !kind.isEmpty())
        detail.append(escaped(kind));
    if (!titleInFirstLine)
        detail.append(webLink(source.url, quotedTitle(source.title)));
    if (!detail.isEmpty())
        html += u"<p class=\"cite-detail\">"_s + detail.join(u" · ") + u"</p>"_s;
    return html;
}

QString excerptBlock(const Catalog &catalog, const Excerpt &excerpt, const Location &shown)
{
    // QTextDocument draws no border on one side of a block; a narrow filled cell is the rule.
    QString html = u"<table class=\"excerpt\" style=\"margin-bottom: 14px;\" width=\"100%\" "
                   "cellspacing=\"0\" cellpadding=\"0\"><tr><td class=\"rule\" "
                   "width=\"3\"></td><td class=\"quote\">"
                   "<p class=\"quotation\">"_s
        + escaped(tr("“%1”", "a quotation").arg(quotationText(excerpt.text))) + u"</p>"_s;
    if (const Source *source = catalog.source(excerpt.sourceId))
        html += citation(*source, excerpt.speaker);
    html += aboutLinks(catalog, excerpt, shown);
    return html + u"</td></tr></table>"_s;
}

QString excerptSection(const Catalog &catalog, const QList<int> &excerpts, const Location &shown,
    const QString &emptyText)
{
    QString html = sectionHeading(tr("Excerpts"));
    if (excerpts.isEmpty())
        return html + emptyState(emptyText);
    for (const int e : excerpts)
        html += excerptBlock(catalog, catalog.excerpts.at(e), shown);
    return html;
}

QString styleSheet(const QPalette &palette, const QFont &font)
{
    const QColor text = palette.color(QPalette::Active, QPalette::Text);
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    const QColor muted = mixed(text, base, 0.4);
    const QColor rule = mixed(text, base, 0.78);
    const QColor noteBackground
        = mixed(palette.color(QPalette::Active, QPalette::Highlight), base, 0.86);
    const QColor link = readableLink(palette, base);

    const bool points = font.pointSizeF() > 0;
    const qreal baseSize = points ? font.pointSizeF() : font.pixelSize();
    // QString, not auto: with QStringBuilder, auto would return a builder over a dead temporary.
    auto size = [&](qreal factor) -> QString {
        return QString::number(baseSize * factor, 'f', 1) + (points ? u"pt"_s : u"px"_s);
    };
    auto name = [](const QColor &color) { return color.name(QColor::HexRgb); };

    return QStringLiteral(
        "a { color: %1; text-decoration: none; }"
        "p { margin-top: 0px; margin-bottom: 8px; }"
        ".title { font-size: %4; font-weight: 600; margin-bottom: 2px; }"
        ".section { font-size: %5; font-weight: 600; margin-top: 18px; margin-bottom: 8px; }"
        ".group-title { font-weight: 600; margin-top: 10px; margin-bottom: 4px; }"
        ".beside { padding-left: 16px; }"
        ".subtitle { color: %2; margin-bottom: 12px; }"
        ".muted { color: %2; }"
        ".label { color: %2; padding-right: 14px; padding-bottom: 3px; }"
        ".value { padding-bottom: 3px; }"
        ".rule { background-color: %3; }"
        ".quote { padding-left: 12px; }"
        ".quotation { margin-bottom: 4px; }"
        ".cite { margin-bottom: 0px; }"
        ".cite-detail { color: %2; font-size: %6; margin-bottom: 0px; }"
        ".about { color: %2; font-size: %6; margin-top: 4px; margin-bottom: 0px; }"
        ".detail { color: %2; font-size: %6; margin-bottom: 0px; }"
        ".where { color: %2; padding-right: 12px; padding-bottom: 10px; white-space: nowrap; }"
        ".occurrence { padding-bottom: 10px; }"
        ".group { padding-top: 6px; padding-bottom: 6px; }"
        ".heading { margin-bottom: 1px; }"
        ".actions { margin-top: 3px; margin-bottom: 12px; }"
        ".empty { color: %2; font-style: italic; }"
        ".note { background-color: %7; }")
        .arg(name(link), name(muted), name(rule), size(1.4), size(1.12), size(0.92),
            name(noteBackground));
}

} // namespace PaneHtml
