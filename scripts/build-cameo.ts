/**
 * Builds data/cameo/codebook.yaml and data/cameo/plover.yaml from the reference tables in
 * ../shared/reference (cameo-eventcodes.tsv, cameo-to-plover.txt).
 *
 *   node --import tsx scripts/build-cameo.ts
 *
 * The output is our own format (kind/version/entries), committed to the repo; the shared
 * reference is only needed to rebuild it. Problems in the sources stop the build.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const VERSION = '2026.11.1';
const repoRoot = new URL('../', import.meta.url);
const referenceDir = new URL('../shared/reference/', repoRoot);
const outDir = new URL('data/cameo/', repoRoot);

interface CodeRow {
  readonly code: string;
  readonly label: string;
  readonly root: string;
  readonly level: number;
  readonly quadClass: number;
  readonly goldstein: number;
}

interface PloverRow {
  readonly code: string;
  readonly type: string;
  readonly mode: string | null;
  readonly contexts: readonly string[];
  readonly note?: string;
}

/** Spelling slips in the GDELT names, fixed in our short labels. */
const LABEL_FIXES: Readonly<Record<string, string>> = { matyerial: 'material', commment: 'comment', Apolgize: 'Apologize' };

/**
 * CAMEO statements (01) have no crosswalk rows: PLOVER does not code simple commentary (verbal
 * statements are events only when they indicate a policy or material change).
 */
const NOT_IN_PLOVER: readonly PloverRow[] = [
  { code: '01', type: 'NONE', mode: null, contexts: [], note: 'statements are not PLOVER events' },
];

/**
 * Project rule: the PLOVER 2021 manual folds appeals into REQUEST together with demands, but the
 * crosswalk has no 02x rows. CAMEO's appeal codes run parallel to its demand codes (021 material
 * cooperation ~ 101, ..., 028 mediation ~ 108), so each 02x code takes the type, mode and contexts of
 * its 10x twin.
 */
function appealsFromDemands(rows: readonly PloverRow[], known: ReadonlySet<string>): PloverRow[] {
  return rows
    .filter((r) => r.code.startsWith('10') && known.has(`02${r.code.slice(2)}`))
    .map((r) => ({ ...r, code: `02${r.code.slice(2)}`, note: `appeal: as ${r.code} (PLOVER folds appeals into REQUEST)` }));
}

function shortLabel(name: string): string {
  let label = name.replace(/,?\s*not specified below\s*$/i, '').replace(/\s+/g, ' ').trim();
  if (label === label.toUpperCase()) label = label.charAt(0) + label.slice(1).toLowerCase();
  for (const [wrong, right] of Object.entries(LABEL_FIXES)) label = label.replace(wrong, right);
  return label;
}

function parseCodebook(tsv: string): CodeRow[] {
  const [header, ...lines] = tsv.split('\n').filter((l) => l.trim() !== '');
  const cols = header.split('\t');
  const col = (name: string): number => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`cameo-eventcodes.tsv: no column ${name}`);
    return i;
  };
  const [c, lv, rt, qc, nm, gs, inm, igs] = ['code', 'level', 'root', 'quad_class', 'gdelt_name', 'gdelt_goldstein',
    'icews_csv_name', 'icews_csv_goldstein'].map(col);
  return lines.map((line, i) => {
    const f = line.split('\t');
    // GDELT's tables lack 1213; ICEWS's name and value stand in for it.
    const gdelt = f[nm].trim() !== '' && f[gs].trim() !== '';
    const row: CodeRow = {
      code: f[c], label: shortLabel(gdelt ? f[nm] : f[inm]), root: f[rt], level: Number(f[lv]),
      quadClass: Number.parseInt(f[qc], 10), goldstein: Number(gdelt ? f[gs] : f[igs]),
    };
    if (!gdelt) process.stdout.write(`codebook: ${row.code} has no GDELT name/value; ICEWS's used\n`);
    if (!/^\d{2,4}$/.test(row.code) || !row.code.startsWith(row.root) || Number.isNaN(row.goldstein)
      || !(row.quadClass >= 1 && row.quadClass <= 4) || row.level !== row.code.length - 2) {
      throw new Error(`cameo-eventcodes.tsv:${i + 2}: bad row ${JSON.stringify(line)}`);
    }
    return row;
  });
}

/** `042: CONSULT, visit,   # Make a visit` and root headers `04: CONSULT`. First row of a code wins. */
function parseCrosswalk(text: string): { rows: PloverRow[]; skipped: string[] } {
  const rows = new Map<string, PloverRow>();
  const skipped: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.split('#')[0].trim();
    const m = /^(\d{2,4}):\s*(.*)$/.exec(line);
    if (!m) return;
    const [type = '', mode = '', context = ''] = m[2].split(',').map((s) => s.trim());
    if (!/^[A-Z]+$/.test(type)) throw new Error(`cameo-to-plover.txt:${i + 1}: no PLOVER type in ${JSON.stringify(raw)}`);
    const row: PloverRow = {
      code: m[1], type, mode: mode === '' ? null : mode,
      contexts: context.split(';').map((s) => s.trim()).filter((s) => s !== ''),
    };
    const prev = rows.get(row.code);
    if (prev) {
      if (JSON.stringify(prev) !== JSON.stringify(row)) skipped.push(`line ${i + 1}: ${row.code} ${row.type} (kept ${prev.type})`);
      return;
    }
    rows.set(row.code, row);
  });
  return { rows: [...rows.values()], skipped };
}

const q = (s: string): string => JSON.stringify(s);

function codebookYaml(rows: readonly CodeRow[]): string {
  const body = rows.map((r) => [
    `  - id: ${q(r.code)}`, `    label: ${q(r.label)}`, `    root: ${q(r.root)}`, `    level: ${r.level}`,
    `    quadClass: ${r.quadClass}`, `    goldstein: ${r.goldstein}`,
  ].join('\n'));
  return [
    '# CAMEO event codes: short label (from the GDELT name), root, level (0 root, 1 three-digit,',
    '# 2 four-digit), quad class (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material',
    '# conflict) and GDELT Goldstein value. Generated by scripts/build-cameo.ts; see README.md.',
    'kind: cameo', `version: ${q(VERSION)}`, 'entries:', ...body, '',
  ].join('\n');
}

function ploverYaml(rows: readonly PloverRow[]): string {
  const body = rows.map((r) => [
    `  - id: ${q(r.code)}`, `    type: ${q(r.type)}`, `    mode: ${r.mode === null ? 'null' : q(r.mode)}`,
    `    contexts: [${r.contexts.map(q).join(', ')}]`, ...(r.note ? [`    note: ${q(r.note)}`] : []),
  ].join('\n'));
  return [
    '# CAMEO code -> PLOVER 2021 type, mode and contexts (PLOVER manual draft 0.8 crosswalk).',
    '# Codes without a row fall back to their parent code, then their root, at lookup time.',
    '# Generated by scripts/build-cameo.ts; see README.md.',
    'kind: plover', `version: ${q(VERSION)}`, 'entries:', ...body, '',
  ].join('\n');
}

function main(): void {
  const tsvFile = new URL('cameo-eventcodes.tsv', referenceDir);
  const xwFile = new URL('cameo-to-plover.txt', referenceDir);
  if (!existsSync(tsvFile) || !existsSync(xwFile)) {
    throw new Error(`reference tables not found in ${fileURLToPath(referenceDir)}`);
  }
  const codes = parseCodebook(readFileSync(tsvFile, 'utf8'));
  const known = new Set(codes.map((r) => r.code));
  const { rows, skipped } = parseCrosswalk(readFileSync(xwFile, 'utf8'));
  for (const r of rows.filter((x) => !known.has(x.code))) {
    process.stdout.write(`crosswalk: ${r.code} (${r.type}) is not a CAMEO code in the codebook; skipped\n`);
  }
  const crosswalk = rows.filter((r) => known.has(r.code));
  const plover = [...NOT_IN_PLOVER, ...appealsFromDemands(crosswalk, known), ...crosswalk];
  const order = new Map(codes.map((r, i) => [r.code, i]));
  plover.sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(new URL('codebook.yaml', outDir), codebookYaml(codes));
  writeFileSync(new URL('plover.yaml', outDir), ploverYaml(plover));
  const missing = codes.filter((r) => !plover.some((p) => p.code === r.code)).length;
  process.stdout.write(`codebook: ${codes.length} codes; plover: ${plover.length} rows (${missing} codes fall back)\n`);
  for (const s of skipped) process.stdout.write(`crosswalk: conflicting duplicate skipped, ${s}\n`);
}

main();
