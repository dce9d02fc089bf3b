import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomically } from './write-atomically.js';

/**
 * Writes one incident draft of `audit --incidents`, its report and its customer notice, both or
 * neither: a report left alone when its notice could not be written would be overwritten by the
 * next draft, which takes the same number, and a reader would take it for that draft's.
 */
export async function writeDraft(
  folder: string,
  number: string,
  report: string,
  notice: string | Uint8Array,
): Promise<void> {
  const reportPath = join(folder, `${number}-report.md`);
  await writeAtomically(reportPath, report);
  try {
    await writeAtomically(join(folder, `${number}-notice.eml`), notice);
  } catch (error) {
    await rm(reportPath, { force: true });
    throw error;
  }
}
