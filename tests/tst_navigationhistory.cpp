#include "navigation/navigationhistory.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_NavigationHistory : public QObject
{
    Q_OBJECT

private slots:
    void startsEmpty();
    void backAndForward();
    void visitDropsForwardEntries();
    void revisitingCurrentChangesNothing();
    void invalidLocationIgnored();
    void keepsAtMostMaxEntries();
    void removeCatalog();
    void removeCatalogOfEveryEntry();
    void locationForSettings();
};

namespace {

Location theme(const QString &id, const QString &catalog = u"picard"_s)
{
    return {Location::Theme, catalog, id, {}};
}

Location cue(const QString &id, const QString &release = {})
{
    return {Location::Cue, u"picard"_s, id, release};
}

} // namespace

void tst_NavigationHistory::startsEmpty()
{
    NavigationHistory history;
    QVERIFY(!history.current().isValid());
    QVERIFY(!history.canGoBack());
    QVERIFY(!history.canGoForward());
    QVERIFY(!history.back().isValid());
    QVERIFY(!history.forward().isValid());
}

void tst_NavigationHistory::backAndForward()
{
    NavigationHistory history;
    history.visit(cue(u"twins"_s, u"s1"_s));
    history.visit(theme(u"romulan"_s));
    history.visit(cue(u"mystery-ship"_s));
    QCOMPARE(history.back(), theme(u"romulan"_s));
    QCOMPARE(history.back(), cue(u"twins"_s, u"s1"_s));
    QVERIFY(!history.canGoBack());
    QCOMPARE(history.back(), cue(u"twins"_s, u"s1"_s));
    QCOMPARE(history.forward(), theme(u"romulan"_s));
    QCOMPARE(history.forward(), cue(u"mystery-ship"_s));
    QVERIFY(!history.canGoForward());
    QCOMPARE(history.forward(), cue(u"mystery-ship"_s));
}

void tst_NavigationHistory::visitDropsForwardEntries()
{
    NavigationHistory history;
    history.visit(cue(u"a"_s));
    history.visit(cue(u"b"_s));
    history.visit(cue(u"c"_s));
    history.back();
    history.back();
    history.visit(theme(u"march"_s));
    QVERIFY(!history.canGoForward());
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.back(), cue(u"a"_s));
}

void tst_NavigationHistory::revisitingCurrentChangesNothing()
{
    NavigationHistory history;
    history.visit(cue(u"a"_s));
    history.visit(cue(u"a"_s));
    QCOMPARE(history.size(), 1);
    // The same cue reached through another release is another place in the tree.
    history.visit(cue(u"a"_s, u"s1"_s));
    QCOMPARE(history.size(), 2);
}

void tst_NavigationHistory::invalidLocationIgnored()
{
    NavigationHistory history;
    history.visit(cue(u"a"_s));
    history.visit(Location());
    QCOMPARE(history.current(), cue(u"a"_s));
    QCOMPARE(history.size(), 1);
}

void tst_NavigationHistory::keepsAtMostMaxEntries()
{
    NavigationHistory history;
    for (int i = 0; i < NavigationHistory::MaxEntries + 10; ++i)
        history.visit(cue(QString::number(i)));
    QCOMPARE(history.size(), NavigationHistory::MaxEntries);
    QCOMPARE(history.current(), cue(QString::number(NavigationHistory::MaxEntries + 9)));
    while (history.canGoBack())
        history.back();
    QCOMPARE(history.current(), cue(u"10"_s));
}

void tst_NavigationHistory::removeCatalog()
{
    NavigationHistory history;
    history.visit(theme(u"march"_s));
    history.visit(theme(u"x"_s, u"other"_s));
    history.visit(theme(u"march"_s)); // after removal, neighbours of equal value fold into one
    history.visit(theme(u"y"_s, u"other"_s));
    history.visit(cue(u"c"_s));
    history.back(); // current: other/y
    history.removeCatalog(u"other"_s);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.current(), theme(u"march"_s));
    QVERIFY(!history.canGoBack());
    QCOMPARE(history.forward(), cue(u"c"_s));
}

void tst_NavigationHistory::removeCatalogOfEveryEntry()
{
    NavigationHistory history;
    history.visit(theme(u"x"_s, u"other"_s));
    history.removeCatalog(u"other"_s);
    QVERIFY(!history.current().isValid());
    QCOMPARE(history.size(), 0);
    history.visit(cue(u"a"_s));
    QCOMPARE(history.current(), cue(u"a"_s));
}

void tst_NavigationHistory::locationForSettings()
{
    const Location cue {Location::Cue, u"star-trek-picard"_s, u"box/2-1"_s, u"box"_s};
    QCOMPARE(Location::fromStringList(cue.toStringList()), cue);
    const Location theme {Location::Theme, u"c"_s, u"romulan"_s, {}};
    QCOMPARE(Location::fromStringList(theme.toStringList()), theme);
    // What an older or edited settings file may hold.
    for (const QStringList &bad : {QStringList {}, QStringList {u"2"_s, u"c"_s, u"x"_s},
             QStringList {u"9"_s, u"c"_s, u"x"_s, {}}, QStringList {u"0"_s, u"c"_s, u"x"_s, {}},
             QStringList {u"two"_s, u"c"_s, u"x"_s, {}}, QStringList {u"2"_s, {}, u"x"_s, {}}})
        QVERIFY2(!Location::fromStringList(bad).isValid(), qPrintable(bad.join(u'|')));
}

QTEST_GUILESS_MAIN(tst_NavigationHistory)
#include "tst_navigationhistory.moc"
