import type { Strings } from './en.ts';

/** Hindi: everyday Hindi (Devanagari), "आप" form, common loanwords where people use them. */
export const hi: Strings = {
  checkAnswer: 'जवाब जाँचें',
  chooseFirst: 'पहले एक जवाब चुनें।',
  correct: 'सही।',
  incorrect: 'पूरी तरह सही नहीं।',
  rightAnswerIs: 'सही जवाब:',
  rightAnswer: 'सही जवाब',
  yourChoice: 'आपका चुनाव',
  hint: 'संकेत',
  next: 'आगे',
  previous: 'पीछे',
  finish: 'पूरा करें',
  pageOf: (n, total) => `पेज ${total} में से ${n}`,
  courseNavigation: 'कोर्स में आगे-पीछे जाएँ',
  progress: 'प्रगति',
  resultsHeading: 'आपका नतीजा',
  score: (percent) => `आपका स्कोर: ${percent}%।`,
  passed: 'आप पास हो गए।',
  failed: 'इस बार आप पास होने के अंक तक नहीं पहुँचे।',
  passMark: (percent) => `पास होने के लिए ${percent}% चाहिए।`,
  unanswered: (count) =>
    count === 1 ? '1 सवाल का जवाब नहीं दिया गया।' : `${count} सवालों के जवाब नहीं दिए गए।`,
  completed: 'आपने यह कोर्स पूरा कर लिया है।',
  contents: 'विषय-सूची',
  currentPage: 'आप यहाँ हैं',
  seenPage: 'देखा गया',
  aboutThisCourse: 'इस कोर्स के बारे में',
  backToCourse: 'कोर्स पर वापस जाएँ',
};
