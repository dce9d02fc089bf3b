import type { HoldStore, HoldStoreProblem } from '../nodemailer/hold-store.js';

/**
 * The entries a hold store cannot list whole (`listProblems()` of the folder and PostgreSQL stores:
 * a damaged or changed record, one sealed with a key the server was not given), each with why.
 * They may be held messages, so the review page and `GET /v1/holds` name them, as `holds list`
 * does, rather than say nothing is held. A store without `listProblems` names none.
 */
export async function unreadableHolds(store: HoldStore | undefined): Promise<HoldStoreProblem[]> {
  const listProblems = (store as { listProblems?: () => Promise<HoldStoreProblem[]> } | undefined)
    ?.listProblems;
  return typeof listProblems === 'function' ? listProblems.call(store) : [];
}
