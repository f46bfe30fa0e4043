#include "exchange/catalognames.h"
#include "exchange/notesmarkdown.h"
#include "exchangefixtures.h"
#include "testcatalogs.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ExchangeFixtures;

// Notes and markers as Markdown, to read: titles and episodes where the catalog is open, ids where
// it is not, the note as written, markers as a list with their themes by name.
class tst_NotesMarkdown : public QObject
{
    Q_OBJECT

private slots:
    void writesTheExpectedText();
    void markerLines_data();
    void markerLines();
    void nothingToExport();
};

void tst_NotesMarkdown::writesTheExpectedText()
{
    const QList<Catalog> catalogs {TestCatalogs::picard()};
    const CatalogNames names(catalogs);
    const QString text
        = QString::fromUtf8(NotesMarkdown::write(cues(), names, {Then + 60'000, u"0.1.0"_s}));
    QCOMPARE(text, uR"(# Notes and markers

Exported from Cuebook 0.1.0 on 2025-03-01 09:31 UTC.

## Star Trek: Picard

### Star Trek Picard Main Title

Episode: Remembrance

The March enters *twice*.

- once in the strings
- once in the "horns"\

- 0:12 — fanfare (quotation)
- 1:12–1:20 — the March in the horns (theme: Star Trek March, statement)

### Star Trek Picard End Title

- 1:02:03 — tab here \*stars\* \[1\]

## discovery-s2

### season-2/1-4

A note on a catalog that is not open.
)"_s);
}

void tst_NotesMarkdown::markerLines_data()
{
    QTest::addColumn<Marker>("marker");
    QTest::addColumn<QString>("expected");
    const CueKey cue {Picard, u"main-title"_s};
    QTest::newRow("point") << marker(cue, u"m"_s, 72'999, -1, u"horns"_s) << u"1:12 — horns"_s;
    QTest::newRow("no label") << marker(cue, u"m"_s, 72'000, -1, {}) << u"1:12"_s;
    QTest::newRow("theme only") << marker(cue, u"m"_s, 72'000, -1, u"horns"_s, u"picard"_s)
                                << u"1:12 — horns (theme: Picard’s theme)"_s;
    QTest::newRow("unknown theme") << marker(cue, u"m"_s, 72'000, -1, u"horns"_s, u"borg-chant"_s,
        u"allusion"_s) << u"1:12 — horns (theme: borg-chant, allusion)"_s;
    QTest::newRow("range") << marker(cue, u"m"_s, 0, 3'600'000, u"all of it"_s)
                           << u"0:00–1:00:00 — all of it"_s;
    QTest::newRow("markup") << marker(cue, u"m"_s, 0, -1, u"<b>_x_</b> #1 `y`"_s)
                            << u"0:00 — \\<b\\>\\_x\\_\\</b\\> \\#1 \\`y\\`"_s;
}

void tst_NotesMarkdown::markerLines()
{
    QFETCH(Marker, marker);
    QFETCH(QString, expected);
    const QList<Catalog> catalogs {TestCatalogs::picard()};
    QCOMPARE(NotesMarkdown::markerLine(marker, CatalogNames(catalogs)), expected);
}

void tst_NotesMarkdown::nothingToExport()
{
    QCOMPARE(QString::fromUtf8(NotesMarkdown::write({}, CatalogNames(), {Then, u"0.1.0"_s})),
        u"# Notes and markers\n\nExported from Cuebook 0.1.0 on 2025-03-01 09:30 UTC.\n\n"
        "There are no notes or markers.\n"_s);
}

QTEST_GUILESS_MAIN(tst_NotesMarkdown)
#include "tst_notesmarkdown.moc"
