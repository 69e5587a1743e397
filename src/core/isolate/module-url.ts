// The file URL of a module beside the caller, for a worker to import. Under tsx (tests, bench) the
// sources are .ts files; `npm start`, the gongkai command and the CLI tests run the .js files that
// esbuild wrote to dist/. esbuild rewrites import statements but not strings, so the extension
// is taken from the caller's own URL.
export function siblingModule(importMetaUrl: string, relativePath: string): string {
  const ext = new URL(importMetaUrl).pathname.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`${relativePath}${ext}`, importMetaUrl).href;
}
