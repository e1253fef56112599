// Makes an archive several times the size of a folder of posts, for measuring how zhtext grows with
// an archive: the posts as they are, then `copies − 1` variants of each, dated a month later per copy
// (front matter and file name), whose body is the first half of the post's and the second half of
// another post's (split at a paragraph), so no variant is an exact or near copy of a post.
// The output is for measuring only: never commit it.
//
//   node build/bench/make-archive.js <folder> <out> [copies]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { collectInputs } from '../src/pipeline/inputs.js';

const [folder, out, copiesArg] = process.argv.slice(2);
if (!folder || !out) throw new Error('usage: make-archive <folder> <out> [copies]');
const copies = Number(copiesArg ?? 6);
const files = collectInputs([folder]).files;
const posts = files.map((path) => {
  const text = readFileSync(path, 'utf8');
  const end = text.startsWith('---') ? text.indexOf('\n---', 3) : -1;
  return { path, head: end > 0 ? text.slice(0, end + 4) : '', body: end > 0 ? text.slice(end + 4) : text };
});

/** the body cut at the paragraph end nearest its middle */
function halves(body: string): [string, string] {
  const middle = body.length / 2;
  let best = -1;
  for (let i = body.indexOf('</p>'); i >= 0; i = body.indexOf('</p>', i + 1)) if (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
  const cut = best < 0 ? Math.floor(middle) : best + 4;
  return [body.slice(0, cut), body.slice(cut)];
}

const shift = (iso: string, months: number) => {
  const d = new Date(iso);
  d.setUTCDate(d.getUTCDate() + 31 * months);
  return d;
};
let written = 0;
for (let k = 0; k < copies; k++) {
  posts.forEach((post, i) => {
    const other = posts[(i + 997 * k) % posts.length]!;
    const body = k === 0 ? post.body : halves(post.body)[0] + halves(other.body)[1];
    const head = post.head.replace(/^date: *(.+)$/m, (_, date: string) => {
      const d = Number.isNaN(Date.parse(date)) ? undefined : shift(date, k);
      return `date: ${d ? d.toISOString() : date}`;
    });
    const name = basename(post.path).replace(/^(\d{4}-\d{2}-\d{2})/, (day) => shift(`${day}T12:00:00Z`, k).toISOString().slice(0, 10));
    const target = join(out, `copy-${k}`, dirname(relative(folder, post.path)), name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, head + body);
    written++;
  });
}
console.log(`${written} posts in ${out}`);
