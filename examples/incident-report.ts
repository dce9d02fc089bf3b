// Run: npx tsx examples/incident-report.ts
//
// A salesperson at Nordkabel AB (an invented telecom operator) typed a new customer's e-mail address
// with one digit missing. The order confirmation went to a stranger, who called customer service.
// This example reads the confirmation that was sent, assesses the breach, writes the report for the
// regulator in Swedish, the script for the call to the customer and the e-mail to the customer.
import { readFileSync } from 'node:fs';
import {
  incidentRegisterEntry,
  misdirectedEmailMeasureIds,
  renderIncidentReport,
  reportMisdirected,
} from '../src/incident/index.js';

const message = readFileSync(new URL('./data/orderbekraftelse.eml', import.meta.url));
const organisationName = 'Nordkabel AB';

const result = await reportMisdirected(
  {
    message,
    intended: 'anna.svensson1985@gmail.com',
    actual: 'anna.svensson185@gmail.com',
    customer: {
      id: '4711023',
      name: 'Anna Svensson',
      phones: ['070-123 45 67'],
      postalAddress: 'Storgatan 12, 123 45 Stockholm',
    },
    organisation: {
      name: organisationName,
      organisationNumber: '556677-8899',
      // Sweden: PTS receives an operator's integrity incidents, under the law in force that day.
      country: 'SE',
      customerServicePhone: '0771-40 40 40',
      noticeFrom: 'kundservice@nordkabel.se',
      // A provider of electronic communications services: Regulation 611/2013 applies beside the GDPR.
      regimes: ['eprivacy', 'gdpr'],
      contact: {
        name: 'Karin Berg',
        role: 'dataskyddsombud',
        email: 'dpo@nordkabel.se',
        phone: '08-123 456 00',
      },
    },
    reference: 'NK-INC-2018-0223',
    // The stranger called customer service nine minutes after the confirmation was sent.
    detectedAt: '2018-02-23T13:45:00+01:00',
    // Customer service reached the stranger, who deleted the message.
    recipientConfirmedDeletion: true,
    // What was done, confirmed by the person handling the case: the proposals carried out, the new
    // password still to be sent. The notice tells the customer exactly that.
    // What the operator did; no login link or code and no encrypted attachment were in the message,
    // so the measures for those are not recorded (a measure done against the facts is refused); the
    // recipient answered the first request, so there was no need to ask again.
    measures: misdirectedEmailMeasureIds
      .filter(
        (id) =>
          id !== 'invalidate-login' &&
          id !== 'retire-attachment-password' &&
          id !== 'contact-recipient-again',
      )
      .map((id) => ({
        id,
        status: id === 'new-password' ? 'planned' : 'done',
      })),
    // What happened when, and who did it; the report adds the breach and its detection itself.
    timeline: [
      {
        at: '2018-02-23T13:52:00+01:00',
        what: 'Mottagaren bekräftade i telefon att meddelandet raderats.',
        who: 'Kundservice',
        kind: 'contained',
      },
    ],
    // The call to the customer, and the customer's answers to the questions in the script.
    customerCall: {
      at: '2018-02-23T14:30:00+01:00',
      by: 'Kundservice',
      identityChecked: true,
      answers: [
        {
          question: 'Kan du komma på några andra konsekvenser för dig som vi behöver känna till?',
          answer: 'Nej.',
        },
        { question: 'Har du några frågor till oss om det här?', answer: 'Nej.' },
      ],
    },
    // No initialNotificationAt: this report, written at 15.30, is the first notification, so the
    // authority has not been notified yet. Record the time it was filed in the follow-up report.
  },
  { locale: 'sv', now: '2018-02-23T15:30:00+01:00' },
);

console.log('Personuppgifter i det felskickade meddelandet:');
for (const item of result.inventory.items) {
  console.log(`  ${item.category.padEnd(16)} ${item.foundIn.join(', ').padEnd(28)} ${item.excerpt}`);
}
for (const note of result.inventory.notes) console.log(`  OBS: ${note}`);

console.log(`\n${renderIncidentReport(result.report, { locale: 'sv', format: 'text' })}`);

const { assessment } = result;
console.log('BEDÖMNING');
// The risk is stated under the laws in force on the day of the breach: in February 2018 the Swedish
// Electronic Communications Act with Regulation 611/2013, and personuppgiftslagen, not yet the GDPR
// (it applies from 25 May 2018, Art. 99(2)).
const laws = (result.report.authorities ?? []).flatMap((finding) => finding.law.citations);
// The values of the assessment are codes (`risk`, `authority`); the lines below say them in Swedish.
const bandSv = { low: 'låg', medium: 'medel', high: 'hög', 'very-high': 'mycket hög' };
const riskSv = { unlikely: 'osannolik', risk: 'risk, men inte hög risk', high: 'hög risk' };
const toSv = {
  authority: 'myndigheten',
  'data-subjects': 'de berörda',
  subscribers: 'abonnenten',
  record: 'dokumentation',
};
console.log(
  `  Risk (${laws.join(', ')}): ${riskSv[assessment.risk]}; ENISA ${assessment.enisa.score} (${bandSv[assessment.enisa.band]})`,
);
console.log(`  Anmäls till tillsynsmyndigheten: ${assessment.notifyAuthority ? 'ja' : 'nej'}`);
console.log(`  Underrättelse till kunden krävs: ${assessment.notifyDataSubjects ? 'ja' : 'nej'}`);
// Each recommendation is a whole sentence of its own: listed under a heading, not after a colon.
if (assessment.recommendations.length > 0) console.log('  Rekommendationer:');
for (const recommendation of assessment.recommendations) console.log(`  - ${recommendation.message}`);
// The Swedish summary of each decision where the corpus has one (the document is cited in its own language).
for (const precedent of assessment.precedents)
  console.log(
    `  Jämförbart beslut: ${precedent.summarySv?.replace(/\.$/, '') ?? `${precedent.authority}, ${precedent.document}`} (${precedent.decided})`,
  );
const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});
for (const deadline of assessment.deadlines) {
  const due = deadline.due ? ` – senast ${stockholm.format(new Date(deadline.due))}` : '';
  console.log(`  ${toSv[deadline.to].padEnd(14)} ${deadline.article}: ${deadline.within}${due}`);
}

console.log('FÖRTECKNING ÖVER INTEGRITETSINCIDENTER (en rad)');
console.log(`  ${incidentRegisterEntry(result.report)}`);

console.log('\nSAMTALSMANUS\n');
console.log(result.notices.phoneScript.text);

// The e-mail to the customer: only measures marked done or planned are in it, never proposed ones.
const { email } = result.notices;
console.log('E-POSTMEDDELANDE TILL KUNDEN\n');
console.log(`Från: ${organisationName} <${email.from}>`);
console.log(`Till: ${email.to}`);
console.log(`Ämne: ${email.subject}\n`);
console.log(email.text);
console.log(`(Hela meddelandet, RFC 5322: ${email.raw.length} byte.)`);
