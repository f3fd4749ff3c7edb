export type { Diagnostic, DiagnosticDetails } from './diagnostic.ts';
export {
  diagnosticAt,
  diagnosticForFile,
  didYouMean,
  formatDiagnostic,
  hasErrors,
} from './diagnostic.ts';
export type { DiagnosticCode, Severity } from './diagnostic-codes.ts';
export { diagnosticInfo } from './diagnostic-codes.ts';
export type {
  Block,
  CalloutVariant,
  Choice,
  ChoiceQuestion,
  CompletionRule,
  Course,
  ExportFormat,
  LmsKind,
  Module,
  MultipleChoiceQuestion,
  Page,
  Question,
  Reference,
  SingleChoiceQuestion,
} from './model.ts';
export { calloutVariants, exportFormats } from './model.ts';
export type { CourseFile, FrontMatter, QuestionBlock, QuestionType } from './schemas.ts';
export {
  completionRules,
  courseSchema,
  frontMatterSchema,
  questionSchemas,
  questionTypes,
  slug,
} from './schemas.ts';
export { SourceText } from './source-text.ts';
