/* Placeholder while the SJUK functions are written; replaced in the next commit. */

/**
 * Splits a whole-kronor amount over weights.
 * @customfunction ALLOCATE
 * @param amount Amount in whole kronor.
 * @param weights Weights.
 * @returns Whole kronor.
 */
export function allocateKronor(amount: number, weights: number[][]): number[][] {
  return weights.map((row) => row.map(() => amount));
}
