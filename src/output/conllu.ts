/**
 * CoNLL-U output of the parse (`dyad code --format conllu`): one block per sentence with
 * `# doc_id`, `# sent_id` and `# text` comments and the ten standard columns. HEAD is 1-based within
 * the sentence (0: root); MISC carries the token's character offsets in the document,
 * `TokenRange=start:end` (end exclusive), and `SpaceAfter=No` where no space follows.
 * LEMMA is the segment stage's (wink's) lemma; UPOS the parser's tag; XPOS, FEATS and DEPS are `_`.
 */
import { layer, type Doc } from '../core/doc.js';

function field(value: string): string {
  const v = value.replace(/[\t\n\r]/g, ' ');
  return v === '' ? '_' : v;
}

export function conlluDocument(doc: Doc): string {
  const tokens = layer(doc, 'tokens');
  const deps = layer(doc, 'deps');
  let out = '';
  for (const s of layer(doc, 'sentences')) {
    if (s.tokenEnd === s.tokenStart) continue;
    out += `# doc_id = ${field(doc.id)}\n# sent_id = ${field(doc.id)}-${s.index + 1}\n`;
    out += `# text = ${doc.text.slice(s.start, s.end).replace(/\s+/g, ' ')}\n`;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i];
      const d = deps[i];
      const head = d.head < 0 ? 0 : d.head - s.tokenStart + 1;
      const misc = [`TokenRange=${t.start}:${t.end}`];
      if (i + 1 < s.tokenEnd && tokens[i + 1].start === t.end) misc.push('SpaceAfter=No');
      const cols = [String(i - s.tokenStart + 1), field(t.text), field(t.lemma), d.upos, '_', '_', String(head), d.rel, '_', misc.join('|')];
      out += `${cols.join('\t')}\n`;
    }
    out += '\n';
  }
  return out;
}
