#include "catalog/catalogreader.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

const QString FilePath = u"fuzz/catalog.json"_s;

// What read() promises whatever the bytes: a verdict that matches the messages, every message
// naming the file, nothing kept from a refused file, and a kept catalog whose references all
// resolve. The fuzzer reports a broken promise as a crash.
void check(bool condition)
{
    if (!condition)
        std::abort();
}

void checkResolves(const Catalog &catalog)
{
    for (const Release &release : catalog.releases) {
        for (const Track &track : release.tracks)
            check(catalog.cue(track.cueId) != nullptr);
    }
    for (const Occurrence &occurrence : catalog.occurrences) {
        check(catalog.theme(occurrence.themeId) != nullptr);
        check(catalog.cue(occurrence.cueId) != nullptr);
        for (const QString &id : occurrence.sourceIds)
            check(catalog.source(id) != nullptr);
        check(occurrence.basis.isEmpty() || occurrence.inferred);
        check(occurrence.startMs < 0 || occurrence.endMs < 0
            || occurrence.startMs <= occurrence.endMs);
    }
    for (const Excerpt &excerpt : catalog.excerpts) {
        check(catalog.source(excerpt.sourceId) != nullptr);
        check(excerpt.speaker.isNull() || !excerpt.speaker.trimmed().isEmpty());
        for (const QString &id : excerpt.releaseIds)
            check(catalog.release(id) != nullptr);
        for (const QString &id : excerpt.cueIds)
            check(catalog.cue(id) != nullptr);
        for (const QString &id : excerpt.themeIds)
            check(catalog.theme(id) != nullptr);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    CatalogReader reader;
    const QByteArray bytes
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const bool valid = reader.readData(bytes, FilePath);
    check(valid == reader.errors().isEmpty());
    for (const QString &message : reader.errors() + reader.warnings())
        check(message.startsWith(FilePath + u':'));
    if (valid) {
        check(reader.catalog().filePath == FilePath);
        checkResolves(reader.catalog());
    } else {
        check(reader.catalog().id.isEmpty() && reader.catalog().releases.isEmpty()
            && reader.catalog().cues.isEmpty() && reader.catalog().filePath.isEmpty());
    }
    return 0;
}
