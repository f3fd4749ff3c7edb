/**
 * Reading ease of Spanish text: the Fernández-Huerta formula (J. Fernández Huerta, "Medidas
 * sencillas de lecturabilidad", Consigna 214, 1959), Flesch's reading ease re-weighted for
 * Spanish, in the form used since its misprint was corrected (G. Law, "Error in the
 * Fernández Huerta readability formula", 2011): 206.84 - 0.60 x syllables per 100 words -
 * 1.02 x words per sentence. 100 is very easy; 60 to 70 is "normal" (plain prose for an
 * adult reader, like Flesch 60-70 or about US grade 8-9 in English); under 50 is difficult.
 *
 * No npm library computes it, and the one Spanish syllable splitter there (silabea 1.0.0)
 * is a single 2024 release that installs mocha and chai at run time, so the syllables are
 * counted here, by the rules of Spanish spelling (RAE, Ortografía 2010, 4.1): each vowel
 * group is one syllable (a diphthong or triphthong) except where two strong vowels meet
 * (a, e, o, or an accented í or ú: hiatus); u is silent in que, qui, gue, gui; y is a vowel
 * at the end of a word or on its own.
 */

export interface SpanishReadability {
  /** Fernández-Huerta reading ease, rounded to one decimal. */
  score: number;
  sentences: number;
  words: number;
  syllables: number;
  /** The longest sentences, to show an author where to start. */
  longest: string[];
}

/** The lowest score the curriculum's Spanish modules may have: "normal" or easier. */
export const spanishMinimumEase = 60;

const strong = new Set([...'aeoáéíóú']);
const vowels = new Set([...'aeiouáéíóúü']);

/** Syllables in one Spanish word (letters only; digits count as one). */
export function spanishSyllables(word: string): number {
  const w = word
    .toLowerCase()
    .replace(/[^a-záéíóúüñ]/g, '')
    // A silent u: que, qui, gue, gui (güe, güi keep theirs).
    .replace(/([qg])u([eiéí])/g, '$1$2')
    // y is a vowel at the end of a word (hoy, muy) or alone (y): as i.
    .replace(/y$/, 'i');
  if (w === '') return word.trim() === '' ? 0 : 1;
  let count = 0;
  let previous = '';
  for (const letter of w) {
    if (!vowels.has(letter)) {
      previous = '';
      continue;
    }
    // A new syllable starts at a vowel after a consonant, or between two strong vowels.
    if (previous === '' || (strong.has(previous) && strong.has(letter))) count++;
    previous = letter;
  }
  return Math.max(1, count);
}

/** Sentences: split at . ! ? … followed by a space, and at line breaks (items, headings). */
function sentencesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?…])["')\]»]*\s+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /[\p{L}0-9]/u.test(s));
}

const wordsOf = (sentence: string): string[] =>
  sentence.split(/\s+/).filter((w) => /[\p{L}0-9]/u.test(w));

export function spanishReadability(text: string): SpanishReadability {
  const sentences = sentencesOf(text);
  const words = sentences.flatMap(wordsOf);
  const syllables = words.reduce((sum, word) => sum + spanishSyllables(word), 0);
  const perHundred = words.length === 0 ? 0 : (100 * syllables) / words.length;
  const wordsPerSentence = sentences.length === 0 ? 0 : words.length / sentences.length;
  const score = words.length === 0 ? 100 : 206.84 - 0.6 * perHundred - 1.02 * wordsPerSentence;
  const longest = [...sentences].sort((a, b) => wordsOf(b).length - wordsOf(a).length).slice(0, 3);
  return {
    score: Math.round(score * 10) / 10,
    sentences: sentences.length,
    words: words.length,
    syllables,
    longest,
  };
}
