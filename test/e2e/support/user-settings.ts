// User settings for the code-server under test: nothing may open on its own, reach the network or
// ask a question, so what the screen shows comes from the workspace and the extension alone.
export const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'typescript.disableAutomaticTypeAcquisition': true,
  // The built-in TypeScript service would load each example as a project (they have no node_modules)
  // and hold every code-action request meanwhile; a quick-fix menu that shows up late takes the next
  // key. Its syntax-only server answers at once.
  'typescript.tsserver.useSyntaxServer': 'always',
  'git.enabled': false,
  'files.autoSave': 'off',
  // The sticky header would cover lines in the README screenshots.
  'editor.stickyScroll.enabled': false,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
};
