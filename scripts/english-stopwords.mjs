#!/usr/bin/env node
// Writes dictionaries/stopwords-en.txt from natural's public stop-word list (`natural.stopwords`).
// zhtext reads the file, not natural, at run time: importing natural's index takes about a second,
// loads a .env file into the environment and prints to standard output, which a command such as
// `zhtext kwic` writes its results to. test/unit/resources/dictionaries.test.ts keeps the file equal
// to natural's list, so an update of natural that changes it is noticed. Run: npm run dictionaries:english
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const natural = require('natural');
const { version } = require('natural/package.json');

const words = [...new Set(natural.stopwords.map((w) => w.toLowerCase()))].sort();
const header = [
  `# English function words for term counting, from natural ${version} (natural.stopwords), one a line.`,
  '# Written by `npm run dictionaries:english`; do not edit: words of zhtext’s own go in stopwords.txt.',
];
writeFileSync(new URL('../dictionaries/stopwords-en.txt', import.meta.url), `${[...header, ...words].join('\n')}\n`);
