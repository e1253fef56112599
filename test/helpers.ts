// Builders shared by the tests: documents by hand, the small dictionaries in test/fixtures, a folder
// of posts, and the command line as a user runs it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newDoc } from '../src/pipeline/pipeline.js';
import { sentenceSpans } from '../src/text/sentences.js';
import type { Block, Doc } from '../src/types.js';

/** the repository root, from build/test (compiled) */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MINI_DICTIONARIES = join(ROOT, 'test', 'fixtures', 'mini-dictionaries');

/**
 * The tests never touch the user's cache: the default cache folder of every run they make, in this
 * process or in the command lines it starts, is a folder of this test file's own, removed at its end.
 */
const CACHE_HOME = mkdtempSync(join(tmpdir(), 'zhtext-test-cache-'));
process.env.XDG_CACHE_HOME = CACHE_HOME;
process.on('exit', () => rmSync(CACHE_HOME, { recursive: true, force: true }));

/** the command line, run as a user runs it (CI set, so no progress bar) */
export function zhtext(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['bin/zhtext.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function docWithBlocks(texts: string[], kind: Block['kind'] = 'paragraph'): Doc {
  const doc = newDoc({ path: 'test.md', bytes: Buffer.alloc(0) });
  doc.blocks = texts.map((text) => ({ kind, text, norm: text }));
  doc.sentences = doc.blocks.map((b) => sentenceSpans(b.norm));
  return doc;
}

/** rows of a CSV file written by zhtext (BOM, quoted cells with doubled quotes), as records by header */
export function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k] ?? ''])));
}

/** sentences of news written for the tests, in simplified script; posts are made of them */
const SENTENCES = [
  '中国外交部长王毅今天在北京会见了俄罗斯外长拉夫罗夫，双方就乌克兰问题交换了意见。',
  '美国总统拜登表示，美国将继续与日本和韩国保持密切合作。',
  '联合国秘书长古特雷斯呼吁各方保持克制，通过对话解决分歧。',
  '国家统计局公布的数据显示，九月份居民消费价格同比上涨百分之一点七。',
  '香港特区政府宣布，将在下月起放宽入境检疫措施。',
  '欧盟委员会主席冯德莱恩在布鲁塞尔发表讲话，强调能源安全的重要性。',
  '台湾地区的半导体出口在第三季度继续增长，市场分析人士认为需求仍然强劲。',
  '世界卫生组织警告说，新冠病毒的新变种可能导致感染人数再次上升。',
  '德国总理默克尔与法国总统马克龙通电话，讨论了欧洲经济复苏计划。',
  '印度和巴基斯坦的边境局势近期有所缓和，两国外交官在日内瓦举行了会谈。',
];

/**
 * A folder of posts written for the tests: `count` Jekyll posts over four days and three outlets,
 * of 1 to 12 paragraphs (so that workers finish them out of order), and among them an exact
 * duplicate, a post in traditional script, a post with only a title and a broken one.
 */
export function writeCorpus(dir: string, count = 40): void {
  mkdirSync(dir, { recursive: true });
  const outlets = ['路透', 'reuters', '德国之声'];
  for (let i = 0; i < count; i++) {
    const day = `2020-10-${String(14 + (i % 4)).padStart(2, '0')}`;
    const paragraphs = Array.from(
      { length: 1 + ((i * 7) % 12) },
      (_, k) => SENTENCES[(i + k * 3) % SENTENCES.length]! + SENTENCES[(i * 5 + k) % SENTENCES.length]!,
    );
    const title = `测试新闻第${i}号：${SENTENCES[i % SENTENCES.length]!.slice(0, 12)}`;
    const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
    writeFileSync(
      join(dir, `${day}-post-${String(i).padStart(3, '0')}.md`),
      `---\ntitle: "${title}"\ndate: ${day}T0${i % 10}:00:00+08:00\ncategories: [ ${outlets[i % 3]} ]\n---\n${body}\n`,
    );
  }
  writeFileSync(join(dir, '2020-10-14-post-000-copy.md'), readFileSync(join(dir, '2020-10-14-post-000.md')));
  writeFileSync(
    join(dir, '2020-10-15-traditional.md'),
    `---\ntitle: "美國總統拜登發表講話"\ndate: 2020-10-15T10:00:00+08:00\ncategories: [ 中央社 ]\n---\n<p>美國總統拜登表示，美國將繼續與日本和韓國保持密切合作。</p>\n`,
  );
  writeFileSync(
    join(dir, '2020-10-16-title-only.md'),
    `---\ntitle: "中国与印度举行边境会谈"\ndate: 2020-10-16T10:00:00+08:00\ncategories: [ 路透 ]\n---\n<div><img src="x.jpg"></div>\n`,
  );
  writeFileSync(join(dir, '2020-10-17-broken.md'), '---\ntitle: [unclosed\ndate: 2020-10-17\n---\n<p>正文。</p>\n');
}

/** A post of the test sentences, paragraph after paragraph, of at least `bytes` bytes: a long post is a slow one. */
export function writeLongPost(file: string, bytes: number, day = '2020-10-15'): void {
  const paragraphs: string[] = [];
  for (let k = 0, size = 0; size < bytes; k++) {
    paragraphs.push(`<p>${SENTENCES[k % SENTENCES.length]}${SENTENCES[(k * 7 + 3) % SENTENCES.length]}</p>\n`);
    size += Buffer.byteLength(paragraphs[k]!);
  }
  writeFileSync(file, `---\ntitle: "很长的测试新闻"\ndate: ${day}T12:00:00+08:00\ncategories: [ 路透 ]\n---\n${paragraphs.join('')}`);
}

/** the rows of a Parquet file, read with DuckDB, as records by column */
export async function readParquet(file: string): Promise<Record<string, unknown>[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${file.replace(/'/g, "''")}')`);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
