/**
 * The certificate of completion, printable (or saved as PDF) through the browser. It is
 * made on the device from what the page already holds and the learner's name: the name the
 * LMS gave, or, in the offline copy, the one the learner types (kept nowhere). Printing
 * marks <html> so the print stylesheet shows the certificate alone.
 */
import type { CertificateData } from '@teach-in/course-schema';
import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../strings/index.ts';

export function readCertificate(attribute: string | undefined): CertificateData | undefined {
  if (!attribute) return undefined;
  try {
    const data = JSON.parse(attribute) as CertificateData;
    return typeof data.title === 'string' && typeof data.code === 'string' ? data : undefined;
  } catch {
    return undefined;
  }
}

export interface CertificateState {
  data: CertificateData;
  /** Completed every page and passed (or nothing was scored). */
  earned: boolean;
  /** From the LMS; when absent, the learner types it. */
  lmsName?: string | undefined;
  typedName: string;
  onName: (name: string) => void;
  date: Date;
  language: string;
  t: Strings;
}

export function printCertificate(): void {
  const root = document.documentElement;
  root.classList.add('ti-print-certificate');
  window.addEventListener('afterprint', () => root.classList.remove('ti-print-certificate'), {
    once: true,
  });
  window.print();
}

export function certificateView(state: CertificateState): TemplateResult | typeof nothing {
  const { data, t } = state;
  if (!state.earned) return html`<p class="ti-certificate-later">${t.certificateNotYet}</p>`;
  const name = state.lmsName ?? state.typedName.trim();
  const date = state.date.toLocaleDateString(state.language, { dateStyle: 'long' });
  return html`${
    state.lmsName
      ? nothing
      : html`<p class="ti-certificate-name">
          <label for="ti-certificate-name">${t.yourName}</label>
          <input id="ti-certificate-name" type="text" autocomplete="name" maxlength="80"
            .value=${state.typedName}
            @input=${(event: Event) => state.onName((event.target as HTMLInputElement).value)}>
        </p>`
  }
    <section class="ti-certificate" aria-labelledby="ti-certificate-heading">
      ${data.logo ? html`<img class="ti-certificate-logo" src=${data.logo} alt="">` : nothing}
      ${data.union ? html`<p class="ti-certificate-union">${data.union}</p>` : nothing}
      <h3 id="ti-certificate-heading">${t.certificateHeading}</h3>
      <p>${t.certifies}</p>
      <p class="ti-certificate-learner">${name || '\u00a0'}</p>
      <p>${t.hasCompleted}</p>
      <p class="ti-certificate-course">${data.title}</p>
      <p>${t.onDate(date)}</p>
      <p class="ti-certificate-check">${t.verification(data.courseId, data.version, data.code)}</p>
    </section>
    <p><button type="button" class="ti-print-button" @click=${printCertificate}>
      ${t.printCertificate}
    </button></p>`;
}
