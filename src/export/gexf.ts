// GEXF 1.3 for a co-occurrence network, the format Gephi opens: an undirected static graph whose
// nodes carry type and mentions and whose edges carry weight and npmi. The same graph gives the
// same bytes: sorted nodes and edges, no timestamp.
import { compareCodeUnits } from '../text/compare.js';

export interface GexfNode {
  id: string;
  label: string;
  type: string;
  mentions: number;
}

export interface GexfEdge {
  source: string;
  target: string;
  weight: number;
  npmi: number;
}

export interface GexfGraph {
  nodes: GexfNode[];
  edges: GexfEdge[];
  description: string;
}

/** everything outside XML 1.0's Char production: C0 controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** drops what XML 1.0 cannot carry at all, even escaped */
function xmlClean(value: string): string {
  return value.replace(NOT_XML_CHAR, '');
}

export function xmlText(value: string): string {
  return xmlClean(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** as xmlText, plus tab and line breaks as character references, which a parser would otherwise turn into spaces */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** at most 6 decimals and never exponent notation (toFixed gives none below 1e21); −0 prints as 0 */
export function gexfNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`gexf: numbers must be finite, got ${value}`);
  let fixed = value.toFixed(6);
  if (fixed.includes('.')) fixed = fixed.replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' ? '0' : fixed;
}

export function gexfOf(graph: GexfGraph): string {
  const nodes = graph.nodes.map((n) => ({ ...n, id: xmlClean(n.id) })).sort((x, y) => compareCodeUnits(x.id, y.id));
  const ids = new Set<string>();
  for (const node of nodes) {
    if (ids.has(node.id)) throw new RangeError(`gexf: node id ${node.id} appears twice`);
    if (!Number.isInteger(node.mentions) || node.mentions < 0)
      throw new RangeError(`gexf: mentions of ${node.id} must be an integer ≥ 0, got ${node.mentions}`);
    ids.add(node.id);
  }

  // ids are compared as cleaned (not escaped) text, so the order is the ids' own code-unit order
  // undirected: each edge is written with the smaller id as source, so the orientation given does not matter
  const edges = graph.edges
    .map((e) => {
      const source = xmlClean(e.source);
      const target = xmlClean(e.target);
      return compareCodeUnits(source, target) <= 0 ? { ...e, source, target } : { ...e, source: target, target: source };
    })
    .sort((x, y) => compareCodeUnits(x.source, y.source) || compareCodeUnits(x.target, y.target));
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i]!;
    for (const end of [edge.source, edge.target]) if (!ids.has(end)) throw new RangeError(`gexf: edge ${edge.source}–${edge.target} names unknown node ${end}`);
    const previous = edges[i - 1];
    if (previous && previous.source === edge.source && previous.target === edge.target)
      throw new RangeError(`gexf: edge ${edge.source}–${edge.target} appears twice`);
  }

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>zhtext</creator>',
    `    <description>${xmlText(graph.description)}</description>`,
    '  </meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    '      <attribute id="type" title="type" type="string"/>',
    '      <attribute id="mentions" title="mentions" type="integer"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="npmi" title="npmi" type="double"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const node of nodes) {
    lines.push(
      `      <node id="${xmlAttribute(node.id)}" label="${xmlAttribute(node.label)}">`,
      '        <attvalues>',
      `          <attvalue for="type" value="${xmlAttribute(node.type)}"/>`,
      `          <attvalue for="mentions" value="${node.mentions}"/>`,
      '        </attvalues>',
      '      </node>',
    );
  }
  lines.push('    </nodes>', '    <edges>');
  edges.forEach((edge, index) => {
    lines.push(
      `      <edge id="e${index}" source="${xmlAttribute(edge.source)}" target="${xmlAttribute(edge.target)}" weight="${gexfNumber(edge.weight)}">`,
      '        <attvalues>',
      `          <attvalue for="npmi" value="${gexfNumber(edge.npmi)}"/>`,
      '        </attvalues>',
      '      </edge>',
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
