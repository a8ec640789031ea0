// Guards the bundle: a CommonJS-only dependency bundles without error but leaves a stub that
// crashes at start, so look for that stub, then start the bundle once.
import { readFileSync, readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

for (const file of readdirSync('dist').filter((name) => name.endsWith('.js'))) {
  if (readFileSync(`dist/${file}`, 'utf8').includes('webpackMissingModule')) {
    console.error(`dist/${file} has a missing module stub: a dependency could not be bundled.`)
    process.exit(1)
  }
}
const run = spawnSync(process.execPath, ['dist/index.js'], { encoding: 'utf8', env: { PATH: process.env.PATH } })
if (!run.stdout.includes('Input name is required')) {
  console.error('dist/index.js did not start and check its inputs:\n' + run.stdout + run.stderr)
  process.exit(1)
}
