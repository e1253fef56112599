// Checks an analysis of the real corpus: at most 0.5% of documents failed, and no boilerplate,
// markup or entity text reached terms.csv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
const problems = [];

const { counts } = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
const share = counts.failed / counts.files;
console.log(`documents: ${counts.files}, failed: ${counts.failed} (${(share * 100).toFixed(2)}%)`);
if (share > 0.005) problems.push(`${counts.failed} of ${counts.files} documents failed: more than 0.5%`);

/** RFC 4180 rows: quoted cells may hold commas, quotes and line breaks */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += ch;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

// boilerplate strings, in the simplified lower-case form terms take, and the pieces jieba cuts them into
const BOILERPLATE = ['获取更多rss', 'rss', '延伸阅读', '延伸閱讀', '聚焦新闻', '聚焦新聞', 'dfp', 'dfp-ad', 'adslot', 'feedx', 'nbsp', 'http', 'https', 'www'];
const [header, ...terms] = parseCsv(readFileSync(join(out, 'terms.csv'), 'utf8').replace(/^\uFEFF/, ''));
if (header.join(',') !== 'term,pos,count,docs,tfidf') problems.push(`terms.csv header is ${header.join(',')}`);
console.log(`terms: ${terms.length}`);
for (const [term] of terms) {
  const hit = /[<>&]/.test(term) || BOILERPLATE.some((b) => term === b || (b.length > 3 && term.includes(b)));
  if (hit) problems.push(`terms.csv holds boilerplate: "${term}"`);
}

if (problems.length > 0) {
  for (const p of problems.slice(0, 50)) console.error(`FAIL ${p}`);
  process.exit(1);
}
console.log('corpus check passed');
