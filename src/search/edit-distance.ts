/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent swaps: "lmabda" is one edit from
 * "lambda"), giving up as soon as it must exceed `max`. Returns `max + 1` when it gives up.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (prevPrev[j - 2] as number) + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/** Edits a word of this length may have and still count as a typo of another. */
export function typoBudget(length: number): number {
  // Four letters or fewer: one edit turns most words into another real word ("asdf" → "asg").
  if (length < 5) return 0;
  return length < 7 ? 1 : 2;
}
