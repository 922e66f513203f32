/** Blocks in a bar: ten make each one a tenth. */
export const BAR_WIDTH = 10;

/** A share from 0 to 1 as a bar of blocks; anything above 0 shows at least one. */
export function bar(share: number, width = BAR_WIDTH): string {
  const filled = share <= 0 ? 0 : Math.max(1, Math.round(Math.min(1, share) * width));
  return '▓'.repeat(filled) + '░'.repeat(width - filled);
}

/** Labelled bars in a code block, the labels padded so the bars line up. */
export function barChart(rows: { label: string; share: number; note: string }[]): string {
  const width = Math.max(0, ...rows.map((r) => r.label.length));
  const lines = rows.map((r) => `${r.label.padEnd(width)} ${bar(r.share)} ${r.note}`);
  return `\`\`\`\n${lines.join('\n')}\n\`\`\``;
}
