import assert from 'node:assert/strict';
import test from 'node:test';
import {
  createCopyDetector,
  DEFAULT_THRESHOLD,
  estimatedSimilarity,
  MIN_SHINGLES,
  SHINGLE_LENGTH,
  SIGNATURE_SIZE,
  signatureOf,
  type TextSignature,
} from '../../../src/aggregate/near-duplicates.js';
import { createScriptConverter } from '../../../src/resources/script-converter.js';
import { createNormalizeStage } from '../../../src/stages/normalize/index.js';
import { docWithBlocks } from '../../helpers.js';

// Invented news texts, written for these tests (about 20 sentences, 640 characters of body).
const TITLE = '滨海港新集装箱码头启用 年吞吐能力提升三成';
const BODY = [
  '滨海市港务局周二宣布，位于东湾作业区的新集装箱码头正式投入运营。新码头共有四个深水泊位，可停靠载箱量两万标准箱以上的大型货轮。港务局局长陈立新在启用仪式上表示，新码头建成后，全港年吞吐能力将由每年八百万标准箱提升至一千零五十万标准箱，增幅约三成。',
  '据介绍，新码头工程于三年前动工，总投资约一百二十亿元，其中一半来自地方政府专项债券。工程期间曾因台风和疫情两度停工，比原定计划推迟了七个月完工。项目负责人表示，码头采用自动化岸桥和无人驾驶集卡，装卸效率比传统码头高出约两成，人工成本则可下降四成左右。',
  '业内人士指出，滨海港近年货运量增长迅速，去年集装箱吞吐量首次突破七百万标准箱，原有泊位长期处于饱和状态。部分航运公司曾抱怨，货轮在锚地等待靠泊的时间最长超过两天，影响了航线准点率。新码头投入使用后，预计平均等待时间可缩短至半天以内。',
  '不过，也有环保团体对新码头表示担忧。他们认为，东湾一带是候鸟迁徙的重要停歇地，大规模填海和夜间照明可能干扰鸟类栖息。港务局回应说，工程已按照环评要求保留了两处湿地，并在码头外侧设置了遮光屏障，今后还将委托大学研究团队进行长期监测。',
  '分析人士认为，新码头的启用将进一步巩固滨海港作为区域枢纽港的地位。一名航运咨询公司的研究员说，周边几个港口也在扩建，未来几年区域内的竞争会更加激烈，滨海港能否吸引更多远洋航线，关键在于后方铁路和公路集疏运体系能否及时跟上。',
  '港务局表示，连接新码头的铁路专用线预计明年年中通车，届时海铁联运的比例有望从目前的百分之八提高到百分之十五。',
];
const STORY = [TITLE, ...BODY];

/** the same story as a Taiwanese outlet would run it: traditional script, its own headline, a credit line */
const TRADITIONAL_COPY = [
  '濱海港東灣新碼頭啟用 全港吞吐能力增三成',
  '（本報記者林家豪綜合報導）',
  '濱海市港務局週二宣佈，位於東灣作業區的新集裝箱碼頭正式投入運營。新碼頭共有四個深水泊位，可停靠載箱量兩萬標準箱以上的大型貨輪。港務局局長陳立新在啟用儀式上表示，新碼頭建成後，全港年吞吐能力將由每年八百萬標準箱提升至一千零五十萬標準箱，增幅約三成。',
  '據介紹，新碼頭工程於三年前動工，總投資約一百二十億元，其中一半來自地方政府專項債券。工程期間曾因颱風和疫情兩度停工，比原定計劃推遲了七個月完工。項目負責人表示，碼頭採用自動化岸橋和無人駕駛集卡，裝卸效率比傳統碼頭高出約兩成，人工成本則可下降四成左右。',
  '業內人士指出，濱海港近年貨運量增長迅速，去年集裝箱吞吐量首次突破七百萬標準箱，原有泊位長期處於飽和狀態。部分航運公司曾抱怨，貨輪在錨地等待靠泊的時間最長超過兩天，影響了航線準點率。新碼頭投入使用後，預計平均等待時間可縮短至半天以內。',
  '不過，也有環保團體對新碼頭表示擔憂。他們認為，東灣一帶是候鳥遷徙的重要停歇地，大規模填海和夜間照明可能干擾鳥類棲息。港務局回應說，工程已按照環評要求保留了兩處溼地，並在碼頭外側設置了遮光屏障，今後還將委託大學研究團隊進行長期監測。',
  '分析人士認為，新碼頭的啟用將進一步鞏固濱海港作為區域樞紐港的地位。一名航運諮詢公司的研究員說，周邊幾個港口也在擴建，未來幾年區域內的競爭會更加激烈，濱海港能否吸引更多遠洋航線，關鍵在於後方鐵路和公路集疏運體系能否及時跟上。',
  '港務局表示，連接新碼頭的鐵路專用線預計明年年中通車，屆時海鐵聯運的比例有望從目前的百分之八提高到百分之十五。',
];

/** one sentence of the twenty rewritten */
const EDITED = STORY.map((block) =>
  block.replace('工程期间曾因台风和疫情两度停工，比原定计划推迟了七个月完工。', '由于去年夏天连续遭遇强台风，施工一度中断，全部工程比预期晚了半年多才告完成。'),
);

/** another story on the same topic, with many of the same words (港务局, 集装箱吞吐量, 标准箱, 锚地, 靠泊, 海铁联运 …) */
const SAME_TOPIC = [
  '滨海港上月集装箱吞吐量同比下降 航运公司削减航班',
  '滨海市港务局周五公布的数据显示，上月滨海港集装箱吞吐量为五十八万标准箱，比去年同期下降百分之六，是今年以来首次出现同比下滑。港务局发言人表示，下滑主要受欧美市场需求放缓影响，出口货物明显减少。',
  '多家航运公司近期相继宣布削减途经滨海港的远洋航班。一家欧洲航运公司表示，从下月起将暂停每周一班的北欧航线，另一家亚洲航运公司则把两条美西航线合并为一条。业内人士估计，未来三个月港口的航班数量可能减少一成左右。',
  '码头运营商也感受到了压力。东湾作业区一名调度员说，过去货轮经常要在锚地排队等待靠泊，现在泊位时常空着，部分装卸工人的班次已经减少。一些集卡司机表示，每天能拉到的货柜数量比年初少了将近一半，收入受到明显影响。',
  '不过，港务局认为吞吐量下降只是暂时现象。发言人指出，今年前十个月累计吞吐量仍比去年同期增长百分之三，新开通的东南亚航线货量也在稳步上升。港务局将继续推动海铁联运，并计划对长期合作的航运公司提供港口使费优惠，以稳住主要航线。',
  '有经济学者提醒，外部需求疲软可能持续到明年上半年，港口城市的物流、仓储和报关等相关行业都需要做好应对准备。',
];

const LIBRARY = [
  '市图书馆完成翻修重新开放 新增儿童阅读区',
  '经过一年多的翻修，位于老城区的市图书馆本周六重新对外开放。馆方表示，这次翻修更换了全部照明和空调设备，并把二楼原来的期刊室改建为儿童阅读区，新增绘本约两万册。',
  '开馆首日，不少家长一早就带着孩子在门口排队。一名退休教师说，她几乎每周都来借书，闭馆这段时间只能去较远的分馆，如今终于可以在家附近看书了。',
  '馆长介绍，图书馆今后将延长周末开放时间至晚上九点，并推出自助借还服务，读者凭身份证即可办理借书证。馆方还计划每月举办两场讲座，邀请本地作家和学者与读者交流。',
];

const RAINSTORM = [
  '气象台发布暴雨黄色预警 山区须防范山洪和泥石流',
  '市气象台昨天下午发布暴雨黄色预警信号，预计今明两天全市大部分地区有大到暴雨，局部地区雨量可达一百五十毫米以上，并伴有雷电和短时大风。',
  '气象专家提醒，连日降雨后土壤含水量已接近饱和，西部山区发生山洪、泥石流和山体滑坡的风险较高，在山区活动的市民应尽量避开河道和陡坡，驾车出行须注意积水路段。',
  '防汛部门表示，已提前疏通城区排水管网，并在低洼路段安排抽水设备和值守人员。多所中小学也已通知学生，如遇红色预警信号将暂停上课。',
];

const sign = (blocks: string[]) => signatureOf(blocks)!;

test('a document with fewer than MIN_SHINGLES distinct shingles gets no signature', () => {
  assert.equal(signatureOf(['滨海港新码头今日启用。']), undefined);
  assert.equal(signatureOf([]), undefined);
  // distinct Han characters: n of them make n − 4 distinct shingles of five
  const han = (n: number) => Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
  assert.equal(signatureOf([han(MIN_SHINGLES + SHINGLE_LENGTH - 2)]), undefined);
  assert.equal(signatureOf([han(MIN_SHINGLES + SHINGLE_LENGTH - 1)])?.shingles, MIN_SHINGLES);
  // punctuation, spaces and Latin text in a short item do not make it long enough
  assert.equal(signatureOf(['滨海港，新码头！！！ …… —— 今日启用。   ']), undefined);
});

test('signatures are deterministic and ignore punctuation, spacing, case and block breaks', () => {
  const plain = sign(STORY);
  assert.equal(plain.minHashes.length, SIGNATURE_SIZE);
  assert.deepEqual(sign(STORY), plain);
  const noPunctuation = STORY.map((b) => b.replace(/[，。、 ]/g, ''));
  assert.deepEqual(sign(noPunctuation), plain);
  const otherPunctuation = STORY.map((b) => b.replace(/，/g, ', ').replace(/。/g, '. '));
  assert.deepEqual(sign(otherPunctuation), plain);
  assert.deepEqual(sign([STORY.join('')]), plain, 'blocks are read as one run of text');
  assert.deepEqual(sign([...STORY, 'AMC Port Holdings 2030']), sign([...STORY, 'amc port holdings 2030']));
  assert.equal(estimatedSimilarity(plain, plain), 1);
});

test('the same story in traditional script with its own headline and a credit line is a copy', () => {
  // through the project's own normalize stage: norm is simplified, so the scripts meet there
  const doc = docWithBlocks(TRADITIONAL_COPY);
  createNormalizeStage(createScriptConverter()).run(doc);
  assert.equal(doc.script, 'traditional');
  const traditional = sign(doc.blocks.map((b) => b.norm));
  const similarity = estimatedSimilarity(sign(STORY), traditional);
  assert.ok(similarity >= 0.85, `similarity ${similarity}`);

  const detector = createCopyDetector();
  assert.equal(detector.add('simplified', sign(STORY)), undefined);
  assert.deepEqual(detector.add('traditional', traditional), { copyOf: 'simplified', similarity });
});

test('norms equal but for the headline and an added credit line are a copy', () => {
  const copy = ['滨海港东湾新码头启用 全港吞吐能力增三成', '（本报记者林家豪综合报导）', ...BODY];
  const detector = createCopyDetector();
  detector.add('a', sign(STORY));
  const match = detector.add('b', sign(copy));
  assert.equal(match?.copyOf, 'a');
  assert.ok(match.similarity >= 0.85 && match.similarity < 1, `similarity ${match.similarity}`);
});

test('a lightly edited copy (one sentence of twenty rewritten) is a copy', () => {
  const similarity = estimatedSimilarity(sign(STORY), sign(EDITED));
  assert.ok(similarity >= DEFAULT_THRESHOLD && similarity < 1, `similarity ${similarity}`);
  const detector = createCopyDetector();
  detector.add('original', sign(STORY));
  assert.deepEqual(detector.add('edited', sign(EDITED)), { copyOf: 'original', similarity });
});

test('a different story on the same topic is not a copy, nor are unrelated stories', () => {
  const similarity = estimatedSimilarity(sign(STORY), sign(SAME_TOPIC));
  assert.ok(similarity < 0.2, `similarity ${similarity}`);
  const detector = createCopyDetector();
  assert.equal(detector.add('story', sign(STORY)), undefined);
  assert.equal(detector.add('same topic', sign(SAME_TOPIC)), undefined);
  assert.equal(detector.add('library', sign(LIBRARY)), undefined);
  assert.equal(detector.add('rainstorm', sign(RAINSTORM)), undefined);
});

test('a copy of a copy points at the original of the group', () => {
  // B: new headline, last paragraph trimmed; C: B with a credit line and the edited sentence
  const b = ['滨海港东湾新码头投入运营', ...BODY.slice(0, -1)];
  const c = [b[0]!, '（本报记者综合报导）', ...EDITED.slice(1, -1)];
  const [sa, sb, sc] = [sign(STORY), sign(b), sign(c)];
  // C is closer to the copy B than to the original A: it points at A all the same
  assert.ok(estimatedSimilarity(sc, sb) > estimatedSimilarity(sc, sa));
  const detector = createCopyDetector();
  detector.add('A', sa);
  assert.equal(detector.add('B', sb)?.copyOf, 'A');
  assert.deepEqual(detector.add('C', sc), { copyOf: 'A', similarity: estimatedSimilarity(sc, sb) });
});

test('the result does not depend on unrelated documents before or in between', () => {
  const unrelated: [string, TextSignature][] = [
    ['same topic', sign(SAME_TOPIC)],
    ['library', sign(LIBRARY)],
    ['rainstorm', sign(RAINSTORM)],
  ];
  const expected = { copyOf: 'original', similarity: estimatedSimilarity(sign(STORY), sign(EDITED)) };
  for (const order of permutations(unrelated)) {
    for (let split = 0; split <= order.length; split++) {
      const detector = createCopyDetector();
      for (const [id, s] of order.slice(0, split)) assert.equal(detector.add(id, s), undefined);
      assert.equal(detector.add('original', sign(STORY)), undefined);
      for (const [id, s] of order.slice(split)) assert.equal(detector.add(id, s), undefined);
      assert.deepEqual(detector.add('edited', sign(EDITED)), expected);
    }
  }
});

test('documents without a signature are neither copies nor originals', () => {
  const detector = createCopyDetector();
  assert.equal(detector.add('short', undefined), undefined);
  assert.equal(detector.add('story', sign(STORY)), undefined);
  assert.equal(detector.add('edited', sign(EDITED))?.copyOf, 'story');
});

// Hand-made signatures: slot values chosen so the similarities are exact fractions of SIGNATURE_SIZE.
/** a signature equal to `base` on the listed slot ranges [from, to) and distinct (tagged) elsewhere */
function crafted(tag: number, sameAsBase: [number, number][]): TextSignature {
  const minHashes = new Uint32Array(SIGNATURE_SIZE);
  for (let k = 0; k < SIGNATURE_SIZE; k++) {
    const same = sameAsBase.some(([from, to]) => k >= from && k < to);
    minHashes[k] = same ? k : 1_000_000 * tag + k;
  }
  return { minHashes, shingles: 100 };
}

test('among candidates the most similar wins, even when it is not the earliest', () => {
  // X and Y agree on slots 0–91 (0.72: not one group); Z agrees with X on 0–104, with Y on 0–91 and 110–127
  const x = crafted(1, [[0, 105]]);
  const y = crafted(2, [
    [0, 92],
    [110, 128],
  ]);
  const z = crafted(3, [
    [0, 105],
    [110, 128],
  ]);
  assert.equal(estimatedSimilarity(x, y), 92 / 128);
  assert.equal(estimatedSimilarity(z, x), 105 / 128);
  assert.equal(estimatedSimilarity(z, y), 110 / 128);
  const detector = createCopyDetector();
  assert.equal(detector.add('X', x), undefined);
  assert.equal(detector.add('Y', y), undefined);
  assert.deepEqual(detector.add('Z', z), { copyOf: 'Y', similarity: 110 / 128 });
});

test('a tie between candidates goes to the earlier document', () => {
  // Z agrees with X on 0–109 and with Y on 0–91 and 110–127: 110 of 128 with each
  const x = crafted(1, [[0, 110]]);
  const y = crafted(2, [
    [0, 92],
    [110, 128],
  ]);
  const z = crafted(3, [[0, 128]]);
  assert.equal(estimatedSimilarity(z, x), estimatedSimilarity(z, y));
  for (const [first, second] of [
    [
      ['X', x],
      ['Y', y],
    ],
    [
      ['Y', y],
      ['X', x],
    ],
  ] as const) {
    const detector = createCopyDetector();
    detector.add(first[0], first[1]);
    detector.add(second[0], second[1]);
    assert.deepEqual(detector.add('Z', z), { copyOf: first[0], similarity: 110 / 128 });
  }
});

test('a chain A ← B ← C collapses to A even when C alone is below the threshold to A', () => {
  const a = crafted(1, [[0, 110]]);
  const b = crafted(2, [[0, 128]]);
  const c = crafted(3, [
    [0, 92],
    [110, 128],
  ]);
  assert.ok(estimatedSimilarity(c, a) < DEFAULT_THRESHOLD);
  const detector = createCopyDetector();
  detector.add('A', a);
  assert.deepEqual(detector.add('B', b), { copyOf: 'A', similarity: 110 / 128 });
  assert.deepEqual(detector.add('C', c), { copyOf: 'A', similarity: 110 / 128 });
});

test('the threshold is inclusive and can be set; bad options and repeated ids are refused', () => {
  const a = crafted(1, [[0, 128]]);
  const b = crafted(2, [[0, 96]]); // 96 / 128 = 0.75
  const strict = createCopyDetector();
  strict.add('a', a);
  assert.equal(strict.add('b', b), undefined);
  const loose = createCopyDetector({ threshold: 0.75 });
  loose.add('a', a);
  assert.deepEqual(loose.add('b', b), { copyOf: 'a', similarity: 0.75 });

  assert.throws(() => createCopyDetector({ threshold: 0 }), RangeError);
  assert.throws(() => createCopyDetector({ threshold: 1.5 }), RangeError);
  assert.throws(() => createCopyDetector({ bands: 5 }), RangeError);
  assert.throws(() => createCopyDetector({ bands: 0 }), RangeError);
  assert.throws(() => loose.add('a', a), /added twice/);
});

test('any band count that divides the signature finds the same copies', () => {
  for (const bands of [16, 32, 64]) {
    const detector = createCopyDetector({ bands });
    detector.add('story', sign(STORY));
    detector.add('same topic', sign(SAME_TOPIC));
    assert.equal(detector.add('edited', sign(EDITED))?.copyOf, 'story', `${bands} bands`);
  }
});

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}
