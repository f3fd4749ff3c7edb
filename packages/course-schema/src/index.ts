export type { ShadeChoice } from './contrast.ts';
export { accessibleShade, contrastRatio, worstContrast } from './contrast.ts';
export type { Diagnostic, DiagnosticDetails, RelatedLocation } from './diagnostic.ts';
export {
  diagnosticAt,
  diagnosticForFile,
  didYouMean,
  formatDiagnostic,
  hasErrors,
  relatedAt,
} from './diagnostic.ts';
export type { DiagnosticCode, Severity } from './diagnostic-codes.ts';
export { diagnosticInfo } from './diagnostic-codes.ts';
export { mapHtmlFields } from './html-fields.ts';
export { escapeHtml, htmlToText } from './html-text.ts';
export type { AnswerDetail, AnswerRecord, Outcome, SavedState } from './learner-data.ts';
export { isQuestionProgress } from './learner-data.ts';
export { outcomeSchema, responseSchema } from './learner-data-schemas.ts';
export type {
  Block,
  CalloutVariant,
  CertificateData,
  CompletionRule,
  Course,
  ExportFormat,
  GlossaryEntry,
  LmsKind,
  Media,
  Module,
  Page,
  Reference,
  ScormVersion,
  TranslationEdition,
  Workshop,
  WorkshopSection,
} from './model.ts';
export { calloutVariants, exportFormats, lmsKinds } from './model.ts';
export type {
  Choice,
  ChoiceQuestion,
  DropdownOption,
  DropdownQuestion,
  DropdownSegment,
  FillInQuestion,
  GradedQuestion,
  LikertQuestion,
  MatchingQuestion,
  MatchPrompt,
  MatchTarget,
  MultipleChoiceQuestion,
  OrderItem,
  OrderingQuestion,
  Question,
  QuestionProgress,
  ReflectionQuestion,
  ScenarioChoice,
  ScenarioQuestion,
  SingleChoiceQuestion,
  Statement,
  TrueFalseQuestion,
} from './question-model.ts';
export { isGraded, questionTags } from './question-model.ts';
export type { QuestionBlock } from './question-schemas.ts';
export { fillInMaxLength, questionSchemas, reflectionMaxLength } from './question-schemas.ts';
export type { GradedQuestionType, QuestionType } from './question-types.ts';
export { gradedQuestionTypes, questionTypes } from './question-types.ts';
export { referenceAnchor } from './reference-anchor.ts';
export type {
  CourseFile,
  FrontMatter,
  TranslatedCourseFile,
  TranslationLanguage,
  TranslationStatus,
  WorkshopFrontMatter,
} from './schemas.ts';
export {
  completionRules,
  courseSchema,
  frontMatterSchema,
  slug,
  translatedCourseSchema,
  translationLanguages,
  translationStatuses,
  workshopFrontMatterSchema,
} from './schemas.ts';
export { correctResponse, isCorrect, normalizeTyped } from './scoring.ts';
export { SourceText } from './source-text.ts';
export type { ColorKey, ColorMode, CourseTheme, Palette, ThemeName } from './themes.ts';
export { builtInTheme, colorKeys, colorPairs, themeCss, themeNames, themes } from './themes.ts';
export { toolBuildId } from './tool-build-id.ts';
