/**
 * Feature templates of the parser (after Zhang & Nivre 2011, for arc-hybrid): words and tags of
 * the stack and buffer, their leftmost and rightmost children with labels, valency, distance,
 * the label sets of children, and punctuation between the two items being joined.
 * `actionFeatures` feeds the transition classifier, `labelFeatures` the relation classifier.
 */
import type { Atoms } from './atoms.js';
import { h1, hashStaged } from './perceptron.js';
import type { ParseState } from './state.js';

/** Templates of the models before word clusters and runner-up tags (see feature-set.ts). */
const LEGACY_ACTIONS = 84;
export const ACTION_FEATURES = 100;
export const LABEL_FEATURES = 39;

const NO_WORD = 0x2545f491;
const ROOT_WORD = 0x6b43a9b5;
const NO_TAG = 17;
const ROOT_TAG = 18;

/** A sentence for the parser: word atoms, tag indices and a running count of punctuation. */
export interface ParseInput {
  readonly atoms: Atoms;
  /** UPOS index per word (0-based, word i is state position i + 1). */
  readonly tags: Int32Array;
  /** Runner-up UPOS index per word where the tagger was unsure, else the tag itself. */
  readonly alt: Int32Array;
  /** How many transition and relation templates the model uses (see feature-set.ts). */
  readonly actionCount: number;
  readonly labelCount: number;
  /** punct[i] = number of PUNCT-tagged words among positions 1..i. */
  readonly punct: Int32Array;
}

export function punctCounts(tags: Int32Array, punctTag: number): Int32Array {
  const out = new Int32Array(tags.length + 1);
  for (let i = 0; i < tags.length; i++) out[i + 1] = out[i] + (tags[i] === punctTag ? 1 : 0);
  return out;
}

function W(p: ParseInput, x: number): number {
  return x < 0 ? NO_WORD : x === 0 ? ROOT_WORD : p.atoms.word[x - 1];
}
function T(p: ParseInput, x: number): number {
  return x < 0 ? NO_TAG : x === 0 ? ROOT_TAG : p.tags[x - 1];
}
function A(p: ParseInput, x: number): number {
  return x < 0 ? NO_TAG : x === 0 ? ROOT_TAG : p.alt[x - 1];
}
function S3(p: ParseInput, x: number): number {
  return x <= 0 ? NO_WORD : p.atoms.suf3[x - 1];
}
/** Cluster atoms of position x (full path, 6-bit prefix, 4-bit prefix). */
function CF(p: ParseInput, x: number): number {
  return x < 0 ? NO_WORD : x === 0 ? ROOT_WORD : p.atoms.cf[x - 1];
}
function C6(p: ParseInput, x: number): number {
  return x < 0 ? NO_WORD : x === 0 ? ROOT_WORD : p.atoms.c6[x - 1];
}
function C4(p: ParseInput, x: number): number {
  return x < 0 ? NO_WORD : x === 0 ? ROOT_WORD : p.atoms.c4[x - 1];
}
function L(st: ParseState, x: number): number {
  return x <= 0 ? -2 : st.labels[x];
}
function child(arr: Int32Array, x: number): number {
  return x <= 0 || arr[x] === 0 ? -1 : arr[x];
}
function dist(a: number, b: number): number {
  if (a < 0 || b < 0) return -1;
  const d = Math.abs(b - a);
  return d < 5 ? d : d < 10 ? 5 : 6;
}
function between(p: ParseInput, a: number, b: number): number {
  if (a <= 0 || b <= 0) return -1;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return Math.min(3, p.punct[hi - 1] - p.punct[lo]);
}

function prevTag(p: ParseInput, x: number): number {
  return x > 1 ? T(p, x - 1) : NO_TAG;
}
function nextTag(p: ParseInput, st: ParseState, x: number): number {
  return x > 0 && x < st.n ? T(p, x + 1) : NO_TAG;
}

/**
 * Each template's atoms are staged (4 slots per feature) and hashed in one loop by `hashStaged`: the
 * same hashes as h1..h4 of the same atoms, but compiled inline (84 separate h1..h4 calls in one
 * function were more than V8 inlines, and calling them took a fifth of the parser's time).
 */
const ACTION_ARITY = Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 4, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3]);
const ACTION_ATOMS = new Int32Array(ACTION_FEATURES * 4);
const LABEL_ARITY = Uint8Array.from([1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 3, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 3, 3, 4, 3, 2, 2, 3, 3, 3, 3, 3]);
const LABEL_ATOMS = new Int32Array(LABEL_FEATURES * 4);

/** Features of the current configuration; returns how many were written. */
export function actionFeatures(p: ParseInput, st: ParseState, out: Uint32Array): number {
  const s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
  const b0 = st.buf(0), b1 = st.buf(1), b2 = st.buf(2);
  const s0w = W(p, s0), s0t = T(p, s0), s1w = W(p, s1), s1t = T(p, s1);
  const b0w = W(p, b0), b0t = T(p, b0), b1w = W(p, b1), b1t = T(p, b1);
  const b2t = T(p, b2), s2t = T(p, s2);
  const s0wt = h1(s0w, s0t), s1wt = h1(s1w, s1t), b0wt = h1(b0w, b0t), b1wt = h1(b1w, b1t);
  const s0l1 = child(st.l1, s0), s0l2 = child(st.l2, s0), s0r1 = child(st.r1, s0), s0r2 = child(st.r2, s0);
  const b0l1 = child(st.l1, b0), b0l2 = child(st.l2, b0), s1r1 = child(st.r1, s1), s1l1 = child(st.l1, s1);
  const s0l1t = T(p, s0l1), s0r1t = T(p, s0r1), b0l1t = T(p, b0l1);
  const d = dist(s0, b0), d1 = dist(s1, s0);
  const s0vl = s0 > 0 ? st.nl[s0] : -1, s0vr = s0 > 0 ? st.nr[s0] : -1, b0vl = b0 > 0 ? st.nl[b0] : -1;
  const s0ls = s0 > 0 ? st.lset[s0] : -1, s0rs = s0 > 0 ? st.rset[s0] : -1, b0ls = b0 > 0 ? st.lset[b0] : -1;
  const v = ACTION_ATOMS;
  v[0] = s0w; v[4] = s0t; v[8] = s0wt; v[12] = s1w; v[16] = s1t;
  v[20] = s1wt; v[24] = b0w; v[28] = b0t; v[32] = b0wt; v[36] = b1w;
  v[40] = b1t; v[44] = b1wt; v[48] = W(p, b2); v[52] = b2t; v[56] = s2t;
  v[60] = W(p, s2); v[64] = s0wt; v[65] = b0wt; v[68] = s0wt; v[69] = b0w;
  v[72] = s0w; v[73] = b0wt; v[76] = s0wt; v[77] = b0t;
  v[80] = s0t; v[81] = b0wt; v[84] = s0w; v[85] = b0w;
  v[88] = s0t; v[89] = b0t; v[92] = b0t; v[93] = b1t;
  v[96] = s1t; v[97] = s0t; v[100] = s1w; v[101] = s0w;
  v[104] = s1wt; v[105] = s0t; v[108] = s1t; v[109] = s0wt;
  v[112] = b0t; v[113] = b1t; v[114] = b2t;
  v[116] = s0t; v[117] = b0t; v[118] = b1t;
  v[120] = s1t; v[121] = s0t; v[122] = b0t;
  v[124] = s2t; v[125] = s1t; v[126] = s0t;
  v[128] = s1t; v[129] = s0t; v[130] = b1t;
  v[132] = s0t; v[133] = s0l1t; v[134] = b0t;
  v[136] = s0t; v[137] = s0r1t; v[138] = b0t;
  v[140] = s0t; v[141] = b0t; v[142] = b0l1t;
  v[144] = s1t; v[145] = s0t; v[146] = s0l1t;
  v[148] = s1t; v[149] = T(p, s1r1); v[150] = s0t;
  v[152] = s0w; v[153] = d; v[156] = s0t; v[157] = d;
  v[160] = b0w; v[161] = d; v[164] = b0t; v[165] = d;
  v[168] = s0w; v[169] = b0w; v[170] = d;
  v[172] = s0t; v[173] = b0t; v[174] = d;
  v[176] = s1t; v[177] = s0t; v[178] = d1; v[180] = s0w; v[181] = s0vr;
  v[184] = s0t; v[185] = s0vr; v[188] = s0w; v[189] = s0vl;
  v[192] = s0t; v[193] = s0vl; v[196] = b0w; v[197] = b0vl;
  v[200] = b0t; v[201] = b0vl; v[204] = s1t; v[205] = s1 > 0 ? st.nr[s1] : -1;
  v[208] = W(p, s0l1); v[212] = s0l1t; v[216] = L(st, s0l1); v[220] = W(p, s0r1);
  v[224] = s0r1t; v[228] = L(st, s0r1); v[232] = W(p, b0l1); v[236] = b0l1t;
  v[240] = L(st, b0l1); v[244] = T(p, s1r1); v[245] = L(st, s1r1);
  v[248] = T(p, s0l2); v[252] = L(st, s0l2); v[256] = T(p, s0r2);
  v[260] = L(st, s0r2); v[264] = T(p, b0l2); v[268] = L(st, b0l2);
  v[272] = s0t; v[273] = s0l1t; v[274] = T(p, s0l2);
  v[276] = s0t; v[277] = s0r1t; v[278] = T(p, s0r2);
  v[280] = b0t; v[281] = b0l1t; v[282] = T(p, b0l2);
  v[284] = s0w; v[285] = s0rs; v[288] = s0t; v[289] = s0rs;
  v[292] = s0w; v[293] = s0ls; v[296] = s0t; v[297] = s0ls;
  v[300] = b0w; v[301] = b0ls; v[304] = b0t; v[305] = b0ls;
  v[308] = S3(p, b0); v[309] = b0t; v[312] = S3(p, s0); v[313] = s0t;
  v[316] = S3(p, b1); v[317] = b1t;
  v[320] = s0t; v[321] = b0t; v[322] = between(p, s0, b0);
  v[324] = s1t; v[325] = s0t; v[326] = between(p, s1, s0);
  v[328] = s1t; v[329] = T(p, s1l1); v[330] = s0t;
  v[332] = s0t; v[333] = b0t; v[334] = L(st, s0l1); v[335] = L(st, b0l1);
  if (p.actionCount > LEGACY_ACTIONS) stageNewActionAtoms(p, v, s0, s1, b0, b1, s0t, b0t, s1t, b1t, s0w);
  return hashStaged(ACTION_ATOMS, ACTION_ARITY, 1, out, p.actionCount);
}

/** The atoms of the templates added after the legacy set (word clusters, runner-up tags). */
function stageNewActionAtoms(p: ParseInput, v: Int32Array, s0: number, s1: number, b0: number, b1: number,
  s0t: number, b0t: number, s1t: number, b1t: number, s0w: number): void {
  const s0c = CF(p, s0), b0c = CF(p, b0), s0c6 = C6(p, s0), b0c6 = C6(p, b0);
  v[336] = s0c; v[340] = b0c; v[344] = CF(p, s1); v[348] = CF(p, b1);
  v[352] = s0c6; v[353] = b0c6; v[356] = C4(p, s0); v[357] = C4(p, b0);
  v[360] = s0c; v[361] = b0t; v[364] = s0t; v[365] = b0c;
  v[368] = C6(p, s1); v[369] = s0c6; v[372] = b0c6; v[373] = C6(p, b1);
  const s0a = A(p, s0), b0a = A(p, b0);
  v[376] = s0t; v[377] = s0a; v[380] = b0t; v[381] = b0a;
  v[384] = b1t; v[385] = A(p, b1); v[388] = s1t; v[389] = A(p, s1);
  v[392] = s0a; v[393] = b0a; v[396] = s0w; v[397] = s0a; v[398] = b0a;
}

/** Features for the relation of a new arc head -> dep (dir 0: head to the right, 1: to the left). */
export function labelFeatures(p: ParseInput, st: ParseState, head: number, dep: number, out: Uint32Array): number {
  const dir = dep < head ? 0 : 1;
  const dw = W(p, dep), dt = T(p, dep), hw = W(p, head), ht = T(p, head);
  const dwt = h1(dw, dt), hwt = h1(hw, ht);
  const dl1 = child(st.l1, dep), dr1 = child(st.r1, dep), hl1 = child(st.l1, head), hr1 = child(st.r1, head);
  const dls = st.lset[dep], drs = st.rset[dep], hls = head > 0 ? st.lset[head] : -1, hrs = head > 0 ? st.rset[head] : -1;
  const dl1w = W(p, dl1);
  const dd = dist(head, dep);
  const v = LABEL_ATOMS;
  v[0] = dir; v[4] = dir; v[5] = dw; v[8] = dir; v[9] = dt;
  v[12] = dir; v[13] = dwt; v[16] = dir; v[17] = hw;
  v[20] = dir; v[21] = ht; v[24] = dir; v[25] = hwt;
  v[28] = dir; v[29] = dt; v[30] = ht;
  v[32] = dir; v[33] = dw; v[34] = ht;
  v[36] = dir; v[37] = dt; v[38] = hw;
  v[40] = dir; v[41] = dw; v[42] = hw;
  v[44] = dir; v[45] = dt; v[46] = ht; v[47] = dd;
  v[48] = dir; v[49] = dt; v[50] = L(st, dl1);
  v[52] = dir; v[53] = dt; v[54] = L(st, dr1); v[56] = dir; v[57] = dl1w;
  v[60] = dir; v[61] = dl1w; v[62] = ht;
  v[64] = dir; v[65] = dt; v[66] = dls;
  v[68] = dir; v[69] = dt; v[70] = drs;
  v[72] = dir; v[73] = ht; v[74] = hls;
  v[76] = dir; v[77] = ht; v[78] = hrs;
  v[80] = dir; v[81] = dt; v[82] = prevTag(p, dep);
  v[84] = dir; v[85] = dt; v[86] = nextTag(p, st, dep);
  v[88] = dir; v[89] = ht; v[90] = prevTag(p, head);
  v[92] = dir; v[93] = ht; v[94] = nextTag(p, st, head);
  v[96] = dir; v[97] = S3(p, dep); v[98] = ht;
  v[100] = dir; v[101] = S3(p, head); v[102] = dt;
  v[104] = dir; v[105] = W(p, dr1); v[106] = dt;
  v[108] = dir; v[109] = dw; v[110] = dl1w; v[111] = ht;
  v[112] = dir; v[113] = L(st, hl1); v[114] = dt;
  v[116] = dir; v[117] = L(st, hr1); v[118] = dt;
  v[120] = dir; v[121] = dt; v[122] = ht; v[123] = between(p, head, dep);
  v[124] = dir; v[125] = dt; v[126] = T(p, dl1);
  v[128] = dir; v[129] = CF(p, dep); v[132] = dir; v[133] = CF(p, head);
  v[136] = dir; v[137] = C6(p, dep); v[138] = C6(p, head);
  v[140] = dir; v[141] = CF(p, dep); v[142] = ht;
  v[144] = dir; v[145] = dt; v[146] = CF(p, head);
  v[148] = dir; v[149] = dt; v[150] = A(p, dep);
  v[152] = dir; v[153] = ht; v[154] = A(p, head);
  return hashStaged(LABEL_ATOMS, LABEL_ARITY, 101, out, p.labelCount);
}
