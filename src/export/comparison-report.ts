// report.md of `zhtext compare`: for each comparison, the two sides' sizes, the entities and terms
// most typical of each side, and the strongest changes of the entity network. Every figure comes
// from the same computations as keyness.csv and network_diff.csv: those tables are written one
// comparison at a time, and each leaves here only what the report shows.
import type { Comparison, EdgeChange, KeyItem, KeynessOptions, NameOf } from './comparison.js';
import { type EvidenceSet, evidenceSection } from './evidence.js';

export interface ComparisonReportOptions extends KeynessOptions {
  /** rows in each table */
  top: number;
  minPairCount: number;
}

/** a comparison's labels and each side's size */
export interface SidesSummary {
  a: string;
  b: string;
  documentsA: number;
  tokensA: number;
  documentsB: number;
  tokensB: number;
}

/** what the report keeps of a keyness comparison */
export interface KeynessSummary extends SidesSummary {
  /** for entities and terms: the `top` most typical of each side (none when a side has no tokens) */
  tops: { kind: 'entity' | 'term'; ofA: KeyItem[]; ofB: KeyItem[] }[];
  empty: boolean;
}

/** what the report keeps of a network comparison */
export interface NetworkSummary {
  a: string;
  b: string;
  gained: EdgeChange[];
  lost: EdgeChange[];
}

export function keynessSummary(c: Comparison, items: readonly KeyItem[], top: number): KeynessSummary {
  const tops = (['entity', 'term'] as const).map((kind) => {
    const ofKind = items.filter((x) => x.kind === kind);
    return {
      kind,
      ofA: ofKind.filter((x) => x.direction > 0).slice(0, top),
      ofB: ofKind
        .filter((x) => x.direction < 0)
        .reverse()
        .slice(0, top),
    };
  });
  return {
    a: c.a,
    b: c.b,
    documentsA: c.tallyA.documents,
    tokensA: c.tallyA.tokens,
    documentsB: c.tallyB.documents,
    tokensB: c.tallyB.tokens,
    tops,
    empty: items.length === 0,
  };
}

export function networkSummary(c: Comparison, edges: readonly EdgeChange[], top: number): NetworkSummary {
  return { a: c.a, b: c.b, gained: edges.filter((e) => e.change === 'gained').slice(0, top), lost: edges.filter((e) => e.change === 'lost').slice(0, top) };
}

const cell = (s: string | number) => String(s).replace(/\|/g, '\\|').replace(/\s+/g, ' ');

export function comparisonReport(
  comparisons: KeynessSummary[],
  networks: NetworkSummary[],
  nameOf: NameOf,
  options: ComparisonReportOptions,
  evidence: ReadonlyMap<string, EvidenceSet> = new Map(),
): string {
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
    out.push(`- ${c.a}: ${c.documentsA} documents, ${c.tokensA} word tokens.`, `- ${c.b}: ${c.documentsB} documents, ${c.tokensB} word tokens.`, '');
    if (c.empty) {
      out.push('A side has no word tokens: nothing to compare.', '');
      continue;
    }
    for (const { kind, ofA, ofB } of c.tops) {
      const label = kind === 'entity' ? 'Entities' : 'Terms';
      table(out, `${label} most typical of ${c.a}`, c, ofA);
      table(out, `${label} most typical of ${c.b}`, c, ofB);
    }
  }
  for (const n of networks) {
    out.push(
      `## Entity network: ${n.a} to ${n.b}`,
      '',
      `Pairs seen together in at least ${options.minPairCount} units on a side (network_diff.csv lists them all).`,
      '',
    );
    networkChangeTables(out, n, nameOf, '###');
  }
  evidenceSection(out, evidence);
  return out.join('\n');
}

/** the pairs gained and lost between two networks, as two tables under headings of the level given */
export function networkChangeTables(out: string[], n: NetworkSummary, nameOf: NameOf, heading: string): void {
  for (const change of ['gained', 'lost'] as const) {
    out.push(`${heading} ${change === 'gained' ? `Gained in ${n.b}` : `Lost from ${n.a}`}`, '');
    if (n[change].length === 0) {
      out.push('None.', '');
      continue;
    }
    out.push(`| # | pair | units in ${n.a} | units in ${n.b} |`, '|---:|---|---:|---:|');
    for (const [i, e] of n[change].entries()) {
      out.push(`| ${i + 1} | ${cell(nameOf(e.source))} – ${cell(nameOf(e.target))} | ${e.countA} | ${e.countB} |`);
    }
    out.push('');
  }
}

function table(out: string[], title: string, c: { a: string; b: string }, rows: KeyItem[]): void {
  out.push(`### ${title}`, '', `| # | item | in ${c.a} | in ${c.b} | G² | Log Ratio |`, '|---:|---|---:|---:|---:|---:|');
  for (const [i, x] of rows.entries()) {
    out.push(`| ${i + 1} | ${cell(x.name)}${x.lowExpected ? ' †' : ''} | ${x.countA} | ${x.countB} | ${x.g2.toFixed(1)} | ${x.logRatio.toFixed(2)} |`);
  }
  out.push('');
}
