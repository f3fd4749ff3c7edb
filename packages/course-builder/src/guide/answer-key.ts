import type { Question } from '@teach-in/course-schema';
import { escapeHtml } from '@teach-in/course-schema';
import type { GuideStrings } from './guide-strings.ts';

const list = (items: string[], ordered = false): string =>
  `<${ordered ? 'ol' : 'ul'}>${items.map((item) => `<li>${item}</li>`).join('')}</${ordered ? 'ol' : 'ul'}>`;

/** The answer key a facilitator needs for one question, as HTML (authored parts unsanitized). */
export function answerKey(question: Question, t: GuideStrings): string {
  const right = `<strong class="key">${escapeHtml(t.rightAnswer)}</strong>`;
  switch (question.type) {
    case 'single':
    case 'multiple':
      return list(
        question.choices.map(
          (c) =>
            `${c.html}${c.correct ? ` ${right}` : ''}${c.feedbackHtml ? `<br><span class="feedback">${c.feedbackHtml}</span>` : ''}`,
        ),
      );
    case 'true-false':
      return list(
        question.statements.map(
          (s) =>
            `${s.html}: <strong class="key">${s.answer ? t.trueWord : t.falseWord}</strong>${s.feedbackHtml ? `<br><span class="feedback">${s.feedbackHtml}</span>` : ''}`,
        ),
      );
    case 'matching':
      return list(
        question.prompts.map(
          (p) =>
            `${p.html} → <strong class="key">${escapeHtml(question.targets.find((t) => t.id === p.match)?.text ?? '')}</strong>`,
        ),
      );
    case 'ordering':
      return `<p>${t.rightOrder}</p>${list(
        question.items.map((item) => item.html),
        true,
      )}`;
    case 'fill-in':
      return `<p>${t.accepted} ${question.answers.map((a) => `<strong class="key">${escapeHtml(a)}</strong>`).join(', ')}${question.caseSensitive ? t.caseMatters : ''}</p>`;
    case 'dropdown':
      return `<p>${t.completed} <strong class="key">${escapeHtml(question.sentenceText)}</strong></p>`;
    case 'likert':
      return `<p>${t.likert}${
        question.scale.length ? `: ${escapeHtml(question.scale.join(' / '))}` : ''
      }.</p>`;
    case 'scenario':
      return list(
        question.choices.map((c) => `${c.html}<br><span class="feedback">${c.feedbackHtml}</span>`),
      );
    case 'reflection':
      return `<p>${escapeHtml(t.reflection(question.share))}</p>`;
  }
}
