// One outlet, one name: the same outlet arrives under several names from different archives (路透 and
// reuters, 德国之声 and dw), which would split every per-outlet table and --outlet in two.
// dictionaries/outlets.tsv maps every name an outlet goes by to one id and display name. Names are
// compared in normalized form (NFKC, simplified, lower case, spaces collapsed), and an outlet's
// id and display name are names of it too. A name not in the table is an outlet of its own, under
// the name as written.
import { DictionaryError } from '../errors.js';
import type { ScriptConverter } from './script-converter.js';
import { readTsv, splitList } from './tsv.js';

export interface Outlet {
  /** stable id (reuters), or the name as written when the table does not know it */
  id: string;
  /** display name (路透社), or the name as written */
  name: string;
}

export interface OutletTable {
  /** the outlet a name stands for; '' stands for no outlet */
  resolve(written: string): Outlet;
  files: string[];
}

export function loadOutletTable(files: string[], converter: ScriptConverter): OutletTable {
  // NFKC makes full-width brackets and letters ASCII; a key need not keep the name's length
  const key = (name: string) => converter.normalize(name.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
  const byName = new Map<string, Outlet>();
  for (const file of files) {
    for (const record of readTsv(file, ['id', 'name', 'aliases'])) {
      const outlet: Outlet = { id: record.id!, name: record.name! };
      for (const name of [outlet.id, outlet.name, ...splitList(record.aliases)]) {
        const known = byName.get(key(name));
        if (known && known.id !== outlet.id) throw new DictionaryError(`${file}: "${name}" names both ${known.id} and ${outlet.id}`);
        byName.set(key(name), outlet);
      }
    }
  }
  return {
    resolve(written) {
      const name = written.trim();
      return byName.get(key(name)) ?? { id: name, name };
    },
    files,
  };
}
