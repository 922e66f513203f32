/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent swaps: "lmabda" is one edit from
 * "lambda"), giving up as soon as it must exceed `max`. Returns `max + 1` when it gives up.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  // Three rows, reused: this runs for thousands of words on a query of unknown words.
  let prevPrev = rows(width, 0);
  let prev = rows(width, 1);
  let row = rows(width, 2);
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, (prevPrev[j - 2] as number) + 1);
      }
      row[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[b.length] as number;
}

/** Edits a word of this length may have and still count as a typo of another. */
export function typoBudget(length: number): number {
  // Four letters or fewer: one edit turns most words into another real word ("asdf" → "asg").
  if (length < 5) return 0;
  return length < 7 ? 1 : 2;
}

/** The letters a word uses, one bit each (other characters share the top bits). */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    mask |= 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 6));
  }
  return mask;
}

/**
 * A cheap bound: each edit adds at most one letter a word lacks and drops at most one it has,
 * so words `max` edits apart differ by at most `max` letters each way.
 */
export function withinLetters(a: number, b: number, max: number): boolean {
  return bitCount(a & ~b) <= max && bitCount(b & ~a) <= max;
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const buffers: Int32Array[] = [];

/** Row buffer `slot` of at least `width` cells, kept between calls. */
function rows(width: number, slot: number): Int32Array {
  let buffer = buffers[slot];
  if (!buffer || buffer.length < width) {
    buffer = new Int32Array(Math.max(width, 64));
    buffers[slot] = buffer;
  }
  return buffer;
}
