/**
 * Feature templates of the parser (after Zhang & Nivre 2011, for arc-hybrid): words and tags of
 * the stack and buffer, their leftmost and rightmost children with labels, valency, distance,
 * the label sets of children, and punctuation between the two items being joined.
 * `actionFeatures` feeds the transition classifier, `labelFeatures` the relation classifier.
 */
import type { Atoms } from './atoms.js';
import { h1, h2, h3, h4 } from './perceptron.js';
import type { ParseState } from './state.js';

export const ACTION_FEATURES = 84;
export const LABEL_FEATURES = 32;

const NO_WORD = 0x2545f491;
const ROOT_WORD = 0x6b43a9b5;
const NO_TAG = 17;
const ROOT_TAG = 18;

/** A sentence for the parser: word atoms, tag indices and a running count of punctuation. */
export interface ParseInput {
  readonly atoms: Atoms;
  /** UPOS index per word (0-based, word i is state position i + 1). */
  readonly tags: Int32Array;
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
function S3(p: ParseInput, x: number): number {
  return x <= 0 ? NO_WORD : p.atoms.suf3[x - 1];
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
  let n = 0;
  out[n++] = h1(1, s0w); out[n++] = h1(2, s0t); out[n++] = h1(3, s0wt);
  out[n++] = h1(4, s1w); out[n++] = h1(5, s1t); out[n++] = h1(6, s1wt);
  out[n++] = h1(7, b0w); out[n++] = h1(8, b0t); out[n++] = h1(9, b0wt);
  out[n++] = h1(10, b1w); out[n++] = h1(11, b1t); out[n++] = h1(12, b1wt);
  out[n++] = h1(13, W(p, b2)); out[n++] = h1(14, b2t); out[n++] = h1(15, s2t); out[n++] = h1(16, W(p, s2));
  out[n++] = h2(17, s0wt, b0wt); out[n++] = h2(18, s0wt, b0w); out[n++] = h2(19, s0w, b0wt);
  out[n++] = h2(20, s0wt, b0t); out[n++] = h2(21, s0t, b0wt); out[n++] = h2(22, s0w, b0w);
  out[n++] = h2(23, s0t, b0t); out[n++] = h2(24, b0t, b1t);
  out[n++] = h2(25, s1t, s0t); out[n++] = h2(26, s1w, s0w); out[n++] = h2(27, s1wt, s0t); out[n++] = h2(28, s1t, s0wt);
  out[n++] = h3(29, b0t, b1t, b2t); out[n++] = h3(30, s0t, b0t, b1t); out[n++] = h3(31, s1t, s0t, b0t);
  out[n++] = h3(32, s2t, s1t, s0t); out[n++] = h3(33, s1t, s0t, b1t);
  out[n++] = h3(34, s0t, s0l1t, b0t); out[n++] = h3(35, s0t, s0r1t, b0t); out[n++] = h3(36, s0t, b0t, b0l1t);
  out[n++] = h3(37, s1t, s0t, s0l1t); out[n++] = h3(38, s1t, T(p, s1r1), s0t);
  out[n++] = h2(39, s0w, d); out[n++] = h2(40, s0t, d); out[n++] = h2(41, b0w, d); out[n++] = h2(42, b0t, d);
  out[n++] = h3(43, s0w, b0w, d); out[n++] = h3(44, s0t, b0t, d); out[n++] = h3(45, s1t, s0t, d1);
  out[n++] = h2(46, s0w, s0vr); out[n++] = h2(47, s0t, s0vr); out[n++] = h2(48, s0w, s0vl);
  out[n++] = h2(49, s0t, s0vl); out[n++] = h2(50, b0w, b0vl); out[n++] = h2(51, b0t, b0vl);
  out[n++] = h2(52, s1t, s1 > 0 ? st.nr[s1] : -1);
  out[n++] = h1(53, W(p, s0l1)); out[n++] = h1(54, s0l1t); out[n++] = h1(55, L(st, s0l1));
  out[n++] = h1(56, W(p, s0r1)); out[n++] = h1(57, s0r1t); out[n++] = h1(58, L(st, s0r1));
  out[n++] = h1(59, W(p, b0l1)); out[n++] = h1(60, b0l1t); out[n++] = h1(61, L(st, b0l1));
  out[n++] = h2(62, T(p, s1r1), L(st, s1r1));
  out[n++] = h1(63, T(p, s0l2)); out[n++] = h1(64, L(st, s0l2)); out[n++] = h1(65, T(p, s0r2));
  out[n++] = h1(66, L(st, s0r2)); out[n++] = h1(67, T(p, b0l2)); out[n++] = h1(68, L(st, b0l2));
  out[n++] = h3(69, s0t, s0l1t, T(p, s0l2)); out[n++] = h3(70, s0t, s0r1t, T(p, s0r2));
  out[n++] = h3(71, b0t, b0l1t, T(p, b0l2));
  out[n++] = h2(72, s0w, s0rs); out[n++] = h2(73, s0t, s0rs); out[n++] = h2(74, s0w, s0ls);
  out[n++] = h2(75, s0t, s0ls); out[n++] = h2(76, b0w, b0ls); out[n++] = h2(77, b0t, b0ls);
  out[n++] = h2(78, S3(p, b0), b0t); out[n++] = h2(79, S3(p, s0), s0t); out[n++] = h2(80, S3(p, b1), b1t);
  out[n++] = h3(81, s0t, b0t, between(p, s0, b0)); out[n++] = h3(82, s1t, s0t, between(p, s1, s0));
  out[n++] = h3(83, s1t, T(p, s1l1), s0t); out[n++] = h4(84, s0t, b0t, L(st, s0l1), L(st, b0l1));
  return n;
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
  let n = 0;
  out[n++] = h1(101, dir); out[n++] = h2(102, dir, dw); out[n++] = h2(103, dir, dt); out[n++] = h2(104, dir, dwt);
  out[n++] = h2(105, dir, hw); out[n++] = h2(106, dir, ht); out[n++] = h2(107, dir, hwt);
  out[n++] = h3(108, dir, dt, ht); out[n++] = h3(109, dir, dw, ht); out[n++] = h3(110, dir, dt, hw);
  out[n++] = h3(111, dir, dw, hw); out[n++] = h4(112, dir, dt, ht, dd);
  out[n++] = h3(113, dir, dt, L(st, dl1)); out[n++] = h3(114, dir, dt, L(st, dr1)); out[n++] = h2(115, dir, dl1w);
  out[n++] = h3(116, dir, dl1w, ht); out[n++] = h3(117, dir, dt, dls); out[n++] = h3(118, dir, dt, drs);
  out[n++] = h3(119, dir, ht, hls); out[n++] = h3(120, dir, ht, hrs);
  out[n++] = h3(121, dir, dt, prevTag(p, dep)); out[n++] = h3(122, dir, dt, nextTag(p, st, dep));
  out[n++] = h3(123, dir, ht, prevTag(p, head)); out[n++] = h3(124, dir, ht, nextTag(p, st, head));
  out[n++] = h3(125, dir, S3(p, dep), ht); out[n++] = h3(126, dir, S3(p, head), dt);
  out[n++] = h3(127, dir, W(p, dr1), dt); out[n++] = h4(128, dir, dw, dl1w, ht);
  out[n++] = h3(129, dir, L(st, hl1), dt); out[n++] = h3(130, dir, L(st, hr1), dt);
  out[n++] = h4(131, dir, dt, ht, between(p, head, dep)); out[n++] = h3(132, dir, dt, T(p, dl1));
  return n;
}
