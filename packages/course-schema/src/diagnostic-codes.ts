/**
 * Every diagnostic the toolchain can report. The `satisfies` clause means a code cannot
 * ship without a summary and a default hint an author can act on.
 */
interface DiagnosticInfo {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly hint: string;
}

export const diagnosticInfo = {
  'yaml-syntax': {
    severity: 'error',
    summary: 'YAML syntax error',
    hint: 'Check the indentation and quote any value that contains a colon followed by a space.',
  },
  'missing-field': {
    severity: 'error',
    summary: 'A required field is missing',
    hint: 'Add the field; docs/authoring.md lists every field with an example.',
  },
  'unknown-field': {
    severity: 'error',
    summary: 'Unknown field',
    hint: 'Remove the field or fix its spelling; docs/authoring.md lists the fields.',
  },
  'invalid-value': {
    severity: 'error',
    summary: 'Invalid value',
    hint: 'docs/authoring.md shows what each field accepts.',
  },
  'missing-front-matter': {
    severity: 'error',
    summary: 'The module has no front matter',
    hint: 'Start the file with a block between two lines of three dashes (---) holding id and title.',
  },
  'missing-module-file': {
    severity: 'error',
    summary: 'A module listed in course.yaml does not exist',
    hint: 'Check the path; it is relative to the folder that holds course.yaml.',
  },
  'yaml-aliases': {
    severity: 'error',
    summary: 'YAML aliases expand to too much data',
    hint: 'Write the values out instead of repeating them with &name and *name aliases: a few aliases are fine, but ones that multiply are refused so a file cannot exhaust the machine.',
  },
  'tab-indentation': {
    severity: 'error',
    summary: 'YAML indented with a tab',
    hint: 'YAML allows only spaces for indentation: replace the tabs with spaces (two per level). Many editors have "Convert indentation to spaces".',
  },
  'invalid-utf8': {
    severity: 'error',
    summary: 'The file is not valid UTF-8 text',
    hint: 'Save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8). Text copied from an old document is often in another encoding.',
  },
  'unreadable-file': {
    severity: 'error',
    summary: 'A file cannot be read',
    hint: 'Check that the file exists and that you may read it.',
  },
  'module-too-large': {
    severity: 'error',
    summary: 'The module file is too large',
    hint: 'Split it into several modules, and keep pictures and media in media/ rather than pasted into the text. A module is at most 1 MB.',
  },
  'unclosed-quiz': {
    severity: 'error',
    summary: 'A quiz block is not closed',
    hint: 'End the quiz block with a line of three backticks (```) after its last field; without it, everything after the opening line is read as the quiz.',
  },
  'markdown-too-deep': {
    severity: 'error',
    summary: 'Markdown nested too deeply',
    hint: 'Flatten it: a quote inside a quote inside a quote, or a list dozens of levels deep, cannot be read on a phone either. Use headings and short lists.',
  },
  'raw-html-removed': {
    severity: 'warning',
    summary: 'HTML that the package removes',
    hint: 'Remove it: a package never runs script or loads other sites. docs/authoring.md shows what to write instead.',
  },
  'symlink-outside-course': {
    severity: 'error',
    summary: 'A symbolic link leads outside the course folder',
    hint: 'Copy the file itself into the course folder instead of linking to it: Teach-in never packages a file from outside the course folder.',
  },
  'unsafe-link': {
    severity: 'error',
    summary: 'A link that a package must not open',
    hint: 'Link to a web page (https://...) or to a file in the course folder.',
  },
  'module-outside-course': {
    severity: 'error',
    summary: 'A module listed in course.yaml is outside the course folder',
    hint: 'Move or copy the module into the course folder (for example modules/) and list it with a path from the folder that holds course.yaml.',
  },
  'module-not-a-file': {
    severity: 'error',
    summary: 'A module listed in course.yaml is a folder',
    hint: 'List each module file, like modules/who-decides.md, not the folder that holds them.',
  },
  'duplicate-module-entry': {
    severity: 'error',
    summary: 'A module is listed twice in course.yaml',
    hint: 'Remove the second entry: a module appears once in a course. To show a page again, link to it.',
  },
  'duplicate-module-id': {
    severity: 'error',
    summary: 'Two modules share an id',
    hint: 'Give each module its own id; ids name the module in the LMS reports.',
  },
  'duplicate-question-id': {
    severity: 'error',
    summary: 'Two questions share an id',
    hint: 'Question ids must be unique in the course: the LMS reports answers by id.',
  },
  'no-correct-choice': {
    severity: 'error',
    summary: 'No choice is marked correct',
    hint: 'Mark the right answer with "correct: true".',
  },
  'too-many-correct': {
    severity: 'error',
    summary: 'A single-choice question has more than one correct choice',
    hint: 'Keep one "correct: true", or use "type: multiple" so learners can pick several.',
  },
  'unknown-question-type': {
    severity: 'error',
    summary: 'Unknown question type',
    hint: 'Use one of the question types listed in docs/authoring.md.',
  },
  'bad-blank': {
    severity: 'error',
    summary: 'A dropdown blank is not written right',
    hint: 'Write each blank as [[wrong|(right)|wrong]]: two or more options split by |, exactly one in parentheses.',
  },
  'duplicate-choice': {
    severity: 'error',
    summary: 'Two answers have the same text',
    hint: 'Give each answer its own wording, or learners cannot tell them apart.',
  },
  'unknown-pool': {
    severity: 'error',
    summary: 'The question names a pool that is not defined',
    hint: 'Define it in the module front matter: pools: followed by the key and draw: how many to ask.',
  },
  'pool-too-small': {
    severity: 'error',
    summary: 'A pool draws more questions than it has',
    hint: 'Lower "draw", or add questions with "pool:" set to this pool.',
  },
  'undefined-citation': {
    severity: 'error',
    summary: 'Citation to a source that is not defined',
    hint: 'Add the source under "sources:" in the module front matter or in course.yaml.',
  },
  'link-outside-course': {
    severity: 'error',
    summary: 'Link or image points outside the course folder',
    hint: 'Copy the file into the course folder (for example media/) and link to it there.',
  },
  'missing-file': {
    severity: 'error',
    summary: 'Link or image points to a file that does not exist',
    hint: 'Check the spelling and letter case: some LMSs (Canvas) treat File.png and file.png as different files.',
  },
  'remote-image': {
    severity: 'error',
    summary: 'Image loaded from another site',
    hint: 'Download the image into the course folder (for example media/): a package must not contact other sites, which would reveal learners to them.',
  },
  'unsafe-file-name': {
    severity: 'warning',
    summary: 'File name has characters some LMSs reject',
    hint: 'Use only letters, digits, dot, dash, underscore and parentheses in file names.',
  },
  'empty-module': {
    severity: 'error',
    summary: 'The module has no content',
    hint: 'Add at least one "## heading" followed by text; each level-2 heading starts a page.',
  },
  'empty-page': {
    severity: 'warning',
    summary: 'The page has a heading but no content',
    hint: 'Add text under the heading, or remove the heading.',
  },
  'unknown-callout': {
    severity: 'error',
    summary: 'Unknown callout type',
    hint: 'Use [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!FACILITATOR].',
  },
  'no-modules': {
    severity: 'error',
    summary: 'The course lists no modules',
    hint: 'List module files under "modules:" in course.yaml.',
  },
  'state-too-large': {
    severity: 'error',
    summary: 'Saved progress could grow past what SCORM 1.2 can store',
    hint: 'Split the course into two or more courses, or use fewer or shorter questions (fill-in and ordering questions take the most room). SCORM 2004 stores much more, but TalentLMS and some others take only SCORM 1.2.',
  },
  'recheck-due': {
    severity: 'warning',
    summary: 'The recheck date of the legal content has passed',
    hint: 'Check the legal statements of the modules named against current sources, update them, then set "checked:" to today and "recheck:" to a new date.',
  },
  'recheck-before-checked': {
    severity: 'error',
    summary: 'The recheck date is before the date the content was checked',
    hint: 'Set "recheck:" to a day after "checked:".',
  },
  'no-course': {
    severity: 'error',
    summary: 'No course.yaml found',
    hint: 'Give a course folder (one that holds course.yaml) or a folder of course folders.',
  },
  // Branding and themes (course.yaml `union:` and `theme:`).
  'low-contrast': {
    severity: 'error',
    summary: 'Two of the course colours have too little contrast',
    hint: 'Choose a darker or lighter colour: WCAG 2.2 AA needs 4.5:1 for text and 3:1 for borders and focus rings (the high-contrast theme asks 7:1 and 4.5:1).',
  },
  'accent-darkened': {
    severity: 'warning',
    summary: 'The accent colour has too little contrast and is darkened in the build',
    hint: 'Use the colour named here, or a darker shade of your own, to keep the look you choose.',
  },
  'bad-logo': {
    severity: 'error',
    summary: 'The logo is not an SVG or PNG file in the course folder',
    hint: 'Put the logo in the course folder (for example media/logo.svg) and give its path relative to course.yaml.',
  },
  // Video and audio (docs/authoring.md, "Video and audio").
  'missing-captions': {
    severity: 'error',
    summary: 'The video has no captions',
    hint: 'Put a WebVTT captions file with the same name beside the video (media/talk.vtt for media/talk.mp4). Members who are deaf or watch without sound need them (WCAG 2.2 AA, 1.2.2).',
  },
  'missing-transcript': {
    severity: 'error',
    summary: 'The audio file has no transcript',
    hint: 'Put the transcript in a Markdown file beside the audio (media/interview.transcript.md for media/interview.mp3). Members who are deaf or cannot play sound need it (WCAG 2.2 AA, 1.2.1).',
  },
  'missing-poster': {
    severity: 'warning',
    summary: 'The video has no poster image',
    hint: 'Put a still from the video beside it with the same name (media/talk.jpg, .png or .webp): videos load nothing until played, so without one learners see an empty box.',
  },
  'large-media': {
    severity: 'warning',
    summary: 'The media file is large for phones',
    hint: 'Members often learn on metered phone data: shorten the file, lower its resolution or bit rate (720p or less, about 1 Mbit/s for talks), or split it.',
  },
  'external-video': {
    severity: 'error',
    summary: 'Video or audio from another site cannot be placed in a course',
    hint: 'Download the file into the course folder (with its captions) and place that. Players from YouTube and the like tell the site who is watching, and do not play offline or in LMSs that block other sites. A plain link [title](https://...) is fine.',
  },
  'media-not-alone': {
    severity: 'error',
    summary: 'Video and audio must stand on a line of their own',
    hint: 'Put ![Title](media/file.mp4) on its own line, with an empty line before and after, outside callouts and lists.',
  },
  // Translations (docs/translation.md): files beside their source, kept in step with it.
  'missing-translation-file': {
    severity: 'error',
    summary: 'A file of a listed translation is missing',
    hint: 'Each language under "translations:" needs <lang>/course.yaml, modules/<lang>/<file>.md for every module and <lang>/workshop.md when the course has a workshop; add the file, or remove the language until it is done.',
  },
  'translation-same-language': {
    severity: 'error',
    summary: 'A course cannot be translated into its own language',
    hint: 'List only the other languages under "translations:"; the source language is "language:".',
  },
  'translation-page-mismatch': {
    severity: 'error',
    summary: 'The translation does not have the same pages as its source',
    hint: 'Keep the same headings (# and ##) in the same order as the source, one for one: each starts a page.',
  },
  'translation-block-mismatch': {
    severity: 'error',
    summary: 'The translation does not have the same blocks as its source',
    hint: 'Translate block for block: one paragraph, list, table, callout or quiz for each of the source, in the same order. Do not merge or split paragraphs.',
  },
  'translation-question-mismatch': {
    severity: 'error',
    summary: 'A question of the translation differs from its source',
    hint: "Keep the question's id, type, settings, the number of choices (pairs, items, scale points, blanks) and the correct ones exactly as in the source; translate only the text learners read.",
  },
  'translation-citation-mismatch': {
    severity: 'error',
    summary: 'The translation cites other sources than its source',
    hint: 'Keep each citation ([^key]) with its key, on the same page as in the source.',
  },
  'translation-media-mismatch': {
    severity: 'error',
    summary: 'The translation uses other files than its source',
    hint: 'Use the same media files and linked files as the source (translate the alt text only).',
  },
  'translation-glossary-mismatch': {
    severity: 'error',
    summary: 'The translated glossary does not have the same keys as the source',
    hint: 'Key each entry of <lang>/course.yaml "glossary:" by the source term, with the translated "term:" and "definition:" under it.',
  },
  'translation-field-mismatch': {
    severity: 'error',
    summary: 'A field of the translation differs from its source',
    hint: 'Keep "id" and "minutes" as in the source, and translate "title", "objectives", "audience" and "description" where the source has them.',
  },
  'translation-stale': {
    severity: 'warning',
    summary: 'The source block changed after it was translated',
    hint: 'Update the translation to match the source, then run "teach-in translations stamp <course> --lang <lang>" to record that it is up to date again.',
  },
  'translation-unstamped': {
    severity: 'warning',
    summary: 'Translated blocks have no record of the source they were made from',
    hint: 'Run "teach-in translations stamp <course> --lang <lang>" once the translation matches its source: it records each source block\'s hash so later changes are found.',
  },
  'translation-untranslated': {
    severity: 'warning',
    summary: 'A source block has no translation',
    hint: 'Translate the block and place it at the same position, then run "teach-in translations stamp".',
  },
  'xliff-invalid': {
    severity: 'error',
    summary: 'The XLIFF file cannot be read',
    hint: 'Import a file made by "teach-in translations export", edited only inside its <target> elements.',
  },
  'xliff-source-changed': {
    severity: 'error',
    summary: 'The source text changed since this XLIFF file was exported',
    hint: 'Export a new file with "teach-in translations export", carry the translations over, and import that one; nothing was written.',
  },
} as const satisfies Record<string, DiagnosticInfo>;

export type DiagnosticCode = keyof typeof diagnosticInfo;
export type Severity = DiagnosticInfo['severity'];
