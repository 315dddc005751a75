// Prints the reference VADER compound score of each sentence in vader_sentences.txt,
// as "compound<TAB>sentence" lines, from the vader-sentiment npm package (the reference
// implementation our C++ port is tested against).
//   cd /tmp && npm install vader-sentiment
//   NODE_PATH=/tmp/node_modules node make_vader_expected.js > vader_expected.tsv
const fs = require('fs');
const path = require('path');
const vader = require('vader-sentiment');

const sentences = fs
  .readFileSync(path.join(__dirname, 'vader_sentences.txt'), 'utf8')
  .split('\n')
  .filter(line => line.length > 0);
for (const sentence of sentences) {
  const scores = vader.SentimentIntensityAnalyzer.polarity_scores(sentence);
  process.stdout.write(`${scores.compound}\t${sentence}\n`);
}
