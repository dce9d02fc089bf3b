import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { buildCustomerNotice, createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { refusedPaths } from './shared-fixtures.js';

const now = { now: '2018-02-23T15:30:00+01:00' };

describe('a confirmed deletion and the measure that obtains it', () => {
  it('refuses a deletion confirmed while asking the recipient to delete is still proposed', () => {
    const run = () =>
      createIncidentReport(
        {
          ...seedCase,
          recipientConfirmedDeletion: true,
          measures: [{ id: 'recall-and-delete', status: 'proposed' }],
          timeline: [{ at: '2018-02-23T14:00:00+01:00', what: 'Mottagaren svarade inte.' }],
        },
        now,
      );
    expect(run).toThrow(InvalidInputError);
    try {
      run();
    } catch (error) {
      expect((error as InvalidInputError).issues.map((issue) => issue.path.join('.'))).toEqual([
        'input.recipientConfirmedDeletion',
      ]);
    }
  });

  it('records a deletion confirmed with no measures given as that confirmation, not as a request nobody recorded', async () => {
    const { measures: _measures, ...facts } = seedCase;
    const report = createIncidentReport({ ...facts, recipientConfirmedDeletion: true }, now);
    expect(report.measures[0]).toEqual({ id: 'recipient-confirmed-deletion', status: 'done' });
    // Nothing left to ask the recipient for, and nothing said about having asked them.
    expect(report.measures.some((measure) => measure.id === 'recall-and-delete')).toBe(false);
    const sv = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    const en = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(sv).not.toContain('har kontaktats och ombetts radera');
    expect(en).not.toContain('was contacted and asked to delete');
    // Said once, as the measure in the list.
    expect(sv.match(/Mottagaren har bekräftat att meddelandet är raderat\./g)).toEqual([
      'Mottagaren har bekräftat att meddelandet är raderat.',
    ]);
    expect(sv).toContain('  - Mottagaren har bekräftat att meddelandet är raderat.');
    expect(en.match(/The recipient confirmed that the message was deleted\./g)).toHaveLength(1);
    expect(en).toContain('  - The recipient confirmed that the message was deleted.');
    const svNotice = await buildCustomerNotice(report, { channel: 'email', locale: 'sv' });
    const enNotice = await buildCustomerNotice(report, { channel: 'email', locale: 'en' });
    expect(svNotice.text).not.toContain('bett hen radera');
    expect(enNotice.text).not.toContain('asked them to delete');
    expect(svNotice.text.match(/har bekräftat för oss att det är raderat/g)).toHaveLength(1);
    expect(enNotice.text.match(/has confirmed to us that it was deleted/g)).toHaveLength(1);
  });

  it('keeps the request to delete the caller recorded, and says the confirmation beside it once', async () => {
    const report = createIncidentReport(seedCase, now);
    expect(report.measures.map((measure) => measure.id)).not.toContain('recipient-confirmed-deletion');
    const sv = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    expect(sv).toContain('Mottagaren av det felskickade meddelandet har kontaktats och ombetts radera det');
    expect(sv.match(/Mottagaren har bekräftat att meddelandet är raderat\./g)).toHaveLength(1);
    const enNotice = await buildCustomerNotice(report, { channel: 'email', locale: 'en' });
    expect(enNotice.text).toContain('asked them to delete it');
    expect(enNotice.text.match(/has confirmed to us that it was deleted/g)).toHaveLength(1);
  });

  it('refuses the confirmation given as a measure without the fact it states', () => {
    const { measures: _measures, recipientConfirmedDeletion: _deleted, ...facts } = seedCase;
    const confirmation = { id: 'recipient-confirmed-deletion', status: 'done' } as const;
    expect(refusedPaths(() => createIncidentReport({ ...facts, measures: [confirmation] }, now))).toEqual([
      'input.measures.0.id',
    ]);
    // Not done, it would say both that the recipient confirmed and that they have not yet.
    expect(
      refusedPaths(() =>
        createIncidentReport({ ...seedCase, measures: [{ ...confirmation, status: 'planned' }] }, now),
      ),
    ).toEqual(['input.measures.0.id']);
  });

  it('states only the recorded deletion in the report, not that nothing was kept or passed on', () => {
    // The facts record the deletion alone (recipientConfirmedDeletion); a report to the authority
    // that adds "neither kept nor passed on" says more than the controller knows.
    const report = createIncidentReport(seedCase, now);
    const sv = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    const en = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(sv).toContain('Mottagaren har bekräftat att meddelandet är raderat.');
    expect(en).toContain('The recipient confirmed that the message was deleted.');
    expect(sv).not.toContain('raderat och inte har sparats');
    expect(en).not.toContain('neither kept nor passed on');
  });
});
