// The entity knowledge base: countries and regions (id = ISO 3166-1 alpha-2), people, organizations
// and places, read from dictionaries/entities/*.tsv and any user files. Every alias is indexed in its
// normalized (simplified, half-width) form, so one lookup serves both scripts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseNameEntityId } from '../entity-ids.js';
import { DictionaryError } from '../errors.js';
import { compareCodeUnits } from '../text/compare.js';
import type { EntityType } from '../types.js';
import { divisionEntities, loadDivisionTable } from './divisions.js';
import { loadNameLexicon, type NameLexicon } from './name-lexicon.js';
import type { ScriptConverter } from './script-converter.js';
import { readTsv, splitList } from './tsv.js';

export interface Entity {
  id: string;
  type: EntityType;
  /** display name (simplified, neutral) */
  name: string;
  aliases: string[];
  wikidata?: string;
}

export interface KnowledgeBase {
  entities: Map<string, Entity>;
  /** normalized alias → entity id */
  aliases: Map<string, string>;
  /** every prefix of every normalized alias: a lookup stops as soon as the text is none of them */
  aliasPrefixes: Set<string>;
  /** one-character country forms used in compounds (中 → CN) */
  abbreviations: Map<string, string>;
  /** curated readings of compounds: surface → ids; an empty list marks an ordinary word */
  compounds: Map<string, string[]>;
  /**
   * names that several entities share (民主党: the United States', Hong Kong's …), normalized name →
   * the readings in file order; the first is the default, and the knowledge-base alias
   */
  sharedNames: Map<string, SharedName>;
  /** tables of the recognition rules (dictionaries/names/), when that folder exists */
  names?: NameLexicon;
  files: string[];
}

export interface SharedName {
  readings: { id: string; places: Set<string>; cues: string[] }[];
  /** words that, written right before the name, make it part of another body's name (人民|民主党) */
  qualifiers: Set<string>;
}

const TYPES: ReadonlySet<string> = new Set(['PERSON', 'GPE', 'ORG', 'LOC']);
export const ENTITY_FILES = ['countries.tsv', 'people.tsv', 'organizations.tsv', 'places.tsv'];

/** jieba part of speech fed with each alias, so the segmenter's tags agree with the base */
export const JIEBA_TAG: Record<EntityType, string> = { PERSON: 'nr', GPE: 'ns', LOC: 'ns', ORG: 'nt' };

export function loadKnowledgeBase(dictionaryDir: string, converter: ScriptConverter, userFiles: string[] = []): KnowledgeBase {
  const normalize = converter.normalize;
  const kb: KnowledgeBase = {
    entities: new Map(),
    aliases: new Map(),
    aliasPrefixes: new Set(),
    abbreviations: new Map(),
    compounds: new Map(),
    sharedNames: new Map(),
    files: [],
  };
  // Layers, each overriding the aliases of the ones before: China's administrative divisions, the
  // base files, then user files (an entry with an existing id replaces it, a new id extends the base).
  const layer = new Map<string, number>();
  for (const entity of divisionEntities(loadDivisionTable())) {
    kb.entities.set(entity.id, entity);
    layer.set(entity.id, 0);
  }
  const baseFiles = ENTITY_FILES.map((f) => join(dictionaryDir, 'entities', f)).filter((f) => existsSync(f));
  for (const file of [...baseFiles, ...userFiles]) {
    kb.files.push(file);
    for (const record of readTsv(file, ['id', 'type', 'name', 'aliases'])) {
      const type = record.type!;
      if (!TYPES.has(type)) throw new DictionaryError(`${file}: entity ${record.id} has unknown type "${type}" (expected PERSON, GPE, ORG or LOC)`);
      const entity: Entity = {
        id: record.id!,
        type: type as EntityType,
        name: record.name!,
        aliases: [record.name!, ...splitList(record.aliases)],
      };
      if (record.wikidata) entity.wikidata = record.wikidata;
      kb.entities.set(entity.id, entity);
      layer.set(entity.id, userFiles.includes(file) ? 2 : 1);
      for (const abbr of splitList(record.abbr)) kb.abbreviations.set(normalize(abbr), entity.id);
    }
  }
  const byLayer = [...kb.entities.values()].sort((a, b) => layer.get(a.id)! - layer.get(b.id)!);
  for (const entity of byLayer) {
    for (const alias of entity.aliases) {
      const key = normalize(alias);
      // a one-character alias would match inside ordinary words; those forms live in `abbr`
      if (key.length < 2) continue;
      kb.aliases.set(key, entity.id);
      for (let n = 1; n <= key.length; n++) kb.aliasPrefixes.add(key.slice(0, n));
    }
  }
  const compoundFile = join(dictionaryDir, 'entities', 'compounds.tsv');
  if (existsSync(compoundFile)) {
    kb.files.push(compoundFile);
    for (const record of readTsv(compoundFile, ['surface', 'ids'])) {
      const ids = record.ids === '-' ? [] : splitList(record.ids);
      for (const id of ids) if (!kb.entities.has(id)) throw new DictionaryError(`${compoundFile}: compound ${record.surface} names unknown id ${id}`);
      const surface = normalize(record.surface!);
      kb.compounds.set(surface, ids);
      // a compound with a reading is matched on token boundaries like an alias
      if (ids.length > 0) for (let n = 1; n <= surface.length; n++) kb.aliasPrefixes.add(surface.slice(0, n));
    }
  }
  const sharedFile = join(dictionaryDir, 'entities', 'shared-names.tsv');
  if (existsSync(sharedFile)) {
    kb.files.push(sharedFile);
    loadSharedNames(kb, sharedFile, normalize);
  }
  const names = loadNameLexicon(join(dictionaryDir, 'names'), normalize);
  if (names) {
    kb.names = names;
    kb.files.push(...names.files);
  }
  return kb;
}

/**
 * entities/shared-names.tsv: rows of one name are its readings, the first the default; the name must
 * be that reading's alias, so matching finds it and resolution only ever changes the id.
 */
function loadSharedNames(kb: KnowledgeBase, file: string, normalize: (s: string) => string): void {
  for (const record of readTsv(file, ['name', 'id', 'context'])) {
    const name = normalize(record.name!);
    const context = splitList(record.context);
    let shared = kb.sharedNames.get(name);
    if (!shared) {
      shared = { readings: [], qualifiers: new Set() };
      kb.sharedNames.set(name, shared);
    }
    if (record.id === '-') {
      for (const word of context) shared.qualifiers.add(normalize(word));
      continue;
    }
    const id = record.id!;
    if (!kb.entities.has(id)) throw new DictionaryError(`${file}: ${record.name} names unknown id ${id}`);
    if (shared.readings.length === 0 && kb.aliases.get(name) !== id) {
      throw new DictionaryError(`${file}: the first reading of ${record.name} must be the entity it is an alias of (${kb.aliases.get(name) ?? 'none'})`);
    }
    const places = new Set(context.filter((c) => kb.entities.has(c)));
    const cues = context.filter((c) => !kb.entities.has(c)).map(normalize);
    shared.readings.push({ id, places, cues });
  }
}

/** name and type of a knowledge-base entity, or of an id made from a name (entity-ids.ts) */
export function describeEntity(kb: KnowledgeBase, id: string): { name: string; type: EntityType | '' } {
  const entity = kb.entities.get(id);
  if (entity) return { name: entity.name, type: entity.type };
  return parseNameEntityId(id) ?? { name: id, type: '' };
}

/** Words the segmenter must keep whole: every alias, and curated compounds. */
export function segmenterWords(kb: KnowledgeBase): { word: string; tag: string }[] {
  const words: { word: string; tag: string }[] = [];
  // jieba takes one word a call and no spaces: multi-word aliases are matched across tokens instead
  for (const [alias, id] of kb.aliases) if (!/\s/.test(alias)) words.push({ word: alias, tag: JIEBA_TAG[kb.entities.get(id)!.type] });
  for (const [surface, ids] of kb.compounds) if (ids.length > 0 && surface.length > 1) words.push({ word: surface, tag: 'ns' });
  return words.sort((a, b) => compareCodeUnits(a.word, b.word));
}
