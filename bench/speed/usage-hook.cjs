// Preloaded into a measured process (`node --require`): at exit it writes the process's own CPU time
// (every thread's) and peak resident memory to the file named by STACKSCOPE_BENCH_USAGE.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const usage = process.resourceUsage();
  const out = process.env.STACKSCOPE_BENCH_USAGE;
  if (out) writeFileSync(out, JSON.stringify({ cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRssMb: usage.maxRSS / 1024 }));
});
