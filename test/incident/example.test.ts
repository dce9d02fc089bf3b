import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reportHeadings } from '../../src/incident/index.js';

describe('examples/incident-report.ts', () => {
  it('reproduces the seed case offline: the Swedish report, the deadlines and the phone script', () => {
    const script = fileURLToPath(new URL('../../examples/incident-report.ts', import.meta.url));
    // execFileSync throws when the example exits with anything but 0.
    const output = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    for (const heading of Object.values(reportHeadings.sv).slice(1)) expect(output).toContain(heading);
    expect(output).toContain(
      'Regulation 611/2013 Art. 2(2): inom 24 timmar från upptäckten – senast 2018-02-24 13:45',
    );
    expect(output).toContain('Kan du komma på några andra följder för dig som vi behöver känna till?');
    // February 2018 is before the GDPR applied (Art. 99(2)): the risk is stated under the laws in force.
    expect(output).not.toContain('Risk (GDPR)');
    expect(output).toContain(
      'Risk (6 kap. 4 a § lagen (2003:389) om elektronisk kommunikation, Commission Regulation (EU) No 611/2013, personuppgiftslagen (1998:204)): risk, men inte hög risk',
    );
    // Swedish words throughout: no code of the assessment, and no sentence begun after a colon.
    expect(output).toContain('  Rekommendationer:\n  - Lagen kräver inte');
    expect(output).not.toContain('Rekommendation: ');
    expect(output).toContain('  myndigheten    Regulation 611/2013 Art. 2(2)');
    expect(output).toContain('Ämne: Uppgifter om dig skickades av misstag till en annan person');
    expect(output).toContain(
      'Det här kommer vi att göra:\n- Vi kommer att skicka ett nytt lösenord till dig',
    );
  });
});
