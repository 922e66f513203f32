/** A short random id for a question handed out or an exam: ten base-36 characters. */
export function randomNonce(random: () => number): string {
  let nonce = '';
  while (nonce.length < 10) nonce += Math.floor(random() * 36).toString(36);
  return nonce;
}
