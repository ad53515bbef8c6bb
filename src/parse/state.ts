/**
 * The arc-hybrid transition system (Kuhlmann et al. 2011) with its dynamic oracle
 * (Goldberg & Nivre 2013). Words are 1..n; 0 is the artificial root, at the bottom of the stack.
 *
 *   SHIFT  moves the first buffer word b0 onto the stack;
 *   LEFT   makes b0 the head of the stack top s0 and pops s0;
 *   RIGHT  makes s1 the head of s0 and pops s0.
 *
 * RIGHT onto the root is allowed only once the buffer is empty, so every sentence gets exactly
 * one root. All arrays are allocated once and reused across sentences.
 */

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const NONE = -1;

export class ParseState {
  n = 0;
  stack = new Int32Array(0);
  sp = 0;
  b = 1;
  heads = new Int32Array(0);
  labels = new Int32Array(0);
  /** Two leftmost / rightmost children (0 = none; the root is never a child). */
  l1 = new Int32Array(0);
  l2 = new Int32Array(0);
  r1 = new Int32Array(0);
  r2 = new Int32Array(0);
  nl = new Int32Array(0);
  nr = new Int32Array(0);
  /** Bit sets of the labels of left / right children (label % 31). */
  lset = new Int32Array(0);
  rset = new Int32Array(0);

  reset(n: number): void {
    if (this.heads.length < n + 1) {
      const cap = Math.max(n + 1, this.heads.length * 2);
      this.stack = new Int32Array(cap);
      this.heads = new Int32Array(cap);
      this.labels = new Int32Array(cap);
      this.l1 = new Int32Array(cap);
      this.l2 = new Int32Array(cap);
      this.r1 = new Int32Array(cap);
      this.r2 = new Int32Array(cap);
      this.nl = new Int32Array(cap);
      this.nr = new Int32Array(cap);
      this.lset = new Int32Array(cap);
      this.rset = new Int32Array(cap);
    }
    this.n = n;
    this.stack[0] = 0;
    this.sp = 1;
    this.b = 1;
    for (let i = 0; i <= n; i++) {
      this.heads[i] = NONE;
      this.labels[i] = NONE;
      this.l1[i] = 0;
      this.l2[i] = 0;
      this.r1[i] = 0;
      this.r2[i] = 0;
      this.nl[i] = 0;
      this.nr[i] = 0;
      this.lset[i] = 0;
      this.rset[i] = 0;
    }
  }

  get done(): boolean {
    return this.b > this.n && this.sp === 1;
  }

  /** Stack item k from the top (0 = s0), or NONE. */
  s(k: number): number {
    return this.sp - 1 - k >= 0 ? this.stack[this.sp - 1 - k] : NONE;
  }

  /** Buffer item k (0 = b0), or NONE. */
  buf(k: number): number {
    return this.b + k <= this.n ? this.b + k : NONE;
  }

  valid(action: number): boolean {
    if (action === SHIFT) return this.b <= this.n;
    if (action === LEFT) return this.sp > 1 && this.b <= this.n;
    return this.sp > 2 || (this.sp === 2 && this.b > this.n);
  }

  /** The head an arc action would give the stack top (its dependent is always s0). */
  arcHead(action: number): number {
    return action === LEFT ? this.b : this.stack[this.sp - 2];
  }

  apply(action: number, label: number): void {
    if (action === SHIFT) {
      this.stack[this.sp++] = this.b++;
      return;
    }
    const h = this.arcHead(action);
    const d = this.stack[--this.sp];
    this.heads[d] = h;
    this.labels[d] = label;
    const bit = 1 << (label % 31);
    if (d < h) {
      this.nl[h]++;
      this.lset[h] |= bit;
      if (this.l1[h] === 0 || d < this.l1[h]) {
        this.l2[h] = this.l1[h];
        this.l1[h] = d;
      } else if (this.l2[h] === 0 || d < this.l2[h]) this.l2[h] = d;
    } else {
      this.nr[h]++;
      this.rset[h] |= bit;
      if (d > this.r1[h]) {
        this.r2[h] = this.r1[h];
        this.r1[h] = d;
      } else if (d > this.r2[h]) this.r2[h] = d;
    }
  }

  /** Gold arcs made unreachable by `action` (gold heads `g`, projective). */
  cost(action: number, g: Int32Array): number {
    const s0 = this.s(0);
    const b = this.b;
    const n = this.n;
    let c = 0;
    if (action === SHIFT) {
      for (let k = 0; k < this.sp; k++) {
        const x = this.stack[k];
        if (x !== 0 && g[x] === b) c++;
        if (k < this.sp - 1 && g[b] === x) c++;
      }
      return c;
    }
    for (let k = b; k <= n; k++) if (g[k] === s0) c++;
    const head = g[s0];
    if (action === LEFT) {
      if (head !== b && (head === this.s(1) || head > b)) c++;
    } else if (head !== this.s(1) && head >= b) c++;
    return c;
  }
}
