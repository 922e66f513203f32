/**
 * Words that carry no meaning for finding a concept. Removing them lets "what is an igw"
 * find the same note as "igw", and keeps "aws"/"amazon" (in every title) from deciding rankings.
 */
export const STOP_WORDS = new Set(
  (
    'a an and are as at be by can could do does for from how i in is it its me my of on or ' +
    'should so that the their them then there these this to use used using via was we what ' +
    "what's when where which who why will with you your aws amazon service services explain " +
    'tell about define definition mean means meaning please difference between ' +
    // Filler in questions learners type: "i need a way to get something that lets me …".
    'need needs want wants way ways get gets let lets like some something just ' +
    "also any into onto our ours us i'm im we're dont don't doesnt doesn't there's is it's " +
    'would should could can cant possible best good better easy easiest simple simplest'
  ).split(' '),
);

/**
 * Lower-cases and cleans user text for search: Unicode-normalised, control and format
 * characters (including right-to-left marks) removed, punctuation turned into spaces.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/(^|\s)-+|-+(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The meaningful words of a normalised query. */
export function contentWords(normalized: string): string[] {
  // Single letters ("e.g." becomes "e" and "g") match everything and mean nothing.
  return normalized.split(' ').filter((w) => w.length > 1 && !STOP_WORDS.has(w));
}

/** Letters and digits only: "Cloud Front" and "cloudfront" squash to the same key. */
export function squash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}
