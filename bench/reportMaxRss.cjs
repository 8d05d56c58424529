// Preloaded (-r) into a benchmark's child process where /usr/bin/time is missing: prints the
// process's peak resident set (KB) on stderr as it exits, for bench/ledgerMemory.ts.
process.on("exit", () => process.stderr.write(`\nmaxRSS ${process.resourceUsage().maxRSS}\n`));
