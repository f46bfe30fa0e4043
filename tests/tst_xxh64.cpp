#include "library/xxh64.h"

#include <QTest>

class tst_Xxh64 : public QObject
{
    Q_OBJECT

private slots:
    void knownValues();
};

void tst_Xxh64::knownValues()
{
    // Checked against the reference implementation (libxxhash 0.8.1, XXH64 with seed 0).
    QCOMPARE(Xxh64().result(), 0xef46db3751d8e999ULL);
    Xxh64 abc;
    abc.addData("abc");
    QCOMPARE(abc.result(), 0x44bc2cf5ad770999ULL);
    QByteArray data;
    for (int i = 0; i < 1000; ++i)
        data.append(char(i * 31 + i / 7));
    Xxh64 whole;
    whole.addData(data);
    QCOMPARE(whole.result(), 0x2b0916f332212cb7ULL);
    // Fed in uneven pieces, as Ogg packets are: the same.
    Xxh64 pieces;
    for (qsizetype i = 0; i < data.size(); i += 5)
        pieces.addData(QByteArrayView(data).sliced(i, std::min<qsizetype>(5, data.size() - i)));
    QCOMPARE(pieces.result(), whole.result());
}

QTEST_GUILESS_MAIN(tst_Xxh64)
#include "tst_xxh64.moc"
