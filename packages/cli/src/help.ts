import { exportFormats } from '@teach-in/course-schema';

/** The build's formats as the help writes them: the one list the build accepts, so they agree. */
const formatList = exportFormats.join(',');

export const helpText = {
  main: `teach-in: build union courses from Markdown into LMS packages

Usage:
  teach-in new <folder>                start a course: every kind of question, ready to edit
  teach-in check [paths...]            check courses and report every problem
  teach-in build [paths...] [options]  check, then build packages into dist/
  teach-in readability [paths...]      reading grade of each module's learner text
  teach-in workshop [paths...]         serve courses to a room: phones join, live totals
  teach-in preview <course | package>  preview with live reload and the LMS data beside it
  teach-in translations <action> ...   stamp, status, export and import translations
  teach-in serve [paths...]            run an LTI 1.3 tool: launched from any LMS, grades back

Each path is a course folder (holding course.yaml) or a folder of course folders.
Default: courses

Run "teach-in <command> --help" for a command's options.

Exit codes: 0 ok, 1 the courses have errors (nothing written), 2 bad command line,
3 writing the output failed, 4 Teach-in itself failed (a bug: the message says where
the details were written).
`,
  new: `teach-in new <folder>

Creates a starter course in <folder> (created if missing; it must be empty): course.yaml
with every field explained in a comment, a module that shows each of the ten question
types, a citation, a glossary term, a picture in media/ and a facilitator note, a workshop
kit with a handout, and a README. It passes "teach-in check" as it is. The course id is
the folder's name.

Exit codes: 0 created, 2 bad command line or the folder is not empty, 3 writing failed.
`,
  check: `teach-in check [paths...] [--strict-translations]

Reads every course and module and reports every problem with its file, line and
column, the line itself and a hint. Writes nothing. Translations listed in course.yaml
are checked against their source (parity: errors; stale blocks: warnings).

Options:
  --strict-translations  stale and unstamped translated blocks are errors

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad command line,
4 Teach-in itself failed (a bug).
`,
  build: `teach-in build [paths...] [--format ${formatList}] [--out dist] [--force]

Checks the courses, then writes for each course into <out>/<course-id>/:
  <course-id>.scorm12.zip    SCORM 1.2 package (Moodle, TalentLMS, Docebo, ...)
  <course-id>.scorm2004.zip  SCORM 2004 4th edition package
  <course-id>.cmi5.zip       cmi5 package (cmi5.xml and one assignable unit)
  web/                       offline copy: open web/index.html, no LMS needed
  <course-id>.guide.html     facilitator guide: notes, answer key, workshop kit and
                             handouts; print it on A4 or Letter

Options:
  -f, --format <list>  comma-separated formats (default: ${formatList})
  -o, --out <dir>      output folder (default: dist)
      --force          parse every course and write every format again, even those
                       whose sources, runtime and Teach-in version did not change
                       since they were built
  --strict-translations  stale and unstamped translated blocks are errors
  -h, --help           show this help

Each translation listed in course.yaml gets the same files with its language in the
name (<course-id>.es.scorm12.zip, ...) and the offline copy in web/<lang>/; the build
prints each translation's review status. <out>/.teach-in-parsed/ keeps the parsed
courses, so that a build with nothing changed reads each file once and parses nothing.

If any course has an error, nothing is written and the exit code is 1. A format whose
inputs did not change is left as the last build wrote it (it says "unchanged").
`,
  translations: `teach-in translations status [paths...]
teach-in translations stamp <course> --lang <lang> [--all]
teach-in translations export <course> --lang <lang> [--out file.xlf]
teach-in translations import <course> --lang <lang> --in file.xlf

status  per language and module, the share of blocks up to date with the source
stamp   record before each translated block the hash of its source block (only where
        missing; --all everywhere, once stale blocks are updated)
export  write an XLIFF 2.0 file for a translator, with notes (question type, the
        correct choice, length limits)
import  read it back into modules/<lang>/; refuses, writing nothing, a file whose
        source text changed since the export

docs/translation.md explains the format.
`,
  readability: `teach-in readability [paths...] [--max 9] [--min-ease 60]

Measures how hard each module's learner text is to read, as a US school grade
(Flesch-Kincaid): page titles, text, callouts and questions; not facilitator notes.
Modules above the limit are marked TOO HARD with their longest sentences.
Spanish translations are measured by Fernández-Huerta reading ease (0 to 100,
higher is easier) and must reach --min-ease; docs/translation.md explains both.

Options:
  --max <grade>  the highest grade allowed (default: 9)
  --min-ease <n> the lowest Spanish reading ease allowed (default: 60)
  -h, --help     show this help

Exit codes: 0 every module within the limit, 1 a module above it or course errors,
2 bad command line.
`,
  serve: `teach-in serve [paths...] [options]

Runs the courses as an LTI 1.3 tool (LTI Advantage: Deep Linking, grades, class lists).
An LMS adds it by Dynamic Registration (paste the printed URL), by Canvas's JSON
configuration, or by hand (--platform). Steps per LMS: docs/lti/.

Storage: SQLite in --data by default; PostgreSQL when DATABASE_URL is set (several
serve processes may then share it behind a load balancer).

Options:
  -p, --port <n>            port (default: 8090; 0 picks a free one)
      --host <address>      interface to listen on (default: 127.0.0.1)
      --public-url <url>    the https address LMSs reach the tool at (behind a proxy)
      --data <dir>          SQLite folder (default: .teach-in/lti)
      --platform <file>     register a platform by hand: JSON with issuer, clientId,
                            authLoginUrl, tokenUrl, jwksUrl, deploymentIds (repeatable)
      --rotate-keys         sign with a new key from now on (the old one stays published
                            for two days)
      --retention-days <n>  delete learners' progress and answers after n days (default: 180)
      --forget-learner <id> --issuer <iss>
                            delete one learner's data (the LMS's user id) and exit
      --delete-data         delete everything the tool stores and exit
  -h, --help                show this help
`,
  workshop: `teach-in workshop [paths...] [options]
teach-in workshop --delete-data [--data <dir>]

Serves the courses for an in-person session. Participants open the join address (or
scan the QR code) and join with a nickname only; their progress and answers are kept
in a SQLite database in the data folder. The facilitator opens /facilitator on this
computer and types the token printed at start: live totals per question (never who
answered what), room polls, and a CSV of the totals.

Options:
      --lan                 listen on the local network (default: this computer only)
  -p, --port <n>            port (default: 8080; 0 picks a free one)
      --data <dir>          data folder (default: .teach-in/workshop)
      --retention-days <n>  remove data older than this at start (default: 30)
      --delete-data         erase the database (and its -wal and -shm files), then exit
  -h, --help                show this help

Stop with Ctrl+C. Starting again with the same data folder carries on where the room
left off: participants stay joined and keep their progress.
`,
  preview: `teach-in preview <course-dir | package.zip | package-folder> [--port 0] [--data dir]

Serves the course on http://127.0.0.1 under a SCORM host (scorm-again), like an LMS.
A course folder is rebuilt on every save and the page reloads; errors show in the page
with file:line:column and a hint. Beside the course: every API call it makes with its
arguments and return value, and the current data model (under cmi5: every xAPI
statement and the state documents). Switch between SCORM 1.2, SCORM 2004, cmi5 and no
LMS (web copy); "Start a fresh attempt" forgets the saved attempt. Add #<page address>
to the preview's address to open a page (docs/authoring.md, "Page addresses").

Options:
  -p, --port <n>  port to listen on (default: a free port)
  --data <dir>    where committed attempts are kept, so the next preview resumes them
                  (default: teach-in-preview in the system temp folder)
  -h, --help      show this help

Stop with Ctrl+C. Exit codes: 0 stopped, 1 the package could not be opened (unsafe zip,
no imsmanifest.xml), 2 bad command line.
`,
} as const;
