#include "import/vendor/ZendeskParser.h"

#include "import/vendor/VendorParseSupport.h"
#include "import/vendor/ZendeskTicketMapper.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace qaw::vendor {
namespace {

struct Origin
{
    std::size_t fileIndex = 0;
    qint64 recordNo = 0;
};

struct Entry
{
    QJsonObject object;
    Origin origin;
};

//! What the files hold, gathered before the join.
class ZendeskCollection
{
public:
    explicit ZendeskCollection(const std::vector<VendorFile> &files) : m_files(files) {}

    void addFile(std::size_t fileIndex);
    std::vector<ParsedRecord> join();

private:
    void addTicket(const QJsonValue &value, Origin origin);
    void addByTicketId(const QJsonValue &value, Origin origin, const char *what,
                       QHash<QString, std::vector<Entry>> &into);
    void reject(Origin origin, const QByteArray &raw, const QString &error);
    static QByteArray compact(const QJsonObject &object);

    const std::vector<VendorFile> &m_files;
    QStringList m_ticketOrder;
    QHash<QString, Entry> m_tickets;
    QHash<QString, std::vector<Entry>> m_audits;
    QHash<QString, std::vector<Entry>> m_ratings;
    QHash<QString, std::vector<Entry>> m_metrics;
    QSet<QString> m_seenIds; //!< "<kind>/<id>" of audits, ratings and metrics already taken
    std::vector<ParsedRecord> m_rejected;
};

QByteArray ZendeskCollection::compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void ZendeskCollection::reject(Origin origin, const QByteArray &raw, const QString &error)
{
    m_rejected.push_back(rejectedRecord(m_files[origin.fileIndex], origin.recordNo, raw, error));
}

void ZendeskCollection::addFile(std::size_t fileIndex)
{
    const VendorFile &file = m_files[fileIndex];
    QString error;
    const std::optional<QJsonObject> parsed = parseJsonObject(file.content, &error);
    if (!parsed) {
        reject({fileIndex, 1}, file.content, error);
        return;
    }
    bool recognised = false;
    const auto each = [&](const char *key, auto &&add) {
        const QJsonValue value = field(*parsed, key);
        if (value.isArray()) {
            recognised = true;
            const QJsonArray list = value.toArray();
            for (int i = 0; i < list.size(); ++i)
                add(list.at(i), Origin{fileIndex, i + 1});
        }
    };
    const auto one = [&](const char *key, auto &&add) {
        const QJsonValue value = field(*parsed, key);
        if (value.isObject()) {
            recognised = true;
            add(value, Origin{fileIndex, 1});
        }
    };
    const auto ticket = [this](const QJsonValue &v, Origin o) { addTicket(v, o); };
    const auto audit = [this](const QJsonValue &v, Origin o) {
        addByTicketId(v, o, "audit", m_audits);
    };
    const auto rating = [this](const QJsonValue &v, Origin o) {
        addByTicketId(v, o, "satisfaction rating", m_ratings);
    };
    const auto metric = [this](const QJsonValue &v, Origin o) {
        addByTicketId(v, o, "ticket metric", m_metrics);
    };
    one("ticket", ticket);
    each("tickets", ticket);
    one("audit", audit);
    each("audits", audit);
    one("satisfaction_rating", rating);
    each("satisfaction_ratings", rating);
    one("ticket_metric", metric);
    each("ticket_metrics", metric);
    if (!recognised)
        reject({fileIndex, 1}, file.content,
               QStringLiteral("not a Zendesk API response: expected ticket, tickets, audits or "
                              "satisfaction_ratings"));
}

void ZendeskCollection::addTicket(const QJsonValue &value, Origin origin)
{
    if (!value.isObject()) {
        reject(origin, QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact),
               QStringLiteral("ticket is not a JSON object"));
        return;
    }
    const QJsonObject ticket = value.toObject();
    const QString id = idString(field(ticket, "id"));
    if (id.isEmpty()) {
        reject(origin, compact(ticket), QStringLiteral("ticket has no id"));
        return;
    }
    // The same ticket often comes twice (a list page and GET /tickets/{id}): keep the
    // most recently updated copy, at the place it was first seen.
    const auto found = m_tickets.find(id);
    if (found == m_tickets.end()) {
        m_ticketOrder << id;
        m_tickets.insert(id, {ticket, origin});
    } else if (isoToEpochMs(field(ticket, "updated_at")) >
               isoToEpochMs(field(found->object, "updated_at"))) {
        found->object = ticket;
    }
}

void ZendeskCollection::addByTicketId(const QJsonValue &value, Origin origin, const char *what,
                                      QHash<QString, std::vector<Entry>> &into)
{
    const QJsonObject object = value.toObject();
    const QString ticketId = idString(field(object, "ticket_id"));
    if (!value.isObject() || ticketId.isEmpty()) {
        reject(origin, compact(object),
               QStringLiteral("%1 has no ticket_id").arg(QLatin1String(what)));
        return;
    }
    const QString id = idString(field(object, "id"));
    if (!id.isEmpty()) {
        const QString key = QLatin1String(what) + QLatin1Char('/') + id;
        if (m_seenIds.contains(key))
            return; // the same audit or rating from two overlapping pages
        m_seenIds.insert(key);
    }
    std::vector<Entry> &list = into[ticketId];
    list.push_back({object, origin});
}

std::vector<ParsedRecord> ZendeskCollection::join()
{
    std::vector<ParsedRecord> records;
    records.reserve(m_tickets.size() + m_rejected.size());
    for (const QString &id : m_ticketOrder) {
        const Entry &ticket = m_tickets.value(id);
        ZendeskTicketParts parts;
        parts.ticket = ticket.object;
        for (const Entry &a : m_audits.take(id))
            parts.audits.push_back(a.object);
        // Several ratings of one ticket (re-rated): the latest counts.
        for (const Entry &r : m_ratings.take(id))
            if (!parts.rating || isoToEpochMs(field(r.object, "updated_at")) >=
                                     isoToEpochMs(field(*parts.rating, "updated_at")))
                parts.rating = r.object;
        const std::vector<Entry> metrics = m_metrics.take(id);
        if (!metrics.empty())
            parts.metric = metrics.back().object;
        const VendorFile &file = m_files[ticket.origin.fileIndex];
        QString error;
        std::optional<Interaction> interaction = mapZendeskTicket(parts, &error);
        const QByteArray raw = zendeskRawRecord(parts);
        records.push_back(
            interaction ? acceptedRecord(file, ticket.origin.recordNo, raw, std::move(*interaction))
                        : rejectedRecord(file, ticket.origin.recordNo, raw, error));
    }
    for (ParsedRecord &r : m_rejected)
        records.push_back(std::move(r));
    // What is left refers to tickets the files do not hold: kept, with the reason.
    const auto orphans = [&](QHash<QString, std::vector<Entry>> &byTicket, const char *what) {
        QStringList ids = byTicket.keys();
        std::sort(ids.begin(), ids.end(), [](const QString &a, const QString &b) {
            return a.size() != b.size() ? a.size() < b.size() : a < b; // numeric ids in order
        });
        for (const QString &id : ids)
            for (const Entry &e : byTicket.value(id))
                records.push_back(rejectedRecord(
                    m_files[e.origin.fileIndex], e.origin.recordNo, compact(e.object),
                    QStringLiteral("%1 for ticket %2, which is not among the files")
                        .arg(QLatin1String(what), id)));
    };
    orphans(m_audits, "audit");
    orphans(m_ratings, "satisfaction rating");
    orphans(m_metrics, "ticket metric");
    return records;
}

} // namespace

std::vector<ParsedRecord> parseZendeskFiles(const std::vector<VendorFile> &files)
{
    ZendeskCollection collection(files);
    for (std::size_t i = 0; i < files.size(); ++i)
        collection.addFile(i);
    return collection.join();
}

} // namespace qaw::vendor
