import type { DataCategory } from './data-categories.js';
import type { MisdirectedEmailMeasureId, ReportLocale } from './report-texts.js';

/**
 * The usual measures as the customer notice says them: in the first person plural, to the customer
 * in the second person, as done ("what we have done"), as planned ("what we will do") and as
 * proposed ("what we propose to do", only in a notice the law requires: GDPR Art. 34(2)). No measure names the employee who made the
 * mistake: the organisation answers for it (GDPR Art. 24).
 */
export const noticeMeasureTexts: Readonly<
  Record<
    ReportLocale,
    Readonly<
      Record<'done' | 'planned' | 'proposed', Readonly<Partial<Record<MisdirectedEmailMeasureId, string>>>>
    >
  >
> = {
  sv: {
    done: {
      'recall-and-delete': 'Vi har kontaktat personen som fick meddelandet och bett hen radera det.',
      'correct-address': 'Vi har tagit bort den felaktiga e-postadressen och lagt in din rätta adress.',
      'profile-note':
        'Vi har lagt in en notering hos oss, så att vi är extra noga med att kontrollera vem vi talar med när någon hör av sig om ditt konto.',
      'check-password-reset':
        'Vi har kontrollerat att inga lösenord eller inloggningslänkar har skickats till den felaktiga adressen.',
      'invalidate-login':
        'Vi har gjort länken eller koden i meddelandet ogiltig och loggat ut alla inloggningar på ditt konto, så att ingen annan kan logga in med den.',
      'new-password':
        'Vi har skickat ett nytt lösenord till dig och gjort tidigare skickade länkar ogiltiga.',
      'retire-attachment-password':
        'Vi har slutat använda lösenordet som skickades med bilagan, och vi behandlar bilagan som om den hade skickats okrypterad.',
      'return-or-destroy-letter':
        'Vi har kontaktat personen som fick brevet och bett hen skicka tillbaka det eller förstöra det.',
      'correct-postal-address': 'Vi har rättat din postadress hos oss.',
      'seller-feedback': 'Vi har gått igenom det som hände, så att samma misstag inte upprepas.',
    },
    planned: {
      'recall-and-delete': 'Vi kommer att kontakta personen som fick meddelandet och be hen radera det.',
      'correct-address': 'Vi kommer att ta bort den felaktiga e-postadressen och lägga in din rätta adress.',
      'profile-note':
        'Vi kommer att lägga in en notering hos oss, så att vi är extra noga med att kontrollera vem vi talar med när någon hör av sig om ditt konto.',
      'check-password-reset':
        'Vi kommer att kontrollera att inga lösenord eller inloggningslänkar har skickats till den felaktiga adressen.',
      'invalidate-login':
        'Vi kommer att göra länken eller koden i meddelandet ogiltig och logga ut alla inloggningar på ditt konto, så att ingen annan kan logga in med den.',
      'new-password':
        'Vi kommer att skicka ett nytt lösenord till dig och göra tidigare skickade länkar ogiltiga.',
      'retire-attachment-password':
        'Vi kommer att sluta använda lösenordet som skickades med bilagan, och vi behandlar bilagan som om den hade skickats okrypterad.',
      'return-or-destroy-letter':
        'Vi kommer att kontakta personen som fick brevet och be hen skicka tillbaka det eller förstöra det.',
      'correct-postal-address': 'Vi kommer att rätta din postadress hos oss.',
      'seller-feedback': 'Vi kommer att gå igenom det som hände, så att samma misstag inte upprepas.',
    },
    proposed: {
      'recall-and-delete': 'Kontakta personen som fick meddelandet och be hen radera det.',
      'correct-address':
        'Ta bort den felaktiga e-postadressen och lägga in din rätta adress, efter att ha stämt av den med dig.',
      'profile-note':
        'Lägga in en notering hos oss, så att vi är extra noga med att kontrollera vem vi talar med när någon hör av sig om ditt konto.',
      'check-password-reset':
        'Kontrollera att inga lösenord eller inloggningslänkar har skickats till den felaktiga adressen.',
      'invalidate-login':
        'Göra länken eller koden i meddelandet ogiltig och logga ut alla inloggningar på ditt konto, så att ingen annan kan logga in med den.',
      'new-password': 'Skicka ett nytt lösenord till dig och göra tidigare skickade länkar ogiltiga.',
      'retire-attachment-password':
        'Sluta använda lösenordet som skickades med bilagan, och behandla bilagan som om den hade skickats okrypterad.',
      'return-or-destroy-letter':
        'Kontakta personen som fick brevet och be hen skicka tillbaka det eller förstöra det.',
      'correct-postal-address': 'Rätta din postadress hos oss, efter att ha stämt av den med dig.',
      'seller-feedback': 'Gå igenom det som hände, så att samma misstag inte upprepas.',
    },
  },
  en: {
    done: {
      'recall-and-delete': 'We contacted the person who received the message and asked them to delete it.',
      'correct-address': 'We removed the wrong e-mail address and entered your correct one.',
      'profile-note':
        'We added a note to your account so that we take extra care to check who we are speaking to when anyone contacts us about it.',
      'check-password-reset': 'We checked that no password or login link was sent to the wrong address.',
      'invalidate-login':
        'We made the link or code in the message invalid and signed out every session on your account, so that nobody else can log in with it.',
      'new-password': 'We sent you a new password and made links sent earlier invalid.',
      'retire-attachment-password':
        'We stopped using the password that was sent with the attachment, and we treat the attachment as if it had been sent unencrypted.',
      'return-or-destroy-letter':
        'We contacted the person who received the letter and asked them to return or destroy it.',
      'correct-postal-address': 'We corrected your postal address in our records.',
      'seller-feedback': 'We went through what happened so that the mistake is not repeated.',
    },
    planned: {
      'recall-and-delete': 'We will contact the person who received the message and ask them to delete it.',
      'correct-address': 'We will remove the wrong e-mail address and enter your correct one.',
      'profile-note':
        'We will add a note to your account so that we take extra care to check who we are speaking to when anyone contacts us about it.',
      'check-password-reset': 'We will check that no password or login link was sent to the wrong address.',
      'invalidate-login':
        'We will make the link or code in the message invalid and sign out every session on your account, so that nobody else can log in with it.',
      'new-password': 'We will send you a new password and make links sent earlier invalid.',
      'retire-attachment-password':
        'We will stop using the password that was sent with the attachment, and we treat the attachment as if it had been sent unencrypted.',
      'return-or-destroy-letter':
        'We will contact the person who received the letter and ask them to return or destroy it.',
      'correct-postal-address': 'We will correct your postal address in our records.',
      'seller-feedback': 'We will go through what happened so that the mistake is not repeated.',
    },
    proposed: {
      'recall-and-delete': 'Contact the person who received the message and ask them to delete it.',
      'correct-address':
        'Remove the wrong e-mail address and enter your correct one, after checking it with you.',
      'profile-note':
        'Add a note to your account so that we take extra care to check who we are speaking to when anyone contacts us about it.',
      'check-password-reset': 'Check that no password or login link was sent to the wrong address.',
      'invalidate-login':
        'Make the link or code in the message invalid and sign out every session on your account, so that nobody else can log in with it.',
      'new-password': 'Send you a new password and make links sent earlier invalid.',
      'retire-attachment-password':
        'Stop using the password that was sent with the attachment, and treat the attachment as if it had been sent unencrypted.',
      'return-or-destroy-letter':
        'Contact the person who received the letter and ask them to return or destroy it.',
      'correct-postal-address': 'Correct your postal address in our records, after checking it with you.',
      'seller-feedback': 'Go through what happened so that the mistake is not repeated.',
    },
  },
};

/**
 * The recipient's confirmed deletion as the notice says it (see `confirmedDeletionMeasureId`): the
 * deletion and no more; that nothing was kept or passed on is not said unless the caller recorded it
 * in their own words.
 */
export const noticeConfirmedDeletionTexts: Readonly<Record<ReportLocale, string>> = {
  sv: 'Personen som fick meddelandet har bekräftat för oss att det är raderat.',
  en: 'The person who received the message has confirmed to us that it was deleted.',
};

/**
 * What the exposed data could mean for the customer, in plain words and the second person (GDPR
 * Art. 34(2) with Art. 33(3)(c): "the likely consequences"). The customer number sentence is the
 * seed case's: a name and a customer number are what a caller gives customer service.
 */
export const noticeConsequenceTexts: Readonly<
  Record<ReportLocale, Partial<Readonly<Record<DataCategory, string>>>>
> = {
  sv: {
    'customer-number':
      'Med ditt namn och kundnummer skulle personen kunna ringa vår kundtjänst och utge sig för att vara du, för att få veta mer om dig eller göra ändringar och beställningar i ditt namn.',
    'postal-address': 'Personen känner nu till din adress och skulle kunna beställa varor i ditt namn.',
    'national-id-number':
      'Med ditt personnummer skulle någon kunna försöka ta lån eller handla på kredit i ditt namn.',
    'payment-card': 'Kortnumret skulle kunna användas för köp som du inte har gjort.',
    'account-number': 'Kontonumret skulle kunna användas i falska betalningskrav till dig.',
    credentials: 'Länken eller inloggningsuppgifterna skulle kunna ge personen tillgång till ditt konto.',
    health: 'Personen har kunnat se uppgifter som säger något om din hälsa.',
    'special-category': 'Personen har kunnat se uppgifter av känsligt slag om dig.',
  },
  en: {
    'customer-number':
      'With your name and customer number, that person could call our customer service pretending to be you, to learn more about you or to change or order things in your name.',
    'postal-address': 'The person now knows your address and could order goods in your name.',
    'national-id-number':
      'With your personal identity number, someone could try to borrow money or buy on credit in your name.',
    'payment-card': 'The card number could be used for purchases you did not make.',
    'account-number': 'The account number could be used in fake payment requests to you.',
    credentials: 'The link or login details could give that person access to your account.',
    health: 'The person could see details that say something about your health.',
    'special-category': 'The person could see sensitive details about you.',
  },
};
