/**
 * The reason a breach is not notified, as the register of breaches states it after "not notified
 * because" ("anmäls inte, eftersom"), for each reason code {@link assessBreach} can give as
 * `notReportedBecause`: the reasons that set the risk level, and the GDPR or the duty in electronic
 * communications not yet applying. GDPR Art.
 * 33(5) has the controller document "the facts relating to the personal data breach, its effects and
 * the remedial action taken", and EDPB Guidelines 9/2022 §95 (WP250 rev.01 section V) the reasoning
 * for not notifying. Each is the short form of the reason's full text in `assessment.reasons`.
 *
 * @example
 * ```ts
 * notNotifiedReasonTexts['internal-recipient']?.[1]; // 'the recipient is inside the organisation and deleted the data'
 * ```
 */
export const notNotifiedReasonTexts: Readonly<Record<string, readonly [string, string]>> = {
  'enisa-score': [
    'uppgifternas allvarlighetsgrad enligt ENISA:s metod är låg',
    'the severity of the data under the ENISA method is low',
  ],
  'large-scale': ['incidenten berör många personer', 'the breach concerns many people'],
  'identity-theft': [
    'uppgifterna kan användas för identitetsstöld',
    'the data can be used for identity theft',
  ],
  'financial-loss': ['uppgifterna kan leda till ekonomisk förlust', 'the data can lead to financial loss'],
  'account-takeover': ['uppgifterna kan öppna ett konto', 'the data can open an account'],
  'many-people': [
    'uppgifter om många personer har nått utomstående',
    'the data of many people reached outsiders',
  ],
  'strict-outsider': [
    'identifierbara uppgifter har lämnat organisationen',
    'identifiable data left the organisation',
  ],
  'internal-recipient': [
    'mottagaren finns inom organisationen och har raderat uppgifterna',
    'the recipient is inside the organisation and deleted the data',
  ],
  'trusted-recipient-not-enough': ['uppgifterna innebär i sig hög risk', 'the data is high-risk in itself'],
  'trusted-recipient': [
    'mottagaren är känd, kan hållas ansvarig och har raderat eller återlämnat uppgifterna',
    'the recipient is known, can be held to account and deleted or returned the data',
  ],
  'other-organisation': [
    'mottagaren, en annan organisation, har skriftligen bekräftat att uppgifterna raderats',
    'the recipient, another organisation, confirmed in writing that the data was deleted',
  ],
  'returned-unopened': [
    'försändelsen kom tillbaka oöppnad och ingen utanför organisationen såg uppgifterna',
    'it came back unopened and nobody outside the organisation saw the data',
  ],
  unintelligible: [
    'uppgifterna var krypterade och nyckeln röjdes inte',
    'the data was encrypted and the key was not exposed',
  ],
  'judged-risk': [
    'den ansvariga har bedömt att risken är osannolik',
    'the responsible person judged the risk unlikely',
  ],
  'gdpr-not-applicable': [
    'incidenten inträffade innan dataskyddsförordningen började tillämpas',
    'the breach happened before the GDPR applied',
  ],
  'eprivacy-not-applicable': [
    'incidenten inträffade innan skyldigheten att anmäla integritetsincidenter i elektronisk kommunikation började gälla',
    'the breach happened before the duty to notify a breach in electronic communications took effect',
  ],
  'no-notification-duty': [
    'ingen lag som gällde när incidenten inträffade krävde att den anmäldes',
    'no law in force when the breach happened required notifying it',
  ],
};
