#pragma once

#include "domain/Interaction.h"

#include <QJsonObject>

#include <optional>
#include <vector>

namespace qaw::vendor {

//! Everything the files said about one Zendesk ticket, joined by ticket id.
struct ZendeskTicketParts
{
    QJsonObject ticket;
    std::vector<QJsonObject> audits;   //!< in file order, duplicates removed
    std::optional<QJsonObject> rating; //!< from satisfaction_ratings, latest one
    std::optional<QJsonObject> metric; //!< from ticket_metric(s)
};

//! Turns one ticket into an interaction (rules in docs/import-formats.md), or nullopt with
//! the reason in *error.
std::optional<Interaction> mapZendeskTicket(const ZendeskTicketParts &parts, QString *error);

//! The joined record as one JSON document, kept as the record's raw text.
QByteArray zendeskRawRecord(const ZendeskTicketParts &parts);

//! via.channel -> voice, chat, sms, social or email (the default for web forms, API...).
QString channelFromZendeskVia(const QString &via);

//! good -> 5, bad -> 1 (also their *_with_comment forms); offered, unoffered -> none.
std::optional<int> csatFromZendeskScore(const QString &score);

} // namespace qaw::vendor
