// A note typed survives a SIGKILL of the app, less at most the last second of typing: a child
// process (this program run again with --type-into) types into a real NoteEditor on a real
// database and says on its stdout what it typed and what was saved; the test kills it mid-typing
// and reads the database again.
#include "notes/noteeditor.h"
#include "userdata/notestore.h"
#include "userdata/userdatabase.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const CueKey MainTitle {u"star-trek-picard"_s, u"main-title"_s};
const QString TypeInto = u"--type-into"_s;
// The child types a key this often: a quick typist.
constexpr int KeyIntervalMs = 25;
// What may be lost: the last second of typing.
constexpr qint64 LossWindowMs = 1000;
// Typing this long without three saves is a failure, not a reason to wait longer.
constexpr int MaxKeys = 10'000 / KeyIntervalMs;

// The n-th key the child types: letters, then a space every seventh key.
QChar keyAt(int n)
{
    return n % 7 == 6 ? u' ' : QChar(u'a' + n % 26);
}

QString typedText(int count)
{
    QString text;
    for (int n = 0; n < count; ++n)
        text.append(keyAt(n));
    return text;
}

// Milliseconds on the system's monotonic clock, which the parent and the child share.
qint64 nowMs()
{
    QElapsedTimer now;
    now.start();
    return now.msecsSinceReference();
}

// The child: types into a NoteEditor until it is killed. Prints "typed N T" after the N-th key,
// typed at T (nowMs()), and "saved N" when a note of N characters reached the database.
int typeInto(const QString &databasePath)
{
    QTextStream out(stdout);
    UserDatabase database;
    if (!database.open(databasePath)) {
        QTextStream(stderr) << database.errorString() << '\n';
        return 2;
    }
    NoteEditor editor;
    editor.setUserData(&database);
    editor.setCue(MainTitle);
    editor.show();
    editor.startEditing();
    auto *edit = editor.findChild<QPlainTextEdit *>();
    if (!edit || !editor.isEditing()) {
        QTextStream(stderr) << "the note editor does not edit\n";
        return 2;
    }
    QObject::connect(database.notes(), &NoteStore::noteChanged, &editor,
        [&] { out << "saved " << database.notes()->note(MainTitle).size() << Qt::endl; });
    int typed = 0;
    QTimer typist;
    typist.setInterval(KeyIntervalMs);
    QObject::connect(&typist, &QTimer::timeout, &editor, [&] {
        QTest::keyClick(edit, keyAt(typed).toLatin1());
        ++typed;
        out << "typed " << typed << ' ' << nowMs() << Qt::endl;
    });
    typist.start();
    return QApplication::exec();
}

} // namespace

class tst_NoteKill : public QObject
{
    Q_OBJECT

private slots:
    void killedWhileTypingLosesAtMostTheLastSecond();
};

void tst_NoteKill::killedWhileTypingLosesAtMostTheLastSecond()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"user.sqlite"_s);
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(), {TypeInto, path});
    QVERIFY(child.waitForStarted());

    // When each key was typed, on the clock both processes share.
    QList<qint64> typedAtMs;
    int saves = 0;
    int lastSaved = 0;
    auto readLines = [&] {
        while (child.canReadLine()) {
            const QList<QByteArray> line = child.readLine().trimmed().split(' ');
            if (line.size() == 3 && line.at(0) == "typed")
                typedAtMs.append(line.at(2).toLongLong());
            else if (line.size() == 2 && line.at(0) == "saved") {
                ++saves;
                lastSaved = line.at(1).toInt();
            }
        }
    };
    // Killed mid-typing, after a few saves, well into the wait for the next one: with a key every
    // 25 ms, 15 keys are 375 ms of a 500 ms wait.
    while (saves < 3 || typedAtMs.size() < lastSaved + 15) {
        if (!child.waitForReadyRead(10'000)) {
            QFAIL(qPrintable(u"the child stopped: %1"_s.arg(
                QString::fromLocal8Bit(child.readAllStandardError()))));
        }
        readLines();
        if (typedAtMs.size() > MaxKeys) {
            child.kill();
            child.waitForFinished();
            QFAIL(qPrintable(u"%1 saves in %2 keys"_s.arg(saves).arg(typedAtMs.size())));
        }
    }
    const qint64 killedAtMs = nowMs();
    QCOMPARE(::kill(pid_t(child.processId()), SIGKILL), 0);
    QVERIFY(child.waitForFinished(10'000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    // Lines written before the kill and not read yet.
    readLines();

    UserDatabase database;
    QVERIFY2(database.open(path), qPrintable(database.errorString()));
    const QString note = database.notes()->note(MainTitle);
    const QString typed = typedText(int(typedAtMs.size()));
    // What is on disk is what was typed, and every save the child saw survived the kill.
    QVERIFY2(typed.startsWith(note), qPrintable(note));
    QVERIFY2(note.size() >= lastSaved,
        qPrintable(u"%1 characters on disk, %2 saved"_s.arg(note.size()).arg(lastSaved)));
    // Only the keys of the last moments are lost.
    for (qsizetype key = note.size(); key < typed.size(); ++key) {
        const qint64 before = killedAtMs - typedAtMs.at(key);
        QVERIFY2(before <= LossWindowMs,
            qPrintable(u"key %1 of %2, typed %3 ms before the kill, is lost"_s.arg(key + 1)
                           .arg(typed.size())
                           .arg(before)));
    }
    qInfo("%d keys typed, %d on disk, %d saves seen", int(typed.size()), int(note.size()), saves);
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 3 && arguments.at(1) == TypeInto)
        return typeInto(arguments.at(2));
    tst_NoteKill test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_notekill.moc"
