// normalize: detect the document's script and give every block a `norm` form for analysis:
// simplified Chinese, ASCII letters and digits half-width, one middle dot in foreign names, unified
// ideographs for compatibility ones (text/characters.ts, then the script converter). `norm` keeps the
// length of `text`, so token and mention offsets serve both, and what users see stays in the original script.
import type { ScriptConverter } from '../../resources/script-converter.js';
import type { Doc, Script, Stage } from '../../types.js';

/** Share of script-specific characters at or above which a document counts as one script. */
const DOMINANT_SHARE = 0.9;

export function createNormalizeStage(converter: ScriptConverter): Stage {
  return {
    name: 'normalize',
    run(doc: Doc) {
      let traditional = 0;
      let simplified = 0;
      let han = 0;
      for (const block of doc.blocks) {
        const evidence = converter.scriptEvidence(block.text);
        traditional += evidence.traditional;
        simplified += evidence.simplified;
        han += evidence.han;
        block.norm = converter.normalize(block.text);
      }
      doc.script = classifyScript(traditional, simplified, han);
    },
  };
}

/**
 * Han text with no character specific to either script (rare beyond a few words) is read as
 * simplified: it needs no conversion either way.
 */
export function classifyScript(traditional: number, simplified: number, han: number): Script {
  if (han === 0) return 'none';
  const specific = traditional + simplified;
  if (specific === 0) return 'simplified';
  if (traditional / specific >= DOMINANT_SHARE) return 'traditional';
  if (simplified / specific >= DOMINANT_SHARE) return 'simplified';
  return 'mixed';
}
