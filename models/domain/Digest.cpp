#include "domain/Digest.h"

#include <openssl/evp.h>

namespace qaw {

struct Digest::Context
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    const EVP_MD *md = nullptr;
    ~Context() { EVP_MD_CTX_free(ctx); }
};

namespace {

const EVP_MD *messageDigest(Digest::Algorithm algorithm)
{
    return algorithm == Digest::Algorithm::Sha1 ? EVP_sha1() : EVP_sha256();
}

} // namespace

Digest::Digest(Algorithm algorithm) : m_context(std::make_unique<Context>())
{
    m_context->md = messageDigest(algorithm);
    EVP_DigestInit_ex(m_context->ctx, m_context->md, nullptr);
}

Digest::~Digest() = default;

void Digest::addData(QByteArrayView bytes)
{
    EVP_DigestUpdate(m_context->ctx, bytes.data(), size_t(bytes.size()));
}

QByteArray Digest::resultHex()
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(m_context->ctx, md, &size);
    EVP_DigestInit_ex(m_context->ctx, m_context->md, nullptr);
    return QByteArray(reinterpret_cast<const char *>(md), int(size)).toHex();
}

QByteArray Digest::hex(Algorithm algorithm, QByteArrayView bytes)
{
    Digest digest(algorithm);
    digest.addData(bytes);
    return digest.resultHex();
}

} // namespace qaw
