import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachDecision, breachDecisions } from '../../src/incident/index.js';

const byId = new Map(breachDecisions.map((decision) => [decision.id, decision]));

/** The rows (cells, trimmed) of the first Markdown table after `heading` in `text`. */
function tableAfter(text: string, heading: string): string[][] {
  const start = text.indexOf(heading);
  if (start === -1) return [];
  const lines = text.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  if (first === -1) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** The corpus ids a cell cites, written as code (`uodo-dkn-5131-1-2024-mbank`). */
const citedIds = (cell: string) =>
  [...cell.matchAll(/`([a-z0-9]+(?:-[a-z0-9]+)+)`/g)].map((match) => match[1] as string);

// A cell that names a published decision or example in words, which must then give its corpus id.
const NAMES_A_DECISION =
  /Case (?:No\.|study)|DKN\.|\b(?:ICO|DPC|APD|UODO|IDPC|EDPB|HDPA|AP|IMY|Garante|Datatilsynet)\b/;

type Notify = { notifyAuthority?: boolean; notifyDataSubjects?: boolean };

/** Who must be told, as the "Who is told" column says it. */
function toldBy(cell: string): Notify {
  if (cell.startsWith('nobody')) return { notifyAuthority: false, notifyDataSubjects: false };
  if (/data subjects|subscriber as well/.test(cell))
    return { notifyAuthority: true, notifyDataSubjects: true };
  if (cell.startsWith('the authority only')) return { notifyAuthority: true, notifyDataSubjects: false };
  if (/authority/.test(cell)) return { notifyAuthority: true };
  return {};
}

/** Where a decision states a conclusion, whether it is the expected one. */
function disagreements(decision: BreachDecision, expected: Notify): string[] {
  return (['notifyAuthority', 'notifyDataSubjects'] as const).flatMap((key) => {
    const stated = decision.conclusions[key];
    const wanted = expected[key];
    return stated === null || wanted === undefined || stated === wanted
      ? []
      : [`${decision.id}: ${key} is ${stated}, the row says ${wanted}`];
  });
}

const docs = readFileSync(new URL('../../docs/incident.md', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the decision table cites decisions that support each row', () => {
  const tables = [
    ['docs/incident.md', tableAfter(docs, '## Who is told, and by when')],
    ['README.md', tableAfter(readme, 'Who is told')],
  ] as const;

  it('gives the corpus id of every decision a row names, and each id is in the corpus', () => {
    expect(tables[0][1].length).toBeGreaterThan(10);
    for (const [file, rows] of tables)
      for (const row of rows) {
        const source = row[4] ?? '';
        if (NAMES_A_DECISION.test(source)) expect(citedIds(source), `${file}: ${source}`).not.toEqual([]);
        for (const id of citedIds(source)) expect(byId.has(id), `${file}: ${id}`).toBe(true);
      }
  });

  it('cites for each row only decisions or case studies that concluded what the row says', () => {
    for (const [file, rows] of tables)
      for (const row of rows) {
        const expected = toldBy(row[2] ?? '');
        for (const id of citedIds(row[4] ?? '')) {
          const decision = byId.get(id);
          if (!decision) continue;
          expect(['decision', 'case-study'], `${file}: ${id}`).toContain(decision.documentKind);
          expect(disagreements(decision, expected), `${file}: ${row[1]}`).toEqual([]);
        }
      }
  });
});

const CONCLUSION_KEYS: Record<string, 'notifyAuthority' | 'notifyDataSubjects' | 'risk'> = {
  'notify the authority': 'notifyAuthority',
  'tell the subscriber': 'notifyDataSubjects',
  'tell the people': 'notifyDataSubjects',
  risk: 'risk',
};
const value = (word: string) => (word === 'yes' ? true : word === 'no' ? false : word);

describe('the table of remaining disagreements cites the decisions it names correctly', () => {
  const rows = tableAfter(docs, '### Where the assessment and the decisions still disagree');

  it('names each decision by its corpus id, with what it decided and what the default assesses', () => {
    expect(rows.length).toBeGreaterThan(0);
    for (const [decisionCell = '', conclusionCell = '', decided = '', assessed = ''] of rows) {
      const [id, ...others] = citedIds(decisionCell);
      expect(others, decisionCell).toEqual([]);
      const decision = byId.get(id ?? '');
      expect(decision, decisionCell).toBeDefined();
      if (!decision) continue;
      const assessment = assessBreach(decision.facts);
      const keys = conclusionCell.split('; ').map((name) => CONCLUSION_KEYS[name]);
      keys.forEach((key, index) => {
        expect(key, conclusionCell).toBeDefined();
        if (!key) return;
        expect(decision.conclusions[key], `${id} ${key} decided`).toBe(
          value(decided.split('; ')[index] ?? ''),
        );
        expect(assessment[key], `${id} ${key} assessed`).toBe(value(assessed.split('; ')[index] ?? ''));
      });
    }
  });

  it('cites in "Why" only decisions that concluded on notifying as the default reading does', () => {
    for (const [decisionCell = '', conclusionCell = '', , assessed = '', why = ''] of rows) {
      // The row's own authority may be named in words; any other decision must be cited by its id.
      const own = byId.get(citedIds(decisionCell)[0] ?? '')?.authority.split(' ')[0] ?? '';
      const others = why.replace(/`[^`]*`/g, '').replace(new RegExp(`\\b${own}\\b`, 'g'), '');
      if (NAMES_A_DECISION.test(others)) expect(citedIds(why), `${decisionCell}: ${why}`).not.toEqual([]);
      const expected: Notify = {};
      conclusionCell.split('; ').forEach((name, index) => {
        const key = CONCLUSION_KEYS[name];
        const said = value(assessed.split('; ')[index] ?? '');
        if ((key === 'notifyAuthority' || key === 'notifyDataSubjects') && typeof said === 'boolean')
          expected[key] = said;
      });
      for (const id of citedIds(why)) {
        const decision = byId.get(id);
        expect(decision, `${decisionCell}: ${id}`).toBeDefined();
        if (!decision) continue;
        expect(['decision', 'case-study'], `${decisionCell}: ${id}`).toContain(decision.documentKind);
        expect(disagreements(decision, expected), decisionCell).toEqual([]);
      }
    }
  });
});
