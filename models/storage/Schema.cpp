#include "storage/Schema.h"

#include "PackedScoresTable.h"
#include "storage/SchemaMigration.h"
#include "storage/SqliteHandle.h"

#include <sqlite3.h>

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace qaw::schema {
namespace {

// The search index follows deletes and edits of turns (new turns are indexed in bulk).
constexpr char kTurnsFtsDeleteTrigger[] =
    "CREATE TRIGGER turns_fts_delete AFTER DELETE ON turns BEGIN "
    "INSERT INTO turns_fts(turns_fts, rowid, text) VALUES ('delete', old.id, old.text); END";
constexpr char kTurnsFtsUpdateTrigger[] =
    "CREATE TRIGGER turns_fts_update AFTER UPDATE OF text ON turns BEGIN "
    "INSERT INTO turns_fts(turns_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO turns_fts(rowid, text) VALUES (new.id, new.text); END";

// Version 2: what the views filter and sort on, and full-text search of transcripts.
const char *const kVersion2[] = {
    "CREATE INDEX interactions_started ON interactions(started_at)",
    "CREATE INDEX interactions_agent ON interactions(agent_id, started_at)",
    "CREATE INDEX interactions_team ON interactions(team_id, started_at)",
    "CREATE INDEX interactions_channel ON interactions(channel, started_at)",
    "CREATE INDEX interactions_queue ON interactions(queue, started_at)",
    "CREATE INDEX interactions_total ON interactions(auto_total)",
    "CREATE INDEX interactions_customer ON interactions(customer_id, started_at)",
    "CREATE INDEX interactions_needs_scoring ON interactions(needs_scoring) WHERE needs_scoring = 1",
    "CREATE INDEX evaluations_interaction ON evaluations(interaction_id, evaluator_kind)",
    "CREATE INDEX evaluations_session ON evaluations(calibration_session_id)",
    "CREATE INDEX criterion_scores_criterion ON criterion_scores(criterion_id)",
    "CREATE INDEX evidence_score ON evidence(criterion_score_id)",
    "CREATE INDEX rejected_batch ON rejected_records(batch_id, record_no)",
    "CREATE INDEX coaching_items_agent ON coaching_items(agent_id, status)",
    "CREATE UNIQUE INDEX coaching_items_open ON coaching_items(interaction_id, rule_id) "
    "WHERE status NOT IN ('verified','dismissed')",
    "CREATE INDEX coaching_sessions_agent ON coaching_sessions(agent_id, date)",
    "CREATE INDEX audit_entity ON audit_log(entity, entity_id)",
    "CREATE VIRTUAL TABLE turns_fts USING fts5(text, content='turns', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    // New turns are indexed in bulk by InteractionStore::flush(): a per-row insert
    // trigger makes FTS5 flush its index at every statement, 10x slower. Deletes and
    // edits are rare and follow the turns table through triggers.
    kTurnsFtsDeleteTrigger,
    kTurnsFtsUpdateTrigger,
    "INSERT INTO turns_fts(turns_fts) VALUES ('rebuild')",
};

// Version 3: analytics at a million interactions. The time and filter indexes become
// covering for the columns the Trends charts aggregate, so a chart reads an index, not
// the wide interactions rows; and a per-day summary of criterion results (kept by
// models/analytics/CriterionSummary, refreshed for the days the triggers mark) answers
// the criterion charts and the drivers table without joining millions of scores.
#define QAW_ANALYTICS_COLUMNS "auto_total, csat, repeat_contact, duration_ms, auto_evaluation_id, has_human"
const char *const kVersion3[] = {
    "DROP INDEX interactions_started",
    "DROP INDEX interactions_agent",
    "DROP INDEX interactions_team",
    "DROP INDEX interactions_channel",
    "DROP INDEX interactions_queue",
    "CREATE INDEX interactions_started ON interactions(started_at, team_id, agent_id, channel, "
    "queue, " QAW_ANALYTICS_COLUMNS ")",
    "CREATE INDEX interactions_agent ON interactions(agent_id, started_at, team_id, channel, "
    "queue, " QAW_ANALYTICS_COLUMNS ")",
    "CREATE INDEX interactions_team ON interactions(team_id, started_at, agent_id, channel, "
    "queue, " QAW_ANALYTICS_COLUMNS ")",
    "CREATE INDEX interactions_channel ON interactions(channel, started_at, team_id, agent_id, "
    "queue, " QAW_ANALYTICS_COLUMNS ")",
    "CREATE INDEX interactions_queue ON interactions(queue, started_at, team_id, agent_id, "
    "channel, " QAW_ANALYTICS_COLUMNS ")",
    R"(CREATE TABLE analytics_criterion_days(
        day INTEGER NOT NULL,
        team_id INTEGER NOT NULL,
        agent_id INTEGER NOT NULL,
        criterion_id TEXT NOT NULL,
        passed INTEGER NOT NULL,
        n INTEGER NOT NULL,
        normalised_sum REAL NOT NULL,
        csat_n INTEGER NOT NULL, csat_sum REAL NOT NULL, csat_squares REAL NOT NULL,
        repeat_n INTEGER NOT NULL, repeat_sum REAL NOT NULL,
        seconds_n INTEGER NOT NULL, seconds_sum REAL NOT NULL, seconds_squares REAL NOT NULL,
        PRIMARY KEY(day, team_id, agent_id, criterion_id, passed)) WITHOUT ROWID)",
    "CREATE INDEX analytics_criterion_days_agent ON analytics_criterion_days(agent_id, day)",
    "CREATE INDEX analytics_criterion_days_team ON analytics_criterion_days(team_id, day)",
    "CREATE TABLE analytics_dirty_days(day INTEGER PRIMARY KEY)",
    "INSERT INTO analytics_dirty_days(day) SELECT DISTINCT started_at / 86400000 FROM interactions",
    "CREATE TRIGGER analytics_dirty_insert AFTER INSERT ON interactions BEGIN "
    "INSERT OR IGNORE INTO analytics_dirty_days(day) VALUES (new.started_at / 86400000); END",
    "CREATE TRIGGER analytics_dirty_update AFTER UPDATE OF started_at, agent_id, team_id, channel, "
    "queue, csat, repeat_contact, duration_ms, auto_total, auto_evaluation_id ON interactions BEGIN "
    "INSERT OR IGNORE INTO analytics_dirty_days(day) VALUES (old.started_at / 86400000); "
    "INSERT OR IGNORE INTO analytics_dirty_days(day) VALUES (new.started_at / 86400000); END",
    "CREATE TRIGGER analytics_dirty_delete AFTER DELETE ON interactions BEGIN "
    "INSERT OR IGNORE INTO analytics_dirty_days(day) VALUES (old.started_at / 86400000); END",
};
#undef QAW_ANALYTICS_COLUMNS

// Version 4: per-day sums of automated totals by team, agent, channel and queue, kept
// with the criterion summary (same dirty days), for the quality trend at scale.
const char *const kVersion4[] = {
    R"(CREATE TABLE analytics_total_days(
        day INTEGER NOT NULL,
        team_id INTEGER NOT NULL,
        agent_id INTEGER NOT NULL,
        channel TEXT NOT NULL,
        queue TEXT NOT NULL,
        n INTEGER NOT NULL,
        total_sum REAL NOT NULL,
        total_squares REAL NOT NULL,
        PRIMARY KEY(day, team_id, agent_id, channel, queue)) WITHOUT ROWID)",
    "INSERT OR IGNORE INTO analytics_dirty_days(day) "
    "SELECT DISTINCT started_at / 86400000 FROM interactions",
};

// Version 5: analytics roll-ups at three grains, chosen per query (see docs/analytics.md).
// Per agent: criterion results by day x team x agent x channel x queue, and automated
// totals by the same keys x histogram bin of width 10 (with the sums of interactions that
// also have a CSAT, for the scatter). Without the agent (whole workspace, a team, a channel,
// a queue): the same rolled up from the per-agent rows, a few tens of thousands of rows at
// a million interactions; per day and criterion only (no filter but dates). Per agent and
// month: the heat map. With every chart answered by
// roll-ups, the five covering indexes of version 3 (which made every insert and scoring
// update write 11-column entries five times) go back to narrow ones; human evaluations,
// about 1% of interactions, get a small partial index for the automated-vs-human chart.
const char *const kVersion5[] = {
    "DROP INDEX interactions_started",
    "DROP INDEX interactions_agent",
    "DROP INDEX interactions_team",
    "DROP INDEX interactions_channel",
    "DROP INDEX interactions_queue",
    "CREATE INDEX interactions_started ON interactions(started_at)",
    "CREATE INDEX interactions_agent ON interactions(agent_id, started_at)",
    "CREATE INDEX interactions_team ON interactions(team_id, started_at)",
    "CREATE INDEX interactions_channel ON interactions(channel, started_at)",
    "CREATE INDEX interactions_queue ON interactions(queue, started_at)",
    "CREATE INDEX analytics_human_interactions ON interactions(started_at, agent_id, team_id, "
    "channel, queue, auto_total) WHERE has_human = 1",
    "DROP TABLE analytics_criterion_days",
    "DROP TABLE analytics_total_days",
#define QAW_CRITERION_SUMS                                                                         \
    "n INTEGER NOT NULL, normalised_sum REAL NOT NULL, "                                           \
    "csat_n INTEGER NOT NULL, csat_sum REAL NOT NULL, csat_squares REAL NOT NULL, "                \
    "repeat_n INTEGER NOT NULL, repeat_sum REAL NOT NULL, "                                        \
    "seconds_n INTEGER NOT NULL, seconds_sum REAL NOT NULL, seconds_squares REAL NOT NULL, "
#define QAW_TOTAL_SUMS                                                                             \
    "n INTEGER NOT NULL, total_sum REAL NOT NULL, total_squares REAL NOT NULL, "                   \
    "both_n INTEGER NOT NULL, both_total_sum REAL NOT NULL, both_csat_sum REAL NOT NULL, "
    "CREATE TABLE analytics_criterion_agent_days(day INTEGER NOT NULL, team_id INTEGER NOT NULL, "
    "agent_id INTEGER NOT NULL, channel TEXT NOT NULL, queue TEXT NOT NULL, "
    "criterion_id TEXT NOT NULL, passed INTEGER NOT NULL, " QAW_CRITERION_SUMS
    "PRIMARY KEY(day, team_id, agent_id, channel, queue, criterion_id, passed)) WITHOUT ROWID",
    "CREATE INDEX analytics_criterion_agent_days_agent ON analytics_criterion_agent_days(agent_id, day)",
    "CREATE TABLE analytics_criterion_team_days(day INTEGER NOT NULL, team_id INTEGER NOT NULL, "
    "channel TEXT NOT NULL, queue TEXT NOT NULL, criterion_id TEXT NOT NULL, "
    "passed INTEGER NOT NULL, " QAW_CRITERION_SUMS
    "PRIMARY KEY(day, team_id, channel, queue, criterion_id, passed)) WITHOUT ROWID",
    "CREATE INDEX analytics_criterion_team_days_team ON analytics_criterion_team_days(team_id, day)",
    "CREATE TABLE analytics_criterion_all_days(day INTEGER NOT NULL, criterion_id TEXT NOT NULL, "
    "passed INTEGER NOT NULL, " QAW_CRITERION_SUMS "PRIMARY KEY(day, criterion_id, passed)) "
    "WITHOUT ROWID",
    "CREATE TABLE analytics_criterion_agent_months(month INTEGER NOT NULL, "
    "team_id INTEGER NOT NULL, agent_id INTEGER NOT NULL, channel TEXT NOT NULL, "
    "queue TEXT NOT NULL, criterion_id TEXT NOT NULL, n INTEGER NOT NULL, "
    "passed INTEGER NOT NULL, "
    "PRIMARY KEY(month, team_id, agent_id, channel, queue, criterion_id)) WITHOUT ROWID",
    "CREATE TABLE analytics_total_bins(day INTEGER NOT NULL, team_id INTEGER NOT NULL, "
    "agent_id INTEGER NOT NULL, channel TEXT NOT NULL, queue TEXT NOT NULL, "
    "bin INTEGER NOT NULL, " QAW_TOTAL_SUMS
    "PRIMARY KEY(day, team_id, agent_id, channel, queue, bin)) WITHOUT ROWID",
    "CREATE INDEX analytics_total_bins_agent ON analytics_total_bins(agent_id, day)",
    "CREATE TABLE analytics_total_days(day INTEGER NOT NULL, team_id INTEGER NOT NULL, "
    "agent_id INTEGER NOT NULL, channel TEXT NOT NULL, queue TEXT NOT NULL, " QAW_TOTAL_SUMS
    "PRIMARY KEY(day, team_id, agent_id, channel, queue)) WITHOUT ROWID",
    "CREATE TABLE analytics_total_team_bins(day INTEGER NOT NULL, team_id INTEGER NOT NULL, "
    "channel TEXT NOT NULL, queue TEXT NOT NULL, bin INTEGER NOT NULL, n INTEGER NOT NULL, "
    "PRIMARY KEY(day, team_id, channel, queue, bin)) WITHOUT ROWID",
#undef QAW_CRITERION_SUMS
#undef QAW_TOTAL_SUMS
    // Every column a roll-up depends on marks the day (workspaces made by early builds of
    // version 3 lacked channel, queue and auto_total here).
    "DROP TRIGGER IF EXISTS analytics_dirty_update",
    "CREATE TRIGGER analytics_dirty_update AFTER UPDATE OF started_at, agent_id, team_id, channel, "
    "queue, csat, repeat_contact, duration_ms, auto_total, auto_evaluation_id ON interactions BEGIN "
    "INSERT OR IGNORE INTO analytics_dirty_days(day) VALUES (old.started_at / 86400000); "
    "INSERT OR IGNORE INTO analytics_dirty_days(day) VALUES (new.started_at / 86400000); END",
    // Every day is recomputed at the first chart query (lazily, not here).
    "INSERT OR IGNORE INTO analytics_dirty_days(day) "
    "SELECT DISTINCT started_at / 86400000 FROM interactions",
};

// Version 6: the Interactions table at a million rows. Partial indexes let the
// flagged / auto-failed / has-human filters count and page without scanning the table
// (their rows are a few percent); the agents' name index lets a sort by agent name walk
// the agents in name order and each agent's interactions through the (agent_id, ...)
// index, so no million-row sort is needed (InteractionTableModel).
const char *const kVersion6[] = {
    "CREATE INDEX IF NOT EXISTS interactions_flagged ON interactions(started_at) WHERE flagged = 1",
    "CREATE INDEX IF NOT EXISTS interactions_auto_failed ON interactions(started_at) WHERE auto_failed = 1",
    "CREATE INDEX IF NOT EXISTS interactions_has_human ON interactions(started_at) WHERE has_human = 1",
    "CREATE INDEX IF NOT EXISTS agents_name ON agents(name)",
};

// Version 7: cheaper evaluation writes (scoring 100,000 interactions wrote 1.5 million
// evidence rows, each with its own index entry). A criterion score keeps its evidence
// spans in one compact text column (format in storage/EvidenceEncoding.h, e.g.
// "3:10-29@5000;4:0-12"), and the table is keyed by (evaluation_id, criterion_id)
// WITHOUT ROWID: nothing refers to a criterion score by an id of its own (audit entries
// name the evaluation and the criterion), so one B-tree replaces the table, its UNIQUE
// index and the criterion_id index (every query reaches scores through their evaluation).
// `ordinal` keeps the order the scorer wrote them in (the scorecard's), which the rowid
// gave before; a score added later by an upsert gets the default and sorts last.
const char *const kVersion7[] = {
    R"(CREATE TABLE criterion_scores_keyed(
        evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        criterion_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL DEFAULT 1000000,
        value REAL,
        max REAL NOT NULL,
        na INTEGER NOT NULL DEFAULT 0,
        rationale TEXT NOT NULL DEFAULT '',
        comment TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL DEFAULT '',
        PRIMARY KEY(evaluation_id, criterion_id)) WITHOUT ROWID)",
    // The spans of a score in id order: the scan of evidence_score yields equal keys in
    // rowid order, which group_concat keeps.
    "INSERT INTO criterion_scores_keyed(evaluation_id, criterion_id, ordinal, value, max, na, "
    "rationale, comment, evidence) "
    "SELECT cs.evaluation_id, cs.criterion_id, "
    "row_number() OVER (PARTITION BY cs.evaluation_id ORDER BY cs.id) - 1, "
    "cs.value, cs.max, cs.na, cs.rationale, cs.comment, "
    "coalesce((SELECT group_concat(ev.turn_seq || ':' || ev.char_start || '-' || ev.char_end "
    "|| coalesce('@' || ev.time_ms, ''), ';') FROM evidence ev "
    "INDEXED BY evidence_score WHERE ev.criterion_score_id = cs.id), '') "
    "FROM criterion_scores cs",
    "DROP TABLE evidence",
    "DROP TABLE criterion_scores",
    "ALTER TABLE criterion_scores_keyed RENAME TO criterion_scores",
};

// Version 8: cheaper imports (docs/import-benchmark.md).
// - turns is rebuilt with its speaker check written as comparisons: SQLite evaluates a
//   CHECK with an IN list of more than two values by filling a temporary b-tree for every
//   row it inserts, which was an eighth of an import's writing thread.
// - FTS5 no longer keeps each turn's token count (columnsize=0), one more insert per turn
//   read only by bm25() ranking, which nothing uses: search filters interactions, it
//   never ranks them. MATCH answers the same.
// - The dirty-day trigger on new interactions marks its day with an upsert (below).
// The ids stay, so nothing that names a turn changes. The triggers and the index go first:
// dropping turns with its triggers in place would delete every row from the index one by one.
const char *const kVersion8[] = {
    "DROP TRIGGER turns_fts_delete",
    "DROP TRIGGER turns_fts_update",
    "DROP TABLE turns_fts",
    R"(CREATE TABLE turns_checked(
        id INTEGER PRIMARY KEY,
        interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        speaker TEXT NOT NULL CHECK(speaker = 'agent' OR speaker = 'customer' OR
                                    speaker = 'system' OR speaker = 'bot'),
        text TEXT NOT NULL,
        start_ms INTEGER,
        end_ms INTEGER,
        at INTEGER,
        UNIQUE(interaction_id, seq)))",
    "INSERT INTO turns_checked(id, interaction_id, seq, speaker, text, start_ms, end_ms, at) "
    "SELECT id, interaction_id, seq, speaker, text, start_ms, end_ms, at FROM turns ORDER BY id",
    "DROP TABLE turns",
    "ALTER TABLE turns_checked RENAME TO turns",
    "CREATE VIRTUAL TABLE turns_fts USING fts5(text, content='turns', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2', columnsize=0)",
    kTurnsFtsDeleteTrigger,
    kTurnsFtsUpdateTrigger,
    "INSERT INTO turns_fts(turns_fts) VALUES ('rebuild')",
    // The importer inserts interactions OR FAIL (no statement journal, see
    // InteractionStore). An outer OR clause overrides a trigger's OR IGNORE, not an
    // upsert's DO NOTHING, so the day is marked with an upsert.
    "DROP TRIGGER analytics_dirty_insert",
    "CREATE TRIGGER analytics_dirty_insert AFTER INSERT ON interactions BEGIN "
    "INSERT INTO analytics_dirty_days(day) VALUES (new.started_at / 86400000) "
    "ON CONFLICT DO NOTHING; END",
};

// Version 9, "rationales stored once". Scoring 100,000 interactions wrote 1.3 million
// rationales of about 74 bytes, nearly all repeats (most criteria have a few dozen
// distinct texts, the timing ones a few thousand): about 90% of the bytes of an
// evaluation. A criterion score names its text by id (rationale_texts); the batch writer
// keeps the ids of the texts it has seen, readers join the text back. rationale_id has no
// REFERENCES clause: the parent lookup per inserted score cost 10% of the writing, and
// the writers only name ids they have just read or added (readers LEFT JOIN regardless).
const char *const kVersion9[] = {
    "CREATE TABLE rationale_texts(id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)",
    "INSERT INTO rationale_texts(text) SELECT DISTINCT rationale FROM criterion_scores",
    R"(CREATE TABLE criterion_scores_interned(
        evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        criterion_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL DEFAULT 1000000,
        value REAL,
        max REAL NOT NULL,
        na INTEGER NOT NULL DEFAULT 0,
        rationale_id INTEGER NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL DEFAULT '',
        PRIMARY KEY(evaluation_id, criterion_id)) WITHOUT ROWID)",
    "INSERT INTO criterion_scores_interned(evaluation_id, criterion_id, ordinal, value, max, na, "
    "rationale_id, comment, evidence) "
    "SELECT cs.evaluation_id, cs.criterion_id, cs.ordinal, cs.value, cs.max, cs.na, r.id, "
    "cs.comment, cs.evidence FROM criterion_scores cs JOIN rationale_texts r ON r.text = cs.rationale",
    "DROP TABLE criterion_scores",
    "ALTER TABLE criterion_scores_interned RENAME TO criterion_scores",
};

// Version 10, "one search document per interaction". Search finds the interactions
// whose transcript holds every word (InteractionFilter), so the index holds one document
// per interaction, its turns joined by newlines, instead of one per turn: a common word
// said in five turns of a call is one index entry instead of five, which halves the cost
// of indexing at import. The external content is a view joining each interaction's
// turns. The importer inserts the same text and removes an interaction's document before
// replacing its turns (InteractionStore); nothing else writes turns, so the per-turn
// triggers go. Looking up one interaction walks the turns' (interaction_id, seq) index;
// the full scan of the rebuild below sorts the turns instead (a temporary b-tree, 1.3 GB
// at a million interactions, 29 s), which a view walking the interactions avoided but
// took over two minutes. Without positions (below) the order of the words in a
// document does not matter to the index.
// detail=none: the index keeps which transcripts hold a word, not where (no positions),
// which is all a search of words needs and a third of the indexing work; FTS5 then
// refuses phrases, so a search never asks for one (ftsQueryFromText).
const char *const kVersion10[] = {
    "DROP TRIGGER turns_fts_delete",
    "DROP TRIGGER turns_fts_update",
    "DROP TABLE turns_fts",
    "CREATE VIEW transcripts(id, text) AS SELECT interaction_id, group_concat(text, char(10)) "
    "FROM turns GROUP BY interaction_id",
    "CREATE VIRTUAL TABLE transcript_fts USING fts5(text, content='transcripts', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', columnsize=0, "
    "detail=none)",
    "INSERT INTO transcript_fts(transcript_fts) VALUES ('rebuild')",
};

// Version 11, "lean indexes". Automated evaluations, nearly all of them, belong to no
// calibration session, yet each added a NULL entry to evaluations_session (a fifth of
// the cost of inserting an evaluation); queries name a session (`= ?`), which the
// partial index serves. interactions_has_human duplicated
// analytics_human_interactions (same WHERE, same leading column).
const char *const kVersion11[] = {
    "DROP INDEX evaluations_session",
    "CREATE INDEX evaluations_session ON evaluations(calibration_session_id) "
    "WHERE calibration_session_id IS NOT NULL",
    "DROP INDEX interactions_has_human",
};

// Version 12, "packed automated scores". Scoring writes a dozen criterion scores per
// interaction; as rows they were two thirds of the writing (SQLite's work per inserted
// row, however many rows a statement carries). An automated evaluation now keeps them
// in one text column, evaluations.scores (format in storage/PackedScores.h), read in SQL
// through the view automated_scores, which has criterion_scores' columns. Human
// evaluations, edited a score at a time, keep their rows in criterion_scores; a NULL
// scores column says so. The records are built here by SQL in the format's own terms:
// criterion ids and comments escaped, numbers in 17 significant digits (which read back
// as the same doubles). The table is rebuilt with the human rows only, rather than
// deleting the automated ones a row at a time.
#define QAW_ESCAPED(column)                                                              \
    "replace(replace(replace(" column ", '\\', '\\\\'), char(9), '\\t'), char(10), '\\n')"
const char *const kVersion12[] = {
    "ALTER TABLE evaluations ADD COLUMN scores TEXT",
    "UPDATE evaluations SET scores = coalesce((SELECT group_concat(" QAW_ESCAPED("cs.criterion_id")
    " || char(9) || cs.ordinal || char(9) || "
    "CASE WHEN cs.value IS NULL THEN '' ELSE printf('%!.17g', cs.value) END || char(9) || "
    "printf('%!.17g', cs.max) || char(9) || cs.na || char(9) || cs.rationale_id || char(9) || "
    "cs.evidence || char(9) || " QAW_ESCAPED("cs.comment") ", char(10)) "
    "FROM criterion_scores cs WHERE cs.evaluation_id = evaluations.id), '') "
    "WHERE evaluator_kind = 'auto'",
    R"(CREATE TABLE criterion_scores_human(
        evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
        criterion_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL DEFAULT 1000000,
        value REAL,
        max REAL NOT NULL,
        na INTEGER NOT NULL DEFAULT 0,
        rationale_id INTEGER NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL DEFAULT '',
        PRIMARY KEY(evaluation_id, criterion_id)) WITHOUT ROWID)",
    "INSERT INTO criterion_scores_human SELECT cs.* FROM criterion_scores cs "
    "JOIN evaluations e ON e.id = cs.evaluation_id WHERE e.scores IS NULL",
    "DROP TABLE criterion_scores",
    "ALTER TABLE criterion_scores_human RENAME TO criterion_scores",
    "CREATE VIEW automated_scores AS SELECT e.id AS evaluation_id, s.criterion_id, s.ordinal, "
    "s.value, s.max, s.na, s.rationale_id, s.comment, s.evidence "
    "FROM evaluations e CROSS JOIN packed_scores(e.scores) s",
};
#undef QAW_ESCAPED

// Version 13, "confidence". Every verdict says how strong its evidence is (clear, weak,
// none: domain/Evaluation.h); automated scores carry it as a ninth packed field (older
// records have eight and read as NULL), human rows in a column (NULL: a person's verdict,
// clear). An evaluation counts its applicable verdicts that need review, so that the
// "needs review" sample and filters do not unpack every evaluation.
const char *const kVersion13[] = {
    "ALTER TABLE criterion_scores ADD COLUMN confidence TEXT",
    "ALTER TABLE evaluations ADD COLUMN needs_review INTEGER NOT NULL DEFAULT 0",
    "DROP VIEW automated_scores",
    "CREATE VIEW automated_scores AS SELECT e.id AS evaluation_id, s.criterion_id, s.ordinal, "
    "s.value, s.max, s.na, s.rationale_id, s.comment, s.evidence, s.confidence "
    "FROM evaluations e CROSS JOIN packed_scores(e.scores) s",
};

// Version 14: a coaching queue a supervisor can finish. An item is either about one
// interaction (all the reasons it was flagged for, merged) or a pattern of an agent on a
// criterion (kept up to date in place; `pattern` holds its figures as JSON). Items carry
// the Monday of their week for the weekly budget; what a week's budget could not take
// is counted in coaching_overflow, never dropped silently. Open items that shared an
// interaction are merged into the one with the highest priority.
const char *const kVersion14[] = {
    "ALTER TABLE coaching_items ADD COLUMN kind TEXT NOT NULL DEFAULT 'interaction' "
    "CHECK(kind IN ('interaction','pattern'))",
    "ALTER TABLE coaching_items ADD COLUMN criteria TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE coaching_items ADD COLUMN pattern TEXT",
    "ALTER TABLE coaching_items ADD COLUMN week INTEGER",
    "UPDATE coaching_items SET week = (SELECT ((i.started_at / 86400000 + 3) / 7 * 7 - 3) "
    "* 86400000 FROM interactions i WHERE i.id = coaching_items.interaction_id)",
    "CREATE TEMP TABLE merge_keepers AS SELECT interaction_id, (SELECT o.id FROM "
    "coaching_items o WHERE o.interaction_id = c.interaction_id AND o.status NOT IN "
    "('verified','dismissed') ORDER BY o.priority DESC, o.id LIMIT 1) AS keeper "
    "FROM coaching_items c WHERE c.status NOT IN ('verified','dismissed') "
    "GROUP BY interaction_id HAVING count(*) > 1",
    "UPDATE coaching_items SET reason = (SELECT group_concat(reason, ' ') FROM (SELECT "
    "o.reason FROM coaching_items o WHERE o.interaction_id = coaching_items.interaction_id "
    "AND o.status NOT IN ('verified','dismissed') ORDER BY o.priority DESC, o.id)) "
    "WHERE id IN (SELECT keeper FROM merge_keepers)",
    "UPDATE coaching_items SET status = 'dismissed', dismissed_reason = 'merged into item ' "
    "|| (SELECT keeper FROM merge_keepers k WHERE k.interaction_id = "
    "coaching_items.interaction_id) WHERE status NOT IN ('verified','dismissed') AND "
    "interaction_id IN (SELECT interaction_id FROM merge_keepers) AND id NOT IN "
    "(SELECT keeper FROM merge_keepers)",
    "DROP TABLE merge_keepers",
    "DROP INDEX coaching_items_open",
    "CREATE UNIQUE INDEX coaching_items_open ON coaching_items(interaction_id) "
    "WHERE kind = 'interaction' AND status NOT IN ('verified','dismissed')",
    "CREATE UNIQUE INDEX coaching_patterns_open ON coaching_items(agent_id, criteria) "
    "WHERE kind = 'pattern' AND status NOT IN ('verified','dismissed')",
    "CREATE INDEX coaching_items_week ON coaching_items(agent_id, week)",
    "CREATE TABLE coaching_overflow(agent_id INTEGER NOT NULL REFERENCES agents(id), "
    "week INTEGER NOT NULL, interactions INTEGER NOT NULL, PRIMARY KEY(agent_id, week))",
    "INSERT INTO flag_rules(name, kind, params, severity, calibrated_only, enabled) "
    "SELECT 'Agent patterns', 'agent_pattern', "
    "'{\"weeks\":4,\"min_gap\":10,\"fdr\":0.05,\"min_n\":10}', 3, 0, 1 "
    "WHERE EXISTS (SELECT 1 FROM flag_rules)",
};

const Migration kMigrations[] = {domainSchema(),         migrationOf(kVersion2),
                                 migrationOf(kVersion3), migrationOf(kVersion4),
                                 migrationOf(kVersion5), migrationOf(kVersion6),
                                 migrationOf(kVersion7), migrationOf(kVersion8),
                                 migrationOf(kVersion9), migrationOf(kVersion10),
                                 migrationOf(kVersion11), migrationOf(kVersion12),
                                 migrationOf(kVersion13), migrationOf(kVersion14)};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kCurrentVersion,
              "one migration per schema version");

} // namespace

int userVersion(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool migrate(QSqlDatabase &db, int targetVersion, QString *error)
{
    int version = userVersion(db);
    if (version < 0) {
        *error = QStringLiteral("cannot read the schema version: %1").arg(db.lastError().text());
        return false;
    }
    // Version 12's view needs it, and SQLite checks every view when a later migration
    // renames a table.
    sqlite3 *handle = sqliteHandle(db);
    if (version < targetVersion && (!handle || registerPackedScores(handle) != SQLITE_OK)) {
        *error = QStringLiteral("cannot register the packed_scores function on the connection");
        return false;
    }
    while (version < targetVersion) {
        const Migration &m = kMigrations[version];
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        QSqlQuery q(db);
        for (size_t i = 0; i < m.count; ++i) {
            if (!q.exec(QString::fromLatin1(m.statements[i]))) {
                *error = QStringLiteral("migration to schema %1 failed: %2")
                             .arg(version + 1)
                             .arg(q.lastError().text());
                db.rollback();
                return false;
            }
        }
        // PRAGMAs cannot be bound; the values are our own integers.
        q.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId));
        q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1));
        if (!db.commit()) {
            *error = db.lastError().text();
            db.rollback();
            return false;
        }
        ++version;
    }
    return true;
}

} // namespace qaw::schema
