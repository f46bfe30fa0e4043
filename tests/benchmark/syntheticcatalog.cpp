#include "syntheticcatalog.h"

#include <QIODevice>

#include <array>
#include <cctype>
#include <random>
#include <string>
#include <vector>

namespace {

constexpr std::array Words {"daybreak", "romulan", "borg", "cube", "leaving", "home", "nepenthe",
    "vineyard", "sirena", "mars", "shuttle", "reunion", "admiral", "archive", "synth", "android",
    "warp", "nebula", "station", "farewell", "memory", "ghost", "signal", "drift", "orbit",
    "harbor", "return", "promise", "winter", "quiet", "storm", "lantern"};
constexpr std::array Composers {"Jeff Russo", "Jerry Goldsmith", "Alexander Courage",
    "Fred Steiner", "Jay Chattaway", "Ron Jones", "Dennis McCarthy", "Stephen Barton",
    "Frederik Wiedmann", "James Horner", "Cliff Eidelman", "Leonard Rosenman", "David Bell",
    "Paul Baillargeon", "Kevin Kiner"};
constexpr std::array ThemeWords {"Romulan", "Borg", "Starfleet", "Vulcan", "Klingon", "Ferengi",
    "Cardassian", "Bajoran", "Andorian", "Tholian"};
constexpr std::array ThemeKinds {"theme", "motif", "fanfare", "march", "lament", "hymn"};
constexpr std::array OccurrenceKinds {
    "statement", "quotation", "allusion", "fragment", "variation"};
constexpr std::array Positions {"opening", "middle", "ending", "throughout"};

class Writer
{
public:
    Writer(std::mt19937 &random, QIODevice &device)
        : m_random(random)
        , m_device(device)
    {
        m_out.reserve(2 * BufferSize);
    }

    int pick(int count) { return std::uniform_int_distribution<int>(0, count - 1)(m_random); }

    template<typename Array>
    const char *pickFrom(const Array &items)
    {
        return items[size_t(pick(int(items.size())))];
    }

    std::string title(int words)
    {
        std::string text;
        for (int i = 0; i < words; ++i) {
            std::string word = pickFrom(Words);
            word[0] = char(std::toupper(word[0]));
            text += (i ? " " : "") + word;
        }
        return text;
    }

    static std::string time(int seconds)
    {
        const int s = seconds % 60;
        return std::to_string(seconds / 60) + (s < 10 ? ":0" : ":") + std::to_string(s);
    }

    Writer &raw(const std::string &text)
    {
        m_out += text;
        if (m_out.size() >= BufferSize)
            flush();
        return *this;
    }

    bool flush()
    {
        m_ok = m_ok && m_device.write(m_out.data(), qint64(m_out.size())) == qint64(m_out.size());
        m_out.clear();
        return m_ok;
    }

    Writer &field(const char *key, const std::string &value, bool last = false)
    {
        m_out += '"';
        m_out += key;
        m_out += "\": \"";
        m_out += value;
        m_out += last ? "\"" : "\", ";
        return *this;
    }

private:
    static constexpr size_t BufferSize = 1 << 20;

    std::mt19937 &m_random;
    QIODevice &m_device;
    std::string m_out;
    bool m_ok = true;
};

std::string id(const char *prefix, int n)
{
    return std::string(prefix) + '-' + std::to_string(n);
}

} // namespace

bool writeSyntheticCatalog(QIODevice &device, const SyntheticCatalogSize &size)
{
    std::mt19937 random(20260101);
    Writer w(random, device);
    const int cueCount = size.releases * size.tracksPerRelease;
    std::vector<int> cueSeconds(size_t(cueCount), 0);

    w.raw("{\n\"format\": \"cuebook-catalog\", \"version\": 1, \"id\": \"synthetic\", ");
    w.raw("\"title\": \"Synthetic Scores\",\n\"sources\": [\n");
    for (int s = 0; s < 50; ++s) {
        w.raw(s ? ",\n{" : "{").field("id", id("source", s)).field("kind", "review");
        w.field("title", w.title(3)).field("author", w.pickFrom(Composers));
        w.field("date", "2020-0" + std::to_string(1 + s % 9) + "-1" + std::to_string(s % 10), true);
        w.raw("}");
    }
    w.raw("],\n\"themes\": [\n");
    for (int t = 0; t < size.themes; ++t) {
        w.raw(t ? ",\n{" : "{").field("id", id("theme", t));
        w.field("name",
            std::string(w.pickFrom(ThemeWords)) + ' ' + w.pickFrom(ThemeKinds) + ' '
                + std::to_string(t));
        w.field("composer", w.pickFrom(Composers)).field("origin", w.title(2));
        w.raw("\"aliases\": [\"").raw(w.title(2)).raw("\"]}");
    }
    w.raw("],\n\"cues\": [\n");
    for (int c = 0; c < cueCount; ++c) {
        cueSeconds[size_t(c)] = 60 + w.pick(360);
        w.raw(c ? ",\n{" : "{").field("id", id("cue", c)).field("title", w.title(1 + w.pick(4)));
        w.raw("\"composers\": [\"").raw(w.pickFrom(Composers)).raw("\"]");
        if (c % 7 == 0)
            w.raw(", ").field("episode", "Episode " + std::to_string(1 + c % 10), true);
        w.raw("}");
    }
    w.raw("],\n\"releases\": [\n");
    for (int r = 0; r < size.releases; ++r) {
        w.raw(r ? ",\n{" : "{")
            .field("id", id("release", r))
            .field("title", w.title(2 + w.pick(3)));
        w.raw("\"artists\": [\"").raw(w.pickFrom(Composers)).raw("\"], ");
        w.field("label", "Lakeshore Records").field("date", std::to_string(1979 + r % 45));
        w.field("format", "Digital").raw("\"tracks\": [\n");
        for (int t = 0; t < size.tracksPerRelease; ++t) {
            const int cue = r * size.tracksPerRelease + t;
            w.raw(t ? ",\n {" : " {").raw("\"number\": " + std::to_string(t + 1) + ", ");
            w.field("title", w.title(1 + w.pick(4)));
            w.field("duration", Writer::time(cueSeconds[size_t(cue)]))
                .field("cue", id("cue", cue), true);
            w.raw("}");
        }
        w.raw("]}");
    }
    w.raw("],\n\"occurrences\": [\n");
    for (int o = 0; o < size.occurrences; ++o) {
        const int cue = w.pick(cueCount);
        w.raw(o ? ",\n{" : "{").field("theme", id("theme", w.pick(size.themes)));
        w.field("cue", id("cue", cue)).field("kind", w.pickFrom(OccurrenceKinds));
        if (o % 2 == 0) {
            const int start = w.pick(cueSeconds[size_t(cue)] - 10);
            w.field("start", Writer::time(start)).field("end", Writer::time(start + 10));
        } else {
            w.field("position", w.pickFrom(Positions));
        }
        w.field("instruments", "solo cello").field("source", id("source", w.pick(50)), true);
        w.raw("}");
    }
    w.raw("],\n\"excerpts\": [\n");
    for (int e = 0; e < size.excerpts; ++e) {
        w.raw(e ? ",\n{" : "{")
            .field("id", id("excerpt", e))
            .field("source", id("source", w.pick(50)));
        w.field("text", w.title(20) + '.');
        w.raw("\"releases\": [\"").raw(id("release", w.pick(size.releases))).raw("\"], ");
        w.raw("\"cues\": [\"").raw(id("cue", w.pick(cueCount))).raw("\"], ");
        w.raw("\"themes\": [\"").raw(id("theme", w.pick(size.themes))).raw("\"]}");
    }
    w.raw("]\n}\n");
    return w.flush();
}
