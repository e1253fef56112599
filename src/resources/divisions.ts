// Chinese administrative divisions (GB/T 2260 codes, from the china-area-data package): provinces,
// prefecture-level cities and county-level divisions as LOC entities, so that 朝阳区 or 石家庄 is a
// place. The knowledge base's own files come first: a name they already hold keeps its entry.
import { createRequire } from 'node:module';
import { nameEntityId } from '../entity-ids.js';
import { compareCodeUnits } from '../text/compare.js';
import type { Entity } from './knowledge-base.js';

const require = createRequire(import.meta.url);

/** code → (child code → name); '86' holds the provinces */
type DivisionTable = Record<string, Record<string, string>>;

/**
 * Names that are no place on their own, or that news uses for districts elsewhere too (东区 is a
 * district of Panzhihua and of Hong Kong and Taipei; 市北区 of Qingdao and of Taiwanese cities).
 */
const GENERIC = new Set([
  '市辖区',
  '城区',
  '郊区',
  '矿区',
  '新区',
  '县',
  '省直辖县级行政区划',
  '自治区直辖县级行政区划',
  '东区',
  '西区',
  '南区',
  '北区',
  '中区',
  '市中区',
  '市北区',
  '市南区',
  '城中区',
  '城东区',
  '城西区',
  '城北区',
  '城南区',
]);
/** short forms of city names that are ordinary words or other things first */
const NO_SHORT_FORM = new Set(['东方', '合作', '白银', '安康', '长治', '吉林', '海南', '三沙', '中山', '普洱', '黄山', '开平']);
const CITY_SUFFIX = /(市|地区|盟|自治州)$/;

export function loadDivisionTable(): DivisionTable {
  return require('china-area-data/v5/data.json') as DivisionTable;
}

/**
 * LOC entities for the divisions of mainland China. A division's id is loc:gb2260-<code>; a name
 * several divisions share (朝阳区 in Beijing and in Changchun) is one entity named for the name,
 * loc~朝阳区, since the text alone does not say which is meant. Short forms without 市/地区 are
 * added for prefecture-level cities (石家庄市 → 石家庄).
 */
export function divisionEntities(table: DivisionTable): Entity[] {
  const byName = new Map<string, { code: string; level: 'province' | 'city' | 'county' }[]>();
  const add = (name: string, code: string, level: 'province' | 'city' | 'county') => {
    if (GENERIC.has(name)) return;
    const list = byName.get(name) ?? [];
    list.push({ code, level });
    byName.set(name, list);
  };
  for (const [provinceCode, province] of Object.entries(table['86'] ?? {})) {
    // Hong Kong, Macao and Taiwan are regions of countries.tsv; their districts are in places.tsv
    if (/^(71|81|82)/.test(provinceCode)) continue;
    add(province, provinceCode, 'province');
    for (const [cityCode, city] of Object.entries(table[provinceCode] ?? {})) {
      add(city, cityCode, 'city');
      for (const [countyCode, county] of Object.entries(table[cityCode] ?? {})) add(county, countyCode, 'county');
    }
  }
  const entities: Entity[] = [];
  for (const [name, places] of [...byName].sort(([a], [b]) => compareCodeUnits(a, b))) {
    const aliases = [name];
    const short = name.replace(CITY_SUFFIX, '');
    if (places.length === 1 && places[0]!.level === 'city' && short !== name && short.length >= 2 && !NO_SHORT_FORM.has(short)) aliases.push(short);
    const id = places.length === 1 ? `loc:gb2260-${places[0]!.code}` : nameEntityId('LOC', name);
    entities.push({ id, type: 'LOC', name, aliases });
  }
  return entities;
}
