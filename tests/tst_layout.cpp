#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

// The dependency rule of the source tree, as README.md states it: each folder of models/ may
// include only from itself and the folders listed for it, so that dependencies point one way.
// A folder missing here fails the test: a new folder is a decision, written down in both places.
// (ui/ cannot include app/, and models/ cannot include a widget, because their libraries do not
// link those: the compiler keeps that part of the rule.)
const QHash<QString, QStringList> &allowedIncludes()
{
    static const QHash<QString, QStringList> table {
        {u"catalog"_s, {}},
        {u"search"_s, {u"catalog"_s}},
        {u"library"_s, {u"catalog"_s}},
        {u"navigation"_s, {u"catalog"_s}},
        {u"playback"_s, {u"catalog"_s}},
        {u"covers"_s, {u"catalog"_s, u"library"_s, u"userdata"_s}},
        {u"userdata"_s, {u"catalog"_s, u"library"_s}},
        {u"itemmodels"_s, {u"catalog"_s, u"search"_s, u"library"_s, u"userdata"_s}},
        {u"waveform"_s, {u"catalog"_s, u"library"_s}},
        {u"exchange"_s, {u"catalog"_s, u"userdata"_s}},
    };
    return table;
}

struct Include
{
    QString file;
    QString target;
};

QList<Include> quotedIncludes(const QString &root)
{
    static const QRegularExpression include(
        u"^\\s*#\\s*include\\s+\"([^\"]+)\""_s, QRegularExpression::MultilineOption);
    QList<Include> found;
    QDirIterator it(root, {u"*.h"_s, u"*.cpp"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        const QString text = QString::fromUtf8(file.readAll());
        for (auto match = include.globalMatch(text); match.hasNext();)
            found.append({QDir(root).relativeFilePath(path), match.next().captured(1)});
    }
    return found;
}

class tst_Layout : public QObject
{
    Q_OBJECT

private slots:
    void everyModelsFolderHasARule();
    void modelsFoldersIncludeOnlyWhatTheyMayUse();
    void uiIncludesModelsFoldersAndItsOwnHeaders();

private:
    const QString m_source = QStringLiteral(CUEBOOK_SOURCE_DIR);
};

void tst_Layout::everyModelsFolderHasARule()
{
    const QStringList folders
        = QDir(m_source + u"/models"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY(folders.size() >= 5);
    for (const QString &folder : folders)
        QVERIFY2(allowedIncludes().contains(folder),
            qPrintable(u"models/%1 has no dependency rule"_s.arg(folder)));
    QVERIFY2(QDir(m_source + u"/models"_s).entryList({u"*.h"_s, u"*.cpp"_s}, QDir::Files).isEmpty(),
        "models/ holds sources outside its feature folders");
}

void tst_Layout::modelsFoldersIncludeOnlyWhatTheyMayUse()
{
    const QList<Include> includes = quotedIncludes(m_source + u"/models"_s);
    QVERIFY(includes.size() > 50);
    for (const Include &include : includes) {
        const QString folder = include.file.section(u'/', 0, 0);
        const QString used = include.target.section(u'/', 0, 0);
        QVERIFY2(include.target.contains(u'/'),
            qPrintable(u"models/%1 includes \"%2\" without its folder"_s.arg(
                include.file, include.target)));
        QVERIFY2(used == folder || allowedIncludes().value(folder).contains(used),
            qPrintable(u"models/%1 includes \"%2\": %3/ may not use %4/"_s.arg(
                include.file, include.target, folder, used)));
    }
}

void tst_Layout::uiIncludesModelsFoldersAndItsOwnHeaders()
{
    const QList<Include> includes = quotedIncludes(m_source + u"/ui"_s);
    QVERIFY(includes.size() > 20);
    const QDir ui(m_source + u"/ui"_s);
    for (const Include &include : includes) {
        const QString used = include.target.section(u'/', 0, 0);
        const bool ok = include.target.contains(u'/')
            ? allowedIncludes().contains(used) || ui.exists(used)
            : ui.exists(include.target);
        QVERIFY2(ok,
            qPrintable(u"ui/%1 includes \"%2\", which is neither in ui/ nor a models/ folder"_s.arg(
                include.file, include.target)));
    }
}

QTEST_GUILESS_MAIN(tst_Layout)
#include "tst_layout.moc"
