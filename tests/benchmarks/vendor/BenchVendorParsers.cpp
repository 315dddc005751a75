// Throughput of the vendor readers on the genuine files and on a synthetic Zendesk
// export; prints its figures (never run by CTest). Run:
// build/tests/benchmarks/vendor/bench_vendor_parsers
#include "TestPaths.h"
#include "import/VendorFormats.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace qaw;

namespace {

QByteArray readReal(const char *relative)
{
    QFile file(QStringLiteral(QAW_REAL_DATA_DIR "/") + QLatin1String(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", relative);
    return file.readAll();
}

void benchFile(const char *label, VendorFormat format, const char *relative, int repeats)
{
    const VendorFile file{QStringLiteral("bench.json"), readReal(relative),
                          QDateTime::fromMSecsSinceEpoch(0, Qt::UTC).addYears(54)};
    QElapsedTimer timer;
    timer.start();
    qint64 turns = 0;
    for (int i = 0; i < repeats; ++i)
        for (const ParsedRecord &r : parseVendorFiles(format, {file}))
            turns += r.interaction ? qint64(r.interaction->turns.size()) : 0;
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("%-22s %6d files of %6lld bytes: %8.0f files/s, %9.0f turns/s, %6.1f MB/s\n", label,
                repeats, qint64(file.content.size()), repeats / seconds, double(turns) / seconds,
                double(file.content.size()) * repeats / seconds / 1e6);
}

//! A tickets page and an audits page the size of Zendesk's incremental export.
std::vector<VendorFile> syntheticZendesk(int tickets, int commentsPerTicket)
{
    QJsonArray ticketList;
    QJsonArray audits;
    for (int t = 1; t <= tickets; ++t) {
        ticketList.append(QJsonObject{
            {QStringLiteral("id"), t},
            {QStringLiteral("created_at"), QStringLiteral("2024-01-01T08:00:00Z")},
            {QStringLiteral("via"),
             QJsonObject{{QStringLiteral("channel"), QStringLiteral("email")}}},
            {QStringLiteral("description"), QStringLiteral("My order has not arrived yet.")},
            {QStringLiteral("requester_id"), 100000 + t},
            {QStringLiteral("submitter_id"), 100000 + t},
            {QStringLiteral("assignee_id"), 500 + t % 40},
            {QStringLiteral("status"), QStringLiteral("solved")}});
        for (int c = 0; c < commentsPerTicket; ++c) {
            const int author = c % 2 == 0 ? 100000 + t : 500 + t % 40;
            audits.append(QJsonObject{
                {QStringLiteral("id"), t * 1000 + c},
                {QStringLiteral("ticket_id"), t},
                {QStringLiteral("created_at"),
                 QStringLiteral("2024-01-01T08:%1:00Z").arg(c % 60, 2, 10, QLatin1Char('0'))},
                {QStringLiteral("author_id"), author},
                {QStringLiteral("events"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("type"), QStringLiteral("Comment")},
                     {QStringLiteral("author_id"), author},
                     {QStringLiteral("public"), true},
                     {QStringLiteral("body"),
                      QStringLiteral("Comment number %1 about the parcel.").arg(c)}}}}});
        }
    }
    return {VendorFile{QStringLiteral("tickets.json"),
                       QJsonDocument(QJsonObject{{QStringLiteral("tickets"), ticketList}})
                           .toJson(QJsonDocument::Compact)},
            VendorFile{QStringLiteral("audits.json"),
                       QJsonDocument(QJsonObject{{QStringLiteral("audits"), audits}})
                           .toJson(QJsonDocument::Compact)}};
}

long peakResidentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

} // namespace

int main()
{
    benchFile("contact-lens chat", VendorFormat::ContactLens,
              "amazon-connect-contact-lens/chat_docs_example_original.json", 2000);
    benchFile("contact-lens voice", VendorFormat::ContactLens,
              "amazon-connect-contact-lens/voice_docs_example_with_postcontactsummary.json", 5000);
    benchFile("transcribe", VendorFormat::TranscribeCallAnalytics,
              "amazon-transcribe-call-analytics/example-call.json", 1000);
    benchFile("genesys", VendorFormat::GenesysCloud, "genesys-cloud/genesys_transcript.json", 5000);

    const std::vector<VendorFile> zendesk = syntheticZendesk(1000, 10);
    QElapsedTimer timer;
    timer.start();
    const std::vector<ParsedRecord> records = parseVendorFiles(VendorFormat::Zendesk, zendesk);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("%-22s %zu tickets, %d comments, %lld bytes: %.3f s, %.0f tickets/s\n",
                "zendesk join", records.size(), 10000,
                qint64(zendesk[0].content.size() + zendesk[1].content.size()), seconds,
                double(records.size()) / seconds);
    std::printf("peak resident memory: %ld kB\n", peakResidentKb());
    return 0;
}
