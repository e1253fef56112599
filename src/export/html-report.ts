// report.html: the report to look at, one self-contained file (no script, no request: it opens from
// disk and can be mailed). Every chart is drawn by ECharts on the server as SVG from the same
// ReportData as report.md, with the numbers on the marks and a link to the CSV each came from.
import { createRequire } from 'node:module';
import type { NameOf } from './comparison.js';
import type { NetworkSummary } from './comparison-report.js';
import type { EvidenceSet } from './evidence.js';
import { xmlText } from './gexf.js';
import type { ReportData, ReportEntity } from './report.js';
import { CHANGE_MIN_MENTIONS, MIN_G2, PERIOD_KEYWORD_MIN_COUNT, per10k, TERMS_NOTE, TFIDF_NOTE, TIMELINE_TOP } from './report.js';

/** the system's CJK fonts, as a reader's machine has them */
const FONTS = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK TC', sans-serif";
/** narrow enough that a phone shows a chart at near its size */
const WIDTH = 440;
/** the bars listed in a chart of a top list */
const BARS = 15;

/** the part of ECharts' interface the report uses (its type declarations do not resolve under NodeNext) */
interface ServerChart {
  setOption(option: object): void;
  renderToSVGString(): string;
  dispose(): void;
}
interface ECharts {
  init(dom: null, theme: null, options: { renderer: 'svg'; ssr: true; width: number; height: number }): ServerChart;
}
let loaded: ECharts | undefined;
/** ECharts, loaded when a report is first drawn (not by the commands that draw none) */
const echarts = (): ECharts => {
  loaded ??= createRequire(import.meta.url)('echarts') as ECharts;
  return loaded;
};

/** text or an attribute's value, escaped (HTML reads XML's escapes) */
export const escaped = (s: string | number) => xmlText(String(s));

/**
 * An ECharts option drawn as SVG. The renderer names its clip paths and style classes by counters
 * of the process; they are renamed after the chart and numbered afresh, so that the same report has
 * the same bytes however many were drawn before it.
 */
function svgOf(name: string, option: object, height: number, width = WIDTH): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONTS, fontSize: 13 }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const classes = new Map<string, number>();
  return svg
    .replace(/\bzr\d+-cls-(\d+)/g, (_, n: string) => {
      if (!classes.has(n)) classes.set(n, classes.size);
      return `${name}-cls-${classes.get(n)}`;
    })
    .replace(/\bzr\d+-/g, `${name}-`)
    .replace('<svg ', `<svg role="img" aria-label="${escaped(name)}" class="chart${width > WIDTH ? ' wide' : ''}" `);
}

/** a horizontal bar chart of a top list, first at the top, each bar with its value */
export function barChart(name: string, labels: string[], values: number[], color: string, empty = 'Nothing to show.'): string {
  if (labels.length === 0) return `<p class="empty">${escaped(empty)}</p>`;
  const height = 40 + labels.length * 24;
  return svgOf(
    name,
    {
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', show: false },
      yAxis: { type: 'category', inverse: true, data: labels, axisTick: { show: false }, axisLabel: { fontSize: 13, color: '#222' } },
      series: [
        {
          type: 'bar',
          silent: true,
          data: values,
          itemStyle: { color },
          barCategoryGap: '25%',
          label: { show: true, position: 'right', fontSize: 12, color: '#333' },
        },
      ],
    },
    height,
  );
}

/** documents a day, as columns */
function dayChart(days: { key: string; documents: number }[]): string {
  if (days.length === 0) return '<p class="empty">No dated documents.</p>';
  return svgOf(
    'documents-per-day',
    {
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: days.map((d) => d.key),
        axisLabel: { rotate: days.length > 7 ? 45 : 0, fontSize: 11, color: '#222', hideOverlap: true },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 11, color: '#222' } },
      series: [
        {
          type: 'bar',
          silent: true,
          data: days.map((d) => d.documents),
          itemStyle: { color: '#4e79a7' },
          label: { show: days.length <= 31, position: 'top', fontSize: 10 },
        },
      ],
    },
    280,
    Math.max(WIDTH, Math.min(1100, days.length * 22)),
  );
}

/** mentions per 10,000 tokens of each entity over the periods, one line each */
function timelineChart({ periods, series }: NonNullable<ReportData['periods']>['timeline']): string {
  if (periods.length === 0 || series.length === 0) return '<p class="empty">No periods with documents.</p>';
  const rate = (n: number, tokens: number) => (tokens > 0 ? Number(((n / tokens) * 10_000).toFixed(2)) : 0);
  return svgOf(
    'entity-timeline',
    {
      color: ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'],
      legend: { top: 0, left: 0, itemWidth: 16, textStyle: { fontSize: 12, color: '#222' } },
      // room for the first period's label (turned down from its tick, or centred on it) and the last's
      grid: { left: 40, right: periods.length > 7 ? 16 : 40, top: 28 + Math.ceil(series.length / 4) * 20, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: periods.map((p) => p.key),
        // a label turned down from the first tick would otherwise reach the value axis's 0
        axisLabel: { rotate: periods.length > 7 ? 45 : 0, margin: 14, fontSize: 11, color: '#222', hideOverlap: true },
      },
      // (the unit is in the caption: an axis name would meet the legend's second row)
      yAxis: { type: 'value', axisLabel: { fontSize: 11, color: '#222' } },
      series: series.map((e) => ({
        type: 'line',
        name: e.name,
        silent: true,
        symbolSize: 4,
        lineStyle: { width: e.focus ? 3 : 2 },
        data: e.mentions.map((n, k) => rate(n, periods[k]!.tokens)),
      })),
    },
    340,
    Math.max(WIDTH, Math.min(1100, periods.length * 28)),
  );
}

/** the part of graphology and its ForceAtlas2 layout the report uses (their type declarations do not resolve under NodeNext either) */
interface LayoutGraph {
  addNode(key: string, attributes: { x: number; y: number }): void;
  addEdge(source: string, target: string, attributes: { weight: number }): void;
}
interface Layouts {
  Graph: new () => LayoutGraph;
  forceAtlas2: ((graph: LayoutGraph, options: { iterations: number; settings: object; getEdgeWeight: string }) => Record<string, { x: number; y: number }>) & {
    inferSettings(graph: LayoutGraph): object;
  };
}
let layouts: Layouts | undefined;
const layoutsOf = (): Layouts => {
  const require = createRequire(import.meta.url);
  layouts ??= { Graph: require('graphology') as Layouts['Graph'], forceAtlas2: require('graphology-layout-forceatlas2') as Layouts['forceAtlas2'] };
  return layouts;
};

const TYPE_COLORS: Record<string, string> = { PERSON: '#e15759', GPE: '#59a14f', LOC: '#8cd17d', ORG: '#b07aa1' };

/**
 * The entities of most mentions as a graph: node area by mentions, edge width by association
 * (normalized PMI), laid out by ForceAtlas2 from a circle in rank order, so the same data gives the
 * same picture; labels that would overlap a larger one are left out.
 */
function networkChart({ nodes, edges }: ReportData['network']): string {
  if (nodes.length === 0) return '<p class="empty">No entities.</p>';
  const { Graph, forceAtlas2 } = layoutsOf();
  const graph = new Graph();
  nodes.forEach((n, k) => {
    graph.addNode(n.id, { x: 100 * Math.cos((2 * Math.PI * k) / nodes.length), y: 100 * Math.sin((2 * Math.PI * k) / nodes.length) });
  });
  for (const e of edges) graph.addEdge(e.a, e.b, { weight: e.count });
  const positions = forceAtlas2(graph, { iterations: 400, settings: forceAtlas2.inferSettings(graph), getEdgeWeight: 'weight' });
  const index = new Map(nodes.map((n, k) => [n.id, k]));
  const most = nodes[0]!.mentions;
  return svgOf(
    'entity-network',
    {
      series: [
        {
          type: 'graph',
          layout: 'none',
          silent: true,
          // largest first, so that a label overlapping a larger node's is the one left out
          data: nodes.map((n) => ({
            name: n.name,
            x: Number(positions[n.id]!.x.toFixed(2)),
            y: Number(positions[n.id]!.y.toFixed(2)),
            symbolSize: 8 + 36 * Math.sqrt(n.mentions / most),
            itemStyle: { color: TYPE_COLORS[n.type] ?? '#bab0ac' },
            label: { show: true, position: 'right', fontSize: 12, color: '#222' },
          })),
          links: edges.map((e) => ({
            source: index.get(e.a)!,
            target: index.get(e.b)!,
            lineStyle: { width: 0.5 + 5 * Math.max(0, e.npmi), opacity: 0.45, color: '#888' },
          })),
          labelLayout: { hideOverlap: true },
          top: 16,
          bottom: 16,
          left: 16,
          right: 72,
        },
      ],
    },
    560,
    760,
  );
}

/** a text with its marks (offsets, in order) marked, escaped */
function markedHtml(text: string, marks: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of marks) {
    out += `${escaped(text.slice(at, start))}<mark>${escaped(text.slice(start, end))}</mark>`;
    at = end;
  }
  return out + escaped(text.slice(at));
}

/** a chart's evidence: a few sentences, each with where it was read and the match marked, and where every line can be had */
export function evidenceList(evidence: ReadonlyMap<string, EvidenceSet>, chart: string): string {
  const set = evidence.get(chart);
  if (!set) return '';
  return `<div class="evidence"><p>${escaped(set.about)}: the first sentence in each of the earliest documents (${escaped(set.source)}).</p><ul>${set.lines
    .map((l) => `<li><span class="where">${escaped(l.day || 'undated')} · ${escaped(l.outlet || '(no outlet)')}</span> ${markedHtml(l.text, l.marks)}</li>`)
    .join('')}</ul></div>`;
}

/** the entity pairs gained and lost between two networks, as two bar charts of their units together */
export function networkChangeFigures(
  n: NetworkSummary,
  nameOf: NameOf,
  name: string,
  sources: { gained: string; lost: string },
  evidence: { gained?: string; lost?: string } = {},
): string {
  const chart = (change: 'gained' | 'lost') => {
    const gained = change === 'gained';
    const pairs = n[change].slice(0, BARS);
    return figure(
      gained ? `Pairs gained in ${n.b}: units holding both there.` : `Pairs lost from ${n.a}: units holding both there.`,
      barChart(
        `${name}-${change}`,
        pairs.map((e) => `${nameOf(e.source)} – ${nameOf(e.target)}`),
        pairs.map((e) => (gained ? e.countB : e.countA)),
        gained ? '#59a14f' : '#e15759',
        gained ? `No pair gained in ${n.b}.` : `No pair lost from ${n.a}.`,
      ),
      sources[change],
      evidence[change],
    );
  };
  return `<div class="row">${chart('gained')}${chart('lost')}</div>`;
}

export const section = (id: string, title: string, body: string) => `<section id="${id}"><h2>${escaped(title)}</h2>${body}</section>`;
export const figure = (caption: string, chart: string, csv?: string, evidence = '') =>
  `<figure>${chart}<figcaption>${escaped(caption)}${csv ? ` <a href="${escaped(csv)}">${escaped(csv)}</a>` : ''}</figcaption>${evidence}</figure>`;

/** report.html */
export function htmlOf(data: ReportData): string {
  const s = data.status;
  const entityChart = (name: string, entities: ReportEntity[], color: string) =>
    barChart(
      name,
      entities.slice(0, BARS).map((e) => e.name),
      entities.slice(0, BARS).map((e) => e.mentions),
      color,
    );
  const days = data.days;
  const sections: string[] = [];

  const facts = [
    ['files read', data.files],
    ['documents analysed', data.documents],
    ['word tokens', data.tokens],
    ['distinct terms', data.distinctTerms],
    ['entities', data.entityCount],
    ['entity mentions', data.mentionCount],
    ['days', days.length > 0 ? `${days[0]!.key} – ${days.at(-1)!.key} (${days.length})` : 'none dated'],
    ['outlets', data.outlets.length],
  ];
  const leftOut: [string, number][] = [
    ['failed', s.failed],
    ['exact duplicates', s.duplicate],
    ['near-copies', s.copy],
    ['excluded', s.excluded],
  ];
  sections.push(
    section(
      'corpus',
      'Corpus',
      `<dl class="facts">${facts.map(([k, v]) => `<div><dt>${escaped(k!)}</dt><dd>${escaped(v!)}</dd></div>`).join('')}</dl>` +
        figure('Documents per day.', dayChart(days), 'documents.csv') +
        `<div class="row">${figure(
          `Documents per outlet (the ${Math.min(BARS, data.outlets.length)} with most of ${data.outlets.length}).`,
          barChart(
            'documents-per-outlet',
            data.outlets.slice(0, BARS).map((o) => o.key || '(none)'),
            data.outlets.slice(0, BARS).map((o) => o.documents),
            '#4e79a7',
          ),
          'documents.csv',
        )}${figure(
          'Documents by script, and what was left out of the counts and why.',
          barChart(
            'scripts-and-left-out',
            [...data.scripts.map(([k]) => k), ...leftOut.map(([k]) => k)],
            [...data.scripts.map(([, n]) => n), ...leftOut.map(([, n]) => n)],
            '#76b7b2',
          ),
          'messages.csv',
        )}</div>`,
    ),
  );

  sections.push(
    section(
      'keywords',
      'Keywords',
      `<p class="note">${escaped(`${TERMS_NOTE} ${TFIDF_NOTE}`)}</p>` +
        figure(
          'Top keywords by TF-IDF, the score beside each bar.',
          barChart(
            'top-keywords',
            data.topTerms.slice(0, 20).map((t) => t.term),
            data.topTerms.slice(0, 20).map((t) => Number(t.tfidf.toFixed(1))),
            '#f28e2b',
          ),
          'terms.csv',
          evidenceList(data.evidence, 'top-keywords'),
        ) +
        `<details><summary>Top keywords of each outlet</summary><table><thead><tr><th>outlet</th><th>docs</th><th>top keywords (count)</th></tr></thead><tbody>${data.outlets
          .map(
            (o, k) =>
              `<tr><td>${escaped(o.key || '(none)')}</td><td class="n">${o.documents}</td><td>${data.outletTerms[k]!.map((t) => `${escaped(t.term)} (${t.count})`).join('、')}</td></tr>`,
          )
          .join('')}</tbody></table></details>`,
    ),
  );

  const { people, places, organizations } = data.topByKind;
  sections.push(
    section(
      'entities',
      'Entities',
      `<p class="note">Mentions in the documents analysed; one id for each entity across scripts and regions.</p><div class="row">` +
        figure('People.', entityChart('top-people', people, TYPE_COLORS.PERSON!), 'entities.csv', evidenceList(data.evidence, 'top-people')) +
        figure('Countries and places.', entityChart('top-places', places, TYPE_COLORS.GPE!), 'entities.csv', evidenceList(data.evidence, 'top-places')) +
        figure(
          'Organizations.',
          entityChart('top-organizations', organizations, TYPE_COLORS.ORG!),
          'entities.csv',
          evidenceList(data.evidence, 'top-organizations'),
        ) +
        '</div>' +
        figure(
          `The ${data.network.nodes.length} entities of most mentions and the pairs among them seen together in two sentences or more: area by mentions, line width by association (normalized PMI); people red, countries green, places light green, organizations purple.`,
          networkChart(data.network),
          'cooccurrence.csv',
          evidenceList(data.evidence, 'entity-network'),
        ) +
        figure(
          'Entities named together most often (sentences holding both).',
          barChart(
            'entity-pairs',
            data.entityPairs.slice(0, BARS).map((p) => `${p.a} – ${p.b}`),
            data.entityPairs.slice(0, BARS).map((p) => p.count),
            '#9c755f',
          ),
          'cooccurrence.csv',
          evidenceList(data.evidence, 'entity-pairs'),
        ),
    ),
  );

  if (data.periods) {
    const { by, bursts, timeline } = data.periods;
    const focused = timeline.series.filter((e) => e.focus).map((e) => e.name);
    sections.push(
      section(
        'timeline',
        'Mentions over time',
        `<p class="note">Mentions per 10,000 word tokens of each ${escaped(by)}, for the ${Math.min(TIMELINE_TOP, timeline.series.length)} entities of most mentions${
          focused.length > 0 ? ` and those asked for with --focus (thicker lines: ${escaped(focused.join('、'))})` : ''
        }. The table below the chart has the raw counts.</p>` +
          figure(`Mentions per 10,000 tokens by ${by}.`, timelineChart(timeline), 'entity_timeline.csv', evidenceList(data.evidence, 'entity-timeline')) +
          `<details><summary>Mentions by ${escaped(by)} (per 10,000 tokens)</summary><table><thead><tr><th>${escaped(by)}</th>${timeline.series
            .map((e) => `<th>${escaped(e.name)}</th>`)
            .join('')}</tr></thead><tbody>${timeline.periods
            .map(
              (p, k) =>
                `<tr><td>${escaped(p.key)}</td>${timeline.series.map((e) => `<td class="n">${e.mentions[k]} (${per10k(e.mentions[k]!, p.tokens)})</td>`).join('')}</tr>`,
            )
            .join('')}</tbody></table></details>`,
      ),
    );
    const { keywords } = data.periods;
    const last = keywords.at(-1);
    if (last) {
      sections.push(
        section(
          'period-keywords',
          `Keywords by ${by}`,
          `<p class="note">The terms that set each ${escaped(by)} apart from the others together: G² (the log-likelihood, as compare measures keyness) of the term's count in the ${escaped(by)} and in the others, against each side's word tokens; terms commoner in the ${escaped(by)}, strongest first, among those counted ${PERIOD_KEYWORD_MIN_COUNT} times or more in it with a G² of ${MIN_G2} or more (p < 0.05; term_timeline.csv has the counts and tokens of every period).</p>` +
            figure(
              `${last.period}, the last ${by}: its terms by G², the count in it beside each.`,
              barChart(
                'period-keywords',
                last.terms.slice(0, BARS).map((t) => `${t.term} (${t.count})`),
                last.terms.slice(0, BARS).map((t) => t.g2),
                '#f28e2b',
                `No term sets ${last.period} apart (${PERIOD_KEYWORD_MIN_COUNT} times or more, G² ${MIN_G2} or more).`,
              ),
              'term_timeline.csv',
              evidenceList(data.evidence, 'period-keywords'),
            ) +
            `<details><summary>Keywords of each ${escaped(by)} (count, G²)</summary><table><thead><tr><th>${escaped(by)}</th><th>docs</th><th>terms</th></tr></thead><tbody>${keywords
              .map(
                (k) =>
                  `<tr><td>${escaped(k.period)}</td><td class="n">${k.documents}</td><td>${k.terms.map((t) => `${escaped(t.term)} (${t.count}, ${t.g2.toFixed(1)})`).join('、')}</td></tr>`,
              )
              .join('')}</tbody></table></details>`,
        ),
      );
    }
    const { changes } = data.periods;
    if (changes) {
      sections.push(
        section(
          'changes',
          `Risers and fallers, ${changes.from} to ${changes.to}`,
          `<p class="note">Entities mentioned more (risers) or less (fallers) in ${escaped(changes.to)} than in ${escaped(changes.from)}, against each period's word tokens, ranked and drawn by G² (the log-likelihood, as compare measures keyness), among entities mentioned ${CHANGE_MIN_MENTIONS} times or more in the two together with a G² of ${MIN_G2} or more (p < 0.05); the labels give the mentions before and after. <code>zhtext compare --a &lt;period&gt; --b &lt;period&gt;</code> compares any two periods.</p><div class="row">${figure(
            `Risers, by G² († an expected count below ${CHANGE_MIN_MENTIONS}).`,
            barChart(
              'risers',
              changes.risers.slice(0, BARS).map((c) => `${c.name}${c.lowExpected ? ' †' : ''} (${c.before}→${c.after})`),
              changes.risers.slice(0, BARS).map((c) => c.g2),
              '#59a14f',
              `No entity rose with a G² of ${MIN_G2} or more.`,
            ),
            'entity_timeline.csv',
            evidenceList(data.evidence, 'risers'),
          )}${figure(
            `Fallers, by G².`,
            barChart(
              'fallers',
              changes.fallers.slice(0, BARS).map((c) => `${c.name}${c.lowExpected ? ' †' : ''} (${c.before}→${c.after})`),
              changes.fallers.slice(0, BARS).map((c) => c.g2),
              '#e15759',
              `No entity fell with a G² of ${MIN_G2} or more.`,
            ),
            'entity_timeline.csv',
            evidenceList(data.evidence, 'fallers'),
          )}</div>` +
            `<h3>The entity network, ${escaped(changes.from)} to ${escaped(changes.to)}</h3><p class="note">Entity pairs seen together in enough units to be drawn in one ${escaped(by)}'s network and not in the other's (network_${escaped(changes.from)}.gexf and network_${escaped(changes.to)}.gexf hold both networks).</p>` +
            networkChangeFigures(
              changes.network,
              (id) => data.periods?.names.get(id) ?? id,
              'network',
              { gained: `network_${changes.to}.gexf`, lost: `network_${changes.from}.gexf` },
              {
                gained: evidenceList(data.evidence, 'network-gained'),
                lost: evidenceList(data.evidence, 'network-lost'),
              },
            ),
        ),
      );
    }
    sections.push(
      section(
        'bursts',
        'Bursts',
        `<p class="note">Entities mentioned far more in a ${escaped(by)} than their own recent baseline: z = (mentions − expected) / √expected.</p>` +
          figure(
            `The strongest bursts (z), each with its ${by}.`,
            barChart(
              'bursts',
              bursts.slice(0, BARS).map((b) => `${b.name} ${b.period}`),
              bursts.slice(0, BARS).map((b) => Number(b.z.toFixed(1))),
              '#edc948',
            ),
            'bursts.csv',
            evidenceList(data.evidence, 'bursts'),
          ),
      ),
    );
  }

  return page(
    'Keyword report',
    `${data.documents} documents from ${data.outlets.length} outlets${
      days.length > 0 ? `, ${escaped(days[0]!.key)} to ${escaped(days.at(-1)!.key)}` : ''
    }. report.md holds the same figures as text; every chart names the CSV file it comes from.`,
    [
      'corpus',
      'keywords',
      'entities',
      ...(data.periods
        ? ['timeline', ...(data.periods.keywords.length > 0 ? ['period-keywords'] : []), ...(data.periods.changes ? ['changes'] : []), 'bursts']
        : []),
    ],
    sections,
  );
}

/** a whole report page: its title, a line under it (HTML), links to its sections by id, and the sections */
export function page(title: string, intro: string, sectionIds: string[], sections: string[]): string {
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>zhtext: ${escaped(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escaped(title)}</h1><p>${intro}</p>
<nav>${sectionIds.map((id) => `<a href="#${escaped(id)}">${escaped(id)}</a>`).join(' · ')}</nav></header>
<main>${sections.join('\n')}</main>
</body>
</html>
`;
}

const STYLE = `
body { font-family: ${FONTS}; margin: 0 auto; max-width: 1200px; padding: 0 16px 48px; color: #222; line-height: 1.5; }
h1 { margin: 24px 0 4px; } h2 { border-bottom: 1px solid #ddd; padding-bottom: 4px; margin-top: 40px; }
nav a { margin: 0 2px; }
.facts { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 0 0 16px; }
.facts div { min-width: 140px; } .facts dt { color: #666; font-size: 13px; } .facts dd { margin: 0; font-size: 20px; }
.row { display: flex; flex-wrap: wrap; gap: 16px; }
figure { margin: 8px 0 24px; max-width: 100%; overflow-x: auto; }
figcaption { font-size: 13px; color: #555; }
svg.chart { display: block; max-width: 100%; height: auto; }
/* a wide chart (a network, a long timeline) keeps its size on a small screen and scrolls in its figure */
@media (max-width: 760px) { svg.chart.wide { max-width: none; } }
.note { color: #555; font-size: 14px; }
table { border-collapse: collapse; font-size: 14px; } td, th { border-bottom: 1px solid #eee; padding: 4px 8px; text-align: left; vertical-align: top; }
td.n { text-align: right; }
details { margin: 8px 0 24px; }
.evidence { font-size: 13px; max-width: 440px; } .evidence ul { margin: 4px 0; padding-left: 18px; } .evidence li { margin: 2px 0; }
.evidence .where { color: #666; white-space: nowrap; } mark { background: #ffe08a; }
`;
