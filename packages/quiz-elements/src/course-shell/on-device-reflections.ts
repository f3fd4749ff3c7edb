/**
 * Reflections whose author did not opt in to sharing never go into the state the LMS
 * stores; they are kept in this browser's localStorage, under one key per course.
 */
import type { QuestionProgress } from '@teach-in/course-schema';
import type { ShellQuestion } from './shell-question.ts';

export const reflectionsKey = (courseKey: string) => `teach-in:${courseKey}:reflections`;

export function readFromDevice(key: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Saves the progress of these (answered, private) reflections on the device. */
export function keepOnDevice(key: string, reflections: readonly ShellQuestion[]): void {
  if (reflections.length === 0) return;
  const kept: Record<string, QuestionProgress> = {};
  for (const question of reflections) kept[question.questionId] = question.progress;
  try {
    localStorage.setItem(key, JSON.stringify(kept));
  } catch {
    // Storage full or blocked: the reflection stays on screen for this visit only.
  }
}
