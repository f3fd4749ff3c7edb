// The custom-elements manifest (custom-elements.json): `pnpm --filter @teach-in/quiz-elements
// run manifest`, committed, and checked for staleness by test/manifest.test.ts.
import { register } from 'tsx/esm/api';

// The elements take their tags from course-schema's questionTags, which the analyzer cannot
// evaluate; loading the TypeScript table itself keeps the tags declared once.
register();
const { questionTags } = await import('@teach-in/course-schema/scoring');

/** `@customElement(questionTags.single)` or `questionTags['fill-in']`: the tag it names. */
function questionTagsPlugin() {
  return {
    name: 'teach-in-question-tags',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const decorator = ts
        .getDecorators(node)
        ?.find((d) => ts.isCallExpression(d.expression) && d.expression.expression.getText() === 'customElement');
      const argument = decorator?.expression.arguments[0];
      if (!argument) return;
      let key;
      if (ts.isPropertyAccessExpression(argument)) key = argument.name.text;
      else if (ts.isElementAccessExpression(argument) && ts.isStringLiteral(argument.argumentExpression)) {
        key = argument.argumentExpression.text;
      }
      if (key === undefined || argument.expression.getText() !== 'questionTags') return;
      const tag = questionTags[key];
      if (!tag) throw new Error(`questionTags has no "${key}" (${moduleDoc.path})`);
      const definition = moduleDoc.exports?.find(
        (e) => e.kind === 'custom-element-definition' && e.declaration.name === node.name.text,
      );
      if (definition) definition.name = tag;
    },
  };
}

/**
 * The manifest describes what a page author can use: public members only, and events with a
 * name (the analyzer also lists each `dispatchEvent(new SomeEvent(...))` without one), in a
 * stable order.
 */
function publicApiPlugin() {
  return {
    name: 'teach-in-public-api',
    packageLinkPhase({ customElementsManifest }) {
      // Files are read in whatever order the file system lists them; the committed file
      // must not change with that.
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter(
              (m) => !m.privacy || m.privacy === 'public',
            );
          }
          if (declaration.events) declaration.events = declaration.events.filter((e) => e.name);
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/strings/**'],
  outdir: '.',
  litelement: true,
  // package.json's "customElements" field is written by hand, not on every run.
  packagejson: false,
  plugins: [questionTagsPlugin(), publicApiPlugin()],
};
