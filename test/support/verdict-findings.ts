import type { Finding, FindingCode, Verdict } from '../../src/guard/verdict.js';

/** The codes of a verdict's findings, in its order. */
export function codes(verdict: Verdict): FindingCode[] {
  return verdict.findings.map((finding) => finding.code);
}

/** The first finding with `code`; throws, naming the codes there are, when there is none. */
export function find<C extends FindingCode>(verdict: Verdict, code: C): Extract<Finding, { code: C }> {
  const found = verdict.findings.find((finding) => finding.code === code);
  if (!found) throw new Error(`no ${code} finding in ${JSON.stringify(codes(verdict))}`);
  return found as Extract<Finding, { code: C }>;
}
