import { describe, expect, it } from 'vitest';
import { realLessCommonDomains } from '../../eval/names.js';
import { checkRecipient } from '../../src/guard/check-recipient.js';
import { codes, find } from '../support/verdict-findings.js';

const karin = { id: 'C-3101', name: 'Karin Berg', emails: ['karin.berg@telia.com'] };
const anna = { id: 'C-1001', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'] };
const newCustomer = (name: string) => ({ id: `C-${name.length}`, name });

describe('a provider name spelt as it sounds', () => {
  it('corrects gmail dictated as dschimejl to the known address', () => {
    const verdict = checkRecipient({ entered: 'anna.svensson1985@dschimejl.com', customer: anna });
    expect(verdict.action).toBe('block');
    expect(verdict.suggestion).toBe('anna.svensson1985@gmail.com');
    const typo = find(verdict, 'domain-typo');
    expect(typo.suggestedDomain).toBe('gmail.com');
    expect(typo.message).toBe('dschimejl.com sounds like gmail.com: the name seems spelt as it is said.');
  });

  it.each([
    ['lars.nyberg@jaahoo.se', 'lars.nyberg@yahoo.se'],
    ['per.holm@kommhemm.se', 'per.holm@comhem.se'],
    ['erik.lind@aicloud.com', 'erik.lind@icloud.com'],
    ['erik.lind@ajkloud.com', 'erik.lind@icloud.com'],
    ['sara.ek@houtmejl.com', 'sara.ek@hotmail.com'],
    ['sara.ek@hotmejl.com', 'sara.ek@hotmail.com'],
    ['sara.ek@jimejl.com', 'sara.ek@gmail.com'],
    ['sara.ek@outluk.com', 'sara.ek@outlook.com'],
  ])('blocks %s for a new customer and suggests %s', (entered, suggestion) => {
    const verdict = checkRecipient({ entered, customer: newCustomer(entered) });
    expect(verdict.action).toBe('block');
    expect(codes(verdict)).toContain('domain-typo');
    expect(verdict.suggestion).toBe(suggestion);
  });

  it('says it in Swedish', () => {
    const verdict = checkRecipient(
      { entered: 'lars.nyberg@jaahoo.se', customer: newCustomer('Lars Nyberg') },
      { locale: 'sv' },
    );
    expect(find(verdict, 'domain-typo').message).toBe(
      'jaahoo.se låter som yahoo.se: namnet verkar stavat som det uttalas.',
    );
  });

  it.each([
    'telia.se',
    'gmx.com',
    'yahoo.co.uk',
    'hotmail.se',
    'mail.com',
    'email.com',
    'live.com',
    ...realLessCommonDomains,
  ])('leaves the real domain %s alone', (domain) => {
    const verdict = checkRecipient({ entered: `karin.berg@${domain}`, customer: newCustomer('Karin Berg') });
    expect(codes(verdict)).not.toContain('domain-typo');
    expect(verdict.action).toBe('confirm');
    expect(verdict.suggestion).toBeUndefined();
  });

  it('reads telia.se beside a known telia.com as today: the same name at a sibling domain', () => {
    const verdict = checkRecipient({ entered: 'karin.berg@telia.se', customer: karin });
    expect(codes(verdict)).toContain('sibling-domain');
    expect(codes(verdict)).not.toContain('domain-typo');
  });
});

describe('a provider domain misread or with its dots out of place', () => {
  it.each([
    ['anna@gmaii.com', 'anna@gmail.com'],
    ['anna@gmai1.com', 'anna@gmail.com'],
    ['anna@te1ia.se', 'anna@telia.se'],
    ['anna@gmail.com.se', 'anna@gmail.com'],
    ['anna@gmail.se.com', 'anna@gmail.com'],
    ['anna@gmailcom.se', 'anna@gmail.com'],
    ['per.ek@telia.com.se', 'per.ek@telia.com'],
  ])('blocks %s for a new customer and suggests %s', (entered, suggestion) => {
    const verdict = checkRecipient({ entered, customer: newCustomer('Anna Ek') });
    expect(verdict.action).toBe('block');
    expect(verdict.suggestion).toBe(suggestion);
    expect(find(verdict, 'domain-typo').suggestedDomain).toBe(suggestion.split('@')[1]);
  });

  it('suggests the known address when the provider domain on file has an ending added', () => {
    const per = { id: 'C-7', name: 'Per Ek', emails: ['per.ek@telia.com'] };
    const verdict = checkRecipient({ entered: 'per.ek@telia.com.se', customer: per });
    expect(verdict.action).toBe('block');
    expect(verdict.suggestion).toBe('per.ek@telia.com');
    expect(codes(verdict)).not.toContain('sibling-domain');
  });

  it.each(realLessCommonDomains)('still never corrects the real domain %s', (domain) => {
    const verdict = checkRecipient({ entered: `anna.ek@${domain}`, customer: newCustomer('Anna Ek') });
    expect(codes(verdict)).not.toContain('domain-typo');
    expect(verdict.suggestion).toBeUndefined();
  });
});

describe('an address pasted or dictated with more than the address', () => {
  it('blocks a pasted display name and suggests the known address it holds', () => {
    const verdict = checkRecipient({ entered: '"Berg, Karin" <karin.berg@telia.com>', customer: karin });
    expect(verdict.action).toBe('block');
    const invalid = find(verdict, 'invalid-address');
    expect(invalid.reason).toBe('display-name');
    expect(invalid.extracted).toBe('karin.berg@telia.com');
    expect(invalid.message).toBe(
      "This is not one address; it holds karin.berg@telia.com, the customer's known address.",
    );
    expect(verdict.suggestion).toBe('karin.berg@telia.com');
    expect(verdict.address).toBeUndefined();
  });

  it.each([
    ['mailto:karin.berg@telia.com', 'karin.berg@telia.com'],
    ['Karin Berg <karin.berg@telia.com>', 'karin.berg@telia.com'],
    ['karin.berg(at)telia.com', 'karin.berg@telia.com'],
    ['karin.berg [at] telia [dot] com', 'karin.berg@telia.com'],
    ['karin.berg snabel-a telia punkt com', 'karin.berg@telia.com'],
    ['karin.berg at telia dot com', 'karin.berg@telia.com'],
    ['karin.berg@telia.com.', 'karin.berg@telia.com'],
    ['Karin Berg <Karin.Berg@Telia.com>', 'karin.berg@telia.com'],
    ['karin.bergg@telia.com.', 'karin.berg@telia.com'],
    ['karin.berg (at) telia.co', 'karin.berg@telia.com'],
  ])('turns %j into a suggestion of the known address %s', (entered, suggestion) => {
    const verdict = checkRecipient({ entered, customer: karin });
    expect(verdict.action).toBe('block');
    expect(codes(verdict)).toContain('invalid-address');
    expect(verdict.suggestion).toBe(suggestion);
  });

  it('suggests the known mailbox for a pasted Gmail spelling of it', () => {
    const customer = { id: 'C-7', emails: ['karinberg@gmail.com'] };
    const verdict = checkRecipient({ entered: 'mailto:Karin.Berg+order@gmail.com', customer });
    expect(verdict.suggestion).toBe('karinberg@gmail.com');
  });

  it('suggests the address the text holds for a new customer, in plain words in both languages', () => {
    const entered = 'olle.strand snabel-a bahnhof punkt se';
    const verdict = checkRecipient({ entered, customer: newCustomer('Olle Strand') });
    expect(verdict.action).toBe('block');
    expect(verdict.suggestion).toBe('olle.strand@bahnhof.se');
    expect(find(verdict, 'invalid-address').message).toBe(
      'This is not one address; it holds olle.strand@bahnhof.se.',
    );
    const sv = checkRecipient({ entered, customer: newCustomer('Olle Strand') }, { locale: 'sv' });
    expect(find(sv, 'invalid-address').message).toBe(
      'Det här är inte en enda adress; den innehåller olle.strand@bahnhof.se.',
    );
    expect(sv.readBack?.suggestion).toContain('snabel-a');
  });

  it('keeps the held address apart from a known one it is no slip of', () => {
    const verdict = checkRecipient({ entered: 'karin.berg snabel-a telia punkt se', customer: karin });
    expect(verdict.suggestion).toBe('karin.berg@telia.se');
  });

  it('never reads an address out of text with a line break', () => {
    const verdict = checkRecipient({
      entered: 'Karin Berg <karin.berg@telia.com>\r\nBcc: everyone@example.com',
      customer: karin,
    });
    expect(verdict.action).toBe('block');
    const invalid = find(verdict, 'invalid-address');
    expect(invalid.reason).toBe('control-characters');
    expect(invalid.extracted).toBeUndefined();
    expect(verdict.suggestion).toBeUndefined();
  });

  it('holds no one address in a list', () => {
    const verdict = checkRecipient({ entered: 'karin.berg@telia.com, bo.berg@telia.com', customer: karin });
    expect(find(verdict, 'invalid-address').extracted).toBeUndefined();
    expect(verdict.suggestion).toBeUndefined();
  });

  it('still suggests the known address for a broken string that holds no address', () => {
    const verdict = checkRecipient({ entered: 'anna.svensson1985gmail.com', customer: anna });
    expect(verdict.suggestion).toBe('anna.svensson1985@gmail.com');
  });
});
