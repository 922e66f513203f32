/**
 * A stable permutation of `n` items seeded by `seed`. Questions are written with the answer
 * wherever the author put it; the build shuffles them with the question id as the seed, so the
 * displayed order never changes between builds (button values refer to display indexes).
 */
export function stablePermutation(n: number, seed: string): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = fnv1a(seed);
  for (let i = n - 1; i > 0; i--) {
    state = mulberry32(state);
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function mulberry32(state: number): number {
  let t = (state + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}
