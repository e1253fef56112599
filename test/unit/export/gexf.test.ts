import assert from 'node:assert/strict';
import test from 'node:test';
import { gexfNumber, gexfOf, xmlText } from '../../../src/export/gexf.js';

const HEAD = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
  '  <meta>',
  '    <creator>zhtext</creator>',
];
const ATTRIBUTES = [
  '  </meta>',
  '  <graph mode="static" defaultedgetype="undirected">',
  '    <attributes class="node">',
  '      <attribute id="type" title="type" type="string"/>',
  '      <attribute id="mentions" title="mentions" type="integer"/>',
  '    </attributes>',
  '    <attributes class="edge">',
  '      <attribute id="npmi" title="npmi" type="double"/>',
  '    </attributes>',
];

test('a 2-node 1-edge graph, byte for byte', () => {
  const gexf = gexfOf({
    description: '北京 & 上海',
    nodes: [
      { id: '上海', label: '上海', type: 'LOC', mentions: 7 },
      { id: '北京', label: '北京', type: 'LOC', mentions: 12 },
    ],
    edges: [{ source: '北京', target: '上海', weight: 3, npmi: 0.123456789 }],
  });
  const expected = [
    ...HEAD,
    '    <description>北京 &amp; 上海</description>',
    ...ATTRIBUTES,
    '    <nodes>',
    '      <node id="上海" label="上海">',
    '        <attvalues>',
    '          <attvalue for="type" value="LOC"/>',
    '          <attvalue for="mentions" value="7"/>',
    '        </attvalues>',
    '      </node>',
    '      <node id="北京" label="北京">',
    '        <attvalues>',
    '          <attvalue for="type" value="LOC"/>',
    '          <attvalue for="mentions" value="12"/>',
    '        </attvalues>',
    '      </node>',
    '    </nodes>',
    '    <edges>',
    // undirected, so the smaller id (上 U+4E0A before 北 U+5317) is written as source
    '      <edge id="e0" source="上海" target="北京" weight="3">',
    '        <attvalues>',
    '          <attvalue for="npmi" value="0.123457"/>',
    '        </attvalues>',
    '      </edge>',
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
  assert.equal(gexf, expected);
});

/** tags opened and closed in nesting order, a tiny well-formedness check without a parser */
function tagsBalance(xml: string): boolean {
  const open: string[] = [];
  let at = xml.indexOf('<', xml.indexOf('?>'));
  while (at !== -1) {
    const end = xml.indexOf('>', at);
    const tag = xml.slice(at + 1, end);
    const name = tag.split(' ')[0]!;
    if (tag.startsWith('/')) {
      if (open.pop() !== name.slice(1)) return false;
    } else if (!tag.endsWith('/')) open.push(name);
    at = xml.indexOf('<', end);
  }
  return open.length === 0;
}

test('every text and attribute is escaped, and characters XML cannot carry are dropped', () => {
  assert.equal(xmlText(`a&b<c>d"e'f`), 'a&amp;b&lt;c&gt;d&quot;e&apos;f');
  assert.equal(xmlText('x\u0000y\u0008z\uFFFE\uD800!'), 'xyz!'); // NUL, backspace, a non-character, a lone surrogate
  assert.equal(xmlText('𠀀\t'), '𠀀\t'); // astral characters and tab are allowed
  const gexf = gexfOf({
    description: '<script>',
    nodes: [
      { id: 'a"1', label: "O'Neil & <Co>", type: 'ORG\u0001', mentions: 1 },
      { id: 'b', label: 'line\nbreak', type: 'PER', mentions: 2 },
    ],
    edges: [{ source: 'a"1', target: 'b', weight: 1.5, npmi: -0.25 }],
  });
  assert.ok(gexf.includes('<description>&lt;script&gt;</description>'));
  assert.ok(gexf.includes('<node id="a&quot;1" label="O&apos;Neil &amp; &lt;Co&gt;">'));
  assert.ok(gexf.includes('<attvalue for="type" value="ORG"/>'));
  assert.ok(gexf.includes('label="line&#10;break"'), 'a line break in an attribute survives parsing as a reference');
  assert.ok(gexf.includes('<edge id="e0" source="a&quot;1" target="b" weight="1.5">'));
  assert.ok(!gexf.includes('\u0001'));
  assert.ok(tagsBalance(gexf));
});

test('the same graph in any input order gives the same bytes', () => {
  const nodes = ['丙', '甲', 'Z', '乙', 'a'].map((id, i) => ({ id, label: id, type: 'X', mentions: i }));
  const edges = [
    { source: '甲', target: '乙', weight: 1, npmi: 0.1 },
    { source: 'a', target: '丙', weight: 2, npmi: 0.2 },
    { source: '丙', target: 'Z', weight: 3, npmi: 0.3 },
    { source: '乙', target: '丙', weight: 4, npmi: 0.4 },
  ];
  const forward = gexfOf({ description: '', nodes, edges });
  const flipped = edges.map((e) => ({ ...e, source: e.target, target: e.source }));
  assert.equal(gexfOf({ description: '', nodes: [...nodes].reverse(), edges: flipped.reverse() }), forward);
  // nodes by id: Z (0x5A) < a (0x61) < 丙 < 乙 < 甲; edges by source then target
  const nodeIds = [...forward.matchAll(/<node id="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(nodeIds, ['Z', 'a', '丙', '乙', '甲']);
  const edgeRows = [...forward.matchAll(/<edge id="(e\d+)" source="([^"]*)" target="([^"]*)"/g)].map((m) => m.slice(1).join(' '));
  assert.deepEqual(edgeRows, ['e0 Z 丙', 'e1 a 丙', 'e2 丙 乙', 'e3 乙 甲']);
  assert.ok(tagsBalance(forward));
  assert.ok(!forward.includes('lastmodifieddate'));
});

test('numbers: at most 6 decimals, no exponent, no −0', () => {
  assert.equal(gexfNumber(3), '3');
  assert.equal(gexfNumber(100), '100');
  assert.equal(gexfNumber(0.1 + 0.2), '0.3');
  assert.equal(gexfNumber(-0.3367726469), '-0.336773');
  assert.equal(gexfNumber(1.5e-6), '0.000002');
  assert.equal(gexfNumber(1e-9), '0');
  assert.equal(gexfNumber(-1e-9), '0');
  assert.equal(gexfNumber(12345678.9), '12345678.9');
  assert.throws(() => gexfNumber(Number.NaN), RangeError);
});

test('broken graphs are RangeErrors', () => {
  const node = (id: string) => ({ id, label: id, type: 'X', mentions: 1 });
  assert.throws(() => gexfOf({ description: '', nodes: [node('a'), node('a')], edges: [] }), { name: 'RangeError', message: /appears twice/ });
  assert.throws(() => gexfOf({ description: '', nodes: [node('a')], edges: [{ source: 'a', target: 'b', weight: 1, npmi: 0 }] }), {
    name: 'RangeError',
    message: /unknown node b/,
  });
  const twice = [
    { source: 'a', target: 'b', weight: 1, npmi: 0 },
    { source: 'b', target: 'a', weight: 1, npmi: 0 },
  ];
  assert.throws(() => gexfOf({ description: '', nodes: [node('a'), node('b')], edges: twice }), { name: 'RangeError', message: /appears twice/ });
  assert.throws(() => gexfOf({ description: '', nodes: [{ ...node('a'), mentions: 1.5 }], edges: [] }), RangeError);
});
