// report.html of `zhtext compare`: for each comparison, the two sides' sizes and the entities and
// terms most typical of each side as bar charts of their Log Ratio; for each pair of networks, the
// entity pairs gained and lost. The same summaries as report.md (comparison-report.ts).

import type { KeyItem, NameOf } from './comparison.js';
import type { KeynessSummary, NetworkSummary } from './comparison-report.js';
import type { EvidenceSet } from './evidence.js';
import { barChart, escaped, evidenceList, figure, networkChangeFigures, page, section } from './html-report.js';

/** bars in each chart */
const BARS = 12;

/** a chart of the items most typical of one side in G² order, each bar its Log Ratio († an expected count below --min-expected) */
function keyChart(name: string, items: KeyItem[], color: string): string {
  const shown = items.slice(0, BARS);
  return barChart(
    name,
    shown.map((x) => `${x.name}${x.lowExpected ? ' †' : ''}`),
    shown.map((x) => Number(Math.abs(x.logRatio).toFixed(2))),
    color,
  );
}

export function comparisonHtml(
  comparisons: KeynessSummary[],
  networks: NetworkSummary[],
  nameOf: NameOf,
  evidence: ReadonlyMap<string, EvidenceSet> = new Map(),
): string {
  const sections: string[] = [];
  comparisons.forEach((c, k) => {
    const sides = `<p>${escaped(c.a)}: ${c.documentsA} documents, ${c.tokensA} word tokens. ${escaped(c.b)}: ${c.documentsB} documents, ${c.tokensB} word tokens.</p>`;
    if (c.empty) {
      sections.push(section(`keyness-${k + 1}`, `${c.a} against ${c.b}`, `${sides}<p class="empty">A side has no word tokens: nothing to compare.</p>`));
      return;
    }
    const charts = c.tops
      .map(({ kind, ofA, ofB }) => {
        const label = kind === 'entity' ? 'Entities' : 'Terms';
        return `<div class="row">${figure(
          `${label} most typical of ${c.a}, ranked by G² (the strength of the evidence); each bar is the Log Ratio (the size of the difference: 1 is twice as frequent as in ${c.b}).`,
          keyChart(`keyness-${k + 1}-${kind}-a`, ofA, '#4e79a7'),
          'keyness.csv',
          evidenceList(evidence, `keyness-${k + 1}-${kind}-a`),
        )}${figure(`${label} most typical of ${c.b}, ranked by G²; each bar is the Log Ratio against ${c.a}.`, keyChart(`keyness-${k + 1}-${kind}-b`, ofB, '#f28e2b'), 'keyness.csv', evidenceList(evidence, `keyness-${k + 1}-${kind}-b`))}</div>`;
      })
      .join('');
    sections.push(section(`keyness-${k + 1}`, `${c.a} against ${c.b}`, sides + charts));
  });
  networks.forEach((n, k) => {
    sections.push(
      section(
        `network-${k + 1}`,
        `Entity network: ${n.a} to ${n.b}`,
        networkChangeFigures(
          n,
          nameOf,
          `network-${k + 1}`,
          { gained: 'network_diff.csv', lost: 'network_diff.csv' },
          { gained: evidenceList(evidence, `network-${k + 1}-gained`), lost: evidenceList(evidence, `network-${k + 1}-lost`) },
        ),
      ),
    );
  });
  const ids = [...comparisons.map((_, k) => `keyness-${k + 1}`), ...networks.map((_, k) => `network-${k + 1}`)];
  return page(
    'Comparison report',
    "Keyness: the log-likelihood G² of an item's count on each side against each side's word tokens; the charts show the Log Ratio (log2 of the ratio of relative frequencies). report.md holds the same figures with G²; keyness.csv and network_diff.csv list every item.",
    ids,
    sections,
  );
}
