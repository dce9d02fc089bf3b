import type { DataCategory } from './data-categories.js';
import type { MisdirectedEmailMeasureId, ReportLocale } from './report-texts.js';

/**
 * The usual measures as the customer notice says them: in the first person plural, to the customer
 * in the second person, as done ("what we have done"), as planned ("what we will do") and as
 * proposed (continuing the heading "Vi föreslår att:" / "We propose that:", said as a proposal and
 * never as an intention nobody decided; only in a notice the law requires: GDPR Art. 34(2)). No measure names the employee who made the
 * mistake: the organisation answers for it (GDPR Art. 24). The words in braces are filled from
 * {@link noticeRecipientWords} and {@link noticeChannelWords} (capitalised where the brace is).
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
      'recall-and-delete': 'Vi har kontaktat {receiver} och bett {them} radera det.',
      'correct-address': 'Vi har tagit bort {wrongAddress} och lagt in {rightAddress}.',
      'profile-note':
        'Vi har lagt in en notering hos oss, så att vi är extra noga med att kontrollera vem vi talar med när någon hör av sig om {ditt} konto.',
      'check-password-reset':
        'Vi har kontrollerat att inga lösenord eller inloggningslänkar har skickats till {wrongDestination}.',
      'invalidate-login':
        'Vi har gjort länken eller koden i {item} ogiltig och loggat ut alla inloggningar på {ditt} konto, så att ingen annan kan logga in med den.',
      'new-password': 'Vi har skickat ett nytt lösenord till {dig}.',
      'retire-attachment-password':
        'Vi har slutat använda lösenordet som skickades med bilagan, och vi behandlar bilagan som om den hade skickats okrypterad.',
      'return-or-destroy-letter':
        'Vi har kontaktat {receiver} och bett {them} skicka tillbaka det eller förstöra det.',
      'correct-postal-address': 'Vi har rättat {din} postadress hos oss.',
      'seller-feedback': 'Vi har gått igenom det som hände, så att samma misstag inte upprepas.',
      'contact-recipient-again':
        'Vi har kontaktat {receiver} igen, efter att det första försöket misslyckades, och bett {them} {dispose}.',
    },
    planned: {
      'recall-and-delete': 'Vi kommer att kontakta {receiver} och be {them} radera det.',
      'correct-address': 'Vi kommer att ta bort {wrongAddress} och lägga in {rightAddress}.',
      'profile-note':
        'Vi kommer att lägga in en notering hos oss, så att vi är extra noga med att kontrollera vem vi talar med när någon hör av sig om {ditt} konto.',
      'check-password-reset':
        'Vi kommer att kontrollera att inga lösenord eller inloggningslänkar har skickats till {wrongDestination}.',
      'invalidate-login':
        'Vi kommer att göra länken eller koden i {item} ogiltig och logga ut alla inloggningar på {ditt} konto, så att ingen annan kan logga in med den.',
      'new-password': 'Vi kommer att skicka ett nytt lösenord till {dig}.',
      'retire-attachment-password':
        'Vi kommer att sluta använda lösenordet som skickades med bilagan, och vi behandlar bilagan som om den hade skickats okrypterad.',
      'return-or-destroy-letter':
        'Vi kommer att kontakta {receiver} och be {them} skicka tillbaka det eller förstöra det.',
      'correct-postal-address': 'Vi kommer att rätta {din} postadress hos oss.',
      'seller-feedback': 'Vi kommer att gå igenom det som hände, så att samma misstag inte upprepas.',
      'contact-recipient-again':
        'Vi kommer att kontakta {receiver} igen, på annat sätt om det går, och be {them} {dispose}.',
    },
    proposed: {
      'recall-and-delete': 'vi kontaktar {receiver} och ber {them} radera det.',
      'correct-address':
        'vi tar bort {wrongAddress} och lägger in {rightAddress}, efter att ha stämt av {rightPronoun} med dig.',
      'profile-note':
        'vi lägger in en notering hos oss, så att vi är extra noga med att kontrollera vem vi talar med när någon hör av sig om {ditt} konto.',
      'check-password-reset':
        'vi kontrollerar att inga lösenord eller inloggningslänkar har skickats till {wrongDestination}.',
      'invalidate-login':
        'vi gör länken eller koden i {item} ogiltig och loggar ut alla inloggningar på {ditt} konto, så att ingen annan kan logga in med den.',
      'new-password': 'vi skickar ett nytt lösenord till {dig}.',
      'retire-attachment-password':
        'vi slutar använda lösenordet som skickades med bilagan, och behandlar bilagan som om den hade skickats okrypterad.',
      'return-or-destroy-letter':
        'vi kontaktar {receiver} och ber {them} skicka tillbaka det eller förstöra det.',
      'correct-postal-address': 'vi rättar {din} postadress hos oss, efter att ha stämt av den med dig.',
      'seller-feedback': 'vi går igenom det som hände, så att samma misstag inte upprepas.',
      'contact-recipient-again':
        'vi kontaktar {receiver} igen, på annat sätt om det går, och ber {them} {dispose}.',
    },
  },
  en: {
    done: {
      'recall-and-delete': 'We contacted {receiver} and asked {them} to delete it.',
      'correct-address': 'We removed {wrongAddress} and entered {rightAddress}.',
      'profile-note':
        'We added a note to {your} account so that we take extra care to check who we are speaking to when anyone contacts us about it.',
      'check-password-reset': 'We checked that no password or login link was sent to {wrongDestination}.',
      'invalidate-login':
        'We made the link or code in {item} invalid and signed out every session on {your} account, so that nobody else can log in with it.',
      'new-password': 'We sent {you} a new password.',
      'retire-attachment-password':
        'We stopped using the password that was sent with the attachment, and we treat the attachment as if it had been sent unencrypted.',
      'return-or-destroy-letter': 'We contacted {receiver} and asked {them} to return or destroy it.',
      'correct-postal-address': 'We corrected {your} postal address in our records.',
      'seller-feedback': 'We went through what happened so that the mistake is not repeated.',
      'contact-recipient-again':
        'We contacted {receiver} again, after the first attempt failed, and asked {them} to {dispose}.',
    },
    planned: {
      'recall-and-delete': 'We will contact {receiver} and ask {them} to delete it.',
      'correct-address': 'We will remove {wrongAddress} and enter {rightAddress}.',
      'profile-note':
        'We will add a note to {your} account so that we take extra care to check who we are speaking to when anyone contacts us about it.',
      'check-password-reset': 'We will check that no password or login link was sent to {wrongDestination}.',
      'invalidate-login':
        'We will make the link or code in {item} invalid and sign out every session on {your} account, so that nobody else can log in with it.',
      'new-password': 'We will send {you} a new password.',
      'retire-attachment-password':
        'We will stop using the password that was sent with the attachment, and we treat the attachment as if it had been sent unencrypted.',
      'return-or-destroy-letter': 'We will contact {receiver} and ask {them} to return or destroy it.',
      'correct-postal-address': 'We will correct {your} postal address in our records.',
      'seller-feedback': 'We will go through what happened so that the mistake is not repeated.',
      'contact-recipient-again':
        'We will contact {receiver} again, another way if possible, and ask {them} to {dispose}.',
    },
    proposed: {
      'recall-and-delete': 'we contact {receiver} and ask {them} to delete it.',
      'correct-address':
        'we remove {wrongAddress} and enter {rightAddress}, after checking {rightPronoun} with you.',
      'profile-note':
        'we add a note to {your} account so that we take extra care to check who we are speaking to when anyone contacts us about it.',
      'check-password-reset': 'we check that no password or login link was sent to {wrongDestination}.',
      'invalidate-login':
        'we make the link or code in {item} invalid and sign out every session on {your} account, so that nobody else can log in with it.',
      'new-password': 'we send {you} a new password.',
      'retire-attachment-password':
        'we stop using the password that was sent with the attachment, and treat the attachment as if it had been sent unencrypted.',
      'return-or-destroy-letter': 'we contact {receiver} and ask {them} to return or destroy it.',
      'correct-postal-address':
        'we correct {your} postal address in our records, after checking it with you.',
      'seller-feedback': 'we go through what happened so that the mistake is not repeated.',
      'contact-recipient-again':
        'we contact {receiver} again, another way if possible, and ask {them} to {dispose}.',
    },
  },
};

/**
 * A measure as the notice says it once it was tried and failed (`status: 'failed'`), and the
 * sentence added to a request still unanswered (`awaiting-answer`): the customer hears what was
 * tried and that it did not succeed, or that the recipient has not answered, never that it was done
 * (GDPR Art. 34(2) refers to the measures of Art. 33(3)(d); Art. 5(1)(d) accuracy). `ownFailed`
 * leads a measure of the caller's own that failed, since its text may say it as done.
 */
export const noticeAttemptTexts: Readonly<
  Record<
    ReportLocale,
    {
      readonly failed: Readonly<Partial<Record<MisdirectedEmailMeasureId, string>>>;
      readonly ownFailed: string;
      readonly awaitingAnswer: string;
    }
  >
> = {
  sv: {
    failed: {
      'recall-and-delete':
        'Vi har försökt kontakta {receiver} och be {them} radera det, men det har inte lyckats.',
      'return-or-destroy-letter':
        'Vi har försökt kontakta {receiver} och be {them} skicka tillbaka det eller förstöra det, men det har inte lyckats.',
      'contact-recipient-again': 'Vi har försökt kontakta {receiver} igen, men det har inte lyckats.',
      'correct-address':
        'Vi försökte ta bort {wrongAddress} och lägga in {rightAddress}, men det lyckades inte.',
      'profile-note':
        'Vi försökte lägga in en notering hos oss, så att vi är extra noga med att kontrollera vem vi talar med när någon hör av sig om {ditt} konto, men det lyckades inte.',
      'check-password-reset':
        'Vi försökte kontrollera om lösenord eller inloggningslänkar har skickats till {wrongDestination}, men kontrollen kunde inte genomföras.',
      'invalidate-login':
        'Vi försökte göra länken eller koden i {item} ogiltig, men det lyckades inte: den kan fortfarande användas för att logga in på {ditt} konto.',
      'new-password': 'Vi försökte skicka ett nytt lösenord till {dig}, men det lyckades inte.',
      'retire-attachment-password':
        'Vi försökte sluta använda lösenordet som skickades med bilagan, men det lyckades inte.',
      'correct-postal-address': 'Vi försökte rätta {din} postadress hos oss, men det lyckades inte.',
      'seller-feedback':
        'Vi försökte gå igenom det som hände, så att samma misstag inte upprepas, men det lyckades inte.',
    },
    ownFailed: 'Vi försökte med följande, men det lyckades inte:',
    awaitingAnswer: 'Vi har ännu inte fått något svar.',
  },
  en: {
    failed: {
      'recall-and-delete': 'We tried to contact {receiver} and ask {them} to delete it, but did not succeed.',
      'return-or-destroy-letter':
        'We tried to contact {receiver} and ask {them} to return or destroy it, but did not succeed.',
      'contact-recipient-again': 'We tried to contact {receiver} again, but did not succeed.',
      'correct-address': 'We tried to remove {wrongAddress} and enter {rightAddress}, but did not succeed.',
      'profile-note':
        'We tried to add a note to {your} account so that we take extra care to check who we are speaking to when anyone contacts us about it, but did not succeed.',
      'check-password-reset':
        'We tried to check whether any password or login link was sent to {wrongDestination}, but the check could not be carried out.',
      'invalidate-login':
        'We tried to make the link or code in {item} invalid, but did not succeed: it can still be used to log in to {your} account.',
      'new-password': 'We tried to send {you} a new password, but did not succeed.',
      'retire-attachment-password':
        'We tried to stop using the password that was sent with the attachment, but did not succeed.',
      'correct-postal-address':
        'We tried to correct {your} postal address in our records, but did not succeed.',
      'seller-feedback':
        'We tried to go through what happened so that the mistake is not repeated, but did not succeed.',
    },
    ownFailed: 'We tried the following, but did not succeed:',
    awaitingAnswer: 'We have not had an answer yet.',
  },
};

/**
 * The kind of recipient a notice names: `facts.recipient` as the customer is told it, or `group`
 * where the message went to many at once and each saw the others' addresses (a Cc list).
 */
export type NoticeRecipientKind = 'person' | 'colleague' | 'organisation' | 'group';

/** The kind of thing that went astray, from `incident.circumstances`. */
export type NoticeChannel = 'message' | 'letter' | 'sms';

/**
 * Who received the data, named as the report records the recipient: a colleague at the organisation,
 * another company or organisation (a bank bound by secrecy is not "a person"), or another person
 * (GDPR Art. 34(2) with Art. 33(3)(a): the nature of the breach, described truthfully). `other`
 * completes "reached …"; `seer` begins a sentence; `recipient` stands in one (`Recipient`, where
 * given, begins one; else it is `recipient` capitalised); `receiver` says who
 * received `{item}` (`Receiver`, where given, is its form as the subject that begins a sentence:
 * Swedish "De som fick", where "dem" is only the object form, SAOL); `has` is the verb that agrees
 * with it in number ("those who received it have"); `them` refers back to it (Swedish "hen" for a
 * person, "dem" for an organisation).
 * A `group` (a message sent to many at once, every address right and shown to all) is never one
 * person: each recipient saw the data, those who received it are asked to delete it, and the place
 * a password might also have gone is the other recipients' addresses, not a wrong one
 * (`wrongDestination`, in place of the channel's).
 */
export const noticeRecipientWords: Readonly<
  Record<
    ReportLocale,
    Readonly<
      Record<
        NoticeRecipientKind,
        {
          readonly other: string;
          readonly seer: string;
          readonly recipient: string;
          readonly Recipient?: string;
          readonly receiver: string;
          readonly Receiver?: string;
          readonly has: string;
          readonly them: string;
          readonly wrongDestination?: string;
        }
      >
    >
  >
> = {
  sv: {
    person: {
      other: 'en annan person',
      seer: 'Den personen',
      recipient: 'personen',
      receiver: 'personen som fick {item}',
      has: 'har',
      them: 'hen',
    },
    colleague: {
      other: 'en kollega hos oss',
      seer: 'Kollegan',
      recipient: 'kollegan',
      receiver: 'kollegan som fick {item}',
      has: 'har',
      them: 'hen',
    },
    organisation: {
      other: 'ett annat företag eller en annan organisation',
      seer: 'Mottagaren',
      recipient: 'mottagaren',
      receiver: 'företaget eller organisationen som fick {item}',
      has: 'har',
      them: 'dem',
    },
    group: {
      other: 'de andra mottagarna',
      seer: 'Var och en av mottagarna',
      recipient: 'var och en av mottagarna',
      receiver: 'dem som fick {item}',
      Receiver: 'De som fick {item}',
      has: 'har',
      them: 'dem',
      wrongDestination: 'de andra mottagarnas adresser',
    },
  },
  en: {
    person: {
      other: 'someone else',
      seer: 'That person',
      recipient: 'that person',
      // Where a sentence begins with it, nobody may have been named before ("That person" needs someone).
      Recipient: 'The person',
      receiver: 'the person who received {item}',
      has: 'has',
      them: 'them',
    },
    colleague: {
      other: 'a colleague of ours',
      seer: 'That colleague',
      recipient: 'that colleague',
      receiver: 'the colleague who received {item}',
      has: 'has',
      them: 'them',
    },
    organisation: {
      other: 'another company or organisation',
      seer: 'The recipient',
      recipient: 'the recipient',
      receiver: 'the company or organisation that received {item}',
      has: 'has',
      them: 'them',
    },
    group: {
      other: 'the other recipients',
      seer: 'Each recipient',
      recipient: 'each recipient',
      receiver: 'those who received {item}',
      has: 'have',
      them: 'them',
      wrongDestination: 'the other recipients’ addresses',
    },
  },
};

/**
 * What went astray, named as what it was (GDPR Art. 34(2) with Art. 33(3)(a)): a letter is a letter
 * ("brevet"), a text message an SMS, and the wrong place it went is an address or a number. Every
 * word is neuter in Swedish where "det" refers back to it ("meddelandet", "brevet", "sms:et").
 */
export const noticeChannelWords: Readonly<
  Record<
    ReportLocale,
    Readonly<
      Record<
        NoticeChannel,
        {
          readonly item: string;
          readonly wrongAddress: string;
          readonly wrongDestination: string;
          readonly rightAddress: string;
          readonly rightPronoun: string;
          readonly deleted: string;
          /** What the recipient is asked to do with it: an e-mail or SMS is deleted, never returned. */
          readonly dispose: string;
        }
      >
    >
  >
> = {
  sv: {
    message: {
      item: 'meddelandet',
      wrongAddress: 'den felaktiga e-postadressen',
      wrongDestination: 'den felaktiga adressen',
      rightAddress: '{din} rätta adress',
      rightPronoun: 'den',
      deleted: 'raderat',
      dispose: 'radera det',
    },
    letter: {
      item: 'brevet',
      wrongAddress: 'den felaktiga adressen',
      wrongDestination: 'den felaktiga adressen',
      rightAddress: '{din} rätta adress',
      rightPronoun: 'den',
      deleted: 'förstört',
      dispose: 'skicka tillbaka det eller förstöra det',
    },
    sms: {
      item: 'sms:et',
      wrongAddress: 'det felaktiga numret',
      wrongDestination: 'det felaktiga numret',
      rightAddress: '{ditt} rätta nummer',
      rightPronoun: 'det',
      deleted: 'raderat',
      dispose: 'radera det',
    },
  },
  en: {
    message: {
      item: 'the message',
      wrongAddress: 'the wrong e-mail address',
      wrongDestination: 'the wrong address',
      rightAddress: '{your} correct one',
      rightPronoun: 'it',
      deleted: 'deleted',
      dispose: 'delete it',
    },
    letter: {
      item: 'the letter',
      wrongAddress: 'the wrong address',
      wrongDestination: 'the wrong address',
      rightAddress: '{your} correct one',
      rightPronoun: 'it',
      deleted: 'destroyed',
      dispose: 'return or destroy it',
    },
    sms: {
      item: 'the text message',
      wrongAddress: 'the wrong number',
      wrongDestination: 'the wrong number',
      rightAddress: '{your} correct one',
      rightPronoun: 'it',
      deleted: 'deleted',
      dispose: 'delete it',
    },
  },
};

/**
 * What the notice says when the recipient confirmed the deletion (`recipientConfirmedDeletion`): the
 * deletion, and no more (docs/incident.md). `{has}` agrees with `{Receiver}`: the many who received a
 * message shown to a group "have confirmed".
 */
export const noticeDeletionConfirmedTexts: Readonly<Record<ReportLocale, string>> = {
  sv: '{Receiver} {has} bekräftat för oss att det är {deleted}.',
  en: '{Receiver} {has} confirmed to us that it was {deleted}.',
};

/** Whether the message is known to have reached someone (`confirmed`) or only may have (`unconfirmed`). */
export type NoticeDelivery = 'confirmed' | 'unconfirmed';

/**
 * What the exposed data could mean for the customer, in plain words and the second person (GDPR
 * Art. 34(2) with Art. 33(3)(c): "the likely consequences"), by whether the message is known to have
 * reached anyone. The customer number sentence is the seed case's: a name and a customer number are
 * what a caller gives customer service. `{recipient}` is filled from {@link noticeRecipientWords}.
 *
 * `unconfirmed`: nobody knows that the message reached anyone (`incident.misdirected.unconfirmed`: an
 * address found in sent mail, with no record that it exists or received the message). Each sentence
 * stays conditional, as the notice must describe the breach as known (GDPR Art. 34(2) with
 * Art. 33(3)(a) and (c); Art. 5(1)(d) accuracy); the categories left out there already say "could"
 * and are taken from `confirmed`.
 */
export const noticeConsequenceTexts: Readonly<
  Record<ReportLocale, Readonly<Record<NoticeDelivery, Partial<Readonly<Record<DataCategory, string>>>>>>
> = {
  sv: {
    confirmed: {
      'customer-number':
        'Med {ditt} namn och kundnummer skulle {recipient} kunna ringa vår kundtjänst och utge sig för att vara {du}, för att få veta mer om {dig} eller göra ändringar och beställningar i {ditt} namn.',
      'postal-address':
        '{Recipient} känner nu till {din} adress och skulle kunna beställa varor i {ditt} namn.',
      'national-id-number':
        'Med {ditt} personnummer skulle någon kunna försöka ta lån eller handla på kredit i {ditt} namn.',
      'payment-card': 'Kortnumret skulle kunna användas för köp som {du} inte har gjort.',
      'account-number': 'Kontonumret skulle kunna användas i falska betalningskrav till {dig}.',
      credentials:
        'Länken eller inloggningsuppgifterna skulle kunna ge {recipient} tillgång till {ditt} konto.',
      health: '{Recipient} har kunnat se uppgifter som säger något om {din} hälsa.',
      'special-category': '{Recipient} har kunnat se uppgifter av känsligt slag om {dig}.',
    },
    unconfirmed: {
      'postal-address':
        'Om meddelandet kom fram känner personen till {din} adress och skulle kunna beställa varor i {ditt} namn.',
      health: 'Om meddelandet kom fram kan personen ha sett uppgifter som säger något om {din} hälsa.',
      'special-category': 'Om meddelandet kom fram kan personen ha sett uppgifter av känsligt slag om {dig}.',
    },
  },
  en: {
    confirmed: {
      'customer-number':
        'With {your} name and customer number, {recipient} could call our customer service pretending to be {you}, to learn more about {you} or to change or order things in {your} name.',
      'postal-address': '{Recipient} now knows {your} address and could order goods in {your} name.',
      'national-id-number':
        'With {your} personal identity number, someone could try to borrow money or buy on credit in {your} name.',
      'payment-card': 'The card number could be used for purchases {you} did not make.',
      'account-number': 'The account number could be used in fake payment requests to {you}.',
      credentials: 'The link or login details could give {recipient} access to {your} account.',
      health: '{Recipient} could see details that say something about {your} health.',
      'special-category': '{Recipient} could see sensitive details about {you}.',
    },
    unconfirmed: {
      'postal-address':
        'If the message arrived, the person knows {your} address and could order goods in {your} name.',
      health:
        'If the message arrived, the person may have seen details that say something about {your} health.',
      'special-category': 'If the message arrived, the person may have seen sensitive details about {you}.',
    },
  },
};

/**
 * The check for passwords or login links sent to the wrong address, said where the message itself
 * held one: the notice knows that one was sent, so it never offers to check whether any was, only
 * whether others were besides it (GDPR Art. 5(1)(d) accuracy; Art. 34(2) the measures taken).
 */
export const noticeLoginCheckTexts: Readonly<
  Record<ReportLocale, Readonly<Record<'done' | 'planned' | 'proposed' | 'failed', string>>>
> = {
  sv: {
    done: 'Vi har kontrollerat att inga andra lösenord eller inloggningslänkar än de i {item} har skickats till {wrongDestination}.',
    failed:
      'Vi försökte kontrollera om fler lösenord eller inloggningslänkar än de i {item} har skickats till {wrongDestination}, men kontrollen kunde inte genomföras.',
    planned:
      'Vi kommer att kontrollera om fler lösenord eller inloggningslänkar än de i {item} har skickats till {wrongDestination}.',
    proposed:
      'vi kontrollerar om fler lösenord eller inloggningslänkar än de i {item} har skickats till {wrongDestination}.',
  },
  en: {
    done: 'We checked that no password or login link other than those in {item} was sent to {wrongDestination}.',
    failed:
      'We tried to check whether any password or login link besides those in {item} was sent to {wrongDestination}, but the check could not be carried out.',
    planned:
      'We will check whether any password or login link besides those in {item} was sent to {wrongDestination}.',
    proposed:
      'we check whether any password or login link besides those in {item} was sent to {wrongDestination}.',
  },
};

/**
 * What the notice says of login details that reached the wrong person, by who gives the account a
 * new password (see `loginExposure`): the customer is told to change it, under its own heading as
 * the one thing to do now, only where the organisation has not sent or decided to send a new one;
 * otherwise only not to use unexpected links. `closed`: the link was made invalid and any password
 * replaced, so the details no longer open the account (OWASP Forgot Password Cheat Sheet).
 */
export const noticePasswordTexts: Readonly<
  Record<
    ReportLocale,
    {
      readonly doNowHeading: string;
      readonly changePassword: string;
      readonly unexpectedLinks: string;
      readonly closed: string;
    }
  >
> = {
  sv: {
    doNowHeading: 'Det här bör du göra nu:',
    changePassword: 'Byt lösenord till {ditt} konto hos oss nu, så att ingen annan kan logga in på det.',
    unexpectedLinks: 'Använd inte länkar i meddelanden som du inte väntat dig.',
    closed:
      'Länken och inloggningsuppgifterna i {item} fungerar inte längre och ger ingen tillgång till {ditt} konto.',
  },
  en: {
    doNowHeading: 'What you should do now:',
    changePassword:
      'Change the password of {your} account with us now, so that nobody else can log in to it.',
    unexpectedLinks: 'Do not use links in messages you did not expect.',
    closed: 'The link and login details in {item} no longer work and give no access to {your} account.',
  },
};

/** Whom the notice speaks of as the person the data is about: the customer, or a child through the guardian. */
export type NoticePerson = 'customer' | 'child';

/**
 * The words for the person the data is about, filled into the notice's texts (`{dig}`, `{ditt}`,
 * `{your}`): the customer, spoken to in the second person; or a child, spoken of to the guardian who
 * reads the notice ("ditt barn", "your child"), the guardian staying "du" / "you" in what they are
 * asked to do (GDPR Art. 12(1) with Recital 58, Art. 8(1); föräldrabalken 6 kap. 11 §: the guardian
 * decides in the child's personal matters). Every Swedish possessive becomes the genitive "ditt barns",
 * whatever the gender of the noun after it.
 */
export const noticePersonWords: {
  readonly sv: Readonly<
    Record<
      NoticePerson,
      {
        readonly du: string;
        readonly dig: string;
        readonly din: string;
        readonly ditt: string;
        readonly dina: string;
      }
    >
  >;
  readonly en: Readonly<
    Record<NoticePerson, { readonly you: string; readonly your: string; readonly yours: string }>
  >;
} = {
  sv: {
    customer: { du: 'du', dig: 'dig', din: 'din', ditt: 'ditt', dina: 'dina' },
    child: { du: 'ditt barn', dig: 'ditt barn', din: 'ditt barns', ditt: 'ditt barns', dina: 'ditt barns' },
  },
  en: {
    customer: { you: 'you', your: 'your', yours: 'yours' },
    child: { you: 'your child', your: 'your child’s', yours: 'your child’s' },
  },
};
