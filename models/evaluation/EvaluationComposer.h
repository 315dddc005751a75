#pragma once

#include "evaluation/LabelledSet.h"

#include <vector>

namespace qaw {

//! Whole calls and chats put together from labelled utterances, with each criterion's
//! true verdict known from the labels and the structure: the interaction-level test of
//! what utterances alone cannot show (N/A where nothing applies, holds and silences,
//! auto-fails, swapped speaker labels) in numbers a few hand-written calls cannot give.
//! The wording is the labelled writers'; only the order of the turns, their timing and a
//! few one-word replies ("Sure.", "Okay.") are the composer's.
//!
//! Each interaction: a greeting or a curt opening; the customer's request (about their
//! account, or a general question, which makes verification N/A); an empathic or a
//! neutral line; a verification request or a look-alike; in 40% of calls a hold (30-90 s)
//! announced or not and thanked or not; in 20% an unannounced pause of 12-26 s (dead
//! air) and in 15% an announced one; sometimes a breach of tone or a professional line
//! with negative words; the customer's last words (resolved or not, with the resolved
//! field in half the interactions); a closing or an abrupt end. 3% of calls have their
//! speaker labels swapped. Same utterances and seed, same interactions.
std::vector<LabelledInteraction> composeInteractions(const std::vector<LabelledUtterance> &pool,
                                                     int count, quint64 seed);

} // namespace qaw
