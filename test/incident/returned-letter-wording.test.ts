import { describe, expect, it } from 'vitest';
import {
  assessBreach,
  type BreachFacts,
  type CreateIncidentReportInput,
  createIncidentReport,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { stranger } from './shared-fixtures.js';

// The seed case's order confirmation sent as a letter that came back sealed.
const {
  misdirected: _address,
  recipientConfirmedDeletion: _deleted,
  measures: _measures,
  ...seed
} = seedCase;
const returnedLetter: CreateIncidentReportInput = {
  ...seed,
  circumstances: 'misdirected-post',
  returnedUnopened: true,
  measures: [{ id: 'correct-postal-address', status: 'done' }],
};
const now = new Date('2025-01-01T00:00:00Z');

describe('a letter that came back unopened', () => {
  it('is called a letter in the Swedish and English reports, its reasons included', () => {
    const swedish = renderIncidentReport(createIncidentReport(returnedLetter, { locale: 'sv', now }), {
      locale: 'sv',
    });
    const english = renderIncidentReport(createIncidentReport(returnedLetter, { locale: 'en', now }), {
      locale: 'en',
    });
    expect(swedish).toContain(
      'Brevet kom tillbaka oöppnat, så ingen utanför organisationen har sett uppgifterna.',
    );
    expect(swedish).toContain(
      'Brevet kom tillbaka oöppnat: ingen utanför organisationen har sett uppgifterna',
    );
    expect(swedish).toContain('brevet kom tillbaka oöppnat, så ingen har kunnat använda dem');
    expect(english).toContain(
      'The letter came back unopened, so nobody outside the organisation saw the data.',
    );
    expect(english).toContain('The letter came back unopened: nobody outside the organisation saw the data');
    expect(english).not.toMatch(/letter or e-mail came back|message came back unopened/);
  });

  it('names an e-mail that bounced as an e-mail, and either where the channel is not recorded', () => {
    // A name with a customer number is a risk until it is known that nobody opened it.
    const facts: BreachFacts = {
      ...stranger,
      dataCategories: ['name', 'customer-number'],
      returnedUnopened: true,
    };
    const said = (channel?: 'email') =>
      assessBreach(channel === undefined ? facts : { ...facts, channel }).reasons.find(
        (reason) => reason.code === 'returned-unopened',
      )?.message;
    expect(said('email')).toMatch(/^The e-mail came back unopened:/);
    expect(said()).toMatch(/^The letter or e-mail came back unopened:/);
  });
});

describe('a letter the recipient confirmed destroyed or sent back', () => {
  const { returnedUnopened: _returned, ...sent } = returnedLetter;
  const confirmed: CreateIncidentReportInput = {
    ...sent,
    recipient: 'unknown-individual',
    recipientConfirmedDeletion: true,
    measures: [{ id: 'return-or-destroy-letter', status: 'done' }],
  };

  it('is reported as destroyed or returned, never as a deleted message, in Swedish and English', () => {
    const swedish = renderIncidentReport(createIncidentReport(confirmed, { locale: 'sv', now }), {
      locale: 'sv',
    });
    const english = renderIncidentReport(createIncidentReport(confirmed, { locale: 'en', now }), {
      locale: 'en',
    });
    expect(swedish).toContain('Mottagaren har bekräftat att brevet är förstört eller återsänt.');
    expect(swedish).not.toContain('meddelandet är raderat');
    expect(english).toContain('The recipient confirmed that the letter was destroyed or returned.');
    expect(english).not.toContain('message was deleted');
  });
});
