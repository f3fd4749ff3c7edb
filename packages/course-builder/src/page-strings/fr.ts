import type { PageStrings } from './en.ts';

export const fr: PageStrings = {
  awaitingReview:
    'Cette traduction attend la relecture d’une personne dont le français est la langue maternelle.',
  languageSwitch: 'Langue',
  sources: 'Sources',
  callouts: { note: 'Note', tip: 'Conseil', important: 'Important', warning: 'Attention' },
  glossary: 'Glossaire',
  references: 'Références',
  referencesIntro: 'Les sources citées dans chaque module, dans l’ordre où elles apparaissent.',
  citedOn: 'Citée à la page :',
  print: {
    intro:
      'Tout le cours à imprimer : chaque module, avec les questions et leurs choix, sans les réponses. Utilisez Imprimer dans votre navigateur (ou Enregistrer en PDF) ; il tient sur A4 et sur Lettre US.',
    trueFalse: 'Vrai / Faux',
    matchWith: 'Associez chacun à l’un de :',
    putInOrder: 'Mettez dans l’ordre :',
    video: 'Vidéo',
    audio: 'Audio',
  },
  media: {
    transcript: 'Transcription',
    videoFallback: 'Votre navigateur ne peut pas lire cette vidéo ici. Téléchargez-la :',
    audioFallback: 'Votre navigateur ne peut pas lire cet audio ici. Téléchargez-le :',
  },
  dataNotice: 'Ce que ce cours enregistre',
  notice: {
    certificate:
      'L’attestation de réussite affichée à la fin indique le titre du cours, le nom et le logo du syndicat, votre nom, la date et un code de contrôle de l’édition du cours. Elle est créée sur cet appareil et n’envoie rien.',
    certificateFromLms:
      'Votre nom est celui que votre plateforme de formation (LMS) donne au cours ; il est seulement lu, jamais renvoyé.',
    certificateTyped: 'Vous saisissez vous-même votre nom ; il n’est pas conservé.',
    lmsIntro:
      'Ce cours envoie les données suivantes à votre plateforme de formation (LMS), et rien d’autre. La plateforme sait déjà qui vous êtes grâce à votre connexion. Votre organisation décide qui peut voir ces données et combien de temps elles sont gardées.',
    standaloneIntro:
      'Cette copie du cours n’envoie rien à personne : aucune plateforme de formation (LMS) n’est derrière.',
    standaloneProgress:
      'Votre progression et vos réponses restent dans ce navigateur, sur cet appareil. Si vous effacez les données du navigateur, elles sont supprimées.',
    outsideLms:
      'Si ce paquet est ouvert en dehors d’une plateforme de formation, il n’envoie rien et garde votre progression dans ce navigateur.',
    reflectionsStay:
      'Ce que vous écrivez dans les questions de réflexion reste sur cet appareil. Ce n’est jamais envoyé à la plateforme.',
    reflectionsShared:
      'La personne qui a créé le cours a choisi d’envoyer votre texte à la plateforme pour ces questions de réflexion seulement :',
    otherReflectionsStay:
      'Ce que vous écrivez dans les autres questions de réflexion reste sur cet appareil et n’est jamais envoyé.',
    eachAnswer: 'Pour chaque question à laquelle vous répondez :',
    fieldLabel: 'Champ du LMS',
    what: {
      status: 'Si vous avez terminé le cours',
      statusAndSuccess: 'Si vous avez terminé le cours et, s’il est noté, si vous avez réussi',
      success: 'Si vous avez réussi',
      location: 'La page où vous êtes, pour que vous puissiez y revenir',
      progress:
        'Votre progression : les pages vues, vos réponses et les questions qui vous ont été posées (pas vos réflexions privées)',
      exit: 'Si vous avez quitté le cours avant la fin, pour que vous puissiez continuer plus tard',
      sessionTime: 'Le temps passé dans le cours cette fois-ci',
      scoreRaw: 'Votre score en pourcentage',
      scoreRange: 'Le score le plus bas et le plus haut possibles (0 et 100)',
      scoreScaled: 'Votre score sous forme de fraction de 0 à 1',
      interactionId: 'De quelle question il s’agit',
      interactionType: 'Le type de question',
      interactionDescription: 'Le texte de la question',
      response: 'Votre réponse, en codes courts (par exemple « b » pour le deuxième choix)',
      correctResponse: 'La bonne réponse, en codes courts',
      result: 'Si votre réponse était juste',
      answeredAt: 'Quand vous avez répondu',
      latency: 'Le temps que vous avez mis pour répondre',
      moduleResult:
        'Pour chaque module : si vous l’avez terminé et, s’il est noté, votre score et si vous avez réussi',
    },
  },
};
