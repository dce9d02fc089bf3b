import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import {
  assessBreach,
  authorities,
  createIncidentReport,
  findAuthority,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { misdirectedInput } from './shared-fixtures.js';

describe('findAuthority', () => {
  it('sends a Swedish operator’s integrity incident of 2018 to PTS under lag (2003:389) and Regulation 611/2013', () => {
    const finding = findAuthority({ country: 'SE', regime: 'eprivacy', at: '2018-02-23T13:36:00+01:00' });
    expect(finding.authority).toMatchObject({
      id: 'se-pts',
      name: 'Post- och telestyrelsen',
      abbreviation: 'PTS',
      incidentTerm: 'integritetsincident',
    });
    expect(finding.law).toEqual({
      notificationDuty: true,
      citations: [
        '6 kap. 4 a § lagen (2003:389) om elektronisk kommunikation',
        'Commission Regulation (EU) No 611/2013',
      ],
      register: '6 kap. 4 c § lagen (2003:389) om elektronisk kommunikation',
      from: '2013-08-25',
      until: '2022-06-03',
    });
  });

  it('cites lag (2022:482) for an integrity incident from 3 June 2022, the day it took effect', () => {
    const before = findAuthority({ country: 'SE', regime: 'eprivacy', at: '2022-06-02T21:00:00Z' });
    const after = findAuthority({ country: 'SE', regime: 'eprivacy', at: '2022-06-02T22:30:00Z' });
    expect(before.law.citations[0]).toBe('6 kap. 4 a § lagen (2003:389) om elektronisk kommunikation');
    expect(after.law.citations[0]).toBe('8 kap. lagen (2022:482) om elektronisk kommunikation');
    expect(after.law.register).toBe('8 kap. 9 § lagen (2022:482) om elektronisk kommunikation');
  });

  it('finds no GDPR notification duty in Sweden before 25 May 2018, only personuppgiftslagen', () => {
    const finding = findAuthority({ country: 'SE', regime: 'gdpr', at: '2018-02-23T13:36:00+01:00' });
    expect(finding.law).toMatchObject({
      notificationDuty: false,
      citations: ['personuppgiftslagen (1998:204)'],
    });
    // The authority was called Datainspektionen until 1 January 2021.
    expect(finding.authority?.name).toBe('Datainspektionen');
    expect(finding.authority?.abbreviation).toBeUndefined();
  });

  it('names IMY and GDPR Art. 33 and 34 for a Swedish retailer’s breach in 2024', () => {
    const finding = findAuthority({ country: 'SE', regime: 'gdpr', at: '2024-10-01T09:00:00+02:00' });
    expect(finding.authority).toMatchObject({
      id: 'se-imy',
      name: 'Integritetsskyddsmyndigheten',
      abbreviation: 'IMY',
    });
    expect(finding.law.notificationDuty).toBe(true);
    expect(finding.law.citations[0]).toBe('GDPR Art. 33 and 34');
  });

  it('applies the GDPR in Norway from 20 July 2018, when the EEA Agreement took it in', () => {
    expect(
      findAuthority({ country: 'NO', regime: 'gdpr', at: '2018-06-01T10:00:00Z' }).law.notificationDuty,
    ).toBe(false);
    expect(
      findAuthority({ country: 'NO', regime: 'gdpr', at: '2018-08-01T10:00:00Z' }).law.notificationDuty,
    ).toBe(true);
  });

  it('has a data protection authority for every EU and EEA state and the UK, and an e-privacy authority wherever a source names one', () => {
    const eea =
      'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO GB'.split(
        ' ',
      );
    const gdpr = authorities
      .filter((authority) => authority.regime === 'gdpr')
      .map((authority) => authority.country);
    expect([...gdpr].sort()).toEqual([...eea].sort());
    const telecom = authorities
      .filter((authority) => authority.regime === 'eprivacy')
      .map((authority) => authority.country);
    expect([...telecom].sort()).toEqual(
      'AT BE BG CZ DE DK ES FI FR GB GR HR HU IE IS IT LT MT NL NO PL PT RO SE SI'.split(' '),
    );
    expect(new Set(authorities.map((authority) => authority.id)).size).toBe(authorities.length);
  });

  it('takes the caller’s table instead of the built-in one', () => {
    const finding = findAuthority(
      { country: 'LU', regime: 'eprivacy', at: '2020-01-01T00:00:00Z' },
      {
        authorities: [
          {
            id: 'lu-cnpd',
            country: 'LU',
            regime: 'eprivacy',
            name: 'Commission nationale pour la protection des données',
            nameEn: 'National Commission for Data Protection',
          },
        ],
      },
    );
    expect(finding.authority?.id).toBe('lu-cnpd');
    expect(finding.law.citations).toContain('Commission Regulation (EU) No 611/2013');
    expect(
      findAuthority({ country: 'LU', regime: 'eprivacy', at: '2020-01-01T00:00:00Z' }).authority,
    ).toBeUndefined();
  });

  it('sends an Austrian, Irish or Polish operator’s breach to the data protection authority itself', () => {
    const at = '2024-03-01T10:00:00Z';
    const name = (country: string, regime: 'gdpr' | 'eprivacy') =>
      findAuthority({ country, regime, at }).authority?.name;
    for (const country of ['AT', 'IE', 'PL', 'NL', 'FR', 'ES', 'IT'])
      expect(name(country, 'eprivacy'), country).toBe(name(country, 'gdpr'));
    expect(findAuthority({ country: 'AT', regime: 'eprivacy', at }).authority?.abbreviation).toBe('DSB');
  });

  it('sends a Belgian, Hungarian or Slovenian operator’s breach to the telecom regulator', () => {
    const at = '2024-03-01T10:00:00Z';
    const abbreviation = (country: string) =>
      findAuthority({ country, regime: 'eprivacy', at }).authority?.abbreviation;
    expect(['BE', 'HU', 'SI', 'HR'].map(abbreviation)).toEqual(['BIPT', 'NMHH', 'AKOS', 'HAKOM']);
  });

  it('names the second authority a German or Greek operator notifies as well', () => {
    const at = '2024-03-01T10:00:00Z';
    const de = findAuthority({ country: 'DE', regime: 'eprivacy', at }).authority;
    expect(de?.abbreviation).toBe('BfDI');
    expect(de?.note).toMatch(/Bundesnetzagentur.*TKG § 169/);
    expect(findAuthority({ country: 'GR', regime: 'eprivacy', at }).authority?.note).toMatch(/ADAE/);
  });

  it('names GIODO for a Polish operator’s breach before 25 May 2018 and UODO from that day', () => {
    const before = findAuthority({ country: 'PL', regime: 'eprivacy', at: '2018-05-24T12:00:00+02:00' });
    const after = findAuthority({ country: 'PL', regime: 'eprivacy', at: '2018-05-25T12:00:00+02:00' });
    expect(before.authority?.abbreviation).toBe('GIODO');
    expect(after.authority?.abbreviation).toBe('UODO');
  });

  it('rejects a country that is not a two-letter code, naming the field', () => {
    expect(() => findAuthority({ country: 'Sweden', regime: 'gdpr', at: new Date() })).toThrow(
      InvalidInputError,
    );
    expect(() => findAuthority({ country: 'Sweden', regime: 'gdpr', at: new Date() })).toThrow(
      /input\.country/,
    );
  });
});

describe('assessBreach and the date the GDPR applied', () => {
  const seed = {
    regimes: ['eprivacy', 'gdpr'] as ('eprivacy' | 'gdpr')[],
    dataCategories: ['name', 'postal-address', 'customer-number', 'order-details'] as const,
    dataSubjects: 1,
    recipient: 'unknown-individual' as const,
    occurredAt: '2018-02-23T13:36:00+01:00',
    detectedAt: '2018-02-23T13:45:00+01:00',
  };

  it('sets no GDPR deadline for a breach of 23 February 2018, only the 24 hours of Regulation 611/2013', () => {
    const assessment = assessBreach({ ...seed, dataCategories: [...seed.dataCategories] });
    expect(assessment.deadlines.map((deadline) => deadline.article)).toEqual([
      'Regulation 611/2013 Art. 2(2)',
      'Regulation 611/2013 Art. 2(3)',
      'Directive 2002/58/EC Art. 4(4)',
    ]);
    expect(assessment.deadlines[0]?.due).toBe('2018-02-24T12:45:00.000Z');
    expect(assessment.reasons.map((reason) => reason.code)).toContain('gdpr-not-applicable');
  });

  it('sets the GDPR deadline for the same breach on 25 May 2018', () => {
    const assessment = assessBreach({
      ...seed,
      dataCategories: [...seed.dataCategories],
      occurredAt: '2018-05-25T13:36:00+02:00',
      detectedAt: '2018-05-25T13:45:00+02:00',
    });
    expect(assessment.deadlines.map((deadline) => deadline.article)).toContain('GDPR Art. 33(1)');
  });

  it('uses a person’s judgment of the risk for the decisions, and says so', () => {
    const assessment = assessBreach(
      {
        ...seed,
        regimes: ['gdpr'],
        dataCategories: [...seed.dataCategories],
        occurredAt: '2024-01-10T10:00:00Z',
        detectedAt: '2024-01-10T10:05:00Z',
      },
      { risk: 'unlikely' },
    );
    expect(assessment.risk).toBe('unlikely');
    expect(assessment.notifyAuthority).toBe(false);
    expect(assessment.reasons.map((reason) => reason.code)).toContain('judged-risk');
  });
});

describe('the first day of the GDPR, read in local time', () => {
  it('applies the GDPR to a breach at 00:30 in Stockholm on 25 May 2018, still 24 May in UTC', () => {
    const facts = {
      regimes: ['gdpr' as const],
      dataCategories: ['name' as const, 'national-id-number' as const],
      dataSubjects: 1,
      recipient: 'unknown-individual' as const,
    };
    const justAfter = '2018-05-25T00:30:00+02:00';
    const justBefore = '2018-05-24T23:30:00+02:00';
    expect(assessBreach({ ...facts, occurredAt: justAfter }).notifyAuthority).toBe(true);
    expect(assessBreach({ ...facts, occurredAt: justBefore }).notifyAuthority).toBe(false);
    expect(findAuthority({ country: 'SE', regime: 'gdpr', at: justAfter }).law.notificationDuty).toBe(true);
    expect(findAuthority({ country: 'SE', regime: 'gdpr', at: justBefore }).law.notificationDuty).toBe(false);
  });
});

describe('the first day of the GDPR, read in the organisation’s own time zone', () => {
  const facts = {
    regimes: ['gdpr' as const],
    dataCategories: ['name' as const, 'national-id-number' as const],
    dataSubjects: 1,
    recipient: 'unknown-individual' as const,
  };
  const notifies = (country: string, occurredAt: string, timeZone?: string) =>
    assessBreach({ ...facts, country, occurredAt }, timeZone === undefined ? {} : { timeZone })
      .notifyAuthority;

  it('judges a breach at 23:30 on 24 May 2018 in Lisbon by the rules before the GDPR, though it was 25 May in Stockholm', () => {
    // 22:30 UTC: 00:30 on 25 May in Stockholm (UTC+2), 23:30 on 24 May in Lisbon (UTC+1).
    expect(notifies('PT', '2018-05-24T22:30:00Z')).toBe(false);
    expect(notifies('PT', '2018-05-24T23:30:00Z')).toBe(true);
    expect(notifies('SE', '2018-05-24T22:30:00Z')).toBe(true);
  });

  it('judges a breach at 23:59 on 24 May 2018 in London by the rules before the GDPR, and one a minute later under it', () => {
    expect(notifies('GB', '2018-05-24T22:59:00Z')).toBe(false);
    expect(notifies('GB', '2018-05-24T23:00:00Z')).toBe(true);
  });

  it('reads the day in the time zone given instead of the country’s', () => {
    // 23:30 on 24 May in London is 00:30 on 25 May in Stockholm.
    expect(notifies('GB', '2018-05-24T22:30:00Z', 'Europe/Stockholm')).toBe(true);
    expect(notifies('SE', '2018-05-24T22:30:00Z', 'Europe/Lisbon')).toBe(false);
  });

  it('refuses a time zone that is not one, naming the option', () => {
    expect(() => notifies('SE', '2018-05-24T22:30:00Z', 'Europe/Atlantis')).toThrow(/options\.timeZone/);
  });
});

/** A breach at 23:30 on 24 May 2018 in London, 00:30 on 25 May in Stockholm. */
const input = (country: string) => ({
  reference: 'INC-2018-0524',
  provider: { name: 'Shop Ltd', country },
  contact: { name: 'DPO', email: 'dpo@shop.example', phone: '+44 20 7946 0000' },
  regimes: ['gdpr' as const],
  occurredAt: '2018-05-24T22:30:00Z',
  detectedAt: '2018-05-24T22:40:00Z',
  circumstances: 'misdirected-email' as const,
  dataCategories: ['name' as const, 'national-id-number' as const],
  dataSubjects: 1,
  recipient: 'unknown-individual' as const,
});

describe('a report judged in the organisation’s own time zone', () => {
  it('files a London breach at 23:30 on 24 May 2018 under the rules before the GDPR, and says so when rendered', () => {
    const report = createIncidentReport(input('GB'), { now: '2018-06-01T00:00:00Z' });
    expect(report.assessment.notifyAuthority).toBe(false);
    expect(report.authorities?.[0]?.law.notificationDuty).toBe(false);
    expect(renderIncidentReport(report, { locale: 'en', format: 'text' })).toContain(
      'The breach happened before the GDPR applied',
    );
  });

  it('keeps the rules that applied where the organisation is, whatever zone the report is written in', () => {
    const report = createIncidentReport(input('SE'), { now: '2018-06-01T00:00:00Z' });
    // 22:30 UTC on 24 May is 00:30 on 25 May in Stockholm: the GDPR applied to a Swedish company.
    expect(report.assessment.notifyAuthority).toBe(true);
    for (const timeZone of ['Europe/London', 'America/New_York']) {
      const rendered = renderIncidentReport(report, { locale: 'sv', format: 'text', timeZone });
      expect(rendered).not.toContain('tillämpas först från den 25 maj 2018');
      expect(rendered).toContain('Ska anmälas');
    }
  });

  it('keeps the rules that applied when the notices are written in another zone', async () => {
    // The seed's organisation is Swedish; its message is dated at 00:30 on 25 May 2018 in Stockholm.
    const input = {
      ...misdirectedInput,
      occurredAt: '2018-05-25T00:30:00+02:00',
      detectedAt: '2018-05-25T01:00:00+02:00',
    };
    const { report } = await reportMisdirected(input, {
      now: '2018-06-01T00:00:00Z',
      timeZone: 'Europe/London',
    });
    expect(JSON.stringify(report.assessment.reasons)).not.toMatch(/before the GDPR|25 May 2018/);
    expect(report.authorities?.find((authority) => authority.regime === 'gdpr')?.law.notificationDuty).toBe(
      true,
    );
  });
});
