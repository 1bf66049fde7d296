import type { Frontend } from './frontend';
import { djangoTemplateFrontend } from './django-template';
import { packageJsonFrontend } from './package-json';
import { prismaFrontend } from './prisma';
import { pythonFrontend } from './python';
import { typescriptFrontend } from './typescript';

export const FRONTENDS: readonly Frontend[] = [
  pythonFrontend,
  typescriptFrontend,
  djangoTemplateFrontend,
  prismaFrontend,
  packageJsonFrontend,
];

export function frontendFor(file: string): Frontend | undefined {
  return FRONTENDS.find((frontend) => frontend.handles(file));
}

let initialised: Promise<void> | undefined;

/** Loads every frontend's parser once per process. */
export function initFrontends(): Promise<void> {
  initialised ??= Promise.all(FRONTENDS.map((frontend) => frontend.init())).then(() => undefined);
  return initialised;
}
