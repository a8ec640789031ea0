// Measures what the committed dist/ costs every workflow that uses it, each figure beside its
// baseline from the same run, and each time judged as a ratio to that baseline (scripts/bench-targets.js).
// Builds nothing. `npm run bench -- --write` also puts the table in
// CONTRIBUTING.md's performance section (the README is for users, and has no targets).
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { startEmulator } from '../emulator/index.js'
import { findNode24 } from './node24.js'
import { pollingRows } from './bench-polling.js'
import { judge, TARGETS } from './bench-targets.js'

const RUNS = 31
const DELAY_MS = 50
const SEED_FILE_CHARACTERS = 400_000
// Reports the child's peak memory on exit, without touching the action's own code.
const RSS_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nMAXRSS_KB='+process.resourceUsage().maxRSS+'\\n'))`

function run(node, args, env = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint()
    const child = spawn(node, args, { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const rss = /MAXRSS_KB=(\d+)/.exec(stderr)
      resolve({ code, ms, rssMb: rss ? Number(rss[1]) / 1024 : undefined })
    })
  })
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function bundleSize() {
  const files = readdirSync('dist').filter((name) => name.endsWith('.js'))
  let bytes = 0
  let gzip = 0
  for (const file of files) {
    const content = readFileSync(`dist/${file}`)
    bytes += content.length
    gzip += gzipSync(content).length
  }
  return { files: files.length, bytes, gzip, entry: statSync('dist/index.js').size }
}

/**
 * The floor of any action built on `@actions/core`: a bundle of nothing else, built with ncc as dist/ is, into a
 * temporary folder. Its entry is written under node_modules/.cache so that ncc finds the installed package.
 */
function buildCoreFloor() {
  const entry = join('node_modules', '.cache', 'bench-core-floor', 'index.mjs')
  mkdirSync(dirname(entry), { recursive: true })
  writeFileSync(entry, "import * as core from '@actions/core'\ncore.getInput('name')\n")
  const out = mkdtempSync(join(tmpdir(), 'bench-core-floor-'))
  const manifest = JSON.parse(readFileSync('node_modules/@vercel/ncc/package.json', 'utf8'))
  const ncc = join('node_modules/@vercel/ncc', manifest.bin.ncc)
  const build = spawnSync(process.execPath, [ncc, 'build', entry, '-o', out, '--quiet'], { stdio: 'inherit' })
  if (build.status !== 0) throw new Error(`ncc could not build the @actions/core floor (exit ${build.status})`)
  const bundle = readdirSync(out).find((name) => /^index\.m?js$/.test(name))
  if (!bundle) throw new Error('ncc wrote no bundle for the @actions/core floor')
  return { path: join(out, bundle), remove: () => rmSync(out, { recursive: true, force: true }) }
}

/**
 * Bare node, the `@actions/core` floor and the action with no inputs (a run that fails validation: it stops at
 * the first missing input), interleaved so that the machine's load weighs on the three alike. The overheads
 * are medians of each round's difference to bare node.
 */
async function coldStart(node, floorBundle) {
  const bare = []
  const floor = []
  const action = []
  for (let i = 0; i < RUNS; i++) {
    bare.push((await run(node, ['-e', ''])).ms)
    floor.push((await run(node, [floorBundle])).ms)
    action.push((await run(node, ['dist/index.js'])).ms)
  }
  const overhead = (times) => median(times.map((ms, i) => ms - bare[i]))
  return {
    bare: median(bare),
    floor: median(floor),
    action: median(action),
    floorOverhead: overhead(floor),
    actionOverhead: overhead(action)
  }
}

const INPUTS = {
  name: 'bench',
  'configured-audience-model-arn': 'arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/bench',
  'seed-audience-role-arn': 'arn:aws:iam::123456789012:role/seed',
  'seed-audience-s3-uri': 's3://bench/seed.jsonl',
  'role-to-assume': 'arn:aws:iam::123456789012:role/deploy',
  'aws-region': 'us-east-1'
}

/** Full OIDC launches against the emulator, every answer delayed by DELAY_MS. */
async function fullLaunch(node) {
  const emulator = await startEmulator({ delayMs: DELAY_MS, maxRunningJobs: 1000 })
  try {
    const times = []
    const rss = []
    let roundTrips = 0
    for (let i = 0; i < 7; i++) {
      emulator.reset()
      const env = { ...emulator.env(), AWS_EC2_METADATA_DISABLED: 'true', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '1' }
      for (const [name, value] of Object.entries({ ...INPUTS, name: `bench-${i}` }))
        env[`INPUT_${name.toUpperCase()}`] = value
      const result = await run(node, ['--import', RSS_HOOK, 'dist/index.js'], env)
      if (result.code !== 0) throw new Error(`the benchmark launch failed with exit code ${result.code}`)
      times.push(result.ms)
      rss.push(result.rssMb)
      roundTrips = emulator.requests.length
    }
    const bareRss = median(
      await Promise.all(Array.from({ length: 3 }, () => run(node, ['--import', RSS_HOOK, '-e', '']))).then((runs) =>
        runs.map((r) => r.rssMb)
      )
    )
    return { ms: median(times), rssMb: Math.max(...rss), bareRssMb: bareRss, roundTrips }
  } finally {
    await emulator.close()
  }
}

/** A SQL query of `length` characters, as a long list of seed user ids. */
function seedQuery(length) {
  const head = "SELECT user_id FROM seed_users WHERE user_id IN ('"
  let ids = ''
  for (let i = 0; head.length + ids.length < length; i++) ids += `u${String(i).padStart(6, '0')}','`
  return `${head}${ids}`.slice(0, length - 2) + "')"
}

/**
 * Launches with a SQL seed read from a 400,000-character file of the workspace, interleaved with the same
 * launch from S3: what reading, checking, signing and sending the large query adds.
 */
async function seedFileLaunch(node) {
  const workspace = mkdtempSync(join(tmpdir(), 'bench-workspace-'))
  mkdirSync(join(workspace, 'sql'))
  writeFileSync(join(workspace, 'sql', 'seed.sql'), seedQuery(SEED_FILE_CHARACTERS))
  const emulator = await startEmulator({ delayMs: DELAY_MS, maxRunningJobs: 1000 })
  try {
    const times = { s3: [], file: [] }
    let rss = 0
    for (let i = 0; i < 7; i++) {
      for (const seed of ['s3', 'file']) {
        const env = { ...emulator.env(), AWS_EC2_METADATA_DISABLED: 'true', GITHUB_WORKSPACE: workspace }
        const inputs = {
          ...INPUTS,
          name: `bench-${seed}-${i}`,
          ...(seed === 'file' ? { 'seed-audience-s3-uri': '', 'seed-audience-sql-query-file': 'sql/seed.sql' } : {})
        }
        for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
        const result = await run(node, ['--import', RSS_HOOK, 'dist/index.js'], env)
        if (result.code !== 0) throw new Error(`the benchmark launch (${seed}) failed with exit code ${result.code}`)
        times[seed].push(result.ms)
        if (seed === 'file') rss = Math.max(rss, result.rssMb)
      }
    }
    return { s3: median(times.s3), file: median(times.file), rssMb: rss }
  } finally {
    await emulator.close()
    rmSync(workspace, { recursive: true, force: true })
  }
}

const kb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`
const ms = (value) => `${value.toFixed(0)} ms`
const verdict = (ok) => (ok ? 'met' : 'missed')

async function measure(node, label, floorBundle) {
  const cold = await coldStart(node, floorBundle)
  const launch = await fullLaunch(node)
  const seedFile = await seedFileLaunch(node)
  const answers = 3 * DELAY_MS
  const floor = cold.bare + answers
  const start = judge(cold.action, cold.bare, TARGETS.coldStart)
  const validation = judge(cold.actionOverhead, cold.floorOverhead, TARGETS.validationOverhead)
  const full = judge(launch.ms, cold.bare, TARGETS.launch, answers)
  const seeded = judge(seedFile.file, seedFile.s3, TARGETS.seedFile)
  return [
    [
      `cold start, ${label} (median of ${RUNS})`,
      `${ms(cold.action)} (×${start.ratio.toFixed(2)} bare node)`,
      `bare node ${ms(cold.bare)}`,
      `≤ ×${TARGETS.coldStart} bare node`,
      verdict(start.met)
    ],
    [
      `start-up overhead of a run that fails validation, ${label} (median of ${RUNS})`,
      `+${ms(cold.actionOverhead)} over bare node (×${validation.ratio.toFixed(2)} the floor's)`,
      `@actions/core alone +${ms(cold.floorOverhead)} (${ms(cold.floor)})`,
      `≤ ×${TARGETS.validationOverhead} the floor's overhead`,
      verdict(validation.met)
    ],
    [
      `full OIDC launch, ${label}, ${DELAY_MS} ms per answer`,
      `${ms(launch.ms)} (×${full.ratio.toFixed(2)} bare node + ${answers} ms)`,
      `floor ${ms(floor)} (bare node + 3 answers)`,
      `≤ ×${TARGETS.launch} bare node + ${answers} ms`,
      verdict(full.met)
    ],
    [
      `round trips, ${label}`,
      `${launch.roundTrips}`,
      '3 needed (OIDC token, STS, start)',
      '3',
      verdict(launch.roundTrips === 3)
    ],
    [
      `peak memory of a full launch, ${label}`,
      `${launch.rssMb.toFixed(0)} MB`,
      `bare node ${launch.bareRssMb.toFixed(0)} MB`,
      `< ${TARGETS.peakRssMb} MB`,
      verdict(launch.rssMb < TARGETS.peakRssMb)
    ],
    [
      `launch with a ${SEED_FILE_CHARACTERS.toLocaleString('en')}-character SQL seed file, ${label}`,
      `${ms(seedFile.file)} (×${seeded.ratio.toFixed(2)} from S3), peak ${seedFile.rssMb.toFixed(0)} MB`,
      `the same launch from S3 ${ms(seedFile.s3)}`,
      `≤ ×${TARGETS.seedFile} from S3, < ${TARGETS.peakRssMb} MB`,
      verdict(seeded.met && seedFile.rssMb < TARGETS.peakRssMb)
    ]
  ]
}

/** Node 24 (the action's runtime) and the node running the benchmark, when that is another one. */
async function measureEachNode() {
  const node24 = findNode24()
  if ('missing' in node24) console.log(`No node 24 rows: ${node24.missing}`)
  const nodes = 'missing' in node24 ? [] : [{ path: node24.path, label: 'node 24' }]
  if (!process.version.startsWith('v24.'))
    nodes.push({ path: process.execPath, label: `node ${process.versions.node.split('.')[0]}` })
  const rows = []
  const floor = buildCoreFloor()
  try {
    for (const node of nodes) rows.push(...(await measure(node.path, node.label, floor.path)))
  } finally {
    floor.remove()
  }
  return rows
}

const size = bundleSize()
const rows = [
  [
    'JavaScript in dist/',
    `${kb(size.bytes)} in ${size.files} files (gzip ${kb(size.gzip)})`,
    `loaded at start: ${kb(size.entry)} (dist/index.js)`,
    `< ${kb(TARGETS.bytes)}`,
    verdict(size.bytes < TARGETS.bytes)
  ],
  ...(await measureEachNode()),
  ...(await pollingRows())
]
const table = [
  '| measure | action | baseline | target | |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.join(' | ')} |`)
].join('\n')
console.log(table)

if (process.argv.includes('--write')) {
  const TARGET = 'CONTRIBUTING.md'
  const MARKERS = /(<!-- bench:start -->)[\s\S]*?(<!-- bench:end -->)/
  const page = readFileSync(TARGET, 'utf8')
  if (!MARKERS.test(page)) {
    console.error(`${TARGET} has no <!-- bench:start --> ... <!-- bench:end --> section to write the table into.`)
    process.exit(1)
  }
  const stamped = `${table}\n\nMeasured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` on ${process.platform}/${process.arch}.`
  writeFileSync(TARGET, page.replace(MARKERS, `$1\n${stamped}\n$2`))
  spawnSync(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--write', TARGET], { stdio: 'inherit' })
}
