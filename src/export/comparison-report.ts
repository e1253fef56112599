// report.md of `zhtext compare`: for each comparison, the two sides' sizes, the entities and terms
// most typical of each side, and the strongest changes of the entity network. Every figure comes
// from the same computations as keyness.csv and network_diff.csv.
import { describeEntity, type KnowledgeBase } from '../resources/knowledge-base.js';
import { type Comparison, edgeChanges, type KeyItem, type KeynessOptions, keyItems } from './comparison.js';

export interface ComparisonReportOptions extends KeynessOptions {
  /** rows in each table */
  top: number;
  minPairCount: number;
  /** what the network changes compare: the same sides, or each period with the one before */
  networkComparisons: Comparison[];
}

const cell = (s: string | number) => String(s).replace(/\|/g, '\\|').replace(/\s+/g, ' ');

export function comparisonReport(comparisons: Comparison[], kb: KnowledgeBase, options: ComparisonReportOptions): string {
  const out: string[] = ['# Comparison report', ''];
  out.push(
    "Keyness is the log-likelihood G² of an item's count on each side against the word tokens of each side; " +
      'the Log Ratio is log2 of the ratio of its relative frequencies (a zero count taken as 0.5): 1 means twice as frequent, 3 eight times. ' +
      `Items seen fewer than ${options.minCount} times on both sides together are left out; † marks an expected count below ${options.minExpected} on a side, where G² is less reliable. ` +
      'keyness.csv lists every item.',
    '',
  );
  for (const c of comparisons) {
    out.push(`## ${c.a} against ${c.b}`, '');
    out.push(
      `- ${c.a}: ${c.tallyA.documents} documents, ${c.tallyA.tokens} word tokens.`,
      `- ${c.b}: ${c.tallyB.documents} documents, ${c.tallyB.tokens} word tokens.`,
      '',
    );
    const items = keyItems(c, kb, options);
    if (items.length === 0) {
      out.push('A side has no word tokens: nothing to compare.', '');
      continue;
    }
    for (const kind of ['entity', 'term'] as const) {
      const ofKind = items.filter((x) => x.kind === kind);
      const label = kind === 'entity' ? 'Entities' : 'Terms';
      table(out, `${label} most typical of ${c.a}`, c, ofKind.filter((x) => x.logRatio > 0).slice(0, options.top));
      table(
        out,
        `${label} most typical of ${c.b}`,
        c,
        ofKind
          .filter((x) => x.logRatio < 0)
          .reverse()
          .slice(0, options.top),
      );
    }
  }
  const name = (id: string) => describeEntity(kb, id).name;
  for (const c of options.networkComparisons) {
    const edges = edgeChanges(c, options.minPairCount);
    out.push(
      `## Entity network: ${c.a} to ${c.b}`,
      '',
      `Pairs seen together in at least ${options.minPairCount} units on a side (network_diff.csv lists them all).`,
      '',
    );
    for (const change of ['gained', 'lost'] as const) {
      const rows = edges.filter((e) => e.change === change).slice(0, options.top);
      out.push(
        `### ${change === 'gained' ? `Gained in ${c.b}` : `Lost from ${c.a}`}`,
        '',
        `| # | pair | units in ${c.a} | units in ${c.b} |`,
        '|---:|---|---:|---:|',
      );
      for (const [i, e] of rows.entries()) {
        out.push(`| ${i + 1} | ${cell(name(e.source))} – ${cell(name(e.target))} | ${e.countA} | ${e.countB} |`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}

function table(out: string[], title: string, c: Comparison, rows: KeyItem[]): void {
  out.push(`### ${title}`, '', `| # | item | in ${c.a} | in ${c.b} | G² | Log Ratio |`, '|---:|---|---:|---:|---:|---:|');
  for (const [i, x] of rows.entries()) {
    out.push(`| ${i + 1} | ${cell(x.name)}${x.lowExpected ? ' †' : ''} | ${x.countA} | ${x.countB} | ${x.g2.toFixed(1)} | ${x.logRatio.toFixed(2)} |`);
  }
  out.push('');
}
