// Entity ids, in one place. Knowledge-base ids are written in its files: ISO 3166-1 alpha-2 for
// countries and regions (CN), per:…, org:…, loc:…, and loc:gb2260-<code> for China's divisions. An
// entity known only by its name (found by rule, or a division name several places share) gets a type
// prefix and its normalized (simplified) name, so the same name in either script is one id:
// per~王小明, org~某某协会, loc~朝阳区.
import type { EntityType } from './types.js';

const NAME_ID_PREFIX: Record<EntityType, string> = { PERSON: 'per~', GPE: 'loc~', LOC: 'loc~', ORG: 'org~' };
const NAME_ID = /^(per|org|loc)~(.+)$/s;
const TYPE_OF_PREFIX: Record<string, EntityType> = { per: 'PERSON', org: 'ORG', loc: 'LOC' };

/** the id of an entity known only by its normalized name */
export function nameEntityId(type: EntityType, normalizedName: string): string {
  return `${NAME_ID_PREFIX[type]}${normalizedName}`;
}

/** the type and name an id made by nameEntityId holds, or undefined for a knowledge-base id */
export function parseNameEntityId(id: string): { type: EntityType; name: string } | undefined {
  const m = NAME_ID.exec(id);
  return m ? { type: TYPE_OF_PREFIX[m[1]!]!, name: m[2]! } : undefined;
}
