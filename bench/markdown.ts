/** A Markdown table; cells are escaped for pipes. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cell = (value: string | number) => String(value).replace(/\|/g, '\\|');
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** ✅ or ❌ with the word, for goals and targets. */
export function verdict(met: boolean): string {
  return met ? '✅ met' : '❌ missed';
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(share === 1 ? 0 : 1)}%`;
}
