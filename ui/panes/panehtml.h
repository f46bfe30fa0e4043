#pragma once

#include "catalog/catalog.h"
#include "navigation/location.h"
#include "navigation/paneaction.h"

#include <QList>
#include <QLocale>
#include <QString>

class QFont;
class QPalette;

// The rich text the detail panes share. Every function returns an HTML fragment for a
// PaneBrowser, with user text escaped; none of them names a colour or a size: those come from
// styleSheet(), which PaneBrowser builds from its own palette and font, so that a dark palette
// gives a dark page.
namespace PaneHtml {

// One row of the compact two-column form at the top of a pane.
struct Fact
{
    QString label; // plain text
    QString valueHtml; // HTML; a row with an empty value is left out
};

QString escaped(const QString &text);
// The text set inside “…”: its own double quotes become single curly ones, straight
// apostrophes curly ones, so that the quotation nests the way print does.
QString quotationText(const QString &text);

// A link in Cuebook's own scheme (LocationLink); text is plain and gets escaped.
QString link(const Location &location, const QString &text);
QString themeLink(const Catalog &catalog, const QString &themeId);
// releaseId is the release the cue is reached through (selects that row in the tree).
QString cueLink(const Catalog &catalog, const QString &cueId, const QString &releaseId = {});
QString releaseLink(const Catalog &catalog, const QString &releaseId);
// The cue as a link names it: through releaseId, or else through the first release it stands on.
Location cueLocation(const Catalog &catalog, const QString &cueId, const QString &releaseId = {});
// A link that asks the window to act for a cue (PaneActionLink); text is plain and gets escaped.
// title, when given, is the link's tooltip.
QString actionLink(const PaneAction &action, const QString &text, const QString &title = {});
// "▶ 1:23": plays the cue from startMs, where a theme enters.
QString playFromLink(const Catalog &catalog, const Location &cue, qint64 startMs);
// "▶ Play cue": plays the cue from its start.
QString playCueLink(const Catalog &catalog, const Location &cue);
// A line of action links (HTML), one after the other; empty when there is none.
QString actions(const QStringList &linksHtml);
// A link that opens in the desktop browser; plain text for anything but http(s).
QString webLink(const QString &url, const QString &text);

// "Season 1, Chapter 1" for "Star Trek: Picard – Season 1, Chapter 1 (Original Series
// Soundtrack)" in the catalog "Star Trek: Picard": short enough for a list; the full title
// stays on the release's own pane.
QString shortReleaseTitle(const Catalog &catalog, const Release &release);

// "2020", "March 2020", "27 March 2020" for the format's YYYY, YYYY-MM, YYYY-MM-DD; anything
// else comes back unchanged.
QString readableDate(const QString &date, const QLocale &locale = QLocale());
// "Stephen Barton and Frederik Wiedmann": the locale's way of joining names.
QString nameList(const QStringList &names, const QLocale &locale = QLocale());

QString title(const QString &text);
QString subtitle(const QString &text);
QString sectionHeading(const QString &text);
QString paragraph(const QString &text);
QString facts(const QList<Fact> &facts);
// A remark the reader must not miss, such as a partial track list; strong is set in bold.
QString note(const QString &strong, const QString &text);
// What a pane says where a list has nothing in it: muted, never a blank.
QString emptyState(const QString &text);

// The table of occurrences: one row each, where it is heard on the left (a time, or words such
// as "opening"), the rest on the right. A heading row spans both columns.
QString rowsTable(const QString &rowsHtml);
QString row(const QString &where, const QString &bodyHtml);
QString headingRow(const QString &bodyHtml);
// Smaller, muted text under a row's first line.
QString detail(const QString &html);
// "(inferred)" after an occurrence that no source states outright, with its basis as the tooltip.
QString inferredMark(const QString &basis);
// The line under such an occurrence that says what the inference rests on.
QString inferenceDetail(const QString &basis);
// "your marker" beside an occurrence the user marked, which no catalog states.
QString yoursMark();

// "— Randall D. Larson, Soundtrax, 27 March 2020", then the kind and the title (linked to
// its url where there is one). With a speaker, the words are theirs and the source is where they
// appeared: "— Jeff Russo, interviewed by Randall D. Larson, Soundtrax, 27 March 2020", or
// "— Terry Matalas, quoted in Collider, 13 April 2023".
QString citation(const Source &source, const QString &speaker = {});
// The quotation, its citation, and links to what it is about, except the thing shown.
QString excerptBlock(const Catalog &catalog, const Excerpt &excerpt, const Location &shown);

// The "Excerpts" section: every excerpt in excerpts (indexes into catalog.excerpts), or
// emptyText when there is none.
QString excerptSection(const Catalog &catalog, const QList<int> &excerpts, const Location &shown,
    const QString &emptyText);

// The default style sheet for a pane's document: colours from the palette, sizes from the font.
QString styleSheet(const QPalette &palette, const QFont &font);

} // namespace PaneHtml
