#!/usr/bin/env node
// Baseline automated-QA scorer: VADER sentiment (the vader-sentiment npm package) plus
// regular expressions. Reads interactions in native JSON Lines (one interaction per line)
// and writes one CSV row per interaction.
//
//   node score.js INPUT.jsonl OUTPUT.csv
//
// Criterion values: 1 = pass, 0 = fail, "na" = not applicable; professional_tone and
// customer_sentiment are 1-5. total = weighted mean of the applicable criteria, each
// scaled to 0-1 (a 1-5 value v counts as (v - 1) / 4), times 100.
'use strict';

const fs = require('fs');
const readline = require('readline');
const vader = require('vader-sentiment');

// --- Phrases (case-insensitive; ['’] accepts straight and curly apostrophes) ---------

const GREETING_RE = /\b(hello|hi|hiya|hey|good (morning|afternoon|evening|day)|morning|afternoon|evening|g['’]day|welcome|thanks? (you )?(so much )?for (calling|contacting|getting in touch|reaching out|holding|your (call|patience|message|email))|you['’]?re (through|speaking|talking|chatting) (to|with)|my name is|(this|it['’]?s) \w+ (here|speaking)|\w+ (here|speaking)[,.!])/i;

const VERIFICATION_RE = /\b(verify|verification|confirm (your|the|ur|ya|for me)|security (question|pin|check|password|details|number|code)|pin\b|passcode|password|memorable (word|information|answer)|date of birth|\bdob\b|d\.o\.b|birth ?date|post ?code|zip ?code|first line of (the|your|ur) address|(your|the|ur) (full )?address|full name|name on the account|account (number|no)|acc(ount|t)? (number|no|#)|last (four|4|three|3) (digits|numbers)|digits of|identity|\bid\b|security|one[- ]time (code|passcode)|otp\b)/i;

const EMPATHY_RE = /(\bsorry\b|\bapologi[sz]e|\bapologies\b|\bi (completely |totally |fully |really )?understand\b|\bi can (see|imagine|understand) (why|how|that|what)|\bthat must (be|have been)|\bmust (be|have been) (so |really |very )?(annoying|frustrating|stressful|worrying|difficult|hard|upsetting|inconvenient)|\bfrustrat(ing|ed|ion)\b|\binconvenien(ce|t)\b|\bi appreciate (that|how|you)|\bi hear you\b|\bthat['’]?s (not (great|ideal|good|on|right|fair|ok|okay)|awful|terrible|rubbish|a shame|annoying|a pain|really (annoying|frustrating))|\bno wonder\b|\bi['’]?d feel the same\b|\bi['’]?m (so |really |very )?sorry to hear\b)/i;

// Asking/announcing a hold, said by the agent before a gap of 30 s or more.
const HOLD_ASK_RE = /(\b(put|pop|place|popping|putting|placing) you on( a)?( (quick|short|brief|little))? hold\b|\b(can|could|may|would) (i|you) .{0,40}\bhold\b|\b(mind|ok(ay)?|alright|all right) (if i|to) .{0,30}\bhold\b|\bmind holding\b|\b(can|could|would) you hold\b|\bbrief hold\b|\bhold the line\b|\bhold on (for )?(a|one|just a) (moment|minute|sec|second|mo)\b)/i;

// Thanking/apologising for the wait, said by the agent after a hold.
const HOLD_THANKS_RE = /(\b(thanks?|thank you|ta|cheers|appreciate)\b.{0,30}\b(holding|hold|waiting|wait|patience|patient|bearing with|hanging on|hanging in)\b|\bsorry (about|for) (the|that|keeping you) (wait|hold|waiting)|\bsorry to keep you( waiting)?\b|\bsorry for the delay\b|\bapologi(es|[sz]e) for the (wait|delay|hold)\b)/i;

// Explaining a pause (for dead air): the hold phrases plus "let me check" and the like.
const PAUSE_ANNOUNCE_RE = new RegExp(HOLD_ASK_RE.source + '|' +
  /(\bbear with me\b|\b(one|a) (moment|sec|second|minute|mo)\b|\bjust a (moment|sec|second|minute|mo|tick)\b|\bgive me (a|one|just a) (moment|sec|second|minute|mo|tick)\b|\blet me (just )?(check|have a (quick )?look|look|pull|see|find|bring|get|go through|double[- ]check)|\bi['’]?ll (just )?(check|have a (quick )?look|look into|pull up|find|bring up)|\bwhile i (check|look|pull|find|go through|bring)|\b(having|take|taking) a (quick )?look\b|\bchecking (that|this|now|for you)\b|\blooking (at it|into it|now|into that)\b|\bhold on\b|\bhang on\b|\bthis (might|may|will) take a (moment|minute|sec|second)\b)/i.source,
  'i');

const CLOSING_RE = /(\banything else\b|\bis there anything\b|\bsomething else\b|\bhave a (good|great|lovely|nice|wonderful|fab|fantastic) (day|evening|afternoon|morning|weekend|night|one)\b|\btake care\b|\bgood ?bye\b|\bbye\b|\bthanks? (you )?(so much |very much )?for (calling|contacting|getting in touch|reaching out|your (call|time|patience)|chatting)\b|\ball the best\b|\benjoy (the|your) (rest of )?(day|evening|weekend)\b)/i;

// Customer's last turns when the `resolved` field is absent.
const RESOLVED_POS_RE = /(\bthat['’]?s (great|brilliant|perfect|lovely|fab|fantastic|excellent|awesome|sorted|fixed|resolved|helpful|it|all i needed|everything)\b|\bsorted\b|\bperfect\b|\bbrilliant\b|\bawesome\b|\bthat (helps|helped|works|worked|solves|solved|fixed|sorts)\b|\ball (good|sorted|working|fixed)\b|\bproblem solved\b|\b(works|working) now\b|\bthat['’]?s (been )?really helpful\b|\bthank(s| you)\b.{0,25}\bhelp)/i;
const RESOLVED_NEG_RE = /(\bstill (not|isn['’]?t|doesn['’]?t|don['’]?t|haven['’]?t|hasn['’]?t|can['’]?t|no|wont|won['’]?t)\b|\bnot (happy|resolved|sorted|fixed|working|good enough|satisfied)\b|\b(doesn['’]?t|didn['’]?t|does not|did not) (help|work|fix)\b|\bcomplain(t)?\b|\bescalate\b|\bsupervisor\b|\bmanager\b|\bcancel\b|\buseless\b|\bridiculous\b|\bwaste of (my )?time\b|\bunacceptable\b|\bdisappointed\b|\bcall (back|again)\b|\bno help\b)/i;

// --- Weights --------------------------------------------------------------------------

const WEIGHTS = {
  greeting: 5,
  verification: 10,
  empathy: 10,
  professional_tone: 10,
  customer_sentiment: 5,
  resolution: 20,
  hold_etiquette: 5,
  dead_air: 5,
  closing: 5,
};
const CRITERIA = Object.keys(WEIGHTS);
const SCALE_1_5 = new Set(['professional_tone', 'customer_sentiment']);

const HOLD_MS = 30000;
const DEAD_AIR_MS = 10000;

// --- Helpers --------------------------------------------------------------------------

function compound(text) {
  return vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
}

function mean(values) {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

// Most negative agent compound -> 1-5.
function toneTo1to5(c) {
  if (c >= 0.05) return 5;
  if (c > -0.05) return 4;
  if (c > -0.3) return 3;
  if (c > -0.6) return 2;
  return 1;
}

// Change in customer compound (range -2..2) -> 1-5; 3 means no change.
function deltaTo1to5(d) {
  if (d >= 0.5) return 5;
  if (d >= 0.1) return 4;
  if (d > -0.1) return 3;
  if (d > -0.5) return 2;
  return 1;
}

function anyMatch(re, turns) {
  for (const t of turns) if (re.test(t.text)) return true;
  return false;
}

function csvField(value) {
  const s = String(value);
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

// Silences between voice turns: from the latest end so far to the next turn's start.
// Each gap remembers the index of the turn after it.
function voiceGaps(turns) {
  const gaps = [];
  let lastEnd = null;
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i];
    if (typeof t.start_ms !== 'number' || typeof t.end_ms !== 'number') continue;
    if (lastEnd !== null && t.start_ms - lastEnd > 0) {
      gaps.push({ ms: t.start_ms - lastEnd, nextIndex: i });
    }
    lastEnd = lastEnd === null ? t.end_ms : Math.max(lastEnd, t.end_ms);
  }
  return gaps;
}

function agentTurnBefore(turns, index) {
  for (let i = index - 1; i >= 0; i--) if (turns[i].speaker === 'agent') return turns[i];
  return null;
}

function agentTurnAfter(turns, index) {
  for (let i = index; i < turns.length; i++) if (turns[i].speaker === 'agent') return turns[i];
  return null;
}

// --- Scoring one interaction ----------------------------------------------------------

function scoreInteraction(it) {
  const channel = String(it.channel || '').toLowerCase();
  const turns = (Array.isArray(it.turns) ? it.turns : []).map(t => ({
    speaker: t.speaker,
    text: typeof t.text === 'string' ? t.text : '',
    start_ms: t.start_ms,
    end_ms: t.end_ms,
  }));
  const agent = turns.filter(t => t.speaker === 'agent');
  const customer = turns.filter(t => t.speaker === 'customer');
  const r = {};

  r.greeting = anyMatch(GREETING_RE, agent.slice(0, 2)) ? 1 : 0;

  r.verification = channel === 'email' ? 'na' : (anyMatch(VERIFICATION_RE, agent) ? 1 : 0);

  r.empathy = anyMatch(EMPATHY_RE, agent) ? 1 : 0;

  if (agent.length === 0) {
    r.professional_tone = 'na';
  } else {
    let worst = 1;
    for (const t of agent) worst = Math.min(worst, compound(t.text));
    r.professional_tone = toneTo1to5(worst);
  }

  if (customer.length < 2) {
    r.customer_sentiment = 'na';
  } else {
    const first = mean(customer.slice(0, 2).map(t => compound(t.text)));
    const last = mean(customer.slice(-2).map(t => compound(t.text)));
    r.customer_sentiment = deltaTo1to5(last - first);
  }

  if (typeof it.resolved === 'boolean') {
    r.resolution = it.resolved ? 1 : 0;
  } else if (customer.length === 0) {
    r.resolution = 'na';
  } else {
    const lastTurns = customer.slice(-2);
    r.resolution = !anyMatch(RESOLVED_NEG_RE, lastTurns) && anyMatch(RESOLVED_POS_RE, lastTurns) ? 1 : 0;
  }

  if (channel !== 'voice') {
    r.hold_etiquette = 'na';
    r.dead_air = 'na';
  } else {
    const gaps = voiceGaps(turns);
    const holds = gaps.filter(g => g.ms >= HOLD_MS);
    if (holds.length === 0) {
      r.hold_etiquette = 'na';
    } else {
      let ok = true;
      for (const g of holds) {
        const before = agentTurnBefore(turns, g.nextIndex);
        const after = agentTurnAfter(turns, g.nextIndex);
        if (!before || !HOLD_ASK_RE.test(before.text) || !after || !HOLD_THANKS_RE.test(after.text)) {
          ok = false;
        }
      }
      r.hold_etiquette = ok ? 1 : 0;
    }
    let deadAir = false;
    for (const g of gaps) {
      if (g.ms <= DEAD_AIR_MS) continue;
      const before = agentTurnBefore(turns, g.nextIndex);
      if (!before || !PAUSE_ANNOUNCE_RE.test(before.text)) deadAir = true;
    }
    r.dead_air = deadAir ? 0 : 1;
  }

  r.closing = anyMatch(CLOSING_RE, agent.slice(-3)) ? 1 : 0;

  let points = 0;
  let weights = 0;
  for (const c of CRITERIA) {
    const v = r[c];
    if (v === 'na') continue;
    points += WEIGHTS[c] * (SCALE_1_5.has(c) ? (v - 1) / 4 : v);
    weights += WEIGHTS[c];
  }
  r.total = weights > 0 ? (100 * points / weights).toFixed(1) : 'na';
  return r;
}

// --- Main -----------------------------------------------------------------------------

async function main() {
  const [inputPath, outputPath] = process.argv.slice(2);
  if (!inputPath || !outputPath) {
    process.stderr.write('usage: node score.js INPUT.jsonl OUTPUT.csv\n');
    process.exit(2);
  }
  const started = process.hrtime.bigint();

  const out = fs.createWriteStream(outputPath);
  out.write(['id', ...CRITERIA, 'total'].join(',') + '\n');

  const rl = readline.createInterface({
    input: fs.createReadStream(inputPath, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });

  let scored = 0;
  let skipped = 0;
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === '') continue;
    let it;
    try {
      it = JSON.parse(line);
    } catch (err) {
      skipped++;
      process.stderr.write(`line ${lineNo}: invalid JSON (${err.message}), skipped\n`);
      continue;
    }
    const r = scoreInteraction(it);
    const row = [csvField(it.id ?? ''), ...CRITERIA.map(c => r[c]), r.total].join(',') + '\n';
    if (!out.write(row)) await new Promise(resolve => out.once('drain', resolve));
    scored++;
  }

  await new Promise((resolve, reject) => {
    out.on('error', reject);
    out.end(resolve);
  });

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(`scored ${scored} interactions` +
    (skipped ? ` (${skipped} lines skipped)` : '') + ` in ${seconds.toFixed(2)} s\n`);
}

main().catch(err => {
  process.stderr.write(`error: ${err.stack || err}\n`);
  process.exit(1);
});
