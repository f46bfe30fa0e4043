#pragma once

#include <csignal>
#include <sys/resource.h>

// While it lives, no file of this process can grow past one byte (RLIMIT_FSIZE, which binds
// root too): every write SQLite makes fails as on a full disk. SIGXFSZ is ignored, so the
// write() returns EFBIG instead of the signal killing the test. Check results once it is gone,
// so that a failure's message can be written anywhere.
class FileSizeLimit
{
public:
    FileSizeLimit()
    {
        m_active = getrlimit(RLIMIT_FSIZE, &m_saved) == 0;
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit tight = m_saved;
        tight.rlim_cur = 1;
        m_active = m_active && setrlimit(RLIMIT_FSIZE, &tight) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;
    bool isActive() const { return m_active; }

private:
    rlimit m_saved {};
    void (*m_oldHandler)(int) = nullptr;
    bool m_active = false;
};
