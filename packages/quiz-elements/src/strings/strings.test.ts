import { expect, fixture, html } from '@open-wc/testing';
import '../course-shell/course-shell.ts';
import { loadCourseCss, normalized } from '../../test-support/shell-test-support.ts';
import type { CourseShellElement } from '../course-shell/course-shell.ts';
import { en } from './en.ts';
import { interfaceLanguages, stringsFor } from './index.ts';

/** Every value a string table gives, with its functions called on sample numbers. */
function texts(table: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(table).map(([key, value]) => [
      key,
      typeof value === 'function'
        ? String((value as (...n: number[]) => string)(3, 7))
        : String(value),
    ]),
  );
}

async function mountIn(lang: string, dir = 'ltr'): Promise<CourseShellElement> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang} dir=${dir}>
    <ti-course>
      <section class="ti-page" data-page-id="a" data-module-id="m"><p class="ti-module-title">M</p><h2 id="p1">A</h2></section>
      <section class="ti-page" data-page-id="b" data-module-id="m"><p class="ti-module-title">M</p><h2 id="p2">B</h2></section>
      <section class="ti-page" data-page-id="c" data-module-id="m"><p class="ti-module-title">M</p><h2 id="p3">C</h2></section>
    </ti-course>
  </div>`);
  const el = wrapper.querySelector('ti-course')!;
  el.goTo(1);
  await el.updateComplete;
  return el;
}

const shellText = (el: CourseShellElement) => ({
  contents: normalized(el.querySelector('.ti-contents-toggle')?.textContent),
  previous: normalized(el.querySelector('.ti-previous')?.textContent),
  next: normalized(el.querySelector('.ti-next')?.textContent),
  progress: normalized(el.querySelector('.ti-progress-text')?.textContent),
  navigation: el.querySelector('.ti-shell nav')?.getAttribute('aria-label'),
});

describe('interface strings', () => {
  it('has every key, filled and different from English where words differ, in each language', () => {
    const keys = Object.keys(en).sort();
    for (const [language, table] of Object.entries(interfaceLanguages)) {
      expect(Object.keys(table).sort(), language).to.deep.equal(keys);
      for (const [key, text] of Object.entries(texts(table))) {
        expect(text.trim(), `${language}.${key}`).not.to.equal('');
      }
      if (language !== 'en') {
        expect(texts(table).checkAnswer, `${language} is translated`).not.to.equal(en.checkAnswer);
      }
    }
  });

  it('puts the numbers into the sentence in every language', () => {
    for (const [language, table] of Object.entries(interfaceLanguages)) {
      expect(table.pageOf(3, 7), language).to.include('3').and.to.include('7');
      expect(table.score(85), language).to.include('85');
      expect(table.unanswered(1), language).to.include('1');
      expect(table.unanswered(4), language).to.include('4');
    }
  });

  it('picks the base language of a regional code and falls back to English', () => {
    expect(stringsFor('es-MX')).to.equal(interfaceLanguages.es);
    expect(stringsFor('fr_CA')).to.equal(interfaceLanguages.fr);
    expect(stringsFor('HI')).to.equal(interfaceLanguages.hi);
    expect(stringsFor('sw-KE')).to.equal(interfaceLanguages.sw);
    expect(stringsFor('de')).to.equal(en);
    expect(stringsFor('')).to.equal(en);
  });

  const expected = {
    en: ['Contents', 'Previous', 'Next', 'Page 2 of 3', 'Course navigation'],
    es: ['Contenido', 'Anterior', 'Siguiente', 'Página 2 de 3', 'Navegación del curso'],
    fr: ['Sommaire', 'Précédent', 'Suivant', 'Page 2 sur 3', 'Navigation du cours'],
    hi: ['विषय-सूची', 'पीछे', 'आगे', 'पेज 3 में से 2', 'कोर्स में आगे-पीछे जाएँ'],
    sw: ['Yaliyomo', 'Rudi', 'Endelea', 'Ukurasa 2 kati ya 3', 'Urambazaji wa kozi'],
  };
  for (const [language, [contents, previous, next, progress, navigation]] of Object.entries(
    expected,
  )) {
    it(`labels the shell in ${language} from the closest [lang]`, async () => {
      const el = await mountIn(language);
      expect(shellText(el)).to.deep.equal({ contents, previous, next, progress, navigation });
    });
  }

  it('falls back to English in a right-to-left course, with Next at the inline end', async () => {
    await loadCourseCss();
    const el = await mountIn('ar', 'rtl');
    expect(shellText(el).next).to.equal('Next');
    const previous = el.querySelector('.ti-previous')!.getBoundingClientRect();
    const next = el.querySelector('.ti-next')!.getBoundingClientRect();
    expect(next.right, 'Next sits left of Previous in rtl').to.be.lessThan(previous.left);
  });
});
