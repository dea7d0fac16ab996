import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const generated = fileURLToPath(new URL('./src/gql/', import.meta.url));
const PREFIX = '\0cp-graphql-document:';

/**
 * Builds only: replaces each `graphql(`…`)` call with an import of that one
 * document, in a module of its own, as GraphQL Code Generator's Babel and SWC
 * plugins do (this build has neither). The client preset's graphql() looks its
 * argument up in src/gql/gql.ts, a map of every document in the app, and even
 * imported by name from src/gql/graphql.ts the documents would stay one module,
 * hence one chunk: the first screen downloaded every screen's documents. One
 * module per document goes with the code that uses it. The document's content
 * is the one codegen wrote in src/gql/graphql.ts (fragments included). Fails
 * the build on a document codegen has not seen (it has not run since).
 */
export function graphqlDocuments(): Plugin {
  let names: Map<string, string>;
  let documents: Map<string, string>;
  return {
    name: 'cp:graphql-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      names = documentNames(readFileSync(`${generated}gql.ts`, 'utf8'));
      documents = documentContents(readFileSync(`${generated}graphql.ts`, 'utf8'));
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : null;
    },
    load(id) {
      return id.startsWith(PREFIX) ? `export default ${documents.get(id.slice(PREFIX.length))};` : null;
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.startsWith(generated) || !code.includes('graphql(`')) return null;
      const used = new Set<string>();
      const replaced = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (call, source: string) => {
        const name = names.get(source);
        if (!name || !documents.has(name)) this.error(`${id}: a graphql() document is not in src/gql/: run codegen`);
        used.add(name);
        // As many lines as the call had, so later lines (and their source positions) stay where they were.
        return `(__document_${name}${'\n'.repeat(call.split('\n').length - 1)})`;
      });
      const imports = [...used].map((name) => `import __document_${name} from ${JSON.stringify(PREFIX + name)};`).join(' ');
      // On the first line, for the same reason. The `graphql` import is then unused, and dropped.
      return { code: `${imports} ${replaced}`, map: null };
    },
  };
}

/** The generated map's entries, `"<document source>": types.<ExportName>,`, as source → export name. */
function documentNames(gql: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const [, key, name] of gql.matchAll(/^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),?$/gm)) {
    names.set(JSON.parse(key) as string, name);
  }
  if (names.size === 0) throw new Error('src/gql/gql.ts lists no documents: has the client preset changed its output?');
  return names;
}

/** Each `export const <Name> = {…} as unknown as DocumentNode<…>;` of graphql.ts, as name → the object's JSON. */
function documentContents(graphql: string): Map<string, string> {
  const documents = new Map<string, string>();
  for (const [, name, json] of graphql.matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)) {
    JSON.parse(json); // Plain JSON, or the preset's output has changed and this must be revisited.
    documents.set(name, json);
  }
  return documents;
}
