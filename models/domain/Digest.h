#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace qaw {

//! SHA-1 and SHA-256 through OpenSSL's libcrypto, which uses the processor's SHA
//! instructions where it has them: on the build machine about seven times faster than
//! QCryptographicHash (Qt 6.4 hashes in portable C), which mattered because an import
//! hashes every byte of its file twice (the batch's SHA-256, each record's content hash).
//! The digests are the standard ones: workspaces hashed before keep their hashes.
class Digest
{
public:
    enum class Algorithm { Sha1, Sha256 };

    explicit Digest(Algorithm algorithm);
    ~Digest();
    Digest(const Digest &) = delete;
    Digest &operator=(const Digest &) = delete;

    void addData(QByteArrayView bytes);
    //! The digest of everything added since construction or the last result(), in lower-case
    //! hex; the object starts over afterwards.
    QByteArray resultHex();

    static QByteArray hex(Algorithm algorithm, QByteArrayView bytes);

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace qaw
