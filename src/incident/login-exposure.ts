import type { IncidentReport } from './incident-report.js';
import { latestMeasure } from './latest-measure.js';
import { premisesHolding } from './measure-premises.js';

/**
 * What the login details that reached the wrong person mean for the customer, as the measures
 * recorded leave it: the notice, the phone script and the report say the same from it.
 */
export interface LoginExposure {
  /**
   * The data held login details that open the account (a link, a password or a one-time code, not
   * the password of an encrypted attachment sent along): the message itself shows one was sent, so
   * no text offers to check whether one was.
   */
  readonly inMessage: boolean;
  /**
   * Who gives the account a new password: the organisation once `new-password` is done or planned
   * (the customer is then not asked to change it as well), else the customer, who is told to do it
   * now. `undefined` where no password still opens the account: one-time codes only, links and codes
   * with no password among them made invalid (`invalidate-login` done), expired or
   * voided details (`credentialsExpired`), none in the data, or a message nobody read (returned
   * unopened, or its content not yet established).
   */
  readonly newPasswordBy: 'organisation' | 'customer' | undefined;
  /** `new-password` is done: a new password was sent (links sent earlier stay valid unless `invalidate-login` is done). */
  readonly newPasswordSent: boolean;
  /**
   * Nothing from the message opens the account any more: the link or code was made invalid
   * (`invalidate-login` done) and a password among the details, or details of unknown kind, replaced
   * by a new one (`new-password` done).
   */
  readonly closed: boolean;
}

/**
 * The {@link LoginExposure} of a report, from its data, its facts and its measures. The premises are
 * those the proposals follow ({@link premisesHolding}), so the texts never tell the customer to change
 * a password the report does not propose to replace (OWASP Forgot Password Cheat Sheet: a reset link
 * is single-use and a reset ends the account's sessions; GDPR Art. 34(2): the measures taken, and
 * what the person can do to mitigate the effects).
 */
export function loginExposure(report: IncidentReport): LoginExposure {
  const holding = premisesHolding({
    dataCategories: report.data.categories,
    credentialKinds: report.data.credentialKinds,
    credentialsExpired: report.facts.credentialsExpired,
    encrypted: report.facts.encrypted,
    keyExposed: report.facts.keyExposed,
  });
  // A measure recorded more than once (failed, then done) counts as its latest entry states it.
  const status = (id: string) => latestMeasure(report.measures, id)?.status;
  const newPasswordSent = status('new-password') === 'done';
  // A message that came back unopened, or one nobody has read, gives the customer nothing to change.
  const nothingRead = report.facts.returnedUnopened === true || report.data.contentUnknown === true;
  // Details of unknown kind may hold a password, which making a link invalid does not change.
  const passwordAmong = (report.data.credentialKinds ?? ['password']).includes('password');
  // Links and codes made invalid, with no password among them, leave no password to change: a reset
  // or login link stops working once invalidated (OWASP Forgot Password Cheat Sheet).
  const invalidated = status('invalidate-login') === 'done';
  const newPasswordBy =
    nothingRead || !holding['password-login']
      ? undefined
      : newPasswordSent || status('new-password') === 'planned'
        ? 'organisation'
        : invalidated && !passwordAmong
          ? undefined
          : 'customer';
  return {
    inMessage: holding.login,
    newPasswordBy,
    newPasswordSent,
    closed: holding.login && invalidated && (newPasswordSent || !passwordAmong),
  };
}
