// Checks an analysis of the real corpus (by day, deduplicated) and a comparison of two of its days:
// at most 0.5% of documents failed, no boilerplate, markup or entity text reached terms.csv, the
// entity timeline agrees with a recount from entity_mentions.csv and documents.csv, and keyness
// counts and totals agree with the timeline.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
const compareOut = process.argv[3];
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
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
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

/** a CSV file as records by header */
function records(file) {
  const [head, ...rows] = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  return rows.map((r) => Object.fromEntries(head.map((h, k) => [h, r[k] ?? ''])));
}
const round4 = (x) => Math.round(x * 1e4) / 1e4;

// the entity timeline, recounted
const allDocuments = records(join(out, 'documents.csv'));
const documents = allDocuments.filter((d) => d.status === 'ok' || d.status === 'warning');
const copies = allDocuments.filter((d) => d.status === 'copy').length;
const perDay = new Map();
for (const d of documents) {
  if (!d.day) continue;
  const day = perDay.get(d.day) ?? { docs: 0, tokens: 0 };
  day.docs++;
  day.tokens += Number(d.tokens);
  perDay.set(d.day, day);
}
const mentions = new Map();
for (const m of records(join(out, 'entity_mentions.csv'))) {
  if (!m.day) continue;
  const key = `${m.day}\t${m.entity_id}`;
  const entry = mentions.get(key) ?? { mentions: 0, docs: new Set() };
  entry.mentions++;
  entry.docs.add(m.doc_id);
  mentions.set(key, entry);
}
const timeline = records(join(out, 'entity_timeline.csv'));
console.log(`entity timeline: ${timeline.length} rows over ${perDay.size} days; near-copies counted once: ${copies}`);
if (timeline.length === 0) problems.push('entity_timeline.csv is empty');
const inTimeline = new Set();
for (const r of timeline) {
  inTimeline.add(`${r.period}\t${r.entity_id}`);
  const day = perDay.get(r.period);
  const m = mentions.get(`${r.period}\t${r.entity_id}`) ?? { mentions: 0, docs: new Set() };
  const want = [m.mentions, m.docs.size, day?.docs, day?.tokens, round4((m.mentions / day?.tokens) * 1e4)];
  const got = [r.mentions, r.docs, r.period_docs, r.period_tokens, r.per_10k_tokens].map(Number);
  if (got.some((x, k) => x !== want[k])) problems.push(`entity_timeline.csv ${r.period} ${r.entity_id}: ${got.join('/')}, recounted ${want.join('/')}`);
}
for (const key of mentions.keys()) if (!inTimeline.has(key)) problems.push(`entity_timeline.csv lacks ${key.replace('\t', ' ')}`);

// keyness of 2020-10-14 against 2020-10-15: entity counts and totals from the timeline
if (compareOut) {
  if (!existsSync(join(compareOut, 'keyness.csv'))) problems.push('compare wrote no keyness.csv');
  else {
    const keyness = records(join(compareOut, 'keyness.csv'));
    const byKey = new Map(timeline.map((r) => [`${r.period}\t${r.entity_id}`, Number(r.mentions)]));
    const entities = keyness.filter((k) => k.kind === 'entity');
    console.log(
      `keyness rows: ${keyness.length} (${entities.length} entities); most typical of ${entities[0]?.a}: ${entities
        .slice(0, 5)
        .map((k) => k.name)
        .join(', ')}`,
    );
    for (const k of entities) {
      const want = [byKey.get(`${k.a}\t${k.item}`) ?? 0, byKey.get(`${k.b}\t${k.item}`) ?? 0, perDay.get(k.a)?.tokens, perDay.get(k.b)?.tokens];
      const got = [k.count_a, k.count_b, k.total_a, k.total_b].map(Number);
      if (got.some((x, i) => x !== want[i])) problems.push(`keyness.csv ${k.item}: ${got.join('/')}, from the timeline ${want.join('/')}`);
    }
    if (entities.length === 0) problems.push('keyness.csv has no entities');
  }
}

if (problems.length > 0) {
  for (const p of problems.slice(0, 50)) console.error(`FAIL ${p}`);
  process.exit(1);
}
console.log('corpus check passed');
