/**
 * How a middleware entry is named to a reader: a Django dotted path by its class
 * (`django.contrib.sessions.middleware.SessionMiddleware` → `SessionMiddleware`); anything else as
 * written, since `passport.session` and `session` are different entries.
 */
export function shortEntryName(name: string): string {
  return /^\w+(\.\w+){2,}$/.test(name) ? name.slice(name.lastIndexOf('.') + 1) : name;
}
