#pragma once

#include "domain/Interaction.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace qaw {

//! One record as a reader saw it: either an interaction, or the reason it was rejected.
//! Either way the raw text is kept, so that nothing the user gave is lost.
struct ParsedRecord
{
    qint64 recordNo = 0;   //!< 1-based line or record number within its file
    QString fileName;      //!< the file it came from (for multi-file formats)
    QByteArray raw;        //!< the record's own text (truncated to 1 MB when stored)
    std::optional<Interaction> interaction;
    QString error;         //!< why it was rejected; empty when interaction is set
};

} // namespace qaw
