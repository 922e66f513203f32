import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Command,
  cleanInput,
  MAX_COMMAND_LENGTH,
  parseCommand,
} from '../../src/tutor/parse-command.js';
import { HOSTILE_SEPARATORS, hostileText, PROPERTY_RUNS } from '../helpers/hostile-input.js';

const KINDS = ['help', 'topics', 'search', 'compare', 'quiz', 'score', 'leaderboard', 'daily'];
// Control, format, private-use and lone surrogate code points; the zero-width joiner is kept
// on purpose (it holds multi-part emoji together).
const UNSAFE = /(?!\u200d)[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u;

function stringsOf(command: Command): string[] {
  return Object.values(command).filter((v): v is string => typeof v === 'string');
}

// Properties over generated input; fast-check prints the seed and the shrunk input on failure.
describe('Function: parseCommand (properties)', () => {
  it('never throws, and every string it returns is clean, trimmed and within the limit', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), hostileText()), (raw) => {
        const command = parseCommand(raw);
        expect([...KINDS, 'usage']).toContain(command.kind);
        for (const value of stringsOf(command)) {
          expect(value).not.toMatch(UNSAFE);
          expect(value).toBe(value.trim());
          expect(value).not.toMatch(/\s{2}/);
          if (command.kind !== 'usage') {
            expect(Array.from(value).length).toBeLessThanOrEqual(MAX_COMMAND_LENGTH);
          }
        }
      }),
      { numRuns: PROPERTY_RUNS * 2 },
    );
  });

  it('says a search was truncated exactly when the cleaned text is over the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 150, maxLength: 400 }), (raw) => {
        const command = parseCommand(`zz ${raw}`);
        fc.pre(command.kind === 'search');
        const long = Array.from(cleanInput(`zz ${raw}`)).length > MAX_COMMAND_LENGTH;
        expect(command).toMatchObject({ kind: 'search', truncated: long });
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('reads a command the same whatever invisible or control characters separate its words', () => {
    const commands = [
      ['quiz', 'compute'],
      ['leaderboard', 'all'],
      ['leaderboard', 'week'],
      ['daily', 'on'],
      ['daily', 'off'],
      ['topics', 'networking'],
      ['search', 'lambda'],
      ['sqs', 'vs', 'sns'],
      ['score'],
      ['help'],
    ];
    const separator = fc
      .array(fc.constantFrom(...HOSTILE_SEPARATORS), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.constantFrom(...commands),
        separator,
        fc.array(separator, { minLength: 3, maxLength: 3 }),
        fc.boolean(),
        (words, around, between, upper) => {
          const typed = upper ? words.map((w) => w.toUpperCase()) : words;
          const plain = typed.join(' ');
          const hostile = around + typed.map((w, i) => w + (between[i % 3] ?? ' ')).join('');
          expect(parseCommand(hostile)).toEqual(parseCommand(plain));
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('never turns mention markup into another command: it stays text to search for', () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        // A leading nonsense word keeps every input on the search path.
        const command = parseCommand(`xqzv ${text}`);
        expect(['search', 'compare']).toContain(command.kind);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
