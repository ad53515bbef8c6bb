/**
 * For the knowledge build scripts: is a lower-case word ordinary English? wink's English lexicon
 * decides: a word it knows as something other than a proper noun.
 */
import { wink } from '../src/segment/segment-stage.js';

/** True for a lower-case word wink's English lexicon knows as something other than a proper noun. */
export function lexiconWord(): (word: string) => boolean {
  // Words the lexicon lacks get ids after its last entry: the first unknown word marks the boundary.
  const unknown = wink().read('qzxjvqzx', (doc, nlp) => doc.tokens().out(nlp.its.uniqueId) as number[]);
  return (word) => wink().read(word, (doc, nlp) => {
    const t = doc.tokens();
    const ids = t.out(nlp.its.uniqueId) as number[];
    const pos = t.out(nlp.its.pos) as string[];
    return ids.length === 1 && ids[0] < unknown[0] && pos[0] !== 'PROPN';
  });
}
