import { describe, expect, it } from 'vitest';
import { buildCustomerNotice, createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = { now: '2018-02-23T15:30:00+01:00' };

async function notice(recipient: 'internal' | 'trusted', locale: 'sv' | 'en') {
  const report = createIncidentReport({ ...seedCase, recipient }, now);
  return buildCustomerNotice(report, { channel: 'email', locale });
}

describe('the notice names the kind of recipient the report records', () => {
  it('calls a company or organisation that, not another person', async () => {
    const sv = await notice('trusted', 'sv');
    const en = await notice('trusted', 'en');
    expect(sv.text).not.toContain('en annan person');
    expect(sv.text).toContain('Meddelandet kom därför till ett annat företag eller en annan organisation.');
    expect(sv.text).toContain('Mottagaren har kunnat se');
    expect(sv.subject).toBe(
      'Uppgifter om dig skickades av misstag till ett annat företag eller en annan organisation',
    );
    expect(en.text).not.toContain('someone else');
    expect(en.text).toContain('The message therefore reached another company or organisation.');
    expect(en.text).toContain('The recipient could see');
  });

  it('calls a colleague a colleague', async () => {
    const sv = await notice('internal', 'sv');
    const en = await notice('internal', 'en');
    expect(sv.text).toContain('Meddelandet kom därför till en kollega hos oss.');
    expect(sv.text).toContain('Kollegan har kunnat se');
    expect(en.text).toContain('The message therefore reached a colleague of ours.');
    expect(en.text).toContain('That colleague could see');
    expect(en.subject).toBe('Details about you were sent to a colleague of ours by mistake');
  });
});
