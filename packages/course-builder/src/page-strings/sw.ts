import type { PageStrings } from './en.ts';

export const sw: PageStrings = {
  awaitingReview:
    'Tafsiri hii inasubiri kukaguliwa na mzungumzaji wa lugha hii kama lugha ya kwanza.',
  languageSwitch: 'Lugha',
  sources: 'Vyanzo',
  callouts: { note: 'Kumbuka', tip: 'Dokezo', important: 'Muhimu', warning: 'Tahadhari' },
  glossary: 'Faharasa',
  references: 'Marejeo',
  referencesIntro: 'Vyanzo ambavyo kila moduli inavitaja, kwa mpangilio vinavyoonekana.',
  citedOn: 'Kimetajwa kwenye:',
  print: {
    intro:
      'Kozi nzima ya kuchapisha: kila moduli, pamoja na maswali na chaguo zake, bila majibu. Tumia Chapisha kwenye kivinjari chako (au Hifadhi kama PDF); inatosha A4 na Letter.',
    trueFalse: 'Kweli / Si kweli',
    matchWith: 'Linganisha kila moja na mojawapo ya:',
    putInOrder: 'Panga kwa mpangilio:',
    video: 'Video',
    audio: 'Sauti',
  },
  media: {
    transcript: 'Nakala ya maneno',
    videoFallback: 'Kivinjari chako hakiwezi kucheza video hii hapa. Ipakue:',
    audioFallback: 'Kivinjari chako hakiwezi kucheza sauti hii hapa. Ipakue:',
  },
  dataNotice: 'Kozi hii inarekodi nini',
  notice: {
    certificate:
      'Cheti cha kumaliza kozi kinaonyesha jina la kozi, jina na nembo ya chama, jina lako, tarehe na msimbo wa uthibitisho wa toleo la kozi. Kinatengenezwa kwenye kifaa hiki na hakitumi chochote.',
    certificateFromLms:
      'Jina lako ni lile jukwaa lako la mafunzo (LMS) linaloipa kozi; linasomwa tu, halirudishwi.',
    certificateTyped: 'Unaandika jina lako mwenyewe; halihifadhiwi.',
    lmsIntro:
      'Kozi hii inatuma data ifuatayo kwenye jukwaa lako la mafunzo (LMS), na hakuna kingine. LMS tayari inakujua kupitia akaunti uliyoingia nayo. Shirika lako ndilo linaamua nani anaweza kuona data hii na itahifadhiwa kwa muda gani.',
    standaloneIntro:
      'Nakala hii ya kozi haitumi chochote kwa mtu yeyote: hakuna jukwaa la mafunzo (LMS) nyuma yake.',
    standaloneProgress:
      'Maendeleo yako na majibu yako yanabaki kwenye kivinjari hiki, kwenye kifaa hiki. Ukifuta data ya kivinjari, yanafutika.',
    outsideLms:
      'Kifurushi hiki kikifunguliwa nje ya LMS, hakitumi chochote na kinahifadhi maendeleo yako kwenye kivinjari hiki.',
    reflectionsStay:
      'Unachoandika kwenye maswali ya kutafakari kinabaki kwenye kifaa hiki. Hakitumwi kamwe kwa LMS.',
    reflectionsShared:
      'Mwandishi wa kozi amechagua kutuma maandishi yako kwa LMS kwa maswali haya ya kutafakari tu:',
    otherReflectionsStay:
      'Unachoandika kwenye maswali mengine ya kutafakari kinabaki kwenye kifaa hiki na hakitumwi kamwe.',
    eachAnswer: 'Kwa kila swali unalojibu:',
    fieldLabel: 'Sehemu ya LMS',
    what: {
      status: 'Kama umemaliza kozi',
      statusAndSuccess: 'Kama umemaliza kozi na, kama ina alama, kama umefaulu',
      success: 'Kama umefaulu',
      location: 'Ukurasa uliopo, ili uweze kurudi hapo',
      progress:
        'Maendeleo yako: kurasa ulizoona, majibu yako, na maswali uliyopewa (si tafakari zako binafsi)',
      exit: 'Kama uliondoka kabla ya kumaliza, ili uweze kuendelea baadaye',
      sessionTime: 'Muda uliotumia kwenye kozi safari hii',
      scoreRaw: 'Alama zako kwa asilimia',
      scoreRange: 'Alama za chini kabisa na za juu kabisa zinazowezekana (0 na 100)',
      scoreScaled: 'Alama zako kama sehemu kati ya 0 na 1',
      interactionId: 'Lilikuwa swali gani',
      interactionType: 'Aina ya swali',
      interactionDescription: 'Maandishi ya swali',
      response: 'Jibu lako, kwa misimbo mifupi (kama “b” kwa chaguo la pili)',
      correctResponse: 'Jibu sahihi, kwa misimbo mifupi',
      result: 'Kama jibu lako lilikuwa sahihi',
      answeredAt: 'Ulijibu lini',
      latency: 'Ulichukua muda gani kujibu',
      moduleResult:
        'Kwa kila moduli: kama uliimaliza na, kama ina alama, alama zako na kama ulifaulu',
    },
  },
};
