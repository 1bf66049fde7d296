// The Debian packages the end-to-end run needs (a browser, the Kerberos headers a native module of
// code-server compiles against, and ripgrep to stand in for the binary code-server would download).
import { CHROMIUM, ensurePackages, RIPGREP, SUITE_PACKAGES } from '../../support/debian-packages';

export const chromiumPath = CHROMIUM;
export const ripgrepPath = RIPGREP;

export async function ensureSystemPackages(): Promise<void> {
  await ensurePackages(SUITE_PACKAGES.e2e);
}
