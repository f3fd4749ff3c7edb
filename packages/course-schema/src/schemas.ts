import { z } from 'zod';
import { type ColorKey, colorKeys, themeNames } from './themes.ts';

/** Lower-case words joined by dashes: safe in file names, URLs and LMS identifiers. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single dashes');

/** Citation keys: letters, digits, dashes, underscores and dots. */
const sourceKey = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
export const sourcesSchema = z.record(sourceKey, z.string().min(1));

export const completionRules = ['all-pages', 'assessment-passed', 'both'] as const;

/** Languages with interface strings (the quiz issue adds the other four). */
export const courseLanguage = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'use a language code such as en or es');

/** A calendar date written YYYY-MM-DD that exists (no 31 June). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date written YYYY-MM-DD, such as 2027-04-01')
  .refine((value) => {
    // A value not written YYYY-MM-DD is already reported by the pattern above.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return true;
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
  }, 'no such day in the calendar');

const hexColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'use a six-digit hex colour such as #9b1c1c')
  .transform((hex) => hex.toLowerCase());

/** Some of a theme's colours, each optional; unknown names get a did-you-mean. */
const palettePart = z.strictObject(
  Object.fromEntries(colorKeys.map((key) => [key, hexColor.optional()])) as Record<
    ColorKey,
    z.ZodOptional<typeof hexColor>
  >,
);

/** Languages a course can be translated into: those with interface strings in the builder. */
export const translationLanguages = ['en', 'es', 'fr', 'hi', 'sw'] as const;
export type TranslationLanguage = (typeof translationLanguages)[number];

export const courseSchema = z.strictObject({
  id: slug,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'use a version such as 1.0.0'),
  // The SCORM 1.2 manifest schema caps <title> at 200 characters.
  title: z.string().min(1).max(200),
  language: courseLanguage,
  audience: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
  passing_score: z.number().int().min(0).max(100),
  modules: z.array(z.string().min(1)),
  /** The union the course comes from: its name and logo in the header and on the certificate. */
  union: z
    .strictObject({
      name: z.string().min(1).max(120),
      /** An SVG or PNG file in the course folder. */
      logo: z.string().min(1).optional(),
    })
    .optional(),
  theme: z
    .strictObject({
      name: z.enum(themeNames).optional(),
      accent: hexColor.optional(),
      /** Any of the theme's colours, light mode. */
      colors: palettePart.optional(),
      /** Colours for dark mode (the device's setting). */
      dark: palettePart.optional(),
    })
    .optional(),
  /** The end of the course: what to do next, and whether to offer a certificate. */
  end: z
    .strictObject({
      /** Markdown shown on the summary page after the results. */
      next: z.string().min(1).optional(),
      /** A printable certificate of completion; on unless set to false. */
      certificate: z.boolean().optional(),
    })
    .optional(),
  tracking: z
    .strictObject({
      completion: z.enum(completionRules).optional(),
    })
    .optional(),
  sources: sourcesSchema.optional(),
  /** The workshop kit for organizers, a Markdown file in the course folder. */
  workshop: z.string().min(1).optional(),
  /** Terms defined once for the whole course, shown in place where they are used. */
  glossary: z.record(z.string().min(1).max(60), z.string().min(1)).optional(),
  /** When the legal content was last checked against its sources. */
  checked: isoDate.optional(),
  /** When it must be checked again; `check` and `build` warn once this day has passed. */
  recheck: isoDate.optional(),
  /** Languages with a translation beside the source: `<lang>/course.yaml`, `modules/<lang>/`. */
  translations: z.array(z.enum(translationLanguages)).optional(),
});
export type CourseFile = z.infer<typeof courseSchema>;

export const frontMatterSchema = z.strictObject({
  id: slug,
  title: z.string().min(1),
  minutes: z.number().int().positive().optional(),
  objectives: z.array(z.string().min(1)).optional(),
  sources: sourcesSchema.optional(),
  /** Question pools: the course draws `draw` of the questions marked `pool: <key>`. */
  pools: z.record(slug, z.strictObject({ draw: z.number().int().min(1) })).optional(),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const workshopFrontMatterSchema = z.strictObject({
  title: z.string().min(1),
  minutes: z.number().int().positive(),
  audience: z.string().min(1).optional(),
});
export type WorkshopFrontMatter = z.infer<typeof workshopFrontMatterSchema>;

export const translationStatuses = ['awaiting-native-review', 'reviewed'] as const;
export type TranslationStatus = (typeof translationStatuses)[number];

/**
 * `<lang>/course.yaml`: the translated text of the course-level fields. Everything else
 * (id, version, modules, sources, tracking, theme, union) stays in the source and applies
 * to every language. The glossary is keyed by the source term so the parity check can match.
 */
export const translatedCourseSchema = z.strictObject({
  status: z.enum(translationStatuses),
  title: z.string().min(1).max(200),
  audience: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
  glossary: z
    .record(
      z.string().min(1).max(60),
      z.strictObject({ term: z.string().min(1).max(60), definition: z.string().min(1) }),
    )
    .optional(),
  /** The summary page's "what to do next", translated (else the source's text is used). */
  end: z.strictObject({ next: z.string().min(1).optional() }).optional(),
});
export type TranslatedCourseFile = z.infer<typeof translatedCourseSchema>;
