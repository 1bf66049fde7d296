// Stands in for `lilconfig` in the bundles. @mrleebo/prisma-ast looks for a `prisma-ast` config when
// it loads, from the current directory up, and would `require()` a JavaScript config it finds: in a
// user's workspace that is running user code, which Stackscope never does. Its defaults are what we use.
export function lilconfigSync() {
  return { search: () => null, load: () => null };
}
