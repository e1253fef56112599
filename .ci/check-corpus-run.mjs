// Checks an analysis of the real corpus: at most 0.5% of documents failed, and no boilerplate,
// markup or entity text reached terms.csv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
const read = (name) => readFileSync(join(out, name), 'utf8').replace(/^\uFEFF/, '');
const problems = [];

const documents = read('documents.csv').split('\n').slice(1).filter(Boolean);
const failed = documents.filter((line) => line.endsWith(',failed')).length;
const share = failed / documents.length;
console.log(`documents: ${documents.length}, failed: ${failed} (${(share * 100).toFixed(2)}%)`);
if (share > 0.005) problems.push(`${failed} of ${documents.length} documents failed: more than 0.5%`);

// boilerplate strings, in the simplified lower-case form terms take, and pieces jieba may cut them into
const BOILERPLATE = ['获取更多rss', 'rss', '延伸阅读', '延伸閱讀', '聚焦新闻', '聚焦新聞', 'dfp', 'dfp-ad', 'adslot', 'feedx', 'nbsp', 'http', 'https', 'www', '&', '<', '>'];
const terms = read('terms.csv').split('\n').slice(1).filter(Boolean).map((line) => line.split(',')[0].replace(/^"|"$/g, ''));
console.log(`terms: ${terms.length}`);
for (const term of terms) {
  const hit = BOILERPLATE.find((b) => term === b || (b.length > 3 && term.includes(b)) || /[<>&]/.test(term));
  if (hit) problems.push(`terms.csv holds boilerplate: "${term}"`);
}

if (problems.length > 0) {
  for (const p of problems.slice(0, 50)) console.error(`FAIL ${p}`);
  process.exit(1);
}
console.log('corpus check passed');
