#!/usr/bin/env node
// Makes a bigger input for timing: repeats the lines of SOURCE.jsonl, giving each copy a
// unique id ("<original id>-r<copy number>"), until COUNT lines are written to OUT.jsonl.
//   node make-input.js SOURCE.jsonl OUT.jsonl [COUNT=100000]
'use strict';
const fs = require('fs');

const [source, outPath, countArg] = process.argv.slice(2);
if (!source || !outPath) {
  process.stderr.write('usage: node make-input.js SOURCE.jsonl OUT.jsonl [COUNT=100000]\n');
  process.exit(2);
}
const count = Number(countArg || 100000);
const lines = fs.readFileSync(source, 'utf8').split('\n').filter(l => l.trim() !== '');
const items = lines.map(l => JSON.parse(l));

const fd = fs.openSync(outPath, 'w');
let chunk = [];
for (let n = 0; n < count; n++) {
  const item = items[n % items.length];
  const copy = Math.floor(n / items.length) + 1;
  chunk.push(JSON.stringify({ ...item, id: `${item.id}-r${copy}` }));
  if (chunk.length === 1000) {
    fs.writeSync(fd, chunk.join('\n') + '\n');
    chunk = [];
  }
}
if (chunk.length) fs.writeSync(fd, chunk.join('\n') + '\n');
fs.closeSync(fd);
process.stderr.write(`wrote ${count} lines to ${outPath}\n`);
