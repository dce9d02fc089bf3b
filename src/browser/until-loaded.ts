import { ChunkNotLoaded } from './lazy-chunk.js';

/**
 * Runs a check of the browser build until the chunks it reads are there: each `ChunkNotLoaded` it
 * throws is loaded and the check run again. The checks are pure, so running one again once its data
 * is there gives the verdict it would have given; each round loads what was missing, so it ends once
 * all is there or a download fails (that error is the answer).
 */
export async function untilLoaded<Result>(check: () => Result): Promise<Result> {
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (error instanceof ChunkNotLoaded) await error.load();
      else throw error;
    }
  }
}
