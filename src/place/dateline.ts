/**
 * News datelines: "MOSCOW (Reuters) - ...", "BEIJING, May 16 — ...", "GENEVA, Switzerland (AP) — ...".
 * Detected only in the first line of the text, only when the place is written in capitals and
 * followed by an agency in brackets, a date, or a dash: a reliable pattern, not a guess.
 */
import type { Doc, Place } from '../core/doc.js';
import type { Gazetteer } from './gazetteer.js';

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DATELINE = new RegExp(
  `^(\\s*)([A-Z]{2}[A-Z'’ -]*[A-Z])` // the place, in capitals, without dots
  + `(?:,\\s*[A-Z][A-Za-z.]+(?:\\s[A-Z][A-Za-z.]+)?)?` // ", Switzerland"
  + `(?:,?\\s*${MONTH}\\s+\\d{1,2})?` // ", May 16"
  + `\\s*(?:\\([^)\\n]{1,40}\\))?` // "(Reuters)"
  + `\\s*[-—–]{1,2}\\s`,
);

/** The dateline's place, with the capitalised name as evidence, or null. */
export function findDateline(doc: Doc, gaz: Gazetteer): Place | null {
  const m = DATELINE.exec(doc.text.slice(0, 200));
  if (!m) return null;
  const name = m[2].trim();
  const place = gaz.lookup(name);
  if (!place) return null;
  const start = m[1].length;
  return { name: place.name, country: place.country, lat: place.lat, lon: place.lon, evidence: { start, end: start + name.length } };
}
