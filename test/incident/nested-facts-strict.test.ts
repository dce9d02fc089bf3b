import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  BreachFactsSchema,
  CreateIncidentReportInputSchema,
  ReportMisdirectedInputSchema,
  ReportMisdirectedSmsInputSchema,
  reportMisdirected,
} from '../../src/incident/index.js';
import { misdirectedInput, refusal } from './shared-fixtures.js';

const now = '2018-02-23T15:10:00+01:00';
const at = '2018-02-23T14:30:00+01:00';

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly catchall?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly in?: z.ZodType;
  readonly out?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly left?: z.ZodType;
  readonly right?: z.ZodType;
  readonly valueType?: z.ZodType;
}

/** Every object in a schema that would drop a key it does not know, by its path. */
function looseObjects(schema: z.ZodType, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const inner = (child: z.ZodType | undefined, at = path) => (child ? looseObjects(child, at, seen) : []);
  switch (def.type) {
    case 'object': {
      const own =
        (def.catchall as unknown as { _zod: { def: Def } } | undefined)?._zod.def.type === 'never'
          ? []
          : [path || '(top)'];
      return [
        ...own,
        ...Object.entries(def.shape ?? {}).flatMap(([key, child]) =>
          inner(child, path ? `${path}.${key}` : key),
        ),
      ];
    }
    case 'array':
      return inner(def.element, `${path}[]`);
    case 'pipe':
      return [...inner(def.in), ...inner(def.out)];
    case 'union':
      return (def.options ?? []).flatMap((option) => inner(option));
    case 'intersection':
      return [...inner(def.left), ...inner(def.right)];
    case 'record':
      return inner(def.valueType, `${path}.*`);
    default:
      return inner(def.innerType);
  }
}

describe('nested facts are never dropped', () => {
  it.each([
    ['createIncidentReport', CreateIncidentReportInputSchema],
    ['reportMisdirected', ReportMisdirectedInputSchema],
    ['reportMisdirectedSms', ReportMisdirectedSmsInputSchema],
    ['assessBreach', BreachFactsSchema],
  ] as const)('every object in the input of %s refuses a key it does not know', (_name, schema) => {
    expect(looseObjects(schema as z.ZodType, '')).toEqual([]);
  });
});

describe('a misspelt field inside a nested object of the facts', () => {
  it.each([
    [
      'customerCall.identityCheked',
      'customerCall.identityChecked',
      { customerCall: { at, identityCheked: true } },
    ],
    [
      'subscriberNotice.notifedAt',
      'subscriberNotice.notifiedAt',
      { subscriberNotice: { notifedAt: at, means: ['email'] } },
    ],
    [
      'judgment.notifyDataSubject',
      'judgment.notifyDataSubjects',
      { judgment: { by: 'Dana, DPO', reason: 'Courtesy.', at, risk: 'risk', notifyDataSubject: true } },
    ],
    [
      'notifications.0.refrence',
      'notifications.0.reference',
      { notifications: [{ authority: 'IMY', at, refrence: 'IMY-1' }] },
    ],
    [
      'measures.0.doneat',
      'measures.0.doneAt',
      { measures: [{ id: 'recall-and-delete', status: 'done', doneat: at }] },
    ],
    [
      'organisation.contact.emial',
      'organisation.contact.email',
      {
        organisation: {
          ...misdirectedInput.organisation,
          contact: { ...misdirectedInput.organisation.contact, emial: 'dpo@example.com' },
        },
      },
    ],
    ['timeline.0.kidn', 'timeline.0.kind', { timeline: [{ at, what: 'Call', kidn: 'other' }] }],
  ])('refuses %s and names the field it meant, by its whole path', async (given, meant, facts) => {
    const error = await refusal(reportMisdirected({ ...misdirectedInput, ...facts } as never, { now }));
    expect(error.message).toContain(`"${given}" (did you mean "${meant}"?)`);
  });
});
